import { asNumber, isRecord, prop } from '../safe.js';
import type { ApiProfile } from '../profile.js';

// Pump.fun frontend API v3 — "Error Handling" page (../shared/seeds/pumpfun-errors.txt).
// Errors are `{ error, message, statusCode }` (the exact format "may vary by endpoint");
// codes are not documented, so the rules hang on the status.
const transient = { retry: true, maxRetries: 3, recovery: 'retry' } as const; // "total=3, backoff_factor=1: 1, 2, 4 s"

/** Pump.fun frontend API v3: JWT bearer auth, ETag caching, `x-ratelimit-*` headers. */
export const pumpFun = ({
  name: 'pumpfun',
  title: 'Pump.fun',
  hosts: ['pump.fun'],
  recognize: (body) =>
    isRecord(body) && typeof prop(body, 'error') === 'string' && asNumber(prop(body, 'statusCode')) !== null && prop(body, 'code') === undefined,
  statuses: {
    400: { kind: 'validation', retry: false, recovery: 'fix-request' },
    // "Don't retry authentication errors — 401 errors require re-authentication, not retries."
    401: { kind: 'unauthorized', retry: false, recovery: 'reauthenticate' },
    403: { kind: 'forbidden', retry: false, recovery: 'request-access' },
    404: { kind: 'not_found', retry: false, recovery: 'fix-request' },
    // Its own example waits `Retry-After`, or 60 s when the header is missing.
    429: { kind: 'rate_limited', retry: true, defaultWaitMs: 60_000, safeToResend: true, recovery: 'wait' },
    500: { ...transient, kind: 'server' },
    502: { ...transient, kind: 'bad_gateway' },
    503: { ...transient, kind: 'unavailable' },
    504: { ...transient, kind: 'timeout' },
  },
}) as const satisfies ApiProfile;

/**
 * pumpFun's words for people, keyed `pumpfun.<code or status>` as `ApiError.messageKey` names them.
 * Only UI code imports this (`describeError`'s or the provider's `messages`); reading errors never does.
 */
export const pumpFunMessages: Readonly<Record<string, string>> = {
  'pumpfun.400': 'Pump.fun could not accept this request: {message}',
  'pumpfun.401': 'Your Pump.fun session has expired. Sign in again to continue.',
  'pumpfun.403': 'Your account is not allowed to do this on Pump.fun.',
  'pumpfun.404': 'Pump.fun could not find this coin or resource.',
  'pumpfun.429': 'Pump.fun is rate-limiting requests. Trying again in {seconds}s.',
  'pumpfun.500': 'Pump.fun had a problem. Retrying shortly.',
  'pumpfun.502': 'Pump.fun could not reach an upstream service. Retrying shortly.',
  'pumpfun.503': 'Pump.fun is temporarily unavailable (maybe maintenance). Retrying shortly.',
  'pumpfun.504': 'Pump.fun took too long to answer. Retrying shortly.',
};
