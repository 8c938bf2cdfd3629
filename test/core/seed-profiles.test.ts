import { describe, expect, it } from 'vitest';
import { builtInProfiles, errorFromResponse, type ApiError } from '../../src/core/index.js';
import { fixtureResponse, seedFixtures } from '../../src/fixtures/index.js';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);

type Expected = Partial<Pick<ApiError, 'kind' | 'code' | 'message' | 'retryable' | 'retryAfterMs' | 'requestId' | 'param' | 'docUrl' | 'recovery' | 'maxRetries' | 'safeToResend' | 'details' | 'rateLimit'>>;

// What each documented response must become. Every fixture has a row; the test fails on a missing one.
const expected: Record<string, Expected> = {
  'pumpfun/bad-request': { kind: 'validation', retryable: false, code: null, message: 'limit must be a number conforming to the specified constraints; offset must not be less than 0' },
  'pumpfun/unauthorized': { kind: 'unauthorized', retryable: false, recovery: 'reauthenticate', message: 'Invalid or expired token' },
  'pumpfun/forbidden': { kind: 'forbidden', retryable: false },
  'pumpfun/not-found': { kind: 'not_found', retryable: false, message: 'Coin not found' },
  'pumpfun/rate-limited': { kind: 'rate_limited', retryable: true, retryAfterMs: 30_000, rateLimit: { limit: 100, remaining: 0, resetAt: NOW + 30_000 }, recovery: 'wait' },
  'pumpfun/server-error': { kind: 'server', retryable: true, maxRetries: 3 },
  'pumpfun/bad-gateway': { kind: 'bad_gateway', retryable: true, message: '502 Bad Gateway' },
  'pumpfun/unavailable': { kind: 'unavailable', retryable: true, maxRetries: 3 },

  'solana-swap/INVALID_REQUEST': { kind: 'validation', code: 'INVALID_REQUEST', retryable: false, details: { inputMint: 'abc', details: 'inputMint' } },
  'solana-swap/TX_INVALID': { kind: 'validation', code: 'TX_INVALID', retryable: false },
  'solana-swap/TX_UNSIGNED': { kind: 'validation', code: 'TX_UNSIGNED', retryable: false },
  'solana-swap/TX_TOO_LARGE': { kind: 'validation', code: 'TX_TOO_LARGE', retryable: false, recovery: 'change-request' },
  'solana-swap/QUOTE_NOT_FOUND': { kind: 'not_found', code: 'QUOTE_NOT_FOUND', retryable: false, recovery: 'requote' },
  'solana-swap/QUOTE_EXPIRED': { kind: 'gone', code: 'QUOTE_EXPIRED', retryable: false, recovery: 'requote', message: 'Quote expired' },
  'solana-swap/NO_ROUTE': { kind: 'not_found', code: 'NO_ROUTE', retryable: false, recovery: 'change-request' },
  'solana-swap/TOKEN_NOT_FOUND': { kind: 'not_found', code: 'TOKEN_NOT_FOUND', retryable: false, details: { mint: '3xyz' } },
  'solana-swap/EXCEEDED_SLIPPAGE': { kind: 'not_found', code: 'EXCEEDED_SLIPPAGE', retryable: false, recovery: 'change-request' },
  'solana-swap/SIMULATION_FAILED': { kind: 'validation', code: 'SIMULATION_FAILED', retryable: false },
  'solana-swap/ROUTE_TIMEOUT': { kind: 'timeout', code: 'ROUTE_TIMEOUT', retryable: true, retryAfterMs: 1500 },
  'solana-swap/BLOCKHASH_UNAVAILABLE': { kind: 'unavailable', code: 'BLOCKHASH_UNAVAILABLE', retryable: true, retryAfterMs: 2000 },
  'solana-swap/SERVICE_UNAVAILABLE': { kind: 'unavailable', code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfterMs: 1000 },
  'solana-swap/SEND_FAILED': { kind: 'bad_gateway', code: 'SEND_FAILED', retryable: true, safeToResend: true, recovery: 'retry' },
  'solana-swap/SUBMISSION_FAILED': {
    kind: 'bad_gateway', code: 'SUBMISSION_FAILED', retryable: true, safeToResend: true, recovery: 'check-status',
    details: { signature: expect.stringMatching(/^5xZt/) as unknown as string, details: 'socket hang up' },
  },
  'solana-swap/BUNDLE_UNAVAILABLE': { kind: 'unavailable', code: 'BUNDLE_UNAVAILABLE', retryable: false, retryAfterMs: null },
  'solana-swap/BUNDLE_REJECTED': { kind: 'bad_gateway', code: 'BUNDLE_REJECTED', retryable: false },
  'solana-swap/RATE_LIMITED': { kind: 'rate_limited', code: 'RATE_LIMITED', retryable: true, retryAfterMs: 12_000, rateLimit: { limit: 60, remaining: 0, resetAt: NOW + 12_000 }, details: { limit: 60, tier: 'starter' } },
  'solana-swap/INTERNAL': { kind: 'server', code: 'INTERNAL', retryable: true },
  'solana-swap/unauthorized': { kind: 'unauthorized', code: null, retryable: false, recovery: 'reauthenticate' },

  'piratecrew/bad_request': { kind: 'validation', code: 'bad_request', param: 'address', requestId: 'req_01HXYZ4K2M9Q', docUrl: 'https://docs.piratecrew.fun/docs/error-codes-reference#bad_request', retryable: false },
  'piratecrew/bad_request-cooldown': { kind: 'validation', param: 'ticker', retryable: false },
  'piratecrew/unauthorized': { kind: 'unauthorized', retryable: false, recovery: 'reauthenticate' },
  'piratecrew/forbidden': { kind: 'forbidden', retryable: false, details: { missingScopes: ['fees:claim'] }, recovery: 'request-access' },
  'piratecrew/forbidden-revoked': { kind: 'forbidden', retryable: false, details: undefined },
  'piratecrew/not_found': { kind: 'not_found', retryable: false },
  'piratecrew/conflict': { kind: 'conflict', code: 'conflict', retryable: false },
  'piratecrew/rate_limited': { kind: 'rate_limited', retryable: true, retryAfterMs: null, safeToResend: true },
  'piratecrew/internal_error': { kind: 'server', retryable: true, maxRetries: 2, message: 'Something went wrong', requestId: 'req_01HXYZ4K2M9Y' },

  'generic/INVALID_REQUEST': { kind: 'validation', code: 'INVALID_REQUEST', message: "Missing required 'user_id' parameter." },
  'generic/UNAUTHENTICATED': { kind: 'unauthorized', code: 'UNAUTHENTICATED', recovery: 'reauthenticate' },
  'generic/PERMISSION_DENIED': { kind: 'forbidden', code: 'PERMISSION_DENIED' },
  'generic/RESOURCE_NOT_FOUND': { kind: 'not_found', code: 'RESOURCE_NOT_FOUND' },
  'generic/RATE_LIMIT_EXCEEDED': { kind: 'rate_limited', retryable: true, retryAfterMs: 5000 },
  'generic/INTERNAL_SERVER_ERROR': { kind: 'server', retryable: true },
  'generic/SERVICE_UNAVAILABLE': { kind: 'unavailable', retryable: true },
  'generic/INSUFFICIENT_BALANCE': { kind: 'conflict', code: 'INSUFFICIENT_BALANCE', retryable: false, recovery: 'add-funds', details: { required: '100.00', available: '50.50' } },

  'ipfs-pinning/BAD_REQUEST': { kind: 'validation', code: 'BAD_REQUEST', message: 'Invalid CID: not a valid multihash', details: undefined },
  'ipfs-pinning/UNAUTHORIZED': { kind: 'unauthorized', code: 'UNAUTHORIZED', message: 'Access token is missing or invalid', recovery: 'reauthenticate' },
  'ipfs-pinning/payment-required': { kind: 'payment_required', retryable: false, recovery: 'pay', message: 'Payment Required', details: { x402Version: 1, accepts: expect.any(Array) as unknown as unknown[] } },
  'ipfs-pinning/payment-rejected': { kind: 'payment_required', message: 'Payment rejected: insufficient allowance' },
  'ipfs-pinning/FORBIDDEN': { kind: 'forbidden', code: 'FORBIDDEN' },
  'ipfs-pinning/NOT_FOUND': { kind: 'not_found', code: 'NOT_FOUND' },
  'ipfs-pinning/INSUFFICIENT_FUNDS': { kind: 'conflict', code: 'INSUFFICIENT_FUNDS', recovery: 'add-funds', retryable: false },
  'ipfs-pinning/PAYLOAD_TOO_LARGE': { kind: 'payload_too_large', code: 'PAYLOAD_TOO_LARGE', retryable: false },
  'ipfs-pinning/RATE_LIMITED': { kind: 'rate_limited', code: 'RATE_LIMITED', retryable: true, retryAfterMs: 60_000 },
  'ipfs-pinning/INTERNAL_SERVER_ERROR': { kind: 'server', code: 'INTERNAL_SERVER_ERROR', retryable: true },
  'ipfs-pinning/INTERNAL_ERROR': { kind: 'server', code: 'INTERNAL_ERROR', retryable: true },
  'ipfs-pinning/bad-gateway': { kind: 'bad_gateway', retryable: true, message: 'Request failed with status 502' },
  'ipfs-pinning/unavailable': { kind: 'unavailable', retryable: true },
  'ipfs-pinning/pin-failed': { kind: 'unknown', code: 'failed', retryable: false, recovery: 'retry', message: 'Content not found on the IPFS network before the timeout', details: { requestid: '7d1f', cid: expect.any(String) as unknown as string, status_details: 'Content not found on the IPFS network before the timeout' } },
  'ipfs-pinning/gateway-timeout': { kind: 'timeout', retryable: true, recovery: 'change-request' },
};

