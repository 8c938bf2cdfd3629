// React 18 smoke test, as a consumer: the packed faultline installed beside React 18 in a
// temporary project (npm cannot hold React 18 and 19 in one tree), rendered in jsdom and on a
// "server". Prints "N passed, N failed" and throws on any failure. `npm run check` runs it with
// the tarball it already packed; `npm run test:react18` packs one itself.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConsumerProject, installedVersion, packFaultline, root, temporaryDirectory } from './consumer-project.mjs';

/** Installs `tarball` beside React 18 in a temporary project and runs the smoke test there. */
export function runReact18Smoke(tarball) {
  const app = createConsumerProject({
    prefix: 'faultline-react18-',
    dependencies: { react: '18.3.1', 'react-dom': '18.3.1', '@tanstack/react-query': installedVersion('@tanstack/react-query') ?? '5', faultline: `file:${tarball}` },
  });
  try {
    app.write('smoke.mjs', smokeScript());
    app.run(process.execPath, ['smoke.mjs']);
  } finally {
    app.remove();
  }
}

/** The test, run inside the consumer project (jsdom is the repository's own). */
function smokeScript() {
  const jsdom = pathToFileURL(join(root, 'node_modules/jsdom/lib/api.js')).href;
  return `
import { JSDOM } from ${JSON.stringify(jsdom)};
const results = [];
const check = (name, ok) => results.push([name, Boolean(ok)]);

// Server first, with no window.
const React = await import('react');
const { renderToString } = await import('react-dom/server');
const { QueryClient } = await import('@tanstack/react-query');
const faultline = await import('faultline');
const core = await import('faultline/core');
const h = React.createElement;
check('React is 18', React.version.startsWith('18.'));
const html = renderToString(h(faultline.ApiErrorProvider, { queryClient: new QueryClient() }, h(faultline.ApiErrorBoundary, null, h('p', null, 'app')), h(faultline.ApiErrorToaster)));
check('renders to a string on the server', html.includes('<p>app</p>') && html.includes('aria-live="assertive"'));

// Then a browser-like client.
const { window } = new JSDOM('<!doctype html><div id="root"></div>', { pretendToBeVisual: true });
for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'Node', 'Event', 'KeyboardEvent', 'MouseEvent', 'FocusEvent', 'getComputedStyle']) {
  Object.defineProperty(globalThis, key, { value: key === 'window' ? window : window[key], configurable: true, writable: true });
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;
const { createRoot } = await import('react-dom/client');
const { act } = React;
const root = createRoot(document.getElementById('root'));
function Failing() {
  const query = faultline.useApiQuery({ queryKey: ['x'], retry: false, queryFn: () => Promise.reject(new TypeError('Failed to fetch')) });
  return h('p', null, 'status ' + query.status);
}
await act(async () => {
  root.render(h(faultline.ApiErrorProvider, { queryClient: new QueryClient() }, h(Failing), h(faultline.ApiErrorToaster)));
});
await act(() => new Promise((r) => setTimeout(r, 50)));
check('a failed query shows a toast', document.querySelector('.fl-toast')?.textContent?.includes('You seem to be offline'));
await act(async () => {
  for (let i = 0; i < 50; i += 1) faultline.reportError(new core.ApiError({ kind: 'validation', status: 400, message: 'same' }));
});
check('identical reports merge into one toast', document.querySelectorAll('.fl-toast').length === 2);
check('the error is announced', document.querySelector('[aria-live="assertive"]')?.textContent?.includes('Check your input'));
await act(async () => root.unmount());
check('unmounts cleanly', document.querySelector('.fl-toast') === null);

for (const [name, ok] of results) console.log((ok ? '  ✓ ' : '  × ') + name);
const failed = results.filter(([, ok]) => !ok).length;
console.log('react 18 smoke: ' + (results.length - failed) + ' passed, ' + failed + ' failed');
process.exit(failed ? 1 : 0);
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const work = temporaryDirectory('faultline-pack-');
  try {
    runReact18Smoke(packFaultline(work.dir).tarball);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    work.remove();
  }
}
