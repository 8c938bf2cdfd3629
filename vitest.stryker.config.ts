import react from '@vitejs/plugin-react';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import { componentProject, unitProject } from './vitest.projects.ts';

// Stryker stops a mutant's run at the first failing test. Running the fast Node tests first and the
// jsdom ones (and the 400-case property suite) last means most mutants are caught before the slow
// files start: on the shared 2-core machine that roughly halves a run.
const SLOW = (file: TestSpecification) => (file.project.name === 'component' ? 2 : file.moduleId.endsWith('properties.test.ts') ? 1 : 0);
class FastFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return sorted.map((file, index) => ({ file, index })).sort((a, b) => SLOW(a.file) - SLOW(b.file) || a.index - b.index).map(({ file }) => file);
  }
}

// The test projects Stryker runs against each mutant (`npm run test:mutation`): the `unit` and
// `component` projects of vitest.config.ts (shared through vitest.projects.ts), without the
// packaging checks and the Chromium projects (browser, storybook), which are too slow to run once
// per mutant on a 2-core machine.
export default defineConfig({
  plugins: [react()],
  test: {
    sequence: { sequencer: FastFirst },
    // One test at a time on a busy machine: the 400-case property suites can pass 5 s.
    testTimeout: 30_000,
    projects: [unitProject({ packaging: false }), componentProject],
  },
});
