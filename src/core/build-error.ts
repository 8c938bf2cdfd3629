import { ApiError } from './api-error.js';
import { readBodyFields, type BodyFields } from './body-fields.js';
import { resolveProfile, type NormalizeContext } from './context.js';
import { isTransientKind, kindFromStatus, type ErrorKind } from './error-kind.js';
import type { HeaderMap } from './headers.js';
import { ruleForCode, ruleForStatus, type ApiProfile } from './profile.js';
import { rateLimitFromHeaders, type RateLimitInfo } from './rate-limit-headers.js';
import { requestIdFromHeaders } from './request-id.js';
import { clampWait, retryAfterFromHeaders } from './retry-after.js';
import { toPlain } from './plain-value.js';
import { attempt, isRecord } from './safe.js';
import { looksLikeHtml, redactSecrets, safeHttpUrl, textFromHtml, toPlainText } from './text.js';

/** A failed exchange as it was received, before interpretation. */
export interface ErrorParts {
  status: number | null;
  headers: HeaderMap;
  /** The parsed JSON value, or the text when the body was not JSON, or undefined when empty. */
  body: unknown;
  contentType: string | null;
  /** The URL that answered (after redirects), when known. */
  url?: string | null;
  cause?: unknown;
}

const RATE_LIMIT_TEXT = /rate[\s_-]?limit|too[\s_-]many[\s_-]requests|throttl|quota[\s_-]exceeded/i;

/** Fallback message when the body gives none: plain, never markup. */
export function fallbackMessage(kind: ErrorKind, status: number | null): string {
  return status !== null ? `Request failed with status ${status}` : kind === 'unknown' ? 'Something went wrong' : `Request failed (${kind.replace('_', ' ')})`;
}

function readFields(profile: ApiProfile | null, body: unknown): BodyFields {
  const general = attempt(() => readBodyFields(body), {});
  const own = profile?.read ? attempt(() => profile.read!(body, general), {}) : {};
  return isRecord(own) ? { ...general, ...own } : general;
}

/** Turns a failed exchange into an ApiError with the profile's rules applied. Never throws. */
export function buildError(parts: ErrorParts, context: NormalizeContext): ApiError {
  const now = context.now ?? Date.now();
  const requestUrl = context.request?.url ?? parts.url ?? null;
  const profile = resolveProfile(context, requestUrl, parts.body);
  const fields = readFields(profile, parts.body);
  const status = parts.status ?? fields.status ?? null;
  const secrets = context.secrets ?? [];
  const plain = (text: string) => toPlainText(redactSecrets(text, secrets));

  let serverMessage: string | null = null;
  if (typeof parts.body === 'string') {
    serverMessage = looksLikeHtml(parts.body, parts.contentType) ? redactSecrets(textFromHtml(parts.body), secrets) : plain(parts.body);
  } else if (typeof fields.message === 'string') {
    serverMessage = plain(fields.message);
  }
  const code = typeof fields.code === 'string' && fields.code.trim() !== '' ? fields.code.trim().slice(0, 200) : null;

  const rule = ruleForCode(profile, code) ?? ruleForStatus(profile, status);
  const saysRateLimit = RATE_LIMIT_TEXT.test(code ?? '') || RATE_LIMIT_TEXT.test(serverMessage ?? '');
  const kind: ErrorKind =
    rule?.kind ??
    (saysRateLimit ? 'rate_limited' : null) ??
    (status !== null && status >= 400 ? kindFromStatus(status) : null) ??
    fields.kindHint ??
    kindFromStatus(status);

  const rateLimit = mergeRateLimit(rateLimitFromHeaders(parts.headers, now), kind === 'rate_limited' ? fields.limit ?? null : null);
  const waitForReset = rateLimit?.resetAt != null && (kind === 'rate_limited' || rateLimit.remaining === 0) ? rateLimit.resetAt - now : null;
  const retryAfterMs = clampWait(
    retryAfterFromHeaders(parts.headers, now) ?? fields.retryAfterMs ?? waitForReset ?? rule?.defaultWaitMs ?? null,
  );

  return new ApiError({
    kind,
    status,
    code,
    message: serverMessage || fallbackMessage(kind, status),
    retryable: rule?.retry ?? isTransientKind(kind),
    retryAfterMs,
    rateLimit,
    requestId: (typeof fields.requestId === 'string' ? fields.requestId.slice(0, 200) : null) ?? requestIdFromHeaders(parts.headers),
    param: typeof fields.param === 'string' ? plain(fields.param).slice(0, 200) : null,
    docUrl: safeHttpUrl(fields.docUrl),
    // The caller's own secrets (the token it sent) are cut out of anything kept from the body.
    details: secrets.length ? toPlain(fields.details, secrets) : fields.details,
    api: profile?.name ?? null,
    request: context.request ?? null,
    body: secrets.length ? toPlain(parts.body, secrets) : parts.body,
    cause: parts.cause,
    recovery: rule?.recovery ?? defaultRecovery(kind),
    maxRetries: rule?.maxRetries ?? null,
    safeToResend: rule?.safeToResend ?? false,
  });
}

function mergeRateLimit(fromHeaders: RateLimitInfo | null, limitInBody: number | null): RateLimitInfo | null {
  if (limitInBody === null) return fromHeaders;
  return { limit: fromHeaders?.limit ?? limitInBody, remaining: fromHeaders?.remaining ?? null, resetAt: fromHeaders?.resetAt ?? null };
}

/** What to do next when no profile rule says. */
export function defaultRecovery(kind: ErrorKind): ApiError['recovery'] {
  switch (kind) {
    case 'unauthorized':
      return 'reauthenticate';
    case 'forbidden':
      return 'request-access';
    case 'validation':
      return 'fix-request';
    case 'payment_required':
      return 'pay';
    case 'rate_limited':
      return 'wait';
    case 'payload_too_large':
      return 'change-request';
    case 'server':
    case 'bad_gateway':
    case 'unavailable':
    case 'timeout':
    case 'network':
      return 'retry';
    default:
      return null;
  }
}
