// Visual regression in Chromium: each toast family in light and dark, the stack collapsed and
// expanded, and a phone-width page. Baselines live in __screenshots__/ next to this file; after
// an intended change, `npx vitest run --project browser -u test/browser/toast-visual.browser.test.tsx`.
import '../../src/styles.css';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { ApiError, type ApiErrorInit } from '../../src/core/index.js';
import { ApiErrorBoundary, ApiErrorProvider, ApiErrorToaster, reportError, type ApiErrorToasterProps } from '../../src/index.js';
import type { ToastFamily } from '../../src/react/ToastIcon.js';

// Screenshots of a settled page: no enter animations or transitions mid-way.
const still = document.createElement('style');
still.textContent = 'html, body { height: 100%; margin: 0; } *, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }';
beforeEach(async () => {
  document.head.append(still);
  await page.viewport(720, 300);
});
afterEach(() => {
  still.remove();
  document.body.style.background = '';
});

function App({ toaster }: { toaster?: ApiErrorToasterProps }) {
  return (
    <ApiErrorProvider queryClient={new QueryClient()}>
      <ApiErrorToaster {...toaster} />
    </ApiErrorProvider>
  );
}

const request = { method: 'GET', url: 'https://api.example.com/v1/orders' };
const families: Record<ToastFamily, Partial<ApiErrorInit> & Pick<ApiErrorInit, 'kind'>> = {
  error: { kind: 'server', status: 500, retryable: true, requestId: 'req_8f2c' },
  input: { kind: 'validation', status: 400, message: "Missing required 'user_id' parameter." },
  wait: { kind: 'rate_limited', status: 429, retryable: true },
  offline: { kind: 'network', retryable: true },
  auth: { kind: 'forbidden', status: 403, message: 'API key missing required scope(s): fees:claim' },
};

async function toastOf(init: Partial<ApiErrorInit> & Pick<ApiErrorInit, 'kind'>) {
  reportError(new ApiError({ message: 'failed', request, ...init }));
  await expect.poll(() => document.querySelectorAll('.fl-toast').length).toBe(1);
  return page.getByRole('listitem');
}

describe('toast families', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const [family, init] of Object.entries(families)) {
      it(`${family} in ${theme}`, async () => {
        await render(<App toaster={{ theme, position: 'top-left' }} />);
        document.body.style.background = theme === 'dark' ? '#0b0d10' : '#f4f5f7';
        const toast = await toastOf(init);
        await expect(toast).toMatchScreenshot(`${family}-${theme}`);
      });
    }
  }
});

describe('stack', () => {
  const three = () => {
    for (const code of ['A', 'B', 'C']) reportError(new ApiError({ kind: 'validation', status: 400, code, message: `Order ${code} needs an amount.`, request }));
  };

  it('collapsed behind the newest toast', async () => {
    const screen = await render(
      <>
        <App toaster={{ position: 'top-left' }} />
        <p style={{ position: 'fixed', right: 0, bottom: 0, margin: 0, color: 'transparent' }}>away</p>
      </>,
    );
    three();
    await expect.poll(() => document.querySelectorAll('.fl-toast').length).toBe(3);
    // The pointer may rest where an earlier test left it: over the toasts it would expand them.
    await userEvent.hover(screen.getByText('away'));
    await expect(page.elementLocator(document.body)).toMatchScreenshot('stack-collapsed');
  });

  it('expanded', async () => {
    await render(<App toaster={{ position: 'top-left', expand: true }} />);
    three();
    await expect.poll(() => document.querySelectorAll('.fl-toast').length).toBe(3);
    await expect(page.elementLocator(document.body)).toMatchScreenshot('stack-expanded');
  });
});

it('at phone width: full width at the bottom', async () => {
  await page.viewport(390, 700);
  await render(<App toaster={{ position: 'top-right' }} />);
  await toastOf(families.error);
  await expect(page.elementLocator(document.body)).toMatchScreenshot('phone');
  const region = document.querySelector('.fl-toaster')!.getBoundingClientRect();
  expect(region.bottom).toBeGreaterThan(680);
  expect(region.width).toBeGreaterThan(360);
});

it('the boundary fallback', async () => {
  function Bomb(): never {
    throw new ApiError({ kind: 'not_found', status: 404, code: 'RESOURCE_NOT_FOUND', message: 'gone', requestId: 'req_5', request });
  }
  const quiet = console.error;
  console.error = () => undefined; // React logs the caught render error.
  const screen = await render(
    <div style={{ padding: 16, width: 420 }}>
      <ApiErrorBoundary>
        <Bomb />
      </ApiErrorBoundary>
    </div>,
  );
  console.error = quiet;
  await expect(screen.getByRole('alert')).toMatchScreenshot('boundary');
});
