import type { HeaderMap } from './headers.js';
import { parseHttpDate } from './http-date.js';
import { asNumber } from './safe.js';

/** The longest wait faultline will ever report: a day. Anything longer is a misconfigured server. */
export const MAX_WAIT_MS = 86_400_000;

/** The longest delay `setTimeout` takes (2³¹−1 ms); a longer one fires at once. */
export const MAX_TIMER_MS = 2_147_483_647;

/** A delay fit for `setTimeout`: finite, in [0, 2³¹−1] ms. */
export function timerDelay(ms: number): number {
  return Number.isFinite(ms) ? Math.min(Math.max(0, ms), MAX_TIMER_MS) : ms > 0 ? MAX_TIMER_MS : 0;
}

/** Clamps a wait in milliseconds to [0, MAX_WAIT_MS]; null for anything not a finite number. */
export function clampWait(ms: number | null | undefined): number | null {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return null;
  return Math.min(Math.max(Math.round(ms), 0), MAX_WAIT_MS);
}

/**
 * Parses a Retry-After value (RFC 9110 §10.2.3): delay-seconds or an HTTP-date (§5.6.7, all
 * three forms, UTC). A date in the past means "now" (0). Negative, garbage and empty values
 * mean "not said" (null).
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return clampWait(Number(text) * 1000);
  const date = parseHttpDate(text, now);
  return date === null ? null : clampWait(date - now);
}

/**
 * Retry-After from headers: the standard field, then the variants peers read: `retry-after-ms`
 * (OpenAI's and Anthropic's SDKs), `x-ratelimit-retry-after` and `x-retry-after` (seconds).
 */
export function retryAfterFromHeaders(headers: HeaderMap, now: number): number | null {
  const standard = parseRetryAfter(headers.get('retry-after'), now);
  if (standard !== null) return standard;
  // An over-long value is not said at all: cut short, a zero-padded "000…5000" would read as 0.
  const number = (name: string) => {
    const value = headers.get(name);
    return value !== undefined && value.length <= 64 ? asNumber(value) : null;
  };
  const ms = number('retry-after-ms');
  if (ms !== null && ms >= 0) return clampWait(ms);
  for (const name of ['x-ratelimit-retry-after', 'x-retry-after']) {
    const seconds = number(name);
    if (seconds !== null && seconds >= 0) return clampWait(seconds * 1000);
  }
  return null;
}
