import { errorFacts, type ApiError, type Recovery } from '../core/index.js';
import type { Catalog } from './context.js';
import type { ReauthStatus, ToastEntry } from '../store/index.js';

/** Recoveries only the app can do; a toast offers them when the app passed `onAction`. */
const APP_ACTIONS: ReadonlySet<string> = new Set(['requote', 'pay', 'add-funds', 'check-status', 'connect-wallet', 'switch-network', 'sign-again']);

export interface PrimaryAction {
  label: string;
  run: () => unknown;
}

/** What the primary action depends on besides the toast: the provider's context and the re-auth state. */
export interface ActionEnvironment {
  messages: Catalog;
  canReauth: boolean;
  reauthenticate: () => Promise<void>;
  onAction: ((action: Recovery, error: ApiError) => void) | undefined;
  reauthStatus: ReauthStatus;
}

/**
 * The primary action of a toast: what the error's recovery needs when the app can do it (pay, sign
 * in, re-quote…), else a retry of the failed work. Resending a 402 or an expired quote would only fail again.
 */
export function primaryAction(toast: ToastEntry, { messages, canReauth, reauthenticate, onAction, reauthStatus }: ActionEnvironment): PrimaryAction | null {
  // Type-checked fields that cannot throw: any ApiError a hostile SDK makes must render.
  const error = errorFacts(toast.error);
  const recovery = error.recovery;
  // Any 401 puts the provider in `required` (see report): its toast must offer the sign-in that
  // clears it, whatever recovery a hand-built error states, or later 401s would wait in silence.
  const signIn = recovery === 'reauthenticate' || error.kind === 'unauthorized';
  if (recovery && onAction && APP_ACTIONS.has(recovery)) {
    return { label: messages[`action.${recovery}`] ?? recovery, run: () => onAction(recovery, toast.error) };
  }
  if (signIn && canReauth && reauthStatus !== 'ok') return { label: messages['action.reauthenticate'], run: reauthenticate };
  // A rate limit with a window runs again by itself when it opens; a Retry now would be refused.
  if (toast.rateLimitKey !== null) return null;
  // Retry only where sending it again can help: not a 403, a validation error or an expired quote.
  const retryHelps = error.retryable || recovery === 'retry' || error.kind === 'unknown' || (error.kind === 'unauthorized' && reauthStatus === 'ok');
  if (toast.retry && retryHelps) return { label: messages['action.retry'], run: toast.retry };
  if (signIn && canReauth) return { label: messages['action.reauthenticate'], run: reauthenticate };
  return null;
}
