// Test selection for mutation runs (stryker.config.mjs): the simulator's unit tests and the claim
// specs, without the tools' tests (figures, browser, CLI, blueprint) and without subprocess tests,
// which cannot report per-test coverage and only slow every mutant down.
import { defineConfig } from 'vitest/config';
import unit from './vitest.mutation-unit.config.ts';

export default defineConfig({
  test: {
    // the unit gate's selection (vitest.mutation-unit.config.ts) plus the claim specs
    include: [...(unit.test?.include ?? []), 'test/claims/{section-2-3,section-4-b,appendix-c-d,runner,registry}.test.ts'],
    exclude: ['test/mutation/determinism.test.ts', '**/node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
