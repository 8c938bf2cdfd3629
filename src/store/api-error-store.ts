import { createStore, type StoreApi } from 'zustand/vanilla';
import { MAX_TIMER_MS, type ApiError, type RateLimitInfo } from '../core/index.js';
import { blindWaitMs } from '../core/backoff.js';
import { isRefusal } from '../core/refusal.js';
import { rateLimitKey } from './rate-limit-key.js';
import { toastDuration, toastKey, toastPoliteness, type ToastDurations } from './toast-rules.js';

/** A button a toast offers besides the ones its kind implies (e.g. Retry for a failed query). */
export interface ToastAction {
  label: string;
  run: () => unknown;
}

/** One toast: one incident, however many times it happened. */
export interface ToastEntry {
  /** Unique across stores (usable as a DOM id). */
  id: string;
  /** The incident: api, kind, code, method and path. */
  key: string;
  error: ApiError;
  /** How many times this incident was reported. */
  count: number;
  /** A message that replaces the catalog's (from a query's `meta.errorMessage`). */
  message: string | null;
  /** Retry the failed work (a query refetch, a mutation replay). */
  retry: (() => unknown) | null;
  politeness: 'assertive' | 'polite';
  /** The rate-limit window it belongs to, when it counts down to one. */
  rateLimitKey: string | null;
  createdAt: number;
  /** Full time on screen, null for sticky; see `toastDuration`. */
  durationMs: number | null;
  /** Time left; it only runs down while the toast is visible and nothing pauses the toasts. */
  remainingMs: number | null;
  /** When the current uninterrupted run began, or null while queued or paused. */
  runningSince: number | null;
  visible: boolean;
}

/** A closed rate-limit window: no request to `key` until `resetAt`. */
export interface RateLimitWindow {
  key: string;
  resetAt: number;
  openedAt: number;
  limit: number | null;
  remaining: number | null;
}

export type ReauthStatus = 'ok' | 'required' | 'refreshing' | 'failed';

export interface ReauthState {
  status: ReauthStatus;
  /** The 401 that asked for it, or the failure of the last attempt. */
  error: ApiError | null;
}

export interface ApiErrorStoreOptions {
  /** Toasts on screen at once. Default 3. */
  maxVisible?: number;
  /** Toasts waiting beyond those; past it the oldest waiting one is dropped and counted. Default 20. */
  maxQueued?: number;
  durations?: ToastDurations;
  /** Random source for the jitter of blind rate-limit waits. Default `Math.random`. */
  random?: () => number;
}

export interface ToastOptions {
  now: number;
  message?: string | null;
  retry?: (() => unknown) | null;
  /**
   * Whether the failed work will run again by itself. true: a rate-limit toast counts down to its
   * window; false: it does not (nothing would follow at zero), and a rate-limit toast with a Retry
   * stays until acted on. Unset: a known wait counts down, as for an error reported from outside.
   */
  retrying?: boolean;
  /**
   * The run of work that failed (one fetch of a query with its retries, one mutation call). A
   * report of the same run updates its toast without counting: retries of one query are one incident.
   */
  incident?: object;
}

export interface ApiErrorState {
  toasts: ToastEntry[];
  /** Distinct toasts dropped because the queue was full (an error storm). */
  overflow: number;
  /** Why the toasts are paused now ('hover', 'focus', 'hidden', …); empty when running. */
  pausedBy: string[];
  rateLimits: Record<string, RateLimitWindow>;
  reauth: ReauthState;

  /** Shows (or counts) a toast for an error; returns it. */
  showToast: (error: ApiError, options: ToastOptions) => ToastEntry;
  dismiss: (id: string, now: number) => void;
  dismissAll: () => void;
  pause: (reason: string, now: number) => void;
  resume: (reason: string, now: number) => void;
  /** Expires toasts and closes windows whose time has come; returns the keys of windows closed. */
  tick: (now: number) => string[];
  /** Opens (or extends) a rate-limit window. */
  openRateLimit: (key: string, info: RateLimitInfo & { resetAt: number }, now: number) => void;
  /**
   * Closes `key`'s window after a refusal whose wait could not be read: at least 1 s, doubling while
   * refusals follow each other (see `blindWaitMs`). A window that is already closed stays as it is:
   * a refusal of a request sent before it closed says nothing new.
   */
  openBlindRateLimit: (key: string, now: number) => void;
  setReauth: (status: ReauthStatus, error?: ApiError | null) => void;
}

export type ApiErrorStore = StoreApi<ApiErrorState>;

let storeCount = 0;

/** Windows kept at once: 10,000 origins must not keep 10,000 windows. */
export const MAX_RATE_LIMIT_WINDOWS = 100;
/** The longest a window stays closed: a day, as the longest wait an ApiError reports. */
const MAX_WINDOW_MS = 86_400_000;

