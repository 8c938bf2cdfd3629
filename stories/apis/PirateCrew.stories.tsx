import type { Meta, StoryObj } from '@storybook/react-vite';
import { seedFixtures } from '../../src/msw/index.js';
import { Demo } from '../support/Demo';
import { ErrorPlayground } from '../support/ErrorPlayground';
import { playEveryError } from '../support/play';

const fixtureIds = seedFixtures.filter((f) => f.api === 'piratecrew').map((f) => f.id);

/** Nested `{ error: { code, message, param, doc_url }, meta: { request_id } }`; missing scopes are named in `details`; 500s at most 3 attempts. */
const meta = {
  title: 'APIs/piratecrew',
  render: ({ fixtureId }) => (
    <Demo>
      <h2>piratecrew: every documented error</h2>
      <ErrorPlayground api="piratecrew" fixtureId={fixtureId} />
    </Demo>
  ),
  args: { fixtureId: 'piratecrew/forbidden' },
  argTypes: { fixtureId: { control: 'select', options: fixtureIds } },
  parameters: { docs: { description: { component: 'Nested `{ error: { code, message, param, doc_url }, meta: { request_id } }`; missing scopes are named in `details`; 500s at most 3 attempts.' } } },
} satisfies Meta<{ fixtureId: string }>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Pick an error in the control (or the menu) and send the request. */
export const Playground: Story = {};

/** Fires each documented error in turn: each one is read right and shows exactly one toast. */
export const EveryDocumentedError: Story = {
  play: ({ canvasElement }) => playEveryError(canvasElement, 'piratecrew'),
};
