import type { Meta, StoryObj } from '@storybook/react-vite';
import { apiStoryMeta, everyDocumentedError, type PlaygroundArgs } from '../support/apiStories';

/** Flat `{ error, message, statusCode }` (message may be an array), `x-ratelimit-*` headers, 401 means sign in again and is never retried. */
const meta = {
  title: 'APIs/Pump.fun',
  ...apiStoryMeta('pumpfun', 'Pump.fun', 'pumpfun/rate-limited', 'Flat `{ error, message, statusCode }` (message may be an array), `x-ratelimit-*` headers, 401 means sign in again and is never retried.'),
} satisfies Meta<PlaygroundArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Pick an error in the control (or the menu) and send the request. */
export const Playground: Story = {};

export const EveryDocumentedError: Story = everyDocumentedError('pumpfun');
