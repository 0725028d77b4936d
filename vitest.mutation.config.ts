// Test selection for mutation runs (stryker.config.mjs): the simulator's unit tests and the claim
// specs, without the tools' tests (figures, browser, CLI, blueprint) and without subprocess tests,
// which cannot report per-test coverage and only slow every mutant down.
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
      'test/claims/{section-2-3,section-4-b,appendix-c-d,runner,registry}.test.ts',
      'test/mutation/**/*.test.ts',
      'test/errors.test.ts',
    ],
    exclude: ['test/mutation/determinism.test.ts', '**/node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
