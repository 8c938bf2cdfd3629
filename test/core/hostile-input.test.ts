import { describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  ERROR_KINDS,
  pirateCrew,
  pumpFun,
  createApiClient,
  type ApiProfile,
  describeError,
  errorFromResponse,
  isApiError,
  normalizeError,
  rateLimitFromHeaders,
  toHeaderMap,
} from '../../src/core/index.js';
import { MAX_RATE_LIMIT_WINDOWS, createApiErrorStore, rateLimitKey, report, waitForRateLimitWindow } from '../../src/store/index.js';
import { textFromHtml } from '../../src/core/markup.js';
import { redactSecrets } from '../../src/core/secrets.js';
import { respond, startLocalServer } from '../helpers/local-server.js';

// Issue 12: every API a page talks to is untrusted input. These inputs froze, flooded or misled
// the core before; each test states what a caller must get instead.

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const DAY = 86_400_000;
// Runs that look like tokens to the redaction patterns and never complete one.
const tokenLike = (chars: number) => 'eyJ-'.repeat(Math.ceil(chars / 4)).slice(0, chars);
const axiosError = (status: number, data: unknown, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`Request failed with status code ${status}`), { isAxiosError: true, response: { status, headers: {}, data }, ...extra });

describe('every reader is bounded, whatever the size of its input', () => {
  it('reads a 1 MB token-like message, keeps a short message and a bounded toJSON', async () => {
    const text = tokenLike(1 << 20);
    const viaFetch = await errorFromResponse(new Response(JSON.stringify({ message: text }), { status: 400, headers: { 'content-type': 'application/json' } }), { now: NOW });
    const viaAxios = normalizeError(axiosError(400, { message: text, details: { echo: text } }), { now: NOW });
    for (const error of [viaFetch, viaAxios]) {
      expect(error.message.length).toBeLessThanOrEqual(500);
      expect(JSON.stringify(error).length).toBeLessThan(200_000);
    }
  });

  it('caps a 10 MB body on the axios path before anything reads it; toJSON still works', () => {
    const huge = 'x'.repeat(10 << 20);
    const asText = normalizeError(axiosError(502, huge), { now: NOW });
    expect(typeof asText.body === 'string' && asText.body.length).toBeLessThanOrEqual(8192);
    const asJson = normalizeError(axiosError(400, { message: huge, items: Array.from({ length: 100_000 }, (_, i) => ({ i, text: 'y'.repeat(100) })) }), { now: NOW });
    expect(JSON.stringify(asJson.body).length).toBeLessThan(100_000);
    expect(() => JSON.stringify(asJson)).not.toThrow();
    expect(JSON.stringify(asJson).length).toBeLessThan(200_000);
  });

  it('keeps toJSON bounded for an ApiError built by hand with huge fields', () => {
    const huge = tokenLike(4 << 20);
    const error = new ApiError({
      kind: huge as never, message: huge, code: huge, requestId: huge, param: huge, docUrl: `https://docs.example.org/${huge}`, api: huge, recovery: huge as never,
      request: { method: huge, url: `https://api.example.org/${huge}` }, details: { huge, list: Array.from({ length: 10_000 }, () => huge) }, body: { huge, list: [huge, huge] }, cause: new Error(huge),
    });
    expect(JSON.stringify(error).length).toBeLessThan(150_000);
  });

  it('keeps the request, recovery and cause in toJSON however large the details are', () => {
    const request = { method: 'POST', url: 'https://api.example.org/orders' };
    const cause = new Error('socket hang up');
    // 80 KB of text in 40 strings; 1,640 values in 40 rows of 40.
    const manyChars = { texts: Array.from({ length: 40 }, () => 'd'.repeat(2048)) };
    const manyNodes = { rows: Array.from({ length: 40 }, () => Array.from({ length: 40 }, (_, i) => i)) };
    for (const details of [manyChars, manyNodes]) {
      const json = new ApiError({ kind: 'validation', message: 'Bad order', api: 'shop', request, recovery: 'fix-request', details, body: { ok: false }, cause }).toJSON();
      expect(json).toMatchObject({ api: 'shop', request, recovery: 'fix-request', body: { ok: false }, cause: { name: 'Error', message: 'socket hang up' } });
    }
  });

  it('copies an object that details and body share into both, not as a cycle', () => {
    const accepts = [{ scheme: 'exact', network: 'base', maxAmountRequired: '10000' }];
    const json = new ApiError({ kind: 'payment_required', message: 'Pay first', details: { accepts }, body: { accepts } }).toJSON();
    expect(json.details).toEqual({ accepts });
    expect(json.body).toEqual({ accepts });
  });

  it('counts key text in the toJSON size bound', () => {
    const key = (i: number) => `${'k'.repeat(190)}${i}`;
    const wide = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [key(i), Object.fromEntries(Array.from({ length: 50 }, (_, j) => [key(j), 1]))]));
    const json = JSON.stringify(new ApiError({ kind: 'unknown', message: 'm', details: wide, body: wide }));
    expect(json.length).toBeLessThan(150_000);
  });

  it('checks what a profile\'s readHeaders returns like any untrusted value', async () => {
    const read = (readHeaders: () => unknown) =>
      errorFromResponse(new Response('{"message":"bad input"}', { status: 400, headers: { 'content-type': 'application/json' } }), {
        now: NOW,
        request: { method: 'GET', url: 'https://api.example.org/x' },
        profiles: [{ name: 'example', hosts: ['api.example.org'], readHeaders: readHeaders as never }],
      });
    for (const said of [{ kind: 'constructor' }, { kind: '__proto__', retry: 'false' }, { retry: 'true', defaultWaitMs: '5000' }, { rateLimit: 'none' }]) {
      const error = await read(() => said);
      expect(error).toMatchObject({ kind: 'validation', status: 400, retryable: false, retryAfterMs: null, message: 'bad input' });
    }
    const throwing = await read(() => ({ get kind(): never { throw new Error('getter'); } }));
    expect(throwing).toMatchObject({ kind: 'validation', status: 400, message: 'bad input' });
    const odd = await read(() => ({ rateLimit: { limit: 'many', remaining: Number.NaN, resetAt: NOW + 5000 } }));
    expect(odd.rateLimit).toEqual({ limit: null, remaining: null, resetAt: NOW + 5000 });
  });

  it('reads statuses the same with a polluted Object.prototype', async () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = null;
    try {
      const error = await errorFromResponse(new Response('', { status: 418 }), { now: NOW });
      expect(error).toMatchObject({ kind: 'validation', status: 418 });
      expect(Object.hasOwn(new ApiError({ kind: 'server', message: 'm' }), 'polluted')).toBe(false);
    } finally {
      delete proto.polluted;
    }
  });

  it('reads a 256 KB numeric rate-limit header that ends in a letter as no number', () => {
    const value = `${'1'.repeat(256 * 1024)}x`;
    expect(rateLimitFromHeaders(toHeaderMap({ 'x-ratelimit-limit': value, 'x-ratelimit-remaining': value, ratelimit: value }), NOW)).toBeNull();
  });

  it('reads HTML pages full of unclosed tags', () => {
    for (const tag of ['<title>', '<h1>', '<script>', '<body', '<head>', '<style>', '<a ']) {
      const error = normalizeError(axiosError(502, tag.repeat(200_000)), { now: NOW });
      expect(error.kind).toBe('bad_gateway');
      expect(error.message).not.toMatch(/</);
    }
  });

  it('settles when a body never ends, with what arrived by the deadline', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"message":"partial'));
      },
    });
    const error = await errorFromResponse(new Response(stream, { status: 503 }), { now: NOW, bodyTimeoutMs: 50 });
    expect(error.kind).toBe('unavailable');
    expect(error.body).toBe('{"message":"partial');
  });

  it('keeps at most MAX_RATE_LIMIT_WINDOWS windows for 2,000 origins, the newest among them', () => {
    const store = createApiErrorStore();
    for (let i = 0; i < 2000; i += 1) {
      report(store, new ApiError({ kind: 'rate_limited', message: 'slow down', retryable: true, retryAfterMs: 60_000 + i, request: { method: 'GET', url: `https://api${i}.example` } }), { now: NOW, toast: false });
    }
    const windows = store.getState().rateLimits;
    expect(Object.keys(windows).length).toBeLessThanOrEqual(MAX_RATE_LIMIT_WINDOWS);
    expect(windows['https://api1999.example']).toBeDefined();
  });

  it('never waits longer than a day, and never asks setTimeout for more than 2^31-1 ms', async () => {
    const error = new ApiError({ kind: 'rate_limited', message: 'come back next month', retryable: true, retryAfterMs: 30 * DAY, api: 'slow' });
    expect(error.retryAfterMs).toBe(DAY);
    const store = createApiErrorStore();
    report(store, error, { now: NOW, toast: false });
    expect(store.getState().rateLimits.slow!.resetAt).toBe(NOW + DAY);
    // A window opened by a store with a clock far ahead of the gate's (a hand-made state).
    store.setState({ rateLimits: { far: { key: 'far', resetAt: NOW + 40 * DAY, openedAt: NOW, limit: null, remaining: 0 } } });
    const delays: number[] = [];
    const original = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      delays.push(ms ?? 0);
      return original(() => undefined, 0);
    }) as typeof setTimeout);
    const controller = new AbortController();
    const waiting = waitForRateLimitWindow(store, 'far', controller.signal, () => NOW);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    spy.mockRestore();
    expect(delays.length).toBeGreaterThan(0);
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(2 ** 31 - 1);
  });
});

