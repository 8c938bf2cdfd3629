import type { ApiErrorRequest } from './api-error.js';
import type { ApiProfile } from './profile.js';
import { builtInProfiles } from './profiles/index.js';
import { profileMatchesUrl } from './profile.js';
import { attempt, prop } from './safe.js';

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
}

/** Reads a context that may itself be junk; never throws. */
export function readContext(context: unknown): NormalizeContext {
  const now = prop(context, 'now');
  const request = prop(context, 'request');
  const method = prop(request, 'method');
  const url = prop(request, 'url');
  const idempotencyKey = prop(request, 'idempotencyKey');
  const profiles = prop(context, 'profiles');
  const secrets = prop(context, 'secrets');
  return {
    now: typeof now === 'number' && Number.isFinite(now) ? now : Date.now(),
    request:
      typeof url === 'string'
        ? {
            method: typeof method === 'string' ? method.toUpperCase() : 'GET',
            url,
            ...(typeof idempotencyKey === 'string' ? { idempotencyKey } : {}),
          }
        : undefined,
    api: prop(context, 'api') as NormalizeContext['api'],
    profiles: Array.isArray(profiles) ? (profiles as ApiProfile[]) : undefined,
    secrets: Array.isArray(secrets) ? secrets.filter((s): s is string => typeof s === 'string') : undefined,
  };
}

/** The profile that owns a failure: the forced one, else by URL, else by the body's shape. */
export function resolveProfile(context: NormalizeContext, url: string | null, body: unknown): ApiProfile | null {
  const candidates = [...(context.profiles ?? []), ...builtInProfiles];
  const forced = context.api;
  if (typeof forced === 'object' && forced !== null) return forced;
  if (typeof forced === 'string') {
    // A name that is no profile's (an origin used as a window key, a typo) cannot force one: infer.
    const named = candidates.find((profile) => profile.name === forced);
    if (named) return named;
  }
  const parsed = url ? attempt(() => new URL(url), null) : null;
  if (parsed) {
    const byUrl = candidates.find((profile) => profileMatchesUrl(profile, parsed));
    if (byUrl) return byUrl;
  }
  return candidates.find((profile) => attempt(() => profile.recognize?.(body) === true, false)) ?? null;
}
