import { describe, expect, it } from 'vitest';
import { errorFromResponse, gitHub } from '../../src/core/index.js';

// How long a failure tells the caller to wait (`retryAfterMs`), from every place servers put it:
// the standard Retry-After header (RFC 9110 §10.2.3), its millisecond and X- variants, hints in
// the body, and the reset instant of a spent quota. The countdown a person sees is this number.

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const DAY = 86_400_000;
// An origin no built-in profile owns, and bodies no profile recognises: only the general rules apply.
const request = { method: 'GET', url: 'https://api.example.com/v1/quotes' };
const fail = (status: number, headers: Record<string, string>, body: unknown = { message: 'Try later' }) =>
  errorFromResponse(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } }), { now: NOW, request });
const waitOf = async (status: number, headers: Record<string, string>, body?: unknown) => (await fail(status, headers, body)).retryAfterMs;

describe('wait hints in headers', () => {
  it.each<[Record<string, string>, number | null]>([
    [{ 'Retry-After': '3' }, 3000],
    [{ 'Retry-After-Ms': '1500' }, 1500], // OpenAI, Anthropic
    [{ 'Retry-After-Ms': '0' }, 0],
    [{ 'X-Retry-After': '4' }, 4000],
    [{ 'X-Retry-After': '0.5' }, 500],
    [{ 'X-Retry-After': '0' }, 0],
    [{ 'X-RateLimit-Retry-After': '7' }, 7000],
    [{ 'Retry-After-Ms': '-100' }, null],
    [{ 'X-Retry-After': '-1' }, null],
    [{ 'Retry-After-Ms': 'soon' }, null],
    [{ 'Retry-After-Ms': String(10 * DAY) }, DAY], // clamped to a day
    [{ 'X-Retry-After': String(10 * DAY) }, DAY],
    // Longer than 64 characters: not said, rather than cut to its zero-padded start (0, "now").
    [{ 'Retry-After-Ms': `${'0'.repeat(70)}5000` }, null],
    [{ 'X-Retry-After': `${'0'.repeat(70)}5` }, null],
  ])('%j → %j', async (headers, expected) => {
    expect(await waitOf(503, headers)).toBe(expected);
  });

  it('prefers the standard Retry-After, then Retry-After-Ms, then X-Retry-After', async () => {
    expect(await waitOf(503, { 'Retry-After': '2', 'Retry-After-Ms': '5000', 'X-Retry-After': '9' })).toBe(2000);
    expect(await waitOf(503, { 'Retry-After-Ms': '5000', 'X-Retry-After': '9' })).toBe(5000);
    expect(await waitOf(503, { 'X-RateLimit-Retry-After': '4', 'X-Retry-After': '9' })).toBe(4000);
    // An unreadable standard header does not hide a readable variant.
    expect(await waitOf(503, { 'Retry-After': 'whenever', 'Retry-After-Ms': '700' })).toBe(700);
  });

  it('ignores a Retry-After longer than any real one (64 characters at most)', async () => {
    expect(await waitOf(503, { 'Retry-After': `${'0'.repeat(62)}30` })).toBe(30_000);
    expect(await waitOf(503, { 'Retry-After': `${'0'.repeat(63)}30` })).toBeNull();
  });

  it('reads an HTTP-date Retry-After against the given clock', async () => {
    expect(await waitOf(503, { 'Retry-After': 'Tue, 24 Nov 2026 12:00:45 GMT' })).toBe(45_000);
  });
});

describe('wait hints in the body', () => {
  it.each<[Record<string, unknown>, number | null]>([
    [{ retry_after_ms: 1200 }, 1200],
    [{ retryAfterMs: 800 }, 800],
    [{ retryAfterSeconds: 7 }, 7000],
    [{ retry_after: 2 }, 2000], // Discord, many REST APIs
    [{ retryAfter: '3' }, 3000],
    [{ retry_after_seconds: 1.5 }, 1500],
    [{ retry_after: -4 }, null],
    [{ retry_after_ms: -4 }, null],
    [{ retry_after: 'later' }, null],
    [{ retry_after_ms: 0 }, 0],
    [{ retry_after: 0 }, 0],
  ])('%j → %j', async (hint, expected) => {
    expect(await waitOf(429, {}, { message: 'Slow down', ...hint })).toBe(expected);
  });

  it('prefers a millisecond hint over a seconds one, and reads a nested error', async () => {
    expect(await waitOf(429, {}, { message: 'Slow down', retry_after: 9, retry_after_ms: 250 })).toBe(250);
    expect(await waitOf(429, {}, { error: { message: 'Slow down', retry_after: 6 } })).toBe(6000);
    expect(await waitOf(429, {}, { retry_after: 2, error: { message: 'Slow down', retry_after: 6 } })).toBe(2000);
  });

  it('takes a header over the body', async () => {
    expect(await waitOf(429, { 'Retry-After': '1' }, { message: 'Slow down', retry_after: 30 })).toBe(1000);
  });
});

