// Every row of issue 10's table, read from what the real libraries throw: viem, ethers v6,
// @solana/web3.js v1, @solana/kit and the Solana wallet adapter are driven against a scripted
// EIP-1193 wallet and a scripted JSON-RPC node on 127.0.0.1, so the values cannot drift from
// what the installed versions throw.
import { SolanaError } from '@solana/kit';
import { createSolanaRpc } from '@solana/kit';
import { WalletSignTransactionError } from '@solana/wallet-adapter-base';
import { PhantomWalletAdapter } from '@solana/wallet-adapter-phantom';
import { connect, createConfig, mock, sendTransaction as wagmiSendTransaction, switchChain as wagmiSwitchChain, http as wagmiHttp } from '@wagmi/core';
import { Connection, Keypair, SystemProgram, Transaction, TransactionExpiredTimeoutError } from '@solana/web3.js';
import { BrowserProvider, Contract, FetchRequest, JsonRpcProvider, Wallet } from 'ethers';
import { createPublicClient, createWalletClient, custom, encodeErrorResult, http, parseAbi, parseEther } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { mainnet, sepolia } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainProfiles, evmRpc, solanaRpc, wallets } from '../../src/chain/index.js';
import { createRetryPolicy, describeError, normalizeError, type ApiError } from '../../src/core/index.js';
import { startJsonRpcServer, type RpcAnswer } from '../helpers/json-rpc-server.js';
import { rejection, scriptedProvider } from '../helpers/scripted-wallet.js';

const ACCOUNT = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const KEY = `0x${'11'.repeat(32)}` as const;
const JUPITER = 'JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4';
const SPL_TOKEN = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
const BLOCKHASH = 'EETubP5AKHgjPAhzPAFcb8BAY1hMH639CWCFTqi3hq1k';
const abi = parseAbi(['function swap(uint256 amountIn) returns (uint256)']);

/** What the node answers to one method for the current case; everything else gets a plausible result. */
let answerFor: (method: string) => RpcAnswer | undefined = () => undefined;
const defaults: Record<string, unknown> = {
  eth_chainId: '0x1',
  eth_blockNumber: '0x10',
  eth_getTransactionCount: '0x1',
  eth_gasPrice: '0x3b9aca00',
  eth_maxPriorityFeePerGas: '0x3b9aca00',
  eth_estimateGas: '0x5208',
  eth_getBlockByNumber: { number: '0x10', hash: `0x${'1'.repeat(64)}`, parentHash: `0x${'0'.repeat(64)}`, timestamp: '0x1', baseFeePerGas: '0x3b9aca00', gasLimit: '0x1c9c380', gasUsed: '0x0', difficulty: '0x0', nonce: '0x0000000000000000', miner: ACCOUNT, extraData: '0x', transactions: [] },
  getLatestBlockhash: { context: { slot: 100 }, value: { blockhash: BLOCKHASH, lastValidBlockHeight: 150 } },
  getBlockHeight: 200,
  getSignatureStatuses: { context: { slot: 100 }, value: [null] },
};
let node: Awaited<ReturnType<typeof startJsonRpcServer>>;
beforeAll(async () => {
  node = await startJsonRpcServer((call) => answerFor(call.method) ?? { result: defaults[call.method] ?? null });
});
afterAll(() => node.close());

const rpcError = (code: number, message: string, data?: unknown): RpcAnswer => ({ error: { code, message, ...(data === undefined ? {} : { data }) } });
/** Runs `action` with `method` answered by `answer`, and returns what it threw. */
async function thrownBy(method: string, answer: RpcAnswer, action: () => Promise<unknown>): Promise<unknown> {
  answerFor = (m) => (m === method ? answer : undefined);
  try {
    await action();
  } catch (error) {
    return error;
  } finally {
    answerFor = () => undefined;
  }
  throw new Error(`expected ${method} to fail`);
}
async function rejected(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}
const read = (thrown: unknown): ApiError => normalizeError(thrown, { profiles: chainProfiles });

