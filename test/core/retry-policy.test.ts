import { describe, expect, it } from 'vitest';
import { ApiError, builtInProfiles, createRetryPolicy, errorFromResponse, solanaSwap, type ApiErrorInit } from '../../src/core/index.js';

const error = (init: Partial<ApiErrorInit>) => new ApiError({ kind: 'server', message: 'm', retryable: true, ...init });
const fixed = (value: number) => () => value;

describe('createRetryPolicy().retry', () => {
  const { retry } = createRetryPolicy();

  it('never retries what is not retryable', () => {
    expect(retry(0, error({ kind: 'validation', retryable: false }))).toBe(false);
    expect(retry(0, error({ kind: 'aborted', retryable: false }))).toBe(false);
  });

  it('retries transient failures up to maxRetries', () => {
    expect([0, 1, 2, 3].map((n) => retry(n, error({})))).toEqual([true, true, true, false]);
  });

  it("honours the API's own cap (piratecrew: at most 3 attempts)", async () => {
    const e = await errorFromResponse(new Response(JSON.stringify({ error: { code: 'internal_error', message: 'Something went wrong' }, meta: { request_id: 'r' } }), { status: 500 }), { profiles: builtInProfiles });
    expect([0, 1, 2].map((n) => retry(n, e))).toEqual([true, true, false]);
  });

  it('does not hold a request open for a wait longer than maxRetryAfterMs', () => {
    expect(retry(0, error({ kind: 'rate_limited', retryAfterMs: 60_000 }))).toBe(true);
    expect(retry(0, error({ kind: 'rate_limited', retryAfterMs: 60_001 }))).toBe(false);
    expect(createRetryPolicy({ maxRetryAfterMs: 120_000 }).retry(0, error({ retryAfterMs: 90_000 }))).toBe(true);
  });

  it('reads anything thrown (a fetch TypeError is a network failure, retried)', () => {
    expect(retry(0, new TypeError('Failed to fetch'))).toBe(true);
  });

  it("retries what it cannot classify as React Query would without it: queries 3 times, mutations never", () => {
    const plain = new Error('HTTP 500');
    expect([0, 1, 2, 3].map((n) => retry(n, plain))).toEqual([true, true, true, false]);
    expect(retry(0, 'weird')).toBe(true);
    expect(createRetryPolicy({ mutation: true }).retry(0, plain)).toBe(false);
    // React Query's default delay: min(1000 · 2^n, 30 s), no jitter.
    expect([0, 1, 2, 5].map((n) => createRetryPolicy({ random: fixed(0) }).retryDelay(n, plain))).toEqual([1000, 2000, 4000, 30_000]);
  });
});

describe('createRetryPolicy({ mutation: true })', () => {
  const { retry } = createRetryPolicy({ mutation: true });
  const post = { method: 'POST', url: 'https://x.example/orders' };

  it('does not resend a POST after a server error', () => {
    expect(retry(0, error({ request: post }))).toBe(false);
    expect(retry(0, error({}))).toBe(false); // request unknown: assume unsafe
  });

  it('resends idempotent methods and requests that carried an Idempotency-Key', () => {
    expect(retry(0, error({ request: { method: 'PUT', url: post.url } }))).toBe(true);
    expect(retry(0, error({ request: { ...post, idempotencyKey: 'k1' } }))).toBe(true);
  });

  it('resends what the API marks safe (SEND_FAILED, SUBMISSION_FAILED) and rate limits', async () => {
    const body = JSON.stringify({ error: 'Submission failed', code: 'SUBMISSION_FAILED', signature: 's' });
    const e = await errorFromResponse(new Response(body, { status: 502 }), { request: post, profiles: [solanaSwap] });
    expect(retry(0, e)).toBe(true);
    expect(retry(0, error({ kind: 'rate_limited', request: post }))).toBe(true);
  });
});

describe('createRetryPolicy().retryDelay', () => {
  it("waits the server's Retry-After plus at most 200 ms of jitter", () => {
    expect(createRetryPolicy({ random: fixed(0) }).retryDelay(0, error({ retryAfterMs: 2000 }))).toBe(2000);
    expect(createRetryPolicy({ random: fixed(0.999) }).retryDelay(0, error({ retryAfterMs: 2000 }))).toBe(2200);
  });

  it('uses full-jitter exponential backoff otherwise, capped', () => {
    const top = createRetryPolicy({ random: fixed(0.999999) });
    expect([0, 1, 2, 3, 10].map((n) => top.retryDelay(n, error({})))).toEqual([1000, 2000, 4000, 8000, 30_000]);
    expect(createRetryPolicy({ random: fixed(0.5) }).retryDelay(1, error({}))).toBe(1000);
    expect(createRetryPolicy({ random: fixed(0) }).retryDelay(3, error({}))).toBe(0);
  });

  it('waits at least 1 s, doubling, after a 429 or 503 whose wait could not be read', () => {
    const low = createRetryPolicy({ random: fixed(0) });
    const high = createRetryPolicy({ random: fixed(0.999999) });
    const blind429 = error({ kind: 'rate_limited', status: 429 });
    const blind503 = error({ kind: 'unavailable', status: 503 });
    expect([0, 1, 2].map((n) => low.retryDelay(n, blind429))).toEqual([1000, 2000, 4000]);
    expect([0, 1, 2].map((n) => high.retryDelay(n, blind503))).toEqual([2000, 4000, 8000]);
    expect(low.retryDelay(10, blind429)).toBe(30_000);
  });

  it('respects baseDelayMs and maxDelayMs', () => {
    const policy = createRetryPolicy({ baseDelayMs: 100, maxDelayMs: 250, random: fixed(0.999999) });
    expect([0, 1, 2].map((n) => policy.retryDelay(n, error({})))).toEqual([100, 200, 250]);
  });

  it('survives a broken random source', () => {
    expect(createRetryPolicy({ random: fixed(Number.NaN) }).retryDelay(0, error({}))).toBe(500);
  });
});

