// What normalizeError makes of the values apps actually throw: axios and fetch errors, Responses,
// strings, bare Errors, plain bodies. Each keeps the request it names and loses its credentials.
import { describe, expect, it } from 'vitest';
import { ApiError, builtInProfiles, errorFromResponse, normalizeError } from '../../src/core/index.js';

describe('normalizeError: the request an axios error names', () => {
  const axiosError = (config: Record<string, unknown>) => ({ isAxiosError: true, code: 'ERR_NETWORK', name: 'AxiosError', message: 'Network Error', config });

  it('joins baseURL and url with one slash, upper-cases the method, and defaults it to GET', () => {
    expect(normalizeError(axiosError({ method: 'post', baseURL: 'https://api.example.test/v1//', url: '//orders' })).request).toEqual({ method: 'POST', url: 'https://api.example.test/v1/orders' });
    expect(normalizeError(axiosError({ url: '/orders', baseURL: 'https://api.example.test' })).request).toEqual({ method: 'GET', url: 'https://api.example.test/orders' });
    // An absolute url is not put under the base.
    expect(normalizeError(axiosError({ url: 'HTTPS://other.example.test/x', baseURL: 'https://api.example.test' })).request).toEqual({ method: 'GET', url: 'HTTPS://other.example.test/x' });
    expect(normalizeError(axiosError({ url: '/only-a-path' })).request).toEqual({ method: 'GET', url: '/only-a-path' });
    expect(normalizeError(axiosError({ method: 'get' })).request).toBeNull();
  });

  it('caps the method and the URL it reads', () => {
    const error = normalizeError(axiosError({ method: 'x'.repeat(100), url: `/${'a'.repeat(20_000)}` }));
    expect(error.request?.method).toBe('X'.repeat(20));
    expect(error.request?.url).toHaveLength(8192);
  });

  it("prefers the caller's request to the one axios names", () => {
    const error = normalizeError(axiosError({ method: 'post', url: 'https://api.example.test/a' }), { request: { method: 'PUT', url: 'https://mine.example.test/b' } });
    expect(error.request).toMatchObject({ method: 'PUT', url: 'https://mine.example.test/b' });
  });

  it('treats the credentials of the request as secrets: the header value and the token after its scheme', () => {
    const token = 'tok_abcdef123456';
    for (const header of ['Authorization', 'Proxy-Authorization', 'X-API-Key', 'api-key', 'x-auth-token', 'Cookie']) {
      const value = header === 'Authorization' ? `Bearer ${token}` : token;
      const error = normalizeError({ ...axiosError({ url: 'https://api.example.test/a', headers: { [header]: value } }), message: `Request with ${token} failed`, code: undefined, name: 'Error' });
      expect(error.message, header).not.toContain(token);
      expect(JSON.stringify(error.toJSON().details), header).not.toContain(token);
    }
    // Other headers are not secrets.
    const plain = normalizeError({ name: 'Error', message: 'trace abcdef123456 failed', config: { url: '/a', headers: { 'x-trace': 'abcdef123456' } } });
    expect(plain.message).toContain('abcdef123456');
  });
});

