// React 18 smoke test, as a consumer: the packed faultline installed beside React 18 in a
// temporary project (npm cannot hold React 18 and 19 in one tree), rendered in jsdom and on a
// "server". Prints "N passed, N failed" and exits non-zero on any failure.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'faultline-react18-'));
const npm = (...args) => execFileSync('npm', args, { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

try {
  execFileSync('npm', ['pack', '--pack-destination', dir, '--silent'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const tarball = readdirSync(dir).find((file) => file.endsWith('.tgz'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'react18-consumer', private: true, type: 'module' }));
  npm('install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', 'react@18.3.1', 'react-dom@18.3.1', '@tanstack/react-query@5', 'zustand@5', `./${tarball}`);

  const jsdom = pathToFileURL(join(root, 'node_modules/jsdom/lib/api.js')).href;
  writeFileSync(
    join(dir, 'smoke.mjs'),
    `
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
`,
  );
  execFileSync('node', ['smoke.mjs'], { cwd: dir, stdio: 'inherit' });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
