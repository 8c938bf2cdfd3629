import { isRecord, prop } from '../safe.js';
import type { ApiProfile, CodeRule } from '../profile.js';

// A Solana swap / send API — "Error Handling" page (../shared/seeds/solana-swap-errors.txt).
// Bodies are `{ error, code, details, …echoed context }`; "branch on code, not on the status + prose".
const fix = { retry: false, recovery: 'fix-request' } as const;
// "On 503/504, retry after Retry-After (defaults to 1–2s) — these are warmup/timeout, not hard failures."
const warmup = { retry: true, defaultWaitMs: 1500, recovery: 'retry' } as const;

const codes = {
  INVALID_REQUEST: { kind: 'validation', ...fix },
  TX_INVALID: { kind: 'validation', ...fix },
  TX_UNSIGNED: { kind: 'validation', ...fix },
  TX_TOO_LARGE: { kind: 'validation', retry: false, recovery: 'change-request' },
  QUOTE_NOT_FOUND: { kind: 'not_found', retry: false, recovery: 'requote' },
  // "Yes — re-quote": the fix is a new quote, never the same request again.
  QUOTE_EXPIRED: { kind: 'gone', retry: false, recovery: 'requote' },
  NO_ROUTE: { kind: 'not_found', retry: false, recovery: 'change-request' },
  TOKEN_NOT_FOUND: { kind: 'not_found', ...fix },
  EXCEEDED_SLIPPAGE: { kind: 'not_found', retry: false, recovery: 'change-request' },
  SIMULATION_FAILED: { kind: 'validation', retry: false, recovery: 'fix-request' },
  ROUTE_TIMEOUT: { kind: 'timeout', ...warmup },
  BLOCKHASH_UNAVAILABLE: { kind: 'unavailable', ...warmup },
  SERVICE_UNAVAILABLE: { kind: 'unavailable', ...warmup },
  // "The tx never entered the network — safe to retry the same signed tx."
  SEND_FAILED: { kind: 'bad_gateway', retry: true, safeToResend: true, recovery: 'retry' },
  // "Landing state unknown … retry idempotently (the same signed tx is deduplicated server-side)":
  // resend only the same signed transaction; never sign a new one, or the swap may happen twice.
  SUBMISSION_FAILED: { kind: 'bad_gateway', retry: true, safeToResend: true, recovery: 'check-status' },
  // "Bundle submission not configured on this deployment": retrying cannot help.
  BUNDLE_UNAVAILABLE: { kind: 'unavailable', retry: false, recovery: 'contact-support' },
  BUNDLE_REJECTED: { kind: 'bad_gateway', retry: false, recovery: 'retry' },
  RATE_LIMITED: { kind: 'rate_limited', retry: true, safeToResend: true, recovery: 'wait' },
  INTERNAL: { kind: 'server', retry: true, recovery: 'retry' },
} satisfies Record<string, CodeRule>;

/** The Solana swap / send API: `x-api-key`, 30 s quotes, signed-transaction submit, Jito bundles. */
export const solanaSwap = ({
  name: 'solana-swap',
  title: 'Solana swap',
  recognize: (body) => {
    const code = prop(body, 'code');
    return isRecord(body) && typeof prop(body, 'error') === 'string' && typeof code === 'string' && Object.prototype.hasOwnProperty.call(codes, code);
  },
  codes,
  statuses: {
    401: { kind: 'unauthorized', retry: false, recovery: 'reauthenticate' },
    429: codes.RATE_LIMITED,
    503: codes.SERVICE_UNAVAILABLE,
    504: codes.ROUTE_TIMEOUT,
  },
}) as const satisfies ApiProfile;

/**
 * solanaSwap's words for people, keyed `solana-swap.<code or status>` as `ApiError.messageKey` names them.
 * Only UI code imports this (`describeError`'s or the provider's `messages`); reading errors never does.
 */
export const solanaSwapMessages: Readonly<Record<string, string>> = {
  'solana-swap.INVALID_REQUEST': 'The swap request is invalid: {message}',
  'solana-swap.TX_INVALID': 'The signed transaction could not be read. Sign it again.',
  'solana-swap.TX_UNSIGNED': 'The transaction is not signed. Approve it in your wallet first.',
  'solana-swap.TX_TOO_LARGE': 'The transaction is larger than Solana allows (1232 bytes). Try a simpler route or a smaller swap.',
  'solana-swap.QUOTE_NOT_FOUND': 'This quote is no longer available. Getting a new one.',
  'solana-swap.QUOTE_EXPIRED': 'The quote expired (quotes last 30 seconds). Getting a new one.',
  'solana-swap.NO_ROUTE': 'No route was found for this pair and amount. Try another amount or pair.',
  'solana-swap.TOKEN_NOT_FOUND': 'This token does not exist. Check the mint address.',
  'solana-swap.EXCEEDED_SLIPPAGE': 'Every route exceeds your slippage tolerance. Raise slippage or swap a smaller amount.',
  'solana-swap.SIMULATION_FAILED': 'The transaction failed in simulation and was not sent.',
  'solana-swap.ROUTE_TIMEOUT': 'Finding a route took too long. Retrying shortly.',
  'solana-swap.BLOCKHASH_UNAVAILABLE': 'The swap service is warming up. Retrying in {seconds}s.',
  'solana-swap.SERVICE_UNAVAILABLE': 'The quote service is warming up. Retrying in {seconds}s.',
  'solana-swap.SEND_FAILED': 'The network did not accept the transaction. Sending it again.',
  'solana-swap.SUBMISSION_FAILED': 'The transaction may or may not have landed. Checking before doing anything else.',
  'solana-swap.BUNDLE_UNAVAILABLE': 'Bundle submission is not available on this service.',
  'solana-swap.BUNDLE_REJECTED': 'The Jito block engine rejected the bundle.',
  'solana-swap.RATE_LIMITED': 'Too many requests. Trying again in {seconds}s.',
  'solana-swap.INTERNAL': 'The swap service had a problem.',
  'solana-swap.401': 'The API key is missing or invalid.',
  'solana-swap.429': 'Too many requests. Trying again in {seconds}s.',
  'solana-swap.503': 'The quote service is warming up. Retrying in {seconds}s.',
  'solana-swap.504': 'Finding a route took too long. Retrying shortly.',
};
