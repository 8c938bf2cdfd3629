import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_KINDS, createRetryPolicy, errorFromResponse, normalizeError, parseRetryAfter, rateLimitFromHeaders, toHeaderMap, type ApiError } from '../../src/core/index.js';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const DAY = 86_400_000;
const MARKUP = /<[a-z!/?]/i;

function wellFormed(error: ApiError) {
  expect(ERROR_KINDS).toContain(error.kind);
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.message).not.toMatch(MARKUP);
  if (error.retryAfterMs !== null) {
    expect(Number.isFinite(error.retryAfterMs)).toBe(true);
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(0);
    expect(error.retryAfterMs).toBeLessThanOrEqual(DAY);
  }
  if (error.docUrl !== null) expect(error.docUrl).toMatch(/^https?:\/\//);
  expect(() => JSON.stringify(error)).not.toThrow();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

// Strings that matter here: markup, "rate limit", numbers, dates, `__proto__`.
const tricky = fc.oneof(
  fc.string(),
  fc.constantFrom('<img src=x onerror=alert(1)>', '<script>x</script>', '&lt;b&gt;x&lt;/b&gt;', 'rate limit', '__proto__', 'constructor', '-1', '1e309', 'Tue, 24 Nov 2026 12:00:30 GMT', '99999999999999', 'NaN', ''),
);
const header = fc.constantFrom('retry-after', 'x-ratelimit-reset', 'x-ratelimit-remaining', 'x-ratelimit-limit', 'ratelimit', 'ratelimit-policy', 'ratelimit-reset', 'x-request-id', 'content-type', 'retry-after-ms', 'x-ratelimit-reset-after');
const headers = fc.dictionary(header, tricky, { maxKeys: 6 });
const statuses = fc.oneof(fc.integer({ min: 200, max: 599 }), fc.constantFrom(400, 401, 402, 403, 404, 409, 410, 413, 429, 500, 502, 503, 504));
const jsonBody = fc.jsonValue().map((value) => JSON.stringify(value));
const pollutingBody = fc.constantFrom('{"__proto__":{"polluted":1},"error":{"code":"x","message":"y"}}', '{"constructor":{"prototype":{"polluted":1}},"message":"m"}', '{"error":{"__proto__":{"polluted":1}}}');

describe('normalizing never throws and always gives a well-formed ApiError', () => {
  it('for any JSON or text body, any status and any headers', async () => {
    await fc.assert(
      fc.asyncProperty(statuses, fc.oneof(jsonBody, tricky, pollutingBody), headers, async (status, body, hdrs) => {
        const init = { status, headers: hdrs };
        const response = [204, 205, 304].includes(status) ? new Response(null, init) : new Response(body, init);
        wellFormed(await errorFromResponse(response, { now: NOW }));
      }),
      { numRuns: 400 },
    );
  });

  it('for anything thrown', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withNullPrototype: true }), fc.jsonValue()), (value) => {
        wellFormed(normalizeError(value, { now: NOW }));
      }),
      { numRuns: 400 },
    );
  });

  it('for cyclic objects and proxies that throw', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 5 }), fc.constantFrom('get', 'ownKeys', 'has', 'getPrototypeOf', 'getOwnPropertyDescriptor'), (base, trap) => {
        const cyclic: Record<string, unknown> = { ...base, error: base };
        cyclic.self = cyclic;
        (base as Record<string, unknown>).parent = cyclic;
        wellFormed(normalizeError(cyclic));
        const hostile = new Proxy(cyclic, { [trap]: () => { throw new Error('trap'); } });
        wellFormed(normalizeError(hostile));
        wellFormed(normalizeError({ response: { status: 429, headers: hostile, data: hostile } }));
      }),
    );
  });

  it('for any context', () => {
    fc.assert(fc.property(fc.anything(), (context) => {
      wellFormed(normalizeError(new TypeError('Failed to fetch'), context as never));
    }));
  });
});

describe('header parsing is total and clamped', () => {
  it('Retry-After gives null or a wait in [0, 1 day]', () => {
    fc.assert(fc.property(tricky, (value) => {
      const wait = parseRetryAfter(value, NOW);
      expect(wait === null || (Number.isFinite(wait) && wait >= 0 && wait <= DAY)).toBe(true);
    }));
  });

  it('a rate-limit reset lies within [now, now + 1 day]', () => {
    fc.assert(fc.property(headers, (hdrs) => {
      const info = rateLimitFromHeaders(toHeaderMap(hdrs), NOW);
      if (info?.resetAt != null) {
        expect(info.resetAt).toBeGreaterThanOrEqual(NOW);
        expect(info.resetAt).toBeLessThanOrEqual(NOW + DAY);
      }
    }));
  });
});

describe('the retry policy is total', () => {
  it('gives a boolean and a finite, non-negative delay within its cap for anything', () => {
    fc.assert(fc.property(fc.nat(20), fc.anything(), fc.double({ noNaN: false }), (failures, error, r) => {
      const policy = createRetryPolicy({ random: () => r });
      expect(typeof policy.retry(failures, error)).toBe('boolean');
      const delay = policy.retryDelay(failures, error);
      expect(Number.isFinite(delay) && delay >= 0 && delay <= 60_200).toBe(true);
    }));
  });
});