/** The window of `key`, own entries only: a key named `constructor` finds no window. */
export function rateLimitWindow(rateLimits: Readonly<Record<string, RateLimitWindow>>, key: string): RateLimitWindow | undefined {
  return Object.prototype.hasOwnProperty.call(rateLimits, key) ? rateLimits[key] : undefined;
}

/** When the next toast expires or window opens, in epoch ms; null when nothing is pending. */
export function nextDeadline(state: ApiErrorState): number | null {
  let next: number | null = null;
  const consider = (at: number) => (next = next === null ? at : Math.min(next, at));
  for (const toast of state.toasts) {
    if (toast.runningSince !== null && toast.remainingMs !== null) consider(toast.runningSince + toast.remainingMs);
  }
  for (const window of Object.values(state.rateLimits)) consider(window.resetAt);
  return next;
}

/**
 * Windows by key, in an object without a prototype: `rateLimits.constructor` is no window, a key
 * named `__proto__` is one like any other, and V8 keeps such an object as a plain hash table
 * (objects with ever-new keys would each grow a new hidden class).
 */
function windowsByKey(windows: readonly RateLimitWindow[]): Record<string, RateLimitWindow> {
  const out = Object.create(null) as Record<string, RateLimitWindow>;
  for (const window of windows) out[window.key] = window;
  return out;
}

/** A delay until `deadline` that `setTimeout` can hold (longer ones would fire at once). */
export function delayUntil(deadline: number, now: number): number {
  return Math.min(Math.max(0, deadline - now), MAX_TIMER_MS);
}

