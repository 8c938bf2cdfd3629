import '../../src/styles.css';
import { QueryClient } from '@tanstack/react-query';
import { Toaster as SonnerToaster, toast as sonnerToast } from 'sonner';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { ApiError } from '../../src/core/index.js';
import { ApiErrorProvider, ApiErrorToaster, createApiErrorClient, ReauthPrompt, reportError, type ApiErrorToasterProps } from '../../src/index.js';

function App({ children, toaster }: { children?: React.ReactNode; toaster?: ApiErrorToasterProps }) {
  return (
    <ApiErrorProvider queryClient={new QueryClient()}>
      {children}
      <ApiErrorToaster {...toaster} />
    </ApiErrorProvider>
  );
}

/** A toast's height once its enter animation is over (both libraries animate in). */
async function settledHeight(element: Element): Promise<number> {
  await Promise.all(element.getAnimations({ subtree: true }).map((animation) => animation.finished.catch(() => undefined)));
  await new Promise((resolve) => setTimeout(resolve, 450));
  return element.getBoundingClientRect().height;
}

const hostileCss = 'h2,strong{font-weight:400!important} *{text-align:center} li{margin:40px} .app button{background:#fff;color:#fff}';

afterEach(() => {
  document.querySelectorAll('style[data-hostile]').forEach((style) => style.remove());
  sonnerToast.dismiss();
});

describe('compact, next to sonner in the same page', () => {
  const cases = [
    { name: 'a one-line error', error: new ApiError({ kind: 'validation', status: 400, message: "Missing required 'user_id' parameter." }), action: false },
    { name: 'an error with Retry', error: new ApiError({ kind: 'server', status: 500, message: 'x', retryable: true, requestId: 'req_1' }), action: true },
  ];
  for (const { name, error, action } of cases) {
    it(`is no taller than sonner's toast with the same text: ${name}`, async () => {
      const client = createApiErrorClient({ queryClient: new QueryClient() });
      const { store } = client;
      await render(
        <>
          <ApiErrorProvider queryClient={client.queryClient} client={client}>
            <ApiErrorToaster />
          </ApiErrorProvider>
          <SonnerToaster position="top-left" />
        </>,
      );
      store.getState().showToast(error, { now: Date.now(), retry: action ? () => undefined : null });
      await expect.poll(() => document.querySelector('.fl-toast')).toBeTruthy();
      const ours = document.querySelector('.fl-toast')!;
      expect(ours.querySelector('.fl-button-primary')?.textContent ?? null).toBe(action ? 'Retry' : null);
      const title = ours.querySelector('.fl-toast-title')!.textContent!;
      const description = ours.querySelector('.fl-toast-description')!.textContent!;
      sonnerToast.error(title, { description, ...(action ? { action: { label: 'Retry', onClick: () => undefined } } : {}) });
      const theirs = await expect.poll(() => document.querySelector('[data-sonner-toast]')).toBeTruthy().then(() => document.querySelector('[data-sonner-toast]')!);
      const [faultlineHeight, sonnerHeight] = [await settledHeight(ours), await settledHeight(theirs)];
      // Logged for the README and the issue notes.
      console.log(`toast height (${name}): faultline ${faultlineHeight}px, sonner ${sonnerHeight}px`);
      expect(faultlineHeight).toBeGreaterThan(30);
      expect(faultlineHeight).toBeLessThanOrEqual(sonnerHeight);
    });
  }

  it('shows request id, code and Copy only to the person who opens the details', async () => {
    const screen = await render(<App />);
    reportError(new ApiError({ kind: 'server', status: 500, code: 'internal_error', message: 'x', retryable: true, requestId: 'req_2' }));
    await expect.element(screen.getByRole('listitem')).toBeVisible();
    await expect.element(screen.getByText('req_2')).not.toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Copy request id' })).not.toBeInTheDocument();
    await screen.getByRole('button', { name: 'Details' }).click();
    await expect.element(screen.getByText('req_2')).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'Copy request id' })).toBeVisible();
    const icon = screen.getByRole('listitem').element().querySelector('svg.fl-toast-icon');
    expect(icon?.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('isolated from the page', () => {
  it('renders under document.body and keeps its layout and height under hostile page CSS', async () => {
    const measure = async () => {
      const screen = await render(
        <div className="app">
          <App />
        </div>,
      );
      reportError(new ApiError({ kind: 'server', status: 500, code: 'E', message: 'x', retryable: true, requestId: 'req_3' }));
      await expect.element(screen.getByRole('listitem')).toBeVisible();
      const toast = screen.getByRole('listitem').element() as HTMLElement;
      const title = toast.querySelector('.fl-toast-title')!;
      const result = {
        height: await settledHeight(toast),
        width: toast.getBoundingClientRect().width,
        margin: getComputedStyle(toast).marginTop,
        align: getComputedStyle(title).textAlign,
        weight: getComputedStyle(title).fontWeight,
        parent: toast.closest('section')?.parentElement,
      };
      await screen.unmount();
      return result;
    };
    const clean = await measure();
    const style = document.createElement('style');
    style.dataset.hostile = '';
    style.textContent = hostileCss;
    document.head.append(style);
    const hostile = await measure();
    expect(clean.parent).toBe(document.body);
    expect(hostile).toEqual(clean);
    expect(hostile.margin).toBe('0px');
    expect(hostile.align).toBe('start');
    expect(Number(hostile.weight)).toBeGreaterThanOrEqual(600);
  });

  it('keeps the dialog heading bold and the boundary button readable under hostile CSS', async () => {
    const style = document.createElement('style');
    style.dataset.hostile = '';
    style.textContent = hostileCss;
    document.head.append(style);
    const screen = await render(
      <ApiErrorProvider queryClient={new QueryClient()} onReauth={async () => undefined}>
        <ApiErrorToaster />
        <ReauthPrompt />
      </ApiErrorProvider>,
    );
    reportError(new ApiError({ kind: 'unauthorized', status: 401, message: 'expired' }));
    const heading = screen.getByRole('heading', { name: 'Your session has expired' });
    await expect.element(heading).toBeVisible();
    expect(Number(getComputedStyle(heading.element()).fontWeight)).toBeGreaterThanOrEqual(600);
  });
});

describe('touch', () => {
  const swipe = (element: Element, distance: number) => {
    const box = element.getBoundingClientRect();
    const at = (x: number) => ({ bubbles: true, pointerId: 7, pointerType: 'touch', isPrimary: true, button: 0, clientX: x, clientY: box.top + 20 });
    const startX = box.left + 60;
    element.dispatchEvent(new PointerEvent('pointerdown', at(startX)));
    // Slowly (no flick): only the distance decides.
    for (let step = 1; step <= 10; step += 1) element.dispatchEvent(new PointerEvent('pointermove', at(startX + (distance * step) / 10)));
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        element.dispatchEvent(new PointerEvent('pointerup', at(startX + distance)));
        resolve();
      }, 400),
    );
  };

  it('dismisses a toast swiped sideways past the threshold, and snaps back short of it', async () => {
    const screen = await render(<App />);
    reportError(new ApiError({ kind: 'validation', status: 400, message: 'check the amount' }));
    const toast = screen.getByRole('listitem');
    await expect.element(toast).toBeVisible();
    await swipe(toast.element(), 30);
    await expect.element(toast).toBeVisible();
    expect((toast.element() as HTMLElement).style.getPropertyValue('--fl-swipe')).toBe('');
    await swipe(toast.element(), 80);
    await expect.element(toast).not.toBeInTheDocument();
  });
});

