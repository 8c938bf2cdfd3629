import type { NormalizeContext } from './context.js';
import { profileMatchesUrl, type ApiProfile } from './profile.js';
import { attempt } from './safe.js';

/** How a profile was chosen: only `forced` and `url` may name a rate-limit window. */
export type ProfileMatch = { profile: ApiProfile; by: 'forced' | 'url' | 'shape' } | null;

/** The profile that owns a failure: the forced one, else by URL, else by the body's shape. */
export function resolveProfile(context: NormalizeContext, url: string | null, body: unknown): ApiProfile | null {
  return matchProfile(context, url, body)?.profile ?? null;
}

/** Like `resolveProfile`, saying how the profile was chosen. Never throws. */
export function matchProfile(context: NormalizeContext, url: string | null, body: unknown): ProfileMatch {
  // Opt-in: only the profiles the caller gave (contract revision 2); no API is known by default.
  const candidates = context.profiles ?? [];
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
