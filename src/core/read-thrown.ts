import type { ApiError } from './api-error.js';
import { buildError } from './build-error.js';
import type { NormalizeContext } from './context.js';
import { toHeaderMap } from './headers.js';
import type { ApiProfile } from './profile.js';
import { asNumber, asText, attempt, isRecord } from './safe.js';

/**
 * A thrown value read by the first of the caller's profiles that knows it (wallet and chain SDK
 * errors have no Response to read): the forced profile first, then `context.profiles` in order.
 * Null when none claims it, so the general reading goes on.
 */
export function errorFromProfiles(input: unknown, context: NormalizeContext): ApiError | null {
  // `api` may also be a profile's name or missing: a string or undefined has no reader and is skipped.
  for (const profile of [context.api as ApiProfile | undefined, ...(context.profiles ?? [])]) {
    if (typeof profile?.readThrown !== 'function') continue;
    const reading = attempt(() => profile.readThrown!(input), null);
    if (!isRecord(reading)) continue;
    const status = asNumber(reading.status);
    const url = asText(reading.url);
    return buildError(
      {
        status: status !== null && Number.isInteger(status) && status >= 100 && status <= 599 ? status : null,
        headers: toHeaderMap(reading.headers),
        body: reading.body,
        contentType: null,
        url,
        cause: input,
      },
      { ...context, api: profile, request: context.request ?? (url ? { method: 'POST', url } : undefined) },
    );
  }
  return null;
}
