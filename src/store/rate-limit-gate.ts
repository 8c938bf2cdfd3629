import { rateLimitFromHeaders, toHeaderMap } from '../core/index.js';
import { delayUntil, rateLimitWindow, type ApiErrorStore } from './api-error-store.js';

/**
 * Closes `key`'s window when a response (a success too) says the quota is spent:
 * `X-RateLimit-Remaining: 0` with a reset. The next request would only be refused.
 */
export function noteRateLimitHeaders(store: ApiErrorStore, key: string, headers: unknown, now: number): void {
  const info = rateLimitFromHeaders(toHeaderMap(headers), now);
  if (info?.remaining === 0 && info.resetAt !== null) store.getState().openRateLimit(key, { ...info, resetAt: info.resetAt }, now);
}

/**
 * Resolves once `key`'s rate-limit window is open (at once when it is not closed); rejects with
 * the signal's reason when aborted. Keeps waiting if the window is extended meanwhile.
 */
export function waitForRateLimitWindow(store: ApiErrorStore, key: string, signal?: AbortSignal, now: () => number = Date.now): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      clearTimeout(timer);
      unsubscribe();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      stop();
      reject(signal?.reason);
    };
    const check = () => {
      clearTimeout(timer);
      const window = rateLimitWindow(store.getState().rateLimits, key);
      const current = now();
      if (!window || !(window.resetAt > current)) {
        stop();
        resolve();
      } else {
        timer = setTimeout(check, delayUntil(window.resetAt, current));
      }
    };
    const unsubscribe = store.subscribe(check);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    check();
  });
}
