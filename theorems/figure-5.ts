/**
 * Figure 5 (appendix D.2, eqs. 119-121): along the asymptotic dynamics, K_asym(t) changes
 * significantly (>= 5%) for every (d, m, gamma) -- the deviation from (neural tangent) kernel
 * regression, whose kernel stays fixed.
 *
 * Setting of appendix D.1: M(0) = gamma U diag(+1 x d/2, -1 x d/2) U^dag with U Haar (eq. 120), m
 * orthonormal Haar-random pure states, balanced labels, the asymptotic dynamics of eq. (119)
 * (eta = 1; src/dynamics/asymptotic.ts). The paper does not define "relative change": here it is
 * ||K_asym(T) - K_asym(0)||_F / ||K_asym(0)||_F with T the first checkpoint (every 0.25/gamma^2
 * time units) at which L(T) <= L(0)/100.
 */
import fc from 'fast-check';
import { seedArb } from '../properties/index.ts';
import type { CheckOutcome, Claim, InstanceParams } from '../src/claims/types.ts';
import { monteCarloTolerance } from '../src/claims/tolerances.ts';
import { asymptoticFlow, kernelAsymFast } from '../src/dynamics/asymptotic.ts';
import { type CMat, frobeniusNorm, sub } from '../src/linalg/cmatrix.ts';
import { lambdaMin } from '../src/linalg/eigh.ts';
import { lossOf, predictionsOf } from '../src/model/qnn.ts';
import { balancedLabels, orthonormalStates, randomHermitianWithSpectrum } from '../src/random/ensembles.ts';
import { makeRng, type Rng } from '../src/random/rng.ts';
import { linearFit, mean, slopeInterval, std } from '../src/stats/index.ts';
import { atLeast, lowerBoundAtLeast, upperEndReaches, withTightness } from './figure-tightness.ts';

/** Local tolerance of the flow (error estimate of the embedded order-2 method; the order-4 solution is far more accurate): K_asym and lambda_min agree to ~1e-4 with runs at 1e-6, far below the effects measured (>= 5%, differences ~0.05). */
export const FIGURE_FLOW_TOL = 1e-4;
/** L(T) <= L(0) / LOSS_DROP defines the end of training T. */
export const LOSS_DROP = 100;
/** One-sided 99% normal quantile for the lower confidence bound on a mean. */
export const Z_ONE_SIDED_99 = 2.326;

export interface TrainingRun {
  /** K_asym(0) and K_asym(T) (eq. 121). */
  K0: CMat;
  KT: CMat;
  T: number;
  L0: number;
  LT: number;
  /** lambda_min(K_asym(t)) at t = 0 and after every accepted step of the integrator. */
  lambdaMin: number[];
}

/** Appendix D.1 initialisation (eq. 120) and the asymptotic dynamics (eq. 119) until L has dropped by LOSS_DROP. */
export function trainAsymptotic(rng: Rng, d: number, m: number, gamma: number): TrainingRun {
  const M0 = randomHermitianWithSpectrum(rng, Array.from({ length: d }, (_, i) => (i < d / 2 ? gamma : -gamma)));
  const states = orthonormalStates(rng, m, d);
  const labels = balancedLabels(rng, m);
  const L0 = lossOf(predictionsOf(M0, states), labels);
  const K0 = kernelAsymFast(M0, states);
  const lam = [lambdaMin(K0)];
  const dt = 0.25 / (gamma * gamma), tMax = 400 * dt;
  let M = M0, t = 0, L = L0;
  while (L > L0 / LOSS_DROP) {
    if (t >= tMax) throw new Error(`trainAsymptotic: L did not drop by ${LOSS_DROP} before t = ${tMax} (d=${d}, m=${m}, gamma=${gamma})`);
    const res = asymptoticFlow(M, states, labels, [dt], {
      tol: FIGURE_FLOW_TOL,
      onStep: (_t, Mt) => lam.push(lambdaMin(kernelAsymFast(Mt, states))),
    });
    M = res.M[0];
    t += dt;
    L = lossOf(predictionsOf(M, states), labels);
  }
  return { K0, KT: kernelAsymFast(M, states), T: t, L0, LT: L, lambdaMin: lam };
}

/** Relative change ||K_asym(T) - K_asym(0)||_F / ||K_asym(0)||_F (eq. 121) of n fresh initialisations. */
export function relativeChanges(rng: Rng, d: number, m: number, gamma: number, n: number): number[] {
  const changes: number[] = [];
  for (let k = 0; k < n; k++) {
    const run = trainAsymptotic(rng.fork(k), d, m, gamma);
    changes.push(frobeniusNorm(sub(run.KT, run.K0)) / frobeniusNorm(run.K0));
  }
  return changes;
}

