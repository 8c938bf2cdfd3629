import type { ErrorKind } from './kinds.js';
import { clampWait } from './retry-after.js';
import { asNumber, asText, firstProp, isArray, isRecord, prop, type Dict } from './safe.js';

/** What can be read out of an error body; every field is optional and untrusted until built. */
export interface BodyFields {
  code?: string | null;
  message?: string | null;
  param?: string | null;
  docUrl?: string | null;
  requestId?: string | null;
  details?: unknown;
  retryAfterMs?: number | null;
  /** A quota the body states (`"limit": 60`). */
  limit?: number | null;
  /** A status the body states (`statusCode`, problem+json `status`), for errors that arrive without a Response. */
  status?: number | null;
  /** What the body's own vocabulary implies (a GraphQL or JSON-RPC code), below the HTTP status. */
  kindHint?: ErrorKind | null;
}

const MESSAGE_KEYS = ['message', 'msg', 'detail', 'error_description', 'errorMessage', 'description', 'title', 'reason'];
const CODE_KEYS = ['code', 'error_code', 'errorCode', 'type', 'reason', 'status'];
const PARAM_KEYS = ['param', 'field', 'parameter', 'property'];
const DOC_KEYS = ['doc_url', 'docUrl', 'documentation_url', 'help_url', 'helpUrl', 'more_info', 'link'];
const REQUEST_ID_KEYS = ['request_id', 'requestId', 'requestID', 'trace_id', 'traceId', 'correlation_id', 'correlationId'];
// Keys a flat body uses for itself; whatever else it carries is context (echoed fields) for `details`.
const ENVELOPE_KEYS = new Set([
  'error', 'errors', 'message', 'msg', 'code', 'error_code', 'errorCode', 'statusCode', 'status', 'detail', 'title',
  'type', 'instance', 'details', 'error_description', 'ok', 'success', 'meta', 'request_id', 'requestId',
  'retry_after', 'retryAfter', 'retryAfterSeconds', 'retry_after_ms', 'retryAfterMs', 'timestamp', 'path', 'jsonrpc', 'id',
]);
const MAX_DETAIL_KEYS = 50;

/** A message from a string or an array of strings (NestJS sends `message: ["a must be…", …]`). */
function messageFrom(value: unknown): string | null {
  if (isArray(value)) {
    const parts = value.slice(0, 10).map(asText).filter((part): part is string => Boolean(part));
    return parts.length ? parts.join('; ') : null;
  }
  return asText(value);
}

/** A machine-readable code: a string identifier is preferred over a bare number (Google sends both). */
function codeFrom(source: unknown): string | null {
  let numeric: string | null = null;
  for (const key of CODE_KEYS) {
    const value = prop(source, key);
    if (typeof value === 'string' && value.trim() !== '' && value !== 'about:blank') return asText(value);
    if (numeric === null && typeof value === 'number' && Number.isFinite(value) && key === 'code') numeric = String(value);
  }
  return numeric;
}

/** Retry hints that bodies carry: seconds under most names, milliseconds where the name says so. */
export function retryAfterFromBody(source: unknown): number | null {
  const ms = asNumber(firstProp(source, ['retry_after_ms', 'retryAfterMs']));
  if (ms !== null && ms >= 0) return clampWait(ms);
  const seconds = asNumber(firstProp(source, ['retryAfterSeconds', 'retry_after', 'retryAfter', 'retry_after_seconds']));
  return seconds !== null && seconds >= 0 ? clampWait(seconds * 1000) : null;
}

function extras(body: Dict): Dict | undefined {
  let out: Dict | undefined;
  let count = 0;
  for (const key of Object.keys(body)) {
    if (ENVELOPE_KEYS.has(key) || count >= MAX_DETAIL_KEYS) continue;
    out ??= {};
    Object.defineProperty(out, key, { value: prop(body, key), enumerable: true, writable: true, configurable: true });
    count += 1;
  }
  return out;
}

// JSON-RPC 2.0 reserved codes, EIP-1193 / EIP-1474 provider codes and common node extensions.
const JSON_RPC_KINDS: Record<string, ErrorKind> = {
  '-32700': 'validation', '-32600': 'validation', '-32602': 'validation', '-32601': 'not_found',
  '-32603': 'server', '-32005': 'rate_limited', '-32004': 'validation', '-32002': 'unavailable',
  '4001': 'aborted', '4100': 'unauthorized', '4200': 'validation', '4900': 'network', '4901': 'network',
  '429': 'rate_limited',
};

