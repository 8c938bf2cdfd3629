import type { ErrorKind } from './kinds.js';
import type { RateLimitInfo } from './rate-limit-headers.js';
import type { Recovery } from './recovery.js';
import { jsonSafeMembers } from './plain-value.js';
import { clampWait } from './retry-after.js';
import { attempt, inheritedProp, safeString } from './safe.js';
import { redactUrl, safeHttpUrl } from './url-safety.js';
import { BRAND } from './is-api-error.js';

/**
 * The secrets an error was read with (the caller's, the token its request carried), kept off the
 * object where no log or inspector sees them: `toJSON` cuts them out of every member, the
 * wrapped cause's message included.
 */
const secretsOf = new WeakMap<object, readonly string[]>();

/** Records what `toJSON` must cut out of this error's copy; returns the error. */
export function rememberSecrets(error: ApiError, secrets: readonly string[] | undefined): ApiError {
  if (secrets?.length) secretsOf.set(error, secrets);
  return error;
}

/** The members of `toJSON` that may hold a whole body's worth of text. */
const LARGE_MEMBERS = ['details', 'body'];

export { isApiError } from './is-api-error.js';

/** The request an error belongs to, as far as it is known. */
export interface ApiErrorRequest {
  method: string;
  url: string;
  /** The Idempotency-Key the request carried, if any: it makes a resend safe. */
  idempotencyKey?: string | null;
}

/** Everything an ApiError is made of; the constructor fills any field left out. */
export interface ApiErrorInit {
  kind: ErrorKind;
  message: string;
  status?: number | null;
  code?: string | null;
  retryable?: boolean;
  retryAfterMs?: number | null;
  retryAfterSource?: RetryAfterSource | null;
  rateLimit?: RateLimitInfo | null;
  requestId?: string | null;
  param?: string | null;
  docUrl?: string | null;
  details?: unknown;
  api?: string | null;
  request?: ApiErrorRequest | null;
  body?: unknown;
  cause?: unknown;
  recovery?: Recovery | null;
  maxRetries?: number | null;
  safeToResend?: boolean;
  /** See `ApiError.rateLimitKey`; by default the `api` given, else the request's origin. */
  rateLimitKey?: string | null;
  /** See `ApiError.messageKey`. */
  messageKey?: string | null;
}

/** The origin of a URL, or null. */
function originOf(url: string | null | undefined): string | null {
  if (typeof url !== 'string') return null;
  return attempt(() => {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  }, null);
}

/**
 * The rate-limit window a failure belongs to: a profile's name when the profile was chosen by the
 * request's host or URL or forced by the caller, else the request's origin. Never a profile chosen
 * only by the body's shape: another host's look-alike body must not close a known API's window.
 */
export function windowKeyFor(api: string | null | undefined, url: string | null | undefined): string | null {
  return api ? api : originOf(url);
}

/**
 * Where `retryAfterMs` came from: a header, the body, the rate-limit reset, or the API's documented
 * default (`CodeRule.defaultWaitMs`) when the response said nothing readable — in a browser, often
 * because a cross-origin response did not list the header in `Access-Control-Expose-Headers`.
 */
export type RetryAfterSource = 'header' | 'body' | 'reset' | 'default';
const RETRY_AFTER_SOURCES: ReadonlySet<RetryAfterSource> = new Set<RetryAfterSource>(['header', 'body', 'reset', 'default']);


// The value of every field an ApiErrorInit may leave out (kind, details, body and the wait are set apart).
const DEFAULTS = {
  status: null,
  code: null,
  retryable: false,
  rateLimit: null,
  requestId: null,
  param: null,
  docUrl: null,
  api: null,
  request: null,
  recovery: null,
  maxRetries: null,
  safeToResend: false,
} as const;

/**
 * One error for every failure of every API: what went wrong (`kind`), what the API said
 * (`code`, `message`, `details`), and what to do about it (`retryable`, `retryAfterMs`, `recovery`).
 */
