import type { ApiError } from './api-error.js';
import { blindWaitMs, fullJitterDelay, unit } from './backoff.js';
import { normalizeError } from './normalize.js';
import type { ApiProfile } from './profile.js';
import { timerDelay } from './retry-after.js';
import { isRefusal } from './refusal.js';

/** Options of `createRetryPolicy`; the defaults follow React Query's own (3 retries, 1 s doubling to 30 s). */
export interface RetryOptions {
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A longer server-requested wait is not retried automatically (the UI counts it down instead). */
  maxRetryAfterMs?: number;
  /** Retry only what is safe to send twice: idempotent methods, Idempotency-Key requests, codes the API marks safe. */
  mutation?: boolean;
  random?: () => number;
  /** Profiles to read raw thrown values with (an SDK's error that no queryFn normalized), e.g. `chainProfiles`. */
  profiles?: readonly ApiProfile[];
}

/** `retry` and `retryDelay` for React Query (or any retry loop), reading every error as an ApiError. */
export interface RetryPolicy {
  retry: (failureCount: number, error: unknown) => boolean;
  retryDelay: (failureCount: number, error: unknown) => number;
}

// Jitter added to a server-requested wait: enough to keep a herd from arriving in the same
// millisecond, small enough to land well within 250 ms of the window opening.
const RETRY_AFTER_JITTER_MS = 200;

/** Idempotent methods (RFC 9110 §9.2.2): the one set the client and the policy share. */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

/**
 * Whether sending the same request again cannot do the work twice: an idempotent method
 * (RFC 9110 §9.2.2), a request that carried an Idempotency-Key, a code the API marks safe,
 * or a rate limit (the server refused the request without acting on it).
 */
export function isSafeToResend(error: ApiError): boolean {
  if (error.safeToResend || error.kind === 'rate_limited') return true;
  const request = error.request;
  if (!request) return false;
  return IDEMPOTENT_METHODS.has(request.method.toUpperCase()) || Boolean(request.idempotencyKey);
}

/**
 * An error faultline could not read at all: no HTTP status, no profile, no kind (the app's own
 * `throw new Error('HTTP 500')`, a thrown string). A response faultline read (a failed pin's 200,
 * a profile's code) is not one of these, even when its kind stays 'unknown'.
 */
function isUnclassified(error: ApiError): boolean {
  return error.kind === 'unknown' && error.status === null && error.api === null;
}

function count(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && value >= 0 && !Number.isNaN(value) ? value : fallback;
}

/** Builds a retry policy that drops into React Query's `retry` and `retryDelay`. */
export function createRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  const maxRetries = count(options.maxRetries, 3);
  const baseDelayMs = count(options.baseDelayMs, 1000);
  const maxDelayMs = count(options.maxDelayMs, 30_000);
  const maxRetryAfterMs = count(options.maxRetryAfterMs, 60_000);
  const random = options.random ?? Math.random;
  // React Query calls retry and retryDelay with the same error object; read it once.
  const cache = new WeakMap<object, ApiError>();
  const read = (error: unknown): ApiError => {
    const context = options.profiles ? { profiles: options.profiles } : undefined;
    if (typeof error !== 'object' || error === null) return normalizeError(error, context);
    let normalized = cache.get(error);
    if (!normalized) cache.set(error, (normalized = normalizeError(error, context)));
    return normalized;
  };

  return {
    retry(failureCount, error) {
      const e = read(error);
      // An error faultline cannot classify (the app's own `throw new Error('HTTP 500')`) is retried
      // as React Query would retry it without faultline: a query, up to maxRetries; a mutation, never.
      if (isUnclassified(e)) return !options.mutation && failureCount < maxRetries;
      if (!e.retryable) return false;
      if (options.mutation && !isSafeToResend(e)) return false;
      if (failureCount >= Math.min(maxRetries, e.maxRetries ?? Infinity)) return false;
      // A long server-requested wait is the UI's to count down, not a request to hold open.
      return e.retryAfterMs === null || e.retryAfterMs <= maxRetryAfterMs;
    },
    retryDelay(failureCount, error) {
      const e = read(error);
      // timerDelay: a delay past 2³¹−1 ms (an Infinity maxDelayMs) would make setTimeout fire at once.
      if (e.retryAfterMs !== null) return timerDelay(Math.min(e.retryAfterMs, maxRetryAfterMs) + Math.round(unit(random) * RETRY_AFTER_JITTER_MS));
      // React Query's own default delay (retryer.ts: min(1000 · 2^n, 30000)) for what faultline cannot read.
      if (isUnclassified(e)) return timerDelay(Math.min(baseDelayMs * 2 ** Math.max(0, Math.min(failureCount, 30)), maxDelayMs));
      // The server said "not now" without a readable wait: never sooner than a second, doubling.
      if (isRefusal(e)) return blindWaitMs(failureCount, random);
      return timerDelay(fullJitterDelay(failureCount, baseDelayMs, maxDelayMs, random));
    },
  };
}
