import { defineApi, type CodeRule } from '../core/profile.js';
import { inheritedProp, isRecord } from '../core/safe.js';
import { readChainBody, toReading, type ChainFinding } from './chain-body.js';
import { errorLinks, logsOf, numericCode, textOf, textsOf } from './links.js';
import { programErrorOf } from './solana-program-error.js';

const addFunds = { kind: 'conflict', retry: false, recovery: 'add-funds' } as const;
const requote = { kind: 'conflict', retry: false, recovery: 'requote', message: 'The price moved more than your slippage allows. Get a new quote and try again.' } as const;
const signAgain = { kind: 'gone', retry: false, recovery: 'sign-again' } as const;
const behind = { kind: 'unavailable', retry: true, recovery: 'retry', message: 'The Solana node is catching up. Trying again shortly.' } as const;
const limited = { kind: 'rate_limited', retry: true, recovery: 'wait', message: 'The Solana RPC provider is limiting requests. Trying again in {seconds}s.' } as const;

// Program ids (mainnet), from each program's published source.
const SYSTEM = '11111111111111111111111111111111';
const SPL_TOKEN = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
const TOKEN_2022 = 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb';
const JUPITER_V6 = 'JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4';
const RAYDIUM_AMM_V4 = '675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8';
const RAYDIUM_CPMM = 'CPMMoo8L3F4NbTegBCKVNunggL7H1ZpdTHKxQB5qKP1C';

// Codes: the runtime's TransactionError names (the same under web3.js and kit), Solana JSON-RPC
// server codes (agave rpc_custom_error.rs), and `<program id>:<error number>` for program errors,
// since an error number means something only within its program.
const codes = {
  BlockhashNotFound: { ...signAgain, message: 'The transaction expired before it reached the network. Sign it again to send it.' },
  BlockHeightExceeded: { ...signAgain, message: 'The transaction expired before it landed. Sign it again to send it.' },
  NonceInvalid: { ...signAgain, message: 'The transaction’s durable nonce was used. Sign it again to send it.' },
  // The transaction may still land: look it up before sending anything again.
  ConfirmationTimeout: { kind: 'timeout', retry: false, recovery: 'check-status', message: 'The transaction was not confirmed in time. It may still land: check its status before sending it again.' },
  AlreadyProcessed: { kind: 'conflict', retry: false, recovery: 'check-status', message: 'This transaction was already sent. Check its status.' },
  AccountNotFound: { ...addFunds, message: 'Your wallet has no SOL yet. Add SOL to pay the network fee.' },
  InsufficientFundsForFee: { ...addFunds, message: 'Not enough SOL to pay the network fee. Add funds and try again.' },
  InsufficientFundsForRent: { ...addFunds, message: 'Not enough SOL to keep the new account open (rent). Add funds and try again.' },
  InsufficientFunds: { ...addFunds, message: 'Your balance is too low for this transaction. Add funds and try again.' },
  [`${SYSTEM}:1`]: { ...addFunds, message: 'Not enough SOL for this transfer. Add funds and try again.' }, // SystemError::ResultWithNegativeLamports
  [`${SPL_TOKEN}:1`]: { ...addFunds, message: 'Your token balance is too low. Add funds and try again.' }, // TokenError::InsufficientFunds
  [`${TOKEN_2022}:1`]: { ...addFunds, message: 'Your token balance is too low. Add funds and try again.' },
  [`${JUPITER_V6}:6001`]: requote, // SlippageToleranceExceeded (0x1771)
  [`${RAYDIUM_AMM_V4}:30`]: requote, // AmmError::ExceededSlippage (0x1e)
  [`${RAYDIUM_CPMM}:6005`]: requote, // ExceededSlippage
  '-32002': { kind: 'conflict', retry: false, message: 'The transaction failed in simulation and was not sent: {message}' },
  '-32004': behind, // block not available for slot
  '-32005': behind, // node is unhealthy / behind by N slots
  '-32014': behind, // block status not yet available
  '-32016': behind, // minimum context slot not reached
  '-32019': behind, // long-term storage unreachable
  '-32603': { kind: 'server', retry: true, recovery: 'retry' },
  '429': limited,
  '-32429': limited,
} satisfies Record<string, CodeRule>;

