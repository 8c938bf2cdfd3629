import { describe, expect, it } from 'vitest';
import { ApiError, type ErrorKind } from '../../src/core/index.js';
import { createApiErrorStore, report, toastDuration } from '../../src/store/index.js';

// How long a toast stays and how loudly it is announced: a failure a person must act on stays
// until they do; one the app is already retrying leaves on its own.

const T0 = 1_000_000;
const error = (kind: ErrorKind, retryable: boolean, retryAfterMs: number | null = null) => new ApiError({ kind, message: 'm', retryable, retryAfterMs });

describe('toastDuration', () => {
  it.each<ErrorKind>(['validation', 'unauthorized', 'forbidden', 'conflict', 'gone', 'payment_required', 'payload_too_large'])(
    'keeps a %s toast until it is acted on or dismissed',
    (kind) => {
      expect(toastDuration(error(kind, false))).toBeNull();
      // Even if an API marked it retryable: a person still has to act.
      expect(toastDuration(error(kind, true))).toBeNull();
    },
  );

  it('keeps a rate-limit toast with a known wait until its window opens', () => {
    expect(toastDuration(error('rate_limited', true, 5000))).toBeNull();
    expect(toastDuration(error('rate_limited', true, 0))).toBeNull();
  });

  it.each<ErrorKind>(['rate_limited', 'server', 'bad_gateway', 'unavailable', 'timeout', 'network'])('shows a retried %s failure for 6 s', (kind) => {
    expect(toastDuration(error(kind, true))).toBe(6000);
  });

  it('shows a 503 with Retry-After for 6 s too: only a rate limit counts down its window', () => {
    expect(toastDuration(error('unavailable', true, 5000))).toBe(6000);
    expect(toastDuration(error('not_found', false, 5000))).toBe(8000);
  });

  it.each<ErrorKind>(['not_found', 'unknown', 'server'])('shows a %s failure that is not retried for 8 s', (kind) => {
    expect(toastDuration(error(kind, false))).toBe(8000);
  });

  it('takes the durations the app gives', () => {
    expect(toastDuration(error('server', true), { transient: 3000 })).toBe(3000);
    expect(toastDuration(error('not_found', false), { other: 12_000 })).toBe(12_000);
    expect(toastDuration(error('server', true), { other: 12_000 })).toBe(6000);
    expect(toastDuration(error('not_found', false), { transient: 3000 })).toBe(8000);
  });

  it('the store uses the app’s durations', () => {
    const store = createApiErrorStore({ durations: { transient: 1000 } });
    report(store, error('server', true), { now: T0 });
    store.getState().tick(T0 + 999);
    expect(store.getState().toasts).toHaveLength(1);
    store.getState().tick(T0 + 1000);
    expect(store.getState().toasts).toHaveLength(0);
  });
});

describe('toast politeness (how a screen reader announces it)', () => {
  const politeness = (e: ApiError) => report(createApiErrorStore(), e, { now: T0 })?.politeness;

  it('announces what a person must act on at once (assertive)', () => {
    expect(politeness(error('validation', false))).toBe('assertive');
    expect(politeness(error('not_found', false))).toBe('assertive');
  });

  it('announces retries and waits politely', () => {
    expect(politeness(error('server', true))).toBe('polite');
    expect(politeness(error('rate_limited', false, 1000))).toBe('polite');
  });
});
