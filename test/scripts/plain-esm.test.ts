import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The built ES modules loaded as a page loads them without a bundler: nothing replaced
// `process.env.NODE_ENV`, and there is no `process`. Development warnings must not throw then.
// Built here (as `npm run build` builds dist/, into a scratch folder inside the repo so that
// zustand resolves) rather than read from dist/, which may be missing or stale when tests run.
let out = '';

beforeAll(async () => {
  const cache = resolve('node_modules/.cache');
  out = mkdtempSync(join(cache, 'plain-esm-'));
  await build({ configFile: resolve('vite.config.ts'), logLevel: 'silent', build: { outDir: out, emptyOutDir: true, sourcemap: false } });
}, 60_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

/** Runs `body` in a fresh Node with `globalThis.process` removed; returns what it printed. */
function withoutProcess(body: string): string {
  const script = `
    const print = (line) => console.log(line);
    delete globalThis.process;
    const result = await (async () => { ${body} })();
    print(JSON.stringify(result));
  `;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 }).trim();
}

describe('the built package without a bundler (no `process`)', () => {
  it('reports a refusal as a rate limit, not as "Something went wrong"', () => {
    const [store, report, core] = ['store/api-error-store.js', 'store/report.js', 'core.js'].map((file) => JSON.stringify(pathToFileURL(join(out, file)).href));
    const printed = withoutProcess(`
      const { createApiErrorStore } = await import(${store});
      const { report } = await import(${report});
      const { ApiError } = await import(${core});
      const state = createApiErrorStore();
      const error = new ApiError({ kind: 'rate_limited', status: 429, message: 'slow down', retryable: true, request: { method: 'GET', url: 'https://api.other.example/x' } });
      const toast = report(state, error, { now: 0, retrying: true });
      return { kind: toast?.error.kind, message: toast?.error.message, windows: Object.keys(state.getState().rateLimits) };
    `);
    expect(JSON.parse(printed)).toEqual({ kind: 'rate_limited', message: 'slow down', windows: ['https://api.other.example'] });
  });

  it('resolves an unknown api name to no window, without throwing', () => {
    const apiRef = pathToFileURL(join(out, 'react/api-ref.js')).href;
    const printed = withoutProcess(`
      const { resolveApiRef } = await import(${JSON.stringify(apiRef)});
      return [resolveApiRef('pumpfunn', []), resolveApiRef('https://API.example', [])];
    `);
    expect(JSON.parse(printed)).toEqual([{ windowKey: null }, { windowKey: 'https://api.example' }]);
  });
});
