// What createApiClient sends and what it makes of each answer, against a real server on 127.0.0.1.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient, defineApi } from '../../src/core/index.js';
import { respond } from '../helpers/local-server.js';
import { failure, servePerTest } from '../helpers/serve-per-test.js';

const serve = servePerTest();
afterEach(() => vi.unstubAllGlobals());

describe('createApiClient: what is sent', () => {
  it('joins the base and the path with one slash, and sends an absolute URL as it is', async () => {
    const { url, seen } = await serve((_req, res) => respond(res, 204));
    const client = createApiClient({ baseUrl: `${url}/v1//` });
    await client.get('//coins');
    await client.get('coins');
    await client.get(`${url}/other`);
    await client.get(`${url.replace('http', 'HTTP')}/upper`);
    // A URL inside the query is no absolute path; slashes inside the path stay.
    await client.get('/go?to=https://x.example/');
    await client.get('coins/1//items');
    await client.request('/plain');
    expect(seen.map((r) => r.url)).toEqual(['/v1/coins', '/v1/coins', '/other', '/upper', '/v1/go?to=https://x.example/', '/v1/coins/1//items', '/v1/plain']);
    expect(seen.at(-1)?.method).toBe('GET');
  });

  it('sends the headers of the client and of the call, the call winning, and keeps an Accept the caller chose', async () => {
    const { url, seen } = await serve((_req, res) => respond(res, 204));
    const client = createApiClient({ baseUrl: url, headers: { 'x-app': 'shop', 'x-both': 'client' } });
    await client.get('/a', { headers: { 'x-both': 'call', accept: 'text/csv' } });
    await client.get('/b');
    expect(seen[0]?.headers).toMatchObject({ 'x-app': 'shop', 'x-both': 'call', accept: 'text/csv' });
    expect(seen[1]?.headers).toMatchObject({ 'x-app': 'shop', 'x-both': 'client', accept: 'application/json' });
  });

  it('sends PUT and DELETE with their methods, a JSON body as JSON and a raw body as it is', async () => {
    const { url, seen } = await serve((_req, res) => respond(res, 204));
    const client = createApiClient({ baseUrl: url });
    await client.put('/items/1', { qty: 2 });
    await client.delete('/items/1');
    await client.post('/text', 'plain words');
    await client.post('/form', new URLSearchParams({ a: '1' }));
    await client.post('/bytes', new Uint8Array([104, 105]));
    await client.post('/blob', new Blob(['blob!'], { type: 'text/plain' }));
    await client.post('/typed', { a: 1 }, { headers: { 'content-type': 'application/vnd.api+json' } });
    await client.post('/empty');
    expect(seen.map((r) => [r.method, r.body, r.headers['content-type'] ?? null])).toEqual([
      ['PUT', '{"qty":2}', 'application/json'],
      ['DELETE', '', null],
      ['POST', 'plain words', 'text/plain;charset=UTF-8'],
      ['POST', 'a=1', 'application/x-www-form-urlencoded;charset=UTF-8'],
      ['POST', 'hi', null],
      ['POST', 'blob!', 'text/plain'],
      ['POST', '{"a":1}', 'application/vnd.api+json'],
      ['POST', '', null],
    ]);
  });

  it('sends an Idempotency-Key the caller gives as it is, and none unless asked', async () => {
    const { url, seen } = await serve((_req, res) => respond(res, 204));
    const client = createApiClient({ baseUrl: url });
    await client.post('/orders', { a: 1 }, { idempotencyKey: 'order-42' });
    await client.post('/orders', { a: 1 });
    expect(seen.map((r) => r.headers['idempotency-key'] ?? null)).toEqual(['order-42', null]);
  });

  it('sends no credential for a token that is no string', async () => {
    const { url, seen } = await serve((_req, res) => respond(res, 204));
    await createApiClient({ baseUrl: url, auth: { getToken: () => 12345 as unknown as string } }).get('/a');
    expect(seen[0]?.headers.authorization).toBeUndefined();
  });

  it('turns a header the fetch refuses into an ApiError naming the request', async () => {
    const { url, seen } = await serve((_req, res) => respond(res, 204));
    const error = await failure(createApiClient({ baseUrl: url }).get('/a', { headers: { 'bad header': 'x' } }));
    expect(error.request).toMatchObject({ method: 'GET', url: `${url}/a` });
    expect(seen).toHaveLength(0);
  });

  it('sends a FormData body as multipart', async () => {
    const { url, seen } = await serve((_req, res) => respond(res, 204));
    const form = new FormData();
    form.set('name', 'crew');
    await createApiClient({ baseUrl: url }).post('/form', form);
    expect(seen[0]?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen[0]?.body).toContain('crew');
  });

  it('quotes at most 100 characters of a baseUrl it refuses', () => {
    expect(() => createApiClient({ baseUrl: `x${'y'.repeat(500)}` })).toThrow(new RegExp(`"x${'y'.repeat(99)}" is not a URL`));
  });

  it('sends no credential for an empty token, and turns a getToken that throws into unauthorized', async () => {
    const { url, seen } = await serve((_req, res) => respond(res, 204));
    await createApiClient({ baseUrl: url, auth: { getToken: () => '' } }).get('/a');
    expect(seen[0]?.headers.authorization).toBeUndefined();
    const error = await failure(createApiClient({ baseUrl: url, auth: { getToken: () => Promise.reject(new Error('refresh failed')) } }).get('/b'));
    expect(error).toMatchObject({ kind: 'unauthorized', recovery: 'reauthenticate', message: 'Could not get an access token', request: { method: 'GET', url: `${url}/b` } });
    expect(seen).toHaveLength(1);
  });

  it('refuses a token that is no valid header value without quoting it', async () => {
    const { url, seen } = await serve((_req, res) => respond(res, 204));
    const token = 'secret\nInjected: yes';
    for (const scheme of ['bearer', 'x-api-key'] as const) {
      const error = await failure(createApiClient({ baseUrl: url, auth: { getToken: () => token, scheme } }).get('/a'));
      expect(error).toMatchObject({ kind: 'unauthorized', recovery: 'reauthenticate', message: 'The access token cannot be sent: it is not a valid header value' });
      expect(JSON.stringify(error)).not.toContain('secret');
      expect(String((error.cause as Error).message)).not.toContain('secret');
    }
    expect(seen).toHaveLength(0);
  });

  // A key passed in headers rather than through `auth` is as secret as the token: a server that
  // echoes the key it refused must not put it into the error (issue 12, secrets).
  it("keeps keys sent in the client's and the call's headers out of the error a server echoes them into", async () => {
    const key = 'k7Qz9wXpL2mN4vB8';
    const token = 'Zt5Rw8Yp3Lq6Nv2J';
    const { url } = await serve((req, res) => {
      const sent = String(req.headers['x-api-key'] ?? req.headers.authorization ?? '').replace(/^Bearer /, '');
      respond(res, 401, { message: `invalid api key ${sent}`, code: `bad_key_${sent}`, request_id: sent }, { 'x-request-id': sent });
    });
    const errors = [
      await failure(createApiClient({ baseUrl: url, headers: { 'x-api-key': key } }).get('/a')),
      await failure(createApiClient({ baseUrl: url, headers: [['X-Api-Key', ` ${key} `]] }).get('/a')),
      await failure(createApiClient({ baseUrl: url }).get('/a', { headers: { authorization: `Bearer ${token}` } })),
      await failure(createApiClient({ baseUrl: url }).post('/a', { a: 1 }, { headers: new Headers({ Authorization: `Bearer ${token}` }) })),
    ];
    for (const error of errors) {
      expect(error).toMatchObject({ kind: 'unauthorized', message: 'invalid api key [redacted]', requestId: '[redacted]', code: 'bad_key_[redacted]' });
      expect(JSON.stringify(error)).not.toMatch(/k7Qz|Zt5R/);
    }
  });

  it('refuses a header value that cannot be sent without quoting it, on every method', async () => {
    const { url, seen } = await serve((_req, res) => respond(res, 204));
    const key = 'key12345678\nInjected: yes';
    const client = createApiClient({ baseUrl: url });
    const errors = [
      await failure(createApiClient({ baseUrl: url, headers: { 'x-api-key': key } }).get('/a')),
      await failure(client.get('/a', { headers: { 'x-api-key': key } })),
      await failure(client.post('/a', { a: 1 }, { headers: { 'x-api-key': key } })),
      await failure(client.put('/a', 'raw', { headers: { 'x-api-key': key } })),
    ];
    for (const error of errors) {
      expect(error).toMatchObject({ kind: 'validation', recovery: 'fix-request', message: 'A request header is not a valid header name or value', request: { url: `${url}/a` } });
      expect(JSON.stringify(error)).not.toContain('key1234');
      expect(String((error.cause as Error).message)).not.toContain('key1234');
    }
    expect(seen).toHaveLength(0);
  });
});

