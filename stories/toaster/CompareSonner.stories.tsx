import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Toaster as SonnerToaster, toast as sonnerToast } from 'sonner';
import { expect, screen, userEvent, waitFor } from 'storybook/test';
import { ApiErrorProvider, ApiErrorToaster, describeError, reportError } from '../../src/index.js';
import { sampleErrors } from '../support/samples';

interface CompareArgs {
  /** Which toaster shows the errors: the README's pictures put one of each side by side. */
  library: 'faultline' | 'sonner';
  theme: 'light' | 'dark';
}

/** The same three errors, with the same text, in faultline's toaster or in sonner's. */
function Compare({ library, theme }: CompareArgs) {
  const [queryClient] = useState(() => new QueryClient());
  const show = () => {
    for (const error of sampleErrors().slice(0, 3)) {
      if (library === 'faultline') reportError(error);
      else {
        const { title, description } = describeError(error);
        sonnerToast.error(title, { description, duration: Number.POSITIVE_INFINITY });
      }
    }
  };
  return (
    <ApiErrorProvider queryClient={queryClient}>
      <main className="demo" data-theme={theme}>
        <h1>{library}</h1>
        <div className="row">
          <button type="button" className="primary" onClick={show}>
            Show three errors
          </button>
        </div>
      </main>
      {library === 'faultline' ? <ApiErrorToaster theme={theme} position="bottom-right" /> : <SonnerToaster theme={theme} position="bottom-right" />}
    </ApiErrorProvider>
  );
}

/** faultline next to sonner with the same errors: the README's pictures are taken from this story. */
const meta = {
  title: 'Toaster/Compared with sonner',
  args: { library: 'faultline', theme: 'light' },
  argTypes: { library: { control: 'inline-radio', options: ['faultline', 'sonner'] }, theme: { control: 'inline-radio', options: ['light', 'dark'] } },
  render: (args: CompareArgs) => <Compare {...args} />,
} satisfies Meta<CompareArgs>;

export default meta;

export const Faultline: StoryObj<typeof meta> = {
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Show three errors' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(3));
  },
};

export const Sonner: StoryObj<typeof meta> = {
  args: { library: 'sonner' },
};
