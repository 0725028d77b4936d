/**
 * Theorem 4.2 (section 4, proof in B.2): for large p the QNN dynamics concentrates on the asymptotic
 * dynamics (K_pert -> 0), and if lambda_min(K_asym(t)) >= C0 the loss converges linearly,
 * L(t) <= L(0) exp(-C0 t/2) (eq. 9).
 */
import fc from 'fast-check';
import type { Claim, InstanceParams } from '../src/claims/types.ts';
import { fittedExponentTolerance, TOLERANCES } from '../src/claims/tolerances.ts';
import { gradientFlow } from '../src/dynamics/training.ts';
import { sub } from '../src/linalg/cmatrix.ts';
import { lambdaMin } from '../src/linalg/eigh.ts';
import { opNormHermitian } from '../src/linalg/norms.ts';
import { kAsym, kPertExplicit, stateCommutators, yStar } from '../src/model/kernels.ts';
import { parameterizedMeasurement } from '../src/model/qnn.ts';
import { makeRng } from '../src/random/rng.ts';
import { linearFit } from '../src/stats/index.ts';
import { buildPeriodic, nonFinite, seedArb } from './section-4-b-common.ts';
import { SWEEP_ASYM_TOL, SWEEP_ODE, sweepTrajectories, type SweepSpec, yMatrixFast } from './section-4-b-sweep.ts';

/** The p-sweep shared by theorem-4.2 and lemma-b.4 (d = 4, m = 2, appendix-D setting, T = 2/gamma^2). */
export interface SweepParams extends InstanceParams { d: number; m: number; gamma: number }

export const SWEEP_PS = [8, 16, 32, 64, 128, 256] as const;
export const SWEEP_INITS = 8;

export const sweepArbitrary = () =>
  fc.record({ seed: seedArb(), d: fc.constant(4), m: fc.constant(2), gamma: fc.constantFrom(1.5, 2) });

export function sweepSpec({ seed, d, m, gamma }: SweepParams): SweepSpec {
  return { seed, d, m, gamma, T: 2 / gamma ** 2, nT: 11, ps: SWEEP_PS, inits: SWEEP_INITS };
}

export const theorem42: Claim<SweepParams> = {
  id: 'theorem-4.2',
  title: 'QNN residual dynamics approaches the asymptotic dynamics as p grows',
  ref: { label: 'Theorem 4.2', section: '4, B.2', equations: ['6', '9', '10', '67'] },
  statement:
    'For the periodic ansatz with eta = m (d^2 - 1)/(p tr H^2), the perturbation K_pert vanishes as p -> infinity, so the QNN dynamics ' +
    'approaches the asymptotic dynamics dM/dt = sum_j r_j [M, [M, rho_j]] (eq. 10, dr/dt = -K_asym r). Checked as a scaling law: ' +
    'for p in {8, 16, ..., 256} (8 random initialisations each, d = 4, m = 2, appendix-D H, M0 = gamma diag(+-1), theta(0) = 0), ' +
    'the relative deviation sup_{t in [0, T]} ||r_QNN(t) - r_asym(t)||_2 / ||r(0)||_2 (T = 2/gamma^2, 11 output times; r_asym from the ' +
    'asymptotic dynamics started at M(theta(0)) with the same states and labels) is fitted as C p^s by least squares on log-log; ' +
    'the claim holds when s + 3 se(s) < 0 (the deviation decreases with p). The proof (K_pert ~ ||Y - Y*||_op ~ p^(-1/2), Lemma B.2) suggests s = -1/2.',
  hypotheses: ['periodic ansatz (Definition 2.1), U_l Haar on SU(d)', 'gamma in {1.5, 2} (K_asym positive definite along the flow)', 'horizon T = 2/gamma^2'],
  kind: 'scaling',
  expectation: 'holds',
  uses: ['lemma-4.1', 'lemma-b.2', 'lemma-b.4', 'definition-2.1'],
  toleranceRule:
    'fittedExponentTolerance(se, 3): the slope must stay negative by 3 standard errors (from the residuals of the log-log fit, n = 48 points). ' +
    'Each deviation must exceed the integration accuracy TOLERANCES.integrated(rtol, 1, T) of both flows, else the run fails. ' +
    'Budget: each run is a sweep of 48 pairs of flows (~3 s); full = 20 runs keeps the spec under the 120 s vitest timeout.',
  runs: { quick: 2, default: 5, full: 20 },
  arbitrary: sweepArbitrary,
  check: (params) => {
    const spec = sweepSpec(params);
    const pts = sweepTrajectories(spec);
    const floor = TOLERANCES.integrated(SWEEP_ODE.rtol, 1, spec.T) + TOLERANCES.integrated(SWEEP_ASYM_TOL, 1, spec.T);
    const minDev = Math.min(...pts.map((q) => q.dev));
    const bad = nonFinite({ minDev, maxDev: Math.max(...pts.map((q) => q.dev)) });
    if (bad) return bad;
    const x = pts.map((q) => Math.log(q.p));
    const fit = linearFit(x, pts.map((q) => Math.log(q.dev / q.r0)));
    const raw = linearFit(x, pts.map((q) => Math.log(q.dev)));
    const tol = fittedExponentTolerance(fit.slopeSe, 3);
    const slack = -(fit.slope + tol);
    const details = {
      exponent: fit.slope, se: fit.slopeSe, ciLow: fit.slope - tol, ciHigh: fit.slope + tol, n: fit.n,
      rawExponent: raw.slope, rawSe: raw.slopeSe, minDeviation: minDev, integrationFloor: floor, T: spec.T,
    };
    return { ok: slack >= 0 && minDev > floor, slack: minDev > floor ? slack : Math.min(slack, minDev - floor), tolerance: tol, details };
  },
};

