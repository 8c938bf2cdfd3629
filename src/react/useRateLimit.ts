import { rateLimitWindow } from '../store/index.js';
import { resolveApiRef, type ApiRef } from './api-ref.js';
import { useApiErrorContext } from './context.js';
import { useApiErrorStore } from './useApiErrorStore.js';
import { useNow } from './useNow.js';

export interface RateLimitState {
  limited: boolean;
  secondsLeft: number;
  resetAt: number | null;
}

/**
 * Whether an API's rate-limit window is closed and for how long; re-renders once a second while it is.
 * `api`: the client, its profile, or a registered name. Without it, the window that opens last (any API).
 */
export function useRateLimit(api?: ApiRef): RateLimitState {
  const { now, profiles } = useApiErrorContext();
  const key = api === undefined ? undefined : resolveApiRef(api, profiles).windowKey;
  const resetAt = useApiErrorStore((state) => {
    if (key === null) return null;
    if (key !== undefined) return rateLimitWindow(state.rateLimits, key)?.resetAt ?? null;
    let latest: number | null = null;
    for (const window of Object.values(state.rateLimits)) latest = latest === null ? window.resetAt : Math.max(latest, window.resetAt);
    return latest;
  });
  const current = useNow(resetAt !== null, now, resetAt);
  const msLeft = resetAt === null ? 0 : Math.max(0, resetAt - current);
  return { limited: msLeft > 0, secondsLeft: Math.ceil(msLeft / 1000), resetAt };
}