// The caps above hide the readers behind them: a reader that backtracks again would still pass every
// capped test. These inputs are far past every cap and reach the readers themselves; each one read
// linearly takes milliseconds, read by a backtracking pattern minutes (past the test timeout).
describe('the readers behind the caps are linear on their own', () => {
  const MB = 1 << 20;

  it('redactSecrets reads megabytes of token-like runs in one pass', () => {
    const dashes = 'eyJ-'.repeat(MB); // every `eyJ` starts a JWT that never gets its dot
    expect(redactSecrets(dashes)).toBe(dashes);
    const firstSegmentOnly = `eyJabcd.${dashes}`; // a JWT whose second segment never ends
    expect(redactSecrets(firstSegmentOnly)).toBe(firstSegmentOnly);
    expect(redactSecrets(`${dashes}.abcd.efgh, then text`)).toBe('[redacted], then text');
    const mixed = 'eyJa.eyJa. Bearer x sk_live_ ?token= '.repeat(MB / 32);
    expect(redactSecrets(mixed)).toBe(mixed);
    expect(redactSecrets(`Bearer ${'a'.repeat(4 * MB)}`)).toBe('Bearer [redacted]');
  });

  it('rateLimitFromHeaders reads a 1 MB number that ends in a letter as no number, when handed a plain Map', () => {
    const value = `${'1'.repeat(MB)}x`;
    expect(rateLimitFromHeaders(new Map([['x-ratelimit-limit', value]]), NOW)).toBeNull();
    expect(rateLimitFromHeaders(new Map([['x-ratelimit-limit', value], ['x-ratelimit-remaining', '0']]), NOW)).toEqual({ limit: null, remaining: 0, resetAt: null });
  });

  // Each tag never closes, so every one of its 600,000 starts fails; the page's text is found anyway.
  it.each([
    ['<title>', '<h1>Bad gateway</h1>', 'Bad gateway'],
    ['<title>', '<p>Service down</p>', 'Service down'],
    ['<title ', '<p>Service down</p>', 'Service down'],
    ['<h1 ', '<p>Service down</p>', 'Service down'],
    ['<body ', '<p>Service down</p>', 'Service down'],
  ])('the HTML page reader reads 600,000 unclosed %s after %s', (tag, page, text) => {
    expect(textFromHtml(`${page}${tag.repeat(600_000)}`, [], Infinity)).toBe(text);
  });
});

