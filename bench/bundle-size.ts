// What an app pays for what it imports: an entry module (`export { isApiError } from
// 'faultline/core';`) bundled from a folder whose node_modules/faultline links to this checkout,
// so that it goes through package.json `exports` and the built `dist/` as an app's bundler would,
// then minified and gzipped (-9). The settings are those of the size review
// (../shared/reviews/architecture-and-size-63b9d4c.md §1): ESM, browser, es2022, production,
// peers external, zustand (a dependency the app ships) bundled. esbuild is the budget's bundler;
// rolldown (Vite's) is measured beside it in `npm run bench`.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { codeUnderHeading } from '../scripts/readme-quick-starts.mjs';

const root = resolve(import.meta.dirname, '..');

export interface SizeRow {
  name: string;
  minBytes: number;
  gzipBytes: number;
}

/** What a row measures: `source` is the app's entry module. */
export interface SizeEntry {
  name: string;
  source: string;
}

/** Peers the app installs itself (faultline's peerDependencies and what they import). */
const PEERS = ['react', 'react-dom', '@tanstack/react-query', '@tanstack/query-core', 'msw', 'sonner', 'react-hot-toast'];

const gzipBytes = (text: string) => (text ? gzipSync(text, { level: 9 }).length : 0);

/** The app folder: node_modules/faultline links to this checkout (created once, reused). */
function appFolder(): string {
  const app = join(root, 'node_modules/.cache/faultline-app');
  mkdirSync(join(app, 'node_modules'), { recursive: true });
  if (!existsSync(join(app, 'node_modules/faultline'))) symlinkSync(root, join(app, 'node_modules/faultline'), 'dir');
  return app;
}

function writeEntry(dir: string, { name, source }: SizeEntry): string {
  const file = join(dir, `${name.replace(/[^\w-]+/g, '_')}.js`);
  writeFileSync(file, source);
  return file;
}

/** Peers kept out when measuring another package (sonner, …): only React is the app's. */
export const REACT_ONLY = ['react', 'react-dom'];

/** `entry` bundled by esbuild from the app folder; JS only. `peers`: what stays external. */
export async function esbuildSize(entry: SizeEntry, peers = PEERS): Promise<SizeRow> {
  const dir = appFolder();
  const result = await build({
    entryPoints: [writeEntry(dir, entry)],
    absWorkingDir: dir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: peers.flatMap((peer) => [peer, `${peer}/*`]),
    loader: { '.css': 'empty' },
    write: false,
    outdir: join(dir, 'out'),
    logLevel: 'silent',
  });
  const js = result.outputFiles.filter((file) => file.path.endsWith('.js')).map((file) => file.text).join('\n');
  return { name: entry.name, minBytes: Buffer.byteLength(js), gzipBytes: gzipBytes(js) };
}

/** `entry` bundled by rolldown, the bundler under Vite 8, with the same settings. */
export async function rolldownSize(entry: SizeEntry, peers = PEERS): Promise<SizeRow> {
  const dir = appFolder();
  const { build: rolldown } = await import('rolldown');
  const result = await rolldown({
    input: writeEntry(dir, entry),
    cwd: dir,
    platform: 'browser',
    external: (id: string) => peers.some((peer) => id === peer || id.startsWith(`${peer}/`)),
    transform: { target: 'es2022', define: { 'process.env.NODE_ENV': '"production"' } },
    logLevel: 'silent',
    write: false,
    output: { format: 'esm', minify: true },
  });
  const js = result.output.flatMap((chunk) => (chunk.type === 'chunk' ? [chunk.code] : [])).join('\n');
  return { name: entry.name, minBytes: Buffer.byteLength(js), gzipBytes: gzipBytes(js) };
}

/** The stylesheet as shipped (minified by the build, vite.config.ts), gzipped. */
export function stylesheetSize(): SizeRow {
  const css = readFileSync(join(root, 'dist/styles.css'), 'utf8');
  return { name: 'faultline/styles.css', minBytes: Buffer.byteLength(css), gzipBytes: gzipBytes(css) };
}

