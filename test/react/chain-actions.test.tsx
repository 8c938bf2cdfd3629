// The three chain recoveries reach the app through onAction, and a transaction whose outcome is
// unknown (or whose blockhash expired) is never offered a resend. Errors are thrown as the
// libraries throw them: the Solana wallet adapter's classes, @solana/web3.js's expiry error, an
// EIP-1193 rejection object, and viem's receipt timeout.
import { WalletNotConnectedError } from '@solana/wallet-adapter-base';
import { TransactionExpiredBlockheightExceededError } from '@solana/web3.js';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WaitForTransactionReceiptTimeoutError } from 'viem';
import { describe, expect, it, vi } from 'vitest';
import { chainProfiles } from '../../src/chain/index.js';
import { reportError } from '../../src/index.js';
import { renderWithFaultline } from './harness.js';

const unrecognisedChain = Object.assign(new Error('Unrecognized chain ID "0xaa36a7".'), { code: 4902 });

describe('chain recoveries in the toaster', () => {
  it.each([
    ['Connect wallet', 'connect-wallet', new WalletNotConnectedError()],
    ['Switch network', 'switch-network', unrecognisedChain],
    ['Sign again', 'sign-again', new TransactionExpiredBlockheightExceededError('5'.repeat(88))],
    ['Check status', 'check-status', new WaitForTransactionReceiptTimeoutError({ hash: `0x${'a'.repeat(64)}` })],
  ])('%s goes to the app through onAction', async (label, recovery, thrown) => {
    const onAction = vi.fn();
    renderWithFaultline(null, { profiles: chainProfiles, onAction });
    reportError(thrown);
    await userEvent.click(await screen.findByRole('button', { name: label }));
    expect(onAction).toHaveBeenCalledWith(recovery, expect.objectContaining({ recovery }));
  });

  it.each([
    ['an expired blockhash', new TransactionExpiredBlockheightExceededError('5'.repeat(88))],
    ['a receipt that never came', new WaitForTransactionReceiptTimeoutError({ hash: `0x${'a'.repeat(64)}` })],
  ])('never offers a resend of %s, even without onAction', async (_case, thrown) => {
    renderWithFaultline(null, { profiles: chainProfiles });
    reportError(thrown);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('a wallet rejection shows no toast', async () => {
    renderWithFaultline(null, { profiles: chainProfiles });
    reportError(Object.assign(new Error('User rejected the request.'), { code: 4001 }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
  });

  it('an unauthorised wallet account (4100) never opens the sign-in prompt', async () => {
    renderWithFaultline(null, { profiles: chainProfiles, onReauth: vi.fn(), onAction: vi.fn() });
    reportError(Object.assign(new Error('The requested account and/or method has not been authorized by the user.'), { code: 4100 }));
    expect(await screen.findByRole('button', { name: 'Connect wallet' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('raw SDK errors in plain React Query hooks', () => {
  it('the provider’s retry policy reads them with its profiles: a Solana node behind is retried', async () => {
    const { useQuery } = await import('@tanstack/react-query');
    let calls = 0;
    function Balance() {
      const query = useQuery({
        queryKey: ['balance'],
        // What @solana/web3.js v1 throws when the node is behind (no Response, a wrapped message).
        queryFn: async () => {
          calls += 1;
          if (calls === 1) throw new Error('failed to get balance of account: SolanaJSONRPCError: Node is behind by 159 slots');
          return 42;
        },
      });
      return <p>{query.data === undefined ? `Status: ${query.status}` : `Balance ${query.data}`}</p>;
    }
    renderWithFaultline(<Balance />, { profiles: chainProfiles, retry: { baseDelayMs: 1, random: () => 0 } });
    expect(await screen.findByText('Balance 42')).toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it('and an expired blockhash is never retried as is', async () => {
    const { useQuery } = await import('@tanstack/react-query');
    let calls = 0;
    function Confirm() {
      const query = useQuery({
        queryKey: ['confirm'],
        queryFn: async () => {
          calls += 1;
          throw new TransactionExpiredBlockheightExceededError('5'.repeat(88));
        },
      });
      return <p>Status: {query.status}</p>;
    }
    renderWithFaultline(<Confirm />, { profiles: chainProfiles, retry: { baseDelayMs: 1, random: () => 0 } });
    expect(await screen.findByText('Status: error')).toBeInTheDocument();
    expect(calls).toBe(1);
  });
});
