// Minified + gzipped size of an entry, bundled by esbuild with the same settings for every
// package measured: ESM, browser, production, fully minified, peers (React, React DOM,
// React Query) external. (Vite's library mode keeps identifiers, so it would overstate sizes.)
import { mkdirSync, writeFileSync } from 'node:fs';
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
export async function bundleSize(name: string, source: string): Promise<SizeRow> {
  const dir = join(root, 'node_modules/.cache/faultline-size');
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
