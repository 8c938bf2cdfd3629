// Scenario 5: bundle size, min+gzip, peers external, the same esbuild settings for every package.
import { bundleSize, faultlineEntries, type SizeRow } from './bundle-size.js';

const OTHERS = ['sonner', 'react-hot-toast', 'react-toastify', 'notistack'];

export async function benchSize(): Promise<SizeRow[]> {
  const rows: SizeRow[] = [];
  for (const [name, source] of Object.entries(faultlineEntries)) rows.push(await bundleSize(name, source));
  // What most apps import: normalizeError and the retry policy, tree-shaken.
  rows.push(await bundleSize('faultline/core: normalizeError + createRetryPolicy', `export { normalizeError, createRetryPolicy } from ${JSON.stringify(new URL('../src/core/index.ts', import.meta.url).pathname)};`));
  for (const name of OTHERS) rows.push(await bundleSize(name, `export * from '${name}';`));
  return rows;
}
