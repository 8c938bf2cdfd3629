import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within, screen } from 'storybook/test';
import { createPublicClient, http } from 'viem';
import { mainnet } from 'viem/chains';
import { useApiQuery } from '../../src/index.js';
import { ChainDemo, rpcNode } from './chain-demo';

const RPC = 'https://mainnet.infura.example/v3/demo';
let calls = 0;

function BlockNumber() {
  const block = useApiQuery({
    queryKey: ['block-number'],
    queryFn: async () => {
      calls += 1;
      return String(await createPublicClient({ chain: mainnet, transport: http(RPC, { retryCount: 0 }) }).getBlockNumber({ cacheTime: 0 }));
    },
  });
  return (
    <>
      <h2>Latest Ethereum block through a rate-limited RPC</h2>
      <p data-testid="block">{block.data ? `Block ${block.data}` : `Status: ${block.status}`}</p>
    </>
  );
}

/**
 * Infura answers its first call with -32005 and `data.rate.backoff_seconds: 2` (what Infura
 * sends when a key is over its rate). The toast counts down and the query runs once more when
 * the wait is over.
 */
const meta = {
  title: 'Chain/RPC rate limit',
  render: () => (
    <ChainDemo>
      <BlockNumber />
    </ChainDemo>
  ),
  beforeEach: () => {
    calls = 0;
  },
  parameters: {
    msw: {
      handlers: [
        rpcNode(RPC, (method, attempt) =>
          method === 'eth_blockNumber' && attempt === 1
            ? { error: { code: -32005, message: 'project ID request rate exceeded', data: { rate: { allowed_rps: 1, backoff_seconds: 2, current_rps: 3 }, see: 'https://infura.io/dashboard' } } }
            : { result: method === 'eth_blockNumber' ? '0x1312d00' : null },
        ),
      ],
    },
  },
} satisfies Meta;

export default meta;

export const WaitsTheStatedBackoff: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toast = await within(await screen.findByRole('region', { name: /Notifications/ })).findByRole('listitem');
    await expect(toast).toHaveTextContent(/Trying again in [12]s/);
    await expect(canvas.getByTestId('block')).toHaveTextContent('Status: pending');
    await waitFor(() => expect(canvas.getByTestId('block')).toHaveTextContent('Block 20000000'), { timeout: 5000 });
    await expect(calls).toBe(2);
  },
};
