import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expect, it } from 'vitest';

const FORBIDDEN = /^(react|react-dom|@tanstack\/react-query|zustand)(\/|$)/;

/** Every module the entry reaches, by following its static imports and re-exports. */
function moduleGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string) => {
    if (graph.has(file)) return;
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
    graph.set(file, specifiers);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
    }
  };
  visit(resolve(entry));
  return graph;
}

it('faultline/core imports nothing from React, React Query or Zustand', () => {
  const graph = moduleGraph('src/core/index.ts');
  expect(graph.size).toBeGreaterThan(10);
  const offenders = [...graph].flatMap(([file, specifiers]) => specifiers.filter((s) => FORBIDDEN.test(s)).map((s) => `${file} → ${s}`));
  expect(offenders).toEqual([]);
});

it('faultline/chain imports nothing from React, React Query or Zustand, nor any wallet or chain SDK', () => {
  const graph = moduleGraph('src/chain/index.ts');
  expect(graph.size).toBeGreaterThan(5);
  // The chain profiles read the SDKs' thrown values by shape: the SDKs stay the app's own dependencies.
  const bare = [...graph].flatMap(([file, specifiers]) => specifiers.filter((s) => !s.startsWith('.')).map((s) => `${file} → ${s}`));
  expect(bare).toEqual([]);
});
