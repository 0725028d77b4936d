/**
 * The unit mutation gate, one source file at a time, each tested by its own tests only (the tests that
 * mirror it): fast, and a lower bound on the score with every unit test. Results accumulate in the unit
 * gate's incremental file; `npm run mutation:summary` turns them into report/mutation.md.
 *   npm run mutation:files                          # every simulator file
 *   npm run mutation:files -- src/linalg/qr.ts ...  # some of them
 */
import { spawnSync } from 'node:child_process';

// Each simulator file and the tests that cover it directly.
export const MIRRORED_TESTS: Record<string, string[]> = {
  'src/errors.ts': ['test/errors.test.ts'],
  'src/linalg/cmatrix.ts': ['test/linalg/cmatrix.test.ts', 'test/linalg/oracle.test.ts'],
  'src/linalg/eigh.ts': ['test/linalg/eigh.test.ts', 'test/linalg/oracle.test.ts'],
  'src/linalg/expm.ts': ['test/linalg/expm.test.ts', 'test/linalg/oracle.test.ts'],
  'src/linalg/norms.ts': ['test/linalg/norms.test.ts', 'test/linalg/oracle.test.ts'],
  'src/linalg/qr.ts': ['test/linalg/qr.test.ts', 'test/linalg/oracle.test.ts'],
  'src/random/rng.ts': ['test/random/rng.test.ts'],
  'src/random/ensembles.ts': ['test/random/ensembles.test.ts'],
  'src/wasm/kernels.ts': ['test/wasm/**/*.test.ts'],
  'src/integrate/dopri5.ts': ['test/integrate/**/*.test.ts', 'test/mutation/dopri5-error-control.test.ts'],
  'src/dynamics/asymptotic.ts': ['test/dynamics/asymptotic.test.ts'],
  'src/dynamics/lowRankExp.ts': ['test/dynamics/asymptotic.test.ts'],
  'src/dynamics/training.ts': ['test/dynamics/training.test.ts'],
  ...Object.fromEntries(
    ['ansatz', 'compiled', 'instance', 'kernels', 'measurement', 'qnn', 'scenarios'].map((f) => [
      `src/model/${f}.ts`, ['test/model/**/*.test.ts', 'test/mutation/kernels.test.ts', 'test/mutation/qnn.test.ts'],
    ]),
  ),
};

function main(): void {
  const args = process.argv.slice(2);
  const files = args.length ? args : Object.keys(MIRRORED_TESTS);
  for (const f of files) {
    if (!MIRRORED_TESTS[f]) {
      process.stderr.write(`mutation-files: no tests mapped for ${f} (known: ${Object.keys(MIRRORED_TESTS).join(', ')})\n`);
      process.exit(2);
    }
  }
  for (const f of files) {
    process.stdout.write(`mutation-files: ${f} <- ${MIRRORED_TESTS[f].join(', ')}\n`);
    const r = spawnSync('npx', ['stryker', 'run', 'stryker.unit.config.mjs', '--mutate', f], {
      stdio: 'inherit',
      env: { ...process.env, QNN_MUTATION_TESTS: MIRRORED_TESTS[f].join(',') },
    });
    // Stryker exits 1 when the file scores below the break threshold; go on with the next file.
    if (r.status !== 0 && r.status !== 1) process.exit(r.status ?? 2);
  }
}

main();
