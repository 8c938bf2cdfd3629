import type { Meta, StoryObj } from '@storybook/react-vite';
import { apiStoryMeta, everyDocumentedError, type PlaygroundArgs } from '../support/apiStories';

/** `{ error: { reason, details } }`, bare `{ error: 'CODE' }`, `{ error, retry_after }` and the x402 payment body. */
const meta = {
  title: 'APIs/IPFS pinning',
  ...apiStoryMeta('ipfs-pinning', 'IPFS pinning', 'ipfs-pinning/payment-required', "`{ error: { reason, details } }`, bare `{ error: 'CODE' }`, `{ error, retry_after }` and the x402 payment body."),
} satisfies Meta<PlaygroundArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Pick an error in the control (or the menu) and send the request. */
export const Playground: Story = {};

export const EveryDocumentedError: Story = everyDocumentedError('ipfs-pinning');
