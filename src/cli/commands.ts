/** The CLI's commands over the one claim registry: verify, replay, list (and the table of all commands). */
import { QnnInputError } from '../errors.ts';
import { DEFAULT_SEED, isExpected, runClaim, type BudgetName } from '../claims/runner.ts';
import type { AnyClaim, ClaimResult } from '../claims/types.ts';
import { budgetLabel, buildReport, idsHash, type RunMeta } from '../report/report.ts';
import { fmt } from '../report/markdown.ts';
import { prepareOutDir } from '../io/fs-safe.ts';
import { oneLine } from '../io/instance-json.ts';
import { shardSelection } from '../report/merge.ts';
import { evalCommand, sampleCommand } from './instance-commands.ts';
import { figuresCommand } from './figures-command.ts';
import { mergeCommand } from './merge-command.ts';
import { trainCommand } from './train-command.ts';
import { intOption, shardOption, type ShardSpec } from './options.ts';
import { writeReportFiles } from './report-files.ts';
import type { Command } from './types.ts';
import { exportSearched, loadSearchedInstance, replaySearched } from '../search/replay.ts';
import { costHintFromReport, runClaimsParallel } from '../claims/pool.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from '../report/report.ts';

export type { Command } from './types.ts';

/** The claim registry, loaded on first use (a usage error is reported without loading ~100 claims). */
type Registry = typeof import('../../theorems/index.ts');
const registry = (): Promise<Registry> => import('../../theorems/index.ts');

/** fast-check seeds are 32-bit integers. */
const SEED_MIN = -(2 ** 31), SEED_MAX = 2 ** 31 - 1;
/** Largest --runs: 100 times the largest full budget (1000 runs); more would run for days. */
export const MAX_RUNS = 100_000;

function budgetOpt(v: string | boolean | undefined): BudgetName {
  const b = v ?? 'default';
  if (b !== 'quick' && b !== 'default' && b !== 'full') throw new QnnInputError('verify', '--budget', `must be quick, default or full (got '${oneLine(String(b), 40)}')`);
  return b;
}

/** The claims of --claims (registry order, each once) and --exact. */
function selectClaims({ claims, claimById }: Registry, list: string | boolean | undefined, exact: boolean): AnyClaim[] {
  let selected = claims;
  if (list !== undefined) {
    const ids = String(list).split(',').map((id) => id.trim());
    const seen = new Set<string>();
    for (const id of ids) {
      if (!id) throw new QnnInputError('verify', '--claims', 'has an empty claim id (a list id,id,... without blanks)');
      if (!claimById(id)) throw new QnnInputError('verify', '--claims', `names an unknown claim '${oneLine(id, 60)}' (see 'qnn-verify list')`);
      if (seen.has(id)) throw new QnnInputError('verify', '--claims', `names claim '${id}' twice`);
      seen.add(id);
    }
    selected = claims.filter((c) => seen.has(c.id));
  }
  // --exact: only the exact-arithmetic claims (ids with an /exact or -exact suffix, src/exact/)
  if (exact) selected = selected.filter((c) => /[/-]exact$/.test(c.id));
  if (!selected.length) throw new QnnInputError('verify', '--exact', 'leaves no claim of --claims to run');
  return selected;
}

