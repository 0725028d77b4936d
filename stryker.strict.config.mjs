// The strict pass of the mutation gate (scripts/mutation-strict.ts): the unit gate's configuration run on a
// copy of the project whose `// Stryker disable` directives are neutralised, restricted by `--mutate` ranges to
// the mutants that the unit gate excluded (by a directive, or as static mutants). Static mutants are run
// here (`ignoreStatic: false`): each one reloads the module and runs every test of the file.
// Its own incremental file, passed on the command line as an absolute path by the script.
import unit from './stryker.unit.config.mjs';

export default {
  ...unit,
  ignoreStatic: false,
  jsonReporter: { fileName: 'reports/mutation-strict/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation-strict/mutation.html' },
  reporters: ['clear-text', 'progress', 'json'],
};
