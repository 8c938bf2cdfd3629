import type { Meta, StoryObj } from '@storybook/react-vite';
import { apiStoryMeta, everyDocumentedError, type PlaygroundArgs } from '../support/apiStories';

/** Nested `{ error: { code, message, param, doc_url }, meta: { request_id } }`; missing scopes are named in `details`; 500s at most 3 attempts. */
const meta = {
  title: 'APIs/piratecrew',
  ...apiStoryMeta('piratecrew', 'piratecrew', 'piratecrew/forbidden', 'Nested `{ error: { code, message, param, doc_url }, meta: { request_id } }`; missing scopes are named in `details`; 500s at most 3 attempts.'),
} satisfies Meta<PlaygroundArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Pick an error in the control (or the menu) and send the request. */
export const Playground: Story = {};

export const EveryDocumentedError: Story = everyDocumentedError('piratecrew');
