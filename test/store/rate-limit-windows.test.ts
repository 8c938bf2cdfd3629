import { describe, expect, it } from 'vitest';
import { ApiError, builtInProfiles, normalizeError, type ApiErrorInit } from '../../src/core/index.js';
import { MAX_RATE_LIMIT_WINDOWS, createApiErrorStore, nextDeadline, rateLimitKey, report, type RateLimitKeySource } from '../../src/store/index.js';

// Rate-limit windows: while one is closed its requests wait and its toast counts down. Every API
// (every origin) has its own window; what happens to one must not happen to the others.

const T0 = 1_000_000;
const limited = (origin: string, retryAfterMs: number | null, init: Partial<ApiErrorInit> = {}) =>
  new ApiError({ kind: 'rate_limited', message: 'slow down', status: 429, retryable: true, retryAfterMs, request: { method: 'GET', url: `${origin}/v1/${new URL(origin).hostname}` }, ...init });
const A = 'https://a.example';
const B = 'https://b.example';

describe('rate-limit windows', () => {
  it('closing one window keeps every other window and its toast', () => {
    const store = createApiErrorStore();
    const a = limited(A, 1000);
    const b = limited(B, 5000);
    report(store, a, { now: T0 });
    report(store, b, { now: T0 });
    expect(Object.values(store.getState().rateLimits).map((w) => w.resetAt).sort()).toEqual([T0 + 1000, T0 + 5000]);

    expect(store.getState().tick(T0 + 1000)).toEqual([rateLimitKey(a)]);
    expect(Object.values(store.getState().rateLimits)).toMatchObject([{ key: rateLimitKey(b), resetAt: T0 + 5000 }]);
    expect(store.getState().toasts.map((t) => t.rateLimitKey)).toEqual([rateLimitKey(b)]);

    expect(store.getState().tick(T0 + 5000)).toEqual([rateLimitKey(b)]);
    expect(store.getState()).toMatchObject({ rateLimits: {}, toasts: [] });
  });

  it('a window opening removes only its own toasts, not other failures on screen', () => {
    const store = createApiErrorStore();
    report(store, limited(A, 1000), { now: T0 });
    report(store, new ApiError({ kind: 'validation', message: 'bad', status: 400, request: { method: 'POST', url: `${A}/v1/items` } }), { now: T0 });
    store.getState().tick(T0 + 1000);
    expect(store.getState().toasts.map((t) => t.error.kind)).toEqual(['validation']);
  });

  it('a window opening leaves a same-origin server error that asked for a wait on screen', () => {
    const store = createApiErrorStore();
    report(store, limited(A, 1000), { now: T0 });
    const busy = new ApiError({ kind: 'unavailable', message: 'busy', status: 503, retryable: true, retryAfterMs: 1000, request: { method: 'GET', url: `${A}/v1/other` } });
    const toast = report(store, busy, { now: T0 });
    expect(toast).toMatchObject({ rateLimitKey: null, durationMs: 6000 });
    store.getState().tick(T0 + 1000);
    expect(store.getState().toasts.map((t) => t.error.kind)).toEqual(['unavailable']);
  });

  it('past MAX_RATE_LIMIT_WINDOWS, drops the windows already open again first, then the one that opens soonest', () => {
    const store = createApiErrorStore();
    const open = (key: string, resetAt: number, now = T0) => store.getState().openRateLimit(key, { limit: null, remaining: 0, resetAt }, now);
    for (let i = 0; i < MAX_RATE_LIMIT_WINDOWS; i += 1) open(`k${i}`, T0 + 10_000 + i);
    open('new', T0 + 50_000);
    const keys = () => Object.keys(store.getState().rateLimits);
    expect(keys()).toHaveLength(MAX_RATE_LIMIT_WINDOWS);
    expect(keys()).not.toContain('k0');
    expect(keys()).toEqual(expect.arrayContaining(['k1', 'k99', 'new']));
    // k1 and k2 open again at T0 + 10,002 (no tick yet): they go, and k3, the soonest still closed, stays.
    open('later', T0 + 60_000, T0 + 10_002);
    expect(keys()).toHaveLength(MAX_RATE_LIMIT_WINDOWS - 1);
    expect(keys()).not.toContain('k1');
    expect(keys()).not.toContain('k2');
    expect(keys()).toEqual(expect.arrayContaining(['k3', 'new', 'later']));
    // Re-opening a window that is kept moves no other window out.
    open('k50', T0 + 70_000, T0 + 10_002);
    expect(keys()).toHaveLength(MAX_RATE_LIMIT_WINDOWS - 1);
    expect(keys()).toContain('k3');
  });

  it('a window with no toast opens at its reset all the same', () => {
    const store = createApiErrorStore();
    store.getState().openRateLimit('https://a.example', { limit: 10, remaining: 0, resetAt: T0 + 3000 }, T0);
    expect(store.getState().tick(T0 + 2999)).toEqual([]);
    expect(store.getState().tick(T0 + 3000)).toEqual(['https://a.example']);
    expect(store.getState().rateLimits).toEqual({});
  });

  it('a rate limit without a wait opens no window and its toast expires like a transient one', () => {
    const store = createApiErrorStore();
    const toast = report(store, limited(A, null), { now: T0 });
    expect(store.getState().rateLimits).toEqual({});
    expect(toast).toMatchObject({ rateLimitKey: null, durationMs: 6000, politeness: 'polite' });
    store.getState().tick(T0 + 6000);
    expect(store.getState().toasts).toEqual([]);
  });

  it('records what the error says of the quota, and assumes none left when it does not say', () => {
    const store = createApiErrorStore();
    report(store, limited(A, 2000, { rateLimit: { limit: 100, remaining: 0, resetAt: null } }), { now: T0 });
    report(store, limited(B, 2000), { now: T0 });
    const windows = Object.values(store.getState().rateLimits);
    expect(windows).toContainEqual({ key: rateLimitKey(limited(A, 0)), resetAt: T0 + 2000, openedAt: T0, limit: 100, remaining: 0 });
    expect(windows).toContainEqual({ key: rateLimitKey(limited(B, 0)), resetAt: T0 + 2000, openedAt: T0, limit: null, remaining: 0 });
  });

  it('an extended window keeps the moment it first closed (the countdown bar starts there)', () => {
    const store = createApiErrorStore();
    report(store, limited(A, 5000), { now: T0 });
    report(store, limited(A, 9000), { now: T0 + 2000 });
    expect(Object.values(store.getState().rateLimits)).toMatchObject([{ openedAt: T0, resetAt: T0 + 11_000 }]);
  });

  it('a window reported again with the same reset changes nothing (no re-render)', () => {
    const store = createApiErrorStore();
    report(store, limited(A, 5000, { rateLimit: { limit: 10, remaining: 0, resetAt: null } }), { now: T0 });
    let notified = 0;
    store.subscribe(() => (notified += 1));
    store.getState().openRateLimit(rateLimitKey(limited(A, 0)), { limit: 99, remaining: 0, resetAt: T0 + 5000 }, T0 + 10);
    expect(notified).toBe(0);
    expect(Object.values(store.getState().rateLimits)).toMatchObject([{ limit: 10, resetAt: T0 + 5000 }]);
  });

  it('ignores a window that is already open again', () => {
    const store = createApiErrorStore();
    store.getState().openRateLimit('k', { limit: null, remaining: 0, resetAt: T0 }, T0);
    store.getState().openRateLimit('k', { limit: null, remaining: 0, resetAt: T0 - 1 }, T0);
    store.getState().openRateLimit('k', { limit: null, remaining: 0, resetAt: Number.NaN }, T0);
    expect(store.getState().rateLimits).toEqual({});
    expect(nextDeadline(store.getState())).toBeNull();
  });

  it('closes a window from a spent quota on a failure that is not a rate limit, until its reset', () => {
    const store = createApiErrorStore();
    const error = new ApiError({ kind: 'server', message: 'm', status: 500, request: { method: 'GET', url: `${A}/x` }, rateLimit: { limit: 10, remaining: 0, resetAt: T0 + 30_000 } });
    report(store, error, { now: T0 });
    expect(Object.values(store.getState().rateLimits)).toEqual([{ key: rateLimitKey(error), resetAt: T0 + 30_000, openedAt: T0, limit: 10, remaining: 0 }]);
    // Quota left, or no reset known: nothing to wait for.
    const fresh = createApiErrorStore();
    report(fresh, new ApiError({ kind: 'server', message: 'm', rateLimit: { limit: 10, remaining: 1, resetAt: T0 + 30_000 } }), { now: T0 });
    report(fresh, new ApiError({ kind: 'server', message: 'm', rateLimit: { limit: 10, remaining: 0, resetAt: null } }), { now: T0 });
    expect(fresh.getState().rateLimits).toEqual({});
  });

  it('a rate limit closes its window even when the app shows no toast for it', () => {
    const store = createApiErrorStore();
    expect(report(store, limited(A, 3000), { now: T0, toast: false })).toBeNull();
    expect(store.getState().toasts).toEqual([]);
    expect(Object.values(store.getState().rateLimits)).toMatchObject([{ resetAt: T0 + 3000 }]);
  });
});

