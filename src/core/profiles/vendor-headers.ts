// Header dialects that only one vendor's own SDK honours, as opt-in profiles: an app that calls
// OpenAI passes `openAi` in its `profiles` (chosen by host among those given) and pays for its
// rules; every other app does not. The standard families (X-RateLimit-*, RateLimit-*,
// X-Rate-Limit-*, Retry-After in all its forms) are read for every API in `rate-limit-headers.ts`.
import type { HeaderMap } from '../headers.js';
import type { ApiProfile, HeaderContext, HeaderReading } from '../profile.js';
import { clampInstant, leadingNumber, resetToEpochMs } from '../rate-limit-headers.js';
import { parseRfc3339 } from '../rfc3339.js';

/**
 * Paired limits (requests and tokens): the reset of the limit that is spent, the later one when
 * several are; when none says 0, the latest reset. `names` are `[remaining, reset]` header pairs.
 */
function pairedLimits(headers: HeaderMap, { rateLimit }: HeaderContext, names: ReadonlyArray<readonly [string, string]>, readReset: (value: string | undefined) => number | null): HeaderReading {
  let spent: number | null = null;
  let any: number | null = null;
  for (const [remainingName, resetName] of names) {
    const resetAt = readReset(headers.get(resetName));
    if (resetAt === null) continue;
    any = Math.max(any ?? resetAt, resetAt);
    if (leadingNumber(headers.get(remainingName)) === 0) spent = Math.max(spent ?? resetAt, resetAt);
  }
  const resetAt = rateLimit?.resetAt ?? spent ?? any;
  // A spent limit binds even when another has room (OpenAI: requests left, tokens spent): nothing remains.
  const remaining = spent !== null ? 0 : rateLimit?.remaining ?? null;
  const limit = rateLimit?.limit ?? null;
  return { rateLimit: limit === null && remaining === null && resetAt === null ? null : { limit, remaining, resetAt } };
}

/** "6m0s", "1.5s", "250ms", "1h2m" (Go durations, as OpenAI sends them) in milliseconds. */
function parseDuration(value: string): number | null {
  if (value.length > 64) return null;
  const match = /^\s*(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?\s*$/i.exec(value);
  if (!match || match.slice(1).every((part) => part === undefined)) return null;
  const [, h = '0', m = '0', s = '0', ms = '0'] = match;
  return Number(h) * 3_600_000 + Number(m) * 60_000 + Number(s) * 1000 + Number(ms);
}

const OPENAI_PAIRS = [
  ['x-ratelimit-remaining-requests', 'x-ratelimit-reset-requests'],
  ['x-ratelimit-remaining-tokens', 'x-ratelimit-reset-tokens'],
] as const;

/**
 * OpenAI: `x-ratelimit-{limit,remaining,reset}-{requests,tokens}`, resets as Go durations ("6m0s"),
 * (platform.openai.com/docs/guides/rate-limits; the openai SDKs).
 */
export const openAi: ApiProfile = {
  name: 'openai',
  title: 'OpenAI',
  hosts: ['api.openai.com'],
  readHeaders: (headers, context) => {
    const { rateLimit, now } = context;
    // The request family's limit and remaining count when the standard families say nothing.
    const requests = {
      limit: rateLimit?.limit ?? leadingNumber(headers.get('x-ratelimit-limit-requests')),
      remaining: rateLimit?.remaining ?? leadingNumber(headers.get('x-ratelimit-remaining-requests')),
      resetAt: rateLimit?.resetAt ?? null,
    };
    return pairedLimits(headers, { ...context, rateLimit: requests }, OPENAI_PAIRS, (value) => {
      const duration = value === undefined ? null : parseDuration(value);
      return duration === null ? resetToEpochMs(value, now) : clampInstant(now + duration, now);
    });
  },
};

const ANTHROPIC_PAIRS = /* @__PURE__ */ ['requests', 'tokens', 'input-tokens', 'output-tokens'].map((name) => [`anthropic-ratelimit-${name}-remaining`, `anthropic-ratelimit-${name}-reset`] as const);

/**
 * Anthropic: `anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{remaining,reset}`,
 * resets as RFC 3339 instants (docs.anthropic.com, "Rate limits").
 */
export const anthropic: ApiProfile = {
  name: 'anthropic',
  title: 'Anthropic',
  hosts: ['api.anthropic.com'],
  readHeaders: (headers, context) =>
    pairedLimits(headers, context, ANTHROPIC_PAIRS, (value) => {
      const at = value === undefined || value.length > 64 ? null : parseRfc3339(value);
      return at === null ? null : clampInstant(at, context.now);
    }),
};

/**
 * GitHub: a secondary limit that names no wait means "wait for at least one minute before
 * retrying" (docs.github.com, REST API rate limits). Its spent primary limit (a 403 with
 * `x-ratelimit-remaining: 0`) is read for every API by the standard rules.
 */
export const gitHub: ApiProfile = {
  name: 'github',
  title: 'GitHub',
  hosts: ['api.github.com'],
  readHeaders: (_headers, { message }) => ({ defaultWaitMs: /secondary rate limit/i.test(message ?? '') ? 60_000 : null }),
};

/**
 * Discord: `X-RateLimit-Reset-After` is always seconds from now, whatever its size; a reset
 * instant (`X-RateLimit-Reset`) wins when both are sent (discord.com/developers/docs/topics/rate-limits).
 */
export const discord: ApiProfile = {
  name: 'discord',
  title: 'Discord',
  hosts: ['discord.com', 'discordapp.com'],
  readHeaders: (headers, { rateLimit, now }) => {
    const seconds = leadingNumber(headers.get('x-ratelimit-reset-after'));
    if (seconds === null) return {};
    const resetAt = resetToEpochMs(headers.get('x-ratelimit-reset'), now) ?? clampInstant(now + seconds * 1000, now);
    return { rateLimit: { limit: rateLimit?.limit ?? null, remaining: rateLimit?.remaining ?? null, resetAt } };
  },
};

/** The four vendor header dialects together. */
export const vendorHeaderProfiles: readonly ApiProfile[] = [openAi, anthropic, gitHub, discord];