describe('keyboard and focus', () => {
  it('gives focus back to the page when a toast reached with Tab is closed', async () => {
    const screen = await render(
      <App>
        <button type="button">app</button>
      </App>,
    );
    reportError(new ApiError({ kind: 'validation', status: 400, message: 'check the amount' }));
    await expect.element(screen.getByRole('listitem')).toBeVisible();
    await screen.getByRole('button', { name: 'app' }).click();
    // The toaster is the last thing in the page: Tab from the app reaches the toast, its Details, its close button.
    await userEvent.tab();
    await expect.element(screen.getByRole('listitem')).toHaveFocus();
    await userEvent.tab();
    await expect.element(screen.getByRole('button', { name: 'Details' })).toHaveFocus();
    await userEvent.tab();
    await expect.element(screen.getByRole('button', { name: 'Dismiss' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.element(screen.getByRole('listitem')).not.toBeInTheDocument();
    await expect.element(screen.getByRole('button', { name: 'app' })).toHaveFocus();
  });

  it('keeps Shift+Tab inside the re-auth dialog after a click on its backdrop', async () => {
    const screen = await render(
      <ApiErrorProvider queryClient={new QueryClient()} onReauth={async () => undefined}>
        <button type="button">behind</button>
        <ApiErrorToaster />
        <ReauthPrompt />
      </ApiErrorProvider>,
    );
    await screen.getByRole('button', { name: 'behind' }).click();
    reportError(new ApiError({ kind: 'unauthorized', status: 401, message: 'expired' }));
    const dialog = screen.getByRole('dialog', { name: 'Your session has expired' });
    await expect.element(dialog).toBeVisible();
    // The backdrop: a corner of the viewport, outside the dialog's box.
    await userEvent.click(document.body, { position: { x: 5, y: 5 }, force: true });
    for (let i = 0; i < 4; i += 1) {
      await userEvent.tab({ shift: true });
      expect(dialog.element().contains(document.activeElement) || document.activeElement === document.body).toBe(true);
      expect(document.activeElement?.textContent).not.toBe('behind');
    }
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(screen.getByRole('button', { name: 'behind' })).toHaveFocus();
    // "Not now" leaves one toast to come back by, counted once.
    await expect.element(screen.getByRole('listitem')).not.toHaveTextContent(/times/);
  });

  it('scrolls the expanded stack when it outgrows the screen, so every toast can be reached (200 % zoom)', async () => {
    await page.viewport(640, 300);
    const screen = await render(<App toaster={{ details: true }} />);
    // Sticky toasts (a person must act): on a loaded machine a 6 s transient toast could leave before the checks.
    for (const code of ['A', 'B', 'C']) reportError(new ApiError({ kind: 'conflict', status: 409, code, message: 'x', requestId: `req_${code}` }));
    await expect.poll(() => document.querySelectorAll('.fl-toast').length).toBe(3);
    await userEvent.keyboard('{Alt>}t{/Alt}');
    const list = document.querySelector('.fl-toast-list')!;
    await expect.poll(() => list.scrollHeight > list.clientHeight).toBe(true);
    expect(list.getBoundingClientRect().top).toBeGreaterThanOrEqual(0);
    // Shift+Tab back to the oldest toast: it is scrolled into view, not off-screen.
    const oldest = screen.getByRole('listitem').first().element();
    (oldest as HTMLElement).focus();
    await expect.poll(() => oldest.getBoundingClientRect().top).toBeGreaterThanOrEqual(0);
    await page.viewport(414, 896);
  });
});
