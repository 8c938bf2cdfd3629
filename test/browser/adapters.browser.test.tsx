import { QueryClient, useQuery } from '@tanstack/react-query';
import { Toaster as HotToaster } from 'react-hot-toast';
import { Toaster as SonnerToaster } from 'sonner';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { ApiError } from '../../src/core/index.js';
import { ApiErrorProvider, createApiErrorClient, reportError } from '../../src/index.js';
import { HotToasts } from '../../src/react-hot-toast/index.js';
import { SonnerToasts } from '../../src/sonner/index.js';

const adapters = [
  { name: 'sonner', Toaster: () => <SonnerToaster />, Bridge: SonnerToasts, toasts: () => [...document.querySelectorAll('[data-sonner-toast]')].filter((el) => el.getAttribute('data-removed') !== 'true') },
  { name: 'react-hot-toast', Toaster: () => <HotToaster />, Bridge: HotToasts, toasts: () => [...document.querySelectorAll('[role="status"], [role="alert"]')].filter((el) => el.closest('[data-rht-toaster]') && el.textContent) },
];

function Failing() {
  const query = useQuery({
    queryKey: ['flaky'],
    queryFn: async () => {
      const calls = ((globalThis as { calls?: number }).calls = ((globalThis as { calls?: number }).calls ?? 0) + 1);
      if (calls === 1) throw new ApiError({ kind: 'server', status: 500, message: 'x', retryable: true });
      return 'loaded';
    },
    retry: false,
  });
  return <p>{query.data ?? query.status}</p>;
}

for (const { name, Toaster, Bridge, toasts } of adapters) {
  describe(`faultline/${name}, against the real ${name}`, () => {
    const mount = (children?: React.ReactNode, client = createApiErrorClient({ queryClient: new QueryClient() })) =>
      render(
        <ApiErrorProvider queryClient={client.queryClient} client={client}>
          {children}
          <Toaster />
          <Bridge />
        </ApiErrorProvider>,
      );

    it('shows one toast per incident, with its count, updated in place', async () => {
      await mount();
      const error = new ApiError({ kind: 'validation', status: 400, message: 'check the amount', request: { method: 'POST', url: 'https://api.example.com/v1/orders' } });
      reportError(error);
      await expect.poll(() => toasts().map((el) => el.textContent)).toEqual([expect.stringContaining('check the amount')]);
      const first = toasts()[0];
      reportError(error);
      reportError(error);
      await expect.poll(() => toasts()[0]?.textContent).toContain('×3');
      expect(toasts()).toHaveLength(1);
      expect(toasts()[0]).toBe(first);
    });

    it('counts a rate limit down live in the same toast, and removes it when the window opens', async () => {
      await mount();
      reportError(new ApiError({ kind: 'rate_limited', status: 429, message: 'slow', retryable: true, retryAfterMs: 2500, api: 'pumpfun' }));
      await expect.poll(() => toasts()[0]?.textContent).toMatch(/Trying again in 3s/);
      const toast = toasts()[0];
      await expect.poll(() => toasts()[0]?.textContent, { timeout: 2000 }).toMatch(/Trying again in 2s/);
      expect(toasts()[0]).toBe(toast);
      await expect.poll(() => toasts().length, { timeout: 4000 }).toBe(0);
    });

    it('offers the primary action, which retries and closes the toast', async () => {
      (globalThis as { calls?: number }).calls = 0;
      const screen = await mount(<Failing />);
      await expect.element(page.getByRole('button', { name: 'Retry' })).toBeVisible();
      await page.getByRole('button', { name: 'Retry' }).click();
      await expect.element(screen.getByText('loaded')).toBeVisible();
      await expect.poll(() => toasts().length, { timeout: 4000 }).toBe(0);
    });

    it("dismisses faultline's toast when the person closes it in the app's toaster", async () => {
      const client = createApiErrorClient({ queryClient: new QueryClient() });
      const { store } = client;
      await mount(null, client);
      reportError(new ApiError({ kind: 'forbidden', status: 403, message: 'no scope' }));
      await expect.poll(() => toasts().length).toBe(1);
      const close = page.getByRole('button', { name: name === 'sonner' ? 'Close toast' : 'Dismiss' });
      await close.click();
      await expect.poll(() => store.getState().toasts.length).toBe(0);
      // react-hot-toast animates a dismissed toast out for a second before removing it.
      await expect.poll(() => toasts().length, { timeout: 4000 }).toBe(0);
    });
  });
}
