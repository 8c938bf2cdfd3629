import { timerDelay } from './retry-after.js';

/**
 * Waits `ms` (capped to what setTimeout can hold), or rejects with the signal's reason as soon as
 * it aborts. The one wait of the library: the client's retries and the rate-limit gate use it.
 */
export function delay(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, timerDelay(ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
