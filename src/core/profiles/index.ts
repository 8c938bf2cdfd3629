import type { ApiProfile } from '../profile.js';
import { genericEnvelope, genericEnvelopeMessages } from './generic-envelope.js';
import { ipfsPinning, ipfsPinningMessages } from './ipfs-pinning.js';
import { pirateCrew, pirateCrewMessages } from './piratecrew.js';
import { pumpFun, pumpFunMessages } from './pumpfun.js';
import { solanaSwap, solanaSwapMessages } from './solana-swap.js';

export { genericEnvelope, genericEnvelopeMessages, ipfsPinning, ipfsPinningMessages, pirateCrew, pirateCrewMessages, pumpFun, pumpFunMessages, solanaSwap, solanaSwapMessages };

/**
 * The built-in profiles in the order their bodies are recognised: the most specific shapes first,
 * the generic nested envelope last, since most nested envelopes would also fit it.
 */
export const builtInProfiles: readonly ApiProfile[] = [solanaSwap, pumpFun, pirateCrew, ipfsPinning, genericEnvelope];

/** The five built-in profiles' words for people, for UI code: `messages={builtInMessages}`. */
export const builtInMessages: Readonly<Record<string, string>> = /* @__PURE__ */ Object.assign({}, solanaSwapMessages, pumpFunMessages, pirateCrewMessages, ipfsPinningMessages, genericEnvelopeMessages);