/** Throws unless `dist/` is there and newer than every file in `src/` (a stale build measures old code). */
export function assertFreshBuild(): void {
  const built = join(root, 'dist/index.js');
  if (!existsSync(built)) throw new Error('the size budget measures dist/: run `npm run build` first');
  const newest = (dir: string): number =>
    Math.max(...readdirSync(dir, { withFileTypes: true }).map((item) => (item.isDirectory() ? newest(join(dir, item.name)) : statSync(join(dir, item.name)).mtimeMs)));
  if (newest(join(root, 'src')) > statSync(built).mtimeMs) throw new Error('dist/ is older than src/: run `npm run build` first');
}

const reexport = (names: string[], from: string): string => `export { ${names.join(', ')} } from '${from}';\n`;

/**
 * The faultline imports of a README quick start (value imports only; the stylesheet is its own
 * row), as an entry that re-exports them: the budget follows the README when it changes.
 */
export function readmeImports(heading: string): string {
  const code = codeUnderHeading(readFileSync(join(root, 'README.md'), 'utf8'), heading);
  const lines: string[] = [];
  for (const match of code.matchAll(/^import\s*\{([^}]*)\}\s*from\s*'(faultline(?:\/[\w-]+)?)';/gm)) {
    const names = match[1]!.split(',').map((name) => name.trim()).filter((name) => name && !name.startsWith('type '));
    if (names.length) lines.push(reexport(names, match[2]!));
  }
  if (!lines.length) throw new Error(`README.md: no faultline imports under "${heading}"`);
  return lines.join('');
}

/** Single helpers an app imports on their own; each must stay small (size-budget.json). */
const HELPERS: Array<[name: string, from: string]> = [
  ['isApiError', 'faultline/core'],
  ['parseRetryAfter', 'faultline/core'],
  ['kindFromStatus', 'faultline/core'],
  ['isSafeToResend', 'faultline/core'],
  ['isApiError', 'faultline'],
  ['useRateLimit', 'faultline'],
  ['useReauth', 'faultline'],
  ['useApiErrorStore', 'faultline'],
];

/** The rows `npm test` holds to a budget (size-budget.json has one per name). */
export const budgetEntries = (): SizeEntry[] => [
  ...HELPERS.map(([name, from]) => ({ name: `${from}: ${name}`, source: reexport([name], from) })),
  { name: 'faultline/core: normalizeError + createRetryPolicy + pumpFun', source: reexport(['normalizeError', 'createRetryPolicy', 'pumpFun'], 'faultline/core') },
  { name: 'README React quick start (JS)', source: readmeImports('## Quick start (React)') },
];

/**
 * Measured and printed, not budgeted: the core quick start, opt-in entries whole, and
 * `rateLimitFromHeaders`, which reads every rate-limit header family and HTTP dates (≈1.8 KB:
 * a reader, not a one-line helper).
 */
export const informationEntries = (): SizeEntry[] => [
  { name: 'README core quick start', source: readmeImports('## Quick start (core)') },
  { name: 'faultline/core: rateLimitFromHeaders', source: reexport(['rateLimitFromHeaders'], 'faultline/core') },
  { name: 'faultline/chain (export *)', source: `export * from 'faultline/chain';\n` },
  { name: 'faultline/sonner (export *)', source: `export * from 'faultline/sonner';\n` },
  { name: 'faultline/react-hot-toast (export *)', source: `export * from 'faultline/react-hot-toast';\n` },
];

/** Whole entries (`export *`): the sum of every export, kept in the bench as information. */
export const wholeEntries = (): SizeEntry[] => [
  { name: 'faultline/core (export *)', source: `export * from 'faultline/core';\n` },
  { name: 'faultline (export *)', source: `export * from 'faultline';\n` },
];

/**
 * size-budget.json: each row is a limit in gz bytes (over it fails `npm test`), or `{ limit, target }`
 * where the limit holds what main reaches (sizes only go down) and the target is the size issue's goal.
 */
export type Budget = number | { limit: number; target: number };

export function readBudgets(): { limits: Record<string, number>; targets: Record<string, number> } {
  const file = JSON.parse(readFileSync(new URL('../size-budget.json', import.meta.url), 'utf8')) as Record<string, Budget>;
  const limits: Record<string, number> = {};
  const targets: Record<string, number> = {};
  for (const [name, budget] of Object.entries(file)) {
    limits[name] = typeof budget === 'number' ? budget : budget.limit;
    if (typeof budget === 'object' && budget.target < budget.limit) targets[name] = budget.target;
  }
  return { limits, targets };
}