describe('normalizeError: errors without a response', () => {
  it("keeps a thrown error's message and code, capped, and falls back to the kind's words", () => {
    const withCode = normalizeError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }));
    expect(withCode).toMatchObject({ kind: 'network', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1', retryable: true, recovery: 'retry' });
    expect(normalizeError({ code: 4001, message: 'User rejected the request.' })).toMatchObject({ kind: 'aborted', code: '4001', retryable: false });
    expect(normalizeError(Object.assign(new Error(''), { code: 'ETIMEDOUT' }))).toMatchObject({ kind: 'timeout', message: 'The request timed out' });
    expect(normalizeError(Object.assign(new Error('x'), { code: 'c'.repeat(500) })).code).toHaveLength(200);
    expect(normalizeError(new Error('y'.repeat(5000))).message.length).toBeLessThanOrEqual(500);
    expect(normalizeError(Object.assign(new Error('bug'), { code: { nested: true } })).code).toBeNull();
  });

  // SDK errors (Stripe's, for one) carry the server's code, and the toast shows it: it is redacted
  // like a code the server sent in a body, token shapes and the caller's own secrets alike.
  it("redacts a thrown error's code like a server's: token shapes and the caller's secrets", () => {
    const stripeKey = normalizeError(Object.assign(new Error('declined'), { code: 'card_declined sk_live_abcdefghijklmnop1234' }));
    expect(stripeKey.code).toBe('card_declined [redacted]');
    const own = normalizeError(Object.assign(new Error('declined'), { code: 'refused for k7Qz9wXpL2mN' }), { secrets: ['k7Qz9wXpL2mN'] });
    expect(own.code).toBe('refused for [redacted]');
    const bearer = normalizeError(Object.assign(new Error('declined'), { code: 'Bearer abcdefghijklmnop' }), { secrets: ['abcdefghijklmnop'] });
    expect(bearer.code).toBe('Bearer [redacted]');
    // The cut comes after the redaction: a secret across the 200th character is not left half in view.
    const long = normalizeError(Object.assign(new Error('x'), { code: `${'c'.repeat(190)} k7Qz9wXpL2mN` }), { secrets: ['k7Qz9wXpL2mN'] });
    expect(long.code).toHaveLength(200);
    expect(long.code).not.toContain('k7Qz');
  });

  it('reads a thrown string as the message, and an empty one as the fallback, keeping the request', () => {
    const request = { method: 'GET', url: 'https://api.example.test/a' };
    expect(normalizeError('quota gone', { request })).toMatchObject({ kind: 'unknown', message: 'quota gone', request });
    expect(normalizeError('', { request })).toMatchObject({ kind: 'unknown', message: 'Something went wrong', request });
    expect(normalizeError('<b></b>').message).toBe('Something went wrong');
    expect(normalizeError(new Error('bug'), { request })).toMatchObject({ kind: 'unknown', message: 'bug', request, retryable: false });
    expect(normalizeError(42, { request })).toMatchObject({ kind: 'unknown', message: 'Something went wrong', request });
  });

  it('reads a JSON-RPC error object by its numeric code, and a thrown body by its fields', () => {
    expect(normalizeError({ code: -32005, message: 'limit exceeded' })).toMatchObject({ kind: 'rate_limited', code: '-32005', message: 'limit exceeded' });
    expect(normalizeError({ code: -32005, error: { code: 'FORBIDDEN', message: 'not you' } })).toMatchObject({ code: 'FORBIDDEN', message: 'not you' });
    expect(normalizeError({ status: 404, message: 'no such coin', headers: { 'x-request-id': 'req_7' } })).toMatchObject({ requestId: 'req_7' });
  });
});

describe('normalizeError: responses thrown or carried', () => {
  it('reads a response-like object (status, headers, text) as a Response, and only a real status', () => {
    const like = (status: unknown) => ({ status, headers: { 'retry-after': '4' }, text: () => Promise.resolve(''), url: 'https://api.example.test/a' });
    expect(normalizeError(like(503))).toMatchObject({ kind: 'unavailable', status: 503, retryAfterMs: 4000 });
    expect(normalizeError(like(600)).status).toBeNull();
    expect(normalizeError(like(99)).status).toBeNull();
    expect(normalizeError(like(100)).status).toBe(100);
    expect(normalizeError(like(599)).status).toBe(599);
    expect(normalizeError(like(404.5)).status).toBeNull();
    // Without a text() it is not a Response: a body with a status.
    expect(normalizeError({ status: 503, headers: {} }).kind).not.toBe('unknown');
  });

  it("reads a carried response's content type and URL, and ignores a response without a real status", () => {
    const carried = normalizeError({ message: 'failed', response: { status: 400, headers: { 'content-type': 'text/html' }, data: '<html><title>Bad input</title></html>', url: 'https://api.example.test/form' } });
    expect(carried).toMatchObject({ kind: 'validation', status: 400, message: 'Bad input' });
    expect(normalizeError({ message: 'Network Error', name: 'AxiosError', code: 'ERR_NETWORK', response: { status: 0, headers: {} } })).toMatchObject({ kind: 'network', status: null });
  });
});

