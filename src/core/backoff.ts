/**
 * Full-jitter exponential backoff (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * a uniform wait in [0, min(cap, base · 2^attempt)]. It spreads a herd of clients recovering from
 * the same outage instead of having them retry in lockstep, as un-jittered backoff does.
 */
export function fullJitterDelay(attempt: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.round(unit(random) * ceiling);
}

/** A random number in [0, 1), whatever the injected source returns. */
export function unit(random: () => number): number {
  const value = random();
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), 0.999999) : 0.5;
}