// ---------------------------------------------------------------------------------------------
// Eq. (9): L(t) <= L(0) exp(-C0 t/2), C0 = min_t lambda_min(K_asym(t)).

interface Eq9Params extends InstanceParams { d: number; m: number; p: number; gamma: number }

export const theorem42Eq9: Claim<Eq9Params> = {
  id: 'theorem-4.2/eq-9',
  title: 'Linear convergence L(t) <= L(0) exp(-C0 t/2) at large p',
  ref: { label: 'Theorem 4.2', section: '4, B.2', equations: ['9', '67'] },
  statement:
    'Along the QNN gradient flow with eta = m (d^2 - 1)/(p tr H^2), with C0 = min_t lambda_min(K_asym(t)) over the trajectory (eq. 7, ' +
    'evaluated on 21 equally spaced times of [0, T], T = 2/gamma^2): L(t) <= L(0) exp(-C0 t/2) (eq. 9) at every output time. ' +
    'Reported: max_t ||K_pert(t)||_op / C0 (the proof takes p large enough that it is <= 1/10; K_pert of eq. 67 with the explicit Delta).',
  hypotheses: [
    'periodic ansatz, appendix-D H, theta(0) = 0, m = 2 orthonormal states with balanced labels',
    'p in {64, 128, 256} ("sufficiently large p")', 'gamma in {2, 3, 4} so that lambda_min(K_asym(t)) >= C0 > 0 (checked; the run fails if C0 <= 0)',
  ],
  kind: 'inequality',
  expectation: 'holds',
  uses: ['lemma-4.1', 'lemma-b.2', 'lemma-b.4'],
  toleranceRule:
    'TOLERANCES.integrated(rtol = 1e-9, L(0), T) for the integrated loss; slack reported in units of L(0). C0 from the 21 sampled times is ' +
    '>= the true minimum, which only makes the right-hand side smaller (conservative).',
  runs: { quick: 2, default: 6, full: 60 },
  arbitrary: () =>
    fc.record({
      seed: seedArb(),
      d: fc.constantFrom(4, 6),
      m: fc.constant(2),
      p: fc.constantFrom(64, 128, 256),
      gamma: fc.constantFrom(2, 3, 4),
    }),
  check: ({ seed, d, m, p, gamma }) => {
    const q = buildPeriodic(makeRng(seed), { d, m, p, gamma, gen: 'appendix-d', theta0: 'zero' });
    const T = 2 / gamma ** 2;
    const tOut = Array.from({ length: 21 }, (_, i) => (i * T) / 20);
    const rtol = 1e-9;
    const flow = gradientFlow(q.c, q.theta0, q.eta, tOut, { rtol, atol: 1e-12 });
    let c0 = Number.POSITIVE_INFINITY, maxPert = 0;
    const ys = yStar(d);
    for (const theta of flow.theta) {
      const M = parameterizedMeasurement(q.inst, theta);
      c0 = Math.min(c0, lambdaMin(kAsym(M, q.inst.states))); // eq. (7)
      const delta = sub(yMatrixFast(q, theta), ys);
      maxPert = Math.max(maxPert, opNormHermitian(kPertExplicit(stateCommutators(M, q.inst.states), delta))); // eq. (67)
    }
    const l0 = flow.trace[0].loss;
    const bad = nonFinite({ c0, maxPert, l0 });
    if (bad) return bad;
    if (!(c0 > 0)) return { ok: false, slack: c0, details: { hypothesis: 'not met: min_t lambda_min(K_asym) <= 0', c0 } };
    const tol = TOLERANCES.integrated(rtol, l0, T);
    let slack = Number.POSITIVE_INFINITY, worstRate = Number.POSITIVE_INFINITY;
    flow.trace.forEach((pt, i) => {
      if (i === 0) return; // t = 0: L(0) <= L(0)
      const rhs = l0 * Math.exp((-c0 * pt.t) / 2); // eq. (9)
      slack = Math.min(slack, (rhs - pt.loss + tol) / l0);
      worstRate = Math.min(worstRate, -Math.log(pt.loss / l0) / pt.t);
    });
    return {
      ok: slack >= 0 && Number.isFinite(slack), slack, tolerance: tol / l0,
      details: { C0: c0, kPertOverC0: maxPert / c0, minRateOverC0: worstRate / c0, lossRatioT: flow.trace[20].loss / l0 },
    };
  },
};
