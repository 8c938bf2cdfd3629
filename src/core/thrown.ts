import type { ErrorKind } from './error-kind.js';
import { inheritedProp } from './safe.js';

// How the failures that never got an HTTP response announce themselves, across runtimes:
// browsers ("Failed to fetch", "NetworkError when attempting…", Safari's "Load failed"),
// Node's undici ("fetch failed" with a cause carrying ECONNREFUSED…), axios (ERR_NETWORK…).
const NETWORK_MESSAGE = /failed to fetch|networkerror|load failed|fetch failed|network request failed|network error|internet connection appears to be offline/i;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_NETWORK', 'UND_ERR_SOCKET', 'ERR_INTERNET_DISCONNECTED']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
// A person said no in their wallet: EIP-1193 4001, ethers' ACTION_REJECTED, viem's and the
// Solana wallet adapter's error names, and the phrases wallets use.
const REJECTED_NAMES = /^(UserRejectedRequestError|WalletSignTransactionError|WalletSendTransactionError|WalletSignMessageError|WalletConnectionError)$/;
const REJECTED_MESSAGE = /user rejected|user denied|rejected the request|rejected by (the )?user|user cancell?ed|user declined|request rejected/i;

const MAX_CAUSE_DEPTH = 5;

/** The value and its `cause` chain, bounded (viem and undici wrap the real reason several levels deep). */
export function causeChain(value: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = value;
  while (current !== undefined && current !== null && chain.length < MAX_CAUSE_DEPTH && !chain.includes(current)) {
    chain.push(current);
    current = inheritedProp(current, 'cause');
  }
  return chain;
}

/** The kind of a thrown value that carries no HTTP response, or null when it is not one of those. */
export function kindOfThrown(value: unknown): ErrorKind | null {
  for (const link of causeChain(value)) {
    const name = inheritedProp(link, 'name');
    const code = inheritedProp(link, 'code');
    const message = inheritedProp(link, 'message');
    // React Query's CancelledError (query.cancel(), an unmount) carries `revert` / `silent`.
    if (name === 'AbortError' || code === 'ERR_CANCELED' || code === 20 || (message === 'CancelledError' && inheritedProp(link, 'revert') !== undefined)) return 'aborted';
    if (name === 'TimeoutError' || code === 23 || (typeof code === 'string' && TIMEOUT_CODES.has(code))) return 'timeout';
    if (code === 4001 || code === 'ACTION_REJECTED' || (typeof name === 'string' && REJECTED_NAMES.test(name) && typeof message === 'string' && REJECTED_MESSAGE.test(message))) return 'aborted';
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return 'network';
    if (typeof message === 'string' && REJECTED_MESSAGE.test(message) && (typeof code === 'number' || typeof name === 'string' && /wallet|reject/i.test(name))) return 'aborted';
    if (name === 'TypeError' && typeof message === 'string' && NETWORK_MESSAGE.test(message)) return 'network';
  }
  return null;
}
