import { ApiError } from '../core/index.js';
import { isRefusal } from '../core/refusal.js';
import { warnUnreadableWait } from '../core/expose-headers-hint.js';
import type { ApiErrorStore, ToastEntry } from './api-error-store.js';
import { rateLimitKey } from './rate-limit-key.js';

declare const process: { env: { NODE_ENV?: string } };

export interface ReportOptions {
  now: number;
  /** Show a toast (a query's `meta.toast: false` says no). Windows and re-auth still follow. */
  toast?: boolean;
  message?: string | null;
  retry?: (() => unknown) | null;
  /** The run of work that failed; its retries are one incident (see ToastOptions.incident). */
  incident?: object;
  /**
   * Whether a 401 asks for sign-in (the app gave `onReauth`): it sets the re-auth state instead of
   * toasting, and the React layer asks (the toaster's Sign in toast, or `<ReauthPrompt/>`).
   */
  reauth?: boolean;
  /**
   * Whether the failed work runs again by itself (React Query will retry it, or refetch it when the
   * window opens). A refusal with no readable wait closes its window only when it does: then the
   * retry waits for the window and the toast counts down to it. See `ToastOptions.retrying`.
   */
  retrying?: boolean;
}

/**
 * What one failure does to the store: an abort does nothing; a refusal (429, 503) closes its API's
 * window for the wait it gave, or for a blind backoff when it gave none the page could read and a
 * retry will follow; a 401 asks for re-authentication once; everything else is a toast.
 */
export function report(store: ApiErrorStore, error: ApiError, options: ReportOptions): ToastEntry | null {
  try {
    return apply(store, error, options);
  } catch {
    // An error whose fields throw when read (a hostile SDK's) still reaches the person, as a plain one.
    return store.getState().showToast(new ApiError({ kind: 'unknown', message: 'Something went wrong', cause: error }), { now: options.now });
  }
}

function apply(store: ApiErrorStore, error: ApiError, options: ReportOptions): ToastEntry | null {
  if (error.kind === 'aborted') return null;
  const state = store.getState();
  const { now, retrying } = options;

  if (isRefusal(error)) {
    // Development builds only. The literal `process.env.NODE_ENV` is what bundlers replace (Vite
    // only textually: a `typeof process` guard would hide the warning in every Vite app), so a
    // production bundle drops the call and the hint's text. In an ES module loaded without a
    // bundler `process` does not exist and reading it throws: no warning then, and the refusal
    // is still reported. (A helper function would keep the hint in production bundles: esbuild
    // does not inline calls; measured +361 B gz on the README quick start.)
    try {
      if (process.env.NODE_ENV !== 'production') warnUnreadableWait(error);
    } catch {
      // No `process`: a plain ES module.
    }
    const key = rateLimitKey(error);
    if (error.retryAfterMs !== null) {
      state.openRateLimit(key, { limit: error.rateLimit?.limit ?? null, remaining: error.rateLimit?.remaining ?? 0, resetAt: now + error.retryAfterMs }, now);
    } else if (retrying === true) {
      state.openBlindRateLimit(key, now);
    }
  } else if (error.rateLimit?.remaining === 0 && error.rateLimit.resetAt !== null) {
    state.openRateLimit(rateLimitKey(error), { ...error.rateLimit, resetAt: error.rateLimit.resetAt }, now);
  }

  if (error.kind === 'unauthorized' && options.reauth) {
    const { status } = state.reauth;
    if (status === 'ok' || status === 'failed') state.setReauth('required', error);
    return null;
  }

  if (options.toast === false) return null;
  // Unset options stay undefined, which showToast reads as not given.
  return store.getState().showToast(error, { now, message: options.message ?? null, retry: options.retry ?? null, retrying, incident: options.incident });
}