/** A store of toasts, rate-limit windows and re-authentication state. One per provider, never shared. */
export function createApiErrorStore(options: ApiErrorStoreOptions = {}): ApiErrorStore {
  const maxVisible = Math.max(1, options.maxVisible ?? 3);
  const maxQueued = Math.max(0, options.maxQueued ?? 20);
  const random = options.random ?? Math.random;
  // Blind refusals per window key: how many in a row, and when the last window opened again.
  const blind = new Map<string, { streak: number; waitMs: number; endsAt: number }>();
  const prefix = `fl${(storeCount += 1).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  let nextId = 0;
  // The last incident counted per toast id; pruned as toasts leave.
  const incidents = new Map<string, object>();

  /** Marks the first `maxVisible` toasts visible and starts or stops their clocks. */
  function layout(toasts: ToastEntry[], paused: boolean, now: number): ToastEntry[] {
    return toasts.map((toast, index) => {
      const visible = index < maxVisible;
      const running = visible && !paused && toast.remainingMs !== null;
      if (toast.visible === visible && (toast.runningSince !== null) === running) return toast;
      const remainingMs = toast.runningSince !== null && toast.remainingMs !== null ? Math.max(0, toast.remainingMs - (now - toast.runningSince)) : toast.remainingMs;
      return { ...toast, visible, remainingMs, runningSince: running ? now : null };
    });
  }

  return createStore<ApiErrorState>()((set, get) => {
    const update = (toasts: ToastEntry[], now: number, extra: Partial<ApiErrorState> = {}) => {
      set({ toasts: layout(toasts, get().pausedBy.length > 0, now), ...extra });
      if (incidents.size > toasts.length) for (const id of incidents.keys()) if (!toasts.some((toast) => toast.id === id)) incidents.delete(id);
    };

    return {
      toasts: [],
      overflow: 0,
      pausedBy: [],
      rateLimits: windowsByKey([]),
      reauth: { status: 'ok', error: null },

      showToast(error, { now, message = null, retry = null, retrying, incident }) {
        const key = toastKey(error);
        const { toasts } = get();
        const existing = toasts.find((toast) => toast.key === key);
        // A countdown only where the work runs again when it reaches zero (no promise without a request).
        const candidate = isRefusal(error) ? rateLimitKey(error) : null;
        const windowKey =
          retrying === true
            ? candidate !== null && (rateLimitWindow(get().rateLimits, candidate)?.resetAt ?? 0) > now
              ? candidate
              : null
            : retrying === undefined && error.kind === 'rate_limited' && error.retryAfterMs !== null
              ? candidate
              : null;
        // Stopped retrying: a person has to press Retry, so the toast waits for them.
        const durationMs = windowKey !== null || (retrying === false && retry !== null && error.kind === 'rate_limited') ? null : toastDuration(error, options.durations);
        if (existing) {
          // The same failure again: count it (unless it is another attempt of the same run), give it
          // its full time again, and say what happens now.
          const sameRun = incident !== undefined && incidents.get(existing.id) === incident;
          if (incident !== undefined) incidents.set(existing.id, incident);
          const merged: ToastEntry = {
            ...existing,
            error,
            count: sameRun ? existing.count : existing.count + 1,
            message,
            retry: retry ?? existing.retry,
            rateLimitKey: windowKey,
            durationMs,
            remainingMs: durationMs,
            // layout() starts the clock again from now if the toast runs (visible, not paused).
            runningSince: null,
          };
          update(toasts.map((toast) => (toast === existing ? merged : toast)), now);
          return get().toasts.find((toast) => toast.id === existing.id) ?? merged;
        }
        const entry: ToastEntry = {
          id: `${prefix}-${(nextId += 1)}`,
          key,
          error,
          count: 1,
          message,
          retry,
          politeness: toastPoliteness(error),
          rateLimitKey: windowKey,
          createdAt: now,
          durationMs,
          remainingMs: durationMs,
          runningSince: null,
          visible: false,
        };
        if (incident !== undefined) incidents.set(entry.id, incident);
        let next = [...toasts, entry];
        let overflow = get().overflow;
        // Bounded: drop the oldest waiting toast, never a visible one, and count what was dropped.
        while (next.length > maxVisible + maxQueued) {
          next = [...next.slice(0, maxVisible), ...next.slice(maxVisible + 1)];
          overflow += 1;
        }
        update(next, now, { overflow });
        return get().toasts.find((toast) => toast.id === entry.id) ?? entry;
      },

      dismiss(id, now) {
        const { toasts } = get();
        if (toasts.some((toast) => toast.id === id)) update(toasts.filter((toast) => toast.id !== id), now);
      },

      dismissAll() {
        incidents.clear();
        set({ toasts: [], overflow: 0 });
      },

      pause(reason, now) {
        const { pausedBy, toasts } = get();
        if (pausedBy.includes(reason)) return;
        set({ pausedBy: [...pausedBy, reason], toasts: layout(toasts, true, now) });
      },

      resume(reason, now) {
        const { pausedBy, toasts } = get();
        if (!pausedBy.includes(reason)) return;
        const rest = pausedBy.filter((r) => r !== reason);
        set({ pausedBy: rest, toasts: layout(toasts, rest.length > 0, now) });
      },

      tick(now) {
        const { toasts, rateLimits } = get();
        const closed = Object.values(rateLimits).filter((window) => window.resetAt <= now).map((window) => window.key);
        const kept = toasts.filter((toast) => {
          if (toast.rateLimitKey !== null && closed.includes(toast.rateLimitKey)) return false;
          return !(toast.runningSince !== null && toast.remainingMs !== null && now - toast.runningSince >= toast.remainingMs);
        });
        if (closed.length === 0 && kept.length === toasts.length) return [];
        const open = windowsByKey(Object.values(rateLimits).filter((window) => !closed.includes(window.key)));
        update(kept, now, closed.length ? { rateLimits: open } : {});
        return closed;
      },

      openRateLimit(key, info, now) {
        if (!(info.resetAt > now)) return;
        const resetAt = Math.min(info.resetAt, now + MAX_WINDOW_MS);
        const windows = get().rateLimits;
        const current = rateLimitWindow(windows, key);
        if (current && current.resetAt >= resetAt) return;
        let kept = Object.values(windows).filter((window) => window.key !== key);
        if (kept.length >= MAX_RATE_LIMIT_WINDOWS) {
          // Bounded: past MAX_RATE_LIMIT_WINDOWS, windows already open go, then the one that opens soonest.
          kept = kept.filter((window) => window.resetAt > now);
          if (kept.length >= MAX_RATE_LIMIT_WINDOWS) {
            const soonest = kept.reduce((a, b) => (b.resetAt < a.resetAt ? b : a));
            kept = kept.filter((window) => window !== soonest);
          }
        }
        kept.push({ key, resetAt, openedAt: current?.openedAt ?? now, limit: info.limit, remaining: info.remaining });
        const next = windowsByKey(kept);
        set({ rateLimits: next });
      },

      openBlindRateLimit(key, now) {
        if ((rateLimitWindow(get().rateLimits, key)?.resetAt ?? 0) > now) return;
        for (const [other, entry] of blind) if (now - entry.endsAt > entry.waitMs) blind.delete(other);
        // In a row: refused again within one wait of the last window opening.
        const previous = blind.get(key);
        const streak = previous ? previous.streak + 1 : 1;
        const waitMs = blindWaitMs(streak - 1, random);
        blind.set(key, { streak, waitMs, endsAt: now + waitMs });
        get().openRateLimit(key, { limit: null, remaining: null, resetAt: now + waitMs }, now);
      },

      setReauth(status, error = null) {
        set({ reauth: { status, error } });
      },
    };
  });
}
