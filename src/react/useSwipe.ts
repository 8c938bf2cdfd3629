import { useRef, type PointerEvent } from 'react';

/** How far a toast must travel sideways to be dismissed, in CSS px (sonner uses 45). */
export const SWIPE_THRESHOLD = 45;
/** Or how fast, in px/ms: a quick flick dismisses before the threshold (sonner: 0.11). */
const SWIPE_VELOCITY = 0.11;

const INTERACTIVE = 'button, a, input, select, textarea, summary, [role="button"]';

/**
 * Sideways swipe to dismiss, with pointer events (touch, pen and mouse alike). The toast follows
 * the pointer through a CSS variable, and snaps back when let go short of the threshold.
 * A press on a button or link is left to it, so actions still work by touch.
 */
export function useSwipe(onSwipe: () => void) {
  const start = useRef<{ x: number; y: number; at: number; id: number } | null>(null);

  const reset = (element: HTMLElement) => {
    start.current = null;
    element.removeAttribute('data-swiping');
    element.style.removeProperty('--fl-swipe');
  };

  return {
    onPointerDown(event: PointerEvent<HTMLElement>) {
      if (event.button !== 0 || (event.target as Element).closest(INTERACTIVE)) return;
      start.current = { x: event.clientX, y: event.clientY, at: event.timeStamp, id: event.pointerId };
    },
    onPointerMove(event: PointerEvent<HTMLElement>) {
      const from = start.current;
      if (!from || from.id !== event.pointerId) return;
      const dx = event.clientX - from.x;
      // A vertical move is a scroll, not a swipe.
      if (!event.currentTarget.hasAttribute('data-swiping')) {
        if (Math.abs(event.clientY - from.y) > Math.abs(dx) && Math.abs(event.clientY - from.y) > 6) return reset(event.currentTarget);
        if (Math.abs(dx) < 6) return;
        event.currentTarget.setAttribute('data-swiping', '');
        try {
          event.currentTarget.setPointerCapture(event.pointerId);
        } catch {
          // A pointer the browser no longer tracks: the move events still arrive while over the toast.
        }
      }
      event.currentTarget.style.setProperty('--fl-swipe', `${dx}px`);
    },
    onPointerUp(event: PointerEvent<HTMLElement>) {
      const from = start.current;
      if (!from || from.id !== event.pointerId) return;
      const dx = event.clientX - from.x;
      const swiping = event.currentTarget.hasAttribute('data-swiping');
      const velocity = Math.abs(dx) / Math.max(1, event.timeStamp - from.at);
      reset(event.currentTarget);
      if (swiping && (Math.abs(dx) >= SWIPE_THRESHOLD || (Math.abs(dx) >= 16 && velocity > SWIPE_VELOCITY))) onSwipe();
    },
    onPointerCancel(event: PointerEvent<HTMLElement>) {
      reset(event.currentTarget);
    },
  };
}
