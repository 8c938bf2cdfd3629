import { defineApi, type CodeRule } from '../core/profile.js';
import { asNumber, inheritedProp } from '../core/safe.js';
import { readChainBody, toReading, type ChainFinding } from './chain-body.js';
import { revertOf } from './evm-revert.js';
import { errorLinks, findLink, numericCode, textOf, textsOf } from './links.js';

const addFunds = { kind: 'conflict', retry: false, recovery: 'add-funds' } as const;
const requote = { kind: 'conflict', retry: false, recovery: 'requote', message: 'The price moved more than your slippage allows. Get a new quote and try again.' } as const;
const limited = { kind: 'rate_limited', retry: true, recovery: 'wait', message: 'The RPC provider is limiting requests. Trying again in {seconds}s.' } as const;
const tokenBalance = { ...addFunds, message: 'Your token balance is too low for this. Add funds and try again.' } as const;

// Codes: ethers v6's error codes for node failures (viem's error classes and raw node messages are
// read into the same codes), JSON-RPC numbers for provider limits, and for a revert its reason
// string (contracts such as Uniswap use short reason strings as codes) or its 4-byte selector.
const codes = {
  INSUFFICIENT_FUNDS: { ...addFunds, message: 'Your balance cannot cover this amount plus the network fee. Add funds and try again.' },
  // "nonce too low" / "already known": a transaction with this nonce was already sent; it may land.
  NONCE_EXPIRED: { kind: 'conflict', retry: false, recovery: 'check-status', message: 'A transaction with this nonce was already sent. Check its status before sending again.' },
  REPLACEMENT_UNDERPRICED: { kind: 'conflict', retry: false, recovery: 'change-request', message: 'A pending transaction needs a higher fee to be replaced. Raise the fee and try again.' },
  // The receipt did not arrive in time: the transaction may still be mined.
  TIMEOUT: { kind: 'timeout', retry: false, recovery: 'check-status', message: 'The transaction was not confirmed in time. It may still go through: check its status before sending again.' },
  '429': limited, // HTTP 429, Alchemy's JSON-RPC 429
  '-32005': limited, // Infura and geth: limit exceeded
  '-32007': limited, // QuickNode: request limit reached
  '-32429': limited,
  '-32603': { kind: 'server', retry: true, recovery: 'retry' },
  // Uniswap v2 router, v3 SwapRouter / SwapRouter02, Universal Router custom errors.
  'UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT': requote,
  'UniswapV2Router: EXCESSIVE_INPUT_AMOUNT': requote,
  'Too little received': requote,
  'Too much requested': requote,
  '0x39d35496': requote, // V3TooLittleReceived()
  '0x739dbe52': requote, // V3TooMuchRequested()
  '0x849eaf98': requote, // V2TooLittleReceived()
  '0x8ab0bc16': requote, // V2TooMuchRequested()
  // ERC-20 balances: OpenZeppelin 4 reason strings and OpenZeppelin 5's ERC20InsufficientBalance.
  'ERC20: transfer amount exceeds balance': tokenBalance,
  'ERC20: burn amount exceeds balance': tokenBalance,
  '0xe450d38c': tokenBalance,
} satisfies Record<string, CodeRule>;

const RATE_LIMIT_CODES = new Set([429, -32005, -32007, -32429]);
const WALLET_CODES = new Set([4001, 4100, 4900, 4901, 4902]);
const NODE_TEXTS: ReadonlyArray<[RegExp, string]> = [
  [/insufficient funds/i, 'INSUFFICIENT_FUNDS'],
  [/nonce too low|already known|nonce has already been used|known transaction/i, 'NONCE_EXPIRED'],
  [/replacement transaction underpriced|replacement fee too low|transaction underpriced/i, 'REPLACEMENT_UNDERPRICED'],
];
// viem's classes and ethers' codes for the same node failures.
const NAMED: Record<string, string> = {
  InsufficientFundsError: 'INSUFFICIENT_FUNDS',
  INSUFFICIENT_FUNDS: 'INSUFFICIENT_FUNDS',
  NonceTooLowError: 'NONCE_EXPIRED',
  NONCE_EXPIRED: 'NONCE_EXPIRED',
  REPLACEMENT_UNDERPRICED: 'REPLACEMENT_UNDERPRICED',
  WaitForTransactionReceiptTimeoutError: 'TIMEOUT',
  TIMEOUT: 'TIMEOUT',
};

function isEvm(links: readonly unknown[]): boolean {
  return links.some((link) => {
    const code = inheritedProp(link, 'code');
    const shortMessage = typeof inheritedProp(link, 'shortMessage') === 'string';
    // viem's BaseError: shortMessage, docsPath and its version; ethers: shortMessage and a string code.
    return (shortMessage && (typeof inheritedProp(link, 'version') === 'string' || typeof code === 'string')) || typeof code === 'number';
  });
}

