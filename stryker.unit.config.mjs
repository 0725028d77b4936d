// The fast mutation gate: stryker.config.mjs with the unit tests only (vitest.mutation-unit.config.ts),
// and its own incremental file. Its score is a lower bound on the full configuration's score.
//   npm run mutation:unit                                   # all of the simulator, incremental
//   npm run mutation:unit -- --mutate src/model/compiled.ts # one file
import base from './stryker.config.mjs';

export default {
  ...base,
  vitest: { ...base.vitest, configFile: 'vitest.mutation-unit.config.ts' },
  incrementalFile: '.stryker/incremental-unit.json',
  // A unit test takes well under a second; a mutant that loops forever is cut after 2x its time + 5 s
  // (the full configuration's 20 s spent 6 of the first 10 minutes of src/linalg/qr.ts on timeouts).
  timeoutMS: 5000,
  jsonReporter: { fileName: 'reports/mutation-unit/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation-unit/mutation.html' },
};
