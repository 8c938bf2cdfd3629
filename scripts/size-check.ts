// The size budget (`npm run test:size`, part of `npm test` after the packed-package check has
// built dist/): what an app pays for the imports apps make, bundled from the built package
// through its `exports` (bench/bundle-size.ts). Each budgeted row has its limit in
// size-budget.json (bytes, min + gzip -9, esbuild; 1 KB = 1,000 B, as the size issue counts);
// a row over its limit fails. Whole opt-in entries are printed as information.
import { assertFreshBuild, budgetEntries, readBudgets, esbuildSize, informationEntries, stylesheetSize, type SizeEntry, type SizeRow } from '../bench/bundle-size.js';

const started = performance.now();
const { limits: budget, targets } = readBudgets();
const target = (name: string): number | null => targets[name] ?? null;
try {
  assertFreshBuild();
} catch (error) {
  console.log(`× size budget: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

// A row that no longer bundles (an export renamed or removed) fails with esbuild's reason.
const broken = new Map<string, string>();
async function measure(entry: SizeEntry): Promise<SizeRow> {
  try {
    return await esbuildSize(entry);
  } catch (error) {
    broken.set(entry.name, String(error instanceof Error ? error.message : error).split('\n').slice(0, 3).join(' '));
    return { name: entry.name, minBytes: 0, gzipBytes: 0 };
  }
}
const budgeted: SizeRow[] = [];
for (const entry of budgetEntries()) budgeted.push(await measure(entry));
budgeted.push(stylesheetSize());
const information: SizeRow[] = [];
for (const entry of informationEntries()) information.push(await measure(entry));

const unknown = Object.keys(budget).filter((name) => !budgeted.some((row) => row.name === name));
if (unknown.length) throw new Error(`size-budget.json names rows nothing measures: ${unknown.join(', ')}`);

const bytes = (n: number) => n.toLocaleString('en-US');
const width = Math.max(...[...budgeted, ...information].map((row) => row.name.length));
const line = (mark: string, row: SizeRow, limit: string) =>
  `${mark} ${row.name.padEnd(width)}  ${bytes(row.minBytes).padStart(7)}  ${bytes(row.gzipBytes).padStart(6)}  ${limit}`;

console.log(`  ${'import (dist through exports; esbuild)'.padEnd(width)}  ${'min B'.padStart(7)}  ${'gz B'.padStart(6)}  budget gz B`);
let failed = 0;
for (const row of budgeted) {
  const limit = budget[row.name];
  if (limit === undefined) throw new Error(`size-budget.json has no budget for "${row.name}"`);
  const over = row.gzipBytes - limit;
  const reason = broken.get(row.name);
  if (over > 0 || reason) failed += 1;
  const goal = target(row.name);
  const gap = goal !== null && row.gzipBytes > goal ? `  (target ${bytes(goal)}: ${bytes(row.gzipBytes - goal)} to go)` : '';
  console.log(line(over > 0 || reason ? '×' : '✓', row, `${bytes(limit)}${over > 0 ? `  (${bytes(over)} over)` : ''}${gap}${reason ? `  does not bundle: ${reason}` : ''}`));
}
for (const row of information) {
  const reason = broken.get(row.name);
  if (reason) failed += 1;
  console.log(line(reason ? '×' : '·', row, reason ? `does not bundle: ${reason}` : '(information)'));
}
console.log(`size budget: ${budgeted.length - failed} passed, ${failed} failed (${((performance.now() - started) / 1000).toFixed(1)} s)`);
process.exit(failed ? 1 : 0);
