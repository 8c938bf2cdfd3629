import type { ApiError } from '../core/index.js';

/** What names a rate-limit window: an ApiError, or the API and request of a response that was no error. */
export type RateLimitKeySource = Pick<ApiError, 'api' | 'request'> & { rateLimitKey?: string | null };

/**
 * The key of the rate-limit window a failure (or a response) belongs to: the error's own
 * `rateLimitKey` (the API's name when the request's URL or the caller chose the profile, else the
 * request's origin, never a body's look-alike shape); else its API's name; else the origin of the
 * request's URL — a relative URL ('/api/…') resolved against the page's origin, as fetch resolves
 * it. '*' is the one window of what names neither (no URL, or a relative one on a server).
 */
export function rateLimitKey(source: RateLimitKeySource): string {
  try {
    const own = source.rateLimitKey;
    if (typeof own === 'string' && own !== '') return own;
    const api = own === null ? null : source.api;
    if (api) return api;
    const url = source.request?.url;
    const page = typeof location === 'undefined' ? undefined : location.href;
    return url ? new URL(url, page).origin : '*';
  } catch {
    return '*';
  }
}
