import type { HeaderMap } from './headers.js';
import { asNumber } from './safe.js';

/** The longest wait faultline will ever report: a day. Anything longer is a misconfigured server. */
export const MAX_WAIT_MS = 86_400_000;

/** Clamps a wait in milliseconds to [0, MAX_WAIT_MS]; null for anything not a finite number. */
export function clampWait(ms: number | null): number | null {
  if (ms === null || !Number.isFinite(ms)) return null;
  return Math.min(Math.max(Math.round(ms), 0), MAX_WAIT_MS);
}

/**
 * Parses a Retry-After value (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.
 * A date in the past means "now" (0). Negative, garbage and empty values mean "not said" (null).
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return clampWait(Number(text) * 1000);
  if (!/[a-z]/i.test(text)) return null; // "-5", "1e3": not a delay and not a date
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : clampWait(date - now);
}

/** Retry-After from headers: the standard field, then common variants in milliseconds or seconds. */
export function retryAfterFromHeaders(headers: HeaderMap, now: number): number | null {
  const standard = parseRetryAfter(headers.get('retry-after'), now);
  if (standard !== null) return standard;
  const ms = asNumber(headers.get('retry-after-ms'));
  if (ms !== null && ms >= 0) return clampWait(ms);
  const seconds = asNumber(headers.get('x-retry-after'));
  return seconds !== null && seconds >= 0 ? clampWait(seconds * 1000) : null;
}