export class ApiError extends Error {
  declare readonly [BRAND]: true;
  override readonly name = 'ApiError' as const;
  declare readonly kind: ErrorKind;
  declare readonly status: number | null;
  declare readonly code: string | null;
  /** May the same request be sent again automatically. */
  declare readonly retryable: boolean;
  /**
   * How long to wait before sending the request again, in ms: finite, in [0, 1 day]. Errors
   * faultline builds carry one only when the request may be retried (`retryable`) or on a rate
   * limit, where it is the time until the window opens (counted down even when the retry is left to
   * a person), and null otherwise, since a wait before a request that must not be resent means
   * nothing. An error built by hand keeps the wait its caller gives (clamped to that range).
   */
  declare readonly retryAfterMs: number | null;
  /** Where `retryAfterMs` came from; null when there is no wait. */
  declare readonly retryAfterSource: RetryAfterSource | null;
  declare readonly rateLimit: RateLimitInfo | null;
  declare readonly requestId: string | null;
  declare readonly param: string | null;
  declare readonly docUrl: string | null;
  declare readonly details: unknown;
  declare readonly api: string | null;
  declare readonly request: ApiErrorRequest | null;
  declare readonly body: unknown;
  /** What to do next beyond an automatic retry; null when nothing specific is known. */
  declare readonly recovery: Recovery | null;
  /** The API's own cap on automatic retries for this failure (e.g. "at most 3 attempts" → 2). */
  declare readonly maxRetries: number | null;
  /** The API says resending this exact request is safe even for a POST (e.g. the same signed tx). */
  declare readonly safeToResend: boolean;
  /**
   * The rate-limit window this failure closes (see `windowKeyFor`): the API's name when the
   * request's URL or the caller named it, else the request's origin; null when neither is known.
   */
  declare readonly rateLimitKey: string | null;
  /**
   * The catalog key of the profile rule that read this error (`'solana-swap.QUOTE_EXPIRED'`,
   * `'pumpfun.429'`): where `describeError` looks for its words first. Null when no rule matched.
   */
  declare readonly messageKey: string | null;

  constructor(init: ApiErrorInit) {
    // A message that is no string (a hand-built error from JavaScript) must not make the constructor throw.
    super(safeString(init.message), init.cause === undefined ? undefined : { cause: init.cause });
    Object.defineProperty(this, BRAND, { value: true });
    const target = this as unknown as Record<string, unknown>;
    const given = init as unknown as Record<string, unknown>;
    for (const key of Object.keys(DEFAULTS)) target[key] = given[key] ?? DEFAULTS[key as keyof typeof DEFAULTS];
    this.kind = init.kind;
    this.details = init.details;
    this.body = init.body;
    // Finite and at most a day whatever a caller passes: a timer is set from it.
    this.retryAfterMs = clampWait(init.retryAfterMs);
    this.retryAfterSource = this.retryAfterMs === null ? null : attempt(() => (RETRY_AFTER_SOURCES.has(init.retryAfterSource as RetryAfterSource) ? init.retryAfterSource! : null), null);
    this.messageKey = typeof init.messageKey === 'string' ? init.messageKey.slice(0, 300) : null;
    this.rateLimitKey = init.rateLimitKey !== undefined ? init.rateLimitKey : attempt(() => windowKeyFor(init.api, init.request?.url), null);
  }

  /**
   * A plain, serialisable copy for logs and error trackers: bounded in size (about 64 KB of text
   * for `details` and `body` each, 2,000 characters for any other string: under about 150 KB
   * whatever the error holds), every string redacted, no credentials. Never throws.
   */
  toJSON(): Record<string, unknown> {
    // Every read may throw (a subclass's getter, a hand-built error): each field falls back alone.
    const read = (key: keyof ApiError, fallback: unknown = null): unknown => attempt(() => this[key] as unknown, fallback);
    const text = (key: keyof ApiError) => {
      const value = read(key);
      return typeof value === 'string' ? value : null;
    };
    const request = read('request') as ApiErrorRequest | null;
    const status = read('status');
    const docUrl = text('docUrl');
    const cause = read('cause', undefined);
    const causeName = inheritedProp(cause, 'name');
    const causeMessage = inheritedProp(cause, 'message');
    // Each member copied alone: strings capped and redacted, cycles cut, a size budget per member.
    return jsonSafeMembers({
        name: 'ApiError',
        kind: text('kind') ?? 'unknown',
        status: typeof status === 'number' ? status : null,
        code: text('code'),
        message: text('message') ?? '',
        retryable: read('retryable') === true,
        retryAfterMs: clampWait(read('retryAfterMs') as number | null),
        retryAfterSource: text('retryAfterSource'),
        rateLimit: read('rateLimit'),
        requestId: text('requestId'),
        param: text('param'),
        docUrl: docUrl && safeHttpUrl(redactUrl(docUrl)),
        details: read('details', undefined),
        api: text('api'),
        request: attempt(() => (request && typeof request.url === 'string' ? { method: typeof request.method === 'string' ? request.method.slice(0, 20) : 'GET', url: redactUrl(request.url) } : null), null),
        recovery: text('recovery'),
        body: read('body', undefined),
        // A wrapped error's name and message (its message often names the URL it failed on, `?api_key=…` and all).
        cause: typeof causeName === 'string' || typeof causeMessage === 'string' ? { name: typeof causeName === 'string' ? causeName.slice(0, 100) : 'Error', message: typeof causeMessage === 'string' ? causeMessage : '' } : cause,
       }, LARGE_MEMBERS, attempt(() => secretsOf.get(this), undefined));
  }
}

