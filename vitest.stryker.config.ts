import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The test projects Stryker runs against each mutant (`npm run test:mutation`): the `unit` and
// `component` projects of vitest.config.ts, without the Chromium ones (browser, storybook), which
// are too slow to run once per mutant on a 2-core machine. Keep the two lists below in step with
// vitest.config.ts.
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/core/**/*.test.ts', 'test/store/**/*.test.ts', 'test/msw/**/*.test.ts', 'test/server/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['test/react/**/*.test.{ts,tsx}'],
          setupFiles: ['test/react/setup.ts'],
        },
      },
    ],
  },
});