// Rows whose body carries nothing of its API's shape (no body, a proxy's HTML page, a bare message):
// only the URL (for APIs with a known host) or the caller can name the API.
const noShape = new Set(['pumpfun/bad-gateway', 'solana-swap/unauthorized', 'ipfs-pinning/bad-gateway', 'ipfs-pinning/unavailable', 'ipfs-pinning/gateway-timeout']);
const knownHost = new Set(['pumpfun', 'piratecrew']);

describe.each(seedFixtures.map((fixture) => [fixture.id, fixture] as const))('%s', (id, fixture) => {
  const request = { method: fixture.method, url: fixture.url };

  it('reads every documented field', async () => {
    const want = expected[id];
    expect(want, `no expectation written for ${id}`).toBeDefined();
    const error = await errorFromResponse(fixtureResponse(fixture, NOW), { request, api: fixture.api, profiles: builtInProfiles, now: NOW });
    expect(error.status).toBe(fixture.status);
    expect(error.api).toBe(fixture.api);
    expect(error.request).toEqual(request);
    expect(error).toMatchObject(want!);
    if ('details' in want! && want.details === undefined) expect(error.details).toBeUndefined();
  });
});

describe.each(seedFixtures.filter((f) => !noShape.has(f.id)).map((f) => [f.id, f] as const))('%s', (id, fixture) => {
  it('is recognised by its body alone', async () => {
    const error = await errorFromResponse(fixtureResponse(fixture, NOW), { profiles: builtInProfiles, now: NOW });
    expect(error.api).toBe(fixture.api);
    expect(error.kind).toBe(expected[id]?.kind);
  });
});

describe.each(seedFixtures.filter((f) => knownHost.has(f.api)).map((f) => [f.id, f] as const))('%s', (_id, fixture) => {
  it('is recognised by its URL', async () => {
    const error = await errorFromResponse(fixtureResponse(fixture, NOW), { request: { method: fixture.method, url: fixture.url }, profiles: builtInProfiles, now: NOW });
    expect(error.api).toBe(fixture.api);
  });

  it('is read with the general conventions alone when no profile is given (profiles are opt-in)', async () => {
    const error = await errorFromResponse(fixtureResponse(fixture, NOW), { request: { method: fixture.method, url: fixture.url }, now: NOW });
    expect(error.api).toBeNull();
    expect(error.status).toBe(fixture.status);
  });
});

it('has an expectation for every fixture and a fixture for every expectation', () => {
  expect(Object.keys(expected).sort()).toEqual(seedFixtures.map((f) => f.id).sort());
});
