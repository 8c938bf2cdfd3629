import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { transformSync } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';

// The stylesheet ships minified as a file users import (`faultline/styles.css`); no JS entry
// imports it, so nothing is injected into the page at import time (CSP-safe).
const emitStyles: Plugin = {
  name: 'faultline:emit-styles',
  apply: 'build',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'styles.css', source: transformSync(readFileSync('src/styles.css', 'utf8'), { loader: 'css', minify: true }).code });
  },
};

// Library build: one ESM file per source module (`preserveModules`), so that an app's bundler can
// drop, with `sideEffects`, every module its imports do not reach; in one chunk per entry nothing
// can be dropped but unused declarations, and module-level calls keep even those (the size review,
// ../shared/reviews/architecture-and-size-63b9d4c.md §2.4). Peers and dependencies stay external.
const external = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/, /^zustand($|\/)/, /^msw($|\/)/, /^sonner($|\/)/, /^react-hot-toast($|\/)/];

export default defineConfig({
  plugins: [react(), emitStyles],
  // public/ holds the MSW worker for Storybook (served through its staticDirs); the package
  // must not ship it, and Vite copies publicDir into dist/ by default.
  publicDir: false,
  build: {
    target: 'es2022',
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        core: 'src/core/index.ts',
        msw: 'src/msw/index.ts',
        chain: 'src/chain/index.ts',
        // Adapters to toasters an app already has; each toaster is an optional peer.
        sonner: 'src/sonner/index.tsx',
        'react-hot-toast': 'src/react-hot-toast/index.tsx',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external,
      // dist/ mirrors src/: src/core/index.ts → dist/core/index.js (package.json `exports`).
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
});
