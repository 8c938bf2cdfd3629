import { describe, expect, it } from 'vitest';
import { ApiError, builtInProfiles, errorFromResponse, isApiError, normalizeError } from '../../src/core/index.js';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('errorFromResponse beyond the seed APIs', () => {
  it('reads RFC 9457 problem details', async () => {
    const error = await errorFromResponse(
      json(403, { type: 'https://example.com/probs/out-of-credit', title: 'You do not have enough credit.', detail: 'Your current balance is 30, but that costs 50.', instance: '/account/12345/msgs/abc', balance: 30 }, { 'content-type': 'application/problem+json' }),
    );
    expect(error).toMatchObject({ kind: 'forbidden', code: 'https://example.com/probs/out-of-credit', message: 'Your current balance is 30, but that costs 50.', docUrl: 'https://example.com/probs/out-of-credit', details: { balance: 30 } });
  });

  it('names the field of problem details invalid-params', async () => {
    const error = await errorFromResponse(json(400, { type: 'about:blank', title: 'Bad Request', 'invalid-params': [{ name: 'age', reason: 'must be a positive integer' }] }));
    expect(error).toMatchObject({ kind: 'validation', code: null, param: 'age', message: 'Bad Request' });
  });

  it('treats a 200 with a GraphQL errors array and no data as an error', async () => {
    const error = await errorFromResponse(json(200, { errors: [{ message: 'Not signed in', extensions: { code: 'UNAUTHENTICATED' }, path: ['viewer', 'wallet'] }], data: null }));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 200, code: 'UNAUTHENTICATED', message: 'Not signed in', param: 'viewer.wallet' });
  });

  it('treats a 200 with { ok: false } as an error', async () => {
    const error = await errorFromResponse(json(200, { ok: false, error: 'ratelimited' }));
    expect(error).toMatchObject({ kind: 'rate_limited', status: 200, message: 'ratelimited' });
  });

  it('reads JSON-RPC errors with numeric codes as strings', async () => {
    const error = await errorFromResponse(json(200, { jsonrpc: '2.0', id: 1, error: { code: -32005, message: 'limit exceeded', data: { try_again_in: '1s' } } }));
    expect(error).toMatchObject({ kind: 'rate_limited', code: '-32005', message: 'limit exceeded', details: { try_again_in: '1s' } });
  });

  it('reads JSON:API errors with a source pointer', async () => {
    const error = await errorFromResponse(json(422, { errors: [{ status: '422', code: 'too_short', title: 'Invalid Attribute', detail: 'First name must contain at least two characters.', source: { pointer: '/data/attributes/firstName' } }] }));
    expect(error).toMatchObject({ kind: 'validation', code: 'too_short', param: 'firstName', message: 'First name must contain at least two characters.' });
  });

  it('reads OAuth errors', async () => {
    const error = await errorFromResponse(json(401, { error: 'invalid_token', error_description: 'The access token expired' }));
    expect(error).toMatchObject({ kind: 'unauthorized', code: 'invalid_token', message: 'The access token expired' });
  });

  it('prefers a string status over a numeric code (Google style)', async () => {
    const error = await errorFromResponse(json(403, { error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' } }));
    expect(error).toMatchObject({ kind: 'forbidden', code: 'PERMISSION_DENIED' });
  });

  it('takes the title of an HTML error page, with no markup', async () => {
    const page = '<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title><script>alert(1)</script></head><body><h1>503</h1></body></html>';
    const error = await errorFromResponse(new Response(page, { status: 503, headers: { 'content-type': 'text/html' } }));
    expect(error).toMatchObject({ kind: 'unavailable', message: '503 Service Temporarily Unavailable', retryable: true });
    expect(typeof error.body).toBe('string');
  });

  it('reads a plain text body as the message, stripped of markup', async () => {
    const error = await errorFromResponse(new Response('upstream <b>connect</b> error <img src=x onerror=alert(1)', { status: 502 }));
    expect(error.message).toBe('upstream connect error');
  });

  it('falls back on the status when the body is empty', async () => {
    const error = await errorFromResponse(new Response(null, { status: 404 }));
    expect(error).toMatchObject({ kind: 'not_found', message: 'Request failed with status 404', body: undefined, api: null });
  });

  it('lets a body that says rate limit win over the status', async () => {
    const error = await errorFromResponse(json(400, { message: 'Rate limit exceeded, slow down' }));
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true });
  });

  it('reads request ids from the body first, then from headers', async () => {
    expect((await errorFromResponse(json(500, { error: 'x', requestId: 'body-id' }, { 'x-request-id': 'hdr' }))).requestId).toBe('body-id');
    expect((await errorFromResponse(json(500, { error: 'x' }, { 'x-request-id': 'hdr' }))).requestId).toBe('hdr');
    expect((await errorFromResponse(json(500, { error: 'x' }, { 'cf-ray': '8a1b2c3d4e5f-AMS' }))).requestId).toBe('8a1b2c3d4e5f-AMS');
  });

  it('keeps only http(s) doc links', async () => {
    const error = await errorFromResponse(json(400, { error: { code: 'bad', message: 'm', doc_url: 'javascript:alert(1)' } }));
    expect(error.docUrl).toBeNull();
  });

  it('reads the body once and only up to the cap', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode('x'.repeat(16 * 1024)));
        if (pulled > 1000) controller.close();
      },
    });
    const error = await errorFromResponse(new Response(stream, { status: 500 }));
    expect(pulled).toBeLessThan(10);
    expect((error.body as string).length).toBeLessThanOrEqual(8 * 1024);
  });

  it('does not reject when the body was already read', async () => {
    const response = json(500, { error: 'x' });
    await response.text();
    const error = await errorFromResponse(response);
    expect(error).toMatchObject({ kind: 'server', message: 'Request failed with status 500' });
  });

  it('redacts a token the server echoes', async () => {
    const error = await errorFromResponse(json(401, { message: 'invalid token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl' }));
    expect(error.message).not.toContain('eyJ');
    expect(JSON.stringify(error)).not.toContain('eyJhbGciOiJIUzI1NiJ9');
  });

  it('redacts the secrets the caller names and credentials in the URL of toJSON', async () => {
    const error = await errorFromResponse(json(401, { message: 'key sk-abc123456 is revoked' }), {
      secrets: ['sk-abc123456'],
      request: { method: 'GET', url: 'https://api.example.com/x?api_key=sk-abc123456&page=2' },
    });
    expect(error.message).toBe('key [redacted] is revoked');
    expect(JSON.stringify(error.toJSON())).not.toContain('sk-abc123456');
    expect((error.toJSON().request as { url: string }).url).toContain('page=2');
  });
});

