import { inheritedProp, isArray } from '../core/safe.js';

// Wallet and chain SDKs wrap the error that matters several layers deep: viem's `cause` chain
// (six levels for a contract revert), ethers' `info.error` and `error`, MetaMask's
// `data.originalError` (a 4902 inside a -32603), the Solana wallet adapter's `error`.
const MAX_LINKS = 16;
// Every text is cut before a pattern reads it: SDK messages embed request bodies and logs.
const MAX_TEXT = 2000;

/** The thrown value and every error it wraps, outermost first; bounded and cycle-safe. */
export function errorLinks(value: unknown): unknown[] {
  const links: unknown[] = [];
  const queue: unknown[] = [value];
  while (queue.length > 0 && links.length < MAX_LINKS) {
    const link = queue.shift();
    if (link === null || (typeof link !== 'object' && typeof link !== 'function') || links.includes(link)) continue;
    links.push(link);
    const data = inheritedProp(link, 'data');
    for (const next of [inheritedProp(link, 'cause'), inheritedProp(link, 'error'), inheritedProp(inheritedProp(link, 'info'), 'error'), inheritedProp(data, 'originalError')]) {
      if (next !== undefined && next !== null) queue.push(next);
    }
  }
  return links;
}

/** A string field of a link, cut to a bounded length; null when absent. */
export function textOf(link: unknown, key: string): string | null {
  const value = inheritedProp(link, key);
  return typeof value === 'string' ? value.slice(0, MAX_TEXT) : null;
}

/** A link's numeric code (EIP-1193, JSON-RPC), or null. */
export function numericCode(link: unknown): number | null {
  const code = inheritedProp(link, 'code');
  return typeof code === 'number' && Number.isInteger(code) ? code : null;
}

/** Every readable text of the links (message, viem's shortMessage and details, a reason). */
export function textsOf(links: readonly unknown[]): string[] {
  const texts: string[] = [];
  for (const link of links) {
    for (const key of ['message', 'shortMessage', 'details', 'reason', 'transactionMessage']) {
      const text = textOf(link, key);
      if (text) texts.push(text);
    }
  }
  return texts;
}

/** The first link for which `test` holds. */
export function findLink(links: readonly unknown[], test: (link: unknown) => boolean): unknown {
  return links.find((link) => {
    try {
      return test(link);
    } catch {
      return false;
    }
  });
}

/** Program logs a Solana error carries (web3.js `logs`, kit's `context.logs`, an RPC `data.logs`), capped. */
export function logsOf(links: readonly unknown[]): string[] | null {
  for (const link of links) {
    for (const source of [inheritedProp(link, 'logs'), inheritedProp(inheritedProp(link, 'context'), 'logs'), inheritedProp(inheritedProp(link, 'data'), 'logs')]) {
      if (isArray(source)) return source.slice(-50).filter((line): line is string => typeof line === 'string').map((line) => line.slice(0, 500));
    }
  }
  return null;
}
