// faultline/sonner: faultline's incidents in the app's own sonner <Toaster />.
import { useEffect } from 'react';
import { toast as sonnerToast } from 'sonner';
import { useApiErrorContext } from '../react/context.js';
import type { ApiErrorToast } from '../react/useApiErrorToasts.js';
import { useToastBridge } from '../react/useToastBridge.js';

export interface SonnerToastsProps {
  /** sonner's `toast` (default: the one imported from 'sonner'; pass yours if you wrap it). */
  toast?: typeof sonnerToast;
}

/** sonner's look for each family: red for failures, amber for input and waits, blue for the rest. */
function typeOf({ family }: ApiErrorToast): 'error' | 'warning' | 'info' {
  if (family === 'error' || family === 'auth') return 'error';
  return family === 'offline' ? 'info' : 'warning';
}

/**
 * Routes faultline's toasts to sonner. Render it inside `<ApiErrorProvider>`, next to sonner's
 * `<Toaster />`, instead of `<ApiErrorToaster />`. Same deduplication (one toast per incident,
 * with its count), the live rate-limit countdown updated in place by id, the primary action, and
 * removal when a window opens again. sonner keeps the time (it pauses on hover and in hidden
 * tabs): faultline's own timers are paused while this is mounted.
 */
export function SonnerToasts({ toast = sonnerToast }: SonnerToastsProps) {
  const { store, now } = useApiErrorContext();
  useEffect(() => {
    store.getState().pause('sonner', now());
    return () => store.getState().resume('sonner', now());
  }, [store, now]);

  useToastBridge({
    show(item) {
      toast[typeOf(item)](item.count > 1 ? `${item.title} (×${item.count})` : item.title, {
        id: item.id,
        description: item.description,
        duration: item.durationMs ?? Number.POSITIVE_INFINITY,
        closeButton: true,
        ...(item.action ? { action: { label: item.action.label, onClick: item.action.run } } : {}),
        onDismiss: item.dismiss,
        onAutoClose: item.dismiss,
      });
    },
    hide(id) {
      toast.dismiss(id);
    },
  });
  return null;
}
