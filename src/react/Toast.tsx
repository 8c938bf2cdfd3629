import { useId, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { describeError, errorFacts, formatMessage } from '../core/index.js';
import { rateLimitWindow, type ToastEntry } from '../store/index.js';
import { useApiErrorContext } from './context.js';
import { Facts, hasFacts } from './Facts.js';
import { primaryAction } from './primary-action.js';
import { useApiErrorStore } from './useApiErrorStore.js';
import { ToastIcon, toastFamily } from './ToastIcon.js';
import { useNow } from './useNow.js';
import { useSwipe } from './useSwipe.js';

export interface ToastProps {
  toast: ToastEntry;
  onDismiss: (id: string) => void;
  /** Start with the details (request id, code, Copy, Docs) shown. Default false. */
  detailsOpen?: boolean;
  /** Place in the stack counted from the newest (0): how far back it sits while the stack is collapsed. */
  depth?: number;
  /** Animating out: hidden from assistive technology and no longer interactive. */
  leaving?: boolean;
}

/** The primary action of a toast (see primaryAction), with the re-auth state it depends on. */
function usePrimaryAction(toast: ToastEntry) {
  const context = useApiErrorContext();
  const reauthStatus = useApiErrorStore((state) => state.reauth.status);
  return primaryAction(toast, { ...context, reauthStatus });
}

/** A bar that empties as a rate-limit window runs out; the seconds are in the toast's text. */
function Countdown({ left, total, label }: { left: number; total: number; label: string }) {
  return (
    <div className="fl-progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={left}>
      <div className="fl-progress-bar" style={{ width: `${(left / total) * 100}%` }} />
    </div>
  );
}

// Set as an attribute, not a prop: React 18 does not know `inert` and would warn.
const makeInert = (element: HTMLElement | null) => element?.setAttribute('inert', '');

/**
 * One toast, compact: icon, title, message, one primary action and a close button. Request id,
 * code, status, Copy and Docs wait in a collapsed disclosure for the person who opens it
 * (`detailsOpen` starts it expanded). Server text is rendered as text, never as HTML.
 */
export function Toast({ toast, onDismiss, detailsOpen = false, depth = 0, leaving = false }: ToastProps) {
  const { messages, profiles, now } = useApiErrorContext();
  // Type-checked fields that cannot throw (docUrl an http(s) URL again): the toast renders these.
  const error = errorFacts(toast.error);
  const id = useId();
  const [copied, setCopied] = useState(false);
  const [open, setOpen] = useState(detailsOpen);
  // The toaster's `details` option changed: follow it (state adjusted during render, as React's docs advise).
  const [openFor, setOpenFor] = useState(detailsOpen);
  if (openFor !== detailsOpen) {
    setOpenFor(detailsOpen);
    setOpen(detailsOpen);
  }
  const swipe = useSwipe(() => onDismiss(toast.id));
  // A rate-limit toast counts down with its window: the text says the seconds left, live.
  const window = useApiErrorStore((state) => (toast.rateLimitKey === null ? undefined : rateLimitWindow(state.rateLimits, toast.rateLimitKey)));
  const current = useNow(window !== undefined, now, window?.resetAt);
  const total = window ? Math.max(1, Math.ceil((window.resetAt - window.openedAt) / 1000)) : 0;
  const left = window ? Math.min(total, Math.max(0, Math.ceil((window.resetAt - current) / 1000))) : 0;
  const { title, description } = describeError(toast.error, { messages, profiles, now: current, ...(window ? { secondsLeft: left } : {}) });
  const primary = usePrimaryAction(toast);
  const hasDetails = hasFacts(error) || error.docUrl !== null;
  const text = toast.message ?? description;
  const countLabel = formatMessage(messages['toaster.count'], { count: toast.count }) ?? '';

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onDismiss(toast.id);
    }
  };

  const copyRequestId = async () => {
    if (!error.requestId) return;
    try {
      await navigator.clipboard.writeText(error.requestId);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <li
      className="fl-toast"
      data-kind={error.kind}
      data-family={toastFamily(error.kind)}
      data-politeness={toast.politeness}
      data-behind={depth > 0 || undefined}
      data-leaving={leaving || undefined}
      aria-hidden={leaving || undefined}
      ref={leaving ? makeInert : undefined}
      style={{ '--fl-depth': depth } as CSSProperties}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
      tabIndex={leaving ? -1 : 0}
      onKeyDown={onKeyDown}
      {...(leaving ? {} : swipe)}
    >
      <ToastIcon family={toastFamily(error.kind)} />
      <div className="fl-toast-body">
        <div className="fl-toast-head">
          <span className="fl-toast-title" id={`${id}-title`}>
            {title}
          </span>
          {toast.count > 1 && (
            <span className="fl-toast-count">
              <span aria-hidden="true">×{toast.count}</span>
              <span className="fl-sr-only">{countLabel}</span>
            </span>
          )}
          {hasDetails && (
            <button type="button" className="fl-toast-more" aria-expanded={open} aria-controls={`${id}-details`} onClick={() => setOpen(!open)}>
              {messages['action.details']}
            </button>
          )}
        </div>
        <div className="fl-toast-description" id={`${id}-description`}>
          {text}
        </div>
        {window && <Countdown left={left} total={total} label={formatMessage(messages['toaster.countdown'], { seconds: left }) ?? ''} />}
        {hasDetails && (
          <div className="fl-toast-details" id={`${id}-details`} hidden={!open}>
            {hasFacts(error) && <Facts error={error} messages={messages} />}
            <div className="fl-toast-links">
              {error.requestId && (
                <button type="button" className="fl-button" onClick={copyRequestId}>
                  {copied ? messages['action.copied'] : messages['action.copyRequestId']}
                </button>
              )}
              {error.docUrl && (
                <a className="fl-button" href={error.docUrl} target="_blank" rel="noopener noreferrer">
                  {messages['action.docs']}
                </a>
              )}
            </div>
          </div>
        )}
      </div>
      {primary && (
        <button
          type="button"
          className="fl-button fl-button-primary"
          onClick={() => {
            void primary.run();
            onDismiss(toast.id);
          }}
        >
          {primary.label}
        </button>
      )}
      <button type="button" className="fl-toast-close" aria-label={messages['action.dismiss']} onClick={() => onDismiss(toast.id)}>
        <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="M6 6l12 12M18 6 6 18" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
        </svg>
      </button>
    </li>
  );
}
