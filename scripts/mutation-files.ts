/**
 * The unit mutation gate, one source file at a time, each tested by its own tests only (the tests that
 * mirror it): fast, and a lower bound on the score with every unit test. Results accumulate in the unit
 * gate's incremental file; `npm run mutation:summary` turns them into report/mutation.md.
 * After each file, its stamp (a hash of the file and of its tests) goes to .stryker/stamps-unit.json, so
 * that `--stale` re-measures exactly the files whose code or tests changed since their last run.
 *   npm run mutation:files                          # every simulator file
 *   npm run mutation:files -- src/linalg/qr.ts ...  # some of them
 *   npm run mutation:files -- --stale               # the files whose stamp is out of date (CI)
 *   npm run mutation:files -- --force FILE ...      # re-test every mutant, not only those whose code or tests changed
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Each simulator file and the tests that cover it directly.
export const MIRRORED_TESTS: Record<string, string[]> = {
  'src/errors.ts': ['test/errors.test.ts'],
  'src/linalg/cmatrix.ts': ['test/linalg/cmatrix.test.ts', 'test/linalg/oracle.test.ts'],
  'src/linalg/eigh.ts': ['test/linalg/eigh.test.ts', 'test/linalg/oracle.test.ts'],
  'src/linalg/expm.ts': ['test/linalg/expm.test.ts', 'test/linalg/oracle.test.ts'],
  'src/linalg/norms.ts': ['test/linalg/norms.test.ts', 'test/linalg/oracle.test.ts'],
  'src/linalg/qr.ts': ['test/linalg/qr.test.ts', 'test/linalg/oracle.test.ts'],
  'src/linalg/lanczos.ts': ['test/linalg/lanczos.test.ts'],
  'src/random/rng.ts': ['test/random/rng.test.ts'],
  'src/random/ensembles.ts': ['test/random/ensembles.test.ts'],
  'src/wasm/kernels.ts': ['test/wasm/**/*.test.ts'],
  'src/integrate/dopri5.ts': ['test/integrate/**/*.test.ts', 'test/mutation/dopri5-error-control.test.ts'],
  'src/dynamics/asymptotic.ts': ['test/dynamics/asymptotic.test.ts', 'test/dynamics/asymptotic-edges.test.ts'],
  'src/dynamics/compressed.ts': ['test/dynamics/compressed.test.ts'],
  'src/dynamics/lowRankExp.ts': ['test/dynamics/lowRankExp.test.ts'],
  'src/dynamics/training.ts': ['test/dynamics/training.test.ts'],
  ...Object.fromEntries(
    ['ansatz', 'compiled', 'delta', 'instance', 'kernels', 'measurement', 'qnn', 'scenarios'].map((f) => [
      `src/model/${f}.ts`, ['test/model/**/*.test.ts', 'test/mutation/kernels.test.ts', 'test/mutation/qnn.test.ts'],
    ]),
  ),
};

export const STAMPS_FILE = '.stryker/stamps-unit.json';
// The gate's own configuration: a change of it re-measures every file.
const CONFIG_FILES = ['stryker.config.mjs', 'stryker.unit.config.mjs', 'vitest.mutation-unit.config.ts'];

/** The files a pattern names: a path, or `dir/**\/*.test.ts` (every .test.ts file under dir). */
function expand(pattern: string): string[] {
  const m = /^(.*)\/\*\*\/\*\.test\.ts$/.exec(pattern);
  if (!m) return [pattern];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.test.ts')) out.push(p);
    }
  };
  walk(m[1]);
  return out.sort();
}

/** Hash of a source file, its tests and the gate's configuration: equal stamps, equal mutation results. */
export function stamp(file: string): string {
  const h = createHash('sha256');
  for (const f of [file, ...MIRRORED_TESTS[file].flatMap(expand), ...CONFIG_FILES]) {
    h.update(`${f}\n`);
    h.update(existsSync(f) ? readFileSync(f) : '(missing)');
  }
  return h.digest('hex');
}

export function readStamps(): Record<string, string> {
  return existsSync(STAMPS_FILE) ? (JSON.parse(readFileSync(STAMPS_FILE, 'utf8')) as Record<string, string>) : {};
}

export function staleFiles(): string[] {
  const stamps = readStamps();
  return Object.keys(MIRRORED_TESTS).filter((f) => stamps[f] !== stamp(f));
}

function main(): void {
  const args = process.argv.slice(2);
  const stale = args.includes('--stale'), force = args.includes('--force');
  const named = args.filter((a) => a !== '--stale' && a !== '--force');
  for (const a of named) {
    if (a.startsWith('-') || !MIRRORED_TESTS[a]) {
      process.stderr.write(`mutation-files: unknown argument ${a} (expected --stale, --force or one of: ${Object.keys(MIRRORED_TESTS).join(', ')})\n`);
      process.exit(2);
    }
  }
  const files = stale ? staleFiles() : named.length ? named : Object.keys(MIRRORED_TESTS);
  if (stale) process.stdout.write(`mutation-files: ${files.length} file(s) changed since their mutation run${files.length ? `: ${files.join(', ')}` : ''}\n`);
  for (const f of files) {
    process.stdout.write(`mutation-files: ${f} <- ${MIRRORED_TESTS[f].join(', ')}\n`);
    const before = stamp(f);
    const r = spawnSync('npx', ['stryker', 'run', 'stryker.unit.config.mjs', '--mutate', f, ...(force ? ['--force'] : [])], {
      stdio: 'inherit',
      env: { ...process.env, QNN_MUTATION_TESTS: MIRRORED_TESTS[f].join(',') },
    });
    // Stryker exits 1 when the total score is below the break threshold; the summary judges that.
    if (r.status !== 0 && r.status !== 1) process.exit(r.status ?? 2);
    if (stamp(f) !== before) {
      process.stdout.write(`mutation-files: ${f} or its tests changed during the run; its stamp is not updated\n`);
      continue;
    }
    const stamps = readStamps();
    stamps[f] = before;
    const sorted = Object.fromEntries(Object.keys(stamps).sort().map((k) => [k, stamps[k]]));
    writeFileSync(`${STAMPS_FILE}.tmp`, `${JSON.stringify(sorted, null, 1)}\n`);
    renameSync(`${STAMPS_FILE}.tmp`, STAMPS_FILE);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
