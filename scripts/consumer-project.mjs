// A temporary app that installs faultline the way a user does: from the tarball `npm pack` makes
// of the working tree, beside the packages the app chooses. Shared by the packed-package check
// (React 19) and the React 18 smoke, which need separate trees: npm cannot hold two Reacts in one.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');

/** The repository's package.json. */
export function ownPackage() {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
}

/** The version of a package installed in the repository (the one faultline is developed against), or null. */
export function installedVersion(name) {
  const file = join(root, 'node_modules', name, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : null;
}

/** A fresh directory under the system's temp dir, removed by `remove()`. */
export function temporaryDirectory(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Packs the working tree into `destination` and returns the tarball's path and file list.
 * dist/ is removed first, so the tarball holds only what `prepack` builds: a package that
 * would ship without code from a clean checkout fails here instead of passing on an old build.
 */
export function packFaultline(destination) {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  // Background scripts: prepack's build log would otherwise land in the middle of the JSON.
  const output = execFileSync('npm', ['pack', '--json', '--foreground-scripts=false', '--pack-destination', destination], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  const [result] = JSON.parse(output);
  return { tarball: join(destination, result.filename), files: result.files.map((file) => file.path), size: result.size };
}

/**
 * A project in a temp dir with `dependencies` (name → version or spec) installed, faultline
 * among them as `file:<tarball>`. Install scripts are not run (as npm 11 does by default);
 * `--prefer-offline` takes what npm's cache already holds from the repository's own install.
 */
export function createConsumerProject({ prefix, dependencies }) {
  const { dir, remove } = temporaryDirectory(prefix);
  try {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'faultline-consumer', private: true, type: 'module', dependencies }, null, 2));
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  } catch (error) {
    remove();
    throw error;
  }
  return {
    dir,
    remove,
    write: (file, text) => writeFileSync(join(dir, file), text),
    /** Runs a command in the project; its output goes to this process's. Throws when it fails. */
    run: (command, args) => execFileSync(command, args, { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] }),
  };
}
