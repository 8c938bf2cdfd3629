import { ApiError } from '../core/index.js';
import type { ApiErrorStore, ToastEntry } from './api-error-store.js';
import { rateLimitKey } from './toast-rules.js';

export interface IncidentOptions {
  now: number;
  /** Show a toast (a query's `meta.toast: false` says no). Windows and re-auth still follow. */
  toast?: boolean;
  message?: string | null;
  retry?: (() => unknown) | null;
  /** The run of work that failed; its retries are one incident (see ReportOptions.incident). */
  incident?: object;
  /** Whether a 401 opens the re-auth prompt (the app gave `onReauth`) instead of a toast. */
  reauth?: boolean;
}

/**
 * What one failure does to the store: an abort does nothing; a rate limit closes its API's window
 * until the wait is over; a 401 asks for re-authentication once; everything else is a toast.
 */
export function recordIncident(store: ApiErrorStore, error: ApiError, options: IncidentOptions): ToastEntry | null {
  try {
    return record(store, error, options);
  } catch {
    // An error whose fields throw when read (a hostile SDK's) still reaches the person, as a plain one.
    return store.getState().showToast(new ApiError({ kind: 'unknown', message: 'Something went wrong', cause: error }), { now: options.now });
  }
}

function record(store: ApiErrorStore, error: ApiError, options: IncidentOptions): ToastEntry | null {
  if (error.kind === 'aborted') return null;
  const state = store.getState();
  const { now } = options;

  if (error.kind === 'rate_limited' && error.retryAfterMs !== null) {
    state.openRateLimit(rateLimitKey(error), { limit: error.rateLimit?.limit ?? null, remaining: error.rateLimit?.remaining ?? 0, resetAt: now + error.retryAfterMs }, now);
  } else if (error.rateLimit?.remaining === 0 && error.rateLimit.resetAt !== null) {
    state.openRateLimit(rateLimitKey(error), { ...error.rateLimit, resetAt: error.rateLimit.resetAt }, now);
  }

  if (error.kind === 'unauthorized' && options.reauth) {
    const { status } = state.reauth;
    if (status === 'ok' || status === 'failed') state.setReauth('required', error);
    return null;
  }

  if (options.toast === false) return null;
  return state.showToast(error, { now, message: options.message ?? null, retry: options.retry ?? null, ...(options.incident ? { incident: options.incident } : {}) });
}
