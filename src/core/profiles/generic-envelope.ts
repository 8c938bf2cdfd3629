import { isRecord, prop } from '../safe.js';
import { defineApi, type CodeRule } from '../profile.js';

// "A typical REST API" — "API Error Codes" (../shared/seeds/generic-envelope-errors.txt).
// `{ error: { code, message, details } }` with standard codes and custom business codes.
const codes = {
  INVALID_REQUEST: { kind: 'validation', retry: false, recovery: 'fix-request', message: '{message}' },
  UNAUTHENTICATED: { kind: 'unauthorized', retry: false, recovery: 'reauthenticate', message: 'You are signed out. Sign in again to continue.' },
  PERMISSION_DENIED: { kind: 'forbidden', retry: false, recovery: 'request-access', message: 'You do not have permission to do this.' },
  RESOURCE_NOT_FOUND: { kind: 'not_found', retry: false, recovery: 'fix-request', message: 'That could not be found.' },
  RATE_LIMIT_EXCEEDED: { kind: 'rate_limited', retry: true, safeToResend: true, recovery: 'wait', message: 'Too many requests. Trying again in {seconds}s.' },
  INTERNAL_SERVER_ERROR: { kind: 'server', retry: true, recovery: 'contact-support', message: 'Something went wrong on our side. Retrying shortly.' },
  SERVICE_UNAVAILABLE: { kind: 'unavailable', retry: true, recovery: 'retry', message: 'The service is temporarily unavailable. Retrying shortly.' },
  // The page's custom business code; its details (`required`, `available`) belong in the message.
  INSUFFICIENT_BALANCE: { kind: 'conflict', retry: false, recovery: 'add-funds', message: 'Your balance is too low: {required} needed, {available} available.' },
} satisfies Record<string, CodeRule>;

/** The common nested envelope `{ error: { code, message, details } }`; also reads any such API's custom codes. */
export const genericEnvelope = defineApi({
  name: 'generic',
  title: 'API',
  recognize: (body) => {
    const error = prop(body, 'error');
    return isRecord(error) && typeof prop(error, 'code') === 'string' && typeof prop(error, 'message') === 'string';
  },
  codes,
});
