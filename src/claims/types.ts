/**
 * Claims are data. Each module of theorems/ exports one `Claim`; vitest, the CLI and the
 * report all read the registry built from them (theorems/index.ts), so a claim is written once.
 */
import type { Arbitrary } from 'fast-check';

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
  /** The bound says nothing on this instance (e.g. a lower bound <= 0, a probabilistic bound above the deterministic maximum). */
  vacuous?: boolean;
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
  /** When an outcome is marked `vacuous`, in words. */
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
  check: (params: I) => CheckOutcome;
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
  ranges: Record<string, [number, number]>;
  counterexample?: {
    params: InstanceParams;
    outcome: CheckOutcome;
    path: string;
    replay: string;
    error?: string;
  };
  details?: Record<string, number | string>;
  timeMs: number;
}

/** A claim of any instance type, as stored in the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyClaim = Claim<any>;
