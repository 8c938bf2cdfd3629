import { ApiError } from './api-error.js';
import { bodySignalsError } from './body-fields.js';
import { buildError } from './build-error.js';
import { delay } from './delay.js';
import type { NormalizeContext } from './context.js';
import { credentialSecrets } from './credential-headers.js';
import { resolveProfile } from './profile-match.js';
import { toHeaderMap } from './headers.js';
import { KINDS } from './kinds.js';
import { errorFromResponse, normalizeError } from './normalize.js';
import type { ApiProfile } from './profile.js';
import { parseBodyText } from './read-body.js';
import { attempt } from './safe.js';
import { IDEMPOTENT_METHODS, createRetryPolicy, type RetryOptions } from './retry-policy.js';

/** How the client authenticates; the token is read before every attempt, so a refreshed one is used. */
export interface ApiClientAuth {
  getToken: () => string | null | Promise<string | null>;
  /** `bearer` (default) sends `Authorization: Bearer …`; `x-api-key` sends `x-api-key: …`. */
  scheme?: 'bearer' | 'x-api-key';
}

export interface ApiClientOptions {
  baseUrl: string;
  api?: ApiProfile;
  auth?: ApiClientAuth;
  /** Per attempt; 0 disables. Default 15000. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Headers sent with every request. */
  headers?: HeadersInit;
  /**
   * Retries done by the client itself, keeping one Idempotency-Key across them. Off by default:
   * with React Query, its `retry` (faultline's policy) already retries, and two layers would multiply.
   */
  retry?: RetryOptions | false;
  /** Sees every response before it is read (e.g. to track `X-RateLimit-Remaining`). */
  onResponse?: (response: Response, request: { method: string; url: string }) => void;
  /** Responses kept for ETag revalidation. Default 100. */
  etagCacheSize?: number;
}

/** `fetch`'s init plus an Idempotency-Key (`true` makes one) and a per-call timeout. */
export interface ApiRequestInit extends RequestInit {
  idempotencyKey?: string | true;
  timeoutMs?: number;
}

export interface ApiClient {
  /** The base URL as given (`'https://api.example.com/v1'` or a path on the page's origin, `'/api'`). */
  readonly baseUrl: string;
  /** The profile its errors are read with, if one was given. */
  readonly api: ApiProfile | null;
  /** The origin its requests go to: a relative baseUrl resolved against the page; null on a server. */
  origin(): string | null;
  request<T>(path: string, init?: ApiRequestInit): Promise<T>;
  get<T>(path: string, init?: ApiRequestInit): Promise<T>;
  post<T>(path: string, body?: unknown, init?: ApiRequestInit): Promise<T>;
  put<T>(path: string, body?: unknown, init?: ApiRequestInit): Promise<T>;
  delete<T>(path: string, init?: ApiRequestInit): Promise<T>;
}

function joinUrl(baseUrl: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The page's origin, or null where there is no page (a server, a worker without `location`). */
function pageOrigin(): string | null {
  try {
    const origin = typeof location === 'undefined' ? null : location.origin;
    return origin && origin !== 'null' ? origin : null;
  } catch {
    return null;
  }
}

/**
 * Checks a baseUrl once, when the client is created: an absolute http(s) URL, or a path starting
 * with '/' that each request resolves against the page's origin (as fetch itself would). Anything
 * else ('api.example.com', 'ftp://…') would be fetched as a path of the page, so it is refused now.
 */
function checkBaseUrl(baseUrl: unknown): { relative: boolean } {
  if (typeof baseUrl === 'string' && baseUrl.startsWith('/')) return { relative: true };
  const protocol = attempt(() => (typeof baseUrl === 'string' ? new URL(baseUrl).protocol : null), null);
  if (protocol === 'http:' || protocol === 'https:') return { relative: false };
  throw new TypeError(
    `createApiClient: baseUrl ${JSON.stringify(String(baseUrl).slice(0, 100))} is not a URL. Use an absolute http(s) URL ('https://api.example.com') or a path on the page's origin ('/api').`,
  );
}

/** A body that fetch sends as it is; anything else is sent as JSON. */
function isRawBody(body: unknown): body is BodyInit {
  return (
    typeof body === 'string' ||
    (typeof FormData !== 'undefined' && body instanceof FormData) ||
    (typeof Blob !== 'undefined' && body instanceof Blob) ||
    (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams) ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream)
  );
}