describe('waiting for a spent quota to reset', () => {
  const reset = (seconds: number) => String(NOW / 1000 + seconds);

  it('a 429 with only a reset waits until the reset, not longer', async () => {
    expect(await waitOf(429, { 'X-RateLimit-Reset': reset(12) })).toBe(12_000);
    expect(await waitOf(429, { 'X-RateLimit-Remaining': '3', 'X-RateLimit-Reset': reset(12) })).toBe(12_000);
  });

  it('a 403 with no quota left is a rate limit until the reset (GitHub sends 403), with or without a profile', async () => {
    const headers = { 'content-type': 'application/json', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset(40) };
    const read = (profiles: typeof gitHub[], status = 403, extra: Record<string, string> = {}) =>
      errorFromResponse(new Response('{}', { status, headers: { ...headers, ...extra } }), { now: NOW, request: { method: 'GET', url: 'https://api.github.com/user' }, profiles });
    expect(await read([gitHub])).toMatchObject({ kind: 'rate_limited', retryAfterMs: 40_000 });
    expect(await read([])).toMatchObject({ kind: 'rate_limited', retryAfterMs: 40_000 });
    // Quota left: a 403 is what the standard says, forbidden and not retried.
    expect(await read([], 403, { 'X-RateLimit-Remaining': '4' })).toMatchObject({ kind: 'forbidden', retryAfterMs: null });
    // The IETF RateLimit field says the same with r=0.
    const ietf = await errorFromResponse(new Response('', { status: 403, headers: { RateLimit: '"default";r=0;t=25' } }), { now: NOW, request: { method: 'GET', url: 'https://api.example.org/x' } });
    expect(ietf).toMatchObject({ kind: 'rate_limited', retryAfterMs: 25_000 });
  });

  it('a failure with quota left is not told to wait for the reset', async () => {
    expect(await waitOf(500, { 'X-RateLimit-Remaining': '5', 'X-RateLimit-Reset': reset(40) })).toBeNull();
    expect(await waitOf(500, { 'X-RateLimit-Remaining': '0' })).toBeNull();
  });

  it('an explicit hint wins over the reset', async () => {
    expect(await waitOf(429, { 'Retry-After': '2', 'X-RateLimit-Reset': reset(40) })).toBe(2000);
    expect(await waitOf(429, { 'X-RateLimit-Reset': reset(40) }, { message: 'Slow down', retry_after: 5 })).toBe(5000);
  });

  it('keeps the quota the body states beside the headers', async () => {
    const error = await fail(429, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset(10) }, { message: 'Slow down', limit: 60 });
    expect(error.rateLimit).toEqual({ limit: 60, remaining: 0, resetAt: NOW + 10_000 });
    expect((await fail(429, {}, { message: 'Slow down', limit: 60 })).rateLimit).toEqual({ limit: 60, remaining: null, resetAt: null });
    // A header limit wins; a body limit on a failure that is no rate limit is something else.
    expect((await fail(429, { 'X-RateLimit-Limit': '100' }, { message: 'Slow down', limit: 60 })).rateLimit?.limit).toBe(100);
    expect((await fail(400, {}, { message: 'Bad page size', limit: 500 })).rateLimit).toBeNull();
  });
});

describe('wait values', () => {
  it('are whole milliseconds', async () => {
    expect(await waitOf(503, { 'Retry-After-Ms': '1500.6' })).toBe(1501);
    expect(await waitOf(503, { 'Retry-After': '1.25' })).toBe(1250);
  });
});
