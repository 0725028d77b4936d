/**
 * The strict pass of the mutation gate: every mutant that the unit gate did not run (excluded by a
 * `// Stryker disable` directive, which hides every mutant of its kind on its line, or a static mutant) is
 * run here, with the directive removed. For each source file: a copy of the project in a temporary directory
 * with that file's directives neutralised (same length, so every mutant keeps its line and column), and
 * StrykerJS (stryker.strict.config.mjs, the unit gate's tests of that file) restricted by `--mutate` line
 * ranges to the lines of the excluded mutants. Results accumulate in .stryker/incremental-strict.json;
 * stamps (the unit gate's stamp of the file and this configuration) in .stryker/stamps-strict.json.
 * `npm run mutation:summary` counts an excluded mutant as equivalent only when the ledger
 * (mutation/equivalent-mutants.json) lists it; every other one counts as killed or undetected by this run.
 *   npm run mutation:strict                          # every simulator file
 *   npm run mutation:strict -- src/linalg/qr.ts ...  # some of them
 *   npm run mutation:strict -- --stale               # the files whose strict stamp is out of date (CI)
 * The unit gate's result of a file must be current (`npm run mutation:files -- FILE` first): its excluded
 * mutants say which lines to mutate.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIRRORED_TESTS, readStamps, stamp } from './mutation-files.ts';

export const STRICT_INCREMENTAL = '.stryker/incremental-strict.json';
export const STRICT_STAMPS = '.stryker/stamps-strict.json';
const UNIT_INCREMENTAL = '.stryker/incremental-unit.json';
const STRICT_CONFIG = 'stryker.strict.config.mjs';
// Not copied: dependencies (linked), version control, results and temporary files.
const NOT_COPIED = new Set(['node_modules', '.git', '.stryker', '.stryker-tmp', 'reports', 'report', 'bench', 'figures-out']);

export interface ReportMutant {
  id: string; mutatorName: string; replacement: string; status: string; statusReason?: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
export interface Incremental { files: Record<string, { mutants: ReportMutant[]; source: string }> }

export const isExcluded = (m: ReportMutant): boolean => m.status === 'Ignored';
export const isStatic = (m: ReportMutant): boolean => /^Static mutant/.test(m.statusReason ?? '');
/**
 * A mutant's identity within one version of a file. The replacement text of a node may carry its leading
 * comments, directives included: they are neutralised on both sides so that the two passes agree.
 */
export const mutantKey = (m: ReportMutant): string =>
  `${m.mutatorName}|${neutralise(m.replacement)}|${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}`;

/** The strict stamp: the unit gate's stamp of the file (file, tests, unit configuration) and this configuration. */
export function strictStamp(file: string): string {
  return createHash('sha256').update(stamp(file)).update('\n').update(readFileSync(STRICT_CONFIG)).digest('hex');
}

export function readJson<T>(path: string, empty: T): T {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : empty;
}

export function strictStaleFiles(): string[] {
  const stamps = readJson<Record<string, string>>(STRICT_STAMPS, {});
  return Object.keys(MIRRORED_TESTS).filter((f) => stamps[f] !== strictStamp(f));
}

/** The source with its `Stryker disable/restore` directives neutralised, every character kept in place. */
export function neutralise(source: string): string {
  return source.replace(/(\/\/|\/\*)(\s?)Stryker (disable|restore)/g, '$1$2strict: $3');
}

/** Whole-line `--mutate` ranges covering the given mutants, adjacent lines merged. */
export function lineRanges(file: string, mutants: readonly ReportMutant[]): string[] {
  const spans = mutants.map((m) => [m.location.start.line, m.location.end.line]).sort((a, b) => a[0] - b[0]);
  const merged: number[][] = [];
  for (const [a, b] of spans) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged.map(([a, b]) => `${file}:${a}-${b}`);
}

function writeStamp(file: string, value: string): void {
  const stamps = readJson<Record<string, string>>(STRICT_STAMPS, {});
  stamps[file] = value;
  const sorted = Object.fromEntries(Object.keys(stamps).sort().map((k) => [k, stamps[k]]));
  writeFileSync(`${STRICT_STAMPS}.tmp`, `${JSON.stringify(sorted, null, 1)}\n`);
  renameSync(`${STRICT_STAMPS}.tmp`, STRICT_STAMPS);
}

function runFile(file: string): boolean {
  const unitStamps = readStamps();
  if (unitStamps[file] !== stamp(file)) {
    process.stderr.write(`mutation-strict: ${file}: the unit gate's result is out of date (npm run mutation:files -- ${file} first)\n`);
    return false;
  }
  const before = strictStamp(file);
  const unit = readJson<Incremental>(UNIT_INCREMENTAL, { files: {} }).files[file];
  const excluded = unit?.mutants.filter(isExcluded) ?? [];
  process.stdout.write(`mutation-strict: ${file}: ${excluded.length} excluded mutant(s) <- ${MIRRORED_TESTS[file].join(', ')}\n`);
  if (excluded.length) {
    const root = process.cwd();
    const copy = mkdtempSync(join(tmpdir(), 'qnn-mutation-strict-'));
    try {
      for (const e of readdirSync(root)) {
        if (!NOT_COPIED.has(e)) cpSync(join(root, e), join(copy, e), { recursive: true });
      }
      symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
      writeFileSync(join(copy, file), neutralise(readFileSync(file, 'utf8')));
      const r = spawnSync('npx', [
        'stryker', 'run', STRICT_CONFIG, '--incrementalFile', resolve(root, STRICT_INCREMENTAL),
        '--mutate', lineRanges(file, excluded).join(','),
      ], { cwd: copy, stdio: 'inherit', env: { ...process.env, QNN_MUTATION_TESTS: MIRRORED_TESTS[file].join(',') } });
      // Stryker exits 1 when the score is below the break threshold; the summary judges that.
      if (r.status !== 0 && r.status !== 1) {
        process.stderr.write(`mutation-strict: ${file}: stryker exited with ${r.status ?? r.signal}\n`);
        return false;
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }
  if (strictStamp(file) !== before) {
    process.stdout.write(`mutation-strict: ${file} or its tests changed during the run; its stamp is not updated\n`);
    return true;
  }
  writeStamp(file, before);
  return true;
}

function main(): void {
  const args = process.argv.slice(2);
  const stale = args.includes('--stale');
  const named = args.filter((a) => a !== '--stale');
  for (const a of named) {
    if (a.startsWith('-') || !MIRRORED_TESTS[a]) {
      process.stderr.write(`mutation-strict: unknown argument ${a} (expected --stale or one of: ${Object.keys(MIRRORED_TESTS).join(', ')})\n`);
      process.exit(2);
    }
  }
  const files = stale ? strictStaleFiles() : named.length ? named : Object.keys(MIRRORED_TESTS);
  if (stale) process.stdout.write(`mutation-strict: ${files.length} file(s) changed since their strict run${files.length ? `: ${files.join(', ')}` : ''}\n`);
  let ok = true;
  for (const f of files) ok = runFile(f) && ok;
  if (!ok) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
