import type { Meta, StoryObj } from '@storybook/react-vite';
import { seedFixtures } from '../../src/msw/index.js';
import { Demo } from '../support/Demo';
import { ErrorPlayground } from '../support/ErrorPlayground';
import { playEveryError } from '../support/play';

const fixtureIds = seedFixtures.filter((f) => f.api === 'solana-swap').map((f) => f.id);

/** Flat `{ error, code, details, …echoed context }`: branch on `code`. QUOTE_EXPIRED means re-quote, SUBMISSION_FAILED resend only the same signed tx, BUNDLE_UNAVAILABLE is a 503 never retried. */
const meta = {
  title: 'APIs/Solana swap',
  render: ({ fixtureId }) => (
    <Demo>
      <h2>Solana swap: every documented error</h2>
      <ErrorPlayground api="solana-swap" fixtureId={fixtureId} />
    </Demo>
  ),
  args: { fixtureId: 'solana-swap/QUOTE_EXPIRED' },
  argTypes: { fixtureId: { control: 'select', options: fixtureIds } },
  parameters: { docs: { description: { component: 'Flat `{ error, code, details, …echoed context }`: branch on `code`. QUOTE_EXPIRED means re-quote, SUBMISSION_FAILED resend only the same signed tx, BUNDLE_UNAVAILABLE is a 503 never retried.' } } },
} satisfies Meta<{ fixtureId: string }>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Pick an error in the control (or the menu) and send the request. */
export const Playground: Story = {};

/** Fires each documented error in turn: each one is read right and shows exactly one toast. */
export const EveryDocumentedError: Story = {
  play: ({ canvasElement }) => playEveryError(canvasElement, 'solana-swap'),
};
