/**
 * Runs one claim through fast-check and returns typed data (verdict, runs, worst slack,
 * counterexample with its replay command). No printing here: formatting is the report's job.
 */
import fc from 'fast-check';
import { QnnInputError } from '../errors.ts';
import { pickStarts, SEARCH_EVALUATIONS, targetedSearch } from '../search/targeted.ts';
import type { AnyClaim, CheckOutcome, Claim, ClaimResult, InstanceParams, PartOutcome, TightnessResult, Verdict } from './types.ts';

export type BudgetName = 'quick' | 'default' | 'full';

export const DEFAULT_SEED = 20230723;

export interface RunOptions {
  seed?: number;
  budget?: BudgetName;
  /** Overrides the budget's number of runs. */
  runs?: number;
  /** fast-check replay path (with the seed of the failing run). */
  path?: string;
  /** Run the targeted search after the random phase (default true; never on a replay path). */
  search?: boolean;
  /** Overrides the search's evaluation budget. */
  evaluations?: number;
  /** Budget level of the search's evaluations (default: the run's budget; vitest uses 'quick'). */
  searchBudget?: BudgetName;
}

export function replayCommand(id: string, seed: number, path: string): string {
  return `npx qnn-verify replay --claim ${id} --seed ${seed} --path ${path}`;
}

/** Where `verify` writes the report by default; a searched instance is replayed from it. */
export const DEFAULT_REPORT = 'report/verification-report.json';

