import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { isApiError, type ApiError } from '../../src/core/index.js';
import { ApiErrorBoundary, useApiErrorMessage, useApiMutation, useApiQuery, useRateLimit } from '../../src/index.js';
import { clients } from '../support/clients';
import { Demo } from '../support/Demo';
import { mock } from '../support/mock';

// A small wallet swap page, written the way an app would use faultline: one provider, the
// clients, useApiQuery for the quote, useApiMutation for the swap, a boundary around the page.
type Quote = { quoteId: string; inAmount: string; outAmount: string; priceImpactPct: string; expiresAt: string };
type Submitted = { status: 'submitted'; signature: string };
const SOL = 'So11111111111111111111111111111111111111112';
const USDC = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v';
const swapApi = clients['solana-swap'];

function InlineError({ error }: { error: ApiError | null }) {
  const message = useApiErrorMessage(error);
  return message ? (
    <p role="status" className="muted">
      {message.title}: {message.description}
    </p>
  ) : null;
}

function SwapForm() {
  const [sol, setSol] = useState('1');
  const lamports = Math.round(Number(sol) * 1e9);
  const limit = useRateLimit('solana-swap');
  const quote = useApiQuery({
    queryKey: ['quote', lamports],
    queryFn: () => swapApi.get<Quote>(`/v1/quote?inputMint=${SOL}&outputMint=${USDC}&amount=${lamports}`),
    enabled: lamports > 0,
    api: 'solana-swap',
    // A quote lives 30 s: refresh it before it expires while the page is open.
    refetchInterval: 20_000,
    meta: { toast: false }, // shown inline below instead
  });
  const swap = useApiMutation({
    mutationFn: async (current: Quote) => {
      try {
        return await swapApi.post<Submitted>('/v1/swap', { quoteId: current.quoteId, signedTx: 'AQAB…signed-by-wallet' });
      } catch (error) {
        // QUOTE_EXPIRED / QUOTE_NOT_FOUND: the API says re-quote. Never resend the old quote.
        if (!isApiError(error) || error.recovery !== 'requote') throw error;
        const fresh = await quote.refetch({ throwOnError: true });
        return swapApi.post<Submitted>('/v1/swap', { quoteId: fresh.data!.quoteId, signedTx: 'AQAB…signed-by-wallet' });
      }
    },
  });

  return (
    <form
      className="card"
      aria-label="Swap"
      onSubmit={(event) => {
        event.preventDefault();
        if (quote.data) swap.mutate(quote.data);
      }}
    >
      <div className="row">
        <label>
          You pay (SOL){' '}
          <input inputMode="decimal" value={sol} onChange={(event) => setSol(event.target.value)} size={8} />
        </label>
      </div>
      <p aria-live="polite">
        {quote.data ? `You receive ≈ ${(Number(quote.data.outAmount) / 1e6).toFixed(2)} USDC (impact ${quote.data.priceImpactPct}%)` : limit.limited ? `Quotes paused for ${limit.secondsLeft}s` : 'Getting a quote…'}
      </p>
      <InlineError error={quote.error} />
      <div className="row">
        <button type="submit" className="primary" disabled={!quote.data || swap.isPending}>
          {swap.isPending ? 'Swapping…' : 'Swap'}
        </button>
      </div>
      {swap.data && <p>Swap submitted: {swap.data.signature.slice(0, 16)}…</p>}
    </form>
  );
}

function WalletSwapPage() {
  return (
    <Demo onReauth={async () => void (await swapApi.post('/v1/keys/rotate'))}>
      <h2>Swap</h2>
      <ApiErrorBoundary>
        <SwapForm />
      </ApiErrorBoundary>
    </Demo>
  );
}

const meta = {
  title: 'dApp/Wallet swap',
  render: () => <WalletSwapPage />,
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** Quote, then swap: the happy path. */
export const Swap: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/^You receive ≈ 187\.30 USDC/)).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Swap' }));
    await expect(await canvas.findByText(/^Swap submitted: /)).toBeInTheDocument();
  },
};

/** The quote expires before the swap: the page re-quotes by itself and the swap goes through. */
export const QuoteExpiresFirst: Story = {
  beforeEach: () => {
    mock.setQuoteTtl(500);
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(/^You receive/);
    await new Promise((resolve) => setTimeout(resolve, 600));
    await userEvent.click(canvas.getByRole('button', { name: 'Swap' }));
    await expect(await canvas.findByText(/^Swap submitted: /)).toBeInTheDocument();
  },
};

/** The quote service is rate-limiting: the page says so inline and quotes again when allowed. */
export const QuotesRateLimited: Story = {
  beforeEach: () => {
    mock.rateLimit('solana-swap', 2);
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText(/^Quotes paused for [12]s$/)).toBeInTheDocument());
    await expect(await canvas.findByText(/^You receive/, undefined, { timeout: 5000 })).toBeInTheDocument();
  },
};
