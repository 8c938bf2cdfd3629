import { useRef, type PointerEvent } from 'react';

/** How far a toast must travel sideways to be dismissed, in CSS px (sonner uses 45). */
export const SWIPE_THRESHOLD = 45;

/**
 * Sideways swipe to dismiss, with pointer events (touch, pen and mouse alike). The toast follows
 * the pointer through a CSS variable and snaps back when let go short of the threshold. Vertical
 * pans stay the browser's (`touch-action: pan-y` in styles.css; it cancels the pointer then).
 * A press on a button or link is left to it, so actions still work by touch.
 */
export function useSwipe(onSwipe: () => void) {
  const start = useRef<{ x: number; id: number } | null>(null);
  const move = (event: PointerEvent<HTMLElement>, end?: boolean) => {
    const from = start.current;
    const element = event.currentTarget;
    if (!from || from.id !== event.pointerId) return;
    const dx = event.clientX - from.x;
    if (end === undefined) {
      if (Math.abs(dx) > 6) element.style.setProperty('--fl-swipe', `${dx}px`);
      element.toggleAttribute('data-swiping', Math.abs(dx) > 6);
      return;
    }
    start.current = null;
    element.style.removeProperty('--fl-swipe');
    element.removeAttribute('data-swiping');
    if (end && Math.abs(dx) >= SWIPE_THRESHOLD) onSwipe();
  };
  return {
    onPointerDown(event: PointerEvent<HTMLElement>) {
      if (event.button !== 0 || (event.target as Element).closest('button, a, summary')) return;
      start.current = { x: event.clientX, id: event.pointerId };
      try {
        event.currentTarget.setPointerCapture(event.pointerId);
      } catch {
        // A pointer the browser no longer tracks: moves still arrive while over the toast.
      }
    },
    onPointerMove: (event: PointerEvent<HTMLElement>) => move(event),
    onPointerUp: (event: PointerEvent<HTMLElement>) => move(event, true),
    onPointerCancel: (event: PointerEvent<HTMLElement>) => move(event, false),
  };
}
