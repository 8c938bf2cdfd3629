// The package as users get it (`npm run check`, part of `npm test`). Packs the working tree once
// (prepack builds it), then: the tarball's files against package.json; publint and Are The Types
// Wrong on the tarball; a fresh app with React 19, React Query 5 and msw 2 that installs it,
// imports every subpath in Node (the React entry through a server render) and type-checks, strict,
// a file importing every subpath with types plus the README's quick starts; and the React 18
// smoke on the same tarball. Prints "N passed, N failed" and exits non-zero on any failure.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConsumerProject, installedVersion, ownPackage, packFaultline, root, temporaryDirectory } from './consumer-project.mjs';
import { publicEntries, tarballProblems } from './package-files.mjs';
import { runReact18Smoke } from './react18-smoke.mjs';
import { quickStarts } from './readme-quick-starts.mjs';

/** The app's own packages: the majors faultline promises, at the versions the repository develops against. */
const APP_PACKAGES = { react: 19, 'react-dom': 19, '@tanstack/react-query': 5, msw: 2, '@types/react': 19, '@types/react-dom': 19 };

/**
 * A strict app's compiler settings, as in Vite's react-ts template. skipLibCheck as apps set it:
 * other packages' declarations are theirs to fix (react-hot-toast's goober fails without it);
 * that faultline's declarations import only installable packages is checked on the tarball.
 */
const STRICT_APP_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    module: 'ESNext',
    moduleResolution: 'bundler',
    moduleDetection: 'force',
    jsx: 'react-jsx',
    strict: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    noFallthroughCasesInSwitch: true,
    skipLibCheck: true,
    types: [],
    noEmit: true,
  },
  include: ['src'],
};

const results = [];
const started = performance.now();
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Runs one step; a step that throws fails (its output has already gone to the console). */
function step(name, run) {
  const since = performance.now();
  try {
    const detail = run();
    results.push([name, true]);
    console.log(`✓ ${name}${detail ? ` — ${detail}` : ''} (${seconds(since)})`);
    return true;
  } catch (error) {
    results.push([name, false]);
    console.log(`× ${name} (${seconds(since)})`);
    console.log(`  ${String(error instanceof Error ? error.message : error).split('\n').join('\n  ')}`);
    return false;
  }
}

