import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, screen, within } from 'storybook/test';
import { useApiQuery } from '../../src/index.js';
import { clients } from '../support/clients';
import { Demo } from '../support/Demo';
import { mock } from '../support/mock';

function Pools({ name }: { name: string }) {
  const pools = useApiQuery({ queryKey: ['pools', name], queryFn: () => clients.piratecrew.get<{ pools: Array<{ ticker: string }> }>('/v1/pools') });
  return <p>{name}: {pools.data ? pools.data.pools.map((pool) => pool.ticker).join(', ') : pools.status}</p>;
}

/**
 * The piratecrew session has expired: three panels fail with 401 at once. One prompt asks to sign
 * in again; its button signs in once, and every panel that failed loads again by itself.
 */
const meta = {
  title: 'Flows/Session expiry and replay',
  render: () => (
    <Demo onReauth={async () => void (await clients.piratecrew.post('/v1/auth/session', { wallet: 'demo' }))}>
      <h2>Your pools</h2>
      <Pools name="Overview" />
      <Pools name="Fees" />
      <Pools name="Holders" />
    </Demo>
  ),
  beforeEach: () => {
    mock.expireSession('piratecrew');
  },
} satisfies Meta;

export default meta;

export const SignInAndReplay: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const dialog = await screen.findByRole('dialog', { name: 'Your session has expired' });
    await waitFor(() => expect(canvas.getAllByText(/: error$/)).toHaveLength(3));
    await expect(screen.getAllByRole('dialog')).toHaveLength(1);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign in again' }));
    await waitFor(() => expect(canvas.getAllByText(/: CREW$/)).toHaveLength(3));
    await expect(screen.queryByRole('dialog')).toBeNull();
  },
};