it('never gives React Query a delay setTimeout cannot hold (2^31-1 ms), whatever the options', () => {
  const policy = createRetryPolicy({ baseDelayMs: Infinity, maxDelayMs: Infinity, random: () => 1 });
  expect(policy.retryDelay(5, new Error('x'))).toBeLessThanOrEqual(2 ** 31 - 1);
});

describe('createRetryPolicy() on what faultline read but could not name', () => {
  it('does not retry a response it read with a profile, even when its kind stays unknown (a failed pin)', () => {
    const failedPin = new ApiError({ kind: 'unknown', status: 200, code: 'failed', api: 'ipfs-pinning', message: 'not found' });
    expect(createRetryPolicy().retry(0, failedPin)).toBe(false);
  });
});

describe('createRetryPolicy options, as a caller sets them', () => {
  it('maxRetries: 0 means no retry at all, and 1 means one', () => {
    expect(createRetryPolicy({ maxRetries: 0 }).retry(0, error({}))).toBe(false);
    expect([0, 1].map((n) => createRetryPolicy({ maxRetries: 1 }).retry(n, error({})))).toEqual([true, false]);
  });

  it('falls back to the defaults for negative or NaN options', () => {
    for (const maxRetries of [-1, Number.NaN]) {
      expect([0, 1, 2, 3].map((n) => createRetryPolicy({ maxRetries }).retry(n, error({})))).toEqual([true, true, true, false]);
    }
    const top = createRetryPolicy({ baseDelayMs: -5, maxDelayMs: Number.NaN, random: fixed(0.999999) });
    expect([0, 6].map((n) => top.retryDelay(n, error({})))).toEqual([1000, 30_000]);
  });

  it('baseDelayMs: 0 retries at once', () => {
    expect(createRetryPolicy({ baseDelayMs: 0, random: fixed(0.999999) }).retryDelay(2, error({}))).toBe(0);
  });

  it('maxRetryAfterMs: 0 retries only what the server allows at once, and never holds a request open', () => {
    const policy = createRetryPolicy({ maxRetryAfterMs: 0, random: fixed(0) });
    expect(policy.retry(0, error({ kind: 'rate_limited', retryAfterMs: 0 }))).toBe(true);
    expect(policy.retry(0, error({ kind: 'rate_limited', retryAfterMs: 1 }))).toBe(false);
    expect(policy.retryDelay(0, error({ kind: 'rate_limited', retryAfterMs: 5000 }))).toBe(0);
  });

  it('waits at most maxRetryAfterMs (plus jitter) whatever the server asks', () => {
    expect(createRetryPolicy({ random: fixed(0) }).retryDelay(0, error({ retryAfterMs: 90_000 }))).toBe(60_000);
  });

  it("an API's cap of 0 retries wins over the policy's", () => {
    expect(createRetryPolicy().retry(0, error({ maxRetries: 0 }))).toBe(false);
    expect([0, 1].map((n) => createRetryPolicy().retry(n, error({ maxRetries: 1 })))).toEqual([true, false]);
  });
});

describe('isSafeToResend through createRetryPolicy({ mutation: true })', () => {
  const { retry } = createRetryPolicy({ mutation: true });
  it.each(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE', 'delete', 'get'])('resends a failed %s (idempotent, RFC 9110 §9.2.2)', (method) => {
    expect(retry(0, error({ request: { method, url: 'https://x.example/a' } }))).toBe(true);
  });

  it.each(['POST', 'PATCH', 'CONNECT'])('does not resend a failed %s', (method) => {
    expect(retry(0, error({ request: { method, url: 'https://x.example/a' } }))).toBe(false);
    expect(retry(0, error({ request: { method, url: 'https://x.example/a', idempotencyKey: '' } }))).toBe(false);
  });

  it('resends a POST the API marks safe (it deduplicates it)', () => {
    expect(retry(0, error({ safeToResend: true, request: { method: 'POST', url: 'https://x.example/a' } }))).toBe(true);
  });
});

describe('unbounded backoff options', () => {
  it('wait as long as a timer can hold (2^31-1 ms), never a delay that fires at once', () => {
    const unbounded = (r: number) => createRetryPolicy({ baseDelayMs: Infinity, maxDelayMs: Infinity, random: fixed(r) });
    expect(unbounded(0.5).retryDelay(0, error({}))).toBe(2 ** 31 - 1);
    // A draw of 0 is no wait, as with any ceiling (full jitter draws from [0, ceiling]).
    expect(unbounded(0).retryDelay(0, error({}))).toBe(0);
  });
});