// @solana/kit codes (@solana/errors codes.ts): production builds say only "Solana error #N".
const KIT: Record<number, string> = {
  1: 'BlockHeightExceeded', // SOLANA_ERROR__BLOCK_HEIGHT_EXCEEDED
  2: 'NonceInvalid', // SOLANA_ERROR__INVALID_NONCE
  7050008: 'BlockhashNotFound',
  7050003: 'AccountNotFound',
  7050005: 'InsufficientFundsForFee',
  7050031: 'InsufficientFundsForRent',
  7050007: 'AlreadyProcessed',
  4615006: 'InsufficientFunds', // SOLANA_ERROR__INSTRUCTION_ERROR__INSUFFICIENT_FUNDS
};
const KIT_HTTP_ERROR = 8100002; // SOLANA_ERROR__RPC__TRANSPORT_HTTP_ERROR
// web3.js v1 names and the runtime's messages for the same failures.
const WEB3_NAMES: Record<string, string> = {
  TransactionExpiredBlockheightExceededError: 'BlockHeightExceeded',
  TransactionExpiredNonceInvalidError: 'NonceInvalid',
  TransactionExpiredTimeoutError: 'ConfirmationTimeout',
};
const TEXTS: ReadonlyArray<[RegExp, string]> = [
  [/\b429 Too Many Requests\b|rate limit|too many requests/i, '429'],
  [/blockhash not found/i, 'BlockhashNotFound'],
  [/block height exceeded/i, 'BlockHeightExceeded'],
  [/no record of a prior credit/i, 'AccountNotFound'],
  [/insufficient funds for fee/i, 'InsufficientFundsForFee'],
  [/insufficient funds for rent/i, 'InsufficientFundsForRent'],
  [/insufficient funds for instruction/i, 'InsufficientFunds'],
  [/already been processed/i, 'AlreadyProcessed'],
  [/node is behind|node is unhealthy/i, '-32005'],
  [/block not available for slot/i, '-32004'],
  [/block status not yet available/i, '-32014'],
  [/minimum context slot has not been reached/i, '-32016'],
];
// What shows a value is Solana's: kit's SolanaError, web3.js's names and wrappers, the RPC's own words.
const SOLANA_TEXT = /SolanaJSONRPCError|failed to (get|send|fetch|confirm)|slots? |blockhash|lamports|simulation failed|program error/i;
const NODE_CODES = new Set([-32002, -32004, -32005, -32014, -32016, -32019, -32603, 429, -32429]);

/** The rule's own sentence for a code, when it has one without placeholders. */
function ruleText(code: string): string | null {
  const rule: CodeRule | undefined = Object.prototype.hasOwnProperty.call(codes, code) ? (codes as Record<string, CodeRule>)[code] : undefined;
  return rule?.message && !rule.message.includes('{') ? rule.message : null;
}

function kitCodes(links: readonly unknown[]): number[] {
  const found: number[] = [];
  for (const link of links) {
    const code = inheritedProp(inheritedProp(link, 'context'), '__code');
    if (typeof code === 'number') found.push(code);
  }
  return found;
}

/** The web3.js v1 message with its wrappers taken off ("failed to get recent blockhash: SolanaJSONRPCError: …"). */
function innerText(text: string): string {
  let out = text.replace(/^Simulation failed\.\s*Message:\s*/i, '').replace(/\.?\s*Logs:[\s\S]*$/, '').replace(/\s*Catch the `SendTransactionError`[\s\S]*$/, '');
  for (let i = 0; i < 5 && /^(failed to [^:]{1,80}|SolanaJSONRPCError|Error): /i.test(out); i += 1) out = out.replace(/^[^:]{1,80}: /, '');
  return out.trim();
}

