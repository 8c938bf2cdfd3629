import { describe, expect, it } from 'vitest';
import { errorFromResponse } from '../../src/core/index.js';

// Which failures are retried, which keep a wait, and where the wait came from, when the status,
// the headers and the server's own retry hints pull different ways.

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
// An origin no built-in profile owns: only the general rules apply.
const request = { method: 'GET', url: 'https://api.example.com/v1/quotes' };
const fail = (status: number, headers: Record<string, string> = {}, body: unknown = { message: 'Try later' }) =>
  errorFromResponse(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } }), { now: NOW, request });

describe('Retry-After on a failure that is not temporary', () => {
  it.each([400, 404, 422])('a %i with Retry-After is not retried and shows no wait', async (status) => {
    const error = await fail(status, { 'retry-after': '30' });
    expect(error).toMatchObject({ retryable: false, retryAfterMs: null, retryAfterSource: null });
    expect(error.recovery).not.toBe('wait');
  });

  it('only a 413 turns temporary with Retry-After (RFC 9110 §15.5.14): it waits, then sends again', async () => {
    expect(await fail(413, { 'retry-after': '5' })).toMatchObject({ kind: 'payload_too_large', retryable: true, retryAfterMs: 5000, retryAfterSource: 'header', recovery: 'wait' });
    expect((await fail(413)).recovery).not.toBe('wait');
  });
});

describe('a rate limit keeps its countdown when the server forbids the retry', () => {
  it('429 + x-should-retry: false + Retry-After: not retried automatically, the wait is still shown', async () => {
    const error = await fail(429, { 'x-should-retry': 'false', 'retry-after': '30' });
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: false, retryAfterMs: 30_000, retryAfterSource: 'header' });
  });

  it('a 503 with x-should-retry: false drops its wait (nothing will be retried, nothing counts down)', async () => {
    expect(await fail(503, { 'x-should-retry': 'false', 'retry-after': '30' })).toMatchObject({ retryable: false, retryAfterMs: null, retryAfterSource: null });
  });
});

describe('a spent quota on a failure that is not a rate limit', () => {
  it('a 503 with x-ratelimit-remaining: 0 waits until the reset', async () => {
    const error = await fail(503, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' });
    expect(error).toMatchObject({ kind: 'unavailable', retryable: true, retryAfterMs: 30_000, retryAfterSource: 'reset' });
  });

  it('a 503 with quota left does not wait for the reset', async () => {
    expect(await fail(503, { 'x-ratelimit-remaining': '7', 'x-ratelimit-reset': '30' })).toMatchObject({ kind: 'unavailable', retryAfterMs: null });
  });
});

describe('the status decides the kind from 400 up, before the body’s code', () => {
  it('a 400 whose body says PERMISSION_DENIED is a validation error', async () => {
    expect((await fail(400, {}, { error: { code: 'PERMISSION_DENIED', message: 'no' } })).kind).toBe('validation');
  });

  it('a 200 whose body says PERMISSION_DENIED takes the body’s kind', async () => {
    expect((await fail(200, {}, { error: { code: 'PERMISSION_DENIED', message: 'no' } })).kind).toBe('forbidden');
  });
});
