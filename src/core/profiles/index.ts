import type { ApiProfile } from '../profile.js';
import { genericEnvelope } from './generic-envelope.js';
import { ipfsPinning } from './ipfs-pinning.js';
import { pirateCrew } from './piratecrew.js';
import { pumpFun } from './pumpfun.js';
import { solanaSwap } from './solana-swap.js';

export { genericEnvelope, ipfsPinning, pirateCrew, pumpFun, solanaSwap };

/**
 * The built-in profiles in the order their bodies are recognised: the most specific shapes first,
 * the generic nested envelope last, since most nested envelopes would also fit it.
 */
export const builtInProfiles: readonly ApiProfile[] = [solanaSwap, pumpFun, pirateCrew, ipfsPinning, genericEnvelope];
