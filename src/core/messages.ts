import type { ApiError } from './api-error.js';
import type { ErrorKind } from './kinds.js';
import type { ApiProfile } from './profile.js';
import type { Recovery } from './recovery.js';
import { isErrorKind, kindFacts } from './kinds.js';
import { asText, attempt, finiteNumber, inheritedProp, isRecord, prop } from './safe.js';
import { safeHttpUrl } from './url-safety.js';
import type { ApiName } from './register.js';

/**
 * Every text faultline shows, by key; pass overrides (or a whole translation) to the provider's
 * `messages`. Code messages are keyed `api.CODE` (e.g. `solana-swap.QUOTE_EXPIRED`) or `api.STATUS`,
 * and default to the profile's own. Placeholders: `{seconds}`, `{param}`, `{message}`, `{code}`,
 * `{status}`, `{requestId}`, `{count}`, and any string or number field of `details` (`{required}`).
 */
export type Messages = Record<string, string>;

const KIND_TEXT: Record<ErrorKind, [title: string, description: string]> = {
  validation: ['Check your input', '{message}'],
  unauthorized: ['Please sign in again', 'Your session has expired.'],
  forbidden: ['Not allowed', 'You do not have permission to do this.'],
  not_found: ['Not found', 'What you asked for does not exist or was removed.'],
  conflict: ['Could not complete this', '{message}'],
  gone: ['No longer available', 'This has expired. Try again to get a fresh one.'],
  payment_required: ['Payment required', 'This needs a payment before it can continue.'],
  payload_too_large: ['Too large', 'The file or request is too large.'],
  rate_limited: ['Slow down', 'Too many requests. Trying again in {seconds}s.'],
  server: ['Something went wrong', 'The server had a problem. Please try again.'],
  bad_gateway: ['Service hiccup', 'An upstream service did not answer properly. Please try again.'],
  unavailable: ['Temporarily unavailable', 'The service is busy or under maintenance. Please try again shortly.'],
  timeout: ['Taking too long', 'The request timed out. Please try again.'],
  network: ['You seem to be offline', 'Check your connection and try again.'],
  aborted: ['Cancelled', 'The request was cancelled.'],
  unknown: ['Something went wrong', 'An unexpected error occurred.'],
};

const UI_TEXT = {
  // No countdown and no wait known: nothing promises a retry, so the text promises none either.
  'kind.rate_limited.description.unknown': 'Too many requests. Please wait a moment before trying again.',
  // The automatic retries are over (or there are none); the toast's Retry sends at once.
  'kind.rate_limited.description.stopped': 'Too many requests. Stopped trying again automatically.',
  'kind.fallback.description': 'Something went wrong. Please try again.',
  'action.retry': 'Retry',
  'action.reauthenticate': 'Sign in',
  'action.requote': 'Get a new quote',
  'action.pay': 'Pay',
  'action.add-funds': 'Add funds',
  'action.check-status': 'Check status',
  'action.connect-wallet': 'Connect wallet',
  'action.switch-network': 'Switch network',
  'action.sign-again': 'Sign again',
  // Titles for recoveries the kind's own title would misname (a wallet is not "Not allowed").
  'recovery.connect-wallet.title': 'Connect your wallet',
  'recovery.switch-network.title': 'Wrong network',
  'recovery.sign-again.title': 'Transaction expired',
  'action.dismiss': 'Dismiss',
  'action.details': 'Details',
  'action.docs': 'Docs',
  'action.copyRequestId': 'Copy request id',
  'action.copied': 'Copied',
  'toaster.label': 'Notifications',
  'toaster.count': '{count} times',
  'toaster.overflow': '{count} more errors were not shown',
  'toaster.countdown': 'Time until the next try: {seconds}s',
  'details.code': 'Code',
  'details.status': 'Status',
  'details.requestId': 'Request id',
  'details.api': 'API',
  // The rest of the sign-in dialog's words live with the opt-in <ReauthPrompt/> (see ReauthPromptKey).
  'reauth.failed': 'Signing in did not work: {message}',
  'reauth.replay': 'You are signed in again. Retry what failed?',
  'boundary.retry': 'Try again',
} as const;

/** A key of the built-in catalog (`kind.<kind>.title`, `action.retry`, `toaster.label`, …). */
export type CatalogKey = `kind.${ErrorKind}.${'title' | 'description'}` | keyof typeof UI_TEXT;