/** What this run is a part of (recorded in the report; `merge` checks it). */
function runMeta({ claims }: Registry, budget: BudgetName, runs: number | undefined, exact: boolean, selected: AnyClaim[], shard: ShardSpec | undefined, ran: ClaimResult[]): RunMeta {
  return {
    budget, runs: runs ?? null, exact,
    registry: { claims: claims.length, sha256: idsHash(claims.map((c) => c.id)) },
    selection: selected.map((c) => c.id),
    shard: shard ?? null,
    claimIds: ran.map((r) => r.id),
  };
}

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
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
    const seed = intOption('verify', 'seed', v.seed, 0, SEED_MAX) ?? DEFAULT_SEED;
    const runs = intOption('verify', 'runs', v.runs, 1, MAX_RUNS);
    const shard = shardOption('verify', v.shard);
    const exact = v.exact === true;
    const reg = await registry();
    const all = selectClaims(reg, v.claims, exact);
    const ids = new Set(shardSelection(all.map((c) => c.id), shard ?? null));
    const selected = all.filter((c) => ids.has(c.id));
    const outDir = (v.out as string | undefined) ?? 'report';
    prepareOutDir('verify', '--out', outDir); // before any claim runs
    // all cores (src/claims/pool.ts): results identical to a sequential run, in selection (registry) order
    const previous = join(outDir, 'verification-report.json');
    const results = await runClaimsParallel(selected, { seed, budget, runs }, {
      jobs: intOption('verify', 'jobs', v.jobs, 1, 256),
      costHint: costHintFromReport(existsSync(previous) ? readFileSync(previous, 'utf8') : undefined),
      onResult: (r, k, n) => progress(`[${k + 1}/${n}] ${verdictLine(r)}`),
    });
    const rep = buildReport(results, { seed, budget: budgetLabel(budget, runs), run: runMeta(reg, budget, runs, exact, all, shard, results) });
    await writeReportFiles(rep, outDir);
    const s = rep.summary;
    process.stdout.write(`${s.total} claims: ${s.verified} verified (${s.verifiedSubstantive} substantive, ${s.verifiedConsistency} consistency), ${s['violated-as-printed']} violated as printed, ${s['not-reproduced']} not reproduced, ${s.violated} violated, ${s.inconclusive} inconclusive. Report: ${outDir}/verification-report.md\n`);
    if (s.unexpected.length) process.stdout.write(`unexpected verdicts: ${s.unexpected.join(', ')}\n`);
    return s.unexpected.length ? 1 : 0;
  },
};

const replay: Command = {
  options: { claim: { type: 'string' }, seed: { type: 'string' }, path: { type: 'string' }, instance: { type: 'string' }, export: { type: 'string' } },
  positionals: 0,
  run: async (v) => {
    if (typeof v.claim !== 'string') throw new QnnInputError('replay', '--claim', 'is required');
    const c = (await registry()).claimById(v.claim);
    if (!c) throw new QnnInputError('replay', '--claim', `names an unknown claim '${oneLine(v.claim, 60)}' (see 'qnn-verify list')`);
    if (typeof v.instance === 'string') {
      // a searched instance (src/search/replay.ts): re-evaluated exactly, optionally exported for `eval`
      const inst = loadSearchedInstance(v.instance, c.id);
      const sr = replaySearched(c, inst);
      if (typeof v.export === 'string') writeAtomic(v.export, exportSearched(c, inst));
      process.stdout.write(`${JSON.stringify(sr, null, 2)}\n`);
      return sr.ok === (c.expectation === 'holds') ? 0 : 1;
    }
    const seed = intOption('replay', 'seed', v.seed, SEED_MIN, SEED_MAX);
    if (seed === undefined) throw new QnnInputError('replay', '--seed', 'is required');
    const path = v.path as string | undefined;
    if (path !== undefined && !/^\d{1,9}(:\d{1,9}){0,999}$/.test(path)) {
      throw new QnnInputError('replay', '--path', `must be a fast-check replay path such as 12:0:3 (got '${oneLine(path, 40)}')`);
    }
    let r: ClaimResult;
    try {
      r = runClaim(c, { seed, path, runs: path ? 1 : undefined });
    } catch (e) {
      if (path === undefined) throw e;
      throw new QnnInputError('replay', '--path', `'${path}' does not lead to a run of ${c.id} with seed ${seed} (${oneLine((e as Error).message, 100)})`);
    }
    // A path past the end of the generated values runs nothing: say so instead of "verified".
    if (path !== undefined && r.worstSlack === null && r.largestResidual === null && !r.counterexample) {
      throw new QnnInputError('replay', '--path', `'${path}' does not lead to a run of ${c.id} with seed ${seed} (no instance was evaluated)`);
    }
    process.stdout.write(`${JSON.stringify({ id: r.id, verdict: r.verdict, counterexample: r.counterexample ?? null, worstSlack: r.worstSlack }, null, 2)}\n`);
    return isExpected(r) ? 0 : 1;
  },
};

const list: Command = {
  options: {},
  positionals: 0,
  run: async () => {
    for (const c of (await registry()).claims) process.stdout.write(`${c.id.padEnd(34)} ${c.kind.padEnd(12)} ${c.expectation.padEnd(17)} ${c.ref.label}\n`);
    return 0;
  },
};

export const commands: Record<string, Command> = {
  verify, replay, list, merge: mergeCommand, sample: sampleCommand, eval: evalCommand, train: trainCommand, figures: figuresCommand,
};
