import { describe, expect, it, vi } from 'vitest';
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

describe('exposeHeadersHint, case by case', () => {
  const cross = (init: Partial<ConstructorParameters<typeof ApiError>[0]>) => new ApiError({ kind: 'rate_limited', status: 429, retryable: true, message: 'x', request, ...init });

  it('speaks only of 429 and 503, even for a retryable failure without a wait', () => {
    expect(exposeHeadersHint(cross({ kind: 'server', status: 500 }), page)).toBeNull();
    expect(exposeHeadersHint(cross({ kind: 'unavailable', status: 503 }), page)).toContain('answered 503');
  });

  it('says nothing of a refusal the API says never to retry, but still of a rate limit that waits for a person', () => {
    expect(exposeHeadersHint(cross({ kind: 'unavailable', status: 503, retryable: false }), page)).toBeNull();
    expect(exposeHeadersHint(cross({ retryable: false }), page)).toContain('answered 429');
  });

  it('says which wait it falls back to, and nothing for a request URL it cannot read', () => {
    expect(exposeHeadersHint(cross({}), page)).toContain('waits a backoff from 1 s, doubling.');
    expect(exposeHeadersHint(cross({ retryAfterMs: 30_000, retryAfterSource: 'default' }), page)).toContain("waits the API's documented default (30 s).");
    expect(exposeHeadersHint(cross({ request: { method: 'GET', url: 'http://[bad' } }), page)).toBeNull();
  });
});

describe('warnUnreadableWait', () => {
  it('warns once per API origin, and not for a same-origin request or on a server', async () => {
    const { warnUnreadableWait } = await import('../../src/core/expose-headers-hint.js');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const blind = (url: string) => new ApiError({ kind: 'rate_limited', status: 429, retryable: true, message: 'x', request: { method: 'GET', url } });
      warnUnreadableWait(blind('https://once.example/a'));
      expect(warn).not.toHaveBeenCalled();
      vi.stubGlobal('location', { origin: page });
      warnUnreadableWait(blind(`${page}/same`));
      expect(warn).not.toHaveBeenCalled();
      warnUnreadableWait(blind('https://once.example/a'));
      warnUnreadableWait(blind('https://once.example/b'));
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]![0]).toContain('https://once.example answered 429');
    } finally {
      vi.unstubAllGlobals();
      warn.mockRestore();
    }
  });
});
