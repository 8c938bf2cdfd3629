// faultline/chain: opt-in profiles for wallet and blockchain RPC errors. Like faultline/core it
// imports nothing from React, React Query or Zustand; an app that does not import it pays nothing.
export { wallets } from './wallets.js';
export { solanaRpc } from './solana-rpc.js';
export { evmRpc } from './evm-rpc.js';
export { chainProfiles } from './chain-profiles.js';
