// Scenario 5: bundle size. faultline as apps import it (the built dist/ through package.json
// `exports`, bench/bundle-size.ts), bundled by esbuild (the budget's bundler, size-budget.json)
// and by rolldown (Vite's) beside it; whole entries (`export *`, the sum of every export) as
// information only; and the toasters an app might use instead, with the same esbuild settings.
import { assertFreshBuild, budgetEntries, esbuildSize, informationEntries, REACT_ONLY, readBudgets, rolldownSize, stylesheetSize, wholeEntries, type SizeEntry } from './bundle-size.js';

export interface BenchSizeRow {
  name: string;
  /** The budget in size-budget.json, or null for a row measured as information. */
  budget: number | null;
  esbuildMin: number;
  esbuildGz: number;
  rolldownGz: number | null;
}

const OTHERS = ['sonner', 'react-hot-toast', 'react-toastify', 'notistack'];

export async function benchSize(): Promise<{ faultline: BenchSizeRow[]; others: BenchSizeRow[] }> {
  assertFreshBuild();
  const budget = readBudgets().limits;
  const measure = async (entry: SizeEntry, peers?: string[]): Promise<BenchSizeRow> => {
    const esbuilt = await esbuildSize(entry, peers);
    return { name: entry.name, budget: budget[entry.name] ?? null, esbuildMin: esbuilt.minBytes, esbuildGz: esbuilt.gzipBytes, rolldownGz: (await rolldownSize(entry, peers)).gzipBytes };
  };
  const faultline: BenchSizeRow[] = [];
  for (const entry of [...budgetEntries(), ...informationEntries(), ...wholeEntries()]) faultline.push(await measure(entry));
  const css = stylesheetSize();
  faultline.push({ name: css.name, budget: budget[css.name] ?? null, esbuildMin: css.minBytes, esbuildGz: css.gzipBytes, rolldownGz: null });
  const others: BenchSizeRow[] = [];
  for (const name of OTHERS) others.push(await measure({ name, source: `export * from '${name}';\n` }, REACT_ONLY));
  return { faultline, others };
}
