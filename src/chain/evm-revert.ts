import { inheritedProp } from '../core/safe.js';
import { textOf } from './links.js';

/** A contract revert: its selector, and the reason when it is an `Error(string)` (or viem decoded it). */
export interface Revert {
  selector: string | null;
  reason: string | null;
  /** A custom error's name, when the caller's ABI let viem decode it. */
  errorName: string | null;
}

const ERROR_STRING = '0x08c379a0'; // Error(string)
const HEX_DATA = /^0x[0-9a-fA-F]{8}(?:[0-9a-fA-F]{2}){0,4096}$/;

/** The reason string of ABI-encoded `Error(string)` revert data (selector, offset, length, bytes). */
function decodeErrorString(data: string): string | null {
  if (!data.toLowerCase().startsWith(ERROR_STRING) || data.length < 10 + 128) return null;
  const length = parseInt(data.slice(10 + 64, 10 + 128), 16);
  if (!Number.isSafeInteger(length) || length > 1000) return null;
  const hex = data.slice(10 + 128, 10 + 128 + length * 2);
  if (hex.length !== length * 2) return null;
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return new TextDecoder().decode(bytes);
}

/** The revert in a viem, ethers or raw JSON-RPC error (code 3 / `execution reverted` with `data`), or null. */
export function revertOf(links: readonly unknown[]): Revert | null {
  let selector: string | null = null;
  let reason: string | null = null;
  let errorName: string | null = null;
  let reverted = false;
  for (const link of links) {
    const name = textOf(link, 'name') ?? '';
    const code = inheritedProp(link, 'code');
    const message = textOf(link, 'message') ?? '';
    const isRevert = name === 'ContractFunctionRevertedError' || name === 'ExecutionRevertedError' || code === 'CALL_EXCEPTION' || code === 3 || /execution reverted/i.test(message);
    if (!isRevert) continue;
    // ethers' CALL_EXCEPTION without revert data ("missing revert data") is a failed call, not a revert.
    if (code === 'CALL_EXCEPTION' && inheritedProp(link, 'data') == null && inheritedProp(link, 'reason') == null) continue;
    reverted = true;
    reason ??= textOf(link, 'reason');
    const decoded = inheritedProp(link, 'data');
    errorName ??= name === 'ContractFunctionRevertedError' ? textOf(decoded, 'errorName') : null;
    const raw = [inheritedProp(link, 'raw'), decoded, inheritedProp(link, 'signature')].find((value): value is string => typeof value === 'string' && HEX_DATA.test(value));
    if (raw && selector === null) {
      selector = raw.slice(0, 10).toLowerCase();
      reason ??= decodeErrorString(raw);
    }
  }
  if (!reverted) return null;
  if (errorName === 'Error') errorName = null;
  return { selector, reason, errorName };
}
