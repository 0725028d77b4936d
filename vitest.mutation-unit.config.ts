// Test selection of the fast mutation gate (stryker.unit.config.mjs): the simulator's unit tests only,
// without the claim specs. Fewer tests can only kill fewer mutants, so a score measured with this
// selection is a lower bound on the score with the full selection (vitest.mutation.config.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/linalg/**/*.test.ts',
      'test/wasm/**/*.test.ts',
      'test/model/**/*.test.ts',
      'test/random/**/*.test.ts',
      'test/integrate/**/*.test.ts',
      'test/dynamics/**/*.test.ts',
      'test/properties/**/*.test.ts',
      'test/mutation/**/*.test.ts',
      'test/errors.test.ts',
    ],
    exclude: ['test/mutation/determinism.test.ts', '**/node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
