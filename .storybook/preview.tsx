import '../src/styles.css';
import './preview.css';
import type { Preview } from '@storybook/react-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { mock } from '../stories/support/mock';

const preview: Preview = {
  loaders: [
    // One worker for the whole Storybook, answering as the five seed APIs do.
    mswLoader(async () => {
      const worker = setupWorker(...mock.handlers);
      await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
      return worker;
    }),
  ],
  // Every story starts from healthy APIs; a story's own beforeEach then flips its switches.
  beforeEach: () => {
    mock.reset();
  },
  parameters: {
    // axe-core over the whole page (the toasts and dialog are portalled under body) after each
    // story's play, in the Vitest story run: any violation fails the story.
    a11y: {
      test: 'error',
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } },
    },
    layout: 'padded',
    controls: { expanded: true },
    options: { storySort: { order: ['Introduction', 'APIs', 'Flows', 'Chain', 'dApp'] } },
  },
};

export default preview;
