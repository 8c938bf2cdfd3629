import { act, screen, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { expect, it, vi } from 'vitest';
import { ApiError } from '../../src/core/index.js';
import { ApiErrorProvider, ApiErrorToaster, reportError } from '../../src/index.js';
import { renderWithFaultline } from './harness.js';

function App({ client }: { client: QueryClient }) {
  return (
    <ApiErrorProvider queryClient={client}>
      <main>
        <p>app</p>
      </main>
      <ApiErrorToaster />
    </ApiErrorProvider>
  );
}

it('hydrates server HTML without a mismatch, then portals the toaster under document.body', async () => {
  const html = renderToString(<App client={new QueryClient()} />);
  // On the server: the live regions (so the first toast is announced), and no toaster.
  expect(html).toContain('aria-live="assertive"');
  expect(html).not.toContain('fl-toaster');
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const recoverable = vi.fn();
  const consoleError = vi.spyOn(console, 'error');
  let root: ReturnType<typeof hydrateRoot> | undefined;
  await act(async () => {
    root = hydrateRoot(container, <App client={new QueryClient()} />, { onRecoverableError: recoverable });
  });
  expect(recoverable).not.toHaveBeenCalled();
  expect(consoleError).not.toHaveBeenCalled();
  const region = screen.getByRole('region', { name: /Notifications/ });
  expect(region.parentElement).toBe(document.body);
  expect(container.contains(region)).toBe(false);
  act(() => {
    reportError(new ApiError({ kind: 'validation', status: 400, message: 'check the amount' }));
  });
  expect(within(region).getByRole('listitem')).toHaveTextContent('check the amount');
  act(() => root?.unmount());
  expect(screen.queryByRole('region', { name: /Notifications/ })).toBeNull();
  container.remove();
  consoleError.mockRestore();
});

it('shows the details expanded when the toaster has `details`', () => {
  renderWithFaultline(<ApiErrorToaster details />, { toaster: false });
  act(() => {
    reportError(new ApiError({ kind: 'server', status: 500, message: 'x', retryable: true, requestId: 'req_9' }));
  });
  const toast = screen.getByRole('listitem');
  expect(within(toast).getByRole('button', { name: 'Details' })).toHaveAttribute('aria-expanded', 'true');
  expect(within(toast).getByText('req_9')).toBeVisible();
  expect(within(toast).getByRole('button', { name: 'Copy request id' })).toBeVisible();
});
