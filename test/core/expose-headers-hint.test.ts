import { describe, expect, it } from 'vitest';
import { exposeHeadersHint } from '../../src/core/expose-headers-hint.js';
import { ApiError, EXPOSE_WAIT_HEADERS, errorFromResponse, pumpFun } from '../../src/core/index.js';

const page = 'https://app.example.org';
const request = { method: 'GET', url: 'https://api.example.com/v1/items' };

describe('exposeHeadersHint', () => {
  it('names the header line when a cross-origin 429 or 503 came without a readable wait', async () => {
    for (const status of [429, 503]) {
      const error = await errorFromResponse(new Response('busy', { status }), { request });
      const hint = exposeHeadersHint(error, page);
      expect(hint).toContain(`https://api.example.com answered ${status}`);
      expect(hint).toContain(EXPOSE_WAIT_HEADERS);
    }
    expect(EXPOSE_WAIT_HEADERS).toBe('Access-Control-Expose-Headers: Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, RateLimit, RateLimit-Policy');
  });

  it("says so when only the API's documented default was left (pump.fun: 60 s)", async () => {
    const body = JSON.stringify({ error: 'Too Many Requests', message: 'Rate limit exceeded', statusCode: 429 });
    const error = await errorFromResponse(new Response(body, { status: 429 }), { request: { method: 'GET', url: 'https://frontend-api-v3.pump.fun/coins' }, api: pumpFun });
    expect(error).toMatchObject({ retryAfterMs: 60_000, retryAfterSource: 'default' });
    expect(exposeHeadersHint(error, page)).toContain("the API's documented default (60 s)");
  });

  it('says nothing when the wait was readable, the request was same-origin, or there is no page', async () => {
    const readable = await errorFromResponse(new Response('busy', { status: 429, headers: { 'retry-after': '3' } }), { request });
    expect(readable.retryAfterSource).toBe('header');
    expect(exposeHeadersHint(readable, page)).toBeNull();
    const inBody = await errorFromResponse(new Response(JSON.stringify({ error: 'RATE_LIMITED', retry_after: 5 }), { status: 429 }), { request });
    expect(inBody.retryAfterSource).toBe('body');
    expect(exposeHeadersHint(inBody, page)).toBeNull();
    const blind = await errorFromResponse(new Response('busy', { status: 429 }), { request });
    expect(exposeHeadersHint(blind, 'https://api.example.com')).toBeNull();
    expect(exposeHeadersHint(blind, null)).toBeNull();
    expect(exposeHeadersHint(new ApiError({ kind: 'server', status: 500, message: 'x', request }), page)).toBeNull();
  });
});