// Codes whose meaning is the same across APIs (gRPC statuses, GraphQL, OAuth, common REST names),
// compared in lower case without separators.
const CODE_KINDS: Record<string, ErrorKind> = {
  unauthorized: 'unauthorized', unauthenticated: 'unauthorized', invalidtoken: 'unauthorized', tokenexpired: 'unauthorized',
  expiredtoken: 'unauthorized', sessionexpired: 'unauthorized', authenticationrequired: 'unauthorized', invalidapikey: 'unauthorized',
  forbidden: 'forbidden', permissiondenied: 'forbidden', accessdenied: 'forbidden', insufficientscope: 'forbidden',
  notfound: 'not_found', resourcenotfound: 'not_found',
  badrequest: 'validation', invalidrequest: 'validation', validationerror: 'validation', invalidargument: 'validation',
  baduserinput: 'validation', graphqlvalidationfailed: 'validation', graphqlparsefailed: 'validation', invalidparams: 'validation', unprocessableentity: 'validation',
  conflict: 'conflict', alreadyexists: 'conflict', insufficientfunds: 'conflict', insufficientbalance: 'conflict',
  ratelimited: 'rate_limited', ratelimitexceeded: 'rate_limited', toomanyrequests: 'rate_limited', resourceexhausted: 'rate_limited',
  throttled: 'rate_limited', quotaexceeded: 'rate_limited',
  internal: 'server', internalerror: 'server', internalservererror: 'server', servererror: 'server',
  unavailable: 'unavailable', serviceunavailable: 'unavailable',
  deadlineexceeded: 'timeout', timeout: 'timeout', gatewaytimeout: 'timeout',
  paymentrequired: 'payment_required', gone: 'gone', payloadtoolarge: 'payload_too_large', requestentitytoolarge: 'payload_too_large',
};

/** `table[key]` when it is the table's own entry: `constructor` or `__proto__` find nothing. */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** The kind a code means wherever it comes from, or null when the code is the API's own. */
export function kindFromCode(code: string | null): ErrorKind | null {
  if (code === null || code.length > 200) return null;
  return own(JSON_RPC_KINDS, code) ?? own(CODE_KINDS, code.toLowerCase().replace(/[^a-z]/g, '')) ?? null;
}