describe('createApiClient: what comes back', () => {
  it('returns nothing for 204, 205 and HEAD, and the text of a non-JSON success', async () => {
    const { url } = await serve((req, res) => {
      if (req.url === '/205') respond(res, 205);
      else if (req.url === '/text') respond(res, 200, 'hello', { 'content-type': 'text/plain' });
      else respond(res, 200, { a: 1 });
    });
    const client = createApiClient({ baseUrl: url });
    await expect(client.get('/205')).resolves.toBeUndefined();
    await expect(client.request('/head', { method: 'head' })).resolves.toBeUndefined();
    await expect(client.get('/text')).resolves.toBe('hello');
    await expect(client.get('/json')).resolves.toEqual({ a: 1 });
  });

  it('keeps ETags for GET only, lets a caller send its own If-None-Match, and keeps at most etagCacheSize', async () => {
    const { url, seen } = await serve((req, res) => {
      if (req.headers['if-none-match'] === `"${req.url}"`) respond(res, 304, undefined, { etag: `"${req.url}"` });
      else respond(res, 200, { path: req.url }, { etag: `"${req.url}"` });
    });
    const client = createApiClient({ baseUrl: url, etagCacheSize: 1 });
    await client.post('/p', { a: 1 });
    await client.post('/p', { a: 1 });
    // A POST's ETag is not kept for a GET, and a GET's is not sent with a POST.
    await client.get('/p');
    await client.post('/p', { a: 1 });
    await client.get('/a');
    await client.get('/a', { headers: { 'if-none-match': '"mine"' } });
    await client.get('/b');
    // '/b' pushed '/a' out of a cache of one: '/a' is fetched whole, then revalidated.
    await expect(client.get('/a')).resolves.toEqual({ path: '/a' });
    await expect(client.get('/a')).resolves.toEqual({ path: '/a' });
    expect(seen.map((r) => r.headers['if-none-match'] ?? null)).toEqual([null, null, null, null, null, '"mine"', null, null, '"/a"']);
  });
});

