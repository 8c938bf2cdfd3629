/**
 * Full-jitter exponential backoff (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * a uniform wait in [0, min(cap, base · 2^attempt)]. It spreads a herd of clients recovering from
 * the same outage instead of having them retry in lockstep, as un-jittered backoff does.
 */
export function fullJitterDelay(attempt: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.round(unit(random) * ceiling);
}

// A rate limit (or 503) that came without a wait the client could read: the server did say "not
// now", so the first wait is never shorter than a second, and it doubles while the API keeps
// refusing. The jitter lies above that floor (up to one more floor), so a herd of clients still spreads.
const BLIND_WAIT_BASE_MS = 1000;
const BLIND_WAIT_MAX_MS = 30_000;

/** The wait after the `attempt`-th (0-based) consecutive refusal whose own wait was unreadable: in [1 s · 2^attempt, 2 · that), at most 30 s. */
export function blindWaitMs(attempt: number, random: () => number): number {
  const floor = Math.min(BLIND_WAIT_MAX_MS, BLIND_WAIT_BASE_MS * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.min(BLIND_WAIT_MAX_MS, floor + Math.round(unit(random) * floor));
}

/** A random number in [0, 1), whatever the injected source returns. */
export function unit(random: () => number): number {
  const value = random();
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), 0.999999) : 0.5;
}
