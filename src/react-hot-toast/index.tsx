// faultline/react-hot-toast: faultline's incidents in the app's own react-hot-toast <Toaster />.
import hotToast from 'react-hot-toast';
import type { ApiErrorToast } from '../react/useApiErrorToasts.js';
import { useApiErrorContext } from '../react/context.js';
import { useToastBridge } from '../react/useToastBridge.js';

export interface HotToastsProps {
  /** react-hot-toast's `toast` (default: the one imported from 'react-hot-toast'). */
  toast?: typeof hotToast;
}

/** The content of one toast: react-hot-toast has no title, action or close button of its own. */
function Content({ item, dismissLabel }: { item: ApiErrorToast; dismissLabel: string }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
      <div style={{ flex: 1 }}>
        <strong>{item.count > 1 ? `${item.title} (×${item.count})` : item.title}</strong>
        <div>{item.description}</div>
      </div>
      {item.action && (
        <button type="button" onClick={item.action.run}>
          {item.action.label}
        </button>
      )}
      <button type="button" aria-label={dismissLabel} onClick={item.dismiss}>
        ×
      </button>
    </div>
  );
}

/**
 * Routes faultline's toasts to react-hot-toast. Render it inside `<ApiErrorProvider>`, next to
 * react-hot-toast's `<Toaster />`, instead of `<ApiErrorToaster />`. Same deduplication, the live
 * rate-limit countdown updated in place by id, the primary action and a close button, and removal
 * when a window opens again. faultline keeps the time (react-hot-toast reports no expiry).
 */
export function HotToasts({ toast = hotToast }: HotToastsProps) {
  const { messages } = useApiErrorContext();
  const dismissLabel = messages['action.dismiss'];
  useToastBridge({
    show(item) {
      const show = item.family === 'error' || item.family === 'auth' ? toast.error : toast;
      // Errors a person must act on are assertive (react-hot-toast makes every toast polite by default).
      const ariaProps = item.politeness === 'assertive' ? ({ role: 'alert', 'aria-live': 'assertive' } as const) : ({ role: 'status', 'aria-live': 'polite' } as const);
      show(<Content item={item} dismissLabel={dismissLabel} />, { id: item.id, duration: Number.POSITIVE_INFINITY, ariaProps });
    },
    hide(id) {
      toast.dismiss(id);
    },
  });
  return null;
}