/** Sample mean and standard deviation (n - 1 in the denominator) of the N >= 2 initialisations of a cell. */
export function meanSd(xs: number[]): { mean: number; sd: number } {
  return { mean: mean(xs), sd: std(xs) };
}

/**
 * The grid (d, m, gamma) and the number N of initialisations per cell, sized from pilot runs so that the
 * 99% lower bound clears 5% by >= 3.5 standard errors of the mean: N = 8 for gamma <= 2, and at gamma = 3
 * (mean ~9%, sd ~0.045 at d = 16; ~8%, sd ~0.015 at d = 32) N = 48 at d = 16 and 16 at d = 32. d = 8 is left
 * out: there the change is heavy-tailed (gamma = 3, m = 2: mean 0.14, sd 0.14 over 200 initialisations)
 * and the mean needs N of order 100 to be decided.
 */
const GRID: { d: number; m: number; gamma: number; n: number }[] = [];
for (const d of [16, 32]) for (const m of [2, 4]) for (const gamma of [1.5, 2, 3]) GRID.push({ d, m, gamma, n: gamma <= 2 ? 8 : d <= 16 ? 48 : 16 });
const THRESHOLD = 0.05;

interface Params extends InstanceParams { cell: number }

export const figure5: Claim<Params> = {
  id: 'figure-5',
  title: 'K_asym changes by >= 5% along the asymptotic dynamics',
  ref: { label: 'Figure 5 (appendix D.2)', section: 'D.2', equations: ['119', '120', '121'] },
  statement:
    'For each (d, m, gamma) the relative change of K_asym(t), averaged over random initialisations M(0) = gamma U diag(+-1) U^dag, is >= 5%. Checked with ' +
    'relative change ||K_asym(T) - K_asym(0)||_F / ||K_asym(0)||_F, T the first time (checkpoints every 0.25/gamma^2) with L(T) <= L(0)/100, on the grid ' +
    'd in {16, 32}, m in {2, 4}, gamma in {1.5, 2, 3}; each run draws one cell and N fresh initialisations (N = 8 for gamma <= 2; at gamma = 3, N = 48 for d = 16 and 16 for d = 32; the paper uses 100). ' +
    'The change shrinks with gamma (means over 48 initialisations at d = 16: about 34% at gamma = 1.5, 18% at 2, 9% at 3, 7% at 4, with many single runs below 5% at gamma = 4); ' +
    'gamma = 4 is left out of the grid because deciding ">= 5% on average" there at 99% needs N of order 100.',
  hypotheses: ['m orthonormal pure states, balanced labels', 'M(0) = gamma U diag(+1 x d/2, -1 x d/2) U^dag, U Haar (eq. 120)', 'asymptotic dynamics eq. (119)'],
  kind: 'statistical',
  strength: 'substantive',
  strengthReason: 'a probabilistic or experimental statement of the paper tested against samples at a stated confidence; it can fail',
  expectation: 'holds',
  uses: ['theorem-4.4', 'theorem-4.2', 'corollary-4.3'],
  toleranceRule:
    `one-sided 99% lower confidence bound: mean - ${Z_ONE_SIDED_99} sd / sqrt(N) >= 5%, N stated per cell; flow at local tolerance ${FIGURE_FLOW_TOL} (K_asym to ~1e-4 relative, checked against runs at 1e-6)`,
  tightnessRule:
    `(5% + ${Z_ONE_SIDED_99} sd / sqrt(N)) / mean relative change: the threshold plus the 99% sampling margin over the measured mean (1 = the 99% lower ` +
    'confidence bound at 5%, > 1 = below it: the run fails).',
  noSearch:
    'The statement is about the mean over the random initialisations of eq. (120) ' +
    '(Haar U, states, labels) in each cell; a worst case over instances is not its statement. Its one continuous parameter, gamma, needs none: the mean ' +
    'change decreases with gamma (34%, 18%, 9%, 7% at gamma = 1.5, 2, 3, 4, d = 16), so the worst case over the claim\'s range [1.5, 3] is its end ' +
    'gamma = 3, a cell of the grid, and beyond it the printed statement fails (figure-5/large-gamma).',
  runs: { quick: 2, default: 8, full: 80 },
  arbitrary: () => fc.record({ seed: seedArb(), cell: fc.integer({ min: 0, max: GRID.length - 1 }) }),
  check: ({ seed, cell }) => {
    const { d, m, gamma, n } = GRID[cell];
    const changes = relativeChanges(makeRng(seed), d, m, gamma, n);
    if (!changes.every(Number.isFinite)) return { ok: false, slack: Number.NEGATIVE_INFINITY };
    const { mean, sd } = meanSd(changes);
    const margin = monteCarloTolerance(sd, n, Z_ONE_SIDED_99);
    const lower = mean - margin;
    const slack = lower - THRESHOLD;
    return {
      ok: slack >= 0, slack, ...withTightness(lowerBoundAtLeast(mean, margin, THRESHOLD)),
      details: { d, m, gamma, N: n, meanRelativeChange: mean, sd, lowerBound99: lower, minRelativeChange: Math.min(...changes) },
    };
  },
};

