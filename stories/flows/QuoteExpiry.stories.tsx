import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { isApiError } from '../../src/core/index.js';
import { useApiMutation } from '../../src/index.js';
import { clients } from '../support/clients';
import { Demo } from '../support/Demo';
import { mock } from '../support/mock';

type Quote = { quoteId: string; outAmount: string; expiresAt: string };
const SOL = 'So11111111111111111111111111111111111111112';
const USDC = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v';
const getQuote = () => clients['solana-swap'].get<Quote>(`/v1/quote?inputMint=${SOL}&outputMint=${USDC}&amount=1000000000`);

function Swap() {
  const [quote, setQuote] = useState<Quote | null>(null);
  const [log, setLog] = useState<string[]>([]);
  const note = (line: string) => setLog((lines) => [...lines, line]);
  const swap = useApiMutation({
    mutationFn: async (initial: Quote) => {
      try {
        return await clients['solana-swap'].post<{ signature: string }>('/v1/swap', { quoteId: initial.quoteId });
      } catch (error) {
        // The API's rule for QUOTE_EXPIRED is "re-quote": faultline says so in `recovery`.
        if (!isApiError(error) || error.recovery !== 'requote') throw error;
        note(`Quote ${initial.quoteId} ${error.code === 'QUOTE_EXPIRED' ? 'expired' : 'is unknown'}: getting a new one`);
        const fresh = await getQuote();
        setQuote(fresh);
        note(`New quote ${fresh.quoteId}`);
        return clients['solana-swap'].post<{ signature: string }>('/v1/swap', { quoteId: fresh.quoteId });
      }
    },
    onSuccess: (result) => note(`Submitted: ${result.signature.slice(0, 12)}…`),
  });
  return (
    <>
      <h2>Swap 1 SOL → USDC</h2>
      <p className="muted">Quotes here last 1 second (the real API: 30 s). Get a quote, wait, then swap.</p>
      <div className="row">
        <button type="button" onClick={async () => setQuote(await getQuote())}>
          Get quote
        </button>
        <button type="button" className="primary" disabled={!quote || swap.isPending} onClick={() => quote && swap.mutate(quote)}>
          Swap
        </button>
      </div>
      {quote && <p data-testid="quote">Quote {quote.quoteId}: {Number(quote.outAmount) / 1e6} USDC</p>}
      <ol aria-label="What happened">
        {log.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
    </>
  );
}

const meta = {
  title: 'Flows/Quote expiry and automatic re-quote',
  render: () => (
    <Demo>
      <Swap />
    </Demo>
  ),
  beforeEach: () => {
    mock.setQuoteTtl(1000);
  },
} satisfies Meta;

export default meta;

export const RequotesByItself: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Get quote' }));
    const firstId = (await canvas.findByTestId('quote')).textContent?.split(':')[0];
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await userEvent.click(canvas.getByRole('button', { name: 'Swap' }));
    const log = within(canvas.getByRole('list', { name: 'What happened' }));
    await waitFor(() => expect(log.getByText(/^Submitted: /)).toBeInTheDocument());
    await expect(log.getByText(/expired: getting a new one$/)).toBeInTheDocument();
    await expect(canvas.getByTestId('quote').textContent?.split(':')[0]).not.toBe(firstId);
  },
};
