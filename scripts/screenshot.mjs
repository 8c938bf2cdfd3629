// Takes docs/toaster.png: a story of the built Storybook (storybook-static/) in headless Chromium.
// Usage: npm run build-storybook && node scripts/screenshot.mjs [story-id] [wait-ms]
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright';

const root = resolve(import.meta.dirname, '../storybook-static');
const story = process.argv[2] ?? 'flows-rate-limit-countdown--recovers-by-itself';
const waitMs = Number(process.argv[3] ?? 900);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };

const server = createServer((req, res) => {
  const path = join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
  if (!file.startsWith(root) || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 960, height: 420 }, deviceScaleFactor: 1 });
  await page.goto(`http://127.0.0.1:${server.address().port}/iframe.html?id=${story}&viewMode=story`);
  await page.locator('.fl-toast').first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(waitMs);
  await page.screenshot({ path: resolve(import.meta.dirname, '../docs/toaster.png') });
  console.log('docs/toaster.png written');
} finally {
  await browser.close();
  server.close();
}
