/** An error as a wallet's provider rejects with it (EIP-1193 §5: `code`, `message`, optional `data`). */
export interface WalletRejection {
  code: number;
  message: string;
  data?: unknown;
}

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
      return null;
    },
    on() {},
    removeListener() {},
  };
}
