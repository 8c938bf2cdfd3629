import { ApiError, windowKeyFor, type RetryAfterSource } from './api-error.js';
import { readBodyFields, type BodyFields } from './body-fields.js';
import type { NormalizeContext } from './context.js';
import { matchProfile } from './profile-match.js';
import { defaultRecovery, fallbackMessage, isErrorKind, isTransientKind, kindFromStatus, type ErrorKind } from './kinds.js';
import type { HeaderMap } from './headers.js';
import { findRule, type ApiProfile, type HeaderContext, type HeaderReading } from './profile.js';
import { rateLimitFromHeaders, type RateLimitInfo } from './rate-limit-headers.js';
import { requestIdFromHeaders } from './request-id.js';
import { clampWait, retryAfterFromHeaders } from './retry-after.js';
import { MAX_STRING, jsonSafeCopy } from './plain-value.js';
import { MAX_BODY_TEXT } from './read-body.js';
import { attempt, finiteNumber, isRecord } from './safe.js';
import { looksLikeHtml, textFromHtml, toPlainText } from './markup.js';
import { redactField } from './secrets.js';
import { capText } from './text.js';
import { redactUrl, safeHttpUrl } from './url-safety.js';

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

/**
 * The server's own word on resending this very request: `Stripe-Should-Retry` (Stripe's SDKs) and
 * `X-Should-Retry` (OpenAI's and Anthropic's SDKs). A hint any API may send, so read for every API.
 */
function serverSaysRetry(headers: HeaderMap): boolean | null {
  const value = (headers.get('stripe-should-retry') ?? headers.get('x-should-retry'))?.trim().toLowerCase();
  return value === 'true' ? true : value === 'false' ? false : null;
}

/**
 * What a profile's `readHeaders` said, each value checked: an app's hook is untrusted code like any
 * SDK (a kind that is no kind, `retry: 'false'`, a getter that throws all read as "said nothing").
 */
function readOwnHeaders(profile: ApiProfile | null, headers: HeaderMap, context: HeaderContext): HeaderReading {
  if (!profile?.readHeaders) return {};
  return attempt((): HeaderReading => {
    const said: unknown = profile.readHeaders!(headers, context);
    if (!isRecord(said)) return {};
    const { kind, retry, defaultWaitMs, rateLimit } = said;
    const reading: HeaderReading = {
      kind: isErrorKind(kind) ? kind : null,
      retry: typeof retry === 'boolean' ? retry : null,
      defaultWaitMs: finiteNumber(defaultWaitMs),
    };
    if (rateLimit === null) reading.rateLimit = null;
    else if (isRecord(rateLimit)) reading.rateLimit = { limit: finiteNumber(rateLimit.limit), remaining: finiteNumber(rateLimit.remaining), resetAt: finiteNumber(rateLimit.resetAt) };
    return reading;
  }, {});
}

function readFields(profile: ApiProfile | null, body: unknown, contentType: string | null): BodyFields {
  const general = attempt(() => readBodyFields(body, contentType), {});
  const own = profile?.read ? attempt(() => profile.read!(body, general), {}) : {};
  return isRecord(own) ? { ...general, ...own } : general;
}

