// Mutation testing of the framework-free layers (`npm run test:mutation`, not part of `npm test`):
// Stryker changes one operator, literal or branch of src/core or src/store at a time and runs the
// unit and component tests against it; a mutant that no test notices is a behaviour nobody checks.
// https://stryker-mutator.io/docs/stryker-js/configuration/
// Stryker runs Vitest in worker threads, where a test cannot change the time zone by setting
// process.env.TZ (test/core/standards.test.ts reads an asctime date under another zone). Run the
// whole process outside UTC instead; the suite must hold in any zone.
process.env.TZ ??= 'America/New_York';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  // Mutants that do not type-check are counted apart ("CompileError"), not as survivors.
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.stryker.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: ['src/core/**/*.ts', 'src/store/**/*.ts', '!src/**/index.ts'],
  coverageAnalysis: 'perTest',
  // Two cores, shared: one worker per core.
  concurrency: 2,
  // Reuse the results of mutants whose code and tests did not change since the last run.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // The machine is shared and busy: a mutant's run can take several times the dry run's. A generous
  // fixed allowance keeps slow runs from being counted as timeouts (which would count as detected).
  timeoutMS: 20_000,
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
