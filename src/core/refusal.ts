import type { ApiError } from './api-error.js';

/**
 * Whether a failure says "not now" for the whole API rather than for one request: a rate limit,
 * or a 503 (RFC 9110 §15.6.4: the server is overloaded or down for maintenance, and may say for
 * how long in Retry-After). Such a failure closes its API's window: no request is sent into it.
 */
export function isRefusal(error: ApiError): boolean {
  return error.kind === 'rate_limited' || error.status === 503;
}

/**
 * Whether the response gave no wait the client could read: none at all, or only the API's
 * documented default. In a browser this is what a cross-origin API looks like when it does not list
 * `Retry-After` and its rate-limit headers in `Access-Control-Expose-Headers`.
 */
export function hasUnreadWait(error: ApiError): boolean {
  return error.retryAfterSource === null || error.retryAfterSource === 'default';
}
