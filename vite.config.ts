import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Library build: one ESM file per public entry; peers and dependencies stay external.
const external = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/, /^zustand($|\/)/, /^msw($|\/)/];

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: true,
    minify: false,
    lib: {
      entry: { index: 'src/index.ts', core: 'src/core/index.ts', msw: 'src/msw/index.ts' },
      formats: ['es'],
      cssFileName: 'styles',
    },
    rolldownOptions: { external },
  },
});
