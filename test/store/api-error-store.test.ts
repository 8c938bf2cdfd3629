import { describe, expect, it, vi } from 'vitest';
import { ApiError, normalizeError, type ApiErrorInit } from '../../src/core/index.js';
import { createApiErrorStore, nextDeadline, report } from '../../src/store/index.js';

const T0 = 1_000_000;
const request = { method: 'GET', url: 'https://api.example.com/v1/things?page=1' };
const err = (init: Partial<ApiErrorInit> = {}) => new ApiError({ kind: 'server', message: 'boom', status: 500, retryable: true, request, ...init });

describe('toasts', () => {
  it('deduplicates one incident into one toast with a count, also for 1,000 reports', () => {
    const store = createApiErrorStore();
    for (let i = 0; i < 1000; i += 1) report(store, err(), { now: T0 + i });
    const { toasts } = store.getState();
    expect(toasts).toHaveLength(1);
    expect(toasts[0]).toMatchObject({ count: 1000, visible: true });
  });

  it('counts incidents, not the attempts of one run: retries of one fetch are one', () => {
    const store = createApiErrorStore();
    const firstFetch = {};
    for (let attempt = 0; attempt < 4; attempt += 1) report(store, err(), { now: T0 + attempt, incident: firstFetch });
    expect(store.getState().toasts[0]?.count).toBe(1);
    report(store, err(), { now: T0 + 10, incident: {} });
    report(store, err(), { now: T0 + 11 });
    expect(store.getState().toasts[0]?.count).toBe(3);
  });

  it('keeps distinct incidents apart, shows at most maxVisible and queues the rest, bounded', () => {
    const store = createApiErrorStore({ maxVisible: 3, maxQueued: 5 });
    for (let i = 0; i < 1000; i += 1) report(store, err({ code: `E${i}` }), { now: T0 });
    const { toasts, overflow } = store.getState();
    expect(toasts).toHaveLength(8);
    expect(toasts.filter((t) => t.visible)).toHaveLength(3);
    expect(overflow).toBe(992);
    // The first three stay on screen; the queue keeps the newest.
    expect(toasts.map((t) => t.error.code)).toEqual(['E0', 'E1', 'E2', 'E995', 'E996', 'E997', 'E998', 'E999']);
  });

  it('gives each toast a unique id, also across stores', () => {
    const a = createApiErrorStore();
    const b = createApiErrorStore();
    const ids = [report(a, err({ code: 'A' }), { now: T0 }), report(a, err({ code: 'B' }), { now: T0 }), report(b, err({ code: 'A' }), { now: T0 })].map((t) => t?.id);
    expect(new Set(ids).size).toBe(3);
  });

  it('never toasts an abort', () => {
    const store = createApiErrorStore();
    expect(report(store, normalizeError(new DOMException('x', 'AbortError')), { now: T0 })).toBeNull();
    expect(store.getState().toasts).toEqual([]);
  });

  it('expires a transient toast after its time, and only while visible', () => {
    const store = createApiErrorStore({ maxVisible: 1 });
    report(store, err({ code: 'first' }), { now: T0 });
    report(store, err({ code: 'second' }), { now: T0 });
    store.getState().tick(T0 + 5999);
    expect(store.getState().toasts.map((t) => t.error.code)).toEqual(['first', 'second']);
    store.getState().tick(T0 + 6000);
    // The queued one was not running while it waited: it now gets its full time.
    expect(store.getState().toasts).toMatchObject([{ error: { code: 'second' }, visible: true, remainingMs: 6000, runningSince: T0 + 6000 }]);
    store.getState().tick(T0 + 11_999);
    expect(store.getState().toasts).toHaveLength(1);
    store.getState().tick(T0 + 12_000);
    expect(store.getState().toasts).toHaveLength(0);
  });

  it('resumes a paused toast with the time it had left', () => {
    const store = createApiErrorStore();
    report(store, err(), { now: T0 });
    store.getState().pause('hover', T0 + 4000);
    store.getState().pause('hidden', T0 + 4500);
    store.getState().tick(T0 + 60_000);
    expect(store.getState().toasts).toHaveLength(1);
    store.getState().resume('hover', T0 + 60_000);
    expect(store.getState().toasts[0]?.runningSince).toBeNull(); // still hidden
    store.getState().resume('hidden', T0 + 70_000);
    expect(store.getState().toasts[0]).toMatchObject({ remainingMs: 2000, runningSince: T0 + 70_000 });
    expect(nextDeadline(store.getState())).toBe(T0 + 72_000);
    store.getState().tick(T0 + 72_000);
    expect(store.getState().toasts).toHaveLength(0);
  });

  it('keeps errors a person must act on until dismissed', () => {
    const store = createApiErrorStore();
    const toast = report(store, err({ kind: 'validation', status: 400, retryable: false }), { now: T0 });
    store.getState().tick(T0 + 10 * 60_000);
    expect(store.getState().toasts).toHaveLength(1);
    store.getState().dismiss(toast!.id, T0);
    expect(store.getState().toasts).toHaveLength(0);
  });
});

