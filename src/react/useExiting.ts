import { useEffect, useRef, useState } from 'react';
import type { ToastEntry } from '../store/index.js';

/** How long a leaving toast stays for its exit animation; matches --fl-duration in styles.css. */
export const EXIT_MS = 180;

function prefersReducedMotion(): boolean {
  // No matchMedia (jsdom, old engines): no animation to wait for.
  return typeof matchMedia !== 'function' || matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Toasts that just left the list, kept EXIT_MS longer so they can animate out. None when the
 * person prefers reduced motion. Their timers are cleared on unmount.
 */
export function useExiting(toasts: readonly ToastEntry[]): ToastEntry[] {
  const previous = useRef<readonly ToastEntry[]>(toasts);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  const [exiting, setExiting] = useState<ToastEntry[]>([]);

  useEffect(() => {
    const present = new Set(toasts.map((toast) => toast.id));
    const gone = previous.current.filter((toast) => !present.has(toast.id));
    previous.current = toasts;
    if (gone.length === 0 || prefersReducedMotion()) return;
    setExiting((list) => [...list, ...gone]);
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setExiting((list) => list.filter((toast) => !gone.includes(toast)));
    }, EXIT_MS);
    timers.current.add(timer);
  }, [toasts]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  return exiting;
}
