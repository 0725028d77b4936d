/**
 * The verification report as typed data (schema in report/SCHEMA.md), and its atomic writer.
 * Formatting to Markdown and HTML lives in markdown.ts and html.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QnnInputError } from '../errors.ts';
import { isExpected } from '../claims/runner.ts';
import type { ClaimResult, Verdict } from '../claims/types.ts';

export const SCHEMA_VERSION = 1;

export interface VerificationReport {
  schemaVersion: number;
  tool: { name: 'qnn-verify'; version: string; commit: string | null; node: string };
  paper: string;
  generatedAt: string;
  seed: number;
  budget: string;
  shard?: string;
  summary: Record<Verdict, number> & {
    total: number;
    expected: number;
    unexpected: string[];
    /** Verified claims split by strength: findings about the paper vs guards of the simulator. */
    verifiedSubstantive: number;
    verifiedConsistency: number;
  };
  results: ClaimResult[];
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

export function buildReport(results: ClaimResult[], meta: { seed: number; budget: string; shard?: string; generatedAt?: string }): VerificationReport {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'qnn-verify', version: packageVersion(), commit: gitCommit(), node: process.version },
    paper: PAPER,
    generatedAt: meta.generatedAt ?? new Date().toISOString(),
    seed: meta.seed,
    budget: meta.budget,
    shard: meta.shard,
    summary: summarise(results),
    results,
  };
}

/** Write a file atomically: a temporary sibling, then rename, so no reader sees half a file. */
export function writeAtomic(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
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
