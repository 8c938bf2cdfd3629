import { asText, isRecord, prop } from '../safe.js';
import type { ApiProfile, CodeRule } from '../profile.js';

// An IPFS pinning service — "HTTP Status Codes" (../shared/seeds/ipfs-pinning-x402-errors.txt):
// Pinning API and WebUI send `{ error: { reason, details } }`; the x402 gateway sends a bare
// `{ error: "CODE" }`, `{ error: "RATE_LIMITED", retry_after: 60 }` and the x402 payment body.
const codes = {
  BAD_REQUEST: { kind: 'validation', retry: false, recovery: 'fix-request' },
  UNAUTHORIZED: { kind: 'unauthorized', retry: false, recovery: 'reauthenticate' },
  FORBIDDEN: { kind: 'forbidden', retry: false, recovery: 'request-access' },
  NOT_FOUND: { kind: 'not_found', retry: false, recovery: 'fix-request' },
  INSUFFICIENT_FUNDS: { kind: 'conflict', retry: false, recovery: 'add-funds' },
  PAYLOAD_TOO_LARGE: { kind: 'payload_too_large', retry: false, recovery: 'change-request' },
  RATE_LIMITED: { kind: 'rate_limited', retry: true, safeToResend: true, recovery: 'wait' },
  INTERNAL_SERVER_ERROR: { kind: 'server', retry: true, recovery: 'retry' },
  INTERNAL_ERROR: { kind: 'server', retry: true, recovery: 'retry' },
  // Not an HTTP code: the pin lifecycle's last state ("failed: Unable to pin"), read from a 200 PinStatus.
  failed: { kind: 'unknown', retry: false, recovery: 'retry' },
} satisfies Record<string, CodeRule>;

/** A Pinning Service PinStatus whose pin failed: `{ requestid, status: 'failed', pin, info }`. */
function isFailedPin(body: unknown): boolean {
  return isRecord(body) && typeof prop(body, 'requestid') === 'string' && prop(body, 'status') === 'failed';
}

/** The x402 `Payment Required` body: `{ x402Version, accepts: [...], error }`. */
function isX402(body: unknown): boolean {
  return isRecord(body) && prop(body, 'x402Version') !== undefined;
}

/** An IPFS pinning service: Pinning API, x402 payment gateway, WebUI. */
export const ipfsPinning = ({
  name: 'ipfs-pinning',
  title: 'IPFS pinning',
  isFailedBody: isFailedPin,
  recognize: (body) => {
    const error = prop(body, 'error');
    if (isFailedPin(body) || isX402(body) || (isRecord(error) && typeof prop(error, 'reason') === 'string')) return true;
    return typeof error === 'string' && Object.prototype.hasOwnProperty.call(codes, error) && prop(body, 'message') === undefined;
  },
  read: (body) => {
    if (isFailedPin(body)) {
      const info = prop(body, 'info');
      return {
        code: 'failed',
        message: asText(prop(info, 'status_details')) ?? 'Unable to pin',
        details: { requestid: prop(body, 'requestid'), cid: prop(prop(body, 'pin'), 'cid'), status_details: asText(prop(info, 'status_details')) ?? 'unable to pin' },
      };
    }
    if (isX402(body)) {
      return {
        code: null,
        message: asText(prop(body, 'error')) ?? 'Payment Required',
        details: { x402Version: prop(body, 'x402Version'), accepts: prop(body, 'accepts') },
      };
    }
    const error = prop(body, 'error');
    // `details` is the message here ("Access token is missing or invalid"), not context.
    return isRecord(error) ? { code: asText(prop(error, 'reason')), message: asText(prop(error, 'details')), details: undefined } : {};
  },
  codes,
  statuses: {
    // x402: without X-PAYMENT, "get payment requirements"; with it, "payment was rejected".
    402: { kind: 'payment_required', retry: false, recovery: 'pay' },
    413: codes.PAYLOAD_TOO_LARGE,
    429: codes.RATE_LIMITED,
    502: { kind: 'bad_gateway', retry: true, recovery: 'retry' },
    503: { kind: 'unavailable', retry: true, recovery: 'retry' },
    // "Retry with smaller payload or longer timeout."
    504: { kind: 'timeout', retry: true, recovery: 'change-request' },
  },
}) as const satisfies ApiProfile;

/**
 * ipfsPinning's words for people, keyed `ipfs-pinning.<code or status>` as `ApiError.messageKey` names them.
 * Only UI code imports this (`describeError`'s or the provider's `messages`); reading errors never does.
 */
export const ipfsPinningMessages: Readonly<Record<string, string>> = {
  'ipfs-pinning.BAD_REQUEST': 'The request was not valid: {message}',
  'ipfs-pinning.UNAUTHORIZED': 'Your pinning session has expired. Sign in again.',
  'ipfs-pinning.FORBIDDEN': 'You do not have permission to do this.',
  'ipfs-pinning.NOT_FOUND': 'That pin does not exist, was deleted, or belongs to someone else.',
  'ipfs-pinning.INSUFFICIENT_FUNDS': 'Not enough credits: this storage exceeds the free tier.',
  'ipfs-pinning.PAYLOAD_TOO_LARGE': 'The file is too large for the gateway.',
  'ipfs-pinning.RATE_LIMITED': 'Too many uploads. Trying again in {seconds}s.',
  'ipfs-pinning.INTERNAL_SERVER_ERROR': 'The pinning service had a problem. Retrying.',
  'ipfs-pinning.INTERNAL_ERROR': 'The gateway had a problem. Retrying.',
  'ipfs-pinning.failed': 'Pinning failed: {status_details}',
  'ipfs-pinning.402': 'This upload or download needs a payment.',
  'ipfs-pinning.413': 'The file is too large for the gateway.',
  'ipfs-pinning.429': 'Too many uploads. Trying again in {seconds}s.',
  'ipfs-pinning.502': 'An upstream IPFS service is unavailable. Retrying.',
  'ipfs-pinning.503': 'The pinning service is down for maintenance. Retrying later.',
  'ipfs-pinning.504': 'The request timed out. Try a smaller file.',
};
