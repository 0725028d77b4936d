/**
 * Proof of Theorem 4.4 (appendix C.2, eq. 117): the Gram matrix G of m independent uniform unit vectors of a d/2-dimensional
 * complex space is close to the identity, ||G - I||_op <= c_m max(sqrt(m), t)/sqrt(d) with probability >= 1 - 2 exp(-c_p t^2)
 * (Vershynin 2010, Thm 5.58). The constants are unspecified, so the checkable content is the rate: at t = sqrt(m) the bound is
 * c_m sqrt(m/d): at fixed m, ||G - I||_op must decay at least like d^(-1/2); the constant c_m = sup ||G - I|| sqrt(d/m) is reported.
 */
import fc from 'fast-check';
import type { Claim, InstanceParams } from '../src/claims/types.ts';
import { fittedExponentTolerance } from '../src/claims/tolerances.ts';
import { gramRows, identity, sub } from '../src/linalg/cmatrix.ts';
import { opNormHermitian } from '../src/linalg/norms.ts';
import { ginibre } from '../src/random/ensembles.ts';
import { makeRng } from '../src/random/rng.ts';
import { nonFinite, seedArb } from './section-4-b-common.ts';

interface Params extends InstanceParams { n: number }

const DS = [64, 128, 256, 512, 1024];
const MS = [2, 4, 8];
/** z = 4: one-sided false-alarm rate 3.2e-5 per fit under normality, 3 fits per run (the log of a mean of n = 24 draws is close to normal). */
const Z = 4;

/** m uniform unit vectors of C^{d/2} as rows (normalised complex Gaussian rows). */
function unitRows(rng: ReturnType<typeof makeRng>, m: number, half: number) {
  const g = ginibre(rng, m, half);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < half; j++) s += g.re[i * half + j] ** 2 + g.im[i * half + j] ** 2;
    const r = 1 / Math.sqrt(s);
    for (let j = 0; j < half; j++) {
      g.re[i * half + j] *= r;
      g.im[i * half + j] *= r;
    }
  }
  return g;
}

export const theorem44Eq117: Claim<Params> = {
  id: 'theorem-4.4/eq-117',
  title: 'Approximate isometry (117): ||G - I||_op grows like sqrt(m/d)',
  ref: { label: 'Theorem 4.4 (proof)', section: 'C.2', equations: ['117'] },
  statement:
    'For m unit vectors uhat_j drawn independently and uniformly from the unit sphere of a d/2-dimensional complex space, ||G - I||_op <= ' +
    'c_m max(sqrt(m), t)/sqrt(d) with probability >= 1 - 2 exp(-c_p t^2) (eq. 117), c_m, c_p unspecified. Checked as its rate in d: for each ' +
    'm in {2, 4, 8} the mean of ||G - I||_op over n draws at d in {64, ..., 1024} is fitted as C d^s on log-log; the claim holds unless some s ' +
    'exceeds -1/2 by more than 4 standard errors. Reported: the worst s, the exponent in m at d = 1024 (mExponent) and the empirical constant ' +
    'max ||G - I||_op sqrt(d/m) (cmEmpirical; the Marchenko-Pastur edge gives 2 sqrt 2 + O(sqrt(m/d)) for large d).',
  hypotheses: ['uhat_j i.i.d. uniform on the unit sphere of C^{d/2}', 'm <= d/4'],
  kind: 'scaling',
  strength: 'substantive',
  strengthReason: 'an exponent fitted over a sweep must contain the predicted value; a wrong rate fails it',
  expectation: 'holds',
  uses: [],
  toleranceRule: 'fittedExponentTolerance(se, 4) per m: s <= -1/2 + 4 se, se of the least-squares slope propagated from the sampling error of each log-mean (delta method, sample sd over n = 24 draws), not from the residuals of 5 points',
  runs: { quick: 2, default: 5, full: 20 },
  arbitrary: () => fc.record({ seed: seedArb(), n: fc.constant(24) }),
  check: ({ seed, n }) => {
    const rng = makeRng(seed);
    let cm = 0, worst = Number.POSITIVE_INFINITY, worstFit = { slope: 0, se: 0 }, worstTol = 0;
    const atLargest: number[] = [];
    for (const m of MS) {
      const x: number[] = [], y: number[] = [], se: number[] = [];
      for (const d of DS) {
        const devs: number[] = [];
        for (let s = 0; s < n; s++) {
          const dev = opNormHermitian(sub(gramRows(unitRows(rng, m, d / 2)), identity(m)));
          devs.push(dev);
          cm = Math.max(cm, dev * Math.sqrt(d / m));
        }
        const mean = devs.reduce((a, b) => a + b, 0) / n;
        const sd = Math.sqrt(devs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
        x.push(Math.log(d));
        y.push(Math.log(mean));
        se.push(sd / (Math.sqrt(n) * mean)); // delta method: SE of log(mean)
      }
      atLargest.push(y[y.length - 1]);
      // OLS slope with its standard error propagated from the per-point sampling errors (not from the residuals of 5 points).
      const mx = x.reduce((a, b) => a + b, 0) / x.length;
      const sxx = x.reduce((a, b) => a + (b - mx) ** 2, 0);
      const slope = x.reduce((a, xi, i) => a + (xi - mx) * y[i], 0) / sxx;
      const slopeSe = Math.sqrt(x.reduce((a, xi, i) => a + (xi - mx) ** 2 * se[i] ** 2, 0)) / sxx;
      const bad = nonFinite({ slope, slopeSe });
      if (bad) return bad;
      const tol = fittedExponentTolerance(slopeSe, Z);
      const slack = -0.5 + tol - slope;
      if (slack < worst) [worst, worstFit, worstTol] = [slack, { slope, se: slopeSe }, tol];
    }
    const lm = MS.map(Math.log), mxm = lm.reduce((a, b) => a + b, 0) / lm.length;
    const mExponent = lm.reduce((a, x, i) => a + (x - mxm) * atLargest[i], 0) / lm.reduce((a, x) => a + (x - mxm) ** 2, 0); // OLS slope in log m
    return {
      ok: worst >= 0, slack: worst, tolerance: worstTol,
      details: { exponent: worstFit.slope, se: worstFit.se, mExponent, cmEmpirical: cm, n },
    };
  },
};
