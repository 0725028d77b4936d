/**
 * Shared machinery of the exact claims: an identity LHS = RHS is evaluated in exact Gaussian-rational
 * arithmetic at N independent random points of S^n (free parameters uniform in S = {-N_S..N_S}), and the
 * outcome reports the Schwartz-Zippel bound (k/|S|)^N on the probability that a FALSE polynomial identity
 * of degree <= k passes all N points (src/exact/tracked.ts explains the degree bookkeeping).
 *
 * Caveat stated once: the points come from the seeded xoshiro128** stream (src/random/rng.ts), i.e. the
 * bound is the one for truly uniform draws; the generator is a good but deterministic stand-in.
 */
import type { CheckOutcome } from '../../src/claims/types.ts';
import { makeRng, type Rng } from '../../src/random/rng.ts';
import * as q from '../../src/exact/gaussian-rational.ts';
import * as mx from '../../src/exact/qmatrix.ts';
import { type ParamSet, setSize } from '../../src/exact/instances.ts';
import type { TMat, TSc } from '../../src/exact/tracked.ts';

/** A difference LHS - RHS that must vanish exactly (matrix or scalar), with its degree bound. */
export type Diff = TMat | TSc;

function isMat(x: Diff): x is TMat {
  return (x.v as mx.QMat).e !== undefined;
}

function diffZero(x: Diff): boolean {
  return isMat(x) ? mx.isZeroMat(x.v) : q.isZero(x.v);
}

function diffAbs(x: Diff): number {
  return isMat(x) ? mx.maxAbsApprox(x.v) : q.toNumberAbs(x.v);
}

function diffBits(x: Diff): number {
  return isMat(x) ? mx.maxBits(x.v) : q.bits(x.v);
}

/** The standard rule text of the exact claims. */
export function exactRule(s: ParamSet, points: number, degreeText: string): string {
  return (
    `exact: LHS - RHS must be exactly 0 in Q(i) (no tolerance). Free parameters uniform in S = {-${s.N}..${s.N}}, |S| = ${setSize(s)}; ` +
    `${points} independent points per run. Degree bound k of the cleared numerator: ${degreeText} (computed per instance by the ` +
    `bookkeeping of src/exact/tracked.ts and reported as degreeBound). A false identity passes one run with probability <= (k/|S|)^${points} ` +
    `(log10 reported as log10FalsePassProbability); independent runs multiply this bound (total exponent: runs x ${points}).`
  );
}

export interface ExactPoint {
  /** Differences that must vanish. */
  diffs: Diff[];
}

/**
 * Evaluates `points` independent instances (streams rng.fork(i) of the run's seed) and returns the outcome:
 * `s` null: no free parameters (every difference must then have degree 0). ok iff every difference vanishes exactly; slack 0 when exact, otherwise minus the largest |entry| of a
 * difference; details carry the exact verdict and the Schwartz-Zippel numbers.
 */
export function exactCheck(seed: number, points: number, s: ParamSet | null, build: (rng: Rng, point: number) => ExactPoint): CheckOutcome {
  const root = makeRng(seed);
  let allZero = true, k = 0, residual = 0, maxBits = 0;
  for (let i = 0; i < points; i++) {
    const { diffs } = build(root.fork(i), i);
    for (const dfx of diffs) {
      if (s === null && dfx.g.num !== 0) throw new Error('exactCheck: a difference depends on free parameters but no parameter set was given');
      k = Math.max(k, dfx.g.num);
      maxBits = Math.max(maxBits, diffBits(dfx));
      if (!diffZero(dfx)) {
        allZero = false;
        residual = Math.max(residual, diffAbs(dfx));
      }
    }
  }
  const size = s === null ? 'n/a (no free parameters)' : setSize(s);
  const log10 =
    k === 0 || typeof size === 'string' ? 'proof (degree 0: the exact evaluation decides)' : points * Math.log10(Math.min(1, k / size));
  return {
    ok: allZero,
    slack: allZero ? 0 : -Math.max(residual, Number.MIN_VALUE),
    residual,
    tolerance: 0,
    details: {
      exactVerdict: allZero ? 'holds exactly at every point' : 'fails exactly (non-zero exact residual)',
      exactInstances: points,
      degreeBound: k,
      setSize: size,
      log10FalsePassProbability: log10,
      maxResidualBits: maxBits,
    },
  };
}

/** A Gaussian rational constant as a tracked scalar of degree 0. */
export { constSc, constMat } from '../../src/exact/tracked.ts';