const bin = (name) => join(root, 'node_modules/.bin', name);
/** Runs a tool in the repository, showing its output only when it fails. */
function quietly(command, args) {
  try {
    execFileSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`, { cause: error });
  }
}

const pkg = ownPackage();
const entries = publicEntries(pkg);
const work = temporaryDirectory('faultline-pack-');
let app = null;
try {
  let packed = null;
  step('npm pack builds the package (prepack)', () => {
    packed = packFaultline(work.dir);
    return `${packed.files.length} files, ${(packed.size / 1024).toFixed(1)} KiB packed`;
  });
  if (!packed) throw new Error('nothing to check without a tarball');
  const { tarball, files } = packed;
  const unpacked = join(work.dir, 'unpacked');
  mkdirSync(unpacked);
  execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
  const read = (path) => {
    try {
      return readFileSync(join(unpacked, 'package', path), 'utf8');
    } catch {
      return null;
    }
  };

  step('the tarball holds every file package.json names, and nothing stray', () => {
    const problems = tarballProblems(pkg, files, read);
    if (problems.length) throw new Error(problems.join('\n'));
    return entries.map((entry) => entry.subpath).join(', ');
  });
  step('publint --strict', () => quietly(bin('publint'), ['run', tarball, '--strict']));
  const notCode = entries.filter((entry) => entry.js.length === 0 && entry.types.length === 0).map((entry) => entry.subpath);
  step('Are The Types Wrong (esm-only)', () =>
    quietly(bin('attw'), [tarball, '--profile', 'esm-only', '--no-color', ...(notCode.length ? ['--exclude-entrypoints', ...notCode] : [])]),
  );

  const installed = step('a fresh React 19 app installs the tarball', () => {
    // Every peer, optional ones too, so that every subpath can be imported.
    const dependencies = {};
    for (const [name, range] of Object.entries({ ...pkg.peerDependencies, ...APP_PACKAGES })) dependencies[name] = installedVersion(name) ?? String(range);
    for (const [name, major] of Object.entries(APP_PACKAGES)) {
      if (!dependencies[name].startsWith(`${major}.`)) throw new Error(`${name} ${dependencies[name]} in the repository is not major ${major}`);
    }
    app = createConsumerProject({ prefix: 'faultline-app-', dependencies: { ...dependencies, faultline: `file:${tarball}` } });
    return Object.entries(dependencies).map(([name, version]) => `${name}@${version}`).join(' ');
  });
  if (installed && app) {
    const consumer = app;
    step('the app imports every subpath in Node and renders on a server', () => {
      consumer.write('runtime.mjs', runtimeSmoke(entries));
      consumer.run(process.execPath, ['runtime.mjs']);
    });
    step('the app type-checks every subpath and the README quick starts (strict)', () => {
      mkdirSync(join(consumer.dir, 'src'));
      consumer.write('tsconfig.json', JSON.stringify(STRICT_APP_TSCONFIG, null, 2));
      consumer.write('src/entries.ts', typeImports(entries));
      const readme = quickStarts(readFileSync(join(root, 'README.md'), 'utf8'));
      for (const { file, code } of readme) consumer.write(`src/${file}`, code);
      // The repository's TypeScript; the app's own packages supply every declaration.
      consumer.run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
      return ['entries.ts', ...readme.map(({ file }) => file)].join(', ');
    });
  }
  step('React 18 smoke on the same tarball', () => runReact18Smoke(tarball));
} catch (error) {
  results.push(['packed package', false]);
  console.log(`× ${error instanceof Error ? error.message : error}`);
} finally {
  app?.remove();
  work.remove();
}
const failed = results.filter(([, ok]) => !ok).length;
console.log(`packed package: ${results.length - failed} passed, ${failed} failed (${seconds(started)})`);
process.exit(failed ? 1 : 0);

/** A module importing every subpath that has types; an unresolved or untyped one is an error under strict. */
function typeImports(list) {
  const typed = list.filter((entry) => entry.types.length > 0);
  return [
    '// Every public subpath with types, imported as an app would.',
    ...typed.map((entry, index) => `import * as entry${index} from ${JSON.stringify(entry.specifier)};`),
    `export const entries = [${typed.map((_, index) => `entry${index}`).join(', ')}] as const;`,
    '',
  ].join('\n');
}

/** The run-time test, executed inside the app with Node (no window: a server). */
function runtimeSmoke(list) {
  return `
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const entries = ${JSON.stringify(list.map(({ specifier, js }) => ({ specifier, js: js.length > 0 })))};
const results = [];
const check = (name, ok) => results.push([name, Boolean(ok)]);

for (const { specifier, js } of entries) {
  if (js) {
    const module = await import(specifier).catch((error) => (console.error(error), null));
    check(specifier + ' imports in Node with exports', module && Object.keys(module).length > 0);
  } else {
    check(specifier + ' resolves to a shipped file', existsSync(fileURLToPath(import.meta.resolve(specifier))));
  }
}

const React = await import('react');
const { renderToString } = await import('react-dom/server');
const { QueryClient, useQueryClient } = await import('@tanstack/react-query');
const faultline = await import('faultline');
const core = await import('faultline/core');
check('React is 19', React.version.startsWith('19.'));
check('faultline and faultline/core share one ApiError class', faultline.ApiError === core.ApiError);

const response = new Response(JSON.stringify({ error: 'Too Many Requests', message: 'Rate limit exceeded', statusCode: 429 }), { status: 429, headers: { 'retry-after': '2' } });
const error = await core.errorFromResponse(response, { api: 'pumpfun' });
check('faultline/core reads a 429 and its Retry-After', error.kind === 'rate_limited' && error.retryAfterMs === 2000 && faultline.isApiError(error));

const { setupServer } = await import('msw/node');
const { createMockApis } = await import('faultline/msw');
const mock = createMockApis();
const server = setupServer(...mock.handlers);
server.listen({ onUnhandledRequest: 'error' });
try {
  mock.rateLimit('pumpfun', 30);
  const limited = await core.errorFromResponse(await fetch('https://frontend-api-v3.pump.fun/coins/latest'), { profiles: [core.pumpFun] });
  check('faultline/msw answers as pump.fun documents its 429', limited.kind === 'rate_limited' && limited.api === 'pumpfun' && limited.retryAfterMs > 0);
} finally {
  server.close();
}

const h = React.createElement;
const queryClient = new QueryClient();
let clientBelow = null;
function Coins() {
  clientBelow = useQueryClient();
  const coins = faultline.useApiQuery({ queryKey: ['coins'], queryFn: async () => ['PEPE'], api: 'pumpfun' });
  return h('p', null, 'coins ' + coins.status);
}
const html = renderToString(h(faultline.ApiErrorProvider, { queryClient }, h(faultline.ApiErrorBoundary, null, h(Coins)), h(faultline.ApiErrorToaster)));
check('the React entry renders on a server', html.includes('coins pending') && html.includes('aria-live="assertive"'));
check('ApiErrorProvider provides its QueryClient (renders QueryClientProvider)', clientBelow === queryClient);

for (const [name, ok] of results) console.log((ok ? '  ✓ ' : '  × ') + name);
const failed = results.filter(([, ok]) => !ok).length;
console.log('  react 19 app: ' + (results.length - failed) + ' passed, ' + failed + ' failed');
process.exit(failed ? 1 : 0);
`;
}
