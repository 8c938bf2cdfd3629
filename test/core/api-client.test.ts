import { describe, expect, it } from 'vitest';
import { createApiClient, ipfsPinning, pirateCrew, type ApiError } from '../../src/core/index.js';
import { respond, startLocalServer } from '../helpers/local-server.js';
import { failure, servePerTest } from '../helpers/serve-per-test.js';

const serve = servePerTest();

describe('createApiClient', () => {
  it('sends JSON and parses JSON', async () => {
    const { url, seen } = await serve((req, res) => respond(res, 200, { echo: JSON.parse(req.body) as unknown }));
    const client = createApiClient({ baseUrl: `${url}/v1/` });
    await expect(client.post('/orders', { amount: 5 })).resolves.toEqual({ echo: { amount: 5 } });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/v1/orders', headers: { 'content-type': 'application/json', accept: 'application/json' } });
  });

  it('sends a bearer token or an x-api-key, read before every request', async () => {
    const { url, seen } = await serve((_req, res) => respond(res, 204));
    let token = 'first';
    const bearer = createApiClient({ baseUrl: url, auth: { getToken: () => token } });
    await bearer.get('/a');
    token = 'second';
    await bearer.get('/a');
    await createApiClient({ baseUrl: url, auth: { getToken: async () => 'key-1', scheme: 'x-api-key' } }).get('/b');
    await createApiClient({ baseUrl: url, auth: { getToken: () => null } }).get('/c');
    expect(seen.map((r) => r.headers.authorization ?? r.headers['x-api-key'] ?? null)).toEqual(['Bearer first', 'Bearer second', 'key-1', null]);
  });

  it('throws an ApiError read with the profile, with no token in it', async () => {
    const token = 'tok_live_1234567890';
    const { url } = await serve((_req, res) =>
      respond(res, 401, { error: { code: 'unauthorized', message: `token ${token} expired` }, meta: { request_id: 'req_9' } }),
    );
    const client = createApiClient({ baseUrl: url, api: pirateCrew, auth: { getToken: () => token } });
    const error = await failure(client.get('/v1/me'));
    expect(error).toMatchObject({ kind: 'unauthorized', api: 'piratecrew', requestId: 'req_9', request: { method: 'GET', url: `${url}/v1/me` } });
    expect(JSON.stringify(error)).not.toContain(token);
    expect(error.message).not.toContain(token);
  });

  it('throws for a 200 whose body says it failed', async () => {
    const { url } = await serve((_req, res) => respond(res, 200, { errors: [{ message: 'Not signed in', extensions: { code: 'UNAUTHENTICATED' } }], data: null }));
    const error = await failure(createApiClient({ baseUrl: url }).post('/graphql', { query: '{ viewer { id } }' }));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 200 });
  });

  it('times out with kind timeout', async () => {
    const { url } = await serve((_req, res) => setTimeout(() => respond(res, 200, {}), 500));
    const error = await failure(createApiClient({ baseUrl: url, timeoutMs: 50 }).get('/slow'));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true, status: null });
  });

  it("honours the caller's AbortSignal with kind aborted", async () => {
    const { url } = await serve((_req, res) => setTimeout(() => respond(res, 200, {}), 500));
    const controller = new AbortController();
    const pending = createApiClient({ baseUrl: url }).get('/slow', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect(await failure(pending)).toMatchObject({ kind: 'aborted', retryable: false });
  });

  it('throws a network ApiError when nothing listens', async () => {
    const { url, close } = await serve((_req, res) => respond(res, 200, {}));
    await close(); // closing it again after the test is harmless
    expect(await failure(createApiClient({ baseUrl: url }).get('/x'))).toMatchObject({ kind: 'network', retryable: true });
  });

  it('sends one Idempotency-Key on every retry of one logical request', async () => {
    let calls = 0;
    const { url, seen } = await serve((_req, res) => {
      calls += 1;
      if (calls < 3) respond(res, 503, { error: 'warming up' }, { 'retry-after': '0' });
      else respond(res, 201, { id: 'order_1' });
    });
    const client = createApiClient({ baseUrl: url, retry: { random: () => 0 } });
    await expect(client.post('/orders', { a: 1 }, { idempotencyKey: true })).resolves.toEqual({ id: 'order_1' });
    const keys = seen.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    // A second logical request gets a new key.
    calls = 0;
    await client.post('/orders', { a: 2 }, { idempotencyKey: true });
    expect(seen[3]?.headers['idempotency-key']).not.toBe(keys[0]);
  });

  it('does not resend a POST without an Idempotency-Key after a 500', async () => {
    const { url, seen } = await serve((_req, res) => respond(res, 500, { error: 'boom' }));
    const client = createApiClient({ baseUrl: url, retry: { random: () => 0 } });
    await failure(client.post('/orders', { a: 1 }));
    expect(seen).toHaveLength(1);
  });

  it('revalidates with ETag and returns the cached body on 304', async () => {
    const { url, seen } = await serve((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') respond(res, 304, undefined, { etag: '"v1"' });
      else respond(res, 200, { coin: 'PEPE' }, { etag: '"v1"' });
    });
    const client = createApiClient({ baseUrl: url });
    await expect(client.get('/coins/1')).resolves.toEqual({ coin: 'PEPE' });
    await expect(client.get('/coins/1')).resolves.toEqual({ coin: 'PEPE' });
    expect(seen.map((r) => r.headers['if-none-match'] ?? null)).toEqual([null, '"v1"']);
  });

  it('refuses a baseUrl that is not a URL when the client is created', () => {
    for (const baseUrl of ['api.example.com', 'ftp://files.example.com', '', 'javascript:alert(1)']) {
      expect(() => createApiClient({ baseUrl })).toThrow(/is not a URL\. Use an absolute http\(s\) URL/);
    }
    expect(createApiClient({ baseUrl: 'https://api.example.com/v1' }).origin()).toBe('https://api.example.com');
  });

  it('fails a request with a relative baseUrl on a server with a clear error, without sending anything', async () => {
    let sent = 0;
    // Creating it is fine (a module may create its clients on import); only a request needs the page.
    const client = createApiClient({ baseUrl: '/api', fetch: async () => ((sent += 1), new Response('{}')) });
    expect(client.origin()).toBeNull();
    const error = await failure(client.get('/coins'));
    expect(error).toMatchObject({ kind: 'validation', retryable: false, request: { method: 'GET', url: '/api/coins' } });
    expect(error.message).toContain("baseUrl '/api' is relative and there is no page to resolve it against");
    expect(sent).toBe(0);
  });

  it('lets the app see every response (for rate-limit headers)', async () => {
    const { url } = await serve((_req, res) => respond(res, 200, {}, { 'x-ratelimit-remaining': '0' }));
    const seenRemaining: (string | null)[] = [];
    await createApiClient({ baseUrl: url, onResponse: (response) => seenRemaining.push(response.headers.get('x-ratelimit-remaining')) }).get('/x');
    expect(seenRemaining).toEqual(['0']);
  });
});

it('throws for a 2xx body its profile reports as failed (a failed pin)', async () => {
  const { url, close } = await startLocalServer((_req, res) => respond(res, 200, { requestid: 'p1', status: 'failed', pin: { cid: 'bafy' }, info: { status_details: 'not found' } }));
  try {
    const error = await createApiClient({ baseUrl: url, api: ipfsPinning }).get('/pins/p1').catch((e: unknown) => e as ApiError);
    expect(error).toMatchObject({ kind: 'unknown', code: 'failed', status: 200, message: 'not found' });
  } finally {
    await close();
  }
});
