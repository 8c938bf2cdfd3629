// The rules that give a thrown value without an HTTP response its kind (src/core/thrown.ts), row
// by row, each with the library or runtime that throws it. A value none of them claims is `null`
// here and read further by normalizeError (a body, a Response, a plain Error).
import { describe, expect, it } from 'vitest';
import { normalizeError } from '../../src/core/index.js';
import { causeChain, isNetworkMessage, kindOfThrown } from '../../src/core/thrown.js';

const error = (fields: Record<string, unknown>) => Object.assign(new Error(), fields);
const REJECTING = 'User rejected the request.';

describe('kindOfThrown: cancelled requests', () => {
  it.each([
    ['DOM AbortError (a plain object, no legacy code)', { name: 'AbortError', message: 'signal is aborted without reason' }],
    ['axios CanceledError (code ERR_CANCELED)', { name: 'CanceledError', code: 'ERR_CANCELED', message: 'canceled' }],
    ['DOMException legacy code 20 (ABORT_ERR)', { code: 20, message: 'aborted' }],
    ["React Query's CancelledError, with `revert`", { message: 'CancelledError', revert: true, silent: undefined }],
    ["React Query's CancelledError, `revert: false`", error({ message: 'CancelledError', revert: false })],
  ])('%s is aborted', (_source, thrown) => {
    expect(kindOfThrown(thrown)).toBe('aborted');
  });

  it('a message "CancelledError" without `revert`, or `revert` on another message, is not a cancellation', () => {
    expect(kindOfThrown({ message: 'CancelledError' })).toBeNull();
    expect(kindOfThrown({ message: 'Conflict', revert: true })).toBeNull();
  });

  it('is read through normalizeError as not retryable', () => {
    expect(normalizeError({ name: 'AbortError', message: 'aborted' })).toMatchObject({ kind: 'aborted', retryable: false });
  });
});

describe('kindOfThrown: timeouts', () => {
  it.each([
    ['DOM TimeoutError (AbortSignal.timeout), a plain object', { name: 'TimeoutError', message: 'signal timed out' }],
    ['DOMException legacy code 23 (TIMEOUT_ERR)', { code: 23, message: 'timed out' }],
    ['Node ETIMEDOUT', error({ code: 'ETIMEDOUT' })],
    ['axios ECONNABORTED (its timeout)', error({ code: 'ECONNABORTED' })],
    ['undici UND_ERR_CONNECT_TIMEOUT', error({ code: 'UND_ERR_CONNECT_TIMEOUT' })],
    ['undici UND_ERR_HEADERS_TIMEOUT', error({ code: 'UND_ERR_HEADERS_TIMEOUT' })],
    ['undici UND_ERR_BODY_TIMEOUT', error({ code: 'UND_ERR_BODY_TIMEOUT' })],
  ])('%s is a timeout', (_source, thrown) => {
    expect(kindOfThrown(thrown)).toBe('timeout');
  });
});

describe('kindOfThrown: network codes', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_NETWORK', 'UND_ERR_SOCKET', 'ERR_INTERNET_DISCONNECTED'])('%s is a network failure', (code) => {
    expect(kindOfThrown(error({ code, message: 'x' }))).toBe('network');
  });

  it('an unknown or empty code is not', () => {
    expect(kindOfThrown(error({ code: 'E_SOMETHING', message: 'x' }))).toBeNull();
    expect(kindOfThrown(error({ code: '', message: 'x' }))).toBeNull();
  });
});

describe('kindOfThrown: a person said no in their wallet', () => {
  it('EIP-1193 4001 and ethers ACTION_REJECTED, whatever the message', () => {
    expect(kindOfThrown({ code: 4001, message: 'x' })).toBe('aborted');
    expect(kindOfThrown(error({ code: 'ACTION_REJECTED', message: 'x' }))).toBe('aborted');
  });

  // A rejection named by viem or the Solana wallet adapter wins over a network code on the same error.
  it.each(['UserRejectedRequestError', 'WalletSignTransactionError', 'WalletSendTransactionError', 'WalletSignMessageError', 'WalletConnectionError'])('%s with a rejecting message is aborted, before its network code', (name) => {
    expect(kindOfThrown(error({ name, message: REJECTING, code: 'ECONNRESET' }))).toBe('aborted');
    expect(kindOfThrown(error({ name, message: 'Insufficient funds for gas' }))).toBeNull();
  });

  it('only those exact names: a longer name with a network code is read by its code', () => {
    expect(kindOfThrown(error({ name: 'XUserRejectedRequestError', message: REJECTING, code: 'ECONNRESET' }))).toBe('network');
    expect(kindOfThrown(error({ name: 'UserRejectedRequestErrorX', message: REJECTING, code: 'ECONNRESET' }))).toBe('network');
    expect(kindOfThrown(error({ name: 'Error', message: REJECTING, code: 'ECONNRESET' }))).toBe('network');
  });

  it.each(['user rejected', 'User denied transaction signature.', 'MetaMask: rejected the request', 'Rejected by user', 'Transaction rejected by the user', 'User canceled', 'User cancelled', 'User declined', 'Request rejected'])(
    'the phrase "%s" with a numeric code is aborted',
    (message) => {
      expect(kindOfThrown({ code: 5000, message })).toBe('aborted');
    },
  );

  it('a rejecting phrase counts with a numeric code or a wallet-ish name, not with neither', () => {
    expect(kindOfThrown(error({ name: 'Error', code: 5000, message: REJECTING }))).toBe('aborted');
    expect(kindOfThrown(error({ name: 'PhantomWalletError', message: REJECTING }))).toBe('aborted');
    expect(kindOfThrown(error({ name: 'RequestRejected', message: REJECTING }))).toBe('aborted');
    expect(kindOfThrown(error({ name: 'Error', message: REJECTING }))).toBeNull();
    expect(kindOfThrown(error({ name: 'Error', code: 'E_X', message: REJECTING }))).toBeNull();
    expect(kindOfThrown({ code: 5000, message: 'Out of gas' })).toBeNull();
  });
});