describe('hostile shapes', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('reads a code named %s as a plain code', (code) => {
    for (const body of [{ error: { code, message: 'm' } }, { code, message: 'm' }, { errors: [{ extensions: { code } }] }, { error: { code: 'x', message: 'm' }, jsonrpc: '2.0' }]) {
      const error = normalizeError(axiosError(400, body), { now: NOW });
      expect(ERROR_KINDS).toContain(error.kind);
      expect(typeof error.kind).toBe('string');
    }
    const plain = normalizeError({ code, message: 'm' });
    expect(ERROR_KINDS).toContain(plain.kind);
    expect(typeof describeError(plain).description).toBe('string');
  });

  // A profile's code table is read by own property only: a code named like an Object.prototype
  // member finds no rule (`Object` itself, under the key `constructor`), only the status rule.
  it.each(['constructor', '__proto__', 'toString'])('finds no profile rule for a code named %s', async (code) => {
    const read = (profile: ApiProfile, url: string) =>
      errorFromResponse(new Response(JSON.stringify({ error: { code, message: 'm' } }), { status: 400, headers: { 'content-type': 'application/json' } }), { now: NOW, profiles: [profile], request: { method: 'GET', url } });
    // pumpFun has rules by status only; pirateCrew has a code table (and no rule for 400).
    expect(await read(pumpFun, 'https://frontend-api-v3.pump.fun/coins')).toMatchObject({ api: 'pumpfun', code, kind: 'validation', messageKey: 'pumpfun.400' });
    expect(await read(pirateCrew, 'https://api.piratecrew.fun/crew')).toMatchObject({ api: 'piratecrew', code, kind: 'validation', messageKey: null });
  });

  it('leaves `&constructor;` and friends as text', () => {
    const error = normalizeError(axiosError(400, { message: 'a &constructor; b &__proto__; c &toString; d &amp; e' }));
    expect(error.message).toBe('a &constructor; b &__proto__; c &toString; d & e');
  });

  it('lets the gate through at once for keys named like Object.prototype members', async () => {
    const store = createApiErrorStore();
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      await expect(waitForRateLimitWindow(store, key, undefined, () => NOW)).resolves.toBeUndefined();
    }
  });

  it('describes an error whose details throw, and a Proxy posing as an ApiError', () => {
    const details = Object.defineProperty({}, 'seconds', { enumerable: true, get: () => { throw new Error('getter'); } });
    const error = new ApiError({ kind: 'validation', message: 'm', details });
    expect(() => describeError(error)).not.toThrow();
    const trap = () => { throw new Error('trap'); };
    const hostile = new Proxy(error, { get: trap, getOwnPropertyDescriptor: trap, ownKeys: trap, has: trap });
    expect(() => describeError(hostile)).not.toThrow();
    expect(describeError(hostile).title).toBeTruthy();
    expect(() => isApiError(new Proxy({}, { getPrototypeOf: trap, get: trap }))).not.toThrow();
    expect(isApiError(new Proxy({}, { getPrototypeOf: trap, get: trap }))).toBe(false);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(isApiError(proxy)).toBe(false);
  });

  it('resolves errorFromResponse whatever the context', async () => {
    const trap = () => { throw new Error('trap'); };
    const { proxy: revoked, revoke } = Proxy.revocable([], {});
    revoke();
    const contexts: unknown[] = [
      new Proxy({}, { get: trap, getOwnPropertyDescriptor: trap, has: trap, ownKeys: trap }),
      { profiles: revoked },
      { secrets: revoked },
      { profiles: new Proxy([1, 2], { get: trap }) },
      { api: new Proxy({ name: 'x' }, { get: trap, getOwnPropertyDescriptor: trap }) },
      { profiles: [{ get name(): string { throw new Error('name'); } }] },
      { request: new Proxy({}, { getOwnPropertyDescriptor: trap }) },
    ];
    for (const context of contexts) {
      const error = await errorFromResponse(new Response('{"message":"nope"}', { status: 429 }), context as never);
      expect(isApiError(error)).toBe(true);
      expect(error.kind).toBe('rate_limited');
    }
  });

  it('keys a window by the origin when only the body looks like a known API', async () => {
    const pumpLike = () => new Response(JSON.stringify({ error: 'Too Many Requests', message: 'slow down', statusCode: 429 }), { status: 429, headers: { 'retry-after': '86400' } });
    const elsewhere = await errorFromResponse(pumpLike(), { now: NOW, profiles: [pumpFun], request: { method: 'GET', url: 'https://evil.example/x' } });
    expect(rateLimitKey(elsewhere)).toBe('https://evil.example');
    const store = createApiErrorStore();
    report(store, elsewhere, { now: NOW, toast: false });
    await expect(waitForRateLimitWindow(store, 'pumpfun', undefined, () => NOW)).resolves.toBeUndefined();
    // The API's own host, or the caller naming it, still closes its window.
    const own = await errorFromResponse(pumpLike(), { now: NOW, profiles: [pumpFun], request: { method: 'GET', url: 'https://frontend-api-v3.pump.fun/coins' } });
    expect(rateLimitKey(own)).toBe('pumpfun');
    const forced = await errorFromResponse(pumpLike(), { now: NOW, profiles: [pumpFun], api: 'pumpfun', request: { method: 'GET', url: 'https://proxy.example/pump' } });
    expect(rateLimitKey(forced)).toBe('pumpfun');
  });
});

