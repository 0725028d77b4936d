/**
 * The verification report as typed data (schema in report/SCHEMA.md), and its atomic writer.
 * Formatting to Markdown and HTML lives in markdown.ts and html.ts.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QnnInputError } from '../errors.ts';
import { isExpected, type BudgetName } from '../claims/runner.ts';
import { makeDirs } from '../io/fs-safe.ts';
import type { ClaimResult, Verdict } from '../claims/types.ts';
import { coverageItems } from '../../theorems/coverage.ts';
import { ERRATA } from '../../theorems/errata.ts';
import { claims } from '../../theorems/index.ts';
import { buildCoverage, buildErrata, type CoverageReport, type ErrataReport } from './coverage.ts';

/** 2: the run metadata (`run`) and the merge fields (`merged`, `partial`) were added. */
export const SCHEMA_VERSION = 2;

/** What a report is a part of: enough for `merge` to refuse shards of different runs. */
export interface RunMeta {
  budget: BudgetName;
  /** --runs override of the budget's number of runs, or null. */
  runs: number | null;
  /** --exact: only the exact-arithmetic claims. */
  exact: boolean;
  /** The claim registry of the tool that ran: number of claims and sha256 of their ids, one per line, in order. */
  registry: { claims: number; sha256: string };
  /** Ids of the claims the whole run covers (after --claims and --exact, before --shard), in registry order. */
  selection: string[];
  /** This report's shard of the selection (claims k with k mod n = i - 1), or null for the whole selection. */
  shard: { i: number; n: number } | null;
  /** Ids of the claims this report ran, in registry order. */
  claimIds: string[];
}

export interface VerificationReport {
  schemaVersion: number;
  tool: { name: 'qnn-verify'; version: string; commit: string | null; node: string };
  paper: string;
  generatedAt: string;
  seed: number;
  budget: string;
  /** "i/n" for a shard (same as run.shard). */
  shard?: string;
  run: RunMeta;
  /** Set by `merge`: the shard specs that were merged. */
  merged?: { shards: string[] };
  /** Set by `merge` when shards or claims are missing: the report does not cover run.selection. */
  partial?: { missingShards: string[]; missingClaims: string[] };
  summary: Record<Verdict, number> & {
    total: number;
    expected: number;
    unexpected: string[];
    /** Verified claims split by strength: findings about the paper vs guards of the simulator. */
    verifiedSubstantive: number;
    verifiedConsistency: number;
  };
  results: ClaimResult[];
  /** The paper's numbered equations, labelled statements and numerical sentences, each with its claims (theorems/coverage.ts). */
  coverage: CoverageReport;
  /** The errata table (theorems/errata.ts) with the verdicts of its claims in this run. */
  errata: ErrataReport;
}

export const PAPER = 'You, Chakrabarti, Chen, Wu. Analyzing Convergence in Quantum Neural Networks: Deviations from Neural Tangent Kernels. ICML 2023.';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    return null;
  }
}

export function summarise(results: ClaimResult[]): VerificationReport['summary'] {
  const s = {
    verified: 0, violated: 0, 'violated-as-printed': 0, 'not-reproduced': 0, inconclusive: 0,
    total: results.length, expected: 0, unexpected: [] as string[], verifiedSubstantive: 0, verifiedConsistency: 0,
  };
  for (const r of results) {
    s[r.verdict]++;
    if (r.verdict === 'verified') {
      if (r.strength === 'consistency') s.verifiedConsistency++;
      else s.verifiedSubstantive++;
    }
    if (isExpected(r)) s.expected++;
    else s.unexpected.push(r.id);
  }
  return s;
}

/** sha256 (hex) of the ids, one per line. */
export function idsHash(ids: readonly string[]): string {
  return createHash('sha256').update(ids.join('\n')).digest('hex');
}

/** The budget as a label: "quick", or "quick (runs=N)" when --runs overrides it. */
export function budgetLabel(budget: string, runs: number | null | undefined): string {
  return runs ? `${budget} (runs=${runs})` : budget;
}

export interface ReportMeta {
  seed: number;
  budget: string;
  /** Run metadata; defaults describe a one-off run of exactly these results. */
  run?: RunMeta;
  generatedAt?: string;
  tool?: VerificationReport['tool'];
  merged?: VerificationReport['merged'];
  partial?: VerificationReport['partial'];
}

export function buildReport(results: ClaimResult[], meta: ReportMeta): VerificationReport {
  const ids = results.map((r) => r.id);
  const run: RunMeta = meta.run ?? {
    budget: (meta.budget.split(' ')[0] as BudgetName), runs: null, exact: false,
    registry: { claims: ids.length, sha256: idsHash(ids) }, selection: ids, shard: null, claimIds: ids,
  };
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: meta.tool ?? { name: 'qnn-verify', version: packageVersion(), commit: gitCommit(), node: process.version },
    paper: PAPER,
    generatedAt: meta.generatedAt ?? new Date().toISOString(),
    seed: meta.seed,
    budget: meta.budget,
    shard: run.shard ? `${run.shard.i}/${run.shard.n}` : undefined,
    run,
    ...(meta.merged ? { merged: meta.merged } : {}),
    ...(meta.partial ? { partial: meta.partial } : {}),
    summary: summarise(results),
    results,
    coverage: buildCoverage(coverageItems, new Set(claims.map((c) => c.id)), results),
    errata: buildErrata(ERRATA, results),
  };
}

/** Write a file atomically: a temporary sibling, then rename, so no reader sees half a file. */
export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    makeDirs(dirname(path));
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    try { unlinkSync(tmp); } catch { /* nothing was written */ }
    throw new QnnInputError('writeReport', 'outDir', `cannot be written (${(e as Error).message})`);
  }
}

/** JSON with non-finite numbers refused (they never enter a report). */
export function toJson(report: VerificationReport): string {
  return JSON.stringify(report, (k, v) => {
    if (typeof v === 'number' && !Number.isFinite(v)) return v > 0 ? 'Infinity' : v < 0 ? '-Infinity' : 'NaN';
    return v;
  }, 2);
}
