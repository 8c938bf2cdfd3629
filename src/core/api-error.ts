import type { ErrorKind } from './error-kind.js';
import type { RateLimitInfo } from './rate-limit-headers.js';
import type { Recovery } from './recovery.js';
import { toPlain } from './plain-value.js';
import { attempt, inheritedProp } from './safe.js';
import { redactSecrets, redactUrl } from './text.js';

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
}

const BRAND = Symbol.for('faultline.ApiError');

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
  readonly retryAfterMs: number | null;
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

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    Object.defineProperty(this, BRAND, { value: true });
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.code = init.code ?? null;
    this.retryable = init.retryable ?? false;
    this.retryAfterMs = init.retryAfterMs ?? null;
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
  }

  /** A plain, serialisable copy for logs and error trackers; carries no credentials. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      status: this.status,
      code: this.code,
      message: redactSecrets(this.message),
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      rateLimit: this.rateLimit,
      requestId: this.requestId,
      param: this.param,
      docUrl: this.docUrl,
      details: toPlain(this.details),
      api: this.api,
      request: this.request && { method: this.request.method, url: redactUrl(this.request.url) },
      recovery: this.recovery,
      body: toPlain(this.body),
      cause: describeCause(this.cause),
    };
  }
}

/** Whether a value is an ApiError, also across bundle copies of faultline. */
export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError || attempt(() => inheritedProp(value, BRAND as unknown as string) === true, false);
}

function describeCause(cause: unknown): unknown {
  if (cause === undefined) return undefined;
  const name = inheritedProp(cause, 'name');
  const message = inheritedProp(cause, 'message');
  if (typeof name === 'string' || typeof message === 'string') {
    return { name: typeof name === 'string' ? name : 'Error', message: typeof message === 'string' ? redactSecrets(message) : '' };
  }
  return toPlain(cause);
}