function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * The token for one attempt. A `getToken` that throws or rejects (a refresh that failed, a wallet
 * that is gone) is an `unauthorized` ApiError like any other failure of the client.
 */
async function readToken(auth: ApiClientAuth | undefined, request: { method: string; url: string }): Promise<string | null> {
  if (!auth) return null;
  try {
    const token = await auth.getToken();
    return typeof token === 'string' && token !== '' ? token : null;
  } catch (error) {
    throw new ApiError({ kind: 'unauthorized', message: 'Could not get an access token', request, recovery: 'reauthenticate', cause: error });
  }
}

/**
 * `new Headers(init)`, failing as an ApiError that does not quote the value: `Headers` refuses a
 * value with a control character in a TypeError that quotes it, and header values are often keys.
 */
function toHeaders(init: HeadersInit | undefined, request: { method: string; url: string }): Headers {
  try {
    return new Headers(init);
  } catch {
    throw new ApiError({ kind: 'validation', message: 'A request header is not a valid header name or value', request, recovery: 'fix-request', cause: new TypeError('Invalid header') });
  }
}

/** Whether the API's profile says this 2xx body reports a failure (an async job that failed). */
function profileSaysFailed(url: string, body: unknown, context: NormalizeContext): boolean {
  try {
    const profile = resolveProfile(context, url, body);
    return (profile?.isFailedBody ?? profile?.failedBody)?.(body) === true;
  } catch {
    return false;
  }
}

