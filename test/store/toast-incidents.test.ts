import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorInit } from '../../src/core/index.js';
import { createApiErrorStore, report, toastKey } from '../../src/store/index.js';

// Which failures are "the same incident" (one toast with a count) and which get a toast of their
// own: a person must see every distinct failure once, and a storm of one failure as one toast.

const T0 = 1_000_000;
const err = (init: Partial<ApiErrorInit> = {}) =>
  new ApiError({ kind: 'server', message: 'boom', status: 500, retryable: true, request: { method: 'GET', url: 'https://api.example.com/v1/things' }, ...init });

/** How many toasts two reports of these errors leave on screen. */
function toastsFor(a: ApiError, b: ApiError): number {
  const store = createApiErrorStore();
  report(store, a, { now: T0 });
  report(store, b, { now: T0 });
  return store.getState().toasts.length;
}

describe('one toast per incident (toastKey)', () => {
  it('merges the same failure of the same request, whatever its query string or host', () => {
    const a = err({ request: { method: 'GET', url: 'https://api.example.com/v1/things?page=1' } });
    const b = err({ request: { method: 'GET', url: 'https://api.example.com/v1/things?page=2' } });
    expect(toastsFor(a, b)).toBe(1);
    expect(toastKey(a)).toBe(toastKey(b));
    // A relative URL names the same path as the absolute one.
    expect(toastKey(err({ request: { method: 'GET', url: '/v1/things?x=1' } }))).toBe(toastKey(a));
  });

  it.each<[string, Partial<ApiErrorInit>, Partial<ApiErrorInit>]>([
    ['another path', {}, { request: { method: 'GET', url: 'https://api.example.com/v1/other' } }],
    ['another method', {}, { request: { method: 'POST', url: 'https://api.example.com/v1/things' } }],
    ['another code', { code: 'A' }, { code: 'B' }],
    ['another status when there is no code', { status: 500 }, { status: 501 }],
    ['another kind', {}, { kind: 'bad_gateway' }],
    ['another API', { api: 'alpha' }, { api: 'beta' }],
    ['no request at all', {}, { request: null }],
    ['another unparseable URL', { request: { method: 'GET', url: 'http://[one' } }, { request: { method: 'GET', url: 'http://[two' } }],
  ])('keeps failures apart that differ by %s', (_name, a, b) => {
    expect(toastsFor(err(a), err(b))).toBe(2);
    expect(toastKey(err(a))).not.toBe(toastKey(err(b)));
  });

  it('keeps apart failures whose fields would spell the same text run together', () => {
    const withRequest = err({ code: 'E1', request: { method: 'GET', url: '/x' } });
    const without = err({ code: 'E1GET/x', request: null });
    expect(toastsFor(withRequest, without)).toBe(2);
  });

  it('merges on the code and ignores the status when both carry the same code', () => {
    expect(toastsFor(err({ code: 'upstream_down', status: 502 }), err({ code: 'upstream_down', status: 503 }))).toBe(1);
  });
});

describe('a repeated incident', () => {
  it('counts into its own toast and leaves every other toast as it was', () => {
    const store = createApiErrorStore();
    const first = report(store, err({ code: 'A' }), { now: T0 });
    const second = report(store, err({ code: 'B' }), { now: T0 });
    const again = report(store, err({ code: 'A' }), { now: T0 + 10 });
    const { toasts } = store.getState();
    expect(toasts.map((t) => [t.id, t.error.code, t.count])).toEqual([
      [first!.id, 'A', 2],
      [second!.id, 'B', 1],
    ]);
    // The caller gets the toast as it now is on screen; it dates from the first report.
    expect(again).toMatchObject({ id: first!.id, count: 2, visible: true, createdAt: T0 });
  });

  it('gives the caller the toast it counted into, wherever it is in the list', () => {
    const store = createApiErrorStore();
    report(store, err({ code: 'A' }), { now: T0 });
    const b = report(store, err({ code: 'B' }), { now: T0 });
    expect(report(store, err({ code: 'B' }), { now: T0 })).toMatchObject({ id: b!.id, count: 2, error: { code: 'B' } });
  });

  it('gets its full time again from the new report', () => {
    const store = createApiErrorStore();
    report(store, err(), { now: T0 });
    report(store, err(), { now: T0 + 5000 });
    store.getState().tick(T0 + 10_999);
    expect(store.getState().toasts).toHaveLength(1);
    store.getState().tick(T0 + 11_000);
    expect(store.getState().toasts).toHaveLength(0);
  });

  it('shows the newest error and the newest report’s message, and keeps the Retry of earlier reports unless it brings its own', () => {
    const store = createApiErrorStore();
    const retryOld = () => 'old';
    const retryNew = () => 'new';
    report(store, err({ message: 'first' }), { now: T0, message: 'Could not load coins', retry: retryOld });
    report(store, err({ message: 'second' }), { now: T0 });
    expect(store.getState().toasts[0]).toMatchObject({ count: 2, message: null, retry: retryOld });
    expect(store.getState().toasts[0]?.error.message).toBe('second');
    report(store, err({ message: 'third' }), { now: T0, message: 'Still failing', retry: retryNew });
    expect(store.getState().toasts[0]).toMatchObject({ count: 3, message: 'Still failing', retry: retryNew });
  });

  it('that is queued stays queued, its clock not started', () => {
    const store = createApiErrorStore({ maxVisible: 1 });
    report(store, err({ code: 'A' }), { now: T0 });
    report(store, err({ code: 'B' }), { now: T0 });
    report(store, err({ code: 'B' }), { now: T0 + 1000 });
    expect(store.getState().toasts[1]).toMatchObject({ error: { code: 'B' }, count: 2, visible: false, runningSince: null, remainingMs: 6000 });
  });
});