describe('rate-limit windows', () => {
  const limited = (retryAfterMs: number) => err({ kind: 'rate_limited', status: 429, api: 'pumpfun', retryAfterMs });

  it('opens a window per API on a rate-limited error; its toast lives until the window opens', () => {
    const store = createApiErrorStore();
    report(store, limited(5000), { now: T0 });
    expect(store.getState().rateLimits.pumpfun).toMatchObject({ resetAt: T0 + 5000 });
    expect(nextDeadline(store.getState())).toBe(T0 + 5000);
    expect(store.getState().tick(T0 + 4999)).toEqual([]);
    expect(store.getState().toasts).toHaveLength(1);
    expect(store.getState().tick(T0 + 5000)).toEqual(['pumpfun']);
    expect(store.getState().rateLimits).toEqual({});
    expect(store.getState().toasts).toHaveLength(0);
  });

  it('extends a window but never shortens it', () => {
    const store = createApiErrorStore();
    report(store, limited(5000), { now: T0 });
    report(store, limited(1000), { now: T0 + 100 });
    expect(store.getState().rateLimits.pumpfun?.resetAt).toBe(T0 + 5000);
    report(store, limited(9000), { now: T0 + 100 });
    expect(store.getState().rateLimits.pumpfun?.resetAt).toBe(T0 + 9100);
  });

  it('opens a window from remaining: 0 headers on any error', () => {
    const store = createApiErrorStore();
    report(store, err({ api: 'solana-swap', rateLimit: { limit: 60, remaining: 0, resetAt: T0 + 30_000 } }), { now: T0 });
    expect(store.getState().rateLimits['solana-swap']).toMatchObject({ limit: 60, remaining: 0, resetAt: T0 + 30_000 });
  });
});

describe('re-authentication', () => {
  const expired = () => err({ kind: 'unauthorized', status: 401, retryable: false });

  it('asks once, however many requests fail, and shows no toast', () => {
    const store = createApiErrorStore();
    for (let i = 0; i < 20; i += 1) report(store, expired(), { now: T0, reauth: true });
    expect(store.getState().reauth.status).toBe('required');
    expect(store.getState().toasts).toHaveLength(0);
  });

  it('does not interrupt a refresh in progress, and asks again after a failure', () => {
    const store = createApiErrorStore();
    store.getState().setReauth('refreshing');
    report(store, expired(), { now: T0, reauth: true });
    expect(store.getState().reauth.status).toBe('refreshing');
    store.getState().setReauth('failed');
    report(store, expired(), { now: T0, reauth: true });
    expect(store.getState().reauth.status).toBe('required');
  });

  it('toasts a 401 when the app has no re-auth flow', () => {
    const store = createApiErrorStore();
    report(store, expired(), { now: T0, reauth: false });
    expect(store.getState().toasts).toHaveLength(1);
  });
});