// Library clients on the scripted node and wallet.
const viemPublic = () => createPublicClient({ chain: mainnet, transport: http(node.url, { retryCount: 0 }) });
const viemSigner = () => createWalletClient({ chain: mainnet, account: privateKeyToAccount(KEY), transport: http(node.url, { retryCount: 0 }) });
const viemWallet = (script: Parameters<typeof scriptedProvider>[0], chainId = 1) => createWalletClient({ chain: mainnet, account: ACCOUNT, transport: custom(scriptedProvider(script, { chainId })) });
function ethersProvider() {
  const provider = new JsonRpcProvider(node.url, 1, { staticNetwork: true, batchMaxCount: 1 });
  return provider;
}
/** wagmi with its mock connector (a real connector that needs no extension), on mainnet only. */
const wagmiConfig = () => createConfig({ chains: [mainnet], connectors: [mock({ accounts: [ACCOUNT] })], transports: { [mainnet.id]: wagmiHttp(node.url) } });
/**
 * destroy() rejects the requests ethers still holds in its batch queue, and its block poller does not
 * catch that rejection (an unhandled "provider destroyed; cancelled request"). Stop the listeners,
 * let the queue drain past its batch stall (10 ms), then destroy.
 */
async function settleThenDestroy(provider: JsonRpcProvider): Promise<void> {
  await provider.removeAllListeners();
  await new Promise((resolve) => setTimeout(resolve, 50));
  provider.destroy();
}
const ethersWallet = (script: Parameters<typeof scriptedProvider>[0]) => new BrowserProvider(scriptedProvider(script), 1);
const viemCall = () => viemPublic().readContract({ address: ACCOUNT, abi, functionName: 'swap', args: [1n] });
const ethersCall = async () => {
  const provider = ethersProvider();
  try {
    return await new Contract(ACCOUNT, abi, provider).getFunction('swap').staticCall(1n);
  } finally {
    provider.destroy();
  }
};
const viemSend = () => viemSigner().sendTransaction({ to: ACCOUNT, value: parseEther('1') });
const ethersSend = async () => {
  const provider = ethersProvider();
  try {
    return await new Wallet(KEY, provider).sendTransaction({ to: ACCOUNT, value: 1n });
  } finally {
    provider.destroy();
  }
};
const web3 = () => new Connection(node.url, { commitment: 'confirmed', disableRetryOnRateLimit: true });
function signedTransfer() {
  const payer = Keypair.generate();
  const tx = new Transaction({ feePayer: payer.publicKey, blockhash: BLOCKHASH, lastValidBlockHeight: 150 }).add(SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: Keypair.generate().publicKey, lamports: 1_000_000_000 }));
  tx.sign(payer);
  return tx.serialize();
}
const web3Send = () => web3().sendRawTransaction(signedTransfer());
/**
 * @solana/kit as an app's production build runs it: its errors then carry no words, only
 * "Solana error #-32005; Decode this error by running …" (it reads NODE_ENV when it throws).
 */
async function inProduction<T>(run: () => Promise<T>): Promise<T> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await run();
  } finally {
    process.env.NODE_ENV = before;
  }
}
const kitSend = () => inProduction(() => createSolanaRpc(node.url).sendTransaction('AQ==' as never, { encoding: 'base64' }).send());
const kitBlockhash = () => inProduction(() => createSolanaRpc(node.url).getLatestBlockhash().send());
const simulation = (err: unknown, logs: string[]) => ({ accounts: null, err, logs, returnData: null, unitsConsumed: 1000 });
const revertData = (reason: string) => encodeErrorResult({ abi: parseAbi(['error Error(string)']), errorName: 'Error', args: [reason] });

describe('a person rejected the request (every library) → aborted, no toast', () => {
  it.each([
    ['viem', () => viemWallet((method) => { if (method === 'eth_sendTransaction') throw rejection({ code: 4001, message: 'User rejected the request.' }); }).sendTransaction({ to: ACCOUNT, value: 1n })],
    ['ethers', async () => (await ethersWallet((method) => { if (method === 'eth_sendTransaction') throw rejection({ code: 4001, message: 'User denied transaction signature.' }); }).getSigner()).sendTransaction({ to: ACCOUNT, value: 1n })],
    ['Solana wallet adapter', async () => { throw new WalletSignTransactionError('User rejected the request.', rejection({ code: 4001, message: 'User rejected the request.' })); }],
  ])('%s', async (_library, action) => {
    const error = read(await rejected(action));
    expect(error.kind).toBe('aborted');
    expect(error.retryable).toBe(false);
  });
});

