/** An error as a wallet's provider rejects with it (EIP-1193 §5: `code`, `message`, optional `data`). */
export interface WalletRejection {
  code: number;
  message: string;
  data?: unknown;
}

const NODE_ANSWERS: Record<string, unknown> = {
  eth_blockNumber: '0x10',
  eth_estimateGas: '0x5208',
  eth_gasPrice: '0x3b9aca00',
  eth_maxPriorityFeePerGas: '0x3b9aca00',
  eth_getTransactionCount: '0x1',
  eth_getBlockByNumber: { number: '0x10', hash: `0x${'1'.repeat(64)}`, parentHash: `0x${'0'.repeat(64)}`, timestamp: '0x1', baseFeePerGas: '0x3b9aca00', gasLimit: '0x1c9c380', gasUsed: '0x0', difficulty: '0x0', nonce: '0x0000000000000000', miner: `0x${'0'.repeat(40)}`, extraData: '0x', transactions: [] },
};

export type WalletScript = (method: string, params: unknown) => unknown;

/** What a wallet extension injects: `request({ method, params })` and event listeners. */
export interface ScriptedProvider {
  request(args: { method: string; params?: unknown }): Promise<unknown>;
  on(event: string, listener: (...args: unknown[]) => void): void;
  removeListener(event: string, listener: (...args: unknown[]) => void): void;
  readonly calls: string[];
}

/** Rejects a call as a wallet does: an Error-like object carrying the EIP-1193 code (MetaMask's shape). */
export function rejection({ code, message, data }: WalletRejection): Error & WalletRejection {
  return Object.assign(new Error(message), { code, ...(data === undefined ? {} : { data }) });
}

/**
 * An EIP-1193 provider object scripted per method: `script` returns a value to resolve with or
 * throws (a `rejection(...)`) to reject, as MetaMask, Rabby or Phantom would. It answers
 * `eth_chainId` and `eth_accounts` itself unless the script does.
 */
export function scriptedProvider(script: WalletScript, { chainId = 1, account = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' } = {}): ScriptedProvider {
  const calls: string[] = [];
  return {
    calls,
    async request({ method, params }) {
      calls.push(method);
      await Promise.resolve();
      const answer = script(method, params);
      if (answer !== undefined) return answer;
      if (method === 'eth_chainId') return `0x${chainId.toString(16)}`;
      if (method === 'eth_accounts' || method === 'eth_requestAccounts') return [account];
      // What a wallet answers on behalf of its node while a library prepares a transaction.
      return Object.prototype.hasOwnProperty.call(NODE_ANSWERS, method) ? NODE_ANSWERS[method] : null;
    },
    on() {},
    removeListener() {},
  };
}
