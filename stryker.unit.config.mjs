// The fast mutation gate: stryker.config.mjs with the unit tests only (vitest.mutation-unit.config.ts),
// and its own incremental file. Its score is a lower bound on the full configuration's score.
//   npm run mutation:unit                                   # all of the simulator, incremental
//   npm run mutation:unit -- --mutate src/model/compiled.ts # one file
import base from './stryker.config.mjs';

export default {
  ...base,
  vitest: { ...base.vitest, configFile: 'vitest.mutation-unit.config.ts' },
  incrementalFile: '.stryker/incremental-unit.json',
  jsonReporter: { fileName: 'reports/mutation-unit/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation-unit/mutation.html' },
};