describe('which window a failure closes', () => {
  const pumpLike = { error: 'Too Many Requests', message: 'slow down', statusCode: 429, retry_after: 60 };

  it('a body that only looks like a known API, thrown without its request, closes no API’s window', () => {
    const error = normalizeError(pumpLike, { profiles: builtInProfiles });
    expect(error.api).toBe('pumpfun'); // read by pump.fun's rules…
    const store = createApiErrorStore();
    report(store, error, { now: T0 });
    expect(Object.keys(store.getState().rateLimits)).toEqual(['*']); // …but pump.fun's window stays open
  });

  it('an ApiError from a copy of faultline that predates window keys closes its API’s window', () => {
    const error = new ApiError({ kind: 'rate_limited', message: 'm', retryAfterMs: 1000, api: 'pumpfun', request: { method: 'GET', url: 'https://proxy.example/x' } });
    const older = Object.assign(Object.create(Object.getPrototypeOf(error) as object) as ApiError, { ...error, rateLimitKey: undefined });
    expect(rateLimitKey(older)).toBe('pumpfun');
  });
});

describe('nextDeadline (when the provider next needs to wake up)', () => {
  it('is the earliest of the running toasts and the closed windows', () => {
    const store = createApiErrorStore();
    report(store, limited(A, 10_000), { now: T0 });
    expect(nextDeadline(store.getState())).toBe(T0 + 10_000);
    report(store, new ApiError({ kind: 'server', message: 'm', retryable: true }), { now: T0 + 1000 });
    expect(nextDeadline(store.getState())).toBe(T0 + 7000);
    report(store, limited(B, 2000), { now: T0 + 1000 });
    expect(nextDeadline(store.getState())).toBe(T0 + 3000);
  });

  it('is null when nothing runs down: no toasts, or only sticky or paused ones', () => {
    const store = createApiErrorStore();
    expect(nextDeadline(store.getState())).toBeNull();
    report(store, new ApiError({ kind: 'validation', message: 'm', status: 400 }), { now: T0 });
    expect(nextDeadline(store.getState())).toBeNull();
    report(store, new ApiError({ kind: 'server', message: 'm', retryable: true }), { now: T0 });
    store.getState().pause('hidden', T0);
    expect(nextDeadline(store.getState())).toBeNull();
  });
});

describe('rateLimitKey of a source without its own key (a response that was no error)', () => {
  it.each([
    ['pumpfun', 'https://frontend-api-v3.pump.fun/coins', 'pumpfun'],
    [null, 'https://api.example.com:8443/v1/x?y=1', 'https://api.example.com:8443'],
    [undefined, null, '*'],
    ['', '', '*'],
    [null, 'not a url', '*'],
  ])('api %j, url %j → %j', (api, url, key) => {
    // `api: undefined` is what JavaScript outside the types may pass; it names no API, like null.
    const source = { api, request: url === null ? null : { method: 'GET', url } } as RateLimitKeySource;
    expect(rateLimitKey(source)).toBe(key);
  });
});
