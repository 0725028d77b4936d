/**
 * Theorem 4.4 (section 4, eq. 12; proof in appendix C.2): at global minima drawn from the
 * "uniform measure over global minima" of section 4, lambda_g = lambda_min(K_asym) >=
 * 2 gamma^2 (1 - 1/gamma^2 - C2 max(m^2/d, (m/d) log(2/delta))) with probability >= 1 - delta.
 *
 * The builder of that measure is in ./theorem-4.4-minimum.ts (re-exported here); the proof steps in
 * ./theorem-4.4-steps.ts and ./theorem-4.4-eq118.ts and the claims of the text before the theorem in ./section-4.ts use it.
 */
import fc from 'fast-check';
import { seedArb } from '../properties/index.ts';
import type { Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import { type CMat, gramRows, identity, maxAbsDiff, zeros } from '../src/linalg/cmatrix.ts';
import { lambdaMin } from '../src/linalg/eigh.ts';
import { kernelAsymFast } from '../src/dynamics/asymptotic.ts';
import { predictionsOf } from '../src/model/qnn.ts';
import { makeRng, type Rng } from '../src/random/rng.ts';
import { mean, quantile, std, weightedLinearFit } from '../src/stats/index.ts';
import { buildGlobalMinimum, pauliLikeOf } from './theorem-4.4-minimum.ts';

export { assembleMinimum, buildGlobalMinimum, type GlobalMinimum, negativeGramRoot, pauliLikeOf } from './theorem-4.4-minimum.ts';
export interface MinimumParams extends InstanceParams { d: number; m: number; gamma: number; rotate: boolean }

/**
 * d in {8, 16, 32}, m in {2, 4} with m <= d/4, gamma in [1.2, 8]. (For m = 2 with one label of each sign a global minimum
 * exists for every draw; for m = 4 only a fraction does at these d: 2.4% at gamma = 1.2, d = 16, 83% at gamma = 2, d = 32.)
 */
export const minimumArbitrary = () =>
  fc
    .record({
      seed: seedArb(),
      d: fc.constantFrom(8, 16, 32),
      m: fc.constantFrom(2, 4),
      gamma: fc.double({ min: 1.2, max: 8, noNaN: true }),
      rotate: fc.boolean(),
    })
    .map((p) => ({ ...p, m: Math.min(p.m, p.d / 4) }));

/** The construction goes through an m x m eigendecomposition (N^{1/2}) and O(d)-term sums: spectral tolerance on scale `s`. */
export const minimumTol = (s: number, d: number) => TOLERANCES.spectral(s, d);

export const theorem44GlobalMinimum: Claim<MinimumParams> = {
  id: 'theorem-4.4/global-minimum',
  title: 'The uniform measure over global minima: every draw is a global minimum',
  ref: { label: 'Section 4 (before Theorem 4.4)', section: '4', equations: [] },
  statement:
    'Given unit vectors uhat_j of the positive subspace of M = gamma (Pi+ - Pi-), u_j = sqrt((1 + y_j/gamma)/2) uhat_j and w_j of the negative ' +
    'subspace with w_i^dag w_j = delta_ij - u_i^dag u_j give orthonormal states v_j = u_j + w_j with yhat_j = gamma (||u_j||^2 - ||w_j||^2) = y_j, i.e. L = 0 ' +
    '("given a set of unit vectors uhat_j in the positive subspace, there is a corresponding set of u_j and w_j such that L = 0 for sufficiently large d").',
  hypotheses: ['m even, balanced labels', 'gamma > 1', 'N = I - P positive semidefinite (redrawn otherwise; m <= d/4)'],
  kind: 'identity',
  strength: 'consistency',
  strengthReason: "checks the suite's own sampler of global minima (L = 0 holds by construction of the draw)",
  expectation: 'holds',
  uses: [],
  toleranceRule: 'construction through an m x m eigendecomposition and O(d)-term sums: 256 EPS d gamma (predictions) and 256 EPS d (orthonormality)',
  runs: { quick: 10, default: 40, full: 400 },
  arbitrary: minimumArbitrary,
  check: (p) => {
    const gm = buildGlobalMinimum(makeRng(p.seed), p);
    const yhat = predictionsOf(pauliLikeOf(gm).M, gm.states); // yhat_j = tr(rho_j M)
    let predErr = 0;
    for (let j = 0; j < p.m; j++) predErr = Math.max(predErr, Math.abs(yhat[j] - gm.labels[j]));
    const orthErr = maxAbsDiff(gramRows(gm.states), identity(p.m));
    const tolPred = minimumTol(p.gamma, p.d), tolOrth = minimumTol(1, p.d);
    const slack = Math.min(tolPred - predErr, tolOrth - orthErr);
    return { ok: Number.isFinite(slack) && slack >= 0, slack, residual: Math.max(predErr, orthErr), tolerance: tolPred, details: { predErr, orthErr, tries: gm.tries } };
  },
};

// ---------------------------------------------------------------------------------------
// The statement (eq. 12): a scaling claim over a sweep of d.

/**
 * K_asym for M = gamma diag(+1 x d/2, -1 x d/2) in O(m^2 d), from eq. (104) without using M^2 = gamma^2 I:
 * (K_asym)_ij = tr(M^2 rho_i rho_j) + tr(M^2 rho_j rho_i) - 2 tr(M rho_i M rho_j) = 2 Re((x_i^dag x_j)(v_j^dag v_i)) - 2 |v_i^dag x_j|^2, x_j = M v_j.
 */
export function kAsymDiagonalM(gamma: number, states: CMat): CMat {
  const m = states.rows, d = states.cols, h = d / 2;
  const vr = states.re, vi = states.im;
  const k = zeros(m, m);
  for (let i = 0; i < m; i++) {
    for (let j = i; j < m; j++) {
      let ar = 0, ai = 0, br = 0, bi = 0, cr = 0, ci = 0;
      for (let a = 0; a < d; a++) {
        const s = a < h ? gamma : -gamma;
        const pr = vr[i * d + a], pi = vi[i * d + a], qr = vr[j * d + a], qi = vi[j * d + a];
        ar += s * s * (pr * qr + pi * qi); // x_i^dag x_j
        ai += s * s * (pr * qi - pi * qr);
        br += qr * pr + qi * pi; // v_j^dag v_i
        bi += qr * pi - qi * pr;
        cr += s * (pr * qr + pi * qi); // v_i^dag x_j
        ci += s * (pr * qi - pi * qr);
      }
      const val = 2 * (ar * br - ai * bi) - 2 * (cr * cr + ci * ci);
      k.re[i * m + j] = val;
      k.re[j * m + i] = val;
    }
  }
  return k;
}

interface ScalingParams extends InstanceParams { gamma: number }

/** d = m^2 x {8, 16, 32} for each m: the regime m^2/d <= 1/8 of the theorem (at m = 16, d = 512 the d-exponent was -0.80: pre-asymptotic); x 64 doubled the cost. */
const D_OVER_M2 = [8, 16, 32];
const SWEEP_M = [2, 4, 8, 16];
const sweepD = (m: number) => D_OVER_M2.map((r) => r * Math.max(4, m * m));
const DRAWS = 32;
const DELTA = 0.1;
const BOOTSTRAP = 200;
/**
 * Two-sided normal quantile for each fitted exponent: a full-budget run fits 4 values of m x 2 statistics x 30 runs = 240 d-exponents
 * (and 30 m-exponents); Bonferroni at family-wise level 1% gives 3.7e-5 per two-sided fit, z = 4.1, rounded up to 4.5 (the bootstrap
 * standard error of a log-mean from 32 draws is itself uncertain: over 40 seeds the standardised exponents had sd 1.1-1.2).
 */
const Z_FIT = 4.5;

/** Bootstrap standard error of log(stat(xs)) (BOOTSTRAP resamples from rng). */
function bootstrapLogSE(rng: Rng, xs: number[], stat: (ys: number[]) => number): number {
  const logs: number[] = [];
  const ys = new Array<number>(xs.length);
  for (let b = 0; b < BOOTSTRAP; b++) {
    for (let i = 0; i < xs.length; i++) ys[i] = xs[Math.floor(rng.uniform() * xs.length)];
    logs.push(Math.log(stat(ys)));
  }
  return std(logs);
}

export const theorem44: Claim<ScalingParams> = {
  id: 'theorem-4.4',
  title: 'lambda_min(K_asym) at random global minima: deficit O(m^2/d), measured O(m/d)',
  ref: { label: 'Theorem 4.4', section: '4', equations: ['12', '118'] },
  statement:
    'With probability >= 1 - delta over the uniform measure over global minima, lambda_g >= 2 gamma^2 (1 - 1/gamma^2 - C2 max(m^2/d, (m/d) log(2/delta))) ' +
    '(eq. 12), i.e. the (1 - delta)-quantile of the deficit D = 1 - 1/gamma^2 - lambda_g/(2 gamma^2) (>= 0 since lambda_g <= (K_asym)_jj) is at most ' +
    `C2 max(m^2/d, (m/d) log(2/delta)). Checked for m in {${SWEEP_M.join(', ')}} over d = max(4, m^2) x {${D_OVER_M2.join(', ')}} (${DRAWS} draws per cell, delta = ${DELTA}): ` +
    '(a) for each m the d-exponents of the mean deficit and of its (1 - delta)-quantile (the statement itself) have two-sided intervals that contain the ' +
    'predicted -1; (b) at each d the m-exponent of the mean deficit over m = 4, 8, 16 is not significantly above the predicted 2 (the bound is an upper rate). ' +
    'Measured (default seed, 5 runs): d-exponents -0.69 to -1.25 (mean) and -0.79 to -1.24 (quantile), all intervals containing -1; m-exponent 1.10-1.33 (se 0.02-0.04), ' +
    'far below 2 (also d D/m ~ 2 for m = 4..32 at d = 256, 1024, d D/m^2 falling from 0.5 to 0.06): the m^2 of (12), from ||R|| ||G - I||^2 with ' +
    '||R|| ~ m/2 and ||G - I||^2 ~ m/d (Lemma C.1 and eq. 117), is loose by a factor m; the deficit is O(m/d). C2 = max over cells of the (1 - delta)-quantile ' +
    'of D / max(m^2/d, (m/d) log(2/delta)) is reported (bounded along the sweep by (a)).',
  hypotheses: ['orthogonal pure states, balanced labels', 'gamma > 1', 'global minima from the uniform measure of section 4 (diagonal M)'],
  kind: 'scaling',
  strength: 'substantive',
  strengthReason: 'the d-exponents of the mean and of the (1 - delta)-quantile must contain -1 and the m-exponent must not exceed 2; a wrong rate fails it',
  expectation: 'holds',
  uses: ['lemma-4.1', 'lemma-c.1', 'lemma-c.2'],
  toleranceRule:
    `weighted least squares on (log d, log stat) over ${D_OVER_M2.length} values of d per m, ${DRAWS} draws each, weights from bootstrap standard errors ` +
    `(${BOOTSTRAP} resamples) of log stat at each d; holds iff |slope + 1| <= ${Z_FIT} SE for stat = mean deficit and its (1 - delta)-quantile, each m, ` +
    `and the weighted m-exponent of log(d mean D) over m = 4, 8, 16 satisfies slope - ${Z_FIT} SE <= 2 ` +
    `(z = ${Z_FIT}: two-sided Bonferroni over the fits of a full-budget run at family-wise level 1%)`,
  // ~3 s per run: full = 30 keeps the spec under the 120 s vitest timeout
  runs: { quick: 2, default: 5, full: 30 },
  arbitrary: () => fc.record({ seed: seedArb(), gamma: fc.constantFrom(1.5, 2, 4, 8) }),
  check: ({ seed, gamma }) => {
    const rng = makeRng(seed);
    const details: Record<string, number | string> = {};
    let slack = Infinity, c2 = 0, c2Max = 0, maxRejected = 0;
    const levelAt = new Map<number, { y: number; se: number }>();
    for (const m of SWEEP_M) {
      const x: number[] = [], yMean: number[] = [], yQ: number[] = [], seMean: number[] = [], seQ: number[] = [];
      const SWEEP_D = sweepD(m);
      for (const d of SWEEP_D) {
        const sub = rng.fork(`m${m}-d${d}`);
        const deficits: number[] = [];
        let rejected = 0;
        for (let k = 0; k < DRAWS; k++) {
          const gm = buildGlobalMinimum(sub, { d, m, gamma, rotate: false });
          const K = kAsymDiagonalM(gamma, gm.states);
          if (k === 0 && d === SWEEP_D[0]) {
            // Cross-check of the O(m^2 d) route against K_asym of eq. (7) from the d x d measurement (src/dynamics/asymptotic.ts).
            const residual = maxAbsDiff(K, kernelAsymFast(pauliLikeOf(gm).M, gm.states)), tol = TOLERANCES.identity(gamma * gamma, d, 2);
            details[`m${m}.crossCheckResidual`] = residual;
            if (!(residual <= tol)) return { ok: false, slack: Number.NEGATIVE_INFINITY, residual, tolerance: tol, details };
          }
          const lg = lambdaMin(K);
          if (gm.tries > 1) rejected++;
          deficits.push(1 - 1 / gamma ** 2 - lg / (2 * gamma ** 2));
        }
        const meanDeficit = mean(deficits);
        maxRejected = Math.max(maxRejected, rejected / DRAWS);
        const q = quantile(deficits, 1 - DELTA);
        if (!(meanDeficit > 0 && q > 0 && Number.isFinite(meanDeficit) && Number.isFinite(q))) return { ok: false, slack: Number.NEGATIVE_INFINITY, details: { m, d, mean: meanDeficit, q } };
        x.push(Math.log(d));
        yMean.push(Math.log(meanDeficit));
        yQ.push(Math.log(q));
        const boot = sub.fork('bootstrap');
        seMean.push(bootstrapLogSE(boot, deficits, mean));
        seQ.push(bootstrapLogSE(boot, deficits, (ys) => quantile(ys, 1 - DELTA)));
        const rate = Math.max((m * m) / d, (m / d) * Math.log(2 / DELTA)); // eq. (12)
        c2 = Math.max(c2, q / rate);
        c2Max = Math.max(c2Max, Math.max(...deficits) / rate);
      }
      const fm = weightedLinearFit(x, yMean, seMean), fq = weightedLinearFit(x, yQ, seQ);
      slack = Math.min(slack, Z_FIT * fm.slopeSe - Math.abs(fm.slope + 1), Z_FIT * fq.slopeSe - Math.abs(fq.slope + 1));
      details[`m${m}.exponentMean`] = fm.slope;
      details[`m${m}.exponentMeanSE`] = fm.slopeSe;
      details[`m${m}.exponentQuantile`] = fq.slope;
      details[`m${m}.exponentQuantileSE`] = fq.slopeSe;
      details[`m${m}.chi2PerDof`] = fm.chi2PerDof;
      // log(d mean D) over this m's d: weighted mean and its standard error (constant in d when the d-exponent is -1)
      const w = seMean.map((e) => 1 / (e * e)), sw = w.reduce((a, b) => a + b, 0);
      levelAt.set(m, { y: yMean.reduce((a, y, i) => a + w[i] * (y + x[i]), 0) / sw, se: 1 / Math.sqrt(sw) });
    }
    // (b) m-dependence over m = 4, 8, 16 (m = 2 has one pair per label and its own constant), predicted exponent <= 2.
    const mFit = SWEEP_M.filter((m) => m >= 4);
    const fmM = weightedLinearFit(mFit.map(Math.log), mFit.map((m) => levelAt.get(m)!.y), mFit.map((m) => levelAt.get(m)!.se));
    slack = Math.min(slack, 2 - (fmM.slope - Z_FIT * fmM.slopeSe));
    details.mExponent = fmM.slope;
    details.mExponentSE = fmM.slopeSe;
    details.mExponentPredicted = '<= 2';
    details.dExponentPredicted = -1;
    details.C2 = c2;
    details.C2fromMaxDeficit = c2Max;
    details.largestRedrawFraction = maxRejected;
    return { ok: Number.isFinite(slack) && slack >= 0 && Number.isFinite(c2), slack, details };
  },
};
