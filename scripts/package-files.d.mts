// Types of package-files.mjs, for the unit tests that import it.
export interface DeclaredFile {
  /** Where package.json names it, e.g. `exports["./core"].types`. */
  where: string;
  /** The condition or field naming it (`types`, `default`, `import`, `module`, …). */
  condition: string;
  /** As npm lists it: `dist/core.js`. */
  path: string;
}

export interface PublicEntry {
  subpath: string;
  /** What an app imports: `faultline`, `faultline/core`. */
  specifier: string;
  js: string[];
  types: string[];
  other: string[];
}

export interface PackageJson {
  name: string;
  exports?: unknown;
  main?: string;
  module?: string;
  types?: string;
  typings?: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export function declaredFiles(pkg: PackageJson): DeclaredFile[];
export function publicEntries(pkg: PackageJson): PublicEntry[];
export function tarballProblems(pkg: PackageJson, files: readonly string[], read: (path: string) => string | null): string[];
