import { useId, useState, type KeyboardEvent } from 'react';
import { describeError, errorFacts, formatMessage } from '../core/index.js';
import { rateLimitWindow, type ToastEntry } from '../store/index.js';
import { useApiErrorContext } from './context.js';
import { useApiErrorStore } from './useApiErrorStore.js';
import { useNow } from './useNow.js';

export interface ToastProps {
  toast: ToastEntry;
  onDismiss: (id: string) => void;
}

const APP_ACTIONS: ReadonlySet<string> = new Set(['requote', 'pay', 'add-funds', 'check-status', 'connect-wallet', 'switch-network', 'sign-again']);

/**
 * The primary action of a toast: what the error's recovery needs when the app can do it (pay, sign
 * in, re-quote…), else a retry of the failed work. Resending a 402 or an expired quote would only fail again.
 */
function usePrimaryAction(toast: ToastEntry) {
  const { messages, canReauth, reauthenticate, onAction } = useApiErrorContext();
  const reauthStatus = useApiErrorStore((state) => state.reauth.status);
  // Type-checked fields that cannot throw: any ApiError a hostile SDK makes must render.
  const error = errorFacts(toast.error);
  const recovery = error.recovery;
  if (recovery && onAction && APP_ACTIONS.has(recovery)) {
    return { label: messages[`action.${recovery}`] ?? recovery, run: () => onAction(recovery, toast.error) };
  }
  if (recovery === 'reauthenticate' && canReauth && reauthStatus !== 'ok') return { label: messages['action.reauthenticate'] ?? 'Sign in', run: reauthenticate };
  // A rate limit with a window runs again by itself when it opens; a Retry now would be refused.
  if (toast.rateLimitKey !== null) return null;
  // Retry only where sending it again can help: not a 403, a validation error or an expired quote.
  const retryHelps = error.retryable || recovery === 'retry' || error.kind === 'unknown' || (error.kind === 'unauthorized' && reauthStatus === 'ok');
  if (toast.retry && retryHelps) return { label: messages['action.retry'] ?? 'Retry', run: toast.retry };
  if (recovery === 'reauthenticate' && canReauth) return { label: messages['action.reauthenticate'] ?? 'Sign in', run: reauthenticate };
  return null;
}

/** A bar that empties as a rate-limit window runs out; the seconds are in the toast's text. */
function Countdown({ left, total, label }: { left: number; total: number; label: string }) {
  return (
    <div className="fl-progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={left}>
      <div className="fl-progress-bar" style={{ width: `${(left / total) * 100}%` }} />
    </div>
  );
}

/** One toast. Server text arrives here as plain strings and is rendered as text, never as HTML. */
export function Toast({ toast, onDismiss }: ToastProps) {
  const { messages, profiles, now } = useApiErrorContext();
  // Type-checked fields that cannot throw (docUrl an http(s) URL again): the toast renders these.
  const error = errorFacts(toast.error);
  const id = useId();
  const [copied, setCopied] = useState(false);
  // A rate-limit toast counts down with its window: the text says the seconds left, live.
  const window = useApiErrorStore((state) => (toast.rateLimitKey === null ? undefined : rateLimitWindow(state.rateLimits, toast.rateLimitKey)));
  const current = useNow(window !== undefined, now, window?.resetAt);
  const total = window ? Math.max(1, Math.ceil((window.resetAt - window.openedAt) / 1000)) : 0;
  const left = window ? Math.min(total, Math.max(0, Math.ceil((window.resetAt - current) / 1000))) : 0;
  const { title, description } = describeError(toast.error, { messages, profiles, now: current, ...(window ? { secondsLeft: left } : {}) });
  const primary = usePrimaryAction(toast);
  // What support needs, for the details disclosure: [message key, value].
  const allFacts: Array<[string, string | number | null]> = [
    ['details.api', error.api],
    ['details.status', error.status],
    ['details.code', error.code],
    ['details.requestId', error.requestId],
  ];
  const facts = allFacts.filter((fact): fact is [string, string | number] => fact[1] !== null);
  const text = toast.message ?? description;

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
      data-politeness={toast.politeness}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className="fl-toast-header">
        <strong className="fl-toast-title" id={`${id}-title`}>
          {title}
        </strong>
        {toast.count > 1 && (
          <span className="fl-toast-count" aria-label={formatMessage(messages['toaster.count'] ?? '{count} times', { count: toast.count }) ?? undefined}>
            ×{toast.count}
          </span>
        )}
        <button type="button" className="fl-toast-close" aria-label={messages['action.dismiss'] ?? 'Dismiss'} onClick={() => onDismiss(toast.id)}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p className="fl-toast-description" id={`${id}-description`}>
        {text}
      </p>
      {window && <Countdown left={left} total={total} label={formatMessage(messages['toaster.countdown'] ?? '', { seconds: left }) ?? ''} />}
      <div className="fl-toast-actions">
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
      {facts.length > 0 && (
        <details className="fl-toast-details">
          <summary>{messages['action.details']}</summary>
          <dl>
            {facts.map(([label, value]) => (
              <div key={label} className="fl-toast-fact">
                <dt>{messages[label]}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </li>
  );
}
