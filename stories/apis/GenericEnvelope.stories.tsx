import type { Meta, StoryObj } from '@storybook/react-vite';
import { apiStoryMeta, everyDocumentedError, type PlaygroundArgs } from '../support/apiStories';

/** Nested `{ error: { code, message, details } }` with business codes whose details reach the message. */
const meta = {
  title: 'APIs/Generic envelope',
  ...apiStoryMeta('generic', 'Generic envelope', 'generic/INSUFFICIENT_BALANCE', 'Nested `{ error: { code, message, details } }` with business codes whose details reach the message.'),
} satisfies Meta<PlaygroundArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Pick an error in the control (or the menu) and send the request. */
export const Playground: Story = {};

export const EveryDocumentedError: Story = everyDocumentedError('generic');
