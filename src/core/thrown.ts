import type { ErrorKind } from './kinds.js';
import { inheritedProp } from './safe.js';

// How the failures that never got an HTTP response announce themselves, message for message (a
// substring would make `TypeError('Not a network error')` one):
const NETWORK_MESSAGES: ReadonlySet<string> = new Set([
  'Failed to fetch', // Chromium (fetch's TypeError)
  'NetworkError when attempting to fetch resource.', // Firefox
  'Load failed', // Safari / WebKit
  'The network connection was lost.', // Safari (NSURLErrorNetworkConnectionLost)
  'The Internet connection appears to be offline.', // Safari (NSURLErrorNotConnectedToInternet)
  'fetch failed', // Node's undici; its `cause` carries ECONNREFUSED and the like
  'terminated', // undici: the connection closed while the body was streaming
  'Network connection lost.', // Cloudflare Workers
  'Network request failed', // React Native (whatwg-fetch)
  'Network Error', // axios (with code ERR_NETWORK)
]);
// Deno: "error sending request for url (https://…): …" (its fetch's TypeError); newer Chromium
// and Safari add the host: "Failed to fetch (api.example.com)", "Load failed (api.example.com)".
const NETWORK_PREFIX = /^(?:error sending request for url \(|(?:Failed to fetch|Load failed) \([^()]{1,253}\)$)/;

/** Whether a message is one a runtime gives a request that got no HTTP response. */
export function isNetworkMessage(message: string): boolean {
  return NETWORK_MESSAGES.has(message) || NETWORK_PREFIX.test(message.slice(0, 300));
}
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_NETWORK', 'UND_ERR_SOCKET', 'ERR_INTERNET_DISCONNECTED']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
// A person said no in their wallet: EIP-1193 4001, ethers' ACTION_REJECTED, viem's and the
// Solana wallet adapter's error names, and the phrases wallets use.
const REJECTED_NAMES = /^(UserRejectedRequestError|WalletSignTransactionError|WalletSendTransactionError|WalletSignMessageError|WalletConnectionError)$/;
const REJECTED_MESSAGE = /user rejected|user denied|rejected the request|rejected by (the )?user|user cancell?ed|user declined|request rejected/i;

// viem nests a contract revert six levels deep (ContractFunctionExecutionError → … → RpcRequestError → the RPC error).
const MAX_CAUSE_DEPTH = 8;

const capped = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : value);

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
    // Capped before any pattern reads them: a thrown value can carry a message of any size.
    const name = capped(inheritedProp(link, 'name'), 200);
    const code = capped(inheritedProp(link, 'code'), 200);
    const message = capped(inheritedProp(link, 'message'), 1000);
    // React Query's CancelledError (query.cancel(), an unmount) carries `revert` / `silent`.
    if (name === 'AbortError' || code === 'ERR_CANCELED' || code === 20 || (message === 'CancelledError' && inheritedProp(link, 'revert') !== undefined)) return 'aborted';
    if (name === 'TimeoutError' || code === 23 || (typeof code === 'string' && TIMEOUT_CODES.has(code))) return 'timeout';
    if (code === 4001 || code === 'ACTION_REJECTED' || (typeof name === 'string' && REJECTED_NAMES.test(name) && typeof message === 'string' && REJECTED_MESSAGE.test(message))) return 'aborted';
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return 'network';
    if (typeof message === 'string' && REJECTED_MESSAGE.test(message) && (typeof code === 'number' || typeof name === 'string' && /wallet|reject/i.test(name))) return 'aborted';
    if ((name === 'TypeError' || name === 'Error' || name === 'AxiosError') && typeof message === 'string' && isNetworkMessage(message)) return 'network';
  }
  return null;
}
