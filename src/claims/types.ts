/**
 * Claims are data. Each module of theorems/ exports one `Claim`; vitest, the CLI and the
 * report all read the registry built from them (theorems/index.ts), so a claim is written once.
 */
import type { Arbitrary } from 'fast-check';
import type { QnnInstance } from '../model/instance.ts';

/** How a claim is checked; each kind has its own honest method (see README, "Kinds of check"). */
export type ClaimKind =
  | 'identity' // exact identity, residual <= tolerance from the quantities' norms and dimension
  | 'inequality' // slack = rhs - lhs >= -tolerance; the worst slack is reported
  | 'statistical' // bound vs an empirical quantile, sample size and confidence stated
  | 'scaling'; // fit over a sweep, exponent with an interval

/**
 * `holds`: the statement (or the corrected form) is expected to hold on every instance.
 * `fails-as-printed`: the formula is encoded as printed and the suite expects a counterexample;
 * its `correctedBy` sibling checks the corrected form.
 * `not-reproduced`: an experimental statement that our reproduction contradicts under a protocol the paper
 * does not fully state; not an erratum of the text. The claim's `protocolGap` says which detail would settle it.
 */
export type Expectation = 'holds' | 'fails-as-printed' | 'not-reproduced';

export type Verdict = 'verified' | 'violated' | 'violated-as-printed' | 'not-reproduced' | 'inconclusive';

/**
 * `substantive`: the check could fail if the paper's statement were wrong (a bound, a rate, a scaling law).
 * `consistency`: the statement holds by construction of the simulator (M = U^dag M0 U, K = J J^T, a definition);
 * kept because it guards the simulator, but it is not a finding about the paper.
 */
export type Strength = 'substantive' | 'consistency';

export interface PaperRef {
  /** e.g. "Lemma 3.1 / A.1", "Appendix A.2". */
  label: string;
  section: string;
  equations: string[];
}

/** Outcome of the invariant on one instance. */
export interface CheckOutcome {
  ok: boolean;
  /**
   * Signed margin in the claim's own units: >= 0 where the claim holds (for identities,
   * tolerance - residual; for inequalities, rhs - lhs + tolerance). The worst over all runs is reported.
   */
  slack: number;
  /** For identities: the residual |lhs - rhs| (max over entries). */
  residual?: number;
  tolerance?: number;
  /** Extra numbers worth reporting (fitted exponents, quantiles, sample sizes). */
  details?: Record<string, number | string>;
  /**
   * Dimensionless closeness to failing, defined per claim in its `tightnessRule`: lhs / rhs for lhs <= rhs
   * (1 = equality, > 1 = violated). Absent for identities (their residual says it).
   */
  tightness?: number;
  /** A composite outcome (allOf): every part by name, not only the smallest. */
  parts?: PartOutcome[];
  /** The bound followed from trivial facts on this run (the claim's `vacuousRule` says which). */
  vacuous?: boolean;
}

/** One named part of a composite outcome. */
export interface PartOutcome {
  name: string;
  ok: boolean;
  slack: number;
  tightness?: number;
}

/** Parameters every instance carries, so counterexamples are readable and ranges can be reported. */
export interface InstanceParams {
  seed: number;
  d?: number;
  m?: number;
  p?: number;
  gamma?: number;
  [k: string]: number | string | boolean | undefined;
}

export interface Budget {
  quick: number;
  default: number;
  full: number;
}

export interface Claim<I extends InstanceParams = InstanceParams> {
  id: string;
  title: string;
  ref: PaperRef;
  /** The statement in words and formula, as the paper prints it (or the corrected form). */
  statement: string;
  hypotheses: string[];
  kind: ClaimKind;
  /** Whether a verdict of this claim is a finding about the paper or a guard of the simulator. */
  strength: Strength;
  /** One line: why this strength. */
  strengthReason: string;
  expectation: Expectation;
  /** For `not-reproduced`: the protocol detail the paper leaves open whose statement would settle the disagreement. */
  protocolGap?: string;
  /** When an outcome is marked `vacuous`, in words (required where the outcome can set `vacuous`). */
  vacuousRule?: string;
  /** For `fails-as-printed`: id of the sibling claim with the corrected form. */
  correctedBy?: string;
  /** For a correction: id of the printed claim it corrects, and why this is the right correction. */
  corrects?: string;
  why?: string;
  /** Ids of the statements this claim's statement or proof uses (paper's own dependencies). */
  uses?: string[];
  /** How the tolerance is derived, in words. */
  toleranceRule: string;
  /** Number of random instances per budget. */
  runs: Budget;
  /** Generator of instance parameters (a seed plus dimensions); the check builds the instance from them. */
  arbitrary: () => Arbitrary<I>;
  /** How `tightness` is defined for this claim (required where the outcome reports one). */
  tightnessRule?: string;
  /** Continuous space for the targeted search of the worst case (src/search/). */
  search?: SearchSpace<I>;
  /**
   * Why an inequality or statistical claim has no search space (a reason a referee would accept, e.g. the statement is
   * about the distribution of a protocol's random draws, so a worst case over instances is not its statement).
   * Claims that fail as printed need none: their random runs refute them.
   */
  noSearch?: string;
  /**
   * Claims that memoise the same expensive samples in their module (e.g. lemma-b.2's three quantile claims) name one
   * group; the parallel pool runs a group's claims one after another on one worker so the samples are drawn once.
   * Scheduling only: a claim's result never depends on it.
   */
  sharedSamples?: string;
  check: (params: I) => CheckOutcome;
}

