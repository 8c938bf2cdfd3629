import { ApiError, isApiError, rememberSecrets } from './api-error.js';
import { buildError } from './build-error.js';
import { readContext, type NormalizeContext } from './context.js';
import { credentialSecrets } from './credential-headers.js';
import { KINDS, defaultRecovery, fallbackMessage, isTransientKind, type ErrorKind } from './kinds.js';
import { toHeaderMap } from './headers.js';
import { BODY_TIMEOUT_MS, MAX_BODY_BYTES, readResponseBody } from './read-body.js';
import { errorFromProfiles } from './read-thrown.js';
import { asNumber, asText, attempt, inheritedProp, isRecord, prop, safeString } from './safe.js';
import { toPlainText } from './markup.js';
import { redactField } from './secrets.js';
import { capText } from './text.js';
import { kindOfThrown } from './thrown.js';

/** Whether a value is a fetch Response (or looks enough like one to read its status and headers). */
function isResponseLike(value: unknown): value is Response {
  if (typeof Response !== 'undefined' && value instanceof Response) return true;
  return typeof inheritedProp(value, 'status') === 'number' && typeof inheritedProp(value, 'headers') === 'object' && typeof inheritedProp(value, 'text') === 'function';
}

function statusOf(value: unknown): number | null {
  const status = asNumber(inheritedProp(value, 'status'));
  return status !== null && Number.isInteger(status) && status >= 100 && status <= 599 ? status : null;
}

/** The request an axios error names: `config.method` and `config.baseURL` + `config.url`. */
function axiosRequest(error: unknown): NormalizeContext['request'] {
  const config = prop(error, 'config');
  const url = asText(prop(config, 'url'))?.slice(0, 8192) ?? null;
  if (url === null) return undefined;
  const base = asText(prop(config, 'baseURL'))?.slice(0, 8192) ?? null;
  const full = base && !/^https?:/i.test(url) ? `${base.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}` : url;
  return { method: (asText(prop(config, 'method')) ?? 'GET').slice(0, 20).toUpperCase(), url: full.slice(0, 8192) };
}

/** The context with the thrown value's own credentials added to its secrets. */
function withSecrets(context: NormalizeContext, input: unknown): NormalizeContext {
  // axios's `config.headers`: its own Authorization or x-api-key.
  const found = credentialSecrets(prop(prop(input, 'config'), 'headers'));
  return found.length ? { ...context, secrets: [...(context.secrets ?? []), ...found] } : context;
}

function fromThrown(input: unknown, kind: ErrorKind, context: NormalizeContext): ApiError {
  const message = inheritedProp(input, 'message');
  const text = typeof message === 'string' ? toPlainText(message, 500, context.secrets) : '';
  const code = inheritedProp(input, 'code');
  return new ApiError({
    kind,
    message: text || (KINDS[kind].message ?? fallbackMessage(kind, null)),
    // Redacted like a server's code: SDK errors carry the server's code, and it is shown in the toast.
    code: redactField(typeof code === 'number' ? String(code) : code, context.secrets),
    retryable: isTransientKind(kind),
    request: context.request ?? null,
    recovery: defaultRecovery(kind),
    cause: input,
  });
}

function normalizeUnsafe(input: unknown, given: NormalizeContext): ApiError {
  if (isApiError(input)) return input;
  const context = withSecrets(given, input);
  // The error keeps the cause as it was thrown; its toJSON cuts these secrets out of it.
  return rememberSecrets(readThrown(input, context), context.secrets);
}

function readThrown(input: unknown, context: NormalizeContext): ApiError {
  // The caller's profiles read their own SDKs' thrown values first (opt-in: faultline/chain).
  const own = errorFromProfiles(input, context);
  if (own) return own;

  // A Response thrown as it is (some fetch wrappers do): status and headers, body not read here.
  if (isResponseLike(input)) {
    return buildError(
      { status: statusOf(input), headers: toHeaderMap(inheritedProp(input, 'headers')), body: undefined, contentType: null, url: asText(inheritedProp(input, 'url')), cause: input },
      context,
    );
  }

  // axios-style and ky-style errors carry the response; read status, headers and data together.
  const response = inheritedProp(input, 'response');
  if (isRecord(response) && statusOf(response) !== null) {
    const headers = toHeaderMap(inheritedProp(response, 'headers'));
    const request = context.request ?? axiosRequest(input);
    return buildError(
      {
        status: statusOf(response),
        headers,
        body: prop(response, 'data'),
        contentType: headers.get('content-type') ?? null,
        url: asText(inheritedProp(response, 'url')),
        cause: input,
      },
      { ...context, request },
    );
  }

  const thrownKind = kindOfThrown(input);
  if (thrownKind !== null) return fromThrown(input, thrownKind, { ...context, request: context.request ?? axiosRequest(input) });

  if (typeof input === 'string') {
    return new ApiError({ kind: 'unknown', message: toPlainText(input, 500, context.secrets) || fallbackMessage('unknown', null), request: context.request ?? null, cause: capText(input, 2048) });
  }

  if (input instanceof Error) return fromThrown(input, 'unknown', context);

  // A plain object: an error body thrown or rejected as it is ({ error: {…} }, { status: 429, … }),
  // or a JSON-RPC / EIP-1193 error ({ code: -32005, message }).
  if (isRecord(input)) {
    const rpcCode = prop(input, 'code');
    const body = typeof rpcCode === 'number' && prop(input, 'error') === undefined ? { error: input } : input;
    return buildError({ status: null, headers: toHeaderMap(prop(input, 'headers')), body, contentType: null, cause: input }, context);
  }

  return new ApiError({ kind: 'unknown', message: fallbackMessage('unknown', null), request: context.request ?? null, cause: input });
}

/** Turns anything thrown or rejected into an ApiError. Never throws; an ApiError comes back as it is. */
export function normalizeError(input: unknown, context?: NormalizeContext): ApiError {
  try {
    return normalizeUnsafe(input, readContext(context));
  } catch {
    // Last resort for values hostile enough to break every reader above (throwing proxies…).
    return new ApiError({ kind: 'unknown', message: fallbackMessage('unknown', null), cause: attempt(() => safeString(input), undefined) });
  }
}

/**
 * Builds the ApiError for a failed (or error-bearing) response: reads the body once, capped,
 * and uses status, headers and body together. Never rejects.
 */
export async function errorFromResponse(response: Response, context?: NormalizeContext): Promise<ApiError> {
  const ctx = readContext(context);
  try {
    const headers = toHeaderMap(inheritedProp(response, 'headers'));
    const contentType = headers.get('content-type') ?? null;
    const timeout = asNumber(prop(context, 'bodyTimeoutMs'));
    const body = await readResponseBody(response, contentType, MAX_BODY_BYTES, timeout !== null && timeout >= 0 ? timeout : BODY_TIMEOUT_MS);
    return rememberSecrets(buildError({ status: statusOf(response), headers, body, contentType, url: asText(inheritedProp(response, 'url')) || null }, ctx), ctx.secrets);
  } catch (error) {
    return normalizeError(error, ctx);
  }
}