function isSolana(links: readonly unknown[], texts: readonly string[]): boolean {
  if (kitCodes(links).length > 0) return true;
  // viem's and ethers' errors (they carry a shortMessage) are Ethereum's, whatever their text says.
  if (links.some((link) => typeof inheritedProp(link, 'shortMessage') === 'string')) return false;
  for (const link of links) {
    const name = textOf(link, 'name') ?? '';
    if (name in WEB3_NAMES || name === 'SolanaJSONRPCError' || name === 'SolanaError') return true;
    if (typeof inheritedProp(link, 'transactionMessage') === 'string' || isRecord(inheritedProp(link, 'transactionError'))) return true;
    if (isRecord(inheritedProp(link, 'data')) && (inheritedProp(inheritedProp(link, 'data'), 'numSlotsBehind') !== undefined || inheritedProp(inheritedProp(link, 'data'), 'err') !== undefined)) return true;
  }
  return texts.some((text) => SOLANA_TEXT.test(text));
}

function find(thrown: unknown): ChainFinding | null {
  const links = errorLinks(thrown);
  const texts = textsOf(links);
  if (!isSolana(links, texts)) return null;
  const kit = kitCodes(links);
  const logs = logsOf(links);
  const serverText = kit.length > 0 ? links.map((link) => textOf(inheritedProp(link, 'context'), '__serverMessage')).find(Boolean) ?? null : null;
  const plain = serverText ?? (texts[0] ? innerText(texts.find((text) => !/^Simulation failed/i.test(text)) ?? texts[0]) : null);
  const details = logs ? { logs } : undefined;

  // An HTTP 429: kit keeps the status (and headers); web3.js v1 only the text "429 Too Many Requests: …".
  const http = links.map((link) => inheritedProp(link, 'context')).find((context) => inheritedProp(context, '__code') === KIT_HTTP_ERROR);
  if (http !== undefined) {
    const status = inheritedProp(http, 'statusCode');
    return { code: status === 429 ? '429' : String(status), message: textOf(http, 'message'), status: typeof status === 'number' ? status : null, headers: inheritedProp(http, 'headers') };
  }

  const program = programErrorOf(links, texts, logs);
  if (program) {
    const code = program.program ? `${program.program}:${program.programError}` : String(program.programError);
    const known = Object.prototype.hasOwnProperty.call(codes, code);
    return {
      code,
      message: program.message ?? `Custom program error 0x${program.programError.toString(16)}`,
      details: { program: program.program, instruction: program.instruction, programError: program.programError, logs: logs ?? [] },
      ...(known ? {} : { kind: 'conflict' as const }),
    };
  }

  for (const code of kit) {
    const named = KIT[code];
    if (named) return { code: named, message: serverText, details };
  }
  for (const link of links) {
    const named = WEB3_NAMES[textOf(link, 'name') ?? ''];
    if (named) return { code: named, message: textOf(link, 'message'), details: { signature: textOf(link, 'signature') } };
  }
  for (const [pattern, code] of TEXTS) {
    if (texts.some((text) => pattern.test(text))) return { code, message: plain, status: code === '429' ? 429 : null, details };
  }
  // A JSON-RPC code the node sent (kit's __code for server errors, web3.js's SolanaJSONRPCError.code).
  const rpc = [...kit, ...links.map(numericCode)].find((code): code is number => code !== null && NODE_CODES.has(code));
  if (rpc !== undefined) return { code: String(rpc), message: plain, details };
  if (texts.some((text) => /^internal error\b/i.test(innerText(text)))) return { code: '-32603', message: plain };
  const other = kit[0] ?? links.map(numericCode).find((code) => code !== null);
  return { code: other != null ? String(other) : 'SolanaError', message: plain, details, kind: 'unknown' };
}

/**
 * Solana JSON-RPC failures as @solana/web3.js v1 and @solana/kit throw them: node health and
 * rate limits (retried), expired blockhashes (sign again), balances (add funds), slippage
 * (requote), and every other program error with its program, number, message and logs.
 */
export const solanaRpc = defineApi({
  name: 'solana-rpc',
  title: 'Solana RPC',
  codes,
  read: (body) => readChainBody(body),
  readThrown: (thrown) => {
    const finding = find(thrown);
    if (!finding) return null;
    // kit's production builds carry no words ("Solana error #-32005; Decode this error by running …").
    if (!finding.message || /^Solana error #/.test(finding.message)) finding.message = ruleText(finding.code);
    return toReading(finding);
  },
});
