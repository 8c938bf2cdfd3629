import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError, ERROR_KINDS, createRetryPolicy, describeError, errorFromResponse, isApiError, normalizeError, parseRetryAfter, rateLimitFromHeaders, toHeaderMap } from '../../src/core/index.js';
import { createApiErrorStore, rateLimitKey, report, toastKey } from '../../src/store/index.js';

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

// Adversarial generators (issue 12): what a hostile server or SDK sends on purpose.
const PROTO_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', '__defineGetter__', 'isPrototypeOf'];
const protoName = fc.constantFrom(...PROTO_NAMES);
// Long runs of what the redaction, number and HTML readers look for, never completing a match.
const adversarialText = fc.tuple(
  fc.constantFrom('eyJ-', 'eyJa.', 'Bearer ', 'token ', 'sk_live_', '<title>', '<h1>', '<script>', '<body ', '<a ', '&#x', '&amp', '1', '1.', 'a=1;', '"x";r=', '?api_key='),
  fc.integer({ min: 1, max: 5000 }),
  fc.string({ maxLength: 5 }),
).map(([unit, times, tail]) => unit.repeat(times) + tail);
const throwing = () => {
  throw new Error('hostile');
};
/**
 * Values built to break readers: throwing getters, proxies, prototype-named keys. Generated as
 * factories, since fast-check itself inspects the values it generates (a revoked proxy breaks it).
 */
const hostileValue: fc.Arbitrary<() => unknown> = fc.oneof(
  adversarialText.map((text) => () => text),
  fc.dictionary(protoName, fc.oneof(adversarialText, fc.jsonValue()), { maxKeys: 4 }).map((dict) => () => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(dict)) Object.defineProperty(out, key, { value, enumerable: true });
    return out;
  }),
  fc.constantFrom('get', 'ownKeys', 'has', 'getPrototypeOf', 'getOwnPropertyDescriptor').map((trap) => () => new Proxy({ error: { code: 'x' } }, { [trap]: throwing })),
  protoName.map((key) => () => Object.defineProperty({ message: 'm' }, key === '__proto__' ? 'details' : key, { enumerable: true, get: throwing })),
  fc.constant(() => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  }),
);
const wrapIn = fc.constantFrom(
  (v: unknown) => v,
  (v: unknown) => ({ error: v }),
  (v: unknown) => ({ error: { code: v, message: v, details: v, doc_url: v, request_id: v } }),
  (v: unknown) => ({ errors: [v], type: v, title: v }),
  (v: unknown) => ({ response: { status: 429, headers: { 'retry-after': v, 'x-ratelimit-limit': v }, data: v } }),
);

describe('every public reader survives adversarial input', () => {
  it('normalizeError, toJSON, describeError, isApiError, the store and the retry policy', () => {
    fc.assert(
      fc.property(hostileValue, wrapIn, protoName, (make, wrap, key) => {
        const value = make();
        const input = wrap(value);
        const error = normalizeError(input, { now: NOW, api: key, profiles: [value] as never });
        wellFormed(error);
        expect(JSON.stringify(error).length).toBeLessThan(200_000);
        expect(typeof describeError(error).description).toBe('string');
        expect(typeof isApiError(input)).toBe('boolean');
        const store = createApiErrorStore();
        report(store, error, { now: NOW });
        expect(typeof toastKey(error)).toBe('string');
        expect(typeof rateLimitKey(error)).toBe('string');
        const policy = createRetryPolicy();
        expect(typeof policy.retry(0, input)).toBe('boolean');
        expect(Number.isFinite(policy.retryDelay(0, input))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('errorFromResponse, for adversarial bodies and headers', async () => {
    await fc.assert(
      fc.asyncProperty(adversarialText, adversarialText, statuses, fc.constantFrom('text/html', 'application/json', 'text/plain'), async (body, headerValue, status, type) => {
        const init = { status, headers: { 'content-type': type, 'retry-after': headerValue.slice(0, 4000), 'x-ratelimit-remaining': headerValue.slice(0, 4000), ratelimit: headerValue.slice(0, 4000) } };
        const response = [204, 205, 304].includes(status) ? new Response(null, init) : new Response(body, init);
        const error = await errorFromResponse(response, { now: NOW });
        wellFormed(error);
        expect(error.message.length).toBeLessThanOrEqual(500);
      }),
      { numRuns: 100 },
    );
  });

  it('header readers, for adversarial values under every name', () => {
    fc.assert(
      fc.property(header, adversarialText, (name, value) => {
        const wait = parseRetryAfter(value, NOW);
        expect(wait === null || (wait >= 0 && wait <= DAY)).toBe(true);
        const info = rateLimitFromHeaders(toHeaderMap({ [name]: value }), NOW);
        if (info?.resetAt != null) expect(info.resetAt).toBeLessThanOrEqual(NOW + DAY);
      }),
      { numRuns: 200 },
    );
  });

  it('describeError and toJSON, for ApiErrors built by hand with hostile fields', () => {
    fc.assert(
      fc.property(hostileValue, fc.constantFrom('details', 'code', 'requestId', 'docUrl', 'message', 'body', 'cause', 'param'), (make, field) => {
        const error = new ApiError({ kind: 'validation', message: 'm', [field]: make() } as never);
        expect(() => describeError(error)).not.toThrow();
        expect(() => JSON.stringify(error)).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });
});
