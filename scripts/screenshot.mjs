// The README's pictures, taken from the built Storybook (storybook-static/) in headless Chromium:
// faultline's toasts next to sonner's with the same errors (light, dark, phone width) and the
// rate-limit countdown. Usage: `npm run screenshots` (builds Storybook first).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright';

const root = resolve(import.meta.dirname, '../storybook-static');
const docs = resolve(import.meta.dirname, '../docs');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
if (!existsSync(join(root, 'iframe.html'))) throw new Error('storybook-static/ is missing: run `npm run build-storybook` first.');

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  // Two stories side by side, each in its own frame, for the comparisons.
  if (url.pathname === '/compare.html') {
    const frames = url.searchParams.getAll('src').map((src) => `<iframe src="${src}" title="${src}"></iframe>`);
    res.writeHead(200, { 'content-type': 'text/html' });
    return res.end(`<!doctype html><style>body{margin:0;display:flex;gap:0}iframe{border:0;width:50vw;height:100vh}</style>${frames.join('')}`);
  }
  const path = join(root, decodeURIComponent(url.pathname));
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
  if (!file.startsWith(root) || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;
const story = (id, args = '') => `/iframe.html?id=${id}&viewMode=story${args ? `&args=${args}` : ''}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** faultline (left) and sonner (right), each in a frame of `width`×`height`, after "Show three errors". */
async function compare(file, theme, width, height) {
  const page = await browser.newPage({ viewport: { width: width * 2, height }, deviceScaleFactor: 2, reducedMotion: 'reduce' });
  // The story without a play function: the script clicks once itself.
  const id = 'toaster-compared-with-sonner--sonner';
  const srcs = ['faultline', 'sonner'].map((library) => story(id, `library:${library};theme:${theme}`));
  await page.goto(`${origin}/compare.html?${srcs.map((src) => `src=${encodeURIComponent(src)}`).join('&')}`);
  for (const frame of page.frames().slice(1)) {
    const button = frame.getByRole('button', { name: 'Show three errors' });
    await button.waitFor({ timeout: 15_000 });
    await button.click();
  }
  await page.waitForTimeout(1200);
  // Off the toasts, so neither stack is expanded by hover.
  await page.mouse.move(5, 5);
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(docs, file) });
  await page.close();
  console.log(`docs/${file} written`);
}

try {
  await compare('compare-light.png', 'light', 520, 340);
  await compare('compare-dark.png', 'dark', 520, 340);
  await compare('compare-phone.png', 'light', 390, 640);

  const page = await browser.newPage({ viewport: { width: 760, height: 300 }, deviceScaleFactor: 2 });
  await page.goto(`${origin}${story('flows-rate-limit-countdown--recovers-by-itself')}`);
  await page.locator('.fl-toast').first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(900);
  await page.screenshot({ path: join(docs, 'countdown.png') });
  console.log('docs/countdown.png written');
} finally {
  await browser.close();
  server.close();
}
