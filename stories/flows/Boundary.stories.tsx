import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { ApiErrorBoundary, useApiQuery } from '../../src/index.js';
import { clients } from '../support/clients';
import { Demo } from '../support/Demo';
import { mock } from '../support/mock';

function Profile() {
  const me = useApiQuery({ queryKey: ['me'], queryFn: () => clients.generic.get<{ name: string; balance: string }>('/api/v1/me'), throwOnError: true, retry: false });
  return <p>{me.data ? `Signed in as ${me.data.name}, balance ${me.data.balance}` : 'Loading profile…'}</p>;
}

/**
 * A query with `throwOnError` fails (404 RESOURCE_NOT_FOUND): `<ApiErrorBoundary>` renders its
 * fallback with the message; "Try again" resets the boundary and React Query's error, and the
 * query runs again.
 */
const meta = {
  title: 'Flows/Error boundary fallback and reset',
  render: () => (
    <Demo>
      <h2>Profile</h2>
      <ApiErrorBoundary>
        <Profile />
      </ApiErrorBoundary>
    </Demo>
  ),
  beforeEach: () => {
    mock.failNext('generic/RESOURCE_NOT_FOUND');
  },
} satisfies Meta;

export default meta;

export const FallbackThenReset: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Not found');
    await expect(alert).toHaveTextContent('That could not be found.');
    await expect(within(alert).getByRole('group')).toHaveTextContent('Details for developers');
    // By keyboard: after Try again, focus stays in the section instead of dropping to <body>.
    within(alert).getByRole('button', { name: 'Try again' }).focus();
    await userEvent.keyboard('{Enter}');
    await expect(await canvas.findByText('Signed in as Ada, balance 50.50')).toBeInTheDocument();
    await expect(document.activeElement).not.toBe(document.body);
    await expect(canvasElement.contains(document.activeElement)).toBe(true);
  },
};