/** Infura's `data.rate.backoff_seconds` (and a flat `backoff_seconds`), in seconds. */
function backoffSeconds(links: readonly unknown[]): number | null {
  for (const link of links) {
    const data = inheritedProp(link, 'data');
    const seconds = asNumber(inheritedProp(inheritedProp(data, 'rate'), 'backoff_seconds') ?? inheritedProp(data, 'backoff_seconds'));
    if (seconds !== null && seconds >= 0) return seconds;
  }
  return null;
}

function find(thrown: unknown): ChainFinding | null {
  const links = errorLinks(thrown);
  if (!isEvm(links)) return null;
  // A wallet's failure (a 4902 inside MetaMask's -32603) is the wallet profile's.
  if (links.some((link) => WALLET_CODES.has(numericCode(link) ?? 0) || inheritedProp(link, 'code') === 'ACTION_REJECTED')) return null;
  const texts = textsOf(links);
  // viem's HttpRequestError keeps the status, headers and URL; its RpcRequestError the URL.
  const http = findLink(links, (link) => typeof inheritedProp(link, 'status') === 'number' && inheritedProp(link, 'status') !== 200);
  const url = links.map((link) => textOf(link, 'url')).find(Boolean) ?? null;
  const status = http ? (inheritedProp(http, 'status') as number) : null;
  const nodeText = textOf(findLink(links, (link) => typeof inheritedProp(link, 'details') === 'string'), 'details');
  const innermost = links.map((link) => textOf(link, 'message')).filter(Boolean).pop() ?? null;

  const rpcLimit = links.map(numericCode).find((code) => code !== null && RATE_LIMIT_CODES.has(code));
  // ethers retries a 429 itself, then throws SERVER_ERROR with info.responseStatus
  // "599 CLIENT ESCALATED SERVER ERROR (429 Too Many Requests; exceeded maximum retry limit)".
  const escalated = links.map((link) => inheritedProp(link, 'info')).find((info) => /\b429\b/.test(textOf(info, 'responseStatus') ?? ''));
  if (status === 429 || rpcLimit !== undefined || escalated !== undefined) {
    return {
      code: rpcLimit != null ? String(rpcLimit) : '429',
      message: nodeText ?? innermost,
      retryAfterSeconds: backoffSeconds(links),
      status: status ?? (escalated !== undefined ? 429 : null),
      headers: http ? inheritedProp(http, 'headers') : undefined,
      url: url ?? textOf(escalated, 'requestUrl'),
    };
  }
  for (const link of links) {
    const known = NAMED[textOf(link, 'name') ?? ''] ?? NAMED[typeof inheritedProp(link, 'code') === 'string' ? (inheritedProp(link, 'code') as string) : ''];
    if (known) return { code: known, message: nodeText ?? textOf(link, 'shortMessage'), url };
  }
  const revert = revertOf(links);
  const internal = links.some((link) => numericCode(link) === -32603);
  // viem reads a -32603 from eth_call as a revert whose "reason" is the node's message; without revert data it is not one.
  if (revert && !(internal && revert.selector === null)) {
    const code = revert.reason ?? revert.selector ?? 'CALL_EXCEPTION';
    const known = Object.prototype.hasOwnProperty.call(codes, code) || Object.prototype.hasOwnProperty.call(codes, revert.selector ?? '');
    return {
      code: Object.prototype.hasOwnProperty.call(codes, code) ? code : revert.selector && known ? revert.selector : code,
      message: revert.reason ?? revert.errorName ?? 'The transaction reverted.',
      details: { selector: revert.selector, reason: revert.reason, errorName: revert.errorName },
      ...(known ? {} : { kind: 'conflict' as const }),
      url,
    };
  }
  for (const [pattern, code] of NODE_TEXTS) {
    if (texts.some((text) => pattern.test(text))) return { code, message: nodeText ?? innermost, url };
  }
  const rpc = links.map(numericCode).find((code) => code !== null);
  if (rpc !== undefined && rpc !== null) return { code: String(rpc), message: nodeText ?? innermost, url };
  return null;
}

/**
 * Ethereum JSON-RPC failures as viem and ethers v6 throw them (and raw EIP-1474 errors): provider
 * rate limits with their backoff, balances, nonces, fee replacement, receipt timeouts, and contract
 * reverts with their reason or selector.
 */
export const evmRpc = defineApi({
  name: 'evm-rpc',
  title: 'Ethereum RPC',
  codes,
  read: (body) => readChainBody(body),
  readThrown: (thrown) => {
    const finding = find(thrown);
    return finding ? toReading(finding) : null;
  },
});
