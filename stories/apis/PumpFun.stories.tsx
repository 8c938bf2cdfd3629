import type { Meta, StoryObj } from '@storybook/react-vite';
import { seedFixtures } from '../../src/msw/index.js';
import { Demo } from '../support/Demo';
import { ErrorPlayground } from '../support/ErrorPlayground';
import { playEveryError } from '../support/play';

const fixtureIds = seedFixtures.filter((f) => f.api === 'pumpfun').map((f) => f.id);

/** Flat `{ error, message, statusCode }` (message may be an array), `x-ratelimit-*` headers, 401 means sign in again and is never retried. */
const meta = {
  title: 'APIs/Pump.fun',
  render: ({ fixtureId }) => (
    <Demo>
      <h2>Pump.fun: every documented error</h2>
      <ErrorPlayground api="pumpfun" fixtureId={fixtureId} />
    </Demo>
  ),
  args: { fixtureId: 'pumpfun/rate-limited' },
  argTypes: { fixtureId: { control: 'select', options: fixtureIds } },
  parameters: { docs: { description: { component: 'Flat `{ error, message, statusCode }` (message may be an array), `x-ratelimit-*` headers, 401 means sign in again and is never retried.' } } },
} satisfies Meta<{ fixtureId: string }>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Pick an error in the control (or the menu) and send the request. */
export const Playground: Story = {};

/** Fires each documented error in turn: each one is read right and shows exactly one toast. */
export const EveryDocumentedError: Story = {
  play: ({ canvasElement }) => playEveryError(canvasElement, 'pumpfun'),
};
