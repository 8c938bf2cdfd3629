// The size budget: `npm test` fails when an entry grows past size-budget.json. The budget is the
// size reached, so it can only go down; lower it when you make faultline smaller.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundleSize, faultlineEntries, installedBundleSize, installedEntries } from '../bench/bundle-size.js';

const budget = JSON.parse(readFileSync(resolve(import.meta.dirname, '../size-budget.json'), 'utf8')) as Record<string, number>;
let failed = 0;
let passed = 0;
// Opt-in entries are measured through the built package (`npm run build` runs before this in `npm test`).
const measured = [
  ...Object.entries(faultlineEntries).map(([name, source]) => [name, () => bundleSize(name, source)] as const),
  ...Object.entries(installedEntries).map(([name, source]) => [name, () => installedBundleSize(name, source)] as const),
];
for (const [name, measure] of measured) {
  const { gzipBytes } = await measure();
  const limit = budget[name];
  if (limit === undefined) throw new Error(`size-budget.json has no budget for ${name}`);
  const ok = gzipBytes <= limit;
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? '✓' : '×'} ${name}: ${(gzipBytes / 1024).toFixed(2)} KiB min+gz (budget ${(limit / 1024).toFixed(2)} KiB)`);
}
const cssLimit = budget['faultline/styles.css'];
// Measured as shipped: minified by the build (vite.config.ts), then gzipped.
const { transformSync } = await import('esbuild');
const css = transformSync(readFileSync(resolve(import.meta.dirname, '../src/styles.css'), 'utf8'), { loader: 'css', minify: true }).code;
const { gzipSync } = await import('node:zlib');
const cssGz = gzipSync(css, { level: 9 }).length;
const cssOk = cssLimit !== undefined && cssGz <= cssLimit;
if (cssOk) passed += 1;
else failed += 1;
console.log(`${cssOk ? '✓' : '×'} faultline/styles.css: ${(cssGz / 1024).toFixed(2)} KiB min+gz (budget ${((cssLimit ?? 0) / 1024).toFixed(2)} KiB)`);
console.log(`size budget: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
