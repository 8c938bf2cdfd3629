import type { ApiError } from '../core/index.js';
import { kindFacts } from '../core/kinds.js';

export interface ToastDurations {
  /** Transient failures that are being retried anyway. Default 6000. */
  transient?: number;
  /** Everything else that is not sticky (not_found, unknown, network). Default 8000. */
  other?: number;
}

/**
 * How long a toast for this error stays once visible and unpaused, in ms; null means until it is
 * acted on or dismissed (and, for a rate limit with a known window, until the window opens).
 */
export function toastDuration(error: ApiError, durations: ToastDurations = {}): number | null {
  try {
    return durationOf(error, durations);
  } catch {
    return durations.other ?? 8000;
  }
}

function durationOf(error: ApiError, durations: ToastDurations): number | null {
  // Kinds a person must act on (`KINDS[kind].sticky`) stay until acted on or dismissed.
  if (kindFacts(error.kind).sticky) return null;
  if (error.kind === 'rate_limited' && error.retryAfterMs !== null) return null;
  return error.retryable ? durations.transient ?? 6000 : durations.other ?? 8000;
}

/** Errors are announced assertively when a person must act; retries and waits politely. */
export function toastPoliteness(error: ApiError): 'assertive' | 'polite' {
  try {
    return error.retryable === true || kindFacts(error.kind).polite ? 'polite' : 'assertive';
  } catch {
    return 'assertive';
  }
}

/** One toast per incident: the same failure of the same request merges into one toast with a count. */
export function toastKey(error: ApiError): string {
  try {
    let path = '';
    if (error.request) {
      try {
        path = new URL(error.request.url, 'http://relative.invalid').pathname;
      } catch {
        path = String(error.request.url);
      }
    }
    return [error.api ?? '', error.kind, error.code ?? error.status ?? '', error.request?.method ?? '', path].map(String).join('|');
  } catch {
    // An error whose fields cannot be read (a hostile SDK's): one incident of its own.
    return 'unreadable';
  }
}
