import { useEffect, useRef, useState, useSyncExternalStore, type CSSProperties, type FocusEvent } from 'react';
import { describeError, formatMessage, type ApiError } from '../core/index.js';
import type { ToastEntry } from '../store/index.js';
import { useApiErrorContext } from './context.js';
import { Portal } from './Portal.js';
import { hasReauthPrompt, subscribeReauthPrompts } from './reauth-prompts.js';
import { Toast } from './Toast.js';
import { useApiErrorStore } from './useApiErrorStore.js';
import { useExiting } from './useExiting.js';

export interface ApiErrorToasterProps {
  /** Where the toasts sit. Default 'bottom-right'. On narrow screens they take the full width at the bottom. */
  position?: 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' | 'top-center' | 'bottom-center';
  /** Distance from the viewport's edges: a number of px or any CSS length. Default 20px (--fl-offset). */
  offset?: number | string;
  /** The key that, with Alt (Option), moves focus to the toasts. Default 'KeyT' (Alt+T, as sonner). */
  hotkey?: string;
  /** Light, dark, or following the system. Default 'system'. */
  theme?: 'light' | 'dark' | 'system';
  /** Show every toast's details (request id, code, status, Copy, Docs) expanded. Default false. */
  details?: boolean;
  /** Keep the stack expanded instead of collapsing it behind the newest toast. Default false. */
  expand?: boolean;
  /**
   * Ask for sign-in with a toast when a 401 needs it and the app renders no <ReauthPrompt/>.
   * Default true; false when the app asks in its own way (`useReauth`).
   */
  reauthPrompt?: boolean;
  className?: string;
}

const ITEM = '.fl-toast:not([data-leaving])';

/** Creation order, which is the store's queue order: a leaving toast animates out where it was. */
function byCreation(a: ToastEntry, b: ToastEntry): number {
  return a.createdAt - b.createdAt || a.id.localeCompare(b.id, 'en', { numeric: true });
}

/**
 * The toasts of the provider's store, in a portal under document.body (nothing on the server).
 * Both live regions stay in the app's tree and are mounted from the first render, server HTML
 * included, so the first toast is announced too; errors a person must act on are assertive,
 * retries and waits polite.
 */