describe('normalizeError', () => {
  it('returns an ApiError as it is', () => {
    const error = new ApiError({ kind: 'gone', message: 'm' });
    expect(normalizeError(error)).toBe(error);
  });

  it.each([
    ['fetch TypeError (Chrome)', new TypeError('Failed to fetch'), 'network'],
    ['fetch TypeError (Firefox)', new TypeError('NetworkError when attempting to fetch resource.'), 'network'],
    ['fetch TypeError (Safari)', new TypeError('Load failed'), 'network'],
    ['undici fetch failed', Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }), 'network'],
    ['AbortError', new DOMException('The operation was aborted.', 'AbortError'), 'aborted'],
    ['TimeoutError', new DOMException('The operation timed out.', 'TimeoutError'), 'timeout'],
    ['axios cancel', { name: 'CanceledError', code: 'ERR_CANCELED', message: 'canceled' }, 'aborted'],
    ['axios timeout', { isAxiosError: true, code: 'ECONNABORTED', message: 'timeout of 1000ms exceeded' }, 'timeout'],
    ['EIP-1193 user rejected', { code: 4001, message: 'User rejected the request.' }, 'aborted'],
    ['ethers ACTION_REJECTED', Object.assign(new Error('user rejected action'), { code: 'ACTION_REJECTED' }), 'aborted'],
    ['Solana wallet adapter', Object.assign(new Error('User rejected the request.'), { name: 'WalletSignTransactionError' }), 'aborted'],
    ['viem wrapped rejection', Object.assign(new Error('Contract call failed'), { cause: Object.assign(new Error('User rejected the request.'), { name: 'UserRejectedRequestError', code: 4001 }) }), 'aborted'],
    ['EIP-1193 disconnected', { code: 4900, message: 'Disconnected' }, 'network'],
    ['JSON-RPC limit', { code: -32005, message: 'limit exceeded' }, 'rate_limited'],
    ['a string', 'boom', 'unknown'],
    ['null', null, 'unknown'],
    ['undefined', undefined, 'unknown'],
    ['a number', 42, 'unknown'],
    ['a symbol', Symbol('s'), 'unknown'],
    ['a plain Error', new Error('bug'), 'unknown'],
  ])('%s → %s', (_name, input, kind) => {
    const error = normalizeError(input);
    expect(isApiError(error)).toBe(true);
    expect(error.kind).toBe(kind);
    expect(error.status).toBeNull();
  });

  it('reads axios errors with a response', () => {
    const error = normalizeError({
      isAxiosError: true,
      message: 'Request failed with status code 429',
      config: { method: 'get', baseURL: 'https://api.piratecrew.fun/', url: '/v1/pools' },
      response: { status: 429, headers: { 'retry-after': '3', 'x-request-id': 'abc' }, data: { error: { code: 'rate_limited', message: 'quota' }, meta: { request_id: 'req_1' } } },
    }, { now: NOW, profiles: builtInProfiles });
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, api: 'piratecrew', retryAfterMs: 3000, requestId: 'req_1', request: { method: 'GET', url: 'https://api.piratecrew.fun/v1/pools' } });
  });

  it('reads a thrown Response by its status and headers', () => {
    const error = normalizeError(new Response('nope', { status: 503, headers: { 'retry-after': '7' } }));
    expect(error).toMatchObject({ kind: 'unavailable', status: 503, retryAfterMs: 7000 });
  });

  it('reads a thrown error body', () => {
    const error = normalizeError({ error: 'Quote expired', code: 'QUOTE_EXPIRED', quoteId: 'q1' }, { profiles: builtInProfiles });
    expect(error).toMatchObject({ kind: 'gone', api: 'solana-swap', code: 'QUOTE_EXPIRED' });
  });

  it('keeps a cyclic object as the cause without crashing', () => {
    const cyclic: Record<string, unknown> = { message: 'loop' };
    cyclic.self = cyclic;
    const error = normalizeError(cyclic);
    expect(error.kind).toBe('unknown');
    expect(() => JSON.stringify(error)).not.toThrow();
  });

  it('survives a proxy whose every trap throws', () => {
    const hostile = new Proxy({}, { get() { throw new Error('get'); }, has() { throw new Error('has'); }, ownKeys() { throw new Error('keys'); }, getOwnPropertyDescriptor() { throw new Error('desc'); }, getPrototypeOf() { throw new Error('proto'); } });
    const error = normalizeError(hostile);
    expect(error.kind).toBe('unknown');
    expect(error.message).toBe('Something went wrong');
  });

  it('has a plain JSON form with no cause object graph', () => {
    const error = normalizeError(new TypeError('Failed to fetch'), { request: { method: 'GET', url: 'https://x.example/a' } });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: 'ApiError', kind: 'network', request: { method: 'GET', url: 'https://x.example/a' }, cause: { name: 'TypeError', message: 'Failed to fetch' } });
  });

  it('recognises an ApiError from another copy of the library', () => {
    const foreign = Object.assign(Object.create(Error.prototype), { name: 'ApiError', kind: 'gone' });
    Object.defineProperty(foreign, Symbol.for('faultline.ApiError'), { value: true });
    expect(isApiError(foreign)).toBe(true);
    expect(isApiError({ name: 'ApiError', kind: 'gone' })).toBe(false);
  });
});

it('infers the profile when context.api names none (an origin, a typo)', async () => {
  const body = JSON.stringify({ error: 'Quote expired', code: 'QUOTE_EXPIRED' });
  expect((await errorFromResponse(new Response(body, { status: 410 }), { api: 'https://swap.example', profiles: builtInProfiles })).api).toBe('solana-swap');
  expect((await errorFromResponse(new Response(body, { status: 410 }), { api: 'piratecrew', profiles: builtInProfiles })).api).toBe('piratecrew');
});
