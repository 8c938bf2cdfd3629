import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Toaster as HotToaster } from 'react-hot-toast';
import { Toaster as SonnerToaster } from 'sonner';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { ApiErrorProvider, reportError, useApiErrorToasts } from '../../src/index.js';
import { HotToasts } from '../../src/react-hot-toast/index.js';
import { SonnerToasts } from '../../src/sonner/index.js';
import { ApiError } from '../../src/core/index.js';
import { sampleErrors } from '../support/samples';

/** A page with faultline's provider and the app's own toaster instead of <ApiErrorToaster />. */
function Page({ title, children }: { title: string; children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient());
  return (
    <ApiErrorProvider queryClient={queryClient}>
      <main className="demo">
        <h1>{title}</h1>
        <div className="row">
          <button type="button" className="primary" onClick={() => sampleErrors().slice(0, 3).forEach((error) => reportError(error))}>
            Show three errors
          </button>
          <button type="button" onClick={() => reportError(new ApiError({ kind: 'rate_limited', status: 429, message: 'slow', retryable: true, retryAfterMs: 3000, api: 'pumpfun' }))}>
            Hit a rate limit
          </button>
        </div>
      </main>
      {children}
    </ApiErrorProvider>
  );
}

/** The headless hook: the same toasts as data, rendered by the app (here, a plain list). */
function OwnList() {
  const toasts = useApiErrorToasts();
  return (
    <section aria-label="My notifications" className="demo card">
      <ul>
        {toasts.map((toast) => (
          <li key={toast.id}>
            <strong>{toast.title}</strong> {toast.description} {toast.count > 1 && `(${toast.count})`}{' '}
            {toast.action && (
              <button type="button" onClick={toast.action.run}>
                {toast.action.label}
              </button>
            )}{' '}
            <button type="button" onClick={toast.dismiss}>
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Apps that already render sonner or react-hot-toast keep it: `faultline/sonner` and
 * `faultline/react-hot-toast` route faultline's toasts there (one per incident, the live
 * countdown updated in place, the primary action), and `useApiErrorToasts` gives them as data.
 */
const meta = {
  title: 'Toaster/Bring your own toaster',
} satisfies Meta;

export default meta;

export const Sonner: StoryObj<typeof meta> = {
  render: () => (
    <Page title="faultline in sonner">
      <SonnerToaster />
      <SonnerToasts />
    </Page>
  ),
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Hit a rate limit' }));
    const toast = () => document.querySelector('[data-sonner-toast]');
    await waitFor(() => expect(toast()).toHaveTextContent(/Trying again in 3s/));
    await waitFor(() => expect(toast()).toHaveTextContent(/Trying again in 2s/), { timeout: 2000 });
  },
};

export const ReactHotToast: StoryObj<typeof meta> = {
  render: () => (
    <Page title="faultline in react-hot-toast">
      <HotToaster />
      <HotToasts />
    </Page>
  ),
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Show three errors' }));
    await waitFor(() => expect(screen.getByText('Something went wrong')).toBeVisible());
    const toast = screen.getByText('Something went wrong').closest<HTMLElement>('[role="alert"], [role="status"]')!;
    await userEvent.click(within(toast).getByRole('button', { name: 'Dismiss' }));
    // react-hot-toast animates a dismissed toast out for a second before removing it.
    await waitFor(() => expect(screen.queryByText('Something went wrong')).toBeNull(), { timeout: 3000 });
  },
};

export const Headless: StoryObj<typeof meta> = {
  render: () => (
    <Page title="faultline rendered by the app">
      <OwnList />
    </Page>
  ),
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Show three errors' }));
    const list = canvas.getByRole('region', { name: 'My notifications' });
    await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(3));
  },
};