/** A small fetch client whose every failure is an ApiError: auth, timeout, idempotency keys, ETag. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const { relative } = checkBaseUrl(options.baseUrl);
  // A relative base is resolved per request: the page's origin is known only in a browser.
  const absoluteBase = (): string | null => {
    if (!relative) return options.baseUrl;
    const origin = pageOrigin();
    return origin === null ? null : new URL(options.baseUrl, origin).href;
  };
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const defaultTimeout = options.timeoutMs ?? 15_000;
  const etags = new Map<string, { etag: string; body: unknown }>();
  const etagCacheSize = options.etagCacheSize ?? 100;
  // Keys the client sends with every request are secrets like the token: a server may echo them.
  const clientSecrets = credentialSecrets(options.headers);

  async function send(url: string, init: ApiRequestInit, method: string, idempotencyKey: string | null, secrets: string[]): Promise<unknown> {
    const headers = toHeaders(options.headers, { method, url });
    toHeaders(init.headers, { method, url }).forEach((value, name) => headers.set(name, value));
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    if (idempotencyKey) headers.set('idempotency-key', idempotencyKey);
    const token = await readToken(options.auth, { method, url });
    const cached = method === 'GET' ? etags.get(url) : undefined;
    if (cached && !headers.has('if-none-match')) headers.set('if-none-match', cached.etag);

    if (token) {
      try {
        if (options.auth?.scheme === 'x-api-key') headers.set('x-api-key', token);
        else headers.set('authorization', `Bearer ${token}`);
      } catch {
        // `Headers` refuses a value with a control character, in a TypeError that quotes it.
        throw new ApiError({
          kind: 'unauthorized',
          message: 'The access token cannot be sent: it is not a valid header value',
          request: { method, url },
          recovery: 'reauthenticate',
          cause: new TypeError('Invalid header value for the access token'),
        });
      }
    }

    const context: NormalizeContext = {
      request: { method, url, idempotencyKey },
      ...(options.api ? { api: options.api } : {}),
      secrets: token ? [...secrets, token] : secrets,
    };

    // The caller's signal and our timeout, told apart: a timeout is `timeout`, a cancel is `aborted`.
    const timeoutMs = init.timeoutMs ?? defaultTimeout;
    const controller = new AbortController();
    let timedOut = false;
    const onCallerAbort = () => controller.abort(init.signal?.reason);
    if (init.signal?.aborted) onCallerAbort();
    init.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const timer = timeoutMs > 0 && Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs)
      : undefined;

    try {
      let response: Response;
      try {
        response = await doFetch(url, { ...init, method, headers, signal: controller.signal });
      } catch (error) {
        throw normalizeError(error, context);
      }
      options.onResponse?.(response, { method, url });
      if (response.status === 304 && cached) return cached.body;
      if (!response.ok) throw await errorFromResponse(response, context);
      if (response.status === 204 || response.status === 205 || method === 'HEAD') return undefined;

      const contentType = response.headers.get('content-type');
      // A success is the caller's data, whole: the size cap is for error bodies only.
      const body = parseBodyText(await response.text(), contentType, Infinity);
      if (bodySignalsError(body) || profileSaysFailed(url, body, context)) {
        throw buildError({ status: response.status, headers: toHeaderMap(response.headers), body, contentType, url: response.url || null }, context);
      }
      const etag = response.headers.get('etag');
      if (method === 'GET' && etag) {
        etags.delete(url);
        etags.set(url, { etag, body });
        // Oldest first in a Map: drop from the front to stay bounded.
        if (etags.size > etagCacheSize) etags.delete(etags.keys().next().value as string);
      }
      return body;
    } catch (error) {
      if (timedOut) {
        throw new ApiError({ kind: 'timeout', message: `No response within ${timeoutMs} ms`, retryable: true, request: context.request ?? null, recovery: 'retry', cause: error });
      }
      throw error instanceof ApiError ? error : normalizeError(error, context);
    } finally {
      clearTimeout(timer);
      init.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  async function request<T>(path: string, init: ApiRequestInit = {}): Promise<T> {
    const method = (init.method ?? 'GET').toUpperCase();
    const base = absoluteBase();
    if (base === null) {
      throw new ApiError({
        kind: 'validation',
        message: `faultline: baseUrl '${options.baseUrl}' is relative and there is no page to resolve it against (this runs on a server). Give this client an absolute baseUrl here.`,
        request: { method, url: joinUrl(options.baseUrl, path) },
        recovery: 'fix-request',
      });
    }
    const url = joinUrl(base, path);
    // One key for the logical request: every retry below sends the same one.
    const idempotencyKey = init.idempotencyKey === true ? newIdempotencyKey() : init.idempotencyKey ?? null;
    const policy = options.retry ? createRetryPolicy({ ...options.retry, mutation: !IDEMPOTENT_METHODS.has(method) }) : null;
    const secrets = [...clientSecrets, ...credentialSecrets(init.headers)];
    for (let failures = 0; ; failures += 1) {
      try {
        return (await send(url, init, method, idempotencyKey, secrets)) as T;
      } catch (error) {
        // Whatever went wrong before the request was sent (a header fetch refuses) is an ApiError too.
        const apiError = error instanceof ApiError ? error : normalizeError(error, { request: { method, url }, secrets });
        if (!policy || !policy.retry(failures, apiError)) throw apiError;
        try {
          await delay(policy.retryDelay(failures, apiError), init.signal);
        } catch (reason) {
          throw new ApiError({ kind: 'aborted', message: KINDS.aborted.message!, request: { method, url }, cause: reason });
        }
      }
    }
  }

  const withBody = (method: string) => async <T>(path: string, body?: unknown, init: ApiRequestInit = {}): Promise<T> => {
    if (body === undefined) return request<T>(path, { ...init, method });
    const headers = toHeaders(init.headers, { method, url: joinUrl(options.baseUrl, path) });
    if (!isRawBody(body) && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return request<T>(path, { ...init, method, headers, body: isRawBody(body) ? body : JSON.stringify(body) });
  };

  return {
    baseUrl: options.baseUrl,
    api: options.api ?? null,
    origin: () => {
      const base = absoluteBase();
      return base === null ? null : new URL(base).origin;
    },
    request,
    get: (path, init = {}) => request(path, { ...init, method: 'GET' }),
    post: withBody('POST'),
    put: withBody('PUT'),
    delete: (path, init = {}) => request(path, { ...init, method: 'DELETE' }),
  };
}