describe('toasts while paused (hover, focus, hidden tab)', () => {
  it('a toast that arrives while paused does not run down until resumed', () => {
    const store = createApiErrorStore();
    store.getState().pause('hover', T0);
    const toast = report(store, err(), { now: T0 + 1000 });
    expect(toast).toMatchObject({ visible: true, runningSince: null, remainingMs: 6000 });
    store.getState().tick(T0 + 60_000);
    expect(store.getState().toasts).toHaveLength(1);
    store.getState().resume('hover', T0 + 60_000);
    store.getState().tick(T0 + 65_999);
    expect(store.getState().toasts).toHaveLength(1);
    store.getState().tick(T0 + 66_000);
    expect(store.getState().toasts).toHaveLength(0);
  });

  it('a repeated incident while paused does not start its clock', () => {
    const store = createApiErrorStore();
    report(store, err(), { now: T0 });
    store.getState().pause('focus', T0 + 1000);
    report(store, err(), { now: T0 + 2000 });
    expect(store.getState().toasts[0]).toMatchObject({ count: 2, runningSince: null, remainingMs: 6000 });
    store.getState().tick(T0 + 60_000);
    expect(store.getState().toasts).toHaveLength(1);
  });

  it('pausing twice for one reason needs one resume; resuming a reason never given changes nothing', () => {
    const store = createApiErrorStore();
    report(store, err(), { now: T0 });
    store.getState().pause('hover', T0 + 1000);
    store.getState().pause('hover', T0 + 2000);
    expect(store.getState().pausedBy).toEqual(['hover']);
    let notified = 0;
    const unsubscribe = store.subscribe(() => (notified += 1));
    store.getState().resume('focus', T0 + 3000);
    unsubscribe();
    expect(notified).toBe(0);
    expect(store.getState().pausedBy).toEqual(['hover']);
    expect(store.getState().toasts[0]?.runningSince).toBeNull();
    store.getState().resume('hover', T0 + 3000);
    expect(store.getState().pausedBy).toEqual([]);
    expect(store.getState().toasts[0]).toMatchObject({ runningSince: T0 + 3000, remainingMs: 5000 });
  });
});

describe('the queue', () => {
  it('dismissing a visible toast shows the next queued one with its full time', () => {
    const store = createApiErrorStore({ maxVisible: 1 });
    const a = report(store, err({ code: 'A' }), { now: T0 });
    report(store, err({ code: 'B' }), { now: T0 });
    store.getState().dismiss(a!.id, T0 + 2000);
    expect(store.getState().toasts).toMatchObject([{ error: { code: 'B' }, visible: true, runningSince: T0 + 2000, remainingMs: 6000 }]);
  });

  it('dismissing an unknown id changes nothing (no re-render)', () => {
    const store = createApiErrorStore();
    report(store, err(), { now: T0 });
    let notified = 0;
    store.subscribe(() => (notified += 1));
    store.getState().dismiss('no-such-toast', T0);
    expect(notified).toBe(0);
    expect(store.getState().toasts).toHaveLength(1);
  });

  it('dismissing all clears the toasts and the count of dropped ones', () => {
    const store = createApiErrorStore({ maxVisible: 1, maxQueued: 0 });
    report(store, err({ code: 'A' }), { now: T0 });
    report(store, err({ code: 'B' }), { now: T0 });
    expect(store.getState().overflow).toBe(1);
    store.getState().dismissAll();
    expect(store.getState()).toMatchObject({ toasts: [], overflow: 0 });
  });

  it('shows at least one toast and queues none below zero, whatever the options say', () => {
    const store = createApiErrorStore({ maxVisible: 0, maxQueued: -5 });
    report(store, err({ code: 'A' }), { now: T0 });
    report(store, err({ code: 'B' }), { now: T0 });
    expect(store.getState().toasts).toMatchObject([{ error: { code: 'A' }, visible: true }]);
    expect(store.getState().overflow).toBe(1);
  });

  it('defaults to three on screen and twenty waiting', () => {
    const store = createApiErrorStore();
    for (let i = 0; i < 30; i += 1) report(store, err({ code: `E${i}` }), { now: T0 });
    const { toasts, overflow } = store.getState();
    expect(toasts.filter((t) => t.visible)).toHaveLength(3);
    expect(toasts).toHaveLength(23);
    expect(overflow).toBe(7);
  });

  it('a tick with nothing due changes nothing (no re-render every second)', () => {
    const store = createApiErrorStore();
    report(store, err(), { now: T0 });
    let notified = 0;
    store.subscribe(() => (notified += 1));
    expect(store.getState().tick(T0 + 1000)).toEqual([]);
    expect(notified).toBe(0);
  });
});
