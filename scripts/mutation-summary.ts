/**
 * The mutation score of the simulator, file by file: report/mutation.md. Two scores:
 * - the unit gate's (.stryker/incremental-unit.json, `npm run mutation:files`): mutants excluded in the source
 *   by a `// Stryker disable` directive, and static mutants, are left out;
 * - the strict score, which the CI gate checks: every excluded mutant counts, as killed or undetected by the
 *   strict pass (.stryker/incremental-strict.json, `npm run mutation:strict`: run with the directive removed),
 *   unless the equivalent-mutant ledger (mutation/equivalent-mutants.json) lists it.
 *   npm run mutation:summary            # writes report/mutation.md
 *   npm run mutation:summary -- --check # exits 1 when the strict score is below the break threshold, a file or its
 *                                       # tests changed since its unit or strict run, an excluded mutant is
 *                                       # unmeasured, or a ledger entry is killed or matches no mutant
 *   npm run mutation:summary -- --candidates  # prints, as ledger entries, the undetected excluded mutants that
 *                                             # the ledger does not list (to be judged one by one, not pasted)
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { MIRRORED_TESTS, staleFiles } from './mutation-files.ts';
import { type LedgerEntry, lineText, matchLedger, readLedger } from './mutation-ledger.ts';
import {
  type Incremental, isExcluded, isStatic, mutantKey, type ReportMutant, readJson, STRICT_INCREMENTAL, strictStaleFiles,
} from './mutation-strict.ts';

const BREAK = 95;
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const score = (detected: number, undetected: number): number =>
  detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected);
const oneLine = (s: string, n = 70): string => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 3)}...` : t;
};
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/`/g, "'");

/** The reason a directive gives for an excluded mutant (Stryker's status reason), or "static". */
const exclusionReason = (m: ReportMutant): string => (isStatic(m) ? 'static mutant (module-level initialiser)' : m.statusReason ?? '');

export interface Summary {
  markdown: string; unitScore: number; strictScore: number;
  problems: string[]; candidates: LedgerEntry[];
}

