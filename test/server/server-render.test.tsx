import { QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { expect, it } from 'vitest';
import * as faultline from '../../src/index.js';

const { ApiErrorBoundary, ApiErrorProvider, ApiErrorToaster, useApiQuery, ApiError } = faultline;

it('imports and renders to a string on a server, with no window', () => {
  expect(typeof window).toBe('undefined');
  expect(typeof document).toBe('undefined');
  function Coins() {
    const query = useApiQuery({ queryKey: ['coins'], queryFn: async () => ['PEPE'], enabled: false });
    return <p>{query.status}</p>;
  }
  const html = renderToString(
    <ApiErrorProvider queryClient={new QueryClient()}>
      <ApiErrorBoundary>
        <Coins />
      </ApiErrorBoundary>
      <ApiErrorToaster />
    </ApiErrorProvider>,
  );
  expect(html).toContain('<p>pending</p>');
  expect(html).toContain('aria-live="polite"');
  expect(html).toContain('aria-live="assertive"');
});

it('gives every server render its own store, and nothing reaches it from outside', () => {
  const seen: unknown[] = [];
  function Probe() {
    seen.push(faultline.useApiErrorStore((state) => state.showToast));
    return null;
  }
  const render = () =>
    renderToString(
      <ApiErrorProvider queryClient={new QueryClient()}>
        <Probe />
        <ApiErrorToaster />
      </ApiErrorProvider>,
    );
  render();
  // A report during a server render reaches no provider (no module-level store to leak into).
  faultline.reportError(new ApiError({ kind: 'validation', status: 400, message: 'stray' }));
  const html = render();
  expect(seen).toHaveLength(2);
  expect(seen[0]).not.toBe(seen[1]);
  expect(html).not.toContain('stray');
});

it('server HTML carries no inline style attribute (a strict CSP would block it)', () => {
  const html = renderToString(
    <ApiErrorProvider queryClient={new QueryClient()}>
      <ApiErrorToaster />
    </ApiErrorProvider>,
  );
  expect(html).not.toMatch(/\sstyle="/);
});
