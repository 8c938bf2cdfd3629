import type { HeaderMap } from './headers.js';
import { parseHttpDate } from './http-date.js';
import { MAX_WAIT_MS } from './retry-after.js';

/** What an API said about its rate limit. `resetAt` is epoch milliseconds. */
export interface RateLimitInfo {
  limit: number | null;
  remaining: number | null;
  resetAt: number | null;
}

// Header families seen in the wild, most specific first: X-RateLimit-* (GitHub, pump.fun, the
// solana swap API), RateLimit-* (IETF draft 6), X-Rate-Limit-* (Twitter). Families only one
// vendor's SDK reads (OpenAI, Anthropic, Discord) are opt-in profiles: see `vendor-headers.ts`.
const FAMILIES = ['x-ratelimit-', 'ratelimit-', 'x-rate-limit-'];

/**
 * The leading non-negative number of a header value ("100", "100, 100;w=60", "12.5"); null when
 * the digits run into letters ("5s" is a duration, not a number). Linear: the run of digits and
 * dots is read once and the character after it decides.
 */
export function leadingNumber(value: string | undefined): number | null {
  if (value === undefined) return null;
  const run = /^\s*[\d.]*/.exec(value)![0];
  if (/[a-z]/i.test(value.charAt(run.length))) return null;
  const match = /^\s*(\d+(?:\.\d+)?)/.exec(run);
  if (!match) return null;
  const parsed = Number(match[1]);
  return Number.isFinite(parsed) ? parsed : null;
}

/**
 * A reset value to an epoch-ms instant. APIs send it as epoch seconds (GitHub, the solana swap API),
 * epoch milliseconds, seconds from now (IETF drafts) or an HTTP-date; the form tells which (Go
 * durations are OpenAI's: see its opt-in profile). The result is clamped to at most a day from now; garbage and
 * negatives give null.
 */
export function resetToEpochMs(value: string | number | undefined | null, now: number): number | null {
  if (value === undefined || value === null) return null;
  const text = String(value).trim();
  if (text === '' || text.length > 64) return null;
  let at: number | null;
  if (/^\d+(\.\d+)?$/.test(text)) {
    const number = Number(text);
    if (number > 1e12) at = number; // epoch milliseconds
    else if (number > 1e9) at = number * 1000; // epoch seconds
    else at = now + number * 1000; // seconds from now
  } else {
    at = parseHttpDate(text, now);
  }
  return at === null ? null : clampInstant(at, now);
}

/** An instant no earlier than now and no later than a day from now; null when not finite. */
export function clampInstant(at: number, now: number): number | null {
  return Number.isFinite(at) ? Math.round(Math.min(Math.max(at, now), now + MAX_WAIT_MS)) : null;
}

/**
 * One member of a structured-field list as its parameters (`"burst";r=0;t=30`: r and t), its bare
 * name (`"burst"`) under ''. A draft 3–7 member (`limit=100`) is a parameter with no name.
 */
type Member = Map<string, string>;

const unquote = (text: string) => text.trim().replace(/^"([^"]*)"$/, '$1');

/** The members of a list field (RFC 9651 lists, read leniently), at most 16 of 16 parts each. */
function listMembers(value: string | undefined): Member[] {
  if (!value) return [];
  return value.split(',', 16).map((member) => {
    const params: Member = new Map();
    for (const part of member.split(';', 16)) {
      const eq = part.indexOf('=');
      const key = eq === -1 ? '' : part.slice(0, eq).trim().toLowerCase();
      if (!params.has(key)) params.set(key, unquote(eq === -1 ? part : part.slice(eq + 1)));
    }
    return params;
  });
}

/**
 * IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers-08+): each `RateLimit` member names a
 * policy (`"burst";r=0;t=30`) and `RateLimit-Policy` describes it (`"burst";q=10;w=1`). The member
 * that is spent (or has the least left) is the one that limits, and its own policy gives the quota.
 * Of several spent members the one that resets last limits: no request succeeds before every spent
 * quota is back (the rule the OpenAI and Anthropic SDKs follow for their paired limits too).
 * Drafts 3–7 send one field of `key=value` members (`limit=100, remaining=50, reset=5`).
 */
function ietfFields(headers: HeaderMap): { limit: number | null; remaining: number | null; reset: string | undefined } {
  const field = listMembers(headers.get('ratelimit'));
  const policies = listMembers(headers.get('ratelimit-policy'));
  const legacy = (key: string) => field.find((member) => member.has(key))?.get(key);
  if (legacy('limit') ?? legacy('remaining') ?? legacy('reset')) return { limit: leadingNumber(legacy('limit')), remaining: leadingNumber(legacy('remaining')), reset: legacy('reset') };
  let current: Member | undefined;
  const resetOf = (member: Member | undefined) => leadingNumber(member?.get('t')) ?? -1;
  for (const member of field) {
    const left = leadingNumber(member.get('r'));
    const best = current ? leadingNumber(current.get('r')) : null;
    if (left !== null && (best === null || left < best || (left === 0 && best === 0 && resetOf(member) > resetOf(current)))) current = member;
  }
  current ??= field[0];
  const policy = (current && policies.find((p) => p.get('') === current.get(''))) ?? policies[0];
  return { limit: policy ? leadingNumber(policy.get('q')) ?? leadingNumber(policy.get('')) : null, remaining: leadingNumber(current?.get('r')), reset: current?.get('t') };
}

/** The first family's `<prefix><name>` header that holds something. */
function first(headers: HeaderMap, name: string): string | undefined {
  for (const prefix of FAMILIES) {
    const value = headers.get(prefix + name);
    if (value !== undefined && value.trim() !== '') return value;
  }
  return undefined;
}

/** Rate-limit state from response headers, or null when the response says nothing about it. */
export function rateLimitFromHeaders(headers: HeaderMap, now: number): RateLimitInfo | null {
  const ietf = ietfFields(headers);
  const limit = leadingNumber(first(headers, 'limit')) ?? ietf.limit;
  const remaining = leadingNumber(first(headers, 'remaining')) ?? ietf.remaining;
  const resetAt = resetToEpochMs(first(headers, 'reset'), now) ?? resetToEpochMs(ietf.reset, now);
  if (limit === null && remaining === null && resetAt === null) return null;
  return { limit, remaining, resetAt };
}