/** The words of the opt-in `<ReauthPrompt/>` dialog: English defaults ship with it, not in this catalog. */
export type ReauthPromptKey = 'reauth.title' | 'reauth.description' | 'reauth.button' | 'reauth.refreshing' | 'reauth.later';

/** A key the provider's `messages` accepts: a catalog key, a dialog's word, or an API's code or status (`'solana-swap.QUOTE_EXPIRED'`, `'pumpfun.429'`). */
export type MessageKey = CatalogKey | ReauthPromptKey | `${ApiName}.${string}`;

/** Overrides of the catalog by key, for the provider's `messages` (a translation, a product's own words). */
export type MessageOverrides = Partial<Record<MessageKey, string>>;

/** The English catalog: kinds, actions and the UI's own labels. */
export const defaultMessages: Messages & Record<CatalogKey, string> = {
  ...(Object.fromEntries(
    Object.entries(KIND_TEXT).flatMap(([kind, [title, description]]) => [
      [`kind.${kind}.title`, title],
      [`kind.${kind}.description`, description],
    ]),
  ) as Record<`kind.${ErrorKind}.${'title' | 'description'}`, string>),
  ...UI_TEXT,
};

/** What a person reads about an error, and the one action that helps most. */
export interface ErrorDescription {
  title: string;
  description: string;
  action: { type: Recovery; label: string } | null;
}

export interface DescribeOptions {
  /** Overrides and the catalogs of the APIs you use (`{ ...pumpFunMessages, ...chainMessages }`). */
  messages?: Messages;
  /** Your own profiles whose rules carry a `message`: found under the error's `messageKey`. */
  profiles?: readonly ApiProfile[];
  now?: number;
  /** Seconds left to wait, when the caller counts down a window itself (overrides the error's own wait). */
  secondsLeft?: number;
}

const ACTIONS: ReadonlySet<Recovery> = new Set<Recovery>(['retry', 'reauthenticate', 'requote', 'pay', 'add-funds', 'check-status', 'connect-wallet', 'switch-network', 'sign-again']);

/** Fills `{name}` placeholders; null when one has no value, so the caller can fall back. */
export function formatMessage(template: string, values: Record<string, string | number | null | undefined>): string | null {
  let missing = false;
  const text = template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    if (value === null || value === undefined || value === '') {
      missing = true;
      return '';
    }
    return String(value);
  });
  return missing ? null : text;
}

/**
 * The fields of an error that the UI reads, each checked for its type: an ApiError from another
 * bundle or a hostile SDK may hold anything, or throw from a getter. Never throws.
 */
export interface ErrorFacts {
  kind: ErrorKind;
  status: number | null;
  code: string | null;
  message: string;
  param: string | null;
  requestId: string | null;
  api: string | null;
  /** The catalog key of the profile rule that read the error (`ApiError.messageKey`). */
  messageKey: string | null;
  /** An http(s) URL, checked again here: the UI renders it as a link. */
  docUrl: string | null;
  retryAfterMs: number | null;
  resetAt: number | null;
  recovery: Recovery | null;
  retryable: boolean;
  details: unknown;
}

const text = (value: unknown, max = 500): string | null => (typeof value === 'string' ? value.slice(0, max) : null);

/** Reads an error's fields for display; see `ErrorFacts`. Never throws. */
export function errorFacts(error: unknown): ErrorFacts {
  const read = (key: string) => attempt(() => inheritedProp(error, key), undefined);
  const kind = read('kind');
  const status = finiteNumber(read('status'));
  const recovery = read('recovery');
  return {
    kind: isErrorKind(kind) ? kind : 'unknown',
    status: status !== null && Number.isInteger(status) && status >= 100 && status <= 599 ? status : null,
    code: text(read('code'), 200),
    message: text(read('message'), 2000) ?? '',
    param: text(read('param'), 200),
    requestId: text(read('requestId'), 200),
    api: text(read('api'), 200),
    messageKey: text(read('messageKey'), 300),
    docUrl: safeHttpUrl(read('docUrl')),
    retryAfterMs: finiteNumber(read('retryAfterMs')),
    resetAt: finiteNumber(attempt(() => prop(read('rateLimit'), 'resetAt'), undefined)),
    recovery: typeof recovery === 'string' ? (recovery.slice(0, 40) as Recovery) : null,
    retryable: read('retryable') === true,
    details: read('details'),
  };
}

