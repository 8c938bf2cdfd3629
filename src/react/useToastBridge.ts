import { useEffect, useRef } from 'react';
import { useApiErrorToasts, type ApiErrorToast } from './useApiErrorToasts.js';

/** How an adapter shows, updates and removes a toast in another toaster, by faultline's id. */
export interface ToastSink {
  /** Shows the toast, or updates it in place (same id): a new count, a second less on the countdown. */
  show: (toast: ApiErrorToast) => void;
  hide: (id: string) => void;
}

const signature = (toast: ApiErrorToast) => [toast.title, toast.description, toast.count, toast.action?.label ?? ''].join('\u0000');

/**
 * Keeps another toaster in step with faultline's toasts: a toast that appears or changes is shown
 * again under the same id (updated in place), one that leaves faultline (dismissed, expired, its
 * rate-limit window open again) is removed. Everything shown is removed on unmount.
 */
export function useToastBridge(sink: ToastSink): ApiErrorToast[] {
  const toasts = useApiErrorToasts();
  const shown = useRef(new Map<string, string>());
  const latestSink = useRef(sink);
  useEffect(() => {
    latestSink.current = sink;
  });

  useEffect(() => {
    const present = new Set<string>();
    for (const toast of toasts) {
      present.add(toast.id);
      const next = signature(toast);
      if (shown.current.get(toast.id) === next) continue;
      shown.current.set(toast.id, next);
      latestSink.current.show(toast);
    }
    for (const id of [...shown.current.keys()]) {
      if (present.has(id)) continue;
      shown.current.delete(id);
      latestSink.current.hide(id);
    }
  }, [toasts]);

  useEffect(() => {
    const map = shown.current;
    return () => {
      for (const id of map.keys()) latestSink.current.hide(id);
      map.clear();
    };
  }, []);

  return toasts;
}
