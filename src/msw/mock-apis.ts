import { http, HttpResponse, type HttpHandler } from 'msw';
import { fixtureHeaders, seedFixtures, type SeedFixture } from '../fixtures/index.js';
import { x402Accepts } from '../fixtures/ipfs-pinning.js';

export type SeedApi = SeedFixture['api'];

/** Where each seed API lives in the mocks (the solana swap and pinning hosts are placeholders). */
export const seedBaseUrls: Record<SeedApi | 'x402', string> = {
  pumpfun: 'https://frontend-api-v3.pump.fun',
  'solana-swap': 'https://swap-api.solana.example',
  piratecrew: 'https://api.piratecrew.fun',
  generic: 'https://api.example.com',
  'ipfs-pinning': 'https://api.pinning.example',
  x402: 'https://x402.pinning.example',
};

const RATE_LIMITED: Record<SeedApi, string> = {
  pumpfun: 'pumpfun/rate-limited',
  'solana-swap': 'solana-swap/RATE_LIMITED',
  piratecrew: 'piratecrew/rate_limited',
  generic: 'generic/RATE_LIMIT_EXCEEDED',
  'ipfs-pinning': 'ipfs-pinning/RATE_LIMITED',
};
const UNAUTHORIZED: Record<SeedApi, string> = {
  pumpfun: 'pumpfun/unauthorized',
  'solana-swap': 'solana-swap/unauthorized',
  piratecrew: 'piratecrew/unauthorized',
  generic: 'generic/UNAUTHENTICATED',
  'ipfs-pinning': 'ipfs-pinning/UNAUTHORIZED',
};
/** The requests that sign in: they pass an expired session, and end it. */
const SIGN_IN: Record<SeedApi, string> = {
  pumpfun: 'POST /auth/login',
  'solana-swap': 'POST /v1/keys/rotate',
  piratecrew: 'POST /v1/auth/session',
  generic: 'POST /api/v1/session',
  'ipfs-pinning': 'POST /auth/login',
};

/** Looks a fixture up by id; throws for an unknown one, so a typo fails loudly in a test. */
export function seedFixture(id: string): SeedFixture {
  const fixture = seedFixtures.find((candidate) => candidate.id === id);
  if (!fixture) throw new Error(`faultline/msw: no seed fixture "${id}". Known: ${seedFixtures.map((f) => f.id).join(', ')}`);
  return fixture;
}

function apiOf(url: URL): SeedApi | null {
  const origin = url.origin;
  if (origin === seedBaseUrls.x402) return 'ipfs-pinning';
  return (Object.keys(RATE_LIMITED) as SeedApi[]).find((api) => seedBaseUrls[api] === origin) ?? null;
}

/**
 * The fixture's documented response, now. `waitSeconds` makes its wait live: Retry-After, the
 * rate-limit reset and any retry field of the body all say that many seconds.
 */
export function fixtureHttpResponse(fixture: SeedFixture, now = Date.now(), patch: { waitSeconds?: number; body?: Record<string, unknown> } = {}): Response {
  const wait = patch.waitSeconds;
  const live = wait !== undefined && fixture.rateLimit ? { ...fixture, rateLimit: { ...fixture.rateLimit, resetIn: wait } } : fixture;
  const headers = new Headers(fixtureHeaders(live, now));
  headers.set('Access-Control-Expose-Headers', '*');
  if (wait !== undefined) headers.set('Retry-After', String(wait));
  let body: unknown = fixture.body;
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const waits = wait === undefined ? {} : Object.fromEntries(Object.keys(body).filter((key) => /retry_?after/i.test(key)).map((key) => [key, wait]));
    body = { ...body, ...waits, ...patch.body };
  }
  return new HttpResponse(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), { status: fixture.status, headers });
}

/** One handler answering `method url` exactly as the fixture documents (default: its own request). */
export function fixtureHandler(id: string, options: { method?: string; url?: string; once?: boolean } = {}): HttpHandler {
  const fixture = seedFixture(id);
  const method = (options.method ?? fixture.method).toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch';
  const url = options.url ?? fixture.url.split('?')[0]!;
  return http[method](url, () => fixtureHttpResponse(fixture), { once: options.once ?? false });
}

