import { asText, isRecord, prop } from '../safe.js';
import type { ApiProfile, CodeRule } from '../profile.js';

// piratecrew.fun API — "Errors & Retries" (../shared/seeds/piratecrew-errors.txt).
// `{ error: { code, message, param, doc_url }, meta: { request_id } }`.
const codes = {
  bad_request: { kind: 'validation', retry: false, recovery: 'fix-request' },
  unauthorized: { kind: 'unauthorized', retry: false, recovery: 'reauthenticate' },
  forbidden: { kind: 'forbidden', retry: false, recovery: 'request-access' },
  not_found: { kind: 'not_found', retry: false, recovery: 'fix-request' },
  // "Idempotency-Key reused with a different request body": use a fresh key for a different request.
  conflict: { kind: 'conflict', retry: false, recovery: 'change-request' },
  // "Yes — exponential backoff from 1s" (the default base delay).
  rate_limited: { kind: 'rate_limited', retry: true, safeToResend: true, recovery: 'wait' },
  // "Yes — max 3 attempts with jitter": the first try and two retries.
  internal_error: { kind: 'server', retry: true, maxRetries: 2, recovery: 'retry' },
} satisfies Record<string, CodeRule>;

/** "API key missing required scope(s): fees:claim, pools:write" → ["fees:claim", "pools:write"]. */
export function missingScopes(message: string | null | undefined): string[] | null {
  const match = message ? /missing required scope\(?s?\)?:\s*(.+)$/i.exec(message) : null;
  if (!match?.[1]) return null;
  const scopes = match[1].split(/[\s,]+/).map((scope) => scope.replace(/[.;]+$/, '')).filter(Boolean);
  return scopes.length ? scopes.slice(0, 20) : null;
}

/** piratecrew.fun: API keys with scopes, Idempotency-Key, request ids in `meta`. */
export const pirateCrew = ({
  name: 'piratecrew',
  title: 'piratecrew',
  hosts: ['piratecrew.fun'],
  recognize: (body) => {
    const error = prop(body, 'error');
    const code = prop(error, 'code');
    return isRecord(error) && typeof code === 'string' && (Object.prototype.hasOwnProperty.call(codes, code) || isRecord(prop(body, 'meta')));
  },
  read: (_body, general) => {
    const scopes = missingScopes(asText(general.message ?? null));
    return scopes ? { details: { missingScopes: scopes } } : {};
  },
  codes,
  statuses: {
    403: codes.forbidden,
    409: codes.conflict,
    429: codes.rate_limited,
    500: codes.internal_error,
  },
}) as const satisfies ApiProfile;

/**
 * pirateCrew's words for people, keyed `piratecrew.<code or status>` as `ApiError.messageKey` names them.
 * Only UI code imports this (`describeError`'s or the provider's `messages`); reading errors never does.
 */
export const pirateCrewMessages: Readonly<Record<string, string>> = {
  'piratecrew.bad_request': 'Check {param}: {message}',
  'piratecrew.unauthorized': 'Your piratecrew session is missing or expired. Sign in again.',
  'piratecrew.forbidden': 'This API key is not allowed to do that. Ask an admin for the scope, or use mode=unsigned.',
  'piratecrew.not_found': 'piratecrew could not find that account, pool or proof.',
  'piratecrew.conflict': 'This request reused an idempotency key with a different body.',
  'piratecrew.rate_limited': 'piratecrew quota reached. Trying again in {seconds}s.',
  'piratecrew.internal_error': 'piratecrew had a problem. Retrying.',
  'piratecrew.403': 'This API key is not allowed to do that. Ask an admin for the scope, or use mode=unsigned.',
  'piratecrew.409': 'This request reused an idempotency key with a different body.',
  'piratecrew.429': 'piratecrew quota reached. Trying again in {seconds}s.',
  'piratecrew.500': 'piratecrew had a problem. Retrying.',
};
