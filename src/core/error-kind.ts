/** All kinds, in contract order; see the API contract for what each one means. */
export const ERROR_KINDS = [
  'validation', // 400, 422: the request is wrong; fix it
  'unauthorized', // 401: credentials missing or expired; re-authenticate
  'forbidden', // 403: known identity, not allowed (scope, role)
  'not_found', // 404
  'conflict', // 409: idempotency-key reuse, insufficient funds, state
  'gone', // 410: an expired quote
  'payment_required', // 402 (x402)
  'payload_too_large', // 413
  'rate_limited', // 429, or a body or code that says rate limit under another status
  'server', // 500 and other 5xx not below
  'bad_gateway', // 502
  'unavailable', // 503
  'timeout', // 504, 408, client-side timeout
  'network', // no HTTP response: offline, DNS, CORS, connection reset
  'aborted', // cancelled by code or by the user (a wallet's "user rejected")
  'unknown',
] as const;

/** Every kind of failure faultline tells apart. */
export type ErrorKind = (typeof ERROR_KINDS)[number];

const KIND_BY_STATUS: Record<number, ErrorKind> = {
  400: 'validation',
  401: 'unauthorized',
  402: 'payment_required',
  403: 'forbidden',
  404: 'not_found',
  408: 'timeout',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  422: 'validation',
  429: 'rate_limited',
  502: 'bad_gateway',
  503: 'unavailable',
  504: 'timeout',
};

/** The kind an HTTP status implies when nothing more specific is known. */
export function kindFromStatus(status: number | null): ErrorKind {
  if (status === null) return 'unknown';
  const exact = Object.prototype.hasOwnProperty.call(KIND_BY_STATUS, status) ? KIND_BY_STATUS[status] : undefined;
  if (exact) return exact;
  if (status >= 500 && status <= 599) return 'server';
  if (status >= 400 && status <= 499) return 'validation';
  return 'unknown';
}

/**
 * Kinds where sending the same request again may succeed without anyone changing anything.
 * A 4xx means the request itself is wrong or not allowed, so it is never in this set,
 * except 429, where the server asks to come back later.
 */
const TRANSIENT: ReadonlySet<ErrorKind> = new Set<ErrorKind>([
  'rate_limited',
  'server',
  'bad_gateway',
  'unavailable',
  'timeout',
  'network',
]);

/** Whether a kind is transient by default (a profile may say otherwise for one code). */
export function isTransientKind(kind: ErrorKind): boolean {
  return TRANSIENT.has(kind);
}
