/**
 * Merging shard reports (`qnn-verify merge`) so that the result is exactly as trustworthy as a
 * single run. Every shard must be of the same run (format, tool version and commit, seed,
 * budget and runs override, --exact, claim registry, selection, number of shards); each shard
 * spec i/n at most once; each shard must have run exactly the claims its spec assigns it; no
 * claim twice. Any violation is a QnnInputError naming what disagrees (exit 2). Missing shards
 * and claims are not an error here: the merged report then carries `partial` naming them.
 */
import { QnnInputError } from '../errors.ts';
import type { ClaimResult } from '../claims/types.ts';
import { buildReport, SCHEMA_VERSION, type RunMeta, type VerificationReport } from './report.ts';

const FN = 'merge';

export interface ShardInput {
  /** Where the report came from (for messages). */
  file: string;
  report: VerificationReport;
}

/** The claims of a selection that shard i/n runs: index k with k mod n = i - 1. */
export function shardSelection(selection: readonly string[], shard: { i: number; n: number } | null): string[] {
  return shard ? selection.filter((_, k) => k % shard.n === shard.i - 1) : [...selection];
}

function isStringArray(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === 'string');
}

/** Parses one shard report's text, refusing anything that is not a report of this format. */
export function parseShardReport(file: string, text: string): VerificationReport {
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch (e) {
    throw new QnnInputError(FN, file, `is not valid JSON (${(e as Error).message.split('\n')[0].slice(0, 100)})`);
  }
  if (x === null || typeof x !== 'object' || Array.isArray(x)) throw new QnnInputError(FN, file, 'is not a verification report (not a JSON object)');
  const r = x as Partial<VerificationReport>;
  if (r.schemaVersion !== SCHEMA_VERSION) {
    throw new QnnInputError(FN, file, `has report format version ${JSON.stringify(r.schemaVersion ?? null)}; this qnn-verify reads version ${SCHEMA_VERSION} (re-run the shard with the same qnn-verify)`);
  }
  const run = r.run as Partial<RunMeta> | undefined;
  const ok = r.tool && typeof r.tool.version === 'string' && typeof r.seed === 'number' && typeof r.budget === 'string' && run
    && typeof run.budget === 'string' && (run.runs === null || typeof run.runs === 'number') && typeof run.exact === 'boolean'
    && run.registry && typeof run.registry.sha256 === 'string' && isStringArray(run.selection) && isStringArray(run.claimIds)
    && (run.shard === null || (run.shard && Number.isInteger(run.shard.i) && Number.isInteger(run.shard.n)))
    && Array.isArray(r.results) && r.results.every((c) => c && typeof c === 'object' && typeof (c as ClaimResult).id === 'string');
  if (!ok) throw new QnnInputError(FN, file, 'is not a complete verification report (fields tool, seed, budget, run or results missing or mistyped)');
  if (r.merged) throw new QnnInputError(FN, file, 'is itself a merged report; merge the shard reports instead');
  return r as VerificationReport;
}

const spec = (s: { i: number; n: number } | null): string => (s ? `${s.i}/${s.n}` : '1/1');

export interface MergeResult {
  report: VerificationReport;
  missingShards: string[];
  missingClaims: string[];
}

/** Merges shard reports of one run; throws on any inconsistency (see the module comment). */
export function mergeReports(shards: readonly ShardInput[]): MergeResult {
  if (!shards.length) throw new QnnInputError(FN, 'DIR', 'holds no shard report');
  const first = shards[0];
  const f = first.report;
  const fields: [string, (r: VerificationReport) => unknown][] = [
    ['tool version', (r) => r.tool.version],
    ['commit', (r) => r.tool.commit],
    ['seed', (r) => r.seed],
    ['budget', (r) => r.run.budget],
    ['runs override', (r) => r.run.runs],
    ['--exact', (r) => r.run.exact],
    ['claim registry (sha256 of the claim ids)', (r) => r.run.registry.sha256],
    ['selection of claims (--claims)', (r) => r.run.selection.join(',')],
    ['number of shards n', (r) => (r.run.shard ? r.run.shard.n : 1)],
  ];
  for (const s of shards.slice(1)) {
    for (const [name, get] of fields) {
      const a = get(f), b = get(s.report);
      if (a !== b) {
        const show = (v: unknown) => { const t = JSON.stringify(v) ?? 'undefined'; return t.length > 40 ? `${t.slice(0, 37)}...` : t; };
        throw new QnnInputError(FN, 'shards', `disagree on ${name}: ${first.file} has ${show(a)}, ${s.file} has ${show(b)}`);
      }
    }
  }
  const selection = f.run.selection;
  const n = f.run.shard ? f.run.shard.n : 1;
  const bySpec = new Map<string, string>();
  const byClaim = new Map<string, string>();
  for (const s of shards) {
    const sp = spec(s.report.run.shard);
    const seen = bySpec.get(sp);
    if (seen !== undefined) throw new QnnInputError(FN, 'shards', `repeat shard ${sp}: ${seen} and ${s.file}`);
    bySpec.set(sp, s.file);
    const expected = shardSelection(selection, s.report.run.shard);
    const ran = s.report.results.map((r) => r.id);
    if (ran.join(',') !== s.report.run.claimIds.join(',')) {
      throw new QnnInputError(FN, s.file, 'lists claim ids in run.claimIds that differ from its results');
    }
    for (const id of ran) {
      const other = byClaim.get(id);
      if (other !== undefined) throw new QnnInputError(FN, 'shards', `both ran claim ${id}: ${other} and ${s.file}`);
      byClaim.set(id, s.file);
    }
    if (ran.join(',') !== expected.join(',')) {
      const extra = ran.filter((id) => !expected.includes(id));
      const lacking = expected.filter((id) => !ran.includes(id));
      const what = extra.length ? `ran ${extra.slice(0, 3).join(', ')} outside its shard` : `did not run ${lacking.slice(0, 3).join(', ')}${lacking.length > 3 ? ` and ${lacking.length - 3} more` : ''}`;
      throw new QnnInputError(FN, s.file, `is shard ${sp} but ${what} (shard ${sp} of the selection is ${expected.length} claims)`);
    }
  }
  const missingShards: string[] = [];
  for (let i = 1; i <= n; i++) if (!bySpec.has(`${i}/${n}`)) missingShards.push(`${i}/${n}`);
  const missingClaims = selection.filter((id) => !byClaim.has(id));
  const order = new Map(selection.map((id, k) => [id, k]));
  const results = shards.flatMap((s) => s.report.results).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const nodes = [...new Set(shards.map((s) => s.report.tool.node))];
  const run: RunMeta = { ...f.run, shard: null, claimIds: results.map((r) => r.id) };
  const partial = missingShards.length || missingClaims.length ? { missingShards, missingClaims } : undefined;
  const report = buildReport(results, {
    seed: f.seed, budget: f.budget, run,
    tool: { name: 'qnn-verify', version: f.tool.version, commit: f.tool.commit, node: nodes.join(', ') },
    merged: { shards: [...bySpec.keys()].sort((a, b) => Number(a.split('/')[0]) - Number(b.split('/')[0])) },
    partial,
  });
  return { report, missingShards, missingClaims };
}
