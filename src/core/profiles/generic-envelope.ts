import { isRecord, prop } from '../safe.js';
import type { ApiProfile, CodeRule } from '../profile.js';

// "A typical REST API" — "API Error Codes" (../shared/seeds/generic-envelope-errors.txt).
// `{ error: { code, message, details } }` with standard codes and custom business codes.
const codes = {
  INVALID_REQUEST: { kind: 'validation', retry: false, recovery: 'fix-request' },
  UNAUTHENTICATED: { kind: 'unauthorized', retry: false, recovery: 'reauthenticate' },
  PERMISSION_DENIED: { kind: 'forbidden', retry: false, recovery: 'request-access' },
  RESOURCE_NOT_FOUND: { kind: 'not_found', retry: false, recovery: 'fix-request' },
  RATE_LIMIT_EXCEEDED: { kind: 'rate_limited', retry: true, safeToResend: true, recovery: 'wait' },
  INTERNAL_SERVER_ERROR: { kind: 'server', retry: true, recovery: 'contact-support' },
  SERVICE_UNAVAILABLE: { kind: 'unavailable', retry: true, recovery: 'retry' },
  // The page's custom business code; its details (`required`, `available`) belong in the message.
  INSUFFICIENT_BALANCE: { kind: 'conflict', retry: false, recovery: 'add-funds' },
} satisfies Record<string, CodeRule>;

/** The common nested envelope `{ error: { code, message, details } }`; also reads any such API's custom codes. */
export const genericEnvelope = ({
  name: 'generic',
  title: 'API',
  recognize: (body) => {
    const error = prop(body, 'error');
    return isRecord(error) && typeof prop(error, 'code') === 'string' && typeof prop(error, 'message') === 'string';
  },
  codes,
}) as const satisfies ApiProfile;

/**
 * genericEnvelope's words for people, keyed `generic.<code or status>` as `ApiError.messageKey` names them.
 * Only UI code imports this (`describeError`'s or the provider's `messages`); reading errors never does.
 */
export const genericEnvelopeMessages: Readonly<Record<string, string>> = {
  'generic.INVALID_REQUEST': '{message}',
  'generic.UNAUTHENTICATED': 'You are signed out. Sign in again to continue.',
  'generic.PERMISSION_DENIED': 'You do not have permission to do this.',
  'generic.RESOURCE_NOT_FOUND': 'That could not be found.',
  'generic.RATE_LIMIT_EXCEEDED': 'Too many requests. Trying again in {seconds}s.',
  'generic.INTERNAL_SERVER_ERROR': 'Something went wrong on our side. Retrying shortly.',
  'generic.SERVICE_UNAVAILABLE': 'The service is temporarily unavailable. Retrying shortly.',
  'generic.INSUFFICIENT_BALANCE': 'Your balance is too low: {required} needed, {available} available.',
};
