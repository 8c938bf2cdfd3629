import type { Recovery } from './recovery.js';

/** All kinds, in contract order; see the API contract for what each one means. */
export const ERROR_KINDS = [
  'validation',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'gone',
  'payment_required',
  'payload_too_large',
  'rate_limited',
  'server',
  'bad_gateway',
  'unavailable',
  'timeout',
  'network',
  'aborted',
  'unknown',
] as const;

/** Every kind of failure faultline tells apart. */
export type ErrorKind = (typeof ERROR_KINDS)[number];

/**
 * What faultline knows about one kind. Every fact about a kind lives in `KINDS` below and nowhere
 * else: the reader, the retry policy, the catalog (`kind.<kind>.title` / `.description`) and the
 * toaster all look it up here.
 */
export interface KindFacts {
  /** HTTP statuses that imply this kind when nothing more specific is known. */
  statuses?: readonly number[];
  /**
   * Sending the same request again may succeed without anyone changing anything. A 4xx means the
   * request itself is wrong or not allowed, so none is, except 429, where the server asks to come back.
   */
  transient?: true;
  /** What to do next when no profile rule says. */
  recovery: Recovery | null;
  /** A person must act on it: its toast stays until acted on or dismissed. */
  sticky?: true;
  /** Announced politely even when it is not retried (a wait is not an alarm). */
  polite?: true;
  /** The server's own text is for logs, not people ("Something went wrong", a stack, an internal host). */
  serverSide?: true;
  /** The plain `message` of a thrown failure of this kind (no response) that carries no text of its own. */
  message?: string;
}

/** The one table of kinds (contract order). */
export const KINDS: Readonly<Record<ErrorKind, KindFacts>> = {
  // Every 4xx without a kind of its own (400, 422, …): the range in kindFromStatus.
  validation: { recovery: 'fix-request', sticky: true },
  unauthorized: { statuses: [401], recovery: 'reauthenticate', sticky: true },
  forbidden: { statuses: [403], recovery: 'request-access', sticky: true },
  not_found: { statuses: [404], recovery: null },
  conflict: { statuses: [409], recovery: null, sticky: true },
  gone: { statuses: [410], recovery: null, sticky: true },
  payment_required: { statuses: [402], recovery: 'pay', sticky: true },
  payload_too_large: { statuses: [413], recovery: 'change-request', sticky: true },
  rate_limited: { statuses: [429], transient: true, recovery: 'wait', polite: true },
  server: { transient: true, recovery: 'retry', serverSide: true },
  bad_gateway: { statuses: [502], transient: true, recovery: 'retry', serverSide: true },
  unavailable: { statuses: [503], transient: true, recovery: 'retry', serverSide: true },
  timeout: { statuses: [504, 408], transient: true, recovery: 'retry', serverSide: true, message: 'The request timed out' },
  network: { transient: true, recovery: 'retry', message: 'Could not reach the server' },
  aborted: { recovery: null, message: 'The request was cancelled' },
  unknown: { recovery: null, serverSide: true },
};

/** Whether a value is one of the kinds (own entries only: `constructor` is none). */
export function isErrorKind(kind: unknown): kind is ErrorKind {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(KINDS, kind);
}

/** The facts of a kind; an unknown string (an error from another bundle) reads as 'unknown'. */
export function kindFacts(kind: unknown): KindFacts {
  return isErrorKind(kind) ? KINDS[kind] : KINDS.unknown;
}

/** The kind an HTTP status implies when nothing more specific is known. */
export function kindFromStatus(status: number | null): ErrorKind {
  if (status === null) return 'unknown';
  // The table's own order is the contract's; walking its own keys does not pull `ERROR_KINDS` in
  // (and, unlike `for…in`, ignores what a polluted Object.prototype adds).
  for (const kind of Object.keys(KINDS) as ErrorKind[]) if (KINDS[kind].statuses?.includes(status)) return kind;
  if (status >= 500 && status <= 599) return 'server';
  if (status >= 400 && status <= 499) return 'validation';
  return 'unknown';
}

/** Whether a kind is transient by default (a profile may say otherwise for one code). */
export function isTransientKind(kind: ErrorKind): boolean {
  return kindFacts(kind).transient === true;
}

/** What to do next when no profile rule says. */
export function defaultRecovery(kind: ErrorKind): Recovery | null {
  return kindFacts(kind).recovery;
}

/** Fallback message when the body gives none: plain, never markup. */
export function fallbackMessage(kind: ErrorKind, status: number | null): string {
  return status !== null ? `Request failed with status ${status}` : kind === 'unknown' ? 'Something went wrong' : `Request failed (${kind.replace('_', ' ')})`;
}
