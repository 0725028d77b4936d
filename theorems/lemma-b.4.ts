/**
 * Lemma B.4 (appendix B.2, eqs. 91-98): during training, sup_{t <= T} ||Y(theta(t)) - Y(theta(0))||_op <= C3 T/sqrt(p)
 * with high probability over the Haar gates (C3 independent of p and T).
 */
import type { Claim } from '../src/claims/types.ts';
import { fittedExponentTolerance, TOLERANCES } from '../src/claims/tolerances.ts';
import { maxAbsDiff } from '../src/linalg/cmatrix.ts';
import { layerGenerators } from '../src/model/ansatz.ts';
import { yMatrix } from '../src/model/kernels.ts';
import { makeRng } from '../src/random/rng.ts';
import { linearFit } from '../src/stats/index.ts';
import { buildPeriodic, nonFinite } from './section-4-b-common.ts';
import { sweepTrajectories, yMatrixFast } from './section-4-b-sweep.ts';
import { type SweepParams, sweepArbitrary, sweepSpec } from './theorem-4.2.ts';

export const lemmaB4: Claim<SweepParams> = {
  id: 'lemma-b.4',
  title: 'Y(theta(t)) stays within O(p^(-1/2)) of Y(theta(0)) during training',
  ref: { label: 'Lemma B.4', section: 'B.2', equations: ['91-98'] },
  statement:
    'If under eta = m/(pZ) the loss decays linearly on [0, T], then with probability >= 1 - delta, ' +
    'sup_{t <= T} ||Y(theta(t)) - Y(theta(0))||_op <= C3 T/sqrt(p) (eq. 98), C3 independent of p (it carries sqrt(L(0)) through the ' +
    'constant C_L of Lemma B.3). Checked as a scaling law on the sweep of theorem-4.2 (p in {8, ..., 256}, 8 random initialisations each, ' +
    'd = 4, m = 2, appendix-D setting, T = 2/gamma^2, sup over 11 output times): sup_t ||Y(theta(t)) - Y(theta(0))||_op / sqrt(L(0)) is ' +
    'fitted as C p^s on log-log; the claim (s <= -1/2) holds unless the fitted s exceeds -1/2 by more than 3 standard errors.',
  hypotheses: [
    'periodic ansatz (Definition 2.1), U_l Haar on SU(d), eta = m/(pZ)',
    'linear decay of the loss on [0, T] (gamma in {1.5, 2}; L(T) < L(0) is checked and reported)',
  ],
  kind: 'scaling',
  expectation: 'holds',
  uses: ['lemma-b.3', 'definition-2.1'],
  toleranceRule:
    'fittedExponentTolerance(se, 3): s <= -1/2 + 3 se (one-sided, 0.13% false alarm; se from the residuals of the fit, n = 48). ' +
    'The fast Y(theta) route (yMatrixFast) is cross-checked against yMatrix(layerGenerators(...)) on the smallest p to ' +
    'TOLERANCES.identity(d^2 - 1, d^2, 2p) (||Y||_F <= d^2 - 1).',
  runs: { quick: 2, default: 5, full: 20 },
  arbitrary: sweepArbitrary,
  check: (params) => {
    const spec = sweepSpec(params);
    const pts = sweepTrajectories(spec);
    // Cross-check of the fast Y(theta) on the first instance of the smallest p, at a random theta.
    const p0 = spec.ps[0], d = spec.d;
    const q = buildPeriodic(makeRng(spec.seed).fork(`p${p0}/k0`), { d, m: spec.m, p: p0, gamma: spec.gamma, gen: 'appendix-d', theta0: 'random' });
    const routeResidual = maxAbsDiff(yMatrixFast(q, q.theta0), yMatrix(layerGenerators(q.inst.ansatz, q.theta0), q.z));
    const routeTol = TOLERANCES.identity(d * d - 1, d * d, 2 * p0);
    const bad = nonFinite({ routeResidual, minYDev: Math.min(...pts.map((x) => x.yDev)), maxYDev: Math.max(...pts.map((x) => x.yDev)) });
    if (bad) return bad;
    const x = pts.map((pt) => Math.log(pt.p));
    const fit = linearFit(x, pts.map((pt) => Math.log(pt.yDev / Math.sqrt(pt.loss0))));
    const raw = linearFit(x, pts.map((pt) => Math.log(pt.yDev)));
    const init = linearFit(x, pts.map((pt) => Math.log(pt.yInit)));
    const tol = fittedExponentTolerance(fit.slopeSe, 3);
    const slack = -0.5 + tol - fit.slope;
    const decays = pts.every((pt) => pt.lossT < pt.loss0);
    return {
      ok: slack >= 0 && routeResidual <= routeTol,
      slack: routeResidual <= routeTol ? slack : Math.min(slack, routeTol - routeResidual),
      tolerance: tol,
      details: {
        exponent: fit.slope, se: fit.slopeSe, ciLow: fit.slope - tol, ciHigh: fit.slope + tol, n: fit.n, rawExponent: raw.slope, rawSe: raw.slopeSe,
        initExponent: init.slope, initSe: init.slopeSe, routeResidual, lossDecays: decays ? 'yes' : 'no', T: spec.T,
      },
    };
  },
};
