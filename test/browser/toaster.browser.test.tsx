import '../../src/styles.css';
import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { ApiError, createApiClient, pumpFun } from '../../src/core/index.js';
import { ApiErrorProvider, ApiErrorToaster, ReauthPrompt, reportError, useApiQuery } from '../../src/index.js';

const worker = setupWorker();
beforeAll(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
afterEach(() => worker.resetHandlers());
afterAll(() => worker.stop());

function App({ children, onReauth, reauthPrompt = false }: { children?: React.ReactNode; onReauth?: () => Promise<void>; reauthPrompt?: boolean }) {
  return (
    <ApiErrorProvider queryClient={new QueryClient()} onReauth={onReauth} retry={{ random: () => 0 }}>
      {children}
      <ApiErrorToaster />
      {reauthPrompt && <ReauthPrompt />}
    </ApiErrorProvider>
  );
}

describe('in Chromium', () => {
  it('counts a real 429 down and recovers with one request when the window opens', async () => {
    let requests = 0;
    worker.use(
      http.get('https://frontend-api-v3.pump.fun/coins/latest', () => {
        requests += 1;
        if (requests === 1) {
          return HttpResponse.json({ error: 'Too Many Requests', message: 'Rate limit exceeded', statusCode: 429 }, { status: 429, headers: { 'Retry-After': '2', 'Access-Control-Expose-Headers': 'Retry-After' } });
        }
        return HttpResponse.json([{ mint: 'PEPE' }]);
      }),
    );
    const client = createApiClient({ baseUrl: 'https://frontend-api-v3.pump.fun', api: pumpFun });
    function Coins() {
      const query = useApiQuery({ queryKey: ['latest'], queryFn: () => client.get<Array<{ mint: string }>>('/coins/latest'), api: 'pumpfun' });
      return <p>{query.data ? `first coin ${query.data[0]?.mint}` : query.status}</p>;
    }
    const screen = await render(
      <App>
        <Coins />
      </App>,
    );
    const toast = screen.getByRole('listitem');
    await expect.element(toast).toHaveTextContent('Trying again in 2s.');
    await expect.element(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '2');
    await expect.element(toast, { timeout: 1500 }).toHaveTextContent('Trying again in 1s.');
    await expect.element(screen.getByText('first coin PEPE'), { timeout: 2000 }).toBeInTheDocument();
    expect(requests).toBe(2);
    await expect.element(toast).not.toBeInTheDocument();
    // The polite region said it once, and it is still mounted for the next one.
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toContain('Slow down.');
  });

  it('is reachable by keyboard: Alt+T, Tab through details and actions, Escape dismisses and focus returns', async () => {
    const screen = await render(
      <App>
        <button type="button">app</button>
      </App>,
    );
    await screen.getByRole('button', { name: 'app' }).click();
    reportError(new ApiError({ kind: 'server', status: 500, message: 'x', retryable: true, requestId: 'req_7', docUrl: 'https://docs.example.com/errors' }));
    const toast = screen.getByRole('listitem');
    await expect.element(toast).toBeVisible();
    // Polite: a retryable failure. The region was mounted before the toast came.
    await expect.poll(() => document.querySelector('[aria-live="polite"]')?.textContent).toContain('Something went wrong');
    await userEvent.keyboard('{Alt>}t{/Alt}');
    await expect.element(toast).toHaveFocus();
    await userEvent.tab();
    await expect.element(screen.getByRole('button', { name: 'Details' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    await expect.element(screen.getByRole('button', { name: 'Copy request id' })).toHaveFocus();
    await userEvent.tab();
    await expect.element(screen.getByRole('link', { name: 'Docs' })).toHaveFocus();
    await userEvent.tab();
    await expect.element(screen.getByRole('button', { name: 'Dismiss' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect.element(toast).not.toBeInTheDocument();
    await expect.element(screen.getByRole('button', { name: 'app' })).toHaveFocus();
  });

  it('traps focus in the re-auth dialog and restores it', async () => {
    const onReauth = vi.fn(async () => undefined);
    const screen = await render(
      <App onReauth={onReauth} reauthPrompt>
        <button type="button">app</button>
      </App>,
    );
    await screen.getByRole('button', { name: 'app' }).click();
    for (let i = 0; i < 5; i += 1) reportError(new ApiError({ kind: 'unauthorized', status: 401, message: 'expired' }));
    const dialog = screen.getByRole('dialog', { name: 'Your session has expired' });
    await expect.element(dialog).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Sign in again' })).toHaveFocus();
    await userEvent.tab();
    await expect.element(screen.getByRole('button', { name: 'Not now' })).toHaveFocus();
    await userEvent.tab({ shift: true });
    await expect.element(screen.getByRole('button', { name: 'Sign in again' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.element(dialog).not.toBeInTheDocument();
    expect(onReauth).toHaveBeenCalledTimes(1);
    await expect.element(screen.getByRole('button', { name: 'app' })).toHaveFocus();
  });

  it('lays toasts out with the stylesheet, fixed in a corner, and honours reduced motion in CSS', async () => {
    const screen = await render(<App />);
    reportError(new ApiError({ kind: 'validation', status: 400, message: 'check the amount' }));
    await expect.element(screen.getByRole('listitem')).toBeVisible();
    const region = document.querySelector('.fl-toaster')!;
    expect(getComputedStyle(region).position).toBe('fixed');
    const reduced = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]).some((rule) => rule instanceof CSSMediaRule && rule.conditionText.includes('prefers-reduced-motion'));
    expect(reduced).toBe(true);
  });
});
