import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, errorFromResponse, ipfsPinning, isApiError, pirateCrew, pumpFun, solanaSwap, type ApiError } from '../../src/core/index.js';
import { createMockApis, fixtureHandler, seedBaseUrls, seedFixtures } from '../../src/msw/index.js';

let clock = Date.UTC(2026, 10, 24, 12, 0, 0);
const mock = createMockApis({ now: () => clock });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  mock.reset();
});
afterAll(() => server.close());

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (isApiError(error)) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('faultline/msw', () => {
  it.each(seedFixtures.map((f) => [f.id, f] as const))('fixtureHandler answers %s as documented', async (id, fixture) => {
    server.use(fixtureHandler(id));
    const response = await fetch(fixture.url.split('?')[0]!, { method: fixture.method });
    expect(response.status).toBe(fixture.status);
    const error = await errorFromResponse(response, { request: { method: fixture.method, url: fixture.url }, api: fixture.api });
    expect(error.status).toBe(fixture.status);
  });

  it('fails the next N requests with a documented code, then answers normally', async () => {
    const pump = createApiClient({ baseUrl: seedBaseUrls.pumpfun, api: pumpFun });
    mock.failNext('pumpfun/unavailable', 2);
    expect((await failure(pump.get('/coins/latest'))).kind).toBe('unavailable');
    expect((await failure(pump.get('/coins/latest'))).kind).toBe('unavailable');
    await expect(pump.get('/coins/latest')).resolves.toHaveLength(2);
    expect(mock.requests.pumpfun).toBe(3);
  });

  it('rate-limits an API for S seconds with a Retry-After that counts down', async () => {
    const swap = createApiClient({ baseUrl: seedBaseUrls['solana-swap'], api: solanaSwap });
    mock.rateLimit('solana-swap', 10);
    expect(await failure(swap.get('/v1/quote'))).toMatchObject({ kind: 'rate_limited', code: 'RATE_LIMITED', retryAfterMs: 10_000 });
    clock += 4000;
    expect((await failure(swap.get('/v1/quote'))).retryAfterMs).toBe(6000);
    clock += 6000;
    await expect(swap.get('/v1/quote')).resolves.toMatchObject({ quoteId: expect.any(String) });
  });

  it('withholds the wait headers, as a cross-origin API that exposes none of them looks to a page', async () => {
    const crew = createApiClient({ baseUrl: seedBaseUrls.piratecrew, api: pirateCrew });
    const pump = createApiClient({ baseUrl: seedBaseUrls.pumpfun, api: pumpFun, onResponse: (response) => seen.push([...response.headers.keys()]) });
    const seen: string[][] = [];
    mock.rateLimit('piratecrew', 10);
    expect(await failure(crew.get('/v1/pools'))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 10_000, retryAfterSource: 'header' });
    mock.withholdWaitHeaders();
    expect(await failure(crew.get('/v1/pools'))).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: null, retryAfterSource: null });
    await pump.get('/coins/latest');
    expect(seen.at(-1)).not.toContain('x-ratelimit-remaining');
    expect(seen.at(-1)).toContain('etag');
    mock.withholdWaitHeaders(false);
    expect((await failure(crew.get('/v1/pools'))).retryAfterSource).toBe('header');
    mock.goOffline();
    mock.withholdWaitHeaders();
    expect((await failure(crew.get('/v1/pools'))).kind).toBe('network');
  });

  it('keeps a session expired until it signs in again', async () => {
    const pump = createApiClient({ baseUrl: seedBaseUrls.pumpfun, api: pumpFun });
    mock.expireSession('pumpfun');
    expect((await failure(pump.get('/coins/latest'))).kind).toBe('unauthorized');
    await pump.post('/auth/login', { signature: 'sig' });
    await expect(pump.get('/coins/latest')).resolves.toHaveLength(2);
  });

  it('expires quotes after T', async () => {
    const swap = createApiClient({ baseUrl: seedBaseUrls['solana-swap'], api: solanaSwap });
    mock.setQuoteTtl(1000);
    const quote = await swap.get<{ quoteId: string }>('/v1/quote?amount=5');
    clock += 1000;
    expect(await failure(swap.post('/v1/swap', { quoteId: quote.quoteId }))).toMatchObject({ kind: 'gone', code: 'QUOTE_EXPIRED', recovery: 'requote', details: { quoteId: quote.quoteId } });
    const fresh = await swap.get<{ quoteId: string }>('/v1/quote?amount=5');
    await expect(swap.post('/v1/swap', { quoteId: fresh.quoteId })).resolves.toMatchObject({ status: 'submitted' });
  });

  it('walks a pin through queued → pinning → failed', async () => {
    const pins = createApiClient({ baseUrl: seedBaseUrls['ipfs-pinning'], api: ipfsPinning });
    mock.setPinOutcome('failed');
    const { requestid } = await pins.post<{ requestid: string }>('/pins', { cid: 'bafy1' });
    const statuses = [];
    for (let i = 0; i < 2; i += 1) {
      statuses.push((await pins.get<{ status: string }>(`/pins/${requestid}`)).status);
      clock += 800;
    }
    expect(statuses).toEqual(['queued', 'pinning']);
    // A failed pin is a 200 PinStatus; the client throws it as the failure it reports.
    expect(await failure(pins.get(`/pins/${requestid}`))).toMatchObject({ api: 'ipfs-pinning', code: 'failed', status: 200 });
  });

  it('asks for an x402 payment, then accepts one', async () => {
    const gateway = createApiClient({ baseUrl: seedBaseUrls.x402 });
    expect(await failure(gateway.post('/upload', 'file'))).toMatchObject({ kind: 'payment_required', details: { x402Version: 1 } });
    await expect(gateway.post('/upload', 'file', { headers: { 'X-PAYMENT': 'eyJwYXlsb2FkIjoxfQ' } })).resolves.toMatchObject({ cid: expect.any(String) });
  });

  it('goes offline and back', async () => {
    const pump = createApiClient({ baseUrl: seedBaseUrls.pumpfun });
    mock.goOffline();
    expect((await failure(pump.get('/coins/latest'))).kind).toBe('network');
    mock.goOnline();
    await expect(pump.get('/coins/latest')).resolves.toHaveLength(2);
  });
});
