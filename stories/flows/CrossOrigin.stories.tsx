import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within, screen } from 'storybook/test';
import { useApiQuery, useRateLimit } from '../../src/index.js';
import { clients } from '../support/clients';
import { Demo } from '../support/Demo';
import { mock } from '../support/mock';

type Pools = { pools: Array<{ ticker: string }> };

function CrewPools() {
  const pools = useApiQuery({ queryKey: ['crew-pools'], queryFn: () => clients.piratecrew.get<Pools>('/v1/pools'), api: clients.piratecrew });
  const limit = useRateLimit(clients.piratecrew);
  return (
    <>
      <h2>piratecrew pools, called from another origin</h2>
      <p className="muted">{limit.limited ? `Window closed for ${limit.secondsLeft}s: nothing is sent` : 'Window open'}</p>
      <p>{pools.data ? `Pools: ${pools.data.pools.map((pool) => pool.ticker).join(', ')}` : `Status: ${pools.status}`}</p>
    </>
  );
}

/**
 * piratecrew refuses for 3 s with `429` and `Retry-After: 3`, but does not list the header in
 * `Access-Control-Expose-Headers`: the page cannot read the wait. faultline closes the window for
 * a blind backoff (1–2 s, then 2–4 s), sends nothing inside it, and the toast counts down to the
 * request that follows. In development the console names the header line to add.
 */
const meta = {
  title: 'Flows/Cross-origin rate limit',
  render: () => (
    <Demo>
      <CrewPools />
    </Demo>
  ),
} satisfies Meta;

export default meta;

export const HeadersHidden: StoryObj<typeof meta> = {
  beforeEach: () => {
    mock.withholdWaitHeaders();
    mock.rateLimit('piratecrew', 3);
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toasts = within(await screen.findByRole('region', { name: /Notifications/ }));
    const toast = await toasts.findByRole('listitem');
    await expect(toast).toHaveTextContent(/Trying again in [12]s\./);
    await expect(canvas.getByText(/Window closed for [12]s/)).toBeInTheDocument();
    await waitFor(() => expect(canvas.getByText('Pools: CREW')).toBeInTheDocument(), { timeout: 8000 });
    // One refused request, one retry still inside the 3 s limit, one that got through: none blind.
    await expect(mock.requests.piratecrew).toBe(3);
  },
};

export const HeadersExposed: StoryObj<typeof meta> = {
  beforeEach: () => {
    mock.rateLimit('piratecrew', 3);
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toast = await within(await screen.findByRole('region', { name: /Notifications/ })).findByRole('listitem');
    await expect(toast).toHaveTextContent(/Trying again in [2-3]s\./);
    await waitFor(() => expect(canvas.getByText('Pools: CREW')).toBeInTheDocument(), { timeout: 6000 });
    await expect(mock.requests.piratecrew).toBe(2);
  },
};
