import type { Meta, StoryObj } from '@storybook/react-vite';
import { createWalletClient, custom } from 'viem';
import { mainnet } from 'viem/chains';
import { expect, userEvent, waitFor, within, screen } from 'storybook/test';
import { useApiMutation } from '../../src/index.js';
import { ChainDemo } from './chain-demo';

const ACCOUNT = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

/**
 * A scripted EIP-1193 wallet (what MetaMask or Rabby inject as `window.ethereum`): it is on
 * `chainId` and rejects `eth_sendTransaction` with `failure`, as a real wallet would.
 */
function scriptedWallet(failure: { code: number; message: string } | null, chainId = 1) {
  return {
    async request({ method }: { method: string }) {
      if (method === 'eth_chainId') return `0x${chainId.toString(16)}`;
      if (method === 'eth_accounts' || method === 'eth_requestAccounts') return [ACCOUNT];
      if (method === 'eth_sendTransaction' && failure) throw Object.assign(new Error(failure.message), { code: failure.code });
      return `0x${'ab'.repeat(32)}`;
    },
    on() {},
    removeListener() {},
  };
}

function SendButton({ failure, chainId }: { failure: { code: number; message: string } | null; chainId?: number }) {
  const send = useApiMutation({
    mutationFn: () => createWalletClient({ chain: mainnet, account: ACCOUNT, transport: custom(scriptedWallet(failure, chainId)) }).sendTransaction({ to: ACCOUNT, value: 1n }),
  });
  return (
    <>
      <h2>Send 1 wei with viem through the wallet</h2>
      <button type="button" className="primary" onClick={() => send.mutate()}>
        Send
      </button>
      <p data-testid="status">Status: {send.status}</p>
    </>
  );
}

const meta = {
  title: 'Chain/Wallet',
  args: { failure: null as { code: number; message: string } | null, chainId: 1 },
  render: (args) => (
    <ChainDemo>
      <SendButton failure={args.failure} chainId={args.chainId} />
    </ChainDemo>
  ),
} satisfies Meta<{ failure: { code: number; message: string } | null; chainId: number }>;

export default meta;
type Story = StoryObj<typeof meta>;

async function send(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
  await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('error'));
  return canvas;
}

/** EIP-1193 4100: the site or account is not authorised. The toast asks the app to connect the wallet. */
export const NotConnected: Story = {
  args: { failure: { code: 4100, message: 'The requested account and/or method has not been authorized by the user.' } },
  play: async ({ canvasElement }) => {
    const canvas = await send(canvasElement);
    const toast = await within(await screen.findByRole('region', { name: /Notifications/ })).findByRole('listitem');
    await expect(toast).toHaveTextContent('Connect your wallet');
    await userEvent.click(within(toast).getByRole('button', { name: 'Connect wallet' }));
    await expect(within(canvas.getByRole('list', { name: 'App actions' })).getByText('connect-wallet')).toBeInTheDocument();
    await expect(canvas.queryByRole('dialog')).toBeNull(); // never the sign-in prompt
  },
};

/** The wallet is on Polygon while the app sends on Ethereum (viem's ChainMismatchError). */
export const WrongNetwork: Story = {
  args: { failure: null, chainId: 137 },
  play: async ({ canvasElement }) => {
    const canvas = await send(canvasElement);
    const toast = await within(await screen.findByRole('region', { name: /Notifications/ })).findByRole('listitem');
    await expect(toast).toHaveTextContent('Wrong network');
    await userEvent.click(within(toast).getByRole('button', { name: 'Switch network' }));
    await expect(within(canvas.getByRole('list', { name: 'App actions' })).getByText('switch-network')).toBeInTheDocument();
  },
};

/** A request is already waiting in the wallet (-32002): the toast says to open it, and offers no Retry. */
export const WalletBusy: Story = {
  args: { failure: { code: -32002, message: "Request of type 'eth_sendTransaction' already pending for origin http://localhost. Please wait." } },
  play: async ({ canvasElement }) => {
    await send(canvasElement);
    const toast = await within(await screen.findByRole('region', { name: /Notifications/ })).findByRole('listitem');
    await expect(toast).toHaveTextContent(/Open your wallet/);
    await expect(within(toast).queryByRole('button', { name: 'Retry' })).toBeNull();
  },
};

/** The person said no (4001): the mutation fails quietly, with no toast. */
export const Rejected: Story = {
  args: { failure: { code: 4001, message: 'User rejected the request.' } },
  play: async ({ canvasElement }) => {
    await send(canvasElement);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(within(await screen.findByRole('region', { name: /Notifications/ })).queryAllByRole('listitem')).toHaveLength(0);
  },
};
