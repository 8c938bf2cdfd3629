import type { Meta, StoryObj } from '@storybook/react-vite';
import { seedFixtures } from '../../src/msw/index.js';
import { Demo } from '../support/Demo';
import { ErrorPlayground } from '../support/ErrorPlayground';
import { playEveryError } from '../support/play';

const fixtureIds = seedFixtures.filter((f) => f.api === 'ipfs-pinning').map((f) => f.id);

/** `{ error: { reason, details } }`, bare `{ error: "CODE" }`, `{ error, retry_after }` and the x402 payment body. */
const meta = {
  title: 'APIs/IPFS pinning',
  render: ({ fixtureId }) => (
    <Demo>
      <h2>IPFS pinning: every documented error</h2>
      <ErrorPlayground api="ipfs-pinning" fixtureId={fixtureId} />
    </Demo>
  ),
  args: { fixtureId: 'ipfs-pinning/payment-required' },
  argTypes: { fixtureId: { control: 'select', options: fixtureIds } },
  parameters: { docs: { description: { component: '`{ error: { reason, details } }`, bare `{ error: "CODE" }`, `{ error, retry_after }` and the x402 payment body.' } } },
} satisfies Meta<{ fixtureId: string }>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Pick an error in the control (or the menu) and send the request. */
export const Playground: Story = {};

/** Fires each documented error in turn: each one is read right and shows exactly one toast. */
export const EveryDocumentedError: Story = {
  play: ({ canvasElement }) => playEveryError(canvasElement, 'ipfs-pinning'),
};