export function summarise(
  unit: Incremental, strict: Incremental, ledger: readonly LedgerEntry[], stale: readonly string[], strictStale: readonly string[],
): Summary {
  const rows: string[] = [], survived: string[] = [], strictSurvived: string[] = [], equivalent: string[] = [];
  const problems: string[] = [], candidates: LedgerEntry[] = [];
  let det = 0, undet = 0, excluded = 0, sKilled = 0, sUndet = 0, sEq = 0, sMissing = 0, staticCount = 0, unreachable = 0;
  const files = Object.keys(MIRRORED_TESTS).sort();
  for (const e of ledger) if (!files.includes(e.file)) problems.push(`ledger entry ${e.file}:${e.line} names a file outside the simulator`);
  for (const file of files) {
    const fileLedger = ledger.filter((e) => e.file === file);
    if (!unit.files[file]) {
      rows.push(`| ${file} | not measured | | | | | | | | |`);
      problems.push(`${file} was never measured (npm run mutation:files -- ${file})`);
      continue;
    }
    const { mutants, source } = unit.files[file];
    const lines = source.split('\n');
    const strictByKey = new Map((strict.files[file]?.mutants ?? []).map((m) => [mutantKey(m), m]));
    const count = (pred: (m: ReportMutant) => boolean): number => mutants.filter(pred).length;
    const d = count((m) => DETECTED.has(m.status)), u = count((m) => UNDETECTED.has(m.status));
    const ex = mutants.filter(isExcluded);
    const st = ex.filter(isStatic).length;
    const { matched, unmatched } = matchLedger(fileLedger, ex, source);
    for (const e of unmatched) problems.push(`ledger entry ${file}:${e.line} ${e.mutator} '${e.replacement}' matches no excluded mutant (stale entry?)`);
    let k = 0, su = 0, eq = 0, missing = 0;
    ex.forEach((m, i) => {
      const r = strictByKey.get(mutantKey(m));
      const entry = matched.get(i);
      const where = `${file}:${m.location.start.line}`;
      const what = `${m.mutatorName} \`${cell(oneLine(m.replacement, 50))}\``;
      if (entry && r && DETECTED.has(r.status)) {
        problems.push(`ledger entry ${where} ${m.mutatorName} '${oneLine(m.replacement, 50)}' is killed by the strict pass: not equivalent, remove it`);
      }
      if (entry && !(r && DETECTED.has(r.status))) {
        eq++;
        if (entry.class === 'unreachable') unreachable++;
        equivalent.push(`| ${where} | ${what} | ${entry.class} | \`${cell(oneLine(entry.code, 60))}\` | ${cell(oneLine(entry.reason, 160))} |`);
      } else if (!r || !(DETECTED.has(r.status) || UNDETECTED.has(r.status))) {
        missing++;
        su++;
        strictSurvived.push(`| ${where} | ${what} | not measured${r ? ` (${r.status})` : ''} | \`${cell(oneLine(lines[m.location.start.line - 1] ?? '', 80))}\` |`);
      } else if (DETECTED.has(r.status)) {
        k++;
      } else {
        su++;
        strictSurvived.push(`| ${where} | ${what} | ${r.status} | \`${cell(oneLine(lines[m.location.start.line - 1] ?? '', 80))}\` |`);
        candidates.push({
          file, line: m.location.start.line, column: m.location.start.column, endColumn: m.location.end.column, mutator: m.mutatorName, replacement: m.replacement,
          code: lineText(source, m), class: 'equivalent', reason: exclusionReason(m),
        });
      }
    });
    if (missing) problems.push(`${file}: ${missing} excluded mutant(s) not measured by the strict pass (npm run mutation:strict -- ${file})`);
    det += d; undet += u; excluded += ex.length; staticCount += st;
    sKilled += k; sUndet += su; sEq += eq; sMissing += missing;
    const mark = stale.includes(file) ? ' (changed since its unit run)' : strictStale.includes(file) ? ' (changed since its strict run)' : '';
    rows.push(`| ${file}${mark} | ${mutants.length} | ${d} | ${u} | ${ex.length - st} + ${st} | ${score(d, u).toFixed(1)} | ${k} | ${su} | ${eq} | ${score(d + k, u + su).toFixed(1)} |`);
    for (const m of mutants) {
      if (UNDETECTED.has(m.status)) {
        survived.push(`| ${file}:${m.location.start.line} | ${m.mutatorName} \`${cell(oneLine(m.replacement, 50))}\` | \`${cell(oneLine(lines[m.location.start.line - 1] ?? '', 90))}\` |`);
      }
    }
  }
  for (const f of stale) problems.push(`${f} or its tests changed since its unit mutation run (npm run mutation:files -- ${f})`);
  for (const f of strictStale) if (!stale.includes(f)) problems.push(`${f} or its tests changed since its strict mutation run (npm run mutation:strict -- ${f})`);
  const unitScore = score(det, undet), strictScore = score(det + sKilled, undet + sUndet);
  const floor = score(det, undet + excluded);
  const markdown = [
    '# Mutation score of the simulator',
    '',
    'Generated by `npm run mutation:summary`. StrykerJS over the simulator, each file mutated alone and tested by the',
    'unit tests that mirror it (the map in `scripts/mutation-files.ts`), so a lower bound on the score with every test.',
    'Score = detected / (detected + undetected); detected = killed or timed out; undetected = survived or not covered.',
    '',
    `**Strict score (the CI gate, break threshold ${BREAK}%): ${strictScore.toFixed(1)}%** (${det + sKilled} detected,`,
    `${undet + sUndet} undetected, ${sEq} left out by the ledger: ${sEq - unreachable} equivalent, ${unreachable} unreachable by a test).`,
    `Unit-gate score (directives and static mutants left out): ${unitScore.toFixed(1)}% (${det} detected, ${undet} undetected,`,
    `${excluded} excluded); counting every excluded mutant as undetected instead: ${floor.toFixed(1)}%.`,
    '',
    'A `// Stryker disable next-line <kind>: <reason>` directive excludes every mutant of that kind on its line, not only',
    'the equivalent one, and static mutants (module-level initialisers) are not run by the unit gate (`ignoreStatic`).',
    'The strict pass (`npm run mutation:strict`) runs every excluded mutant on a copy of the project with the file\'s',
    'directives neutralised, with static mutants on. The strict score counts an excluded mutant as equivalent only when',
    'the ledger `mutation/equivalent-mutants.json` lists it (file, line, columns, mutator, replacement, line text, class, reason;',
    'class `equivalent`: same results on every input; `unreachable`: differs only on inputs no test can produce, such',
    'as an event of probability below 2^-50 or a 4 GiB allocation failure); every other one counts as killed or',
    'undetected by the strict pass. A ledger entry that the strict pass kills, or that matches no mutant, fails the gate.',
    '',
    'A file marked "changed since" was edited, or its tests were, after its run: its numbers are out of date until',
    '`npm run mutation:files -- --stale` and `npm run mutation:strict -- --stale` re-measure it.',
    '',
    '| file | mutants | detected | undetected | excluded (directive + static) | unit score % | strict pass: killed | strict pass: undetected | in the ledger | strict score % |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    `| **total** | | ${det} | ${undet} | ${excluded - staticCount} + ${staticCount} | ${unitScore.toFixed(1)} | ${sKilled} | ${sUndet} | ${sEq} | ${strictScore.toFixed(1)} |`,
    '',
    ...(problems.length ? ['## Problems (the gate fails on these)', '', ...problems.map((p) => `- ${p}`), ''] : []),
    `## Surviving mutants of the unit gate (${survived.length})`,
    '',
    survived.length ? '| where | mutant | line |\n|---|---|---|\n' + survived.join('\n') : 'None.',
    '',
    `## Excluded mutants undetected by the strict pass and not in the ledger (${strictSurvived.length}${sMissing ? `, ${sMissing} not measured` : ''})`,
    '',
    strictSurvived.length ? '| where | mutant | status | line |\n|---|---|---|---|\n' + strictSurvived.join('\n') : 'None.',
    '',
    `## Equivalent mutants (the ledger, ${equivalent.length} matched)`,
    '',
    equivalent.length ? '| where | mutant | class | line | reason |\n|---|---|---|---|---|\n' + equivalent.join('\n') : 'None.',
    '',
  ].join('\n');
  return { markdown, unitScore, strictScore, problems, candidates };
}