/** The member a JSON Pointer (RFC 6901, also as a `#/…` fragment) ends at: `#/items/0/age` → `age`. */
function lastPointerSegment(pointer: unknown): string | null {
  const text = asText(pointer);
  if (!text) return null;
  const segment = text.slice(0, 1024).split('/').filter((part) => part !== '' && part !== '#').pop();
  return segment === undefined ? null : segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

const GOOGLE_RETRY_INFO = 'type.googleapis.com/google.rpc.RetryInfo';
const GOOGLE_HELP = 'type.googleapis.com/google.rpc.Help';

/**
 * Google's error `details` (google.rpc, AIP-193): `RetryInfo.retryDelay` is a protobuf Duration in
 * JSON ("30s", "1.5s"); `Help.links[].url` points at documentation.
 */
function googleDetails(details: unknown): { retryAfterMs: number | null; docUrl: string | null } {
  let retryAfterMs: number | null = null;
  let docUrl: string | null = null;
  if (!isArray(details)) return { retryAfterMs, docUrl };
  for (const detail of details.slice(0, 20)) {
    const type = prop(detail, '@type');
    if (type === GOOGLE_RETRY_INFO && retryAfterMs === null) {
      const delay = /^(\d{1,12}(?:\.\d{1,9})?)s$/.exec(asText(prop(detail, 'retryDelay'))?.trim() ?? '');
      if (delay) retryAfterMs = clampWait(Number(delay[1]) * 1000);
    } else if (type === GOOGLE_HELP && docUrl === null) {
      const links = prop(detail, 'links');
      docUrl = isArray(links) ? asText(prop(links[0], 'url')) : null;
    }
  }
  return { retryAfterMs, docUrl };
}

/** Reads an item of an `errors` array: GraphQL (`message`, `extensions.code`, `path`) or JSON:API. */
function readErrorItem(item: unknown): BodyFields {
  const extensions = prop(item, 'extensions');
  const source = prop(item, 'source');
  const path = prop(item, 'path');
  return {
    code: codeFrom(extensions) ?? codeFrom(item),
    message: messageFrom(firstProp(item, ['message', 'detail', 'title'])),
    param:
      asText(firstProp(item, PARAM_KEYS)) ??
      asText(prop(source, 'parameter')) ??
      // RFC 9457 §3 extension members name the offending field with a JSON Pointer.
      lastPointerSegment(prop(item, 'pointer')) ??
      lastPointerSegment(prop(source, 'pointer')) ??
      (isArray(path) ? path.map(asText).filter(Boolean).join('.') || null : null),
  };
}

/**
 * Reads any error body by the conventions most APIs follow: a nested or flat `error`, `message`,
 * `code`, `reason`; RFC 9457 problem details; GraphQL and JSON:API `errors` arrays; JSON-RPC errors.
 * One reading over the container the fields live in (the nested `error`, else the body), with the
 * few places where a convention differs written where they differ.
 */
export function readBodyFields(body: unknown, contentType: string | null = null): BodyFields {
  if (isArray(body)) return body.length ? readErrorItem(body[0]) : {};
  if (!isRecord(body)) return {};
  const error = prop(body, 'error');
  const errors = prop(body, 'errors');
  const type = asText(prop(body, 'type'));
  const statusInBody = asNumber(firstProp(body, ['statusCode', 'status']));
  // Nested: { error: { code, message, param, doc_url, details } } and JSON-RPC { error: { code: -32005, … } }.
  const nested = isRecord(error);
  const source = nested ? error : body;
  // RFC 9457: `type` identifies the problem (a URI; "about:blank" means "see the status"), also
  // when an `errors` array (§3, extension members) lists each problem with a `pointer`. Served as
  // `application/problem+json` (§3) a body is a problem whatever members it has (`type` alone).
  const problem = error === undefined && (/problem\+json/i.test(`${contentType}`) || prop(body, 'title') !== undefined || prop(body, 'detail') !== undefined || (type !== null && prop(body, 'instance') !== undefined));
  const first = isArray(errors) && errors.length > 0 ? readErrorItem(errors[0]) : null;
  // GraphQL and JSON:API: the first item of a non-empty `errors` array speaks for the body.
  const listed = !nested && !problem ? first : null;
  // A problem's `errors` items only fill what its own members leave out.
  const item = problem ? first : null;
  const google = nested ? googleDetails(prop(error, 'details')) : null;
  // Flat: { error: "…", code, message, … } and { ok: false, error: "…" }. `error` is a code when it
  // reads like one ("invalid_token", "PAYLOAD_TOO_LARGE"), not like prose.
  const errorText = nested ? null : messageFrom(error);
  const ownCode = asText(firstProp(body, ['code', 'error_code', 'errorCode']));
  const errorIsCode = ownCode === null && errorText !== null && /^[A-Za-z][\w.:-]*$/.test(errorText) && /[_A-Z]/.test(errorText.slice(1));
  const rpcCode = nested && typeof prop(error, 'code') === 'number' ? asText(prop(error, 'code')) : null;
  const code = nested
    ? codeFrom(error)
    : listed
      ? listed.code ?? null
      : problem
        ? asText(prop(body, 'code')) ?? (type && type !== 'about:blank' ? type : null)
        : ownCode ?? (errorIsCode ? errorText : null);
  const invalidParams = prop(body, 'invalid-params') ?? prop(body, 'invalid_params');
  return {
    requestId: asText(firstProp(prop(body, 'meta'), REQUEST_ID_KEYS) ?? firstProp(body, REQUEST_ID_KEYS) ?? firstProp(error, REQUEST_ID_KEYS)),
    retryAfterMs: retryAfterFromBody(body) ?? retryAfterFromBody(error) ?? google?.retryAfterMs ?? null,
    limit: asNumber(prop(body, 'limit')),
    status: statusInBody !== null && statusInBody >= 100 && statusInBody <= 599 ? Math.trunc(statusInBody) : null,
    code,
    message: listed
      ? listed.message
      : messageFrom(firstProp(source, problem ? ['detail', 'title', 'message'] : MESSAGE_KEYS)) ??
        (nested ? messageFrom(prop(error, 'details')) : item?.message ?? (errorIsCode ? null : errorText)),
    param: listed
      ? listed.param
      : problem && isArray(invalidParams)
        ? asText(prop(invalidParams[0], 'name'))
        : asText(firstProp(source, PARAM_KEYS)) ?? item?.param ?? null,
    docUrl: listed ? undefined : problem ? type : asText(firstProp(source, DOC_KEYS)) ?? google?.docUrl ?? null,
    details: nested ? firstProp(error, ['details', 'data', 'errors', 'metadata']) : listed ? (errors as unknown[]).length > 1 ? (errors as unknown[]).slice(0, 20) : prop(body, 'data') ?? undefined : problemOrFlatDetails(body, item ? (errors as unknown[]) : null, problem),
    kindHint: (rpcCode !== null ? own(JSON_RPC_KINDS, rpcCode) : undefined) ?? kindFromCode(code),
  };
}

/** A problem's or flat body's own extra members (echoed context), with its `errors` or `details` beside them. */
function problemOrFlatDetails(body: Dict, errors: unknown[] | null, problem: boolean): unknown {
  const context = extras(body);
  if (problem) return errors ? { ...context, errors: errors.slice(0, 20) } : context;
  const explicit = prop(body, 'details');
  return context === undefined ? explicit : explicit === undefined ? context : { ...context, details: explicit };
}

/** A 2xx body that is an error all the same: GraphQL `errors` with no data, or `{ ok: false }`. */
export function bodySignalsError(body: unknown): boolean {
  if (!isRecord(body)) return false;
  if (prop(body, 'ok') === false || prop(body, 'success') === false) return true;
  const errors = prop(body, 'errors');
  const data = prop(body, 'data');
  return isArray(errors) && errors.length > 0 && (data === undefined || data === null);
}
