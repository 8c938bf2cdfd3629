import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { formatMessage, type ReauthPromptKey } from '../core/index.js';
import { useApiErrorContext } from './context.js';
import { Portal } from './Portal.js';
import { addReauthPrompt } from './reauth-prompts.js';
import { useReauth } from './useReauth.js';

/** The dialog's English, here rather than in the catalog: apps without the dialog do not ship it. Overridden by the provider's `messages`. */
const WORDS: Record<ReauthPromptKey, string> = {
  'reauth.title': 'Your session has expired',
  'reauth.description': 'Sign in again to continue. What failed will run again once you are back.',
  'reauth.button': 'Sign in again',
  'reauth.refreshing': 'Signing in…',
  'reauth.later': 'Not now',
};

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The modal that asks to sign in again after a 401, for apps that want one: render it beside
 * `<ApiErrorToaster/>` (without it, the toaster asks with a toast whose Sign in does the same).
 * Its button runs the app's `onReauth` once, however many requests failed. A native `<dialog>`
 * opened with showModal() in a portal under document.body: the browser makes the page behind it
 * inert (no Tab, Shift+Tab or click reaches it), and focus returns where it was when it closes.
 */
// useLayoutEffect warns when rendered on a server (React 18); there it is a no-op either way.
const useClientLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

export function ReauthPrompt() {
  const { messages, canReauth, store, now } = useApiErrorContext();
  const words = (key: ReauthPromptKey) => (Object.hasOwn(messages, key) ? messages[key]! : WORDS[key]);
  const { status, error, reauthenticate } = useReauth();
  const [dismissedFor, setDismissedFor] = useState<unknown>(null);
  const open = canReauth && (status === 'required' || status === 'refreshing' || status === 'failed') && dismissedFor !== error;
  const id = useId();
  // While mounted, the toaster leaves the asking to this dialog. A layout effect: it runs before
  // any passive effect of the same commit, so a toaster mounted beside it never asks first.
  useClientLayoutEffect(() => addReauthPrompt(store), [store]);

  const later = () => {
    setDismissedFor(error);
    // Leave a way back: a toast with the same Sign in action.
    if (error) store.getState().showToast(error, { now: now() });
  };

  if (!open) return null;
  return (
    <Portal>
      <Dialog titleId={`${id}-title`} descriptionId={`${id}-description`} onCancel={later}>
        <h2 id={`${id}-title`} className="fl-dialog-title">
          {words('reauth.title')}
        </h2>
        <p id={`${id}-description`} className="fl-dialog-description">
          {words('reauth.description')}
        </p>
        {status === 'failed' && (
          <p role="alert" className="fl-dialog-error">
            {formatMessage(messages['reauth.failed'], { message: error?.message }) ?? messages['reauth.failed'].replace(/:? ?\{message\}/, '')}
          </p>
        )}
        <div className="fl-dialog-actions">
          <button type="button" className="fl-button" onClick={later}>
            {words('reauth.later')}
          </button>
          {/* aria-disabled, not disabled: a disabled button would drop the focus out of the dialog. */}
          <button
            type="button"
            className="fl-button fl-button-primary"
            data-autofocus=""
            onClick={() => void reauthenticate()}
            aria-disabled={status === 'refreshing'}
            aria-busy={status === 'refreshing'}
          >
            {status === 'refreshing' ? words('reauth.refreshing') : words('reauth.button')}
          </button>
        </div>
      </Dialog>
    </Portal>
  );
}

interface DialogProps {
  titleId: string;
  descriptionId: string;
  onCancel: () => void;
  children: ReactNode;
}

/** A modal `<dialog>`: shown with showModal() where the browser has it, focus given back on close. */
function Dialog({ titleId, descriptionId, onCancel, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // jsdom and old engines have no showModal: then an open dialog with the Tab wrap below.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      // Give focus back to where the person was, if that is still on the page.
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      // Ours, not the browser's close: "Not now" leaves a toast to come back by.
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    // The modal keeps focus in the page's top layer; this keeps it cycling inside the dialog.
    const items = [...(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    const inside = ref.current?.contains(document.activeElement) ?? false;
    if (event.shiftKey && (document.activeElement === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className="fl-root fl-dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      data-faultline-reauth=""
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