describe('wallet not connected / not ready / disconnected / account not authorized → connect-wallet, not retried', () => {
  it.each([
    ['4100 unauthorized (viem)', () => viemWallet((method) => { if (method === 'eth_sendTransaction') throw rejection({ code: 4100, message: 'The requested account and/or method has not been authorized by the user.' }); }).sendTransaction({ to: ACCOUNT, value: 1n })],
    ['4900 disconnected (viem)', () => viemWallet((method) => { if (method === 'eth_sendTransaction') throw rejection({ code: 4900, message: 'Disconnected' }); }).sendTransaction({ to: ACCOUNT, value: 1n })],
    ['4901 chain disconnected (ethers)', async () => (await ethersWallet((method) => { if (method === 'eth_sendTransaction') throw rejection({ code: 4901, message: 'Chain disconnected' }); }).getSigner()).sendTransaction({ to: ACCOUNT, value: 1n })],
    ['no account (viem)', () => createWalletClient({ chain: mainnet, transport: custom(scriptedProvider(() => undefined)) }).sendTransaction({ to: ACCOUNT, value: 1n } as never)],
    ['not connected: signing before connect (PhantomWalletAdapter.signTransaction)', () => new PhantomWalletAdapter().signTransaction(new Transaction())],
    ['not ready: no Phantom installed (PhantomWalletAdapter.connect)', () => new PhantomWalletAdapter().connect()],
    ['ConnectorNotConnectedError (wagmi sendTransaction before connect)', () => wagmiSendTransaction(wagmiConfig(), { to: ACCOUNT, value: 1n })],
  ])('%s', async (_case, action) => {
    const error = read(await rejected(action));
    expect(error).toMatchObject({ api: 'wallet', recovery: 'connect-wallet', retryable: false });
    expect(error.kind).not.toBe('unauthorized'); // never the sign-in prompt
  });
});

describe('wrong or unknown chain (4902, chain mismatch, not configured) → switch-network, not retried', () => {
  it.each([
    ['4902 (viem switchChain)', () => viemWallet((method) => { if (method === 'wallet_switchEthereumChain') throw rejection({ code: 4902, message: 'Unrecognized chain ID "0xaa36a7".' }); }).switchChain({ id: sepolia.id })],
    ['4902 wrapped in MetaMask’s -32603 data.originalError', () => viemWallet((method) => { if (method === 'wallet_switchEthereumChain') throw rejection({ code: -32603, message: 'Unrecognized chain ID "0xaa36a7". Try adding the chain using wallet_addEthereumChain first.', data: { originalError: { code: 4902, message: 'Unrecognized chain ID "0xaa36a7".' } } }); }).switchChain({ id: sepolia.id })],
    ['chain mismatch (viem sendTransaction on another chain)', () => viemWallet(() => undefined, 137).sendTransaction({ to: ACCOUNT, value: 1n })],
    ['chain not configured (wagmi switchChain)', async () => {
      const config = wagmiConfig();
      await connect(config, { connector: config.connectors[0]! });
      return wagmiSwitchChain(config, { chainId: sepolia.id as never });
    }],
  ])('%s', async (_case, action) => {
    const error = read(await rejected(action));
    expect(error).toMatchObject({ api: 'wallet', recovery: 'switch-network', retryable: false });
  });
});

