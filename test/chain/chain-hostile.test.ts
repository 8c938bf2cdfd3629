// Bad input is the normal case: whatever an SDK, a wallet or a hostile page throws, reading it
// with the chain profiles never throws and gives an ApiError.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { chainProfiles } from '../../src/chain/index.js';
import { isApiError, normalizeError } from '../../src/core/index.js';

const errorLike = fc.letrec((tie) => ({
  node: fc.record(
    {
      name: fc.oneof(fc.string(), fc.constantFrom('SolanaError', 'ContractFunctionRevertedError', 'WalletNotConnectedError', 'SendTransactionError')),
      message: fc.oneof(fc.string({ maxLength: 5000 }), fc.constant('custom program error: 0x1771'.repeat(500))),
      code: fc.oneof(fc.integer(), fc.string(), fc.constantFrom(4001, 4902, -32002, -32005, -32603, 3, 'CALL_EXCEPTION')),
      data: fc.oneof(fc.anything(), fc.record({ originalError: fc.anything(), err: fc.anything(), logs: fc.array(fc.string()) })),
      context: fc.oneof(fc.anything(), fc.record({ __code: fc.integer(), code: fc.anything(), logs: fc.anything() })),
      logs: fc.anything(),
      cause: fc.oneof(fc.constant(undefined), tie('node')),
      info: fc.anything(),
    },
    { requiredKeys: [] },
  ),
})).node;

it('never throws on error-shaped junk, deep chains included', () => {
  fc.assert(
    fc.property(fc.oneof(errorLike, fc.anything()), (value) => {
      expect(isApiError(normalizeError(value, { profiles: chainProfiles }))).toBe(true);
    }),
    { numRuns: 300 },
  );
});

it('survives cycles, throwing getters and revoked proxies', () => {
  const cyclic: Record<string, unknown> = { name: 'SolanaError', code: -32005 };
  cyclic.cause = cyclic;
  cyclic.data = { originalError: cyclic };
  const getter = Object.defineProperty({ code: 4902 }, 'message', { get: () => { throw new Error('no'); } });
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  for (const value of [cyclic, getter, proxy, { cause: proxy }]) {
    expect(isApiError(normalizeError(value, { profiles: chainProfiles }))).toBe(true);
  }
});
