// axe-core over the toaster, the re-auth dialog and the boundary fallback in light, dark and at
// phone width (the story run checks every story too; this covers the themes and the phone).
import '../../src/styles.css';
import { QueryClient } from '@tanstack/react-query';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { ApiError } from '../../src/core/index.js';
import { ApiErrorBoundary, ApiErrorProvider, ApiErrorToaster, ReauthPrompt, reportError } from '../../src/index.js';
import { sampleErrors } from '../../stories/support/samples.js';

function Bomb(): never {
  throw new ApiError({ kind: 'not_found', status: 404, code: 'RESOURCE_NOT_FOUND', message: 'gone', requestId: 'req_5' });
}

function Page({ theme }: { theme: 'light' | 'dark' }) {
  return (
    <ApiErrorProvider queryClient={new QueryClient()} onReauth={async () => undefined}>
      <main>
        <h1>Portfolio</h1>
        <ApiErrorBoundary>
          <Bomb />
        </ApiErrorBoundary>
      </main>
      <ApiErrorToaster theme={theme} details />
      <ReauthPrompt />
    </ApiErrorProvider>
  );
}

/** Serious and critical violations only: what the issue asks to be zero. */
async function seriousViolations() {
  const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

afterEach(async () => {
  await page.viewport(1024, 700);
  Object.assign(document.body.style, { background: '', color: '' });
});

describe('axe: zero serious or critical violations', () => {
  const cases = [
    { name: 'light', theme: 'light', width: 1024 },
    { name: 'dark', theme: 'dark', width: 1024 },
    { name: 'phone', theme: 'light', width: 390 },
  ] as const;
  for (const { name, theme, width } of cases) {
    it(`toasts of every family and the boundary fallback, ${name}`, async () => {
      await page.viewport(width, 800);
      // The boundary fallback follows the system; a dark page behind dark toasts.
      if (theme === 'dark') Object.assign(document.body.style, { background: '#0b0d10', color: '#eceef2' });
      console.error = () => undefined; // React logs the caught render error.
      await render(<Page theme={theme} />);
      for (const error of sampleErrors()) reportError(error);
      await expect.poll(() => document.querySelectorAll('.fl-toast').length).toBe(3);
      // Contrast is measured on settled toasts: wait for their entry animations, however slow the
      // machine (a fixed 300 ms once caught one mid-fade under a loaded CPU).
      await new Promise((resolve) => setTimeout(resolve, 300));
      await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
      expect(await seriousViolations()).toEqual([]);
    });
  }

  it('the re-auth dialog', async () => {
    await render(<Page theme="light" />);
    reportError(new ApiError({ kind: 'unauthorized', status: 401, message: 'expired' }));
    await expect.element(page.getByRole('dialog')).toBeVisible();
    expect(await seriousViolations()).toEqual([]);
  });

  it('the default Sign in toast (no <ReauthPrompt/>), reached and used by keyboard', async () => {
    let signIns = 0;
    const screen = await render(
      <ApiErrorProvider queryClient={new QueryClient()} onReauth={async () => void (signIns += 1)}>
        <main>
          <h1>Portfolio</h1>
          <button type="button">app</button>
        </main>
        <ApiErrorToaster />
      </ApiErrorProvider>,
    );
    await screen.getByRole('button', { name: 'app' }).click();
    reportError(new ApiError({ kind: 'unauthorized', status: 401, message: 'expired' }));
    const signIn = screen.getByRole('button', { name: 'Sign in' });
    await expect.element(signIn).toBeVisible();
    await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
    expect(await seriousViolations()).toEqual([]);
    await userEvent.keyboard('{Alt>}t{/Alt}');
    for (let tabs = 0; tabs < 4 && document.activeElement !== signIn.element(); tabs += 1) await userEvent.tab();
    await expect.element(signIn).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => signIns).toBe(1);
  });
});

describe('target size', () => {
  it('the close button and the Details toggle are at least 24×24 CSS px', async () => {
    await render(<Page theme="light" />);
    reportError(new ApiError({ kind: 'server', status: 500, message: 'x', retryable: true, requestId: 'req_6' }));
    await expect.poll(() => document.querySelector('.fl-toast-close')).toBeTruthy();
    for (const selector of ['.fl-toast-close', '.fl-toast-more']) {
      const box = document.querySelector(selector)!.getBoundingClientRect();
      expect(box.width, selector).toBeGreaterThanOrEqual(24);
      expect(box.height, selector).toBeGreaterThanOrEqual(24);
    }
  });
});

describe('the boundary fallback under the host page CSS', () => {
  it('keeps Try again readable when a host rule like `.app button` paints buttons white', async () => {
    const style = document.createElement('style');
    style.textContent = '.app button { background: #fff; color: #fff; border: 0; }';
    document.head.append(style);
    console.error = () => undefined;
    const screen = await render(
      <div className="app">
        <ApiErrorBoundary>
          <Bomb />
        </ApiErrorBoundary>
      </div>,
    );
    const button = screen.getByRole('button', { name: 'Try again' }).element();
    const { backgroundColor, color } = getComputedStyle(button);
    style.remove();
    expect(backgroundColor).not.toBe(color);
    expect(backgroundColor).not.toBe('rgb(255, 255, 255)');
  });
});
