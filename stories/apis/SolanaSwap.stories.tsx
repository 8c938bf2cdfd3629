import type { Meta, StoryObj } from '@storybook/react-vite';
import { apiStoryMeta, everyDocumentedError, type PlaygroundArgs } from '../support/apiStories';

/** Flat `{ error, code, details, …echoed context }`: branch on `code`. QUOTE_EXPIRED means re-quote, SUBMISSION_FAILED resend only the same signed tx, BUNDLE_UNAVAILABLE is a 503 never retried. */
const meta = {
  title: 'APIs/Solana swap',
  ...apiStoryMeta('solana-swap', 'Solana swap', 'solana-swap/QUOTE_EXPIRED', 'Flat `{ error, code, details, …echoed context }`: branch on `code`. QUOTE_EXPIRED means re-quote, SUBMISSION_FAILED resend only the same signed tx, BUNDLE_UNAVAILABLE is a 503 never retried.'),
} satisfies Meta<PlaygroundArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Pick an error in the control (or the menu) and send the request. */
export const Playground: Story = {};

export const EveryDocumentedError: Story = everyDocumentedError('solana-swap');