describe('createApiClient: a relative baseUrl in a page', () => {
  it("resolves against the page's origin, and refuses when the page has no origin ('null')", async () => {
    const { url, seen } = await serve((_req, res) => respond(res, 200, { ok: true }));
    vi.stubGlobal('location', { origin: url, href: `${url}/app/` });
    const client = createApiClient({ baseUrl: '/api' });
    expect(client.origin()).toBe(url);
    await expect(client.get('/coins')).resolves.toEqual({ ok: true });
    expect(seen[0]?.url).toBe('/api/coins');
    vi.stubGlobal('location', { origin: 'null', href: 'about:blank' });
    expect(client.origin()).toBeNull();
    expect(await failure(client.get('/coins'))).toMatchObject({ kind: 'validation' });
    vi.stubGlobal('location', { origin: '', href: '' });
    expect(client.origin()).toBeNull();
  });
});

describe('createApiClient: time and cancelling', () => {
  it('takes a per-call timeout over the default, names the time in the error, and 0 disables it', async () => {
    const { url } = await serve((_req, res) => setTimeout(() => respond(res, 200, { late: true }), 150));
    const client = createApiClient({ baseUrl: url, timeoutMs: 20 });
    const error = await failure(client.get('/slow'));
    expect(error).toMatchObject({ kind: 'timeout', recovery: 'retry', message: 'No response within 20 ms', request: { method: 'GET', url: `${url}/slow` } });
    await expect(client.get('/slow', { timeoutMs: 0 })).resolves.toEqual({ late: true });
    await expect(client.get('/slow', { timeoutMs: 1000 })).resolves.toEqual({ late: true });
    await expect(createApiClient({ baseUrl: url }).get('/slow')).resolves.toEqual({ late: true });
  });

  it('sends nothing for a signal aborted already, and stops waiting between retries when aborted', async () => {
    const { url, seen } = await serve((_req, res) => respond(res, 503, { error: 'busy' }, { 'retry-after': '5' }));
    const client = createApiClient({ baseUrl: url, retry: { random: () => 0 } });
    const error = await failure(client.get('/a', { signal: AbortSignal.abort() }));
    expect(error.kind).toBe('aborted');
    expect(seen).toHaveLength(0);
    const controller = new AbortController();
    const pending = failure(client.get('/b', { signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    expect(await pending).toMatchObject({ kind: 'aborted', request: { method: 'GET', url: `${url}/b` } });
    expect(seen).toHaveLength(1);
  });

  it('retries a GET on its own only when retry is on', async () => {
    let calls = 0;
    const { url } = await serve((_req, res) => {
      calls += 1;
      if (calls === 1) respond(res, 503, { error: 'warming up' }, { 'retry-after': '0' });
      else respond(res, 200, { ok: true });
    });
    expect(await failure(createApiClient({ baseUrl: url, retry: false }).get('/a'))).toMatchObject({ kind: 'unavailable', status: 503 });
    await expect(createApiClient({ baseUrl: url, retry: { random: () => 0 } }).get('/a')).resolves.toEqual({ ok: true });
    expect(calls).toBe(2);
  });

  it('gives up after maxRetries', async () => {
    const { url, seen } = await serve((_req, res) => respond(res, 503, { error: 'busy' }, { 'retry-after': '0' }));
    expect(await failure(createApiClient({ baseUrl: url, retry: { maxRetries: 2, random: () => 0 } }).get('/a'))).toMatchObject({ kind: 'unavailable' });
    expect(seen).toHaveLength(3);
  });

  it("returns a success whose body its profile's check cannot read", async () => {
    const { url } = await serve((_req, res) => respond(res, 200, { state: 'done' }));
    const flaky = defineApi({ name: 'flaky', isFailedBody: () => { throw new Error('profile bug'); } });
    await expect(createApiClient({ baseUrl: url, api: flaky }).get('/job')).resolves.toEqual({ state: 'done' });
  });

  it('turns a fetch that throws before sending into an ApiError', async () => {
    const client = createApiClient({ baseUrl: 'https://api.example.test', fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(await failure(client.get('/a'))).toMatchObject({ kind: 'network', request: { method: 'GET', url: 'https://api.example.test/a' } });
  });
});
