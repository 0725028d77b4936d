/** The CLI's commands over the one claim registry. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { QnnInputError } from '../errors.ts';
import { DEFAULT_SEED, isExpected, runClaim, type BudgetName } from '../claims/runner.ts';
import type { ClaimResult } from '../claims/types.ts';
import { buildReport, toJson, writeAtomic, type VerificationReport } from '../report/report.ts';
import { renderMarkdown, fmt } from '../report/markdown.ts';
import { renderHtml } from '../report/html.ts';
import { renderBlueprint } from '../report/blueprint.ts';
import { claimById, claims } from '../../theorems/index.ts';
import { evalCommand, sampleCommand } from './instance-commands.ts';
import { figuresCommand } from './figures-command.ts';
import { figuresHtmlSections } from '../figures/report.ts';
import { exportSearched, loadSearchedInstance, replaySearched } from '../search/replay.ts';
import { costHintFromReport, runClaimsParallel } from '../claims/pool.ts';

export interface Command {
  options: NonNullable<ParseArgsConfig['options']>;
  positionals: number;
  run: (values: Record<string, string | boolean | undefined>, positionals: string[]) => Promise<number> | number;
}

function intOpt(v: string | boolean | undefined, name: string, min: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n) || n < min) throw new QnnInputError('qnn-verify', `--${name}`, `must be an integer >= ${min} (got ${String(v)})`);
  return n;
}

function budgetOpt(v: string | boolean | undefined): BudgetName {
  const b = (v ?? 'default') as string;
  if (b !== 'quick' && b !== 'default' && b !== 'full') throw new QnnInputError('qnn-verify', '--budget', `must be quick, default or full (got ${b})`);
  return b;
}

function parseShard(v: string | boolean | undefined): { i: number; n: number } | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(String(v));
  const i = m ? Number(m[1]) : NaN, n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || i < 1 || i > n) throw new QnnInputError('qnn-verify', '--shard', `must be i/n with 1 <= i <= n (got ${String(v)})`);
  return { i, n };
}

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

export async function writeReportFiles(rep: VerificationReport, outDir: string): Promise<void> {
  const blueprint = await renderBlueprint(rep);
  writeAtomic(join(outDir, 'verification-report.json'), toJson(rep));
  writeAtomic(join(outDir, 'verification-report.md'), `${renderMarkdown(rep)}\n${blueprint.markdown}`);
  writeAtomic(join(outDir, 'index.html'), renderHtml(rep, [blueprint.html, ...figuresHtmlSections(join(outDir, 'figures'))]));
}

function verdictLine(r: ClaimResult): string {
  const flag = isExpected(r) ? ' ' : '!';
  return `${flag} ${r.id.padEnd(34)} ${r.verdict.padEnd(20)} runs ${String(r.runs).padStart(5)}  worst slack ${fmt(r.worstSlack).padStart(10)}  ${r.timeMs} ms`;
}

const verify: Command = {
  options: {
    budget: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' }, claims: { type: 'string' },
    out: { type: 'string' }, shard: { type: 'string' }, exact: { type: 'boolean' }, jobs: { type: 'string' },
  },
  positionals: 0,
  run: async (v) => {
    const budget = budgetOpt(v.budget);
    const seed = intOpt(v.seed, 'seed', 0) ?? DEFAULT_SEED;
    const runs = intOpt(v.runs, 'runs', 1);
    const shard = parseShard(v.shard);
    let selected = claims;
    if (typeof v.claims === 'string') {
      selected = v.claims.split(',').map((id) => {
        const c = claimById(id.trim());
        if (!c) throw new QnnInputError('qnn-verify', '--claims', `names an unknown claim '${id}' (see 'qnn-verify list')`);
        return c;
      });
    }
    // --exact: only the exact-arithmetic claims (ids with an /exact or -exact suffix, src/exact/)
    if (v.exact) selected = selected.filter((c) => /[/-]exact$/.test(c.id));
    if (shard) selected = selected.filter((_, k) => k % shard.n === shard.i - 1);
    const outDir = (v.out as string | undefined) ?? 'report';
    // all cores (src/claims/pool.ts); results identical to a sequential run, in registry order
    const previous = join(outDir, 'verification-report.json');
    const results = await runClaimsParallel(selected, { seed, budget, runs }, {
      jobs: intOpt(v.jobs, 'jobs', 1),
      costHint: costHintFromReport(existsSync(previous) ? readFileSync(previous, 'utf8') : undefined),
      onResult: (r, k, n) => progress(`[${k + 1}/${n}] ${verdictLine(r)}`),
    });
    const rep = buildReport(results, { seed, budget: runs ? `${budget} (runs=${runs})` : budget, shard: v.shard as string | undefined });
    await writeReportFiles(rep, outDir);
    const s = rep.summary;
    process.stdout.write(`${s.total} claims: ${s.verified} verified, ${s['violated-as-printed']} violated as printed, ${s.violated} violated, ${s.inconclusive} inconclusive. Report: ${outDir}/verification-report.md\n`);
    if (s.unexpected.length) process.stdout.write(`unexpected verdicts: ${s.unexpected.join(', ')}\n`);
    return s.unexpected.length ? 1 : 0;
  },
};

const replay: Command = {
  options: { claim: { type: 'string' }, seed: { type: 'string' }, path: { type: 'string' }, instance: { type: 'string' }, export: { type: 'string' } },
  positionals: 0,
  run: (v) => {
    if (typeof v.claim !== 'string') throw new QnnInputError('qnn-verify replay', '--claim', 'is required');
    const c = claimById(v.claim);
    if (!c) throw new QnnInputError('qnn-verify replay', '--claim', `names an unknown claim '${v.claim}'`);
    if (typeof v.instance === 'string') {
      const inst = loadSearchedInstance(v.instance, c.id);
      const r = replaySearched(c, inst);
      if (typeof v.export === 'string') writeAtomic(v.export, exportSearched(c, inst));
      process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      return r.ok === (c.expectation === 'holds') ? 0 : 1;
    }
    const seed = intOpt(v.seed, 'seed', -(2 ** 31));
    if (seed === undefined) throw new QnnInputError('qnn-verify replay', '--seed', 'is required');
    const r = runClaim(c, { seed, path: v.path as string | undefined, runs: v.path ? 1 : undefined });
    process.stdout.write(`${JSON.stringify({ id: r.id, verdict: r.verdict, counterexample: r.counterexample ?? null, worstSlack: r.worstSlack }, null, 2)}\n`);
    return isExpected(r) ? 0 : 1;
  },
};

const list: Command = {
  options: {},
  positionals: 0,
  run: () => {
    for (const c of claims) process.stdout.write(`${c.id.padEnd(34)} ${c.kind.padEnd(12)} ${c.expectation.padEnd(17)} ${c.ref.label}\n`);
    return 0;
  },
};

const merge: Command = {
  options: { out: { type: 'string' } },
  positionals: 1,
  run: async (v, pos) => {
    const dir = pos[0];
    if (!dir || !existsSync(dir)) throw new QnnInputError('qnn-verify merge', 'DIR', `must be an existing directory of shard reports (got ${dir ?? 'nothing'})`);
    const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('verification-report.json'));
    if (!files.length) throw new QnnInputError('qnn-verify merge', 'DIR', `holds no verification-report.json (${dir})`);
    const reps = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as VerificationReport);
    const order = new Map(claims.map((c, k) => [c.id, k]));
    const results = reps.flatMap((r) => r.results).sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9));
    const rep = buildReport(results, { seed: reps[0].seed, budget: reps[0].budget });
    const outDir = (v.out as string | undefined) ?? 'report';
    await writeReportFiles(rep, outDir);
    process.stdout.write(`merged ${files.length} shard reports, ${results.length} claims -> ${outDir}\n`);
    return rep.summary.unexpected.length ? 1 : 0;
  },
};

export const commands: Record<string, Command> = { verify, replay, list, merge, sample: sampleCommand, eval: evalCommand, figures: figuresCommand };
