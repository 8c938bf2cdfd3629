import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { formatMessage } from '../core/index.js';
import { useApiErrorContext } from './context.js';
import { useReauth } from './useReauth.js';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The modal that asks to sign in again after a 401. Its button runs the app's `onReauth` once,
 * however many requests failed; focus stays inside while it is open and returns where it was after.
 */
export function ReauthPrompt() {
  const { messages, canReauth, store, now } = useApiErrorContext();
  const { status, error, reauthenticate } = useReauth();
  const [dismissedFor, setDismissedFor] = useState<unknown>(null);
  const open = canReauth && (status === 'required' || status === 'refreshing' || status === 'failed') && dismissedFor !== error;
  const dialogRef = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialogRef.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      // Give focus back to where the person was, if that is still on the page.
      if (previous?.isConnected) previous.focus();
    };
  }, [open]);

  if (!open) return null;

  const later = () => {
    setDismissedFor(error);
    // Leave a way back: a toast with the same Sign in action.
    if (error) store.getState().showToast(error, { now: now() });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      later();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = [...(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  // aria-disabled, not disabled: a disabled button would drop the focus out of the dialog.
  const refreshing = status === 'refreshing';
  return (
    <div className="fl-backdrop" data-faultline-reauth="">
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        className="fl-dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`} className="fl-dialog-title">
          {messages['reauth.title']}
        </h2>
        <p id={`${id}-description`} className="fl-dialog-description">
          {messages['reauth.description']}
        </p>
        {status === 'failed' && (
          <p role="alert" className="fl-dialog-error">
            {formatMessage(messages['reauth.failed'] ?? '', { message: error?.message }) ?? messages['reauth.failed']?.replace(/:? ?\{message\}/, '')}
          </p>
        )}
        <div className="fl-dialog-actions">
          <button type="button" className="fl-button" onClick={later}>
            {messages['reauth.later']}
          </button>
          <button type="button" className="fl-button fl-button-primary" data-autofocus="" onClick={() => void reauthenticate()} aria-disabled={refreshing} aria-busy={refreshing}>
            {refreshing ? messages['reauth.refreshing'] : messages['reauth.button']}
          </button>
        </div>
      </div>
    </div>
  );
}
