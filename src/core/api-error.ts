import type { ErrorKind } from './kinds.js';
import type { RateLimitInfo } from './rate-limit-headers.js';
import type { Recovery } from './recovery.js';
import { jsonSafeCopy } from './plain-value.js';
import { clampWait } from './retry-after.js';
import { attempt, inheritedProp, safeString } from './safe.js';
import { redactSecrets } from './secrets.js';
import { capText } from './text.js';
import { redactUrl, safeHttpUrl } from './url-safety.js';
import { BRAND } from './is-api-error.js';

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


/**
 * One error for every failure of every API: what went wrong (`kind`), what the API said
 * (`code`, `message`, `details`), and what to do about it (`retryable`, `retryAfterMs`, `recovery`).
 */
export class ApiError extends Error {
  declare readonly [BRAND]: true;
  override readonly name = 'ApiError' as const;
  readonly kind: ErrorKind;
  readonly status: number | null;
  readonly code: string | null;
  /** May the same request be sent again automatically. */
  readonly retryable: boolean;
  /**
   * How long to wait before sending the request again, in ms: finite, in [0, 1 day]. Set only when
   * the request may be retried (`retryable`) or on a rate limit, where it is the time until the
   * window opens (counted down even when the retry is left to a person); null otherwise, since a
   * wait before a request that must not be resent means nothing.
   */
  readonly retryAfterMs: number | null;
  /** Where `retryAfterMs` came from; null when there is no wait. */
  readonly retryAfterSource: RetryAfterSource | null;
  readonly rateLimit: RateLimitInfo | null;
  readonly requestId: string | null;
  readonly param: string | null;
  readonly docUrl: string | null;
  readonly details: unknown;
  readonly api: string | null;
  readonly request: ApiErrorRequest | null;
  readonly body: unknown;
  /** What to do next beyond an automatic retry; null when nothing specific is known. */
  readonly recovery: Recovery | null;
  /** The API's own cap on automatic retries for this failure (e.g. "at most 3 attempts" → 2). */
  readonly maxRetries: number | null;
  /** The API says resending this exact request is safe even for a POST (e.g. the same signed tx). */
  readonly safeToResend: boolean;
  /**
   * The rate-limit window this failure closes (see `windowKeyFor`): the API's name when the
   * request's URL or the caller named it, else the request's origin; null when neither is known.
   */
  readonly rateLimitKey: string | null;
  /**
   * The catalog key of the profile rule that read this error (`'solana-swap.QUOTE_EXPIRED'`,
   * `'pumpfun.429'`): where `describeError` looks for its words first. Null when no rule matched.
   */
  readonly messageKey: string | null;

  constructor(init: ApiErrorInit) {
    // A message that is no string (a hand-built error from JavaScript) must not make the constructor throw.
    super(typeof init.message === 'string' ? init.message : safeString(init.message), init.cause === undefined ? undefined : { cause: init.cause });
    Object.defineProperty(this, BRAND, { value: true });
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.code = init.code ?? null;
    this.retryable = init.retryable ?? false;
    // Finite and at most a day whatever a caller passes: a timer is set from it.
    this.retryAfterMs = clampWait(init.retryAfterMs);
    this.retryAfterSource = this.retryAfterMs === null ? null : attempt(() => (RETRY_AFTER_SOURCES.has(init.retryAfterSource as RetryAfterSource) ? init.retryAfterSource! : null), null);
    this.rateLimit = init.rateLimit ?? null;
    this.requestId = init.requestId ?? null;
    this.param = init.param ?? null;
    this.docUrl = init.docUrl ?? null;
    this.details = init.details;
    this.api = init.api ?? null;
    this.request = init.request ?? null;
    this.body = init.body;
    this.recovery = init.recovery ?? null;
    this.maxRetries = init.maxRetries ?? null;
    this.safeToResend = init.safeToResend ?? false;
    this.messageKey = typeof init.messageKey === 'string' ? init.messageKey.slice(0, 300) : null;
    this.rateLimitKey = init.rateLimitKey !== undefined ? init.rateLimitKey : attempt(() => windowKeyFor(init.api, init.request?.url), null);
  }

  /**
   * A plain, serialisable copy for logs and error trackers: bounded in size (under about 150 KB of
   * JSON whatever the error holds), every field redacted, no credentials. Never throws.
   */
  toJSON(): Record<string, unknown> {
    const text = (value: unknown, max = 500) => (typeof value === 'string' ? capText(redactSecrets(capText(value, max + 256)), max) : null);
    const read = <T>(key: keyof ApiError, fallback: T) => attempt(() => this[key] as unknown, fallback);
    const request = read('request', null) as ApiErrorRequest | null;
    const rateLimit = read('rateLimit', null);
    const retryAfterMs = read('retryAfterMs', null);
    const status = read('status', null);
    return {
      name: 'ApiError',
      kind: text(read('kind', 'unknown'), 40),
      status: typeof status === 'number' && Number.isFinite(status) ? status : null,
      code: text(read('code', null), 200),
      message: text(read('message', ''), 2000) ?? '',
      retryable: read('retryable', false) === true,
      retryAfterMs: typeof retryAfterMs === 'number' ? clampWait(retryAfterMs) : null,
      retryAfterSource: text(read('retryAfterSource', null), 20),
      rateLimit: rateLimit === null ? null : jsonSafeCopy(rateLimit),
      requestId: text(read('requestId', null), 200),
      param: text(read('param', null), 200),
      docUrl: typeof read('docUrl', null) === 'string' ? safeHttpUrl(redactUrl(read('docUrl', '') as string)) : null,
      details: jsonSafeCopy(read('details', undefined)),
      api: text(read('api', null), 200),
      request: attempt(() => (request && typeof request.url === 'string' ? { method: text(request.method, 20) ?? 'GET', url: redactUrl(request.url) } : null), null),
      recovery: text(read('recovery', null), 40),
      body: jsonSafeCopy(read('body', undefined)),
      cause: attempt(() => describeCause(read('cause', undefined)), undefined),
    };
  }
}

function describeCause(cause: unknown): unknown {
  if (cause === undefined) return undefined;
  const name = inheritedProp(cause, 'name');
  const message = inheritedProp(cause, 'message');
  if (typeof name === 'string' || typeof message === 'string') {
    // A wrapped error's message often names the URL it failed on, `?api_key=…` and all.
    return { name: typeof name === 'string' ? capText(name, 100) : 'Error', message: typeof message === 'string' ? capText(redactSecrets(capText(message, 2256)), 2000) : '' };
  }
  return jsonSafeCopy(cause);
}
