import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, screen, within } from 'storybook/test';
import { useApiQuery, useRateLimit } from '../../src/index.js';
import { clients } from '../support/clients';
import { Demo } from '../support/Demo';
import { mock } from '../support/mock';

type Coin = { mint: string; symbol: string; name: string };

function LatestCoins() {
  const coins = useApiQuery({ queryKey: ['latest-coins'], queryFn: () => clients.pumpfun.get<Coin[]>('/coins/latest'), api: 'pumpfun' });
  const limit = useRateLimit('pumpfun');
  return (
    <>
      <h2>Latest coins on Pump.fun</h2>
      <p className="muted">{limit.limited ? `Rate limit window closes in ${limit.secondsLeft}s` : 'Rate limit window open'}</p>
      {coins.data ? (
        <p>Coins: {coins.data.map((coin) => coin.symbol).join(', ')}</p>
      ) : (
        <p>Status: {coins.status}</p>
      )}
    </>
  );
}

/**
 * Pump.fun answers 429 with `Retry-After: 3`. The toast counts down every second and the query
 * sends exactly one new request when the window opens.
 */
const meta = {
  title: 'Flows/Rate-limit countdown',
  render: () => (
    <Demo>
      <LatestCoins />
    </Demo>
  ),
  beforeEach: () => {
    mock.rateLimit('pumpfun', 3);
  },
} satisfies Meta;

export default meta;

export const RecoversByItself: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toasts = within(screen.getByRole('region', { name: /Notifications/ }));
    const toast = await toasts.findByRole('listitem');
    // Retry-After says 3 s; X-RateLimit-Reset (whole epoch seconds) may keep the window up to 1 s longer.
    await expect(toast).toHaveTextContent(/Trying again in [1-4]s\./);
    await expect(within(toast).getByRole('progressbar')).toBeInTheDocument();
    await waitFor(() => expect(canvas.getByText('Coins: PEPE, CREW')).toBeInTheDocument(), { timeout: 6000 });
    await expect(mock.requests.pumpfun).toBe(2);
    await waitFor(() => expect(toasts.queryAllByRole('listitem')).toHaveLength(0));
  },
};