/** Replays a searched instance saved in a report (or an instance file {claim, params, x}). */
export function searchedReplayCommand(id: string, file = DEFAULT_REPORT): string {
  return `npx qnn-verify replay --claim ${id} --instance ${file}`;
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
  const budget = opts.budget ?? 'default';
  const numRuns = opts.runs ?? claim.runs[budget];
  const start = performance.now();
  let worstSlack: number | null = null;
  let largestResidual: number | null = null;
  let relativeResidual: number | undefined;
  const ranges: Record<string, [number, number]> = {};
  // Details reported: those of the run with the largest tightness (or, without tightness, the smallest slack).
  let shown: { details?: Record<string, number | string>; parts?: PartOutcome[]; tightness?: number; slack: number } | undefined;
  let randomTightness: number | null = null;
  let nonVacuous = 0;
  let sawVacuous = false;
  const scored: { params: I; tightness: number }[] = [];
  const consider = (o: CheckOutcome) => {
    if (!o.details) return;
    const better = !shown ||
      (o.tightness !== undefined ? shown.tightness === undefined || o.tightness > shown.tightness : shown.tightness === undefined && o.slack < shown.slack);
    if (better) shown = { details: o.details, parts: o.parts, tightness: o.tightness, slack: o.slack };
  };
  // Runs after the first failure are fast-check's shrinking steps: they enter the worst slack and the ranges (as
  // before) but count neither as runs nor as evidence (non-vacuous count, tightness, details shown).
  let shrinking = false;
  const property = fc.property(claim.arbitrary(), (params) => {
    for (const [k, v] of Object.entries(params)) {
      if (k === 'seed' || typeof v !== 'number') continue;
      const r = ranges[k];
      ranges[k] = r ? [Math.min(r[0], v), Math.max(r[1], v)] : [v, v];
    }
    const { outcome } = evaluate(claim, params);
    // a passing vacuous run says nothing about the bound: its placeholder slack stays out of the worst slack
    if (Number.isFinite(outcome.slack) && !(outcome.vacuous && outcome.ok)) worstSlack = worstSlack === null ? outcome.slack : Math.min(worstSlack, outcome.slack);
    if (outcome.residual !== undefined) largestResidual = Math.max(largestResidual ?? 0, outcome.residual);
    if (outcome.residual !== undefined && outcome.tolerance !== undefined && outcome.tolerance > 0 && Number.isFinite(outcome.residual)) {
      relativeResidual = Math.max(relativeResidual ?? 0, outcome.residual / outcome.tolerance);
    }
    if (shrinking) return outcome.ok;
    if (outcome.vacuous) sawVacuous = true;
    else nonVacuous++;
    // a failing run counts too (its tightness > 1 is the point); only passing runs seed the search
    if (outcome.tightness !== undefined && Number.isFinite(outcome.tightness) && !outcome.vacuous) {
      randomTightness = randomTightness === null ? outcome.tightness : Math.max(randomTightness, outcome.tightness);
      if (outcome.ok) scored.push({ params, tightness: outcome.tightness });
    }
    consider(outcome);
    if (!outcome.ok) shrinking = true;
    return outcome.ok;
  });
  const rd = fc.check(property, { seed, numRuns, path: opts.path, endOnFailure: opts.path !== undefined });
  let verdict: Verdict;
  let counterexample: ClaimResult['counterexample'];
  let details = shown?.details;
  let parts = shown?.parts; // always those of the outcome whose details are shown
  const show = (o: CheckOutcome, extra?: Record<string, string>) => {
    if (!o.details) return;
    details = extra ? { ...o.details, ...extra } : o.details;
    parts = o.parts;
  };
  const failedVerdict = (error?: string): Verdict =>
    error ? 'violated' : claim.expectation === 'fails-as-printed' ? 'violated-as-printed' : claim.expectation === 'not-reproduced' ? 'not-reproduced' : 'violated';
  const runs = rd.failed ? rd.numRuns : numRuns;
  let tightness: TightnessResult | undefined;
  if (rd.failed && rd.counterexample) {
    const params = rd.counterexample[0] as I;
    const { outcome, error } = evaluate(claim, params);
    const path = rd.counterexamplePath ?? '';
    counterexample = { params, outcome, path, replay: replayCommand(claim.id, rd.seed, path), error };
    show(outcome);
    verdict = failedVerdict(error);
  } else if (rd.failed) {
    verdict = 'violated';
  } else {
    verdict = claim.expectation === 'holds' ? 'verified' : 'inconclusive';
  }
  if (randomTightness !== null || claim.search) {
    tightness = { random: randomTightness, searched: null, evaluations: 0 };
    if (claim.search?.knownSupremum) tightness.knownSupremum = claim.search.knownSupremum.value;
  }
  if (tightness) {
    const skipped = rd.failed ? 'refuted' : !claim.search ? 'no-space' : opts.search === false || opts.path !== undefined ? 'off' : !scored.length ? 'no-start' : undefined;
    if (skipped) tightness.searchSkipped = skipped;
  }
  if (claim.search && tightness && !tightness.searchSkipped) {
    const evaluations = opts.evaluations ?? (claim.search.evaluations ?? SEARCH_EVALUATIONS)[opts.searchBudget ?? budget];
    const res = targetedSearch(claim as AnyClaim, pickStarts(scored, (p) => claim.search!.dimension(p)), { seed, evaluations });
    tightness.evaluations = res.evaluations;
    tightness.searched = randomTightness;
    const replay = searchedReplayCommand(claim.id);
    if (res.best) {
      const t = res.best.outcome.tightness!;
      if (tightness.searched === null || t > tightness.searched) tightness.searched = t;
      tightness.instance = res.best.instance;
      tightness.instanceTightness = t;
      tightness.replay = replay;
      // The report shows the hardest instance: the searched one when it beat the random runs.
      if (tightness.searched === t) show(res.best.outcome, { source: 'search' });
    }
    if (res.failure) {
      const f = res.failure;
      counterexample = { params: f.instance.params, outcome: f.outcome, path: '', replay, error: f.error, instance: f.instance };
      if (f.outcome.tightness !== undefined) tightness.searched = Math.max(tightness.searched ?? -Infinity, f.outcome.tightness);
      show(f.outcome);
      verdict = failedVerdict(f.error);
    }
  }
  // A claim whose every run was vacuous carries no evidence: never verified.
  if (verdict === 'verified' && sawVacuous && nonVacuous === 0) verdict = 'inconclusive';
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
    tightnessRule: claim.tightnessRule,
    vacuousRule: claim.vacuousRule,
    ...(claim.noSearch ? { noSearch: claim.noSearch } : {}),
    verdict,
    runs,
    seed: rd.seed,
    worstSlack,
    largestResidual,
    ...(relativeResidual !== undefined ? { relativeResidual } : {}),
    ranges,
    counterexample,
    details,
    ...(parts?.length ? { parts } : {}),
    tightness,
    nonVacuousRuns: nonVacuous,
    timeMs: Math.round(performance.now() - start),
  } satisfies ClaimResult;
}

/** Whether a result is acceptable for CI: holds-claims verified, printed errata reproduced, non-reproductions still not reproduced. */
export function isExpected(r: ClaimResult): boolean {
  if (r.expectation === 'holds') return r.verdict === 'verified';
  if (r.expectation === 'not-reproduced') return r.verdict === 'not-reproduced';
  return r.verdict === 'violated-as-printed';
}