export interface MockApisOptions {
  /** The clock (epoch ms). Default `Date.now`. */
  now?: () => number;
  /** Start with the wait headers withheld (see `MockApis.withholdWaitHeaders`). Default false. */
  withholdWaitHeaders?: boolean;
}

// What a page cannot read of a cross-origin response unless the API lists it in
// Access-Control-Expose-Headers: every header faultline reads a wait or a quota from.
const WAIT_HEADER = /^(retry-after|retry-after-ms|x-retry-after|x-ratelimit-.*|ratelimit.*)$/i;

/**
 * The response as a page on another origin sees it when the API exposes none of its wait headers.
 * A service worker's answers are not filtered by CORS, so the mock leaves those headers out itself.
 */
function withoutWaitHeaders(response: Response): Response {
  if (response.type === 'error') return response;
  const headers = new Headers();
  response.headers.forEach((value, name) => {
    if (!WAIT_HEADER.test(name) && name.toLowerCase() !== 'access-control-expose-headers') headers.set(name, value);
  });
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** Mock servers for the five seed APIs, with switches for the failures their pages document. */
export interface MockApis {
  handlers: HttpHandler[];
  /** Fail the next `count` requests to the fixture's API (any path) with that documented error. */
  failNext: (fixtureId: string, count?: number) => void;
  /** Answer every request to `api` with its documented 429 for `seconds`; the wait counts down. */
  rateLimit: (api: SeedApi, seconds: number) => void;
  /** Answer every request to `api` with its documented 401 until it signs in again. */
  expireSession: (api: SeedApi) => void;
  signIn: (api: SeedApi) => void;
  /** Quotes issued from now on expire after `ms` (the real API: 30 s). */
  setQuoteTtl: (ms: number) => void;
  /** How pins end after passing through queued and pinning. */
  setPinOutcome: (outcome: 'pinned' | 'failed') => void;
  /**
   * Answer as APIs on another origin that do not list Retry-After and their rate-limit headers in
   * Access-Control-Expose-Headers: the page sees a 429 or 503 with no wait it can read (a wait in the
   * body stays). `false` exposes them again.
   */
  withholdWaitHeaders: (withhold?: boolean) => void;
  /** Every request fails at the network level until `goOnline()`. */
  goOffline: () => void;
  goOnline: () => void;
  /** Requests each API has received (rate-limited and failed ones included). */
  requests: Record<SeedApi, number>;
  /** Back to the defaults: no failures, no limits, signed in, 30 s quotes, pins that succeed. */
  reset: () => void;
}

/** Builds the mock APIs. Use `handlers` with `setupWorker` / `setupServer`; flip the switches in tests. */
export function createMockApis(options: MockApisOptions = {}): MockApis {
  const now = options.now ?? Date.now;
  const state = {
    forced: [] as Array<{ fixture: SeedFixture; left: number }>,
    limitedUntil: {} as Partial<Record<SeedApi, number>>,
    expired: new Set<SeedApi>(),
    quoteTtlMs: 30_000,
    pinOutcome: 'pinned' as 'pinned' | 'failed',
    offline: false,
    withhold: options.withholdWaitHeaders ?? false,
    quotes: new Map<string, number>(),
    pins: new Map<string, { createdAt: number; cid: string; outcome: 'pinned' | 'failed' }>(),
    ids: 0,
  };
  const requests: Record<SeedApi, number> = { pumpfun: 0, 'solana-swap': 0, piratecrew: 0, generic: 0, 'ipfs-pinning': 0 };
  const nextId = (prefix: string) => `${prefix}_${(state.ids += 1).toString(36).padStart(4, '0')}`;

  // Runs before every API's own routes: the switches above decide whether the request even gets there.
  const present = (response: Response | undefined): Response | undefined => (response && state.withhold ? withoutWaitHeaders(response) : response);
  const gate = http.all(/^https:\/\/[^/]+\/.*/, ({ request }) => present(answerGate(request)));
  const answerGate = (request: Request): Response | undefined => {
    const url = new URL(request.url);
    const api = apiOf(url);
    if (!api) return undefined;
    requests[api] += 1;
    if (state.offline) return HttpResponse.error();
    const forced = state.forced.find((entry) => entry.fixture.api === api);
    if (forced) {
      forced.left -= 1;
      if (forced.left <= 0) state.forced.splice(state.forced.indexOf(forced), 1);
      return fixtureHttpResponse(forced.fixture, now());
    }
    const until = state.limitedUntil[api];
    if (until !== undefined && until > now()) {
      const seconds = Math.max(1, Math.ceil((until - now()) / 1000));
      return fixtureHttpResponse(seedFixture(RATE_LIMITED[api]), now(), { waitSeconds: seconds });
    }
    const route = `${request.method} ${url.pathname}`;
    if (state.expired.has(api) && route !== SIGN_IN[api]) return fixtureHttpResponse(seedFixture(UNAUTHORIZED[api]), now());
    return undefined;
  };

  const ok = (body: unknown, init: ResponseInit = {}) =>
    present(HttpResponse.json(body as Record<string, unknown>, { ...init, headers: { 'Access-Control-Expose-Headers': '*', ...init.headers } }))!;
  const documented = (fixture: SeedFixture, patch?: Parameters<typeof fixtureHttpResponse>[2]) => present(fixtureHttpResponse(fixture, now(), patch))!;
  const signInRoute = (api: SeedApi, token: string) => {
    const [method, path] = SIGN_IN[api].split(' ') as [string, string];
    const base = api === 'ipfs-pinning' ? seedBaseUrls['ipfs-pinning'] : seedBaseUrls[api];
    return http[method.toLowerCase() as 'post'](`${base}${path}`, () => {
      state.expired.delete(api);
      return ok({ token: `${token}_${nextId('session')}` });
    });
  };

  const { pumpfun, piratecrew, generic, x402 } = seedBaseUrls;
  const swap = seedBaseUrls['solana-swap'];
  const pinning = seedBaseUrls['ipfs-pinning'];
  const coins = [
    { mint: '7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr', name: 'Pepe on Sol', symbol: 'PEPE', usd_market_cap: 412_930 },
    { mint: 'HeLp6NuQkmYB4pYWo2zYs22mESHXPQYzXbB8n4V98jwC', name: 'Crew Coin', symbol: 'CREW', usd_market_cap: 88_120 },
  ];

  const handlers: HttpHandler[] = [
    gate,
    ...(Object.keys(SIGN_IN) as SeedApi[]).map((api) => signInRoute(api, api)),

    http.get(`${pumpfun}/coins/latest`, () => ok(coins, { headers: { etag: '"coins-v1"', 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '99' } })),
    http.get(`${pumpfun}/coins/:mint`, ({ params }) => {
      const coin = coins.find((c) => c.mint === params.mint);
      return coin ? ok(coin) : documented(seedFixture('pumpfun/not-found'));
    }),

    http.get(`${swap}/v1/quote`, ({ request }) => {
      const url = new URL(request.url);
      const amount = Number(url.searchParams.get('amount') ?? '1000000000');
      const quoteId = nextId('q');
      state.quotes.set(quoteId, now() + state.quoteTtlMs);
      return ok({
        quoteId,
        inputMint: url.searchParams.get('inputMint'),
        outputMint: url.searchParams.get('outputMint'),
        inAmount: String(amount),
        outAmount: String(Math.round(amount * 0.1873)),
        priceImpactPct: '0.12',
        expiresAt: new Date(now() + state.quoteTtlMs).toISOString(),
      });
    }),
    http.post(`${swap}/v1/swap`, async ({ request }) => {
      const body = (await request.json().catch(() => ({}))) as { quoteId?: string };
      const expiresAt = body.quoteId ? state.quotes.get(body.quoteId) : undefined;
      if (expiresAt === undefined) return documented(seedFixture('solana-swap/QUOTE_NOT_FOUND'), { body: { quoteId: body.quoteId ?? null } });
      if (expiresAt <= now()) return documented(seedFixture('solana-swap/QUOTE_EXPIRED'), { body: { quoteId: body.quoteId } });
      state.quotes.delete(body.quoteId!);
      return ok({ status: 'submitted', signature: `5${nextId('sig').replace('_', '')}xZtQ9c1f8Lw3JpXn2u7bVdKq4h6rYs9` });
    }),
    http.get(`${swap}/v1/tx/:signature`, ({ params }) => ok({ signature: params.signature, status: 'confirmed', slot: 301_442_118 })),

    http.get(`${piratecrew}/v1/pools`, () => ok({ pools: [{ address: '9wFFyRfZBsuAha4YcuxcXLKwMxJR43S7fPfQLusDBzvT', ticker: 'CREW', tvl: 12_400 }] })),
    http.post(`${piratecrew}/v1/tokens`, () => ok({ mint: 'CrEw1111111111111111111111111111111111111111', status: 'created' }, { status: 201 })),

    http.get(`${generic}/api/v1/users`, () => ok([{ id: 42, name: 'Ada' }])),
    http.get(`${generic}/api/v1/me`, () => ok({ id: 42, name: 'Ada', balance: '50.50' })),

    http.post(`${pinning}/pins`, async ({ request }) => {
      const body = (await request.json().catch(() => ({}))) as { cid?: string };
      const requestid = nextId('pin');
      state.pins.set(requestid, { createdAt: now(), cid: body.cid ?? 'bafy', outcome: state.pinOutcome });
      return ok({ requestid, status: 'queued', created: new Date(now()).toISOString(), pin: { cid: body.cid } }, { status: 202 });
    }),
    http.get(`${pinning}/pins/:requestid`, ({ params }) => {
      const pin = state.pins.get(String(params.requestid));
      if (!pin) return documented(seedFixture('ipfs-pinning/NOT_FOUND'));
      const age = now() - pin.createdAt;
      // The Pinning Service lifecycle: queued → pinning → pinned | failed.
      const status = age < 800 ? 'queued' : age < 1600 ? 'pinning' : pin.outcome;
      return ok({
        requestid: params.requestid,
        status,
        created: new Date(pin.createdAt).toISOString(),
        pin: { cid: pin.cid },
        info: status === 'failed' ? { status_details: 'Content not found on the IPFS network before the timeout' } : {},
      });
    }),

    http.post(`${x402}/upload`, ({ request }) => {
      // x402: without X-PAYMENT, the payment requirements; with one, the upload goes through.
      if (!request.headers.get('x-payment')) return documented(seedFixture('ipfs-pinning/payment-required'));
      return ok({ cid: 'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi', paid: x402Accepts[0]?.maxAmountRequired }, { headers: { 'X-PAYMENT-RESPONSE': 'settled' } });
    }),
  ];

  return {
    handlers,
    requests,
    failNext(fixtureId, count = 1) {
      state.forced.push({ fixture: seedFixture(fixtureId), left: count });
    },
    rateLimit(api, seconds) {
      state.limitedUntil[api] = now() + seconds * 1000;
    },
    expireSession(api) {
      state.expired.add(api);
    },
    signIn(api) {
      state.expired.delete(api);
    },
    setQuoteTtl(ms) {
      state.quoteTtlMs = ms;
    },
    setPinOutcome(outcome) {
      state.pinOutcome = outcome;
    },
    withholdWaitHeaders(withhold = true) {
      state.withhold = withhold;
    },
    goOffline() {
      state.offline = true;
    },
    goOnline() {
      state.offline = false;
    },
    reset() {
      state.forced = [];
      state.limitedUntil = {};
      state.expired.clear();
      state.quoteTtlMs = 30_000;
      state.pinOutcome = 'pinned';
      state.offline = false;
      state.withhold = options.withholdWaitHeaders ?? false;
      for (const api of Object.keys(requests) as SeedApi[]) requests[api] = 0;
    },
  };
}
