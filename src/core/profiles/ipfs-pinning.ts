import { asText, isRecord, prop } from '../safe.js';
import { defineApi, type CodeRule } from '../profile.js';

// An IPFS pinning service — "HTTP Status Codes" (../shared/seeds/ipfs-pinning-x402-errors.txt):
// Pinning API and WebUI send `{ error: { reason, details } }`; the x402 gateway sends a bare
// `{ error: "CODE" }`, `{ error: "RATE_LIMITED", retry_after: 60 }` and the x402 payment body.
const codes = {
  BAD_REQUEST: { kind: 'validation', retry: false, recovery: 'fix-request', message: 'The request was not valid: {message}' },
  UNAUTHORIZED: { kind: 'unauthorized', retry: false, recovery: 'reauthenticate', message: 'Your pinning session has expired. Sign in again.' },
  FORBIDDEN: { kind: 'forbidden', retry: false, recovery: 'request-access', message: 'You do not have permission to do this.' },
  NOT_FOUND: { kind: 'not_found', retry: false, recovery: 'fix-request', message: 'That pin does not exist, was deleted, or belongs to someone else.' },
  INSUFFICIENT_FUNDS: { kind: 'conflict', retry: false, recovery: 'add-funds', message: 'Not enough credits: this storage exceeds the free tier.' },
  PAYLOAD_TOO_LARGE: { kind: 'payload_too_large', retry: false, recovery: 'change-request', message: 'The file is too large for the gateway.' },
  RATE_LIMITED: { kind: 'rate_limited', retry: true, safeToResend: true, recovery: 'wait', message: 'Too many uploads. Trying again in {seconds}s.' },
  INTERNAL_SERVER_ERROR: { kind: 'server', retry: true, recovery: 'retry', message: 'The pinning service had a problem. Retrying.' },
  INTERNAL_ERROR: { kind: 'server', retry: true, recovery: 'retry', message: 'The gateway had a problem. Retrying.' },
  // Not an HTTP code: the pin lifecycle's last state ("failed: Unable to pin"), read from a 200 PinStatus.
  failed: { kind: 'unknown', retry: false, recovery: 'retry', message: 'Pinning failed: {status_details}' },
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
export const ipfsPinning = defineApi({
  name: 'ipfs-pinning',
  title: 'IPFS pinning',
  failedBody: isFailedPin,
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
    402: { kind: 'payment_required', retry: false, recovery: 'pay', message: 'This upload or download needs a payment.' },
    413: codes.PAYLOAD_TOO_LARGE,
    429: codes.RATE_LIMITED,
    502: { kind: 'bad_gateway', retry: true, recovery: 'retry', message: 'An upstream IPFS service is unavailable. Retrying.' },
    503: { kind: 'unavailable', retry: true, recovery: 'retry', message: 'The pinning service is down for maintenance. Retrying later.' },
    // "Retry with smaller payload or longer timeout."
    504: { kind: 'timeout', retry: true, recovery: 'change-request', message: 'The request timed out. Try a smaller file.' },
  },
});
