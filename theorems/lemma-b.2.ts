/**
 * Lemma B.2 (appendix B.2, eqs. 68-71): concentration of Y(theta(0)) at Y* over the Haar initialisation.
 * The statement (68) and the end of the proof (71) print different constants, and the matrix Hoeffding
 * inequality cited (Tropp 2012, Thm 1.3: P(lambda_max(sum X_k) >= t) <= D exp(-t^2/(8 sigma^2))) gives a further
 * factor sqrt(8) that the proof drops. Both printed bounds are checked against the empirical (1 - delta) quantile.
 */
import fc from 'fast-check';
import type { CheckOutcome, Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import { adjoint, type CMat, identity, kron, matmul, scale, sub } from '../src/linalg/cmatrix.ts';
import { defineSpace, intervalInverse } from '../src/search/decode.ts';
import { identityOutcome } from '../src/claims/outcomes.ts';
import { opNormHermitian } from '../src/linalg/norms.ts';
import { yStar, zFactor } from '../src/model/kernels.ts';
import { haarSpecialUnitary } from '../src/random/ensembles.ts';
import { makeRng } from '../src/random/rng.ts';
import { quantileLowerConfidenceBound } from '../src/stats/index.ts';
import {
  allOf, buildGenerator, type GenKind, inequalityOutcome, nonFinite, seedArb,
} from './section-4-b-common.ts';
import { b2Samples, type Generator, generatorOf, runGenerator, spectrumGenerator } from './search-spaces-appendix-b.ts';

interface B2Params extends InstanceParams { d: number; p: number; gen: GenKind; theta0: 'zero' | 'random'; delta: number; n: number }

/** Confidence of the quantile comparison: the bound is rejected only if it lies below a 99.9% lower confidence bound of the quantile. */
const ALPHA = 1e-3;

/**
 * d in {2, 4, 8, 16} and p where the bounds are informative: with a = 2 ||H||^2/Z >= the deterministic maximum ||H||^2/Z + (d + 1)/d
 * of ||Y - Y*|| (eq. 70) up to (d + 1)/d, (68) is below that maximum only for p > 8 log(d^2/delta) (46 at d = 4, 69 at d = 16, delta = 0.05).
 * With the former p in {4, 16, 64} at d <= 4, 50% of the draws were vacuous for (68) and 44% for (71); with p in {32, 128, 512}, 38% and 17%;
 * with the p below none is. n = 200 draws per run for d <= 4, 100 at d = 8, 30 at d = 16 (a 256 x 256 eigenproblem per draw). Runs where a
 * bound still exceeds the deterministic maximum are flagged vacuous.
 */
const b2Arbitrary = () =>
  fc.constantFrom(2, 4, 8, 16).chain((d) =>
    fc.record({
      seed: seedArb(),
      d: fc.constant(d),
      p: d === 16 ? fc.constant(128) : d === 8 ? fc.constantFrom(128, 256) : d === 4 ? fc.constantFrom(128, 512) : fc.constantFrom(64, 512),
      gen: fc.constantFrom<GenKind>('appendix-d', 'gue', 'rank2'),
      theta0: fc.constantFrom<'zero' | 'random'>('zero', 'random'),
      delta: fc.constantFrom(0.1, 0.05),
      n: fc.constant(d === 16 ? 30 : d === 8 ? 100 : 200),
    }));

/** Bounds of eq. (68), eq. (71) and the Tropp-constant version of (71), for a generator with ||H||_op^2 = hOp2 and Z = z. */
function bounds({ d, p }: B2Params, delta: number, hOp2: number, z: number) {
  const a = (2 * hOp2) / z; // 2 ||H||_op^2 / Z, eq. (70)
  return {
    eq68: (a / Math.sqrt(p)) * Math.sqrt(2 * Math.log((d * d) / delta)),
    eq71: (a / Math.sqrt(p)) * Math.sqrt(Math.log((2 * d * d) / delta)),
    tropp: (a / Math.sqrt(p)) * Math.sqrt(8 * Math.log((2 * d * d) / delta)),
  };
}

/** The tightness of the three quantile claims. */
const QUANTILE_TIGHTNESS =
  'the 99.9% lower confidence bound of the (1 - delta) quantile of ||Y(theta(0)) - Y*||_op over the bound (> 1 exactly when the check fails; ' +
  'details.ratio is the empirical quantile over the bound; details.normalisedOpNorm2 = d ||H||_op^2/tr(H^2), 1 for a flat spectrum), non-vacuous runs only';

type Which = 'eq68' | 'eq71' | 'tropp';

/** The (1 - delta) quantile of the samples of ||Y(theta(0)) - Y*||_op against the bound `which` for the generator g. */
function quantileOutcome(params: B2Params, which: Which, samples: number[], g: Generator, delta: number): CheckOutcome {
  const { hOp2, z } = g;
  const b = bounds(params, delta, hOp2, z);
  const bound = b[which];
  const lcb = quantileLowerConfidenceBound(samples, 1 - delta, ALPHA);
  const bad = nonFinite({ bound, empirical: lcb.empirical, maxSample: Math.max(...samples) });
  if (bad) return bad;
  const slack = (bound - lcb.bound) / bound;
  const detMax = hOp2 / z + (params.d + 1) / params.d; // eq. (70): ||Y - Y*||_op never exceeds it
  return {
    ok: slack >= 0, slack, vacuous: bound >= detMax, tightness: lcb.bound / bound,
    details: {
      ratio: lcb.empirical / bound, boundOverDeterministicMax: bound / detMax,
      quantile: lcb.empirical, lowerConfidenceQuantile: lcb.bound, orderStatistic: lcb.k, n: samples.length, delta,
      ratioEq68: lcb.empirical / b.eq68, ratioEq71: lcb.empirical / b.eq71, ratioTropp: lcb.empirical / b.tropp,
      maxOverAlwaysBound: Math.max(...samples) / ((2 * hOp2) / z), normalisedOpNorm2: (hOp2 * params.d) / (z * (params.d * params.d - 1)),
    },
  };
}

/** n independent draws of ||Y(theta(0)) - Y*||_op (fresh Haar gates and theta(0) per draw; one H per run) against the bound `which`. */
function checkQuantile(params: B2Params, which: Which): CheckOutcome {
  const g = runGenerator(params);
  return quantileOutcome(params, which, b2Samples(params, g.eig.values, g.z), g, params.delta);
}

/**
 * The spectrum of H is searched where one evaluation (n draws of Y(theta(0)) at a new spectrum: n p d^4 complex multiply-adds and n
 * eigenproblems of d^2 x d^2) costs at most 1e7 multiply-adds, i.e. d = 4 at p = 128 (~0.1 s); elsewhere (d = 2: the spectrum is +-s;
 * d = 4 at p = 512, d = 8, 16: 0.5-5.5 s per evaluation) delta only, on the run's own samples.
 */
const spectral = ({ d, p, n }: B2Params) => d > 2 && n * p * d ** 4 <= 1e7;

/** delta of the search: [0.01, 0.5] (the lower confidence bound of the (1 - delta) quantile exists for n >= 10 up to delta = 0.5). */
const DELTA_RANGE = [0.01, 0.5] as const;

interface B2Instance { lam: Float64Array; delta: number; g: Generator }

function b2Space(which: Which) {
  return defineSpace<B2Params, B2Instance>({
    decode: (r, params) => {
      const delta = r.interval(...DELTA_RANGE);
      const run = runGenerator(params);
      const { h, lam } = spectrumGenerator(r, run, spectral(params));
      return { lam, delta, g: h === run.h ? run : generatorOf(h) };
    },
    encode: (params) => Float64Array.from([intervalInverse(params.delta, ...DELTA_RANGE), ...new Float64Array(spectral(params) ? params.d - 2 : 0)]),
    assess: ({ lam, delta, g }, params) => quantileOutcome(params, which, b2Samples(params, lam, g.z, spectral(params)), g, delta),
    evaluations: { quick: 6, default: 30, full: 150 },
    note:
      'delta in [0.01, 0.5] and, at d = 4 and p = 128, the spectrum of H (2 reals: traceless spectra of the run\'s tr(H^2) on a sphere around the ' +
      'run\'s spectrum, with the run\'s eigenvectors), re-estimated on every evaluation from the run\'s own n draws of Haar gates and theta(0) ' +
      '(common random numbers: the tightness is deterministic in x, and x = 0 is the run itself). The law of Y(theta(0)) depends on H only ' +
      'through its spectrum and not on theta(0) (Haar invariance), so the eigenvectors and theta(0) stay the run\'s, as do d, p, n and the generator ' +
      'family. The spectrum is searched only where an evaluation costs <= 1e7 multiply-adds (d = 4, p = 128: ~0.1 s); elsewhere delta only, on the ' +
      'run\'s cached samples (the ratio is the same to 3% across p, D_TREND). Natural worst case: the flat spectrum +-s (||H||_op^2 = tr(H^2)/d, ' +
      'the equality case of g_1 >= 1/d in (70)), which minimises the bound\'s factor ||H||_op^2/Z while the quantile hardly depends on the ' +
      'spectrum (measured at d = 4, p = 128: the ratio to (68) is 0.15 for rank 2, 0.30 for the flat spectrum). A searched value is selected over ' +
      'statistics of one sample: its 99.9% confidence holds per evaluation, not for the search as a whole.',
  });
}

/**
 * Measured (theta(0) uniform, delta = 0.1, 100 draws per cell, 12 at d = 32): the 0.9-quantile times sqrt(p) is constant in p to 3%
 * (p = 32, 128, 512), so the p^(-1/2) rate is exact, and it is ~2d for both H: 2.5, 7.4, 16, 32 at d = 2, 4, 8, 16.
 */
export const D_TREND =
  'Ratio of the empirical 0.9-quantile to (68) against d (delta = 0.1, theta(0) uniform, 100 draws per cell, the same to 3% for p = 32, 128, 512): ' +
  'appendix-D H: 0.30, 0.31, 0.27, 0.25, 0.23 at d = 2, 4, 8, 16, 32; traceless GUE H: 0.31, 0.16, 0.10, 0.08, 0.07 (d = 32: 12 draws at p = 64, ' +
  'measured once, not in the randomized runs: a 1024 x 1024 eigenproblem per draw). sqrt(p) times the quantile is ~2d for both ' +
  '(2.5, 7.4, 16, 32, 64): it grows like ||H||_op^2/Z for the appendix-D H (= d - 1/d) with no sign of the sqrt(log(d^2/delta)) factor of the bound, ' +
  'which is therefore loose by 3.3-4.0 there; for the GUE H, ||H||_op^2/Z ~ 4d overestimates the scale by a further factor ~2.';

const b2Common = {
  ref: { label: 'Lemma B.2', section: 'B.2', equations: ['68', '69', '70', '71'] },
  hypotheses: [
    'periodic ansatz with U_l Haar on SU(d) (Definition 2.1), any theta(0) (0 or uniform in [0, 2 pi)^p)',
    'H: appendix-D, traceless GUE or rank-2 diag(1, -1, 0, ...) conjugated by a Haar unitary',
  ],
  arbitrary: b2Arbitrary,
  kind: 'statistical' as const,
  expectation: 'holds' as const,
  uses: ['definition-2.1'],
  vacuousRule: 'vacuous when the bound is >= the deterministic maximum ||H||_op^2/Z + (d + 1)/d of ||Y - Y*||_op (eq. 70): it then holds with probability 1',
  toleranceRule:
    'n = 200 independent draws per run for d <= 4 (100 at d = 8, 30 at d = 16); the bound fails only if it lies below the 99.9% lower confidence bound of the (1 - delta) ' +
    'quantile (the order statistic X_(k), k the largest with P(Bin(n, 1 - delta) >= k) >= 0.999). Slack in units of the bound.',
  runs: { quick: 2, default: 6, full: 60 },
};

/** The three quantile claims draw the same samples (b2Samples memoises them): one worker runs them in turn. */
const B2_SAMPLES = 'lemma-b.2 samples';

export const lemmaB2: Claim<B2Params> = {
  id: 'lemma-b.2',
  title: 'Concentration of Y(theta(0)) at Y* (statement, eq. 68)',
  ...b2Common,
  strength: 'substantive',
  strengthReason: 'a probabilistic or experimental statement of the paper tested against samples at a stated confidence; it can fail',
  statement:
    'With probability 1 - delta over the Haar gates, ||Y(theta(0)) - Y*||_op <= (1/sqrt p) (2 ||H||_op^2 / Z) sqrt(2 log(d^2/delta)) (eq. 68). ' +
    'The proof ends with a different constant, sqrt(log(2 d^2/delta)) (eq. 71, lemma-b.2/eq-71), and Tropp\'s Thm 1.3 as cited has ' +
    'exp(-t^2/(8 sigma^2)), i.e. an extra factor sqrt(8) in (71) that the proof drops (lemma-b.2/hoeffding-constant; ratio to that bound reported as ratioTropp). ' +
    D_TREND,
  tightnessRule: QUANTILE_TIGHTNESS,
  search: b2Space('eq68'),
  sharedSamples: B2_SAMPLES,
  check: (params) => checkQuantile(params, 'eq68'),
};

export const lemmaB2Eq71: Claim<B2Params> = {
  id: 'lemma-b.2/eq-71',
  title: 'Concentration of Y(theta(0)) at Y* (end of proof, eq. 71)',
  ...b2Common,
  strength: 'substantive',
  strengthReason: 'a probabilistic or experimental statement of the paper tested against samples at a stated confidence; it can fail',
  statement:
    'With probability >= 1 - delta, ||Y(theta(0)) - Y*||_op <= (1/sqrt p) (2 ||H||_op^2 / Z) sqrt(log(2 d^2/delta)) (eq. 71; the statement, ' +
    'eq. 68, prints sqrt(2 log(d^2/delta)) instead). Checked against the empirical (1 - delta) quantile. ' + D_TREND,
  tightnessRule: QUANTILE_TIGHTNESS,
  search: b2Space('eq71'),
  sharedSamples: B2_SAMPLES,
  check: (params) => checkQuantile(params, 'eq71'),
};

// ---------------------------------------------------------------------------------------------
// The step from (70) to (71) through Tropp (2012), Thm 1.3 (matrix Hoeffding).

export const lemmaB2HoeffdingConstant: Claim<B2Params> = {
  id: 'lemma-b.2/hoeffding-constant',
  title: 'Eq. (71) as the cited matrix Hoeffding bound gives it (the proof drops a factor sqrt(8))',
  ref: { label: 'Lemma B.2 (proof)', section: 'B.2', equations: ['70', '71'] },
  hypotheses: ['X_l = (1/p)((1/Z)(V_l H V_l^dag)^(x)2 - Y*) independent, centred, ||X_l||_op <= a/p, a = 2 ||H||_op^2/Z (eq. 70)', 'D = d^2'],
  statement:
    'The proof obtains (71) from Hoeffding\'s inequality (Tropp 2012, Thm 1.3): with X_k^2 <= A_k^2, A_k = (a/p) I, sigma^2 = ||sum_k A_k^2|| = a^2/p, ' +
    'P(lambda_max(sum X_k) >= t) <= D exp(-t^2/(8 sigma^2)); both tails and D = d^2 give ||Y - Y*||_op <= t with probability >= 1 - delta at ' +
    't = (a/sqrt(p)) sqrt(8 log(2 d^2/delta)). Eq. (71) prints (a/sqrt(p)) sqrt(log(2 d^2/delta)): the derivation as printed is checked as an ' +
    'identity t_(71) = t_Tropp, which fails by the factor sqrt(8). At the printed radius the cited theorem certifies only a failure probability ' +
    '2 d^2 (delta/(2 d^2))^(1/8) (reported; >= 1, i.e. nothing, for every d >= 2 and delta >= 0.05 drawn). The printed bounds themselves still hold ' +
    'empirically (lemma-b.2, lemma-b.2/eq-71); the corrected radius is checked in lemma-b.2/hoeffding-corrected.',
  kind: 'identity',
  strength: 'substantive',
  strengthReason: 'the constant of a proof step against the theorem it cites; the dropped factor sqrt(8) makes it fail',
  expectation: 'fails-as-printed',
  correctedBy: 'lemma-b.2/hoeffding-corrected',
  uses: [],
  toleranceRule: 'TOLERANCES.identity(t_Tropp, 1): two closed forms evaluated in floating point',
  runs: { quick: 5, default: 20, full: 200 },
  arbitrary: b2Arbitrary,
  check: ({ seed, d, p, gen, delta }) => {
    const h = buildGenerator(makeRng(seed).fork('H'), d, gen);
    const a = (2 * opNormHermitian(h) ** 2) / zFactor(h); // eq. (70)
    const sigma2 = (a * a) / p; // ||sum_l (a/p)^2 I||
    const tTropp = Math.sqrt(8 * sigma2 * Math.log((2 * d * d) / delta)); // solves 2 d^2 exp(-t^2/(8 sigma^2)) = delta
    const t71 = (a / Math.sqrt(p)) * Math.sqrt(Math.log((2 * d * d) / delta)); // eq. (71)
    const certified = 2 * d * d * Math.exp(-(t71 * t71) / (8 * sigma2));
    return identityOutcome(Math.abs(tTropp - t71), TOLERANCES.identity(tTropp, 1), { ratio: tTropp / t71, certifiedFailureProbability: certified });
  },
};

export const lemmaB2HoeffdingCorrected: Claim<B2Params> = {
  id: 'lemma-b.2/hoeffding-corrected',
  title: 'Concentration of Y(theta(0)) at Y* with the radius the cited theorem gives',
  ...b2Common,
  strength: 'substantive',
  strengthReason: 'the bound the proof establishes, against the empirical (1 - delta) quantile at 99.9% confidence; it can fail',
  corrects: 'lemma-b.2/hoeffding-constant',
  why:
    'Tropp\'s Thm 1.3 has t^2/(8 sigma^2) in the exponent; with sigma^2 = a^2/p from (70) and 2 d^2 for both tails, the radius is ' +
    '(a/sqrt(p)) sqrt(8 log(2 d^2/delta)), sqrt(8) times (71). This is what the proof proves; (68) and (71) are tighter and hold empirically but are not proved.',
  statement:
    'With probability >= 1 - delta, ||Y(theta(0)) - Y*||_op <= (1/sqrt p) (2 ||H||_op^2/Z) sqrt(8 log(2 d^2/delta)) (Tropp 2012, Thm 1.3 with sigma^2 of eq. 70). ' +
    'Checked against the empirical (1 - delta) quantile; the ratio is 0.04-0.14 (d = 2..16).',
  tightnessRule: QUANTILE_TIGHTNESS,
  search: b2Space('tropp'),
  sharedSamples: B2_SAMPLES,
  check: (params) => checkQuantile(params, 'tropp'),
};

// ---------------------------------------------------------------------------------------------
// Eq. (70): ||X_l||_op <= ||H||^2/Z + (d+1)/d <= 2 ||H||^2/Z, X_l = (1/Z) (V H V^dag)^(x)2 - Y*.

interface Eq70Params extends InstanceParams { d: number; gen: GenKind }

export const lemmaB2Eq70: Claim<Eq70Params> = {
  id: 'lemma-b.2/eq-70',
  title: 'Operator-norm bound on the summands X_l (eq. 70)',
  ref: { label: 'Lemma B.2', section: 'B.2', equations: ['69', '70'] },
  statement:
    'For X_l = (1/Z) (V H V^dag) (x) (V H V^dag) - Y* with V unitary, H trace-0 Hermitian, Z = tr(H^2)/(d^2 - 1): ' +
    '||X_l||_op <= ||H||_op^2 / Z + (d + 1)/d <= 2 ||H||_op^2 / Z for d >= 2 (eq. 70; the second step uses ||H||_op^2 / tr(H^2) >= 1/d).',
  hypotheses: ['d >= 2', 'H Hermitian, tr H = 0, H != 0', 'V Haar on SU(d)'],
  kind: 'inequality',
  strength: 'substantive',
  strengthReason: 'a bound of the paper evaluated on built instances; a false bound fails it',
  expectation: 'holds',
  uses: [],
  toleranceRule: 'TOLERANCES.spectral(2 ||H||_op^2 / Z, d^2): operator norms from eigendecompositions of d^2 x d^2 Hermitians',
  runs: { quick: 10, default: 40, full: 400 },
  arbitrary: () =>
    fc.integer({ min: 2, max: 8 }).chain((d) =>
      fc.record({
        seed: seedArb(),
        d: fc.constant(d),
        gen: d % 2 === 0 ? fc.constantFrom<GenKind>('appendix-d', 'gue', 'rank2') : fc.constantFrom<GenKind>('gue', 'rank2'),
      })),
  tightnessRule: '||X_l||_op / (||H||^2/Z + (d + 1)/d), the first inequality of (70); the step to 2 ||H||^2/Z is a part of its own',
  search: defineSpace<Eq70Params, CMat>({
    decode: (r, { d }) => r.generator(d),
    assess: (h, { d }) => eq70Of(h, identity(d), d),
    note: 'any non-zero traceless H (d^2 reals); V drops out (Y* commutes with V (x) V, so ||X_l|| does not depend on V).',
  }),
  check: ({ seed, d, gen }) => {
    const rng = makeRng(seed);
    const h = buildGenerator(rng, d, gen);
    return eq70Of(h, haarSpecialUnitary(rng, d), d);
  },
};

/** Eq. (70) for the generator h conjugated by v. */
function eq70Of(h: CMat, v: CMat, d: number): CheckOutcome {
  {
    const z = zFactor(h);
    const g = matmul(v, matmul(h, adjoint(v)));
    const x = sub(scale(kron(g, g), 1 / z), yStar(d)); // eq. (69)
    const lhs = opNormHermitian(x);
    const hOp2 = opNormHermitian(h) ** 2;
    const mid = hOp2 / z + (d + 1) / d;
    const top = (2 * hOp2) / z;
    const tol = TOLERANCES.spectral(top, d * d);
    const out = allOf({ '(70) first': inequalityOutcome(lhs, mid, tol, top), '(70) second': inequalityOutcome(mid, top, tol, top) }, { ratio: lhs / mid });
    return { ...out, tightness: lhs / mid };
  }
}
