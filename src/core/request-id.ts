import type { HeaderMap } from './headers.js';

// Request-id headers in the order they are most likely to be the API's own id rather than a proxy's.
const REQUEST_ID_HEADERS = [
  'x-request-id',
  'request-id',
  'x-correlation-id',
  'x-amzn-requestid',
  'x-amz-request-id',
  'x-trace-id',
  'x-vercel-id',
  'cf-ray',
];

/** The id a support team asks for, from response headers; null when there is none. */
export function requestIdFromHeaders(headers: HeaderMap): string | null {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name)?.trim();
    if (value) return value.slice(0, 200);
  }
  return null;
}
