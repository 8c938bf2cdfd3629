import type { ApiError } from './api-error.js';
import { hasUnreadWait } from './refusal.js';
import { attempt } from './safe.js';

/**
 * The response headers faultline reads a wait from. A browser shows a cross-origin response's
 * other headers to scripts only when the server lists them in Access-Control-Expose-Headers
 * (Fetch standard, "CORS-safelisted response-header name"; Retry-After is not one of them).
 */
export const WAIT_HEADERS = ['Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'RateLimit', 'RateLimit-Policy'] as const;

/** The header line an API on another origin needs for faultline to read its waits. */
export const EXPOSE_WAIT_HEADERS = `Access-Control-Expose-Headers: ${WAIT_HEADERS.join(', ')}`;

/**
 * The developer's hint for a 429 or 503 from another origin that came without a wait the page could
 * read; null when there is nothing to say (another status, a readable wait, a same-origin request).
 */
export function exposeHeadersHint(error: ApiError, pageOrigin: string | null): string | null {
  if ((error.status !== 429 && error.status !== 503) || !hasUnreadWait(error) || !error.request || pageOrigin === null) return null;
  // A refusal the API says never to retry (a 503 for a feature that is off) waits for nothing.
  if (!error.retryable && error.kind !== 'rate_limited') return null;
  const origin = attempt(() => new URL(error.request!.url, pageOrigin).origin, null);
  // Same origin: every header is visible, so the server sent none; there is nothing to expose.
  if (origin === null || origin === pageOrigin) return null;
  const fallback = error.retryAfterMs !== null ? `the API's documented default (${Math.round(error.retryAfterMs / 1000)} s)` : 'a backoff from 1 s, doubling';
  return (
    `faultline: ${origin} answered ${error.status} without a wait this page can read, so faultline waits ${fallback}. ` +
    `If the API sends Retry-After or rate-limit headers, a browser hides them from ${pageOrigin} unless the API also sends\n  ${EXPOSE_WAIT_HEADERS}`
  );
}

const warnedOrigins = new Set<string>();

/**
 * Once per API origin: says which headers to expose when a 429/503 came without a readable wait.
 * Callers call it in development builds only (`process.env.NODE_ENV !== 'production'`).
 */
export function warnUnreadableWait(error: ApiError): void {
  // A hint must never be the thing that fails: any error it cannot read gets none.
  attempt(() => {
    // On a server there is no `location`: reading it throws, and there is no page to speak of.
    const pageOrigin = location.origin;
    const hint = exposeHeadersHint(error, pageOrigin);
    if (hint === null) return;
    const origin = new URL(error.request!.url, pageOrigin).origin;
    if (warnedOrigins.has(origin)) return;
    warnedOrigins.add(origin);
    console.warn(hint);
  }, undefined);
}