describe('errorFromResponse', () => {
  it('waits for a slow body only as long as bodyTimeoutMs says, then reads what arrived', async () => {
    let push: ((chunk: Uint8Array) => void) | undefined;
    const stream = new ReadableStream<Uint8Array>({ start: (controller) => void (push = (chunk) => controller.enqueue(chunk)) });
    const response = new Response(stream, { status: 500, headers: { 'content-type': 'text/plain' } });
    push?.(new TextEncoder().encode('partial'));
    const started = Date.now();
    const error = await errorFromResponse(response, { bodyTimeoutMs: 50 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toMatchObject({ kind: 'server', status: 500 });
  });

  it('reads a Response without a URL by its status', async () => {
    const error = await errorFromResponse(new Response('{}', { status: 404 }));
    expect(error.kind).toBe('not_found');
    expect(error).toBeInstanceOf(ApiError);
  });
});

describe('normalizeError: what makes a Response, and what a carried response names', () => {
  it('takes an object for a Response only with a numeric status, a headers object and a text()', () => {
    const text = () => Promise.resolve('');
    // A Response's body is not read here; an error body's own message is.
    const read = (value: Record<string, unknown>) => normalizeError({ ...value, message: 'from the body' }).message;
    expect(read({ status: 503, headers: {}, text })).not.toBe('from the body');
    expect(read({ status: 503, headers: {} })).toBe('from the body');
    expect(read({ status: 503, text })).toBe('from the body');
    expect(read({ status: '503', headers: {}, text })).toBe('from the body');
    expect(read({ status: 503, headers: 'x', text })).toBe('from the body');
  });

  it('reads the API from the URL of a thrown or carried response, and the content type of a carried one', async () => {
    const profiles = builtInProfiles;
    const url = 'https://api.piratecrew.fun/v1/pools';
    expect(normalizeError({ status: 404, headers: {}, text: () => Promise.resolve(''), url }, { profiles }).api).toBe('piratecrew');
    expect(normalizeError({ message: 'failed', response: { status: 404, headers: {}, data: '', url } }, { profiles }).api).toBe('piratecrew');
    const like = { status: 404, headers: new Headers(), url, text: () => Promise.resolve(''), clone() { return this; } };
    expect((await errorFromResponse(like as unknown as Response, { profiles })).api).toBe('piratecrew');
    // A page read as HTML (its title) only because the content type says so.
    const html = normalizeError({ message: 'failed', response: { status: 400, headers: { 'content-type': 'text/html' }, data: '<title>Bad input</title> details' } });
    expect(html.message).toBe('Bad input');
    const fromResponse = await errorFromResponse(new Response('<title>Bad input</title> details', { status: 400, headers: { 'content-type': 'text/html' } }));
    expect(fromResponse.message).toBe('Bad input');
  });

  it('joins an axios baseURL only to a relative url, keeping the slashes inside it, and caps the joined URL', () => {
    const base = 'https://api.example.test';
    const request = (url: string, baseURL = base) => normalizeError({ name: 'AxiosError', code: 'ERR_NETWORK', message: 'Network Error', config: { url, baseURL } }).request?.url;
    expect(request('orders/1')).toBe(`${base}/orders/1`);
    expect(request('http://other.example.test/x')).toBe('http://other.example.test/x');
    expect(request('/go?to=https://x.example/')).toBe(`${base}/go?to=https://x.example/`);
    expect(request(`/${'a'.repeat(8000)}`, `${base}/${'b'.repeat(8000)}`)).toHaveLength(8192);
  });

  it('takes only credential headers for secrets, by their whole name', () => {
    const value = 'abcdef123456';
    for (const header of ['x-authorization-trace', 'authorization-hint', 'cookie-policy']) {
      const error = normalizeError({ name: 'Error', message: `trace ${value} failed`, config: { url: '/a', headers: { [header]: value } } });
      expect(error.message, header).toContain(value);
    }
  });
});