/**
 * Cells where the printed ">= 5% for each hyperparameter" fails, from pilot runs (N = 16: d = 64, m = 2,
 * gamma = 4: mean 4.2%, sd 0.8%; d = 64, m = 4, gamma = 8: mean 1.5%, sd 0.8%; d = 32, m = 2, gamma = 8: mean
 * 3.1%, sd 2.2%). N per cell makes the 99% upper bound clear 5% by >= 3 standard errors of the mean.
 */
const LARGE_GAMMA: { d: number; m: number; gamma: number; n: number }[] = [
  { d: 64, m: 2, gamma: 4, n: 32 },
  { d: 64, m: 4, gamma: 8, n: 12 },
  { d: 32, m: 2, gamma: 8, n: 48 },
];

export const figure5LargeGamma: Claim<Params> = {
  id: 'figure-5/large-gamma',
  title: 'Figure 5 as printed: K_asym changes by >= 5% for every gamma (large gamma, d = 32, 64)',
  ref: { label: 'Figure 5 (appendix D.2)', section: 'D.2', equations: ['119', '120', '121'] },
  statement:
    '"K_asym(t) changes significantly (>= 5%) for each of the hyperparameters d, m and gamma", checked where the change is smallest: ' +
    '(d, m, gamma) = (64, 2, 4), (64, 4, 8), (32, 2, 8), N = 32, 12, 48 initialisations, the same relative change as figure-5 ' +
    '(||K_asym(T) - K_asym(0)||_F / ||K_asym(0)||_F, T the first checkpoint with L(T) <= L(0)/100). The printed statement survives a run ' +
    'unless the 99% upper confidence bound of the mean change is below 5%. The paper-preset figure 5 (100 initialisations, T = 25/(gamma^2 - 1)) ' +
    'gives 5.2% at gamma = 4 and 1.8% at gamma = 8 (d = 64, m = 4). Not reproduced under our protocol (the change shrinks as gamma grows and, ' +
    'at gamma >= 4, as d grows; figure-5 checks the range gamma <= 3, d <= 32 where it holds); a disagreement with our reproduction, not an erratum of the text.',
  hypotheses: ['m orthonormal pure states, balanced labels', 'M(0) = gamma U diag(+1 x d/2, -1 x d/2) U^dag, U Haar (eq. 120)', 'asymptotic dynamics eq. (119)'],
  kind: 'statistical',
  strength: 'substantive',
  strengthReason: 'an experimental statement tested against samples at 99% one-sided confidence; it can (and does) fail under our protocol',
  expectation: 'not-reproduced',
  protocolGap:
    'the (d, m, gamma) grid of figure 5, the time at which the relative change is read (end of training, a loss threshold, or a fixed T; ' +
    'ours: the first checkpoint with L(T) <= L(0)/100, the paper preset T = 25/(gamma^2 - 1)) and the matrix norm of the "relative change". ' +
    'The change is measured from K_asym(0) and grows with T, so a later read-out time or the largest entry-wise change could exceed 5% at gamma = 4, 8.',
  uses: ['theorem-4.4', 'theorem-4.2', 'corollary-4.3'],
  toleranceRule: `one-sided 99% upper confidence bound: mean + ${Z_ONE_SIDED_99} sd / sqrt(N) < 5% refutes the printed statement, N stated per cell; flow at local tolerance ${FIGURE_FLOW_TOL}`,
  tightnessRule:
    '5% / (99% upper confidence bound of the mean change): the printed threshold over the largest mean the sample allows (1 = the bound at 5%, > 1 = ' +
    'below it: the printed ">= 5%" is refuted).',
  noSearch:
    'Refuted by its random runs (the search starts only from passing runs), and its cells are ' +
    'where the change is smallest (it shrinks as gamma and, at gamma >= 4, d grow).',
  runs: { quick: 1, default: 5, full: 12 },
  arbitrary: () => fc.record({ seed: seedArb(), cell: fc.integer({ min: 0, max: LARGE_GAMMA.length - 1 }) }),
  check: ({ seed, cell }) => {
    const { d, m, gamma, n } = LARGE_GAMMA[cell];
    const changes = relativeChanges(makeRng(seed), d, m, gamma, n);
    if (!changes.every(Number.isFinite)) return { ok: false, slack: Number.NEGATIVE_INFINITY };
    const { mean, sd } = meanSd(changes);
    const upper = mean + monteCarloTolerance(sd, n, Z_ONE_SIDED_99);
    const slack = upper - THRESHOLD;
    return { ok: slack >= 0, slack, ...withTightness(atLeast(upper, THRESHOLD)), details: { d, m, gamma, N: n, meanRelativeChange: mean, sd, upperBound99: upper, maxRelativeChange: Math.max(...changes) } };
  },
};