describe('insufficient funds for value or fees, token balance too low → conflict, add-funds, not retried', () => {
  const evmFunds = rpcError(-32000, 'insufficient funds for gas * price + value: address 0x5aAe balance 0 want 1000');
  it.each([
    ['EVM (viem)', () => thrownBy('eth_estimateGas', evmFunds, viemSend)],
    ['EVM (ethers)', () => thrownBy('eth_estimateGas', evmFunds, ethersSend)],
    ['EVM token balance (ERC-20 revert, viem)', () => thrownBy('eth_call', rpcError(3, 'execution reverted: ERC20: transfer amount exceeds balance', revertData('ERC20: transfer amount exceeds balance')), viemCall)],
    ['no prior credit (web3.js)', () => thrownBy('sendTransaction', rpcError(-32002, 'Transaction simulation failed: Attempt to debit an account but found no record of a prior credit.', simulation('AccountNotFound', [])), web3Send)],
    ['no prior credit (kit)', () => thrownBy('sendTransaction', rpcError(-32002, 'Transaction simulation failed: Attempt to debit an account but found no record of a prior credit.', simulation('AccountNotFound', [])), kitSend)],
    ['insufficient lamports (web3.js)', () => thrownBy('sendTransaction', rpcError(-32002, 'Transaction simulation failed: Error processing Instruction 0: custom program error: 0x1', simulation({ InstructionError: [0, { Custom: 1 }] }, ['Program 11111111111111111111111111111111 invoke [1]', 'Transfer: insufficient lamports 100, need 1000000000', 'Program 11111111111111111111111111111111 failed: custom program error: 0x1'])), web3Send)],
    ['SPL Token 0x1 (kit)', () => thrownBy('sendTransaction', rpcError(-32002, 'Transaction simulation failed: Error processing Instruction 0: custom program error: 0x1', simulation({ InstructionError: [0, { Custom: 1 }] }, [`Program ${SPL_TOKEN} invoke [1]`, 'Program log: Error: insufficient funds', `Program ${SPL_TOKEN} failed: custom program error: 0x1`])), kitSend)],
  ])('%s', async (_case, thrown) => {
    const error = read(await thrown());
    expect(error).toMatchObject({ kind: 'conflict', recovery: 'add-funds', retryable: false });
  });
});

describe('slippage or price moved during execution → requote, not retried', () => {
  const jupiterLogs = [`Program ${JUPITER} invoke [1]`, 'Program log: AnchorError occurred. Error Code: SlippageToleranceExceeded. Error Number: 6001. Error Message: Slippage tolerance exceeded.', `Program ${JUPITER} failed: custom program error: 0x1771`];
  const jupiter = rpcError(-32002, 'Transaction simulation failed: Error processing Instruction 2: custom program error: 0x1771', simulation({ InstructionError: [2, { Custom: 6001 }] }, jupiterLogs));
  const raydiumLogs = ['Program 675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8 invoke [1]', 'Program log: Error: exceeds desired slippage limit', 'Program 675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8 failed: custom program error: 0x1e'];
  it.each([
    ['Jupiter 6001 / 0x1771 (web3.js)', () => thrownBy('sendTransaction', jupiter, web3Send)],
    ['Jupiter 6001 / 0x1771 (kit)', () => thrownBy('sendTransaction', jupiter, kitSend)],
    ['Raydium AMM exceeded slippage (web3.js)', () => thrownBy('sendTransaction', rpcError(-32002, 'Transaction simulation failed: Error processing Instruction 1: custom program error: 0x1e', simulation({ InstructionError: [1, { Custom: 30 }] }, raydiumLogs)), web3Send)],
    ['Uniswap v2 revert string (viem)', () => thrownBy('eth_call', rpcError(3, 'execution reverted: UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT', revertData('UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT')), viemCall)],
    ['Uniswap v3 revert string (ethers)', () => thrownBy('eth_call', rpcError(3, 'execution reverted: Too little received', revertData('Too little received')), ethersCall)],
    ['Universal Router V3TooLittleReceived() (viem)', () => thrownBy('eth_call', rpcError(3, 'execution reverted', '0x39d35496'), viemCall)],
  ])('%s', async (_case, thrown) => {
    const error = read(await thrown());
    expect(error).toMatchObject({ recovery: 'requote', retryable: false });
  });

  it('Jupiter’s decoded program error is the message, and its logs are in details', async () => {
    const error = read(await thrownBy('sendTransaction', jupiter, kitSend));
    expect(error.code).toBe(`${JUPITER}:6001`);
    expect(error.message).toBe('Slippage tolerance exceeded');
    expect(error.details).toMatchObject({ program: JUPITER, programError: 6001, instruction: 2, logs: jupiterLogs });
  });
});

