import { useMemo } from 'react';
import { describeError, errorFacts, type ApiError, type ErrorKind } from '../core/index.js';
import { rateLimitWindow, type RateLimitWindow, type ToastEntry } from '../store/index.js';
import { useApiErrorContext } from './context.js';
import { primaryAction } from './primary-action.js';
import { toastFamily, type ToastFamily } from './ToastIcon.js';
import { useApiErrorStore } from './useApiErrorStore.js';
import { useNow } from './useNow.js';

/** One toast, ready to render by any toaster: text in the provider's language, its action, its dismiss. */
export interface ApiErrorToast {
  /** Stable while the toast lives: use it as your toaster's id, so updates replace the toast in place. */
  id: string;
  kind: ErrorKind;
  /** Which icon and colour: 'error', 'input', 'wait', 'offline' or 'auth'. */
  family: ToastFamily;
  title: string;
  /** The message; for a rate limit it says the seconds left and changes every second. */
  description: string;
  /** How many incidents it stands for (1 the first time). */
  count: number;
  politeness: 'assertive' | 'polite';
  /** Seconds until the rate-limit window opens, live; null when the toast does not count down. */
  secondsLeft: number | null;
  /** The one action to offer (Retry, Sign in, Pay…); running it also dismisses the toast. */
  action: { label: string; run: () => void } | null;
  /** Time on screen in ms, null until acted on (faultline dismisses it when its time is up). */
  durationMs: number | null;
  error: ApiError;
  /** Removes it from faultline's store (call it when your toaster closes the toast). */
  dismiss: () => void;
}

/** The earliest moment a visible toast's rate-limit window opens: the live countdown ticks against it. */
function nextReset(toasts: readonly ToastEntry[], windows: Record<string, RateLimitWindow>): number | undefined {
  let next: number | undefined;
  for (const toast of toasts) {
    const window = toast.rateLimitKey === null ? undefined : rateLimitWindow(windows, toast.rateLimitKey);
    if (window && (next === undefined || window.resetAt < next)) next = window.resetAt;
  }
  return next;
}

/**
 * The toasts faultline would show now (deduplicated, queued, at most `maxVisible`), for apps that
 * render toasts themselves or route them to another toaster (see `faultline/sonner`,
 * `faultline/react-hot-toast`). Re-renders every second while one counts down.
 */
export function useApiErrorToasts(): ApiErrorToast[] {
  const context = useApiErrorContext();
  const { store, messages, profiles, now } = context;
  const toasts = useApiErrorStore((state) => state.toasts);
  const windows = useApiErrorStore((state) => state.rateLimits);
  const reauthStatus = useApiErrorStore((state) => state.reauth.status);
  const visible = useMemo(() => toasts.filter((toast) => toast.visible), [toasts]);
  const deadline = nextReset(visible, windows);
  const current = useNow(deadline !== undefined, now, deadline);

  return useMemo(
    () =>
      visible.map((toast) => {
        const window = toast.rateLimitKey === null ? undefined : rateLimitWindow(windows, toast.rateLimitKey);
        const { kind } = errorFacts(toast.error);
        const secondsLeft = window ? Math.max(0, Math.ceil((window.resetAt - current) / 1000)) : null;
        const { title, description } = describeError(toast.error, { messages, profiles, now: current, ...(secondsLeft === null ? {} : { secondsLeft }) });
        const dismiss = () => store.getState().dismiss(toast.id, now());
        const primary = primaryAction(toast, { ...context, reauthStatus });
        return {
          id: toast.id,
          kind,
          family: toastFamily(kind),
          title,
          description: toast.message ?? description,
          count: toast.count,
          politeness: toast.politeness,
          secondsLeft,
          action: primary
            ? {
                label: primary.label,
                run: () => {
                  void primary.run();
                  dismiss();
                },
              }
            : null,
          durationMs: toast.durationMs,
          error: toast.error,
          dismiss,
        };
      }),
    [visible, windows, current, messages, profiles, store, now, context, reauthStatus],
  );
}
