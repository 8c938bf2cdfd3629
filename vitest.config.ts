import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { componentProject, unitProject } from './vitest.projects.ts';

// Debian's Chromium: Playwright's own browser download cannot work on these machines.
// As root it needs --no-sandbox; the other flags keep it off the (closed) network.
const chromium = () => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  }),
  instances: [{ browser: 'chromium' as const }],
  // __screenshots__ holds the committed visual baselines only (test/browser/toast-visual);
  // a failed toMatchScreenshot writes its actual and diff images to .vitest-attachments.
  screenshotFailures: false,
});

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      unitProject({ packaging: true }),
      componentProject,
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          // A real API on another origin (127.0.0.1) than the page (localhost), for the CORS tests.
          globalSetup: ['test/browser/cross-origin-api.ts'],
          browser: chromium(),
        },
      },
      {
        // Every story with a play function runs as a test in Chromium.
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: chromium(),
        },
      },
    ],
  },
});
