import type { ApiErrorRequest } from './api-error.js';
import type { ApiProfile } from './profile.js';
import { attempt, isArray, prop } from './safe.js';

/** What the caller knows about the failed request; every field is optional. */
export interface NormalizeContext {
  request?: ApiErrorRequest;
  /** Force a profile, or name one of `profiles`; otherwise one of `profiles` is chosen by the URL, else the body's shape. */
  api?: ApiProfile | string;
  /** Epoch ms, for HTTP-date Retry-After and reset headers. Default `Date.now()`. */
  now?: number;
  /**
   * The profiles to read with (opt-in: `builtInProfiles` for the five seed APIs, `chainProfiles`…).
   * The general conventions (RFC 9457, Google, JSON:API, GraphQL, JSON-RPC, HTML pages, wallet
   * rejections) are always read; no API's own rules are, unless its profile is given here or forced.
   */
  profiles?: readonly ApiProfile[];
  /** Strings never to show (the token the request carried); they are redacted from messages. */
  secrets?: readonly string[];
  /** `errorFromResponse` only: how long the body may take to arrive before what came is read. Default 10000. */
  bodyTimeoutMs?: number;
}

/** Copies a list the caller gave, item by item, keeping what `keep` accepts; junk gives []. */
function listOf<T>(value: unknown, keep: (item: unknown) => item is T, max = 64): T[] {
  return attempt(() => {
    if (!isArray(value)) return [];
    const out: T[] = [];
    for (let i = 0; i < Math.min(value.length, max); i += 1) {
      const item = attempt(() => value[i], undefined);
      if (keep(item)) out.push(item);
    }
    return out;
  }, []);
}

const isProfile = (value: unknown): value is ApiProfile => typeof prop(value, 'name') === 'string' || typeof attempt(() => (value as ApiProfile).name, undefined) === 'string';
const isSecret = (value: unknown): value is string => typeof value === 'string' && value.length <= 8192;

/**
 * Reads a context that may itself be junk (throwing getters, proxies); never throws: every read goes
 * through `prop` or `listOf`, which cannot.
 */
export function readContext(context: unknown): NormalizeContext {
  const now = prop(context, 'now');
  const request = prop(context, 'request');
  const method = prop(request, 'method');
  const url = prop(request, 'url');
  const idempotencyKey = prop(request, 'idempotencyKey');
  const profiles = prop(context, 'profiles');
  const secrets = prop(context, 'secrets');
  const api = prop(context, 'api');
  return {
    now: typeof now === 'number' && Number.isFinite(now) ? now : Date.now(),
    request:
      typeof url === 'string'
        ? {
            method: typeof method === 'string' ? method.slice(0, 20).toUpperCase() : 'GET',
            url: url.slice(0, 8192),
            ...(typeof idempotencyKey === 'string' ? { idempotencyKey } : {}),
          }
        : undefined,
    api: typeof api === 'string' || (api !== null && typeof api === 'object' && isProfile(api)) ? (api as NormalizeContext['api']) : undefined,
    profiles: profiles === undefined ? undefined : listOf(profiles, isProfile),
    secrets: secrets === undefined ? undefined : listOf(secrets, isSecret),
  };
}
