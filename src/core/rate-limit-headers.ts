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

/** One member of a structured-field list: `"name";a=1;b=2`, or a bare `key=value` (drafts 3–7). */
interface Item {
  name: string;
  params: Map<string, string>;
}

const unquote = (text: string) => text.trim().replace(/^"([^"]*)"$/, '$1');

/** The members of a list field (RFC 9651 lists, read leniently), at most 16. */
function listItems(value: string | undefined): Item[] {
  if (!value) return [];
  return value.split(',', 16).map((member) => {
    const [head = '', ...rest] = member.split(';', 16);
    const params = new Map<string, string>();
    for (const part of rest) {
      const eq = part.indexOf('=');
      const key = (eq === -1 ? part : part.slice(0, eq)).trim().toLowerCase();
      if (key && !params.has(key)) params.set(key, eq === -1 ? '' : unquote(part.slice(eq + 1)));
    }
    return { name: unquote(head), params };
  });
}

/** Drafts 3–7 send one field of `key=value` members (`limit=100, remaining=50, reset=5`). */
function keyValues(items: readonly Item[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const { name } of items) {
    const eq = name.indexOf('=');
    if (eq > 0 && !out.has(name.slice(0, eq).trim().toLowerCase())) out.set(name.slice(0, eq).trim().toLowerCase(), unquote(name.slice(eq + 1)));
  }
  return out;
}

/**
 * IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers-08+): each `RateLimit` member names a
 * policy (`"burst";r=0;t=30`) and `RateLimit-Policy` describes it (`"burst";q=10;w=1`). The member
 * that is spent (or has the least left) is the one that limits, and its own policy gives the quota.
 */
function ietfFields(headers: HeaderMap): { limit: number | null; remaining: number | null; reset: string | undefined } {
  const field = listItems(headers.get('ratelimit'));
  const policies = listItems(headers.get('ratelimit-policy'));
  const legacy = keyValues(field);
  if (legacy.size > 0) return { limit: leadingNumber(legacy.get('limit')), remaining: leadingNumber(legacy.get('remaining')), reset: legacy.get('reset') };
  let current: Item | undefined;
  for (const item of field) {
    const left = leadingNumber(item.params.get('r'));
    if (left === null) continue;
    const best = current ? leadingNumber(current.params.get('r')) : null;
    if (best === null || left < best) current = item;
  }
  current ??= field[0];
  const policy = (current && policies.find((p) => p.name === current.name)) ?? policies[0];
  const policyLimit = policy ? leadingNumber(policy.params.get('q')) ?? leadingNumber(policy.name) : null;
  return { limit: policyLimit, remaining: leadingNumber(current?.params.get('r')), reset: current?.params.get('t') };
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