describe('rate-limit gate', () => {
  it('closes a window from X-RateLimit-Remaining: 0 on a success, and waits for it to open', async () => {
    vi.useFakeTimers();
    const { noteRateLimitHeaders, waitForRateLimitWindow } = await import('../../src/store/index.js');
    const store = createApiErrorStore();
    const now = Date.now();
    noteRateLimitHeaders(store, 'pumpfun', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '3' }, now);
    let open = false;
    void waitForRateLimitWindow(store, 'pumpfun').then(() => (open = true));
    await vi.advanceTimersByTimeAsync(2999);
    expect(open).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(open).toBe(true);
    vi.useRealTimers();
  });

  it('ignores headers with quota left, and gives up waiting when aborted', async () => {
    const { noteRateLimitHeaders, waitForRateLimitWindow } = await import('../../src/store/index.js');
    const store = createApiErrorStore();
    noteRateLimitHeaders(store, 'x', { 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '3' }, Date.now());
    expect(store.getState().rateLimits).toEqual({});
    noteRateLimitHeaders(store, 'x', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' }, Date.now());
    const controller = new AbortController();
    const waiting = waitForRateLimitWindow(store, 'x', controller.signal);
    controller.abort(new Error('left the page'));
    await expect(waiting).rejects.toThrow('left the page');
  });
});

it('records an error whose fields throw when read as a plain toast, without throwing', () => {
  const store = createApiErrorStore();
  const hostile = new Proxy(new ApiError({ kind: 'server', message: 'x' }), { get: () => { throw new Error('hostile'); } });
  expect(() => report(store, hostile, { now: T0 })).not.toThrow();
  expect(store.getState().toasts).toHaveLength(1);
  expect(store.getState().toasts[0]!.error.kind).toBe('unknown');
});

describe('refusals whose wait could not be read', () => {
  const blind = (status = 429) => new ApiError({ kind: status === 429 ? 'rate_limited' : 'unavailable', status, message: 'busy', retryable: true, request });
  const resetAt = (store: ReturnType<typeof createApiErrorStore>) => store.getState().rateLimits['https://api.example.com']?.resetAt ?? null;

  it('close the window only when a retry follows: 1 s, then 2 s, 4 s while they keep coming', () => {
    const store = createApiErrorStore({ random: () => 0 });
    report(store, blind(), { now: T0, retrying: false });
    expect(resetAt(store)).toBeNull();
    report(store, blind(), { now: T0, retrying: true });
    expect(resetAt(store)).toBe(T0 + 1000);
    // Refused while the window is closed (sent before it closed): it says nothing new.
    report(store, blind(503), { now: T0 + 500, retrying: true });
    expect(resetAt(store)).toBe(T0 + 1000);
    store.getState().tick(T0 + 1000);
    report(store, blind(503), { now: T0 + 1010, retrying: true });
    expect(resetAt(store)).toBe(T0 + 1010 + 2000);
    store.getState().tick(T0 + 3010);
    report(store, blind(), { now: T0 + 3020, retrying: true });
    expect(resetAt(store)).toBe(T0 + 3020 + 4000);
  });

  it('start again from 1 s once the API was quiet for longer than the last wait', () => {
    const store = createApiErrorStore({ random: () => 0 });
    report(store, blind(), { now: T0, retrying: true });
    store.getState().tick(T0 + 1000);
    report(store, blind(), { now: T0 + 1000 + 1001, retrying: true });
    expect(resetAt(store)).toBe(T0 + 2001 + 1000);
  });

  it('count down only to a request that follows; a stopped one waits for its Retry', () => {
    const store = createApiErrorStore({ random: () => 0 });
    const counting = report(store, blind(), { now: T0, retrying: true, retry: () => undefined });
    expect(counting).toMatchObject({ rateLimitKey: 'https://api.example.com', durationMs: null });
    store.getState().tick(T0 + 1000);
    const stopped = report(store, blind(), { now: T0 + 1000, retrying: false, retry: () => undefined, message: 'Stopped.' });
    expect(stopped).toMatchObject({ rateLimitKey: null, durationMs: null, message: 'Stopped.' });
  });
});
