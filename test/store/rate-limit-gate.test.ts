import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/core/index.js';
import { createApiErrorStore, noteRateLimitHeaders, report, waitForRateLimitWindow } from '../../src/store/index.js';

// The gate every request passes: while its window is closed it waits, and it goes the moment the
// window opens — not before (the server would only refuse it), not later.

afterEach(() => {
  vi.useRealTimers();
});

function watch(promise: Promise<void>) {
  const state = { settled: false, error: undefined as unknown };
  promise.then(
    () => (state.settled = true),
    (error: unknown) => {
      state.settled = true;
      state.error = error;
    },
  );
  return state;
}

describe('waitForRateLimitWindow', () => {
  it('lets a request go at once when its window is open', async () => {
    const store = createApiErrorStore();
    await expect(waitForRateLimitWindow(store, 'https://a.example')).resolves.toBeUndefined();
  });

  it('waits only for its own window', async () => {
    vi.useFakeTimers();
    const store = createApiErrorStore();
    const now = Date.now();
    store.getState().openRateLimit('https://a.example', { limit: null, remaining: 0, resetAt: now + 5000 }, now);
    const other = watch(waitForRateLimitWindow(store, 'https://b.example'));
    await vi.advanceTimersByTimeAsync(0);
    expect(other.settled).toBe(true);
  });

  it('keeps waiting when the window is extended meanwhile', async () => {
    vi.useFakeTimers();
    const store = createApiErrorStore();
    const now = Date.now();
    store.getState().openRateLimit('k', { limit: null, remaining: 0, resetAt: now + 2000 }, now);
    const gate = watch(waitForRateLimitWindow(store, 'k'));
    await vi.advanceTimersByTimeAsync(1000);
    store.getState().openRateLimit('k', { limit: null, remaining: 0, resetAt: now + 6000 }, now + 1000);
    await vi.advanceTimersByTimeAsync(1500);
    expect(gate.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(3499);
    expect(gate.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(gate).toEqual({ settled: true, error: undefined });
  });

  it('goes as soon as the window is removed from the store', async () => {
    vi.useFakeTimers();
    const store = createApiErrorStore();
    const now = Date.now();
    store.getState().openRateLimit('k', { limit: null, remaining: 0, resetAt: now + 60_000 }, now);
    const gate = watch(waitForRateLimitWindow(store, 'k'));
    await vi.advanceTimersByTimeAsync(10);
    expect(gate.settled).toBe(false);
    store.setState({ rateLimits: {} });
    await vi.advanceTimersByTimeAsync(0);
    expect(gate.settled).toBe(true);
  });

  it('rejects with the signal’s reason when aborted before or while waiting, and stops listening', async () => {
    vi.useFakeTimers();
    const store = createApiErrorStore();
    const now = Date.now();
    store.getState().openRateLimit('k', { limit: null, remaining: 0, resetAt: now + 5000 }, now);
    await expect(waitForRateLimitWindow(store, 'k', AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
    const controller = new AbortController();
    const gate = watch(waitForRateLimitWindow(store, 'k', controller.signal));
    controller.abort(new Error('left the page'));
    await vi.advanceTimersByTimeAsync(0);
    expect(gate.settled).toBe(true);
    expect((gate.error as Error).message).toBe('left the page');
    // Nothing of it is left running: no timer fires later, no listener remains on the store.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves no timer or store listener behind once it has let the request go', async () => {
    vi.useFakeTimers();
    const store = createApiErrorStore();
    const now = Date.now();
    store.getState().openRateLimit('k', { limit: null, remaining: 0, resetAt: now + 1000 }, now);
    const gate = watch(waitForRateLimitWindow(store, 'k'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(gate.settled).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    // A later window for the same key does not wake a gate that already let its request go.
    store.getState().openRateLimit('k', { limit: null, remaining: 0, resetAt: now + 9000 }, now + 1000);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('noteRateLimitHeaders', () => {
  const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);

  it('closes the window only when the quota is spent and its reset is known', () => {
    const store = createApiErrorStore();
    noteRateLimitHeaders(store, 'k', { 'x-ratelimit-remaining': '0' }, T0);
    noteRateLimitHeaders(store, 'k', { 'x-ratelimit-remaining': '1', 'x-ratelimit-reset': '30' }, T0);
    noteRateLimitHeaders(store, 'k', { 'x-ratelimit-reset': '30' }, T0);
    noteRateLimitHeaders(store, 'k', null, T0);
    expect(store.getState().rateLimits).toEqual({});
    noteRateLimitHeaders(store, 'k', new Headers({ 'RateLimit-Limit': '100', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '30' }), T0);
    expect(store.getState().rateLimits.k).toEqual({ key: 'k', limit: 100, remaining: 0, resetAt: T0 + 30_000, openedAt: T0 });
  });
});

describe('report and re-authentication', () => {
  const expired = (message: string) => new ApiError({ kind: 'unauthorized', message, status: 401 });

  it('keeps the 401 that first asked for sign-in', () => {
    const store = createApiErrorStore();
    report(store, expired('first'), { now: 0, reauth: true });
    report(store, expired('second'), { now: 0, reauth: true });
    expect(store.getState().reauth).toMatchObject({ status: 'required', error: { message: 'first' } });
  });

  it('toasts with the message and Retry the caller gives', () => {
    const store = createApiErrorStore();
    const retry = () => undefined;
    const toast = report(store, new ApiError({ kind: 'server', message: 'm', retryable: true }), { now: 0, message: 'Could not save', retry });
    expect(toast).toMatchObject({ message: 'Could not save', retry, count: 1 });
    expect(report(store, new ApiError({ kind: 'network', message: 'm' }), { now: 0 })).toMatchObject({ message: null, retry: null });
  });

  it('does nothing for an abort, not even close a window', () => {
    const store = createApiErrorStore();
    const aborted = new ApiError({ kind: 'aborted', message: 'm', rateLimit: { limit: 1, remaining: 0, resetAt: 5000 } });
    expect(report(store, aborted, { now: 0 })).toBeNull();
    expect(store.getState()).toMatchObject({ toasts: [], rateLimits: {} });
  });
});
