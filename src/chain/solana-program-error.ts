import { inheritedProp } from '../core/safe.js';

/** A custom error a Solana program returned: which program, which instruction, which number. */
export interface ProgramError {
  program: string | null;
  instruction: number | null;
  programError: number;
  /** The program's own words (Anchor's "Error Message: …", SPL Token's "Error: …"). */
  message: string | null;
}

// web3.js v1 keeps only the RPC message ("… Error processing Instruction 2: custom program error: 0x1771");
// kit keeps the number in SOLANA_ERROR__INSTRUCTION_ERROR__CUSTOM's context (`code`, `index`).
const CUSTOM_IN_TEXT = /instruction (\d+): custom program error: (0x[0-9a-f]{1,8})/i;
const KIT_CUSTOM = 4615026; // SOLANA_ERROR__INSTRUCTION_ERROR__CUSTOM (@solana/errors)
// The runtime logs the failing program: "Program <id> failed: custom program error: 0x1771".
const FAILED_LOG = /^Program ([1-9A-HJ-NP-Za-km-z]{32,44}) failed: custom program error: (0x[0-9a-f]{1,8})/;
// Anchor: "Program log: AnchorError occurred. Error Code: X. Error Number: 6001. Error Message: Slippage tolerance exceeded."
const ANCHOR_LOG = /Error Number: (\d+)\. Error Message: (.{1,200}?)\.?$/;
// Native programs (SPL Token): "Program log: Error: insufficient funds"; the system program: "Transfer: insufficient lamports …".
const NATIVE_LOG = /^(?:Program log: Error: (.{1,200})|(Transfer: insufficient lamports.{0,100}))$/;

/** The custom program error in a Solana failure, from kit's context, an RPC error's `err`, or web3.js's text and logs. */
export function programErrorOf(links: readonly unknown[], texts: readonly string[], logs: readonly string[] | null): ProgramError | null {
  let number: number | null = null;
  let instruction: number | null = null;
  for (const link of links) {
    const context = inheritedProp(link, 'context');
    if (inheritedProp(context, '__code') === KIT_CUSTOM && typeof inheritedProp(context, 'code') === 'number') {
      number = inheritedProp(context, 'code') as number;
      const index = inheritedProp(context, 'index');
      instruction = typeof index === 'number' ? index : null;
      break;
    }
    // A raw RPC error: data.err = { InstructionError: [index, { Custom: n }] }.
    const failure = inheritedProp(inheritedProp(inheritedProp(link, 'data'), 'err'), 'InstructionError');
    const custom = Array.isArray(failure) ? inheritedProp(failure[1], 'Custom') : undefined;
    if (Array.isArray(failure) && typeof custom === 'number') {
      number = custom;
      instruction = typeof failure[0] === 'number' ? failure[0] : null;
      break;
    }
  }
  if (number === null) {
    for (const text of texts) {
      const match = CUSTOM_IN_TEXT.exec(text);
      if (match) {
        instruction = Number(match[1]);
        number = parseInt(match[2]!, 16);
        break;
      }
    }
  }
  if (number === null) return null;
  let program: string | null = null;
  let message: string | null = null;
  for (const line of logs ?? []) {
    const failed = FAILED_LOG.exec(line);
    if (failed && parseInt(failed[2]!, 16) === number) program = failed[1]!;
    const anchor = ANCHOR_LOG.exec(line);
    if (anchor && Number(anchor[1]) === number) message = anchor[2]!;
    const native = NATIVE_LOG.exec(line);
    if (native) message ??= native[1] ?? native[2] ?? null;
  }
  return { program, instruction, programError: number, message };
}
