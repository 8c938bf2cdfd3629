// Scenario 4: an error storm in React. 1,000 identical and 1,000 distinct errors reported at once;
// React commits (Profiler), time per report, toasts in the DOM and heap retained afterwards, for
// faultline, sonner and react-hot-toast fed the same errors (one toast call each, as their users
// write it). Runs in jsdom; needs `node --expose-gc` for the heap figures.
import { JSDOM } from 'jsdom';
import type { ApiErrorStore } from '../src/index.js';

const REPORTS = Number(process.env.STORM_REPORTS ?? 1000);

export interface StormRow {
  library: string;
  errors: string;
  commits: number;
  usPerReport: number;
  /** Most toasts in the DOM at once during the storm. */
  peakToastsInDom: number;
  retainedKiB: number | null;
}

function installDom() {
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true });
  const globals: Record<string, unknown> = { window, document: window.document, navigator: window.navigator, HTMLElement: window.HTMLElement, Node: window.Node, Element: window.Element, getComputedStyle: window.getComputedStyle.bind(window), requestAnimationFrame: (cb: FrameRequestCallback) => setTimeout(() => cb(Date.now()), 0), cancelAnimationFrame: (id: number) => clearTimeout(id), MutationObserver: window.MutationObserver, matchMedia: () => ({ matches: false, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {} }) };
  for (const [key, value] of Object.entries(globals)) Object.defineProperty(globalThis, key, { value, configurable: true, writable: true });
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
}

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
};

export async function benchStorm(only?: string): Promise<StormRow[]> {
  installDom();
  const React = await import('react');
  // The profiling build: production React with <Profiler> still reporting commits.
  const { createRoot } = await import('react-dom/profiling');
  const { flushSync } = await import('react-dom');
  const { QueryClient } = await import('@tanstack/react-query');
  const faultline = await import('../src/index.js');
  const sonner = await import('sonner');
  const hot = await import('react-hot-toast');
  const { Profiler } = React;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const silence = console.error;
  console.error = () => undefined; // act() warnings about sonner's own timers

  let store: ApiErrorStore | undefined;
  const libraries: Array<{ name: string; toaster: () => React.ReactNode; report: (i: number, same: boolean) => void; count: () => number; clear: () => void }> = [
    {
      name: 'faultline',
      toaster: () => {
        const client = faultline.createApiErrorClient({ queryClient: new QueryClient() });
        store = client.store;
        return (
          <faultline.ApiErrorProvider queryClient={client.queryClient} client={client}>
            <faultline.ApiErrorToaster />
          </faultline.ApiErrorProvider>
        );
      },
      report: (i, same) =>
        faultline.reportError(
          new faultline.ApiError({ kind: 'server', status: 503, message: 'Service Unavailable', retryable: true, request: { method: 'GET', url: same ? 'https://api.example.com/feed' : `https://api.example.com/items/${i}` } }),
        ),
      count: () => document.querySelectorAll('.fl-toast').length,
      clear: () => store?.getState().dismissAll(),
    },
    {
      name: 'sonner',
      toaster: () => <sonner.Toaster />,
      report: (i, same) => void sonner.toast.error(same ? 'Service Unavailable' : `Request ${i} failed: Service Unavailable`),
      count: () => document.querySelectorAll('[data-sonner-toast]').length,
      clear: () => void sonner.toast.dismiss(),
    },
    {
      name: 'react-hot-toast',
      toaster: () => <hot.Toaster />,
      report: (i, same) => void hot.default.error(same ? 'Service Unavailable' : `Request ${i} failed: Service Unavailable`),
      count: () => document.querySelectorAll('[role="status"]').length,
      clear: () => hot.default.remove(),
    },
  ];

  const rows: StormRow[] = [];
  try {
    for (const library of libraries.filter((l) => !only || l.name === only)) {
      for (const same of [true, false]) {
        const container = document.createElement('div');
        document.body.append(container);
        const root = createRoot(container);
        let commits = 0;
        let lastCommitAt = 0;
        let peak = 0;
        flushSync(() =>
          root.render(
            <Profiler
              id="toaster"
              onRender={() => {
                commits += 1;
                lastCommitAt = performance.now();
                peak = Math.max(peak, library.count());
              }}
            >
              {library.toaster()}
            </Profiler>,
          ),
        );
        await sleep(20); // effects (the provider registers with reportError)
        // Warm-up: the first reports compile code paths; keep that out of the figures.
        for (let i = 0; i < 20; i += 1) library.report(-1 - i, same);
        await sleep(50);
        library.clear();
        await sleep(600); // exit animations (sonner keeps dismissed toasts in the DOM for a while)
        commits = 0;
        peak = 0;
        const before = heap();
        const started = performance.now();
        for (let i = 0; i < REPORTS; i += 1) library.report(i, same);
        const loopDone = performance.now();
        // Wait until React has committed everything the storm caused (timers included).
        for (let quiet = 0, seen = -1; quiet < 3; ) {
          await sleep(20);
          quiet = commits === seen ? quiet + 1 : 0;
          seen = commits;
        }
        const elapsed = Math.max(loopDone, lastCommitAt) - started;
        const after = heap();
        rows.push({
          library: library.name,
          errors: same ? `${REPORTS} identical` : `${REPORTS} distinct`,
          commits,
          usPerReport: (elapsed * 1000) / REPORTS,
          peakToastsInDom: peak,
          retainedKiB: gc ? Math.max(0, Math.round((after - before) / 1024)) : null,
        });
        library.clear();
        await sleep(20);
        root.unmount();
        container.remove();
      }
    }
  } finally {
    console.error = silence;
  }
  return rows;
}
