import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { isApiError } from '../../src/core/index.js';
import { expect, userEvent, waitFor, screen, within } from 'storybook/test';
import { useApiMutation, useApiQuery } from '../../src/index.js';
import { clients } from '../support/clients';
import { Demo } from '../support/Demo';
import { mock } from '../support/mock';

type PinStatus = { requestid: string; status: 'queued' | 'pinning' | 'pinned' | 'failed' };

function Pin() {
  const [seen, setSeen] = useState<string[]>([]);
  const record = (status: string) => setSeen((list) => (list[list.length - 1] === status ? list : [...list, status]));
  const create = useApiMutation({ mutationFn: () => clients['ipfs-pinning'].post<PinStatus>('/pins', { cid: 'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi' }) });
  const id = create.data?.requestid;
  // Poll while the pin is on its way; a failed pin is thrown by the client as an ApiError.
  useApiQuery({
    queryKey: ['pin', id],
    queryFn: async () => {
      try {
        const pin = await clients['ipfs-pinning'].get<PinStatus>(`/pins/${id}`);
        record(pin.status);
        return pin;
      } catch (error) {
        if (isApiError(error) && error.code === 'failed') record('failed');
        throw error;
      }
    },
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data && ['queued', 'pinning'].includes(query.state.data.status) ? 300 : false),
  });
  return (
    <>
      <h2>Pin a file</h2>
      <div className="row">
        <button type="button" className="primary" onClick={() => create.mutate()} disabled={create.isPending}>
          Pin it
        </button>
      </div>
      <p aria-label="Pin status">{seen.join(' → ')}</p>
    </>
  );
}

/** A pin goes queued → pinning → failed; the failure arrives as a 200 PinStatus and still becomes a toast. */
const meta = {
  title: 'Flows/Pin lifecycle',
  render: () => (
    <Demo>
      <Pin />
    </Demo>
  ),
  beforeEach: () => {
    mock.setPinOutcome('failed');
  },
} satisfies Meta;

export default meta;

export const QueuedPinningFailed: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Pin it' }));
    await waitFor(() => expect(canvas.getByLabelText('Pin status')).toHaveTextContent('queued → pinning → failed'), { timeout: 5000 });
    const toast = await within(screen.getByRole('region', { name: /Notifications/ })).findByRole('listitem');
    await expect(toast).toHaveTextContent('Pinning failed: Content not found on the IPFS network before the timeout');
  },
};
