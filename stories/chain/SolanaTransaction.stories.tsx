import { createSolanaRpc } from '@solana/kit';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within, screen } from 'storybook/test';
import { useApiMutation } from '../../src/index.js';
import { ChainDemo, rpcNode, type RpcAnswer } from './chain-demo';

const RPC = 'https://solana-rpc.example/';
const JUPITER = 'JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4';
const simulation = (err: unknown, logs: string[]) => ({ accounts: null, err, logs, returnData: null, unitsConsumed: 1000 });
const ANSWERS: Record<string, RpcAnswer> = {
  expired: { error: { code: -32002, message: 'Transaction simulation failed: Blockhash not found', data: simulation('BlockhashNotFound', []) } },
  slippage: {
    error: {
      code: -32002,
      message: 'Transaction simulation failed: Error processing Instruction 2: custom program error: 0x1771',
      data: simulation({ InstructionError: [2, { Custom: 6001 }] }, [
        `Program ${JUPITER} invoke [1]`,
        'Program log: AnchorError occurred. Error Code: SlippageToleranceExceeded. Error Number: 6001. Error Message: Slippage tolerance exceeded.',
        `Program ${JUPITER} failed: custom program error: 0x1771`,
      ]),
    },
  },
};

function SendSwap() {
  // @solana/kit against the mocked node: what it throws is what the chain profiles read.
  const send = useApiMutation({ mutationFn: () => createSolanaRpc(RPC).sendTransaction('AQ==' as never, { encoding: 'base64' }).send() });
  return (
    <>
      <h2>Send a signed swap with @solana/kit</h2>
      <button type="button" className="primary" onClick={() => send.mutate()}>
        Send transaction
      </button>
      <p data-testid="status">Status: {send.status}</p>
    </>
  );
}

const meta = {
  title: 'Chain/Solana transaction',
  render: () => (
    <ChainDemo>
      <SendSwap />
    </ChainDemo>
  ),
} satisfies Meta;

export default meta;

async function sendAndFindToast(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await userEvent.click(canvas.getByRole('button', { name: 'Send transaction' }));
  await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('error'));
  return { canvas, toast: await within(await screen.findByRole('region', { name: /Notifications/ })).findByRole('listitem') };
}

/** The blockhash expired: the same signed bytes can never land. Sign again, never Retry. */
export const BlockhashExpired: StoryObj<typeof meta> = {
  parameters: { msw: { handlers: [rpcNode(RPC, () => ANSWERS.expired)] } },
  play: async ({ canvasElement }) => {
    const { canvas, toast } = await sendAndFindToast(canvasElement);
    await expect(toast).toHaveTextContent('Transaction expired');
    await expect(within(toast).queryByRole('button', { name: 'Retry' })).toBeNull();
    await userEvent.click(within(toast).getByRole('button', { name: 'Sign again' }));
    await expect(within(canvas.getByRole('list', { name: 'App actions' })).getByText('sign-again')).toBeInTheDocument();
  },
};

/** Jupiter's 6001 (0x1771): the price moved past the slippage. Get a new quote. */
export const SlippageExceeded: StoryObj<typeof meta> = {
  parameters: { msw: { handlers: [rpcNode(RPC, () => ANSWERS.slippage)] } },
  play: async ({ canvasElement }) => {
    const { canvas, toast } = await sendAndFindToast(canvasElement);
    await expect(toast).toHaveTextContent(/slippage/);
    await userEvent.click(within(toast).getByRole('button', { name: 'Get a new quote' }));
    await expect(within(canvas.getByRole('list', { name: 'App actions' })).getByText('requote')).toBeInTheDocument();
  },
};