/**
 * A continuous search space: the discrete choices (d, m, p, labels...) come from a random run's params
 * and stay fixed; `decode` maps ANY real vector x of length `dimension(discrete)` to an instance that
 * satisfies the claim's hypotheses by construction, and `assess` is the claim's invariant on it.
 */
export interface SearchSpace<I extends InstanceParams = InstanceParams, T = any> {
  /** Length of x for these discrete choices. */
  dimension: (discrete: I) => number;
  decode: (x: Float64Array, discrete: I) => T;
  assess: (instance: T, discrete: I) => CheckOutcome;
  /** Evaluations of the search per budget level (default SEARCH_EVALUATIONS in src/search/). */
  evaluations?: Budget;
  /** Why the space is meaningful and what it covers (and the known supremum of the tightness, if any). */
  note: string;
  /** Supremum of the tightness known from a proof (a test requires the search to reach it within 1%). */
  knownSupremum?: { value: number; where: string };
  /**
   * The x that decodes to the random run's own instance (where the decoder is invertible): the search then starts
   * exactly at the best random instances instead of at random points of their discrete family (undefined: this run's
   * instance is not in the space, e.g. a hand-built family of another shape).
   */
  encode?: (discrete: I) => Float64Array | undefined;
  /** Where the decoded instance is a QNN instance at a point theta: that pair (exported for `qnn-verify eval`). */
  qnn?: (instance: T) => { inst: QnnInstance; theta: Float64Array };
}

export interface ClaimResult {
  id: string;
  title: string;
  ref: PaperRef;
  statement: string;
  kind: ClaimKind;
  strength: Strength;
  strengthReason: string;
  expectation: Expectation;
  protocolGap?: string;
  correctedBy?: string;
  corrects?: string;
  why?: string;
  toleranceRule: string;
  verdict: Verdict;
  runs: number;
  seed: number;
  /** Worst slack over all runs (most negative = furthest from holding). */
  worstSlack: number | null;
  largestResidual: number | null;
  /** Identities: the largest residual / tolerance over the runs (dimensionless, comparable across claims; > 1 fails). */
  relativeResidual?: number;
  ranges: Record<string, [number, number]>;
  counterexample?: {
    params: InstanceParams;
    outcome: CheckOutcome;
    path: string;
    replay: string;
    error?: string;
    /** A counterexample found by the targeted search: the decoded instance (replayed with --instance). */
    instance?: SearchedInstance;
  };
  details?: Record<string, number | string>;
  /** For a composite outcome (allOf): every part of the run whose details are shown, by name, with its slack and tightness. */
  parts?: PartOutcome[];
  tightnessRule?: string;
  vacuousRule?: string;
  /** Why the claim has no search space (its `noSearch`). */
  noSearch?: string;
  /** Max tightness over the random runs and after the search; null where the claim reports none. */
  tightness?: TightnessResult;
  /** Runs whose outcome was not vacuous (equal to `runs` for claims that never set `vacuous`); absent in older reports. */
  nonVacuousRuns?: number;
  timeMs: number;
}

/** A searched instance: discrete choices plus the real vector, enough to rebuild it exactly. */
export interface SearchedInstance {
  params: InstanceParams;
  x: number[];
}

export interface TightnessResult {
  /** Max over the random runs (null when no run reported one). */
  random: number | null;
  /** Max over the random runs and the search (null without a search). */
  searched: number | null;
  /** Evaluations spent by the search. */
  evaluations: number;
  /**
   * Why `searched` is null: `refuted` (a random run already broke the statement, nothing to search for), `no-space`
   * (the claim has no search space; its `noSearch` says why), `no-start` (no passing non-vacuous run to start from),
   * `off` (search disabled for this run, e.g. a replay).
   */
  searchSkipped?: 'refuted' | 'no-space' | 'no-start' | 'off';
  /** The best instance the search decoded (the arg-max of the search phase), for replay; its tightness next to it. */
  instance?: SearchedInstance;
  instanceTightness?: number;
  /** The known supremum, when the claim gives one. */
  knownSupremum?: number;
  replay?: string;
}

/** A claim of any instance type, as stored in the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyClaim = Claim<any>;
