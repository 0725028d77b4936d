// StrykerJS mutation testing of the simulator (src/), vitest runner.
//   npm run mutation                                   # incremental: only mutants whose code or tests changed
//   npm run mutation -- --mutate src/model/kernels.ts  # one file
//   npm run mutation:full                              # ignore the incremental file, re-test every mutant
// The claim specs run at the quick budget for mutation runs (QNN_BUDGET=quick); the test runner
// child processes inherit this environment.
process.env.QNN_BUDGET ??= 'quick';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // vitest.mutation.config.ts: the simulator and claim tests only (no figures/browser/CLI tests).
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  // Each mutant runs only the tests that executed its code during the dry run.
  coverageAnalysis: 'perTest',
  // The numerical simulator; the tools (cli, report, figures, blueprint, io) are not mutated.
  mutate: [
    'src/linalg/**/*.ts',
    'src/model/**/*.ts',
    'src/random/**/*.ts',
    'src/integrate/**/*.ts',
    'src/dynamics/**/*.ts',
    'src/wasm/**/*.ts',
    'src/errors.ts',
  ],
  // Mutants in static initialisers (module-level tables) would need a full reload per mutant.
  ignoreStatic: true,
  concurrency: 2,
  incremental: true,
  incrementalFile: '.stryker/incremental.json',
  // The initial run (all tests, with per-test coverage) takes 1-3 min on a busy 2-core machine.
  dryRunTimeoutMinutes: 20,
  timeoutMS: 20000,
  timeoutFactor: 2,
  thresholds: { high: 95, low: 90, break: 90 },
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  // Stryker copies the project into .stryker-tmp/sandbox-*; node_modules is symlinked, not copied.
  ignorePatterns: ['report', 'reports', 'bench', '.stryker', 'figures-out', '*.log'],
};