describe('blockhash expired / not found, block height exceeded → sign-again, not retried, never resent as is', () => {
  const notFound = rpcError(-32002, 'Transaction simulation failed: Blockhash not found', simulation('BlockhashNotFound', []));
  it.each([
    ['blockhash not found (web3.js)', () => thrownBy('sendTransaction', notFound, web3Send)],
    ['blockhash not found (kit, production messages)', () => thrownBy('sendTransaction', notFound, kitSend)],
    ['block height exceeded (web3.js confirmTransaction)', () => rejected(() => new Connection(node.url, { commitment: 'confirmed', wsEndpoint: 'ws://127.0.0.1:9' }).confirmTransaction({ signature: '5'.repeat(88), blockhash: BLOCKHASH, lastValidBlockHeight: 150 }))],
    ['block height exceeded (kit)', async () => new SolanaError(1 /* SOLANA_ERROR__BLOCK_HEIGHT_EXCEEDED */, { currentBlockHeight: 200n, lastValidBlockHeight: 150n })],
  ])('%s', async (_case, thrown) => {
    const error = read(await thrown());
    expect(error).toMatchObject({ kind: 'gone', recovery: 'sign-again', retryable: false, safeToResend: false });
    expect(createRetryPolicy({ mutation: true }).retry(0, error)).toBe(false);
  });
});

describe('confirmation timed out or outcome unknown, nonce too low / already known → check-status, not retried', () => {
  it.each([
    ['receipt timeout (viem waitForTransactionReceipt)', () => rejected(() => viemPublic().waitForTransactionReceipt({ hash: `0x${'a'.repeat(64)}`, timeout: 50, pollingInterval: 10 }))],
    ['receipt timeout (ethers waitForTransaction)', async () => { const provider = ethersProvider(); try { return await rejected(() => provider.waitForTransaction(`0x${'a'.repeat(64)}`, 1, 50)); } finally { await settleThenDestroy(provider); } }],
    ['confirmation timeout (web3.js TransactionExpiredTimeoutError)', async () => new TransactionExpiredTimeoutError('5'.repeat(88), 30)],
    ['nonce too low (viem)', () => thrownBy('eth_sendRawTransaction', rpcError(-32000, 'nonce too low: next nonce 5, tx nonce 1'), viemSend)],
    ['already known (ethers)', () => thrownBy('eth_sendRawTransaction', rpcError(-32000, 'already known'), ethersSend)],
  ])('%s', async (_case, thrown) => {
    const error = read(await thrown());
    expect(error).toMatchObject({ recovery: 'check-status', retryable: false, safeToResend: false });
  });
});

describe('replacement transaction underpriced → change-request', () => {
  it.each([
    ['viem', () => thrownBy('eth_sendRawTransaction', rpcError(-32000, 'replacement transaction underpriced'), viemSend)],
    ['ethers', () => thrownBy('eth_sendRawTransaction', rpcError(-32000, 'replacement transaction underpriced'), ethersSend)],
  ])('%s', async (_case, thrown) => {
    expect(read(await thrown())).toMatchObject({ code: 'REPLACEMENT_UNDERPRICED', recovery: 'change-request', retryable: false });
  });
});

