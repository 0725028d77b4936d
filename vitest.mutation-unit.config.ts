// Test selection of the fast mutation gate (stryker.unit.config.mjs): the simulator's unit tests only,
// without the claim specs. Fewer tests can only kill fewer mutants, so a score measured with this
// selection is a lower bound on the score with the full selection (vitest.mutation.config.ts).
// QNN_MUTATION_TESTS (comma-separated globs) narrows it further to one source file's own tests
// (scripts/mutation-files.ts sets it): still a lower bound.
import { defineConfig } from 'vitest/config';

const UNIT_TESTS = [
  'test/linalg/**/*.test.ts',
  'test/wasm/**/*.test.ts',
  'test/model/**/*.test.ts',
  'test/random/**/*.test.ts',
  'test/integrate/**/*.test.ts',
  'test/dynamics/**/*.test.ts',
  'test/properties/**/*.test.ts',
  'test/mutation/**/*.test.ts',
  'test/errors.test.ts',
];
const narrowed = process.env.QNN_MUTATION_TESTS?.split(',').map((s) => s.trim()).filter(Boolean);

export default defineConfig({
  test: {
    include: narrowed?.length ? narrowed : UNIT_TESTS,
    exclude: ['test/mutation/determinism.test.ts', '**/node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
