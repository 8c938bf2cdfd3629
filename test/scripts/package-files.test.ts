import { describe, expect, it } from 'vitest';
import { publicEntries, tarballProblems, type PackageJson } from '../../scripts/package-files.mjs';

// A package shaped like faultline's, with a nested-condition entry added later (as new adapters are).
const pkg: PackageJson = {
  name: 'faultline',
  exports: {
    '.': { types: './dist/types/index.d.ts', default: './dist/index.js' },
    './core': { types: './dist/types/core/index.d.ts', default: './dist/core.js' },
    './sonner': { import: { types: './dist/types/sonner/index.d.ts', default: './dist/sonner.js' } },
    './styles.css': './dist/styles.css',
    './package.json': './package.json',
  },
  module: './dist/index.js',
  types: './dist/types/index.d.ts',
  dependencies: { zustand: '^5.0.0' },
  peerDependencies: { react: '^19.0.0', '@tanstack/react-query': '^5.0.0', sonner: '^2.0.0' },
};

const map = (sources: string[], sourcesContent?: string[]) => JSON.stringify({ version: 3, sources, sourcesContent, mappings: '' });
const contents: Record<string, string> = {
  'dist/index.js': 'import { a } from "./core-X1.js";\nimport { createStore } from "zustand/vanilla";\nimport { jsx } from "react/jsx-runtime";\nexport { a };\n//# sourceMappingURL=index.js.map',
  'dist/index.js.map': map(['../src/index.ts'], ['export {}']),
  'dist/core.js': 'export { a } from "./core-X1.js";\n',
  'dist/core-X1.js': 'export const a = 1;\n//# sourceMappingURL=core-X1.js.map',
  'dist/core-X1.js.map': map(['../src/core/a.ts'], ['export const a = 1;']),
  'dist/sonner.js': 'import "./core-X1.js";\nimport { toast } from "sonner";\nexport const b = 2;\n',
  'dist/types/index.d.ts': "import type { QueryClient } from '@tanstack/react-query';\nexport declare const c: import(\"react\").ReactNode;\n",
};
const complete = [
  'package.json',
  'README.md',
  'LICENSE',
  ...Object.keys(contents),
  'dist/styles.css',
  'dist/types/core/index.d.ts',
  'dist/types/core/a.d.ts',
  'dist/types/sonner/index.d.ts',
];
const problems = (files: string[], patch: Record<string, string> = {}) => tarballProblems(pkg, files, (path) => ({ ...contents, ...patch })[path] ?? null);

describe('tarballProblems', () => {
  it('finds nothing wrong in a complete tarball', () => {
    expect(problems(complete)).toEqual([]);
  });

  it('names every exported file that is missing, JS and declarations, at any depth of conditions', () => {
    const files = complete.filter((path) => path !== 'dist/types/sonner/index.d.ts' && path !== 'dist/core.js');
    expect(problems(files)).toEqual([
      'exports["./core"].default names dist/core.js, which is not in the tarball',
      'exports["./sonner"].import.types names dist/types/sonner/index.d.ts, which is not in the tarball',
    ]);
  });

  it('names the top-level module and types fields too', () => {
    const files = complete.filter((path) => path !== 'dist/index.js' && path !== 'dist/index.js.map');
    expect(problems(files)).toContain('module names dist/index.js, which is not in the tarball');
    expect(problems(files.filter((path) => path !== 'dist/types/index.d.ts'))).toContain('types names dist/types/index.d.ts, which is not in the tarball');
  });

  it('flags an entry with JavaScript but no types', () => {
    const untyped = { ...pkg, exports: { ...(pkg.exports as object), './msw': './dist/msw.js' } };
    const found = tarballProblems(untyped, [...complete, 'dist/msw.js'], (path) => contents[path] ?? null);
    expect(found).toEqual(['exports["./msw"] has JavaScript but no "types"']);
  });

  it('flags files outside the allow list, and JS that no entry imports (the MSW worker script)', () => {
    expect(problems([...complete, 'src/index.ts', 'dist/mockServiceWorker.js', 'stories/App.stories.tsx', 'dist/types/x.test.d.ts', 'dist/old.css'])).toEqual([
      'stray file in the tarball: src/index.ts',
      'stray file in the tarball: stories/App.stories.tsx',
      'stray file in the tarball: dist/mockServiceWorker.js (no entry imports it)',
      "stray file in the tarball: dist/types/x.test.d.ts (a test's or story's declarations)",
      'stray file in the tarball: dist/old.css (not exported)',
    ]);
  });

  it('keeps chunks that an entry imports, and flags a chunk nothing imports', () => {
    expect(problems([...complete, 'dist/core-OLD.js'])).toEqual(['stray file in the tarball: dist/core-OLD.js (no entry imports it)']);
  });

  it('flags a module importing a package that an app does not install with faultline', () => {
    const found = problems(complete, {
      'dist/core-X1.js': 'import { x } from "@solana/kit";\nexport const a = 1;\nconst help = "import y from \'not-real\'";\n//# sourceMappingURL=core-X1.js.map',
      'dist/types/core/index.d.ts': 'export type T = import("viem").Address;\n',
    });
    expect(found).toEqual([
      'dist/core-X1.js imports "@solana/kit", which package.json lists in neither dependencies nor peerDependencies',
      'dist/types/core/index.d.ts imports "viem", which package.json lists in neither dependencies nor peerDependencies',
    ]);
  });

  it('holds source maps to their file: shipped beside it, pointed to, carrying their sources', () => {
    expect(problems([...complete, 'dist/gone.js.map'])).toEqual(['stray file in the tarball: dist/gone.js.map (its dist/gone.js is not shipped)']);
    expect(problems(complete, { 'dist/core-X1.js.map': map(['../src/core/a.ts']) })).toEqual([
      'dist/core-X1.js.map maps 1 sources but carries 0: the rest point to files that are not shipped',
    ]);
    expect(problems(complete, { 'dist/index.js': 'import "./core-X1.js";' })).toEqual(['dist/index.js does not point to dist/index.js.map']);
  });
});

describe('publicEntries', () => {
  it('lists every subpath with what an app imports and its JS and declaration files', () => {
    expect(publicEntries(pkg)).toEqual([
      { subpath: '.', specifier: 'faultline', js: ['dist/index.js'], types: ['dist/types/index.d.ts'], other: [] },
      { subpath: './core', specifier: 'faultline/core', js: ['dist/core.js'], types: ['dist/types/core/index.d.ts'], other: [] },
      { subpath: './sonner', specifier: 'faultline/sonner', js: ['dist/sonner.js'], types: ['dist/types/sonner/index.d.ts'], other: [] },
      { subpath: './styles.css', specifier: 'faultline/styles.css', js: [], types: [], other: ['dist/styles.css'] },
      { subpath: './package.json', specifier: 'faultline/package.json', js: [], types: [], other: ['package.json'] },
    ]);
  });
});
