// Minified + gzipped size of an entry, bundled by esbuild with the same settings for every
// package measured: ESM, browser, production, fully minified, peers (React, React DOM,
// React Query) external. (Vite's library mode keeps identifiers, so it would overstate sizes.)
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');

export interface SizeRow {
  name: string;
  minBytes: number;
  gzipBytes: number;
  cssGzipBytes: number;
}
const PEERS = ['react', 'react/*', 'react-dom', 'react-dom/*', '@tanstack/react-query', '@tanstack/query-core'];

/** Bytes of `source` (an ES module importing what it measures) bundled, minified and gzipped. */
export async function bundleSize(name: string, source: string, dir = join(root, 'node_modules/.cache/faultline-size')): Promise<SizeRow> {
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, `${name.replace(/[^\w-]/g, '_')}.js`);
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: PEERS,
    loader: { '.css': 'css' },
    outdir: join(dir, 'out'),
    write: false,
    logLevel: 'silent',
  });
  const js = result.outputFiles.filter((file) => file.path.endsWith('.js')).map((file) => file.text).join('\n');
  const css = result.outputFiles.filter((file) => file.path.endsWith('.css')).map((file) => file.text).join('\n');
  const gz = (text: string) => (text ? gzipSync(text, { level: 9 }).length : 0);
  return { name, minBytes: Buffer.byteLength(js), gzipBytes: gz(js), cssGzipBytes: gz(css) };
}

/** faultline's own entries, as a user imports them (everything exported). */
export const faultlineEntries: Record<string, string> = {
  'faultline/core': `export * from ${JSON.stringify(join(root, 'src/core/index.ts'))};`,
  faultline: `export * from ${JSON.stringify(join(root, 'src/index.ts'))};`,
};

/**
 * Like `bundleSize`, but `source` imports the package by name (`'faultline/chain'`) from an app
 * folder whose node_modules/faultline links to this checkout: it goes through package.json
 * `exports` and the built `dist/`, as an app's bundler would. Run `npm run build` first.
 */
export async function installedBundleSize(name: string, source: string): Promise<SizeRow> {
  if (!existsSync(join(root, 'dist'))) throw new Error('installedBundleSize measures dist/: run `npm run build` first');
  const app = join(root, 'node_modules/.cache/faultline-app');
  mkdirSync(join(app, 'node_modules'), { recursive: true });
  if (!existsSync(join(app, 'node_modules/faultline'))) symlinkSync(root, join(app, 'node_modules/faultline'), 'dir');
  return bundleSize(name, source, app);
}

/** Opt-in entries, measured as an app imports them from the built package. */
export const installedEntries: Record<string, string> = {
  'faultline/chain': `export * from 'faultline/chain';`,
};
