declare const process: { env: { NODE_ENV?: string } };

/**
 * Whether development warnings should show. Bundlers (Vite, webpack, esbuild) replace the literal
 * `process.env.NODE_ENV` textually, so it must stay written out here: a `typeof process` guard
 * would read false in a Vite app, where `process` does not exist at run time, and hide every
 * warning. In an ES module loaded without a bundler (a plain `<script type="module">`) nothing
 * replaced it and `process` is undefined: reading it throws, and that must not turn the failure
 * being reported into another one. Then there are no warnings.
 */
export function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
}
