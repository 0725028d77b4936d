/**
 * Runs one claim through fast-check and returns typed data (verdict, runs, worst slack,
 * counterexample with its replay command). No printing here: formatting is the report's job.
 */
import fc from 'fast-check';
import { QnnInputError } from '../errors.ts';
import { CheckOutcome, Claim, ClaimResult, InstanceParams, Verdict } from './types.ts';

export type BudgetName = 'quick' | 'default' | 'full';

export const DEFAULT_SEED = 20230723;

export interface RunOptions {
  seed?: number;
  budget?: BudgetName;
  /** Overrides the budget's number of runs. */
  runs?: number;
  /** fast-check replay path (with the seed of the failing run). */
  path?: string;
}

export function replayCommand(id: string, seed: number, path: string): string {
  return `npx qnn-verify replay --claim ${id} --seed ${seed} --path ${path}`;
}

function describeError(e: unknown): string {
  if (e instanceof QnnInputError) return `refused: ${e.message}`;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/** Evaluates a claim's check, turning a throw into a failed outcome (never counted as verified). */
export function evaluate<I extends InstanceParams>(claim: Claim<I>, params: I): { outcome: CheckOutcome; error?: string } {
  try {
    const outcome = claim.check(params);
    if (!Number.isFinite(outcome.slack) && outcome.ok) {
      return { outcome: { ...outcome, ok: false }, error: `non-finite slack (${outcome.slack})` };
    }
    return { outcome };
  } catch (e) {
    return { outcome: { ok: false, slack: Number.NEGATIVE_INFINITY }, error: describeError(e) };
  }
}

export function runClaim<I extends InstanceParams>(claim: Claim<I>, opts: RunOptions = {}): ClaimResult {
  const seed = opts.seed ?? DEFAULT_SEED;
  const numRuns = opts.runs ?? claim.runs[opts.budget ?? 'default'];
  const start = performance.now();
  let worstSlack: number | null = null;
  let largestResidual: number | null = null;
  const ranges: Record<string, [number, number]> = {};
  let lastDetails: Record<string, number | string> | undefined;
  let evaluated = 0;
  const property = fc.property(claim.arbitrary(), (params) => {
    evaluated++;
    for (const [k, v] of Object.entries(params)) {
      if (k === 'seed' || typeof v !== 'number') continue;
      const r = ranges[k];
      ranges[k] = r ? [Math.min(r[0], v), Math.max(r[1], v)] : [v, v];
    }
    const { outcome } = evaluate(claim, params);
    if (Number.isFinite(outcome.slack)) worstSlack = worstSlack === null ? outcome.slack : Math.min(worstSlack, outcome.slack);
    if (outcome.residual !== undefined) largestResidual = Math.max(largestResidual ?? 0, outcome.residual);
    if (outcome.details) lastDetails = outcome.details;
    return outcome.ok;
  });
  const rd = fc.check(property, { seed, numRuns, path: opts.path, endOnFailure: opts.path !== undefined });
  let verdict: Verdict;
  let counterexample: ClaimResult['counterexample'];
  if (rd.failed && rd.counterexample) {
    const params = rd.counterexample[0] as I;
    const { outcome, error } = evaluate(claim, params);
    const path = rd.counterexamplePath ?? '';
    counterexample = { params, outcome, path, replay: replayCommand(claim.id, rd.seed, path), error };
    if (outcome.details) lastDetails = outcome.details;
    verdict = error ? 'violated' : claim.expectation === 'fails-as-printed' ? 'violated-as-printed' : claim.expectation === 'not-reproduced' ? 'not-reproduced' : 'violated';
  } else if (rd.failed) {
    verdict = 'violated';
  } else {
    verdict = claim.expectation === 'holds' ? 'verified' : 'inconclusive';
  }
  return {
    id: claim.id,
    title: claim.title,
    ref: claim.ref,
    statement: claim.statement,
    kind: claim.kind,
    strength: claim.strength,
    strengthReason: claim.strengthReason,
    expectation: claim.expectation,
    protocolGap: claim.protocolGap,
    correctedBy: claim.correctedBy,
    corrects: claim.corrects,
    why: claim.why,
    toleranceRule: claim.toleranceRule,
    verdict,
    runs: rd.failed ? rd.numRuns : numRuns,
    seed: rd.seed,
    worstSlack,
    largestResidual,
    ranges,
    counterexample,
    details: lastDetails,
    timeMs: Math.round(performance.now() - start),
    // evaluated counts shrinking steps too; kept out of the report to avoid confusion.
  } satisfies ClaimResult;
}

/** Whether a result is acceptable for CI: holds-claims verified, printed errata reproduced, non-reproductions still not reproduced. */
export function isExpected(r: ClaimResult): boolean {
  if (r.expectation === 'holds') return r.verdict === 'verified';
  if (r.expectation === 'not-reproduced') return r.verdict === 'not-reproduced';
  return r.verdict === 'violated-as-printed';
}