describe('RPC provider rate limits → rate_limited, retried, waiting any backoff the payload states', () => {
  it('HTTP 429 with Retry-After (viem keeps the headers)', async () => {
    const error = read(await thrownBy('eth_call', { http: { status: 429, body: 'Too Many Requests', headers: { 'retry-after': '7' } } }, viemCall));
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 7000, status: 429 });
    expect(error.request?.url).toBe(`${new URL(node.url).origin}/`); // the window belongs to the RPC's origin
  });
  it('Infura -32005 with data.rate.backoff_seconds (viem)', async () => {
    const error = read(await thrownBy('eth_call', rpcError(-32005, 'daily request count exceeded, request rate limited', { rate: { allowed_rps: 1, backoff_seconds: 30, current_rps: 1.4 }, see: 'https://infura.io/dashboard' }), viemCall));
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 30_000, code: '-32005', api: 'evm-rpc' });
  });
  it('keeps only the origin of an RPC URL (providers put the key in the path)', async () => {
    const keyed = createPublicClient({ chain: mainnet, transport: http(`${node.url}/v3/0123456789abcdef0123456789abcdef`, { retryCount: 0 }) });
    const error = read(await thrownBy('eth_call', rpcError(-32005, 'daily request count exceeded, request rate limited'), () => keyed.readContract({ address: ACCOUNT, abi, functionName: 'swap', args: [1n] })));
    expect(JSON.stringify(error.toJSON().request)).not.toContain('0123456789abcdef');
  });
  it('Infura -32005 (ethers, inside CALL_EXCEPTION info.error)', async () => {
    const error = read(await thrownBy('eth_call', rpcError(-32005, 'daily request count exceeded, request rate limited', { rate: { backoff_seconds: 30 } }), ethersCall));
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 30_000 });
  });
  it('QuickNode -32007 (viem)', async () => {
    const error = read(await thrownBy('eth_call', rpcError(-32007, '15/second request limit reached - reduce calls per second or upgrade your account at quicknode.com'), viemCall));
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true, code: '-32007' });
  });
  it('Alchemy 429 (HTTP 429 with JSON-RPC code 429, viem)', async () => {
    const error = read(await thrownBy('eth_call', { http: { status: 429, body: { jsonrpc: '2.0', id: 1, error: { code: 429, message: 'Your app has exceeded its compute units per second capacity.' } } } }, viemCall));
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true });
  });
  it('HTTP 429 after ethers’ own retries (SERVER_ERROR, 599 escalated)', async () => {
    const thrown = await thrownBy('eth_blockNumber', { http: { status: 429, body: { jsonrpc: '2.0', id: 1, error: { code: 429, message: 'Your app has exceeded its compute units per second capacity.' } } } }, async () => {
      const request = new FetchRequest(node.url);
      request.setThrottleParams({ maxAttempts: 1 }); // ethers would otherwise retry for seconds first
      const provider = new JsonRpcProvider(request, 1, { staticNetwork: true, batchMaxCount: 1 });
      try {
        return await provider.getBlockNumber();
      } finally {
        provider.destroy();
      }
    });
    expect(read(thrown)).toMatchObject({ kind: 'rate_limited', retryable: true, status: 429, api: 'evm-rpc' });
  });
  it('Helius HTTP 429 (web3.js keeps only the text)', async () => {
    const error = read(await thrownBy('getLatestBlockhash', { http: { status: 429, body: { jsonrpc: '2.0', id: 1, error: { code: -32429, message: 'rate limited' } } } }, () => web3().getLatestBlockhash()));
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true, api: 'solana-rpc' });
  });
  it('Helius HTTP 429 with Retry-After (kit keeps the status)', async () => {
    const error = read(await thrownBy('getLatestBlockhash', { http: { status: 429, body: { jsonrpc: '2.0', id: 1, error: { code: -32429, message: 'rate limited' } }, headers: { 'retry-after': '3' } } }, kitBlockhash));
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true, status: 429, api: 'solana-rpc' });
  });
});

