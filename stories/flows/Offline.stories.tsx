import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, screen, within } from 'storybook/test';
import { useApiQuery } from '../../src/index.js';
import { clients } from '../support/clients';
import { Demo } from '../support/Demo';
import { mock } from '../support/mock';

function Feed() {
  const users = useApiQuery({ queryKey: ['users'], queryFn: () => clients.generic.get<Array<{ name: string }>>('/api/v1/users'), enabled: false, retry: false });
  return (
    <>
      <h2>Offline, then back online</h2>
      <div className="row">
        <button type="button" onClick={() => mock.goOffline()}>
          Go offline
        </button>
        <button type="button" onClick={() => mock.goOnline()}>
          Back online
        </button>
        <button type="button" className="primary" onClick={() => void users.refetch()}>
          Load users
        </button>
      </div>
      <p>{users.data ? `Users: ${users.data.map((user) => user.name).join(', ')}` : `Status: ${users.status}`}</p>
    </>
  );
}

/** No HTTP response at all is `network`: the toast says so, and its Retry works once the connection is back. */
const meta = {
  title: 'Flows/Offline and back online',
  render: () => (
    <Demo>
      <Feed />
    </Demo>
  ),
} satisfies Meta;

export default meta;

export const RetryWhenBack: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Go offline' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Load users' }));
    const toast = await within(screen.getByRole('region', { name: /Notifications/ })).findByRole('listitem');
    await expect(toast).toHaveTextContent('You seem to be offline');
    await userEvent.click(canvas.getByRole('button', { name: 'Back online' }));
    await userEvent.click(within(toast).getByRole('button', { name: 'Retry' }));
    await expect(await canvas.findByText('Users: Ada')).toBeInTheDocument();
  },
};