/** The placeholder values of an error: its fields, its details, and the seconds left to wait. */
function valuesOf(error: ErrorFacts, now: number, secondsLeft: number | undefined): Record<string, string | number | null> {
  // No prototype: a `__proto__` key in details stays an ordinary placeholder.
  const values: Record<string, string | number | null> = Object.create(null);
  attempt(() => {
    const details = error.details;
    if (!isRecord(details)) return;
    for (const key of Object.keys(details).slice(0, 30)) {
      const value = asText(prop(details, key));
      if (value !== null) values[key] = value.slice(0, 200);
    }
  }, undefined);
  const waitMs = error.retryAfterMs ?? (error.resetAt !== null ? error.resetAt - now : null);
  return Object.assign(values, {
    seconds: secondsLeft !== undefined ? Math.max(1, secondsLeft) : waitMs === null ? null : Math.max(1, Math.ceil(waitMs / 1000)),
    param: error.param,
    // A 5xx never shows the server's own text.
    message: (error.status !== null && error.status >= 500) || kindFacts(error.kind).serverSide ? null : error.message,
    code: error.code,
    status: error.status,
    requestId: error.requestId,
  });
}

/** `messages[key]` when it is the catalog's own string: `constructor` finds nothing. */
function own(messages: Messages, key: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(messages, key)) return undefined;
  const value = messages[key];
  return typeof value === 'string' ? value : undefined;
}

const inlineCatalogs = new WeakMap<readonly ApiProfile[], Messages>();

/** The `message` of every rule of your own profiles, by `<api>.<code or status>`; built once per list. */
function inlineMessages(profiles: readonly ApiProfile[]): Messages {
  const catalog = inlineCatalogs.get(profiles);
  if (catalog) return catalog;
  // No prototype: a code named `__proto__` is a key like any other.
  const found: Messages = Object.create(null);
  for (const profile of profiles.slice(0, 64)) {
    attempt(() => {
      for (const table of [profile.codes, profile.statuses] as Array<Record<string, { message?: unknown }> | undefined>) {
        for (const [code, rule] of Object.entries(table ?? {})) {
          if (typeof rule?.message === 'string') found[`${profile.name}.${code}`] ??= rule.message; // the first rule (codes before statuses) wins
        }
      }
    }, undefined);
  }
  inlineCatalogs.set(profiles, found);
  return found;
}

/**
 * Describes an error for a person, from the catalog, the profile's messages and any overrides.
 * Never throws, whatever the error holds: a hostile value gets the generic text.
 */
export function describeError(error: ApiError, options: DescribeOptions = {}): ErrorDescription {
  try {
    return describeUnsafe(errorFacts(error), options);
  } catch {
    return { title: defaultMessages['kind.unknown.title']!, description: defaultMessages['kind.fallback.description']!, action: null };
  }
}

function describeUnsafe(error: ErrorFacts, options: DescribeOptions): ErrorDescription {
  const messages: Messages = options.messages ? { ...defaultMessages, ...options.messages } : defaultMessages;
  const values = valuesOf(error, options.now ?? Date.now(), options.secondsLeft);
  const key = error.messageKey;
  const candidates = [
    key ? own(messages, key) : undefined,
    error.api && error.code ? own(messages, `${error.api}.${error.code}`) : undefined,
    error.api && error.status !== null ? own(messages, `${error.api}.${error.status}`) : undefined,
    key && options.profiles ? own(inlineMessages(options.profiles), key) : undefined,
    own(messages, `kind.${error.kind}.description`),
    error.kind === 'rate_limited' ? own(messages, 'kind.rate_limited.description.unknown') : undefined,
    own(messages, 'kind.fallback.description'),
  ];
  let description = '';
  for (const template of candidates) {
    const filled = template === undefined ? null : formatMessage(template, values);
    if (filled) {
      description = filled;
      break;
    }
  }

  const recovery = error.recovery;
  const action = recovery && ACTIONS.has(recovery) ? { type: recovery, label: own(messages, `action.${recovery}`) ?? recovery } : null;
  const title = (recovery ? own(messages, `recovery.${recovery}.title`) : undefined) ?? own(messages, `kind.${error.kind}.title`) ?? own(messages, 'kind.unknown.title') ?? '';
  return { title, description, action };
}
