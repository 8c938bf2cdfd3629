import { describe, expect, it } from 'vitest';
import { anthropic, errorFromResponse, gitHub, normalizeError, openAi, parseRetryAfter, rateLimitFromHeaders, toHeaderMap, vendorHeaderProfiles } from '../../src/core/index.js';

// Each rule faultline honours, with the document it comes from. `now` is fixed: 2026-11-24 12:00 UTC.
const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);

// Vendor dialects are opt-in profiles chosen by host among those given: every read here gives all four.
const failed = (status: number, body: unknown, headers: Record<string, string> = {}, url = 'https://api.example.org/v1/x') =>
  errorFromResponse(
    new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { ...(typeof body === 'object' ? { 'content-type': 'application/json' } : {}), ...headers },
    }),
    { now: NOW, request: { method: 'GET', url }, profiles: vendorHeaderProfiles },
  );

describe('HTTP-date in Retry-After (RFC 9110 §5.6.7, §10.2.3)', () => {
  it.each([
    ['IMF-fixdate', 'Tue, 24 Nov 2026 12:00:30 GMT', 30_000],
    ['RFC 850 date', 'Tuesday, 24-Nov-26 12:00:30 GMT', 30_000],
    ['asctime date, read as UTC (not local time)', 'Tue Nov 24 12:00:30 2026', 30_000],
    ['asctime date with a one-digit day', 'Tue Nov  1 12:00:00 2026', 0],
    ['a leap second (second 60) is the start of the next minute', 'Tue, 24 Nov 2026 12:00:60 GMT', 60_000],
    ['a date in the past means now', 'Sun, 06 Nov 1994 08:49:37 GMT', 0],
    ['RFC 850: a year more than 50 years ahead is the past one (94 → 1994)', 'Sunday, 06-Nov-94 08:49:37 GMT', 0],
    ['RFC 850: a year within 50 years ahead stays ahead (27 → 2027), capped at a day', 'Wednesday, 24-Nov-27 12:00:00 GMT', 86_400_000],
    ['delay-seconds', '120', 120_000],
  ])('%s', (_rule, value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it('reads an asctime date as UTC on a machine in another time zone', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(new Date(2026, 10, 24).getTimezoneOffset()).not.toBe(0);
      expect(parseRetryAfter('Tue Nov 24 12:00:30 2026', NOW)).toBe(30_000);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it.each([
    ['a time zone other than GMT', 'Tue, 24 Nov 2026 12:00:30 PST'],
    ['a day the month does not have', 'Mon, 31 Feb 2026 12:00:30 GMT'],
    ['an ISO date (not an HTTP-date)', '2026-11-24T12:00:30Z'],
    ['prose Date.parse would accept', 'next tuesday 5pm'],
    ['a negative delay', '-5'],
  ])('is not a wait: %s', (_rule, value) => {
    expect(parseRetryAfter(value, NOW)).toBeNull();
  });
});

describe('retry rules of RFCs and of the SDKs faultline is measured against', () => {
  it('RFC 9110 §15.5.14: a 413 with Retry-After may be retried after the wait', async () => {
    const error = await failed(413, { message: 'too large right now' }, { 'retry-after': '30' });
    expect(error).toMatchObject({ kind: 'payload_too_large', retryable: true, retryAfterMs: 30_000 });
    expect(await failed(413, { message: 'too large' })).toMatchObject({ retryable: false, retryAfterMs: null });
  });

  it.each([
    ['Stripe-Should-Retry: false on a 500 (Stripe SDKs)', 500, { 'stripe-should-retry': 'false' }, false, 'api.stripe.com'],
    ['Stripe-Should-Retry: true on a 409 (Stripe SDKs)', 409, { 'stripe-should-retry': 'true' }, true, 'api.stripe.com'],
    ['x-should-retry: false on a 503 (OpenAI SDKs)', 503, { 'x-should-retry': 'false' }, false, openAi.hosts![0]],
    ['x-should-retry: true on a 400 (OpenAI SDKs)', 400, { 'x-should-retry': 'true' }, true, openAi.hosts![0]],
    ['x-should-retry: false on a 503 (Anthropic SDKs)', 503, { 'x-should-retry': 'false' }, false, anthropic.hosts![0]],
    ['x-should-retry: true on a 400 (Anthropic SDKs)', 400, { 'x-should-retry': 'true' }, true, anthropic.hosts![0]],
    ['x-should-retry: true on a 400 from any API', 400, { 'x-should-retry': 'true' }, true, 'api.example.org'],
  ])('%s', async (_rule, status, headers, retryable, host) => {
    // A hint any server may send: read with no profile given.
    expect((await failed(status, { message: 'm' }, headers, `https://${host}/v1/x`)).retryable).toBe(retryable);
    // Without it, the standard rules decide.
    expect((await failed(status, { message: 'm' }, {}, `https://${host}/v1/x`)).retryable).toBe(status >= 500);
  });

  it('GitHub: a 403 with x-ratelimit-remaining: 0 is a rate limit until x-ratelimit-reset, even with an empty body', async () => {
    const reset = String(Math.floor(NOW / 1000) + 120);
    const error = await failed(403, undefined, { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, 'https://api.github.com/repos/a/b');
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 120_000 });
  });

  it('GitHub: a secondary rate limit without Retry-After waits at least one minute', async () => {
    const error = await failed(403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' }, {}, 'https://api.github.com/repos/a/b');
    expect(error.api).toBe(gitHub.name);
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 60_000 });
    expect(error.docUrl).toBe('https://docs.github.com/rest/overview/rate-limits-for-the-rest-api');
  });

  it.each([
    ['OpenAI: requests spent → the requests reset', { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1s', 'x-ratelimit-remaining-tokens': '100', 'x-ratelimit-reset-tokens': '6m0s' }, 1_000, 'api.openai.com'],
    ['OpenAI: tokens spent → the tokens reset', { 'x-ratelimit-remaining-requests': '5', 'x-ratelimit-reset-requests': '1s', 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '6m0s' }, 360_000, 'api.openai.com'],
    // Both spent: no request succeeds before the later reset, whichever limit comes first.
    ['OpenAI: both spent → the later reset (requests)', { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '20s', 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '1.5s' }, 20_000, 'api.openai.com'],
    ['OpenAI: both spent → the later reset (tokens)', { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1.5s', 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '20s' }, 20_000, 'api.openai.com'],
    ['Anthropic: both spent → the later reset (tokens)', { 'anthropic-ratelimit-requests-remaining': '0', 'anthropic-ratelimit-requests-reset': '2026-11-24T12:00:20Z', 'anthropic-ratelimit-tokens-remaining': '0', 'anthropic-ratelimit-tokens-reset': '2026-11-24T12:05:00Z' }, 300_000, 'api.anthropic.com'],
    ['Anthropic: both spent → the later reset (requests)', { 'anthropic-ratelimit-requests-remaining': '0', 'anthropic-ratelimit-requests-reset': '2026-11-24T12:05:00Z', 'anthropic-ratelimit-tokens-remaining': '0', 'anthropic-ratelimit-tokens-reset': '2026-11-24T12:00:20Z' }, 300_000, 'api.anthropic.com'],
    ['Anthropic: anthropic-ratelimit-*-reset is RFC 3339', { 'anthropic-ratelimit-requests-remaining': '0', 'anthropic-ratelimit-requests-reset': '2026-11-24T12:00:45Z', 'anthropic-ratelimit-tokens-remaining': '900', 'anthropic-ratelimit-tokens-reset': '2026-11-24T12:05:00Z' }, 45_000, 'api.anthropic.com'],
    ['Anthropic: an offset is honoured', { 'anthropic-ratelimit-tokens-remaining': '0', 'anthropic-ratelimit-tokens-reset': '2026-11-24T13:00:10+01:00' }, 10_000, 'api.anthropic.com'],
    ['X-RateLimit-Retry-After (seconds)', { 'x-ratelimit-retry-after': '7' }, 7_000, 'api.example.org'],
  ])('%s', async (_rule, headers, wait, host) => {
    expect((await failed(429, { message: 'slow down' }, headers, `https://${host}/v1/x`)).retryAfterMs).toBe(wait);
  });

  it('Google: RetryInfo.retryDelay is the wait and a Help link is the doc link (google.rpc, AIP-193)', async () => {
    const error = await failed(429, {
      error: {
        code: 429,
        status: 'RESOURCE_EXHAUSTED',
        message: 'Quota exceeded',
        details: [
          { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '12.5s' },
          { '@type': 'type.googleapis.com/google.rpc.Help', links: [{ description: 'Quotas', url: 'https://cloud.google.com/docs/quotas' }] },
        ],
      },
    });
    expect(error).toMatchObject({ kind: 'rate_limited', code: 'RESOURCE_EXHAUSTED', retryAfterMs: 12_500, docUrl: 'https://cloud.google.com/docs/quotas' });
  });

  it('a wait on an error that is not retried is dropped (only retries and rate limits count down)', async () => {
    const error = await failed(404, { message: 'gone' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' });
    expect(error).toMatchObject({ kind: 'not_found', retryable: false, retryAfterMs: null });
    expect(error.rateLimit).toMatchObject({ remaining: 0, resetAt: NOW + 30_000 });
  });
});

describe('IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers-08+)', () => {
  it.each([
    ['the policy the RateLimit field names gives the quota', { ratelimit: '"burst";r=0;t=5', 'ratelimit-policy': '"default";q=100;w=60, "burst";q=10;w=1' }, { limit: 10, remaining: 0, resetAt: NOW + 5_000 }],
    ['with several members, the one with least left', { ratelimit: '"default";r=50;t=30, "daily";r=0;t=600', 'ratelimit-policy': '"default";q=100;w=60, "daily";q=1000;w=86400' }, { limit: 1000, remaining: 0, resetAt: NOW + 600_000 }],
    ['one policy and one member', { ratelimit: '"default";r=50;t=30', 'ratelimit-policy': '"default";q=100;w=60' }, { limit: 100, remaining: 50, resetAt: NOW + 30_000 }],
    ['drafts 3–7: key=value members', { ratelimit: 'limit=100, remaining=5, reset=9' }, { limit: 100, remaining: 5, resetAt: NOW + 9_000 }],
    ['draft 6: RateLimit-Policy of a bare quota', { 'ratelimit-policy': '100;w=60', 'ratelimit-remaining': '3' }, { limit: 100, remaining: 3, resetAt: null }],
  ])('%s', (_rule, headers, expected) => {
    expect(rateLimitFromHeaders(toHeaderMap(headers), NOW)).toEqual(expected);
  });
});

describe('RFC 9457 problem details with an `errors` array', () => {
  it('keeps the problem type as the code and the doc link; an item pointer names the param', async () => {
    const error = await failed(422, {
      type: 'https://example.net/validation-error',
      title: 'Your request is not valid.',
      errors: [
        { detail: 'must be a positive integer', pointer: '#/age' },
        { detail: "must be 'green', 'red' or 'blue'", pointer: '#/profile/color' },
      ],
    });
    expect(error).toMatchObject({ kind: 'validation', code: 'https://example.net/validation-error', docUrl: 'https://example.net/validation-error', param: 'age', message: 'Your request is not valid.' });
    expect(JSON.stringify(error.details)).toContain('profile/color');
  });

  // RFC 9457 §3: the media type says it is a problem, so `type` is its code even with no title or detail.
  it('reads a body served as application/problem+json as a problem, with only a type and errors', async () => {
    const body = { type: 'https://example.net/validation-error', status: 422, errors: [{ detail: 'must be positive', pointer: '#/age' }] };
    const problem = await failed(422, body, { 'content-type': 'application/problem+json; charset=utf-8' });
    expect(problem).toMatchObject({ kind: 'validation', code: 'https://example.net/validation-error', docUrl: 'https://example.net/validation-error', param: 'age', message: 'must be positive' });
    const typeOnly = await failed(503, { type: 'https://example.net/maintenance' }, { 'content-type': 'application/problem+json' });
    expect(typeOnly).toMatchObject({ kind: 'unavailable', code: 'https://example.net/maintenance', docUrl: 'https://example.net/maintenance' });
    // "about:blank" names no problem type of its own: the status speaks (§4.2.1).
    expect(await failed(404, { type: 'about:blank', status: 404 }, { 'content-type': 'application/problem+json' })).toMatchObject({ kind: 'not_found', code: null, docUrl: null });
    // Served as plain JSON the same body is a list of errors, as GraphQL and JSON:API send them.
    expect(await failed(422, body)).toMatchObject({ code: null, docUrl: null, param: 'age' });
  });

  it('still reads GraphQL and JSON:API errors arrays as before', async () => {
    const graphql = await failed(200, { errors: [{ message: 'Not signed in', extensions: { code: 'UNAUTHENTICATED' }, path: ['viewer'] }], data: null });
    expect(graphql).toMatchObject({ kind: 'unauthorized', code: 'UNAUTHENTICATED', param: 'viewer' });
    const jsonApi = await failed(422, { errors: [{ status: '422', title: 'Invalid Attribute', detail: 'First name must contain at least two characters.', source: { pointer: '/data/attributes/firstName' } }] });
    expect(jsonApi).toMatchObject({ kind: 'validation', param: 'firstName' });
  });
});

describe('network failures, by the exact message each runtime gives', () => {
  it.each([
    ['Chromium', new TypeError('Failed to fetch')],
    ['Chromium, with the host', new TypeError('Failed to fetch (api.example.org)')],
    ['Firefox', new TypeError('NetworkError when attempting to fetch resource.')],
    ['Safari', new TypeError('Load failed')],
    ['Safari, connection lost', new TypeError('The network connection was lost.')],
    ['Safari, offline', new TypeError('The Internet connection appears to be offline.')],
    ['Node (undici)', new TypeError('fetch failed')],
    ['Node (undici), body cut off', new TypeError('terminated')],
    ['Deno', new TypeError('error sending request for url (https://api.example.org/x): client error (Connect): tcp connect error: Connection refused')],
    ['Cloudflare Workers', new Error('Network connection lost.')],
    ['React Native', new TypeError('Network request failed')],
  ])('%s', (_runtime, thrown) => {
    expect(normalizeError(thrown).kind).toBe('network');
  });

  it.each([
    ['a TypeError that merely mentions the network', new TypeError('Not a network error')],
    ['a TypeError from app code', new TypeError("Cannot read properties of undefined (reading 'failed to fetch')")],
    ['a plain Error that says fetch failed somewhere', new Error('user profile fetch failed validation')],
  ])('is not one: %s', (_case, thrown) => {
    expect(normalizeError(thrown).kind).not.toBe('network');
  });
});
