import type { ApiErrorRequest } from './api-error.js';
import type { ApiProfile } from './profile.js';
import { builtInProfiles } from './profiles/index.js';
import { profileMatchesUrl } from './profile.js';
import { attempt, isArray, prop } from './safe.js';

/** What the caller knows about the failed request; every field is optional. */
export interface NormalizeContext {
  request?: ApiErrorRequest;
  /** Force a profile (or name one); otherwise it is inferred from the URL and the body's shape. */
  api?: ApiProfile | string;
  /** Epoch ms, for HTTP-date Retry-After and reset headers. Default `Date.now()`. */
  now?: number;
  /** Extra profiles to infer from, checked before the built-in ones. */
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

/** Reads a context that may itself be junk (throwing getters, proxies); never throws. */
export function readContext(context: unknown): NormalizeContext {
  return attempt(() => readContextUnsafe(context), { now: Date.now() });
}

function readContextUnsafe(context: unknown): NormalizeContext {
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

/** How a profile was chosen: only `forced` and `url` may name a rate-limit window. */
export type ProfileMatch = { profile: ApiProfile; by: 'forced' | 'url' | 'shape' } | null;

/** The profile that owns a failure: the forced one, else by URL, else by the body's shape. */
export function resolveProfile(context: NormalizeContext, url: string | null, body: unknown): ApiProfile | null {
  return matchProfile(context, url, body)?.profile ?? null;
}

/** Like `resolveProfile`, saying how the profile was chosen. Never throws. */
export function matchProfile(context: NormalizeContext, url: string | null, body: unknown): ProfileMatch {
  const candidates = [...(context.profiles ?? []), ...builtInProfiles];
  const forced = context.api;
  if (typeof forced === 'object' && forced !== null) return { profile: forced, by: 'forced' };
  if (typeof forced === 'string') {
    // A name that is no profile's (an origin used as a window key, a typo) cannot force one: infer.
    const named = candidates.find((profile) => attempt(() => profile.name === forced, false));
    if (named) return { profile: named, by: 'forced' };
  }
  const parsed = url ? attempt(() => new URL(url), null) : null;
  if (parsed) {
    const byUrl = candidates.find((profile) => profileMatchesUrl(profile, parsed));
    if (byUrl) return { profile: byUrl, by: 'url' };
  }
  const byShape = candidates.find((profile) => attempt(() => profile.recognize?.(body) === true, false));
  return byShape ? { profile: byShape, by: 'shape' } : null;
}