function main(): void {
  const args = process.argv.slice(2);
  for (const a of args) {
    if (a !== '--check' && a !== '--candidates') {
      process.stderr.write(`mutation-summary: unknown argument ${a} (expected --check or --candidates)\n`);
      process.exit(2);
    }
  }
  const unit = JSON.parse(readFileSync('.stryker/incremental-unit.json', 'utf8')) as Incremental;
  const strict = readJson<Incremental>(STRICT_INCREMENTAL, { files: {} });
  const s = summarise(unit, strict, readLedger(), staleFiles(), strictStaleFiles());
  if (args.includes('--candidates')) {
    process.stdout.write(`${JSON.stringify(s.candidates, null, 1)}\n`);
    return;
  }
  writeFileSync('report/mutation.md.tmp', s.markdown);
  renameSync('report/mutation.md.tmp', 'report/mutation.md');
  process.stdout.write(`mutation score: strict ${s.strictScore.toFixed(1)}%, unit gate ${s.unitScore.toFixed(1)}% -> report/mutation.md\n`);
  if (!args.includes('--check')) return;
  let ok = s.strictScore >= BREAK;
  if (!ok) process.stderr.write(`mutation-summary: strict score ${s.strictScore.toFixed(1)}% is below the break threshold ${BREAK}%\n`);
  for (const p of s.problems) {
    process.stderr.write(`mutation-summary: ${p}\n`);
    ok = false;
  }
  if (!ok) process.exit(1);
}

main();
