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
 * The piratecrew session has expired: three panels fail with 401 at once. One toast asks to sign
 * in again (or, with `<ReauthPrompt/>` rendered, one modal); its button signs in once, and every
 * panel that failed loads again by itself.
 */
const meta = {
  title: 'Flows/Session expiry and replay',
  args: { reauthPrompt: false },
  render: ({ reauthPrompt }: { reauthPrompt: boolean }) => (
    <Demo reauthPrompt={reauthPrompt} onReauth={async () => void (await clients.piratecrew.post('/v1/auth/session', { wallet: 'demo' }))}>
      <h2>Your pools</h2>
      <Pools name="Overview" />
      <Pools name="Fees" />
      <Pools name="Holders" />
    </Demo>
  ),
  beforeEach: () => {
    mock.expireSession('piratecrew');
  },
} satisfies Meta<{ reauthPrompt: boolean }>;

export default meta;

/** The default: the toaster asks with one Sign in toast. */
export const SignInFromTheToast: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByText(/: error$/)).toHaveLength(3));
    const region = screen.getByRole('region', { name: /Notifications/ });
    const toast = await within(region).findByRole('listitem');
    await expect(within(region).getAllByRole('listitem')).toHaveLength(1);
    await expect(screen.queryByRole('dialog')).toBeNull();
    await userEvent.click(within(toast).getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(canvas.getAllByText(/: CREW$/)).toHaveLength(3));
    await waitFor(() => expect(within(region).queryAllByRole('listitem')).toHaveLength(0));
  },
};

/** With `<ReauthPrompt/>` rendered beside the toaster: one modal asks instead. */
export const SignInAndReplay: StoryObj<typeof meta> = {
  args: { reauthPrompt: true },
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