export function ApiErrorToaster({
  position = 'bottom-right',
  offset,
  hotkey = 'KeyT',
  theme = 'system',
  details = false,
  expand = false,
  reauthPrompt = true,
  className,
}: ApiErrorToasterProps) {
  const { store, messages, profiles, now, canReauth } = useApiErrorContext();
  const toasts = useApiErrorStore((state) => state.toasts);
  const overflow = useApiErrorStore((state) => state.overflow);
  const visible = toasts.filter((toast) => toast.visible);
  const exiting = useExiting(visible);
  const shown = exiting.length ? [...visible, ...exiting].sort(byCreation) : visible;
  const regionRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const [announcements, setAnnouncements] = useState({ polite: '', assertive: '' });
  const announced = useRef(new Set<string>());
  const reauth = useApiErrorStore((state) => state.reauth);
  const asked = useRef<{ id: string; error: ApiError } | null>(null);
  const handled = useRef<object | null>(null);

  // Announce each toast once, when it first comes on screen.
  useEffect(() => {
    const fresh = visible.filter((toast) => !announced.current.has(toast.id));
    if (fresh.length === 0) return;
    const next = { polite: '', assertive: '' };
    for (const toast of fresh) {
      announced.current.add(toast.id);
      const { title, description } = describeError(toast.error, { messages, profiles, now: now() });
      next[toast.politeness] = `${next[toast.politeness]} ${title}. ${toast.message ?? description}`.trim();
    }
    setAnnouncements((previous) => ({ polite: next.polite || previous.polite, assertive: next.assertive || previous.assertive }));
  }, [visible, messages, profiles, now]);

  // A 401 the app can answer (`onReauth`) asks for sign-in with a toast whose primary action is
  // Sign in, unless the app renders <ReauthPrompt/> to ask with a modal. A failed sign-in shows it
  // again, saying why; a sign-in done elsewhere (useReauth) takes it away, but not the offer to
  // replay a mutation that the client put in its place. Once per reauth state: a new `messages`
  // object on a later render brings back no toast the person dismissed.
  const prompted = useSyncExternalStore(subscribeReauthPrompts, () => hasReauthPrompt(store), () => false);
  useEffect(() => {
    const state = store.getState();
    if (!canReauth || prompted || !reauthPrompt) {
      // Someone else asks now (a <ReauthPrompt/> mounted, the app's own UI): take back the toast
      // that asked, and ask again from the current state if the asking comes back here.
      if (asked.current && state.toasts.some((toast) => toast.id === asked.current!.id && toast.retry === null)) state.dismiss(asked.current.id, now());
      asked.current = null;
      handled.current = null;
      return;
    }
    if (handled.current === reauth) return;
    handled.current = reauth;
    const { status, error } = reauth;
    const ask = (asking: ApiError, message: string | null) => {
      asked.current = { id: state.showToast(asking, { now: now(), message, incident: reauth }).id, error: asking };
    };
    if (status === 'required' && error) ask(error, null);
    else if (status === 'failed' && asked.current) ask(asked.current.error, formatMessage(messages['reauth.failed'], { message: error?.message }));
    else if (status === 'ok' && asked.current) {
      const { id } = asked.current;
      asked.current = null;
      if (state.toasts.some((toast) => toast.id === id && toast.retry === null)) state.dismiss(id, now());
    }
  }, [reauth, canReauth, prompted, reauthPrompt, store, messages, now]);

  // Alt+T moves focus to the newest toast; Escape there dismisses it (see Toast).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.code !== hotkey) return;
      const items = listRef.current?.querySelectorAll<HTMLElement>(ITEM);
      const target = items?.[items.length - 1];
      if (!target) return;
      event.preventDefault();
      if (document.activeElement instanceof HTMLElement && !regionRef.current?.contains(document.activeElement)) returnFocusTo.current = document.activeElement;
      target.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [hotkey]);

  // Leaving the toasts resumes their timers (and hover/focus pauses are released on unmount).
  useEffect(() => {
    return () => {
      const state = store.getState();
      state.resume('hover', now());
      state.resume('focus', now());
    };
  }, [store, now]);

  const dismiss = (id: string) => {
    const hadFocus = regionRef.current?.contains(document.activeElement) ?? false;
    const items = [...(listRef.current?.querySelectorAll<HTMLElement>(ITEM) ?? [])];
    const index = items.findIndex((item) => item.contains(document.activeElement));
    store.getState().dismiss(id, now());
    if (!hadFocus) return;
    // Keep keyboard users in the toasts while there are any; then give focus back to where they came from.
    const neighbour = items[index + 1] ?? items[index - 1];
    if (neighbour && index >= 0) neighbour.focus();
    else {
      if (returnFocusTo.current?.isConnected) returnFocusTo.current.focus();
      returnFocusTo.current = null;
    }
  };

  const onFocus = (event: FocusEvent) => {
    store.getState().pause('focus', now());
    // Focus that arrives from the page (Tab, a click, Alt+T) goes back there when the toasts are gone.
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && !regionRef.current?.contains(from)) returnFocusTo.current = from;
  };

  const onBlur = (event: FocusEvent) => {
    if (!regionRef.current?.contains(event.relatedTarget as Node | null)) store.getState().resume('focus', now());
  };

  const label = messages['toaster.label'];
  const hotkeyLabel = `Alt+${hotkey.replace(/^Key/, '')}`;
  // Set through the CSSOM on the client only (the portal renders nothing on the server), so a strict CSP allows it.
  const style = offset === undefined ? undefined : ({ '--fl-offset': typeof offset === 'number' ? `${offset}px` : offset } as CSSProperties);
  return (
    <>
      {/* Hidden by a class, not a style attribute: a strict CSP blocks inline styles in server HTML. */}
      {(['polite', 'assertive'] as const).map((politeness) => (
        <div key={politeness} aria-live={politeness} aria-atomic="true" className="fl-sr-only" data-faultline-announcer={politeness}>
          {announcements[politeness]}
        </div>
      ))}
      <Portal>
        <section
          ref={regionRef}
          aria-label={`${label} (${hotkeyLabel})`}
          className={`fl-root fl-toaster ${className ?? ''}`.trim()}
          style={style}
          data-position={position}
          data-theme={theme}
          data-expanded={expand || undefined}
          data-faultline-toaster=""
          onMouseEnter={() => store.getState().pause('hover', now())}
          onMouseLeave={() => store.getState().resume('hover', now())}
          onFocus={onFocus}
          onBlur={onBlur}
        >
          <ol ref={listRef} className="fl-toast-list" data-count={visible.length}>
            {shown.map((toast) => (
              <Toast
                key={toast.id}
                toast={toast}
                onDismiss={dismiss}
                detailsOpen={details}
                depth={visible.length - 1 - visible.indexOf(toast)}
                leaving={!visible.includes(toast)}
              />
            ))}
          </ol>
          {overflow > 0 && <p className="fl-toaster-overflow">{formatMessage(messages['toaster.overflow'], { count: overflow })}</p>}
        </section>
      </Portal>
    </>
  );
}
