import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within, screen } from 'storybook/test';
import { createPublicClient, createWalletClient, http } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { mainnet } from 'viem/chains';
import { useApiMutation } from '../../src/index.js';
import { ChainDemo, rpcNode } from './chain-demo';

const RPC = 'https://evm-rpc.example/';
const TO = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const BLOCK = { number: '0x10', hash: `0x${'1'.repeat(64)}`, parentHash: `0x${'0'.repeat(64)}`, timestamp: '0x1', baseFeePerGas: '0x3b9aca00', gasLimit: '0x1c9c380', gasUsed: '0x0', transactions: [] };
// A healthy node for everything viem asks while preparing a transaction.
const healthy: Record<string, unknown> = { eth_chainId: '0x1', eth_blockNumber: '0x10', eth_getTransactionCount: '0x1', eth_maxPriorityFeePerGas: '0x3b9aca00', eth_estimateGas: '0x5208', eth_getBlockByNumber: BLOCK, eth_getTransactionReceipt: null };

function Pay({ waitForReceipt }: { waitForReceipt: boolean }) {
  const pay = useApiMutation({
    mutationFn: async () => {
      const transport = http(RPC, { retryCount: 0 });
      const hash = await createWalletClient({ chain: mainnet, account: privateKeyToAccount(`0x${'11'.repeat(32)}`), transport }).sendTransaction({ to: TO, value: 10n ** 18n });
      if (waitForReceipt) await createPublicClient({ chain: mainnet, transport }).waitForTransactionReceipt({ hash, timeout: 300, pollingInterval: 50 });
      return hash;
    },
  });
  return (
    <>
      <h2>Pay 1 ETH with viem</h2>
      <button type="button" className="primary" onClick={() => pay.mutate()}>
        Pay
      </button>
      <p data-testid="status">Status: {pay.status}</p>
    </>
  );
}

const meta = {
  title: 'Chain/EVM transaction',
  args: { waitForReceipt: false },
  render: (args) => (
    <ChainDemo>
      <Pay waitForReceipt={args.waitForReceipt} />
    </ChainDemo>
  ),
} satisfies Meta<{ waitForReceipt: boolean }>;

export default meta;
type Story = StoryObj<typeof meta>;

async function payAndFindToast(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await userEvent.click(canvas.getByRole('button', { name: 'Pay' }));
  await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('error'), { timeout: 3000 });
  return { canvas, toast: await within(await screen.findByRole('region', { name: /Notifications/ })).findByRole('listitem') };
}

/** The node says "insufficient funds for gas * price + value": the toast offers Add funds. */
export const InsufficientFunds: Story = {
  parameters: {
    msw: { handlers: [rpcNode(RPC, (method) => (method === 'eth_estimateGas' ? { error: { code: -32000, message: 'insufficient funds for gas * price + value: have 0 want 1000000000000000000' } } : { result: healthy[method] ?? null }))] },
  },
  play: async ({ canvasElement }) => {
    const { canvas, toast } = await payAndFindToast(canvasElement);
    await expect(toast).toHaveTextContent(/network fee/);
    await userEvent.click(within(toast).getByRole('button', { name: 'Add funds' }));
    await expect(within(canvas.getByRole('list', { name: 'App actions' })).getByText('add-funds')).toBeInTheDocument();
  },
};

/** Sent, but no receipt in time: the outcome is unknown. Check status; never an automatic resend. */
export const OutcomeUnknown: Story = {
  args: { waitForReceipt: true },
  parameters: { msw: { handlers: [rpcNode(RPC, (method) => (method === 'eth_sendRawTransaction' ? { result: `0x${'ab'.repeat(32)}` } : { result: healthy[method] ?? null }))] } },
  play: async ({ canvasElement }) => {
    const { canvas, toast } = await payAndFindToast(canvasElement);
    await expect(toast).toHaveTextContent(/check its status/);
    await expect(within(toast).queryByRole('button', { name: 'Retry' })).toBeNull();
    await userEvent.click(within(toast).getByRole('button', { name: 'Check status' }));
    await expect(within(canvas.getByRole('list', { name: 'App actions' })).getByText('check-status')).toBeInTheDocument();
  },
};
