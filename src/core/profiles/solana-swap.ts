import { isRecord, prop } from '../safe.js';
import { defineApi, type CodeRule } from '../profile.js';

// A Solana swap / send API — "Error Handling" page (../shared/seeds/solana-swap-errors.txt).
// Bodies are `{ error, code, details, …echoed context }`; "branch on code, not on the status + prose".
const fix = { retry: false, recovery: 'fix-request' } as const;
// "On 503/504, retry after Retry-After (defaults to 1–2s) — these are warmup/timeout, not hard failures."
const warmup = { retry: true, defaultWaitMs: 1500, recovery: 'retry' } as const;

const codes = {
  INVALID_REQUEST: { kind: 'validation', ...fix, message: 'The swap request is invalid: {message}' },
  TX_INVALID: { kind: 'validation', ...fix, message: 'The signed transaction could not be read. Sign it again.' },
  TX_UNSIGNED: { kind: 'validation', ...fix, message: 'The transaction is not signed. Approve it in your wallet first.' },
  TX_TOO_LARGE: { kind: 'validation', retry: false, recovery: 'change-request', message: 'The transaction is larger than Solana allows (1232 bytes). Try a simpler route or a smaller swap.' },
  QUOTE_NOT_FOUND: { kind: 'not_found', retry: false, recovery: 'requote', message: 'This quote is no longer available. Getting a new one.' },
  // "Yes — re-quote": the fix is a new quote, never the same request again.
  QUOTE_EXPIRED: { kind: 'gone', retry: false, recovery: 'requote', message: 'The quote expired (quotes last 30 seconds). Getting a new one.' },
  NO_ROUTE: { kind: 'not_found', retry: false, recovery: 'change-request', message: 'No route was found for this pair and amount. Try another amount or pair.' },
  TOKEN_NOT_FOUND: { kind: 'not_found', ...fix, message: 'This token does not exist. Check the mint address.' },
  EXCEEDED_SLIPPAGE: { kind: 'not_found', retry: false, recovery: 'change-request', message: 'Every route exceeds your slippage tolerance. Raise slippage or swap a smaller amount.' },
  SIMULATION_FAILED: { kind: 'validation', retry: false, recovery: 'fix-request', message: 'The transaction failed in simulation and was not sent.' },
  ROUTE_TIMEOUT: { kind: 'timeout', ...warmup, message: 'Finding a route took too long. Retrying shortly.' },
  BLOCKHASH_UNAVAILABLE: { kind: 'unavailable', ...warmup, message: 'The swap service is warming up. Retrying in {seconds}s.' },
  SERVICE_UNAVAILABLE: { kind: 'unavailable', ...warmup, message: 'The quote service is warming up. Retrying in {seconds}s.' },
  // "The tx never entered the network — safe to retry the same signed tx."
  SEND_FAILED: { kind: 'bad_gateway', retry: true, safeToResend: true, recovery: 'retry', message: 'The network did not accept the transaction. Sending it again.' },
  // "Landing state unknown … retry idempotently (the same signed tx is deduplicated server-side)":
  // resend only the same signed transaction; never sign a new one, or the swap may happen twice.
  SUBMISSION_FAILED: { kind: 'bad_gateway', retry: true, safeToResend: true, recovery: 'check-status', message: 'The transaction may or may not have landed. Checking before doing anything else.' },
  // "Bundle submission not configured on this deployment": retrying cannot help.
  BUNDLE_UNAVAILABLE: { kind: 'unavailable', retry: false, recovery: 'contact-support', message: 'Bundle submission is not available on this service.' },
  BUNDLE_REJECTED: { kind: 'bad_gateway', retry: false, recovery: 'retry', message: 'The Jito block engine rejected the bundle.' },
  RATE_LIMITED: { kind: 'rate_limited', retry: true, safeToResend: true, recovery: 'wait', message: 'Too many requests. Trying again in {seconds}s.' },
  INTERNAL: { kind: 'server', retry: true, recovery: 'retry', message: 'The swap service had a problem.' },
} satisfies Record<string, CodeRule>;

/** The Solana swap / send API: `x-api-key`, 30 s quotes, signed-transaction submit, Jito bundles. */
export const solanaSwap = defineApi({
  name: 'solana-swap',
  title: 'Solana swap',
  recognize: (body) => {
    const code = prop(body, 'code');
    return isRecord(body) && typeof prop(body, 'error') === 'string' && typeof code === 'string' && Object.prototype.hasOwnProperty.call(codes, code);
  },
  codes,
  statuses: {
    401: { kind: 'unauthorized', retry: false, recovery: 'reauthenticate', message: 'The API key is missing or invalid.' },
    429: codes.RATE_LIMITED,
    503: codes.SERVICE_UNAVAILABLE,
    504: codes.ROUTE_TIMEOUT,
  },
});