/** Turns a failed exchange into an ApiError with the profile's rules applied. Never throws. */
export function buildError(parts: ErrorParts, context: NormalizeContext): ApiError {
  const now = context.now ?? Date.now();
  const requestUrl = context.request?.url ?? parts.url ?? null;
  // Every string is capped before any pattern reads it, whichever path it came by (a 50 MB axios
  // `data` string is read like an 8 KB fetch body).
  const rawBody = typeof parts.body === 'string' ? capText(parts.body, MAX_BODY_TEXT) : parts.body;
  const match = matchProfile(context, requestUrl, rawBody);
  const profile = match?.profile ?? null;
  const fields = readFields(profile, rawBody, parts.contentType);
  const status = parts.status ?? fields.status ?? null;
  const secrets = context.secrets ?? [];
  const plain = (text: string) => toPlainText(text, 500, secrets);

  let serverMessage: string | null = null;
  if (typeof rawBody === 'string') {
    serverMessage = looksLikeHtml(rawBody, parts.contentType) ? textFromHtml(rawBody, secrets) : plain(rawBody);
  } else if (typeof fields.message === 'string') {
    serverMessage = plain(fields.message);
  }
  const code = redactField(fields.code, secrets);

  const found = findRule(profile, code, status);
  const rule = found?.rule;
  const saysRateLimit = RATE_LIMIT_TEXT.test(code ?? '') || RATE_LIMIT_TEXT.test(serverMessage ?? '');
  const standardLimit = rateLimitFromHeaders(parts.headers, now);
  // The API's own header dialect, when its profile was given (opt-in: vendor-headers.ts).
  const own = readOwnHeaders(profile, parts.headers, { status, message: serverMessage, rateLimit: standardLimit, now });
  const headerLimit = own.rateLimit !== undefined ? own.rateLimit : standardLimit;
  // A 403 (or 429) that says no quota is left is a rate limit until the reset, even with an empty
  // body: GitHub answers a spent primary limit so (docs.github.com, REST API rate limits), and
  // other APIs of the X-RateLimit-* and RateLimit families do the same.
  const spentQuota = (status === 403 || status === 429) && headerLimit?.remaining === 0;
  const kind: ErrorKind =
    rule?.kind ??
    own.kind ??
    (saysRateLimit || spentQuota ? 'rate_limited' : null) ??
    (status !== null && status >= 400 ? kindFromStatus(status) : null) ??
    fields.kindHint ??
    kindFromStatus(status);

  const rateLimit = mergeRateLimit(headerLimit, kind === 'rate_limited' ? fields.limit ?? null : null);
  const waitForReset = rateLimit?.resetAt != null && (kind === 'rate_limited' || rateLimit.remaining === 0) ? rateLimit.resetAt - now : null;
  const headerWait = retryAfterFromHeaders(parts.headers, now);
  // Where the wait came from matters too: a documented default is what is left when the page could
  // not read the response's own wait (a cross-origin response hides undeclared headers).
  const waits: Array<[RetryAfterSource, number | null | undefined]> = [
    ['header', headerWait],
    ['body', fields.retryAfterMs],
    ['reset', waitForReset],
    ['default', own.defaultWaitMs],
    ['default', rule?.defaultWaitMs],
  ];
  const [waitSource, firstWait] = waits.find(([, ms]) => clampWait(ms ?? null) !== null) ?? [null, null];
  const wait = clampWait(firstWait ?? null);

  // RFC 9110 §15.5.14: a 413 with Retry-After says the condition is temporary; retry after the wait.
  const temporaryTooLarge = status === 413 && headerWait !== null;
  const retryable = own.retry ?? serverSaysRetry(parts.headers) ?? rule?.retry ?? (isTransientKind(kind) || temporaryTooLarge);
  // A wait means "send it again then": kept when the request may be retried, and on a rate limit
  // (the window's countdown, even where the retry is left to a person); otherwise dropped.
  const retryAfterMs = retryable || kind === 'rate_limited' ? wait : null;
  const retryAfterSource = retryAfterMs === null ? null : waitSource;
  const windowKey = match && match.by !== 'shape' ? profile!.name : typeof context.api === 'string' ? context.api : windowKeyFor(null, requestUrl);
  const body = jsonSafeCopy(rawBody, secrets);

  return new ApiError({
    kind,
    status,
    code,
    message: serverMessage || fallbackMessage(kind, status),
    retryable,
    retryAfterMs,
    retryAfterSource,
    rateLimit,
    requestId: redactField(fields.requestId, secrets) ?? redactField(requestIdFromHeaders(parts.headers), secrets),
    param: typeof fields.param === 'string' ? plain(fields.param).slice(0, 200) || null : null,
    docUrl: safeHttpUrl(typeof fields.docUrl === 'string' ? redactUrl(fields.docUrl, secrets) : null),
    // Copied, bounded and redacted: the caller's own secrets (the token it sent) are cut out too.
    details: jsonSafeCopy(fields.details, secrets),
    api: profile?.name ?? null,
    request: context.request ?? null,
    body: typeof body === 'string' ? capText(body, Math.min(MAX_BODY_TEXT, MAX_STRING)) : body,
    cause: parts.cause,
    recovery: temporaryTooLarge && !rule?.recovery ? 'wait' : rule?.recovery ?? defaultRecovery(kind),
    maxRetries: rule?.maxRetries ?? null,
    safeToResend: rule?.safeToResend ?? false,
    rateLimitKey: windowKey,
    // The catalog key of the rule that matched: the UI finds its words without the profile.
    messageKey: found ? `${profile!.name}.${found.key}` : null,
  });
}

function mergeRateLimit(fromHeaders: RateLimitInfo | null, limitInBody: number | null): RateLimitInfo | null {
  if (limitInBody === null) return fromHeaders;
  return { limit: fromHeaders?.limit ?? limitInBody, remaining: fromHeaders?.remaining ?? null, resetAt: fromHeaders?.resetAt ?? null };
}
