/**
 * Whether the page is hidden, and news of when that changes: the environment the toasts' clocks
 * pause in. Injected like TanStack Query's `focusManager`, so tests drive it without a document.
 */
export interface PageVisibility {
  isHidden: () => boolean;
  /** Calls `onChange` whenever the page is hidden or shown again; returns the unsubscribe. */
  subscribe: (onChange: () => void) => () => void;
}

/** The browser's page visibility (`visibilitychange`); on a server the page is never hidden. */
export const documentVisibility: PageVisibility = {
  isHidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
  subscribe(onChange) {
    if (typeof document === 'undefined') return () => undefined;
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  },
};
