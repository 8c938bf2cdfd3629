import type { Meta, StoryObj } from '@storybook/react-vite';
import { seedFixtures } from '../../src/msw/index.js';
import { Demo } from '../support/Demo';
import { ErrorPlayground } from '../support/ErrorPlayground';
import { playEveryError } from '../support/play';

const fixtureIds = seedFixtures.filter((f) => f.api === 'generic').map((f) => f.id);

/** Nested `{ error: { code, message, details } }` with business codes whose details reach the message. */
const meta = {
  title: 'APIs/Generic envelope',
  render: ({ fixtureId }) => (
    <Demo>
      <h2>Generic envelope: every documented error</h2>
      <ErrorPlayground api="generic" fixtureId={fixtureId} />
    </Demo>
  ),
  args: { fixtureId: 'generic/INSUFFICIENT_BALANCE' },
  argTypes: { fixtureId: { control: 'select', options: fixtureIds } },
  parameters: { docs: { description: { component: 'Nested `{ error: { code, message, details } }` with business codes whose details reach the message.' } } },
} satisfies Meta<{ fixtureId: string }>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Pick an error in the control (or the menu) and send the request. */
export const Playground: Story = {};

/** Fires each documented error in turn: each one is read right and shows exactly one toast. */
export const EveryDocumentedError: Story = {
  play: ({ canvasElement }) => playEveryError(canvasElement, 'generic'),
};