describe('kindOfThrown: network messages', () => {
  it('the exact messages count for a TypeError, an Error and an AxiosError, with no code', () => {
    expect(kindOfThrown(new TypeError('Failed to fetch'))).toBe('network');
    expect(kindOfThrown(new Error('Network connection lost.'))).toBe('network');
    expect(kindOfThrown({ name: 'AxiosError', message: 'Network Error' })).toBe('network');
    expect(kindOfThrown(new Error('Network Error'))).toBe('network');
  });

  it('not for another name, and not for another message', () => {
    expect(kindOfThrown(new RangeError('Failed to fetch'))).toBeNull();
    expect(kindOfThrown({ name: 'SyntaxError', message: 'Network Error' })).toBeNull();
    expect(kindOfThrown(new TypeError('x is not a function'))).toBeNull();
    expect(kindOfThrown({ name: 'AxiosError', message: 'Request failed with status code 500' })).toBeNull();
  });

  it('isNetworkMessage: the exact set, and the host forms only with one short host', () => {
    expect(isNetworkMessage('Network Error')).toBe(true);
    expect(isNetworkMessage('Load failed (api.example.org)')).toBe(true);
    expect(isNetworkMessage('error sending request for url (https://a.test/): dns error')).toBe(true);
    expect(isNetworkMessage('Network Error.')).toBe(false);
    expect(isNetworkMessage('')).toBe(false);
    expect(isNetworkMessage(`Failed to fetch (${'h'.repeat(254)})`)).toBe(false);
    expect(isNetworkMessage('Failed to fetch (a.test) again')).toBe(false);
    // Only at the start: an app's own message that quotes one is not one.
    expect(isNetworkMessage('Error: Failed to fetch (a.test)')).toBe(false);
    expect(isNetworkMessage('retrying after error sending request for url (https://a.test/)')).toBe(false);
  });
});

describe('kindOfThrown: sizes are capped before any pattern reads them', () => {
  it('a rejecting phrase after the first 1,000 characters of a message is not read', () => {
    expect(kindOfThrown({ code: 5000, message: `${'x'.repeat(970)} ${REJECTING}` })).toBe('aborted');
    expect(kindOfThrown({ code: 5000, message: `${'x'.repeat(1000)} ${REJECTING}` })).toBeNull();
  });

  it('a wallet-ish word after the first 200 characters of a name is not read', () => {
    expect(kindOfThrown(error({ name: `${'x'.repeat(190)}Wallet`, message: REJECTING }))).toBe('aborted');
    expect(kindOfThrown(error({ name: `${'x'.repeat(200)}Wallet`, message: REJECTING }))).toBeNull();
  });
});

describe('causeChain', () => {
  /** An error whose reason sits `depth` links down (the value itself is depth 1). */
  const nested = (depth: number, reason: unknown) => {
    let value = reason;
    for (let i = 1; i < depth; i += 1) value = new Error(`wrapper ${i}`, { cause: value });
    return value;
  };

  it('the value first, then each cause, ending at a missing or null cause', () => {
    const root = new Error('root');
    const top = new Error('top', { cause: root });
    expect(causeChain(top)).toEqual([top, root]);
    expect(causeChain(root)).toEqual([root]);
    const nullCause = { message: 'x', cause: null };
    expect(causeChain(nullCause)).toEqual([nullCause]);
    expect(causeChain(null)).toEqual([]);
    expect(causeChain(undefined)).toEqual([]);
  });

  it('ends a cycle at the first repeat', () => {
    const a: Record<string, unknown> = { message: 'a' };
    const b: Record<string, unknown> = { message: 'b', cause: a };
    a.cause = b;
    expect(causeChain(a)).toEqual([a, b]);
    const self: Record<string, unknown> = { message: 'self' };
    self.cause = self;
    expect(causeChain(self)).toEqual([self]);
  });

  // viem wraps an RPC error six levels deep; eight links are read, the ninth is not.
  it('reads a reason at depth 8, not at depth 9', () => {
    const reason = { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' };
    expect(causeChain(nested(9, reason))).toHaveLength(8);
    expect(kindOfThrown(nested(8, reason))).toBe('network');
    expect(kindOfThrown(nested(9, reason))).toBeNull();
    expect(normalizeError(nested(8, reason)).kind).toBe('network');
  });
});
