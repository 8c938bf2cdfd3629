import type { ApiProfile } from '../core/profile.js';
import { evmRpc } from './evm-rpc.js';
import { solanaRpc } from './solana-rpc.js';
import { wallets } from './wallets.js';

/**
 * The three chain profiles, in the order a thrown value is offered to them: the wallet first
 * (a 4902 inside MetaMask's -32603 is the wallet's), then Solana (its -32005 and -32002 mean
 * something else than Ethereum's), then Ethereum.
 */
export const chainProfiles: readonly ApiProfile[] = [wallets, solanaRpc, evmRpc];