describe('secrets', () => {
  const token = 'tok_9f8e7d6c5b4a39281706';

  it('redacts a token the server echoes into any field, through the client', async () => {
    const server = await startLocalServer((_req, res) =>
      respond(res, 400, { error: { code: `bad_${token}`, message: `token ${token} is bad`, request_id: `req-${token}`, doc_url: `https://docs.example/errors?t=${token}`, param: token, details: { echo: token } } }, { 'x-request-id': token }),
    );
    try {
      const client = createApiClient({ baseUrl: server.url, auth: { getToken: () => token } });
      const error = (await client.get('/a').catch((e: unknown) => e)) as ApiError;
      expect(isApiError(error)).toBe(true);
      for (const value of [error.code, error.requestId, error.docUrl, error.param, error.message, JSON.stringify(error), JSON.stringify(error.details), JSON.stringify(error.body)]) {
        expect(value ?? '').not.toContain(token);
      }
    } finally {
      await server.close();
    }
  });

  it('fails as an ApiError without the token when the token cannot be sent or read', async () => {
    const server = await startLocalServer((_req, res) => respond(res, 204));
    try {
      const bad = `${token}\r\nx-injected: 1`;
      const invalid = await createApiClient({ baseUrl: server.url, auth: { getToken: () => bad } }).get('/a').catch((e: unknown) => e);
      expect(isApiError(invalid)).toBe(true);
      expect(JSON.stringify(invalid)).not.toContain(token);
      expect(String((invalid as ApiError).message)).not.toContain(token);
      expect(String(((invalid as ApiError).cause as Error | undefined)?.message ?? '')).not.toContain(token);
      const throwing = await createApiClient({ baseUrl: server.url, auth: { getToken: () => { throw new Error('refresh failed'); } } }).get('/a').catch((e: unknown) => e);
      expect(isApiError(throwing)).toBe(true);
      expect((throwing as ApiError).kind).toBe('unauthorized');
    } finally {
      await server.close();
    }
  });

  it("treats axios's own Authorization header as a secret", () => {
    const error = normalizeError(
      axiosError(401, { message: `invalid credentials ${token}`, echo: token }, { config: { method: 'get', url: 'https://api.example/a', headers: { Authorization: `Bearer ${token}` } } }),
    );
    expect(error.message).not.toContain(token);
    expect(JSON.stringify(error)).not.toContain(token);
  });

  it("keeps axios's token out of toJSON when the thrown error's own message carries it", () => {
    // An SDK that puts the raw header value into its message; no pattern could tell it is a token.
    const raw = 'k7Qz9wXpL2mN4vB8';
    const thrown = Object.assign(new Error(`request with ${raw} failed`), {
      isAxiosError: true,
      response: { status: 401, headers: {}, data: { message: 'no' } },
      config: { method: 'get', url: 'https://api.example/a', headers: { 'X-Api-Key': raw } },
    });
    const error = normalizeError(thrown);
    expect(error.cause).toBe(thrown); // the cause is kept as it was thrown
    expect(JSON.stringify(error)).not.toContain(raw);
    expect(JSON.stringify(error.toJSON().cause)).toContain('request with');
  });

  it('redacts credentials in the URL of a wrapped error message in toJSON().cause', () => {
    const cause = new Error(`GET https://api.example/v1/a?api_key=${token}&page=2 failed; retry with token=${token}`);
    const json = JSON.stringify(new ApiError({ kind: 'network', message: 'offline', cause }));
    expect(json).not.toContain(token);
    expect(json).toContain('page=2');
  });

  // Alchemy, Infura and QuickNode carry the key in the RPC URL's path, and viem/ethers quote that URL.
  it.each([
    ['Alchemy', 'https://eth-mainnet.g.alchemy.com/v2/', 'Ab3dEfGh1jKlMnOpQr5tUvWxYz012345'],
    ['Infura', 'https://mainnet.infura.io/v3/', '9aa3d95b3bc440fa88ea12eaa4456161'],
    ['QuickNode', 'https://example.solana-mainnet.quiknode.pro/', 'f0e1d2c3b4a5968778695a4b3c2d1e0f12345678'],
  ])('redacts an API key in the path of a %s RPC URL, in the message and in toJSON()', (_name, base, key) => {
    const error = normalizeError(new Error(`HTTP request failed.\n\nURL: ${base}${key}\nRequest body: {"method":"eth_call"}`));
    expect(error.message).not.toContain(key);
    expect(JSON.stringify(error)).not.toContain(key);
    expect(error.message).toContain(`${base}[redacted]`);
  });

  it('keeps resource ids in paths: UUIDs and short ids', () => {
    const error = normalizeError(new Error('GET https://api.example/v1/orders/123e4567-e89b-12d3-a456-426614174000/items/ord_01HXYZ failed'));
    expect(error.message).toContain('123e4567-e89b-12d3-a456-426614174000/items/ord_01HXYZ');
  });
});

describe('the client', () => {
  it('returns a successful non-JSON response whole (the cap is for error bodies)', async () => {
    const text = 'line of text\n'.repeat(20_000);
    const server = await startLocalServer((_req, res) => respond(res, 200, text, { 'content-type': 'text/plain' }));
    try {
      await expect(createApiClient({ baseUrl: server.url }).get('/big.txt')).resolves.toBe(text);
    } finally {
      await server.close();
    }
  });
});

describe('thrown values are capped before any pattern reads them', () => {
  it('reads a 20 MB thrown message, a 20 MB error code and an axios baseURL of 1 MB slashes', () => {
    const huge = `${'user rejected '.repeat(1_500_000)}x`;
    expect(normalizeError(Object.assign(new Error(huge), { name: 'UserRejectedRequestError' })).kind).toBe('aborted');
    expect(normalizeError(axiosError(400, { error: `${'A_'.repeat(10_000_000)}` })).code?.length).toBeLessThanOrEqual(200);
    const slashes = normalizeError(axiosError(500, 'x', { config: { url: 'a', baseURL: `${'/'.repeat(1 << 20)}x` } }));
    expect(slashes.kind).toBe('server');
  });
});
