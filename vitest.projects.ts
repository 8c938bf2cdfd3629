import type { TestProjectInlineConfiguration } from 'vitest/config';

// The Node and jsdom test projects, shared by vitest.config.ts (`npm test`) and
// vitest.stryker.config.ts (`npm run test:mutation`), so the tests Stryker runs against each mutant
// are the tests `npm test` runs, defined once.

/** test/scripts checks the packed package and the README snippets: packaging, not behaviour. */
const PACKAGING_TESTS = 'test/scripts/**/*.test.ts';

/** The Node project; `packaging: false` leaves out the packaging checks (Stryker has no use for them). */
export function unitProject({ packaging }: { packaging: boolean }): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name: 'unit',
      environment: 'node',
      include: [
        'test/core/**/*.test.ts',
        'test/store/**/*.test.ts',
        ...(packaging ? [PACKAGING_TESTS] : []),
        'test/chain/**/*.test.ts',
        'test/msw/**/*.test.ts',
        'test/server/**/*.test.{ts,tsx}',
      ],
    },
  };
}

/** The React tests in jsdom. */
export const componentProject: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: 'component',
    environment: 'jsdom',
    include: ['test/react/**/*.test.{ts,tsx}'],
    setupFiles: ['test/react/setup.ts'],
  },
};