describe('node behind / unhealthy / slot not reached → unavailable, retried', () => {
  it.each([
    ['Solana -32005 node behind (web3.js)', () => thrownBy('getLatestBlockhash', rpcError(-32005, 'Node is behind by 159 slots', { numSlotsBehind: 159 }), () => web3().getLatestBlockhash())],
    ['Solana -32005 node unhealthy (kit)', () => thrownBy('getLatestBlockhash', rpcError(-32005, 'Node is behind by 159 slots', { numSlotsBehind: 159 }), kitBlockhash)],
    ['Solana -32004 block not available (web3.js)', () => thrownBy('getLatestBlockhash', rpcError(-32004, 'Block not available for slot 12345'), () => web3().getLatestBlockhash())],
    ['Solana -32014 block status not yet available (kit)', () => thrownBy('getLatestBlockhash', rpcError(-32014, 'Block status not yet available for slot 12345'), kitBlockhash)],
    ['Solana -32016 minimum context slot (web3.js)', () => thrownBy('getLatestBlockhash', rpcError(-32016, 'Minimum context slot has not been reached', { contextSlot: 10 }), () => web3().getLatestBlockhash())],
  ])('%s', async (_case, thrown) => {
    const error = read(await thrown());
    expect(error).toMatchObject({ kind: 'unavailable', retryable: true, api: 'solana-rpc' });
  });

  it('kit in production says only "Solana error #-32005": the profile still knows it', async () => {
    const thrown = await thrownBy('getLatestBlockhash', rpcError(-32005, 'Node is behind by 159 slots', { numSlotsBehind: 159 }), kitBlockhash);
    expect((thrown as Error).message).toMatch(/^Solana error #-32005/);
    expect(read(thrown)).toMatchObject({ kind: 'unavailable', code: '-32005', message: 'The Solana node is catching up. Trying again shortly.' });
  });

  it('Solana -32005 is not a rate limit (it is one on Ethereum)', async () => {
    const error = read(await thrownBy('getLatestBlockhash', rpcError(-32005, 'Node is behind by 159 slots', { numSlotsBehind: 159 }), () => web3().getLatestBlockhash()));
    expect(error.message).toBe('Node is behind by 159 slots');
    expect(error.kind).not.toBe('rate_limited');
  });
});

describe('any other program or contract failure → not retried, code set, message the reason, logs in details', () => {
  it('an Anchor program’s custom error (kit)', async () => {
    const program = 'Prog1111111111111111111111111111111111111111'.slice(0, 44);
    const logs = [`Program ${program} invoke [1]`, 'Program log: AnchorError occurred. Error Code: PoolPaused. Error Number: 6010. Error Message: The pool is paused.', `Program ${program} failed: custom program error: 0x177a`];
    const error = read(await thrownBy('sendTransaction', rpcError(-32002, 'Transaction simulation failed: Error processing Instruction 0: custom program error: 0x177a', simulation({ InstructionError: [0, { Custom: 6010 }] }, logs)), kitSend));
    expect(error).toMatchObject({ retryable: false, code: `${program}:6010`, message: 'The pool is paused' });
    expect(error.details).toMatchObject({ logs });
  });
  it('a contract revert with a reason (viem, six levels deep)', async () => {
    const error = read(await thrownBy('eth_call', rpcError(3, 'execution reverted: Pausable: paused', revertData('Pausable: paused')), viemCall));
    expect(error).toMatchObject({ retryable: false, code: 'Pausable: paused', message: 'Pausable: paused', kind: 'conflict' });
  });
  it('a custom-error revert is coded by its selector (ethers)', async () => {
    const error = read(await thrownBy('eth_call', rpcError(3, 'execution reverted', '0xdeadbeef00000000000000000000000000000000000000000000000000000001'), ethersCall));
    expect(error).toMatchObject({ retryable: false, code: '0xdeadbeef' });
  });
});

describe('wallet busy (-32002 request already pending) → not retried, a message that says to open the wallet', () => {
  it.each([
    ['viem', () => viemWallet((method) => { if (method === 'eth_requestAccounts') throw rejection({ code: -32002, message: "Request of type 'wallet_requestPermissions' already pending for origin http://localhost. Please wait." }); }).requestAddresses()],
    ['ethers', async () => ethersWallet((method) => { if (method === 'eth_requestAccounts') throw rejection({ code: -32002, message: "Request of type 'wallet_requestPermissions' already pending for origin http://localhost. Please wait." }); }).send('eth_requestAccounts', [])],
  ])('%s', async (_case, action) => {
    const error = read(await rejected(action));
    expect(error).toMatchObject({ api: 'wallet', code: '-32002', retryable: false });
    expect(describeError(error, { profiles: chainProfiles }).description).toMatch(/open your wallet/i);
  });
  it('Solana’s -32002 (simulation failed) is not a busy wallet', async () => {
    const error = read(await thrownBy('sendTransaction', rpcError(-32002, 'Transaction simulation failed: Blockhash not found', simulation('BlockhashNotFound', [])), web3Send));
    expect(error.api).toBe('solana-rpc');
  });
});

describe('plain JSON-RPC internal error -32603 with nothing more specific → server, retried', () => {
  it.each([
    ['viem', () => thrownBy('eth_call', rpcError(-32603, 'Internal error'), viemCall)],
    ['web3.js', () => thrownBy('sendTransaction', rpcError(-32603, 'Internal error'), web3Send)],
    ['kit', () => thrownBy('sendTransaction', rpcError(-32603, 'Internal error'), kitSend)],
  ])('%s', async (_case, thrown) => {
    expect(read(await thrown())).toMatchObject({ kind: 'server', retryable: true });
  });
});

describe('opt-in', () => {
  it('without the chain profiles, SDK errors are read as before', async () => {
    const thrown = await thrownBy('getLatestBlockhash', rpcError(-32005, 'Node is behind by 159 slots'), kitBlockhash);
    expect(normalizeError(thrown).api).toBeNull();
  });
  it('each profile alone reads its own family', async () => {
    const thrown = await thrownBy('eth_call', rpcError(-32005, 'limit exceeded'), viemCall);
    expect(normalizeError(thrown, { profiles: [evmRpc] }).kind).toBe('rate_limited');
    expect(normalizeError(thrown, { profiles: [solanaRpc, wallets] }).api).toBeNull();
  });
});
