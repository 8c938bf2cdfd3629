// What the packed package must hold, read from package.json alone so that new entries are
// checked the day they are added: every file `exports` (any subpath, any condition), `module`,
// `main` and `types` name, and nothing besides them and what they import.
import { posix } from 'node:path';

/** Files a package may ship at all; anything else in the tarball is stray. */
const ALLOWED = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^dist\/.+\.(js|css|d\.ts|js\.map)$/];

const JS = /\.(m?js)$/;
const TYPES = /\.d\.(m?ts)$/;

/** `./dist/x.js` → `dist/x.js`, the form npm's file list uses. */
const normal = (target) => posix.normalize(target).replace(/^\.\//, '');

/**
 * Every file package.json names: `[where, path]`, e.g. `['exports["./core"].types', 'dist/types/core/index.d.ts']`.
 * Conditions nest (`{ import: { types, default } }`) and may be arrays of fallbacks.
 */
export function declaredFiles(pkg) {
  const found = [];
  const walk = (value, where, condition) => {
    if (typeof value === 'string') found.push({ where, condition, path: normal(value) });
    else if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${where}[${index}]`, condition));
    else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, `${where}.${key}`, key);
  };
  const exports = pkg.exports;
  if (typeof exports === 'string' || Array.isArray(exports)) walk(exports, 'exports["."]', 'default');
  else if (exports && typeof exports === 'object') {
    const subpaths = Object.keys(exports).some((key) => key.startsWith('.'));
    if (subpaths) for (const [subpath, value] of Object.entries(exports)) walk(value, `exports[${JSON.stringify(subpath)}]`, 'default');
    else walk(exports, 'exports["."]', 'default');
  }
  for (const field of ['main', 'module', 'types', 'typings']) if (typeof pkg[field] === 'string') walk(pkg[field], field, field);
  return found;
}

/** The public subpaths (`.`, `./core`, …) with their JS and types targets; patterns (`./*`) are skipped. */
export function publicEntries(pkg) {
  const entries = new Map();
  for (const { where, condition, path } of declaredFiles(pkg)) {
    const match = /^exports\["(.+?)"\]/.exec(where);
    if (!match || match[1].includes('*')) continue;
    const subpath = match[1];
    const entry = entries.get(subpath) ?? { subpath, specifier: subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`, js: [], types: [], other: [] };
    if (condition === 'types' || TYPES.test(path)) entry.types.push(path);
    else if (JS.test(path)) entry.js.push(path);
    else entry.other.push(path);
    entries.set(subpath, entry);
  }
  return [...entries.values()];
}

/** Relative imports of a module: `import`/`export … from`, bare `import '…'`, dynamic `import()`. */
function relativeImports(source) {
  const found = new Set();
  const patterns = [/\b(?:import|export)\s[^'";]*?\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g, /\bimport\s*["'](\.{1,2}\/[^"']+)["']/g, /\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

/**
 * Packages a module imports: static imports and re-exports at the start of a line (as bundlers
 * and tsc write them, so text inside strings is not mistaken for one) and `import("…")` anywhere.
 */
function packageImports(source) {
  const found = new Set();
  const patterns = [/^(?:import|export)\s[^'";]*?\bfrom\s*["']([^."'/][^"']*)["']/gm, /^import\s*["']([^."'/][^"']*)["']/gm, /\bimport\(\s*["']([^."'/][^"']*)["']\s*\)/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** Files reachable from `roots` by relative imports (bundler output: imports carry their extension). */
function reachable(roots, read, has) {
  const seen = new Set();
  const queue = roots.filter(has);
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of relativeImports(read(file) ?? '')) {
      const target = posix.join(posix.dirname(file), specifier);
      if (has(target) && !seen.has(target)) queue.push(target);
    }
  }
  return seen;
}

/**
 * What is wrong with a packed file list, as sentences (empty when nothing is). `read(path)` gives
 * a packed file's text (JS, declarations and maps are read to follow imports and check source maps).
 */
export function tarballProblems(pkg, files, read) {
  const problems = [];
  const shipped = new Set(files.map(normal));
  const has = (path) => shipped.has(path);

  for (const { where, path } of declaredFiles(pkg)) {
    if (!has(path)) problems.push(`${where} names ${path}, which is not in the tarball`);
  }
  for (const entry of publicEntries(pkg)) {
    if (entry.js.length > 0 && entry.types.length === 0) problems.push(`exports["${entry.subpath}"] has JavaScript but no "types"`);
    for (const path of entry.types) if (!TYPES.test(path)) problems.push(`exports["${entry.subpath}"] types ${path} is not a .d.ts file`);
  }
  for (const path of shipped) if (!ALLOWED.some((pattern) => pattern.test(path))) problems.push(`stray file in the tarball: ${path}`);

  // Every JS file is an entry or imported by one: a worker script, a test or an old chunk that
  // nothing loads is stray even though its extension is allowed. Declarations are not held to
  // this: tsc emits one per source module, also for internals no public type mentions.
  const declared = declaredFiles(pkg).map(({ path }) => path);
  const jsReached = reachable(declared.filter((path) => JS.test(path)), read, has);
  for (const path of shipped) {
    if (JS.test(path) && !jsReached.has(path)) problems.push(`stray file in the tarball: ${path} (no entry imports it)`);
    if (TYPES.test(path) && /\.(test|spec|stories)\.d\.m?ts$/.test(path)) problems.push(`stray file in the tarball: ${path} (a test's or story's declarations)`);
    if (path.endsWith('.css') && !declared.includes(path)) problems.push(`stray file in the tarball: ${path} (not exported)`);
  }

  // A shipped module may import only what an app installs with faultline: a package missing from
  // dependencies and peerDependencies (a devDependency left external) fails in the app, and in
  // declarations it silently turns into `any` under skipLibCheck.
  const installable = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
  for (const path of shipped) {
    if (!JS.test(path) && !TYPES.test(path)) continue;
    for (const specifier of packageImports(read(path) ?? '')) {
      if (!installable.has(packageName(specifier))) problems.push(`${path} imports "${specifier}", which package.json lists in neither dependencies nor peerDependencies`);
    }
  }

  // Source maps ship only beside the file they map, and carry their sources (src/ is not shipped).
  for (const path of shipped) {
    if (!path.endsWith('.js.map')) continue;
    const js = path.slice(0, -'.map'.length);
    if (!has(js)) {
      problems.push(`stray file in the tarball: ${path} (its ${js} is not shipped)`);
      continue;
    }
    if (!(read(js) ?? '').includes(`//# sourceMappingURL=${posix.basename(path)}`)) problems.push(`${js} does not point to ${path}`);
    let map;
    try {
      map = JSON.parse(read(path) ?? '');
    } catch {
      problems.push(`${path} is not JSON`);
      continue;
    }
    const sources = Array.isArray(map.sources) ? map.sources.length : 0;
    const contents = Array.isArray(map.sourcesContent) ? map.sourcesContent.filter((text) => typeof text === 'string').length : 0;
    if (contents < sources) problems.push(`${path} maps ${sources} sources but carries ${contents}: the rest point to files that are not shipped`);
  }
  return problems;
}