// ---------------------------------------------------------------------------------------------
// D.2: "it rules out the existing belief that d -> infinity alone can lead to a neural tangent kernel-like behavior".

const TREND_D = [16, 32, 64, 128];
const TREND_N = 8;
const TREND_LEVEL = 0.999;

interface TrendParams extends InstanceParams { gamma: number; m: number }

export const figure5DTrend: Claim<TrendParams> = {
  id: 'figure-5/d-trend',
  title: 'D.2: the relative change of K_asym does not vanish as d grows',
  ref: { label: 'Figure 5 (appendix D.2)', section: 'D.2', equations: ['119', '120', '121'] },
  statement:
    'D.2: the relative change of K_asym "rules out the existing belief that d -> infinity alone can lead to a neural tangent kernel-like behavior". ' +
    'A change that vanishes as d -> infinity decays like d^s with s < 0; the statement predicts s >= 0. Checked for gamma in {1.5, 2}, m in {2, 4}: ' +
    `the relative change (as figure-5) at d in {${TREND_D.join(', ')}}, ${TREND_N} initialisations each (${TREND_D.length * TREND_N} points), ` +
    `is fitted as C d^s on log-log; the claim fails when the two-sided ${TREND_LEVEL * 100}% Student-t interval of s lies below 0. ` +
    'Measured (8 initialisations per d, d = 8..128): mean change 0.31-0.36 (gamma = 1.5), 0.18-0.21 (gamma = 2), slightly growing with d; at gamma = 3 it ' +
    'falls from 0.14 (d = 8, 16) to 0.07-0.08 (d = 32..128) and then stays (not in the grid: the drop between 16 and 32 is not a power law).',
  hypotheses: ['m orthonormal pure states, balanced labels', 'M(0) = gamma U diag(+1 x d/2, -1 x d/2) U^dag, U Haar (eq. 120)', 'asymptotic dynamics eq. (119)'],
  kind: 'scaling',
  strength: 'substantive',
  strengthReason: 'a d-exponent interval lying below 0 (a change vanishing with d) fails it',
  expectation: 'holds',
  uses: ['theorem-4.2'],
  toleranceRule: `two-sided ${TREND_LEVEL * 100}% Student-t interval of the least-squares d-exponent (n = ${TREND_D.length * TREND_N} points); flow at local tolerance ${FIGURE_FLOW_TOL}`,
  tightnessRule:
    `-s / h, s the fitted d-exponent and h the half-width of its ${TREND_LEVEL * 100}% interval: how far the exponent lies below 0 in half-widths ` +
    '(1 = the interval\'s upper end at 0, > 1 = the interval below 0, a change vanishing with d: the run fails; negative = a growing change).',
  noSearch:
    'The exponent describes the law of the random initialisations of eq. (120) at each (gamma, m) across d; a worst case over instances is not its statement.',
  runs: { quick: 1, default: 5, full: 20 },
  // the cell from the seed, uniform over (gamma, m) in {1.5, 2} x {2, 4} (fast-check's biased choice repeats the first value)
  arbitrary: () => seedArb().map((seed) => ({ seed, gamma: [1.5, 2][seed % 2], m: [2, 4][Math.floor(seed / 2) % 2] })),
  check: ({ seed, gamma, m }): CheckOutcome => {
    const x: number[] = [], y: number[] = [];
    const means: Record<string, number> = {};
    for (const d of TREND_D) {
      const changes = relativeChanges(makeRng(seed).fork(`d${d}`), d, m, gamma, TREND_N);
      if (!changes.every((c) => Number.isFinite(c) && c > 0)) return { ok: false, slack: Number.NEGATIVE_INFINITY, details: { d } };
      for (const c of changes) {
        x.push(Math.log(d));
        y.push(Math.log(c));
      }
      means[`mean change d=${d}`] = mean(changes);
    }
    const fit = linearFit(x, y);
    const { lo, hi } = slopeInterval(fit, TREND_LEVEL);
    return { ok: hi >= 0, slack: hi, ...withTightness(upperEndReaches(fit.slope, hi - fit.slope, 0)), details: { gamma, m, exponent: fit.slope, ciLow: lo, ciHigh: hi, n: fit.n, level: TREND_LEVEL, ...means } };
  },
};
