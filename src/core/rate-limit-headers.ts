import type { HeaderMap } from './headers.js';
import { MAX_WAIT_MS } from './retry-after.js';

/** What an API said about its rate limit. `resetAt` is epoch milliseconds. */
export interface RateLimitInfo {
  limit: number | null;
  remaining: number | null;
  resetAt: number | null;
}

// Header families seen in the wild, most specific first:
// X-RateLimit-* (GitHub, pump.fun, the solana swap API), RateLimit-* (IETF draft 6),
// X-Rate-Limit-* (Twitter), X-RateLimit-*-Requests (OpenAI).
const LIMIT = ['x-ratelimit-limit', 'ratelimit-limit', 'x-rate-limit-limit', 'x-ratelimit-limit-requests'];
const REMAINING = ['x-ratelimit-remaining', 'ratelimit-remaining', 'x-rate-limit-remaining', 'x-ratelimit-remaining-requests'];
const RESET = ['x-ratelimit-reset', 'ratelimit-reset', 'x-rate-limit-reset', 'x-ratelimit-reset-requests'];

/** The leading non-negative number of a header value ("100", "100, 100;w=60", "12.5"). */
function leadingNumber(value: string | undefined): number | null {
  const match = value === undefined ? null : /^\s*(\d+(?:\.\d+)?)(?![\d.]*[a-z])/i.exec(value);
  if (!match) return null;
  const parsed = Number(match[1]);
  return Number.isFinite(parsed) ? parsed : null;
}

/** "6m0s", "1.5s", "250ms", "1h2m" (Go durations, as OpenAI sends them) in milliseconds. */
function parseDuration(value: string): number | null {
  const match = /^\s*(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?\s*$/i.exec(value);
  if (!match || match.slice(1).every((part) => part === undefined)) return null;
  const [, h = '0', m = '0', s = '0', ms = '0'] = match;
  return Number(h) * 3_600_000 + Number(m) * 60_000 + Number(s) * 1000 + Number(ms);
}

/**
 * A reset value to an epoch-ms instant. APIs send it as epoch seconds (GitHub, the solana swap API),
 * epoch milliseconds, seconds from now (IETF drafts), a duration or an HTTP-date; the magnitude tells
 * which. The result is clamped to at most a day from now; garbage and negatives give null.
 */
export function resetToEpochMs(value: string | number | undefined | null, now: number): number | null {
  if (value === undefined || value === null) return null;
  const text = String(value).trim();
  let at: number | null = null;
  const number = /^\d+(\.\d+)?$/.test(text) ? Number(text) : null;
  if (number !== null) {
    if (number > 1e12) at = number; // epoch milliseconds
    else if (number > 1e9) at = number * 1000; // epoch seconds
    else at = now + number * 1000; // seconds from now
  } else if (text !== '') {
    const duration = parseDuration(text);
    if (duration !== null) at = now + duration;
    else if (/[a-z]/i.test(text) && /\d/.test(text)) {
      const date = Date.parse(text);
      if (!Number.isNaN(date)) at = date;
    }
  }
  return at === null ? null : clampInstant(at, now);
}

/** An instant no earlier than now and no later than a day from now; null when not finite. */
function clampInstant(at: number, now: number): number | null {
  return Number.isFinite(at) ? Math.round(Math.min(Math.max(at, now), now + MAX_WAIT_MS)) : null;
}

/** Parameters of the first item of a structured field: `"default";r=50;t=30` or `limit=100, remaining=5`. */
function structuredParams(value: string | undefined): Map<string, string> {
  const params = new Map<string, string>();
  if (!value) return params;
  for (const part of value.split(/[;,]/)) {
    const eq = part.indexOf('=');
    if (eq > 0) {
      const key = part.slice(0, eq).trim().toLowerCase();
      if (!params.has(key)) params.set(key, part.slice(eq + 1).trim().replace(/^"|"$/g, ''));
    }
  }
  return params;
}

function first(headers: HeaderMap, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value !== undefined && value.trim() !== '') return value;
  }
  return undefined;
}

/** Rate-limit state from response headers, or null when the response says nothing about it. */
export function rateLimitFromHeaders(headers: HeaderMap, now: number): RateLimitInfo | null {
  // IETF draft 8+: `RateLimit: "default";r=50;t=30` with `RateLimit-Policy: "default";q=100;w=60`.
  // Drafts 3–7 combined form: `RateLimit: limit=100, remaining=50, reset=5`.
  const field = structuredParams(headers.get('ratelimit'));
  const policy = headers.get('ratelimit-policy');
  const policyParams = structuredParams(policy);

  const limit =
    leadingNumber(first(headers, LIMIT)) ??
    leadingNumber(field.get('limit')) ??
    leadingNumber(policyParams.get('q')) ??
    (policy !== undefined && !policyParams.has('q') ? leadingNumber(policy) : null);
  const remaining = leadingNumber(first(headers, REMAINING)) ?? leadingNumber(field.get('r') ?? field.get('remaining'));
  // Discord's reset-after is always seconds from now, whatever its size.
  const resetAfterSeconds = leadingNumber(headers.get('x-ratelimit-reset-after'));
  const resetAt =
    resetToEpochMs(first(headers, RESET), now) ??
    (resetAfterSeconds === null ? null : clampInstant(now + resetAfterSeconds * 1000, now)) ??
    resetToEpochMs(field.get('t') ?? field.get('reset'), now);

  if (limit === null && remaining === null && resetAt === null) return null;
  return { limit, remaining, resetAt };
}
