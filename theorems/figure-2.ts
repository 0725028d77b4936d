/**
 * Figure 2 (section 4, after corollary 4.3): one-sample QNNs (m = 1), gamma = 1.2, 1.4, 2, 4, 8,
 * lr = 1e-3/p. (Top) the smallest rate -d ln L/dt during training increases with gamma; (bottom)
 * the rate at time T against 2(gamma^2 - yhat(T)^2), both / gamma^2, is approximately linear.
 *
 * Reduced scale (a run = one seed, one instance used for every gamma): d = 16, p = 40 (the paper:
 * p = 320, d not stated; our paper-scale figure uses d = 32), gradient flow with eta = lr (flow time
 * = iterations), rates by central differences of ln L at 200 output times while L > 1e-13.
 */
import fc from 'fast-check';
import type { Claim, InstanceParams } from '../src/claims/types.ts';
import { oneSampleRuns } from '../src/figures/claim-runs.ts';
import { FIT_FLOOR, ratePoints } from '../src/figures/figure2.ts';
import { linearFit } from '../src/stats/index.ts';

interface Params extends InstanceParams { seed: number }

const GAMMAS = [1.2, 1.4, 2, 4, 8];
const D = 16, P = 40;
const arbitrary = () => fc.record({ seed: fc.noShrink(fc.integer({ min: 0, max: 2 ** 31 - 1 })) });
const ref = { label: 'Figure 2', section: '4', equations: ['11'] };
const hypotheses = ['m = 1, appendix-D instance with M0 = gamma diag(+-1), theta(0) = 0', 'lr = 1e-3/p'];

function points(seed: number) {
  const runs = oneSampleRuns(seed, D, P, GAMMAS);
  return GAMMAS.map((g) => ratePoints(runs.get(g)!.trace, g));
}

export const figure2Linear: Claim<Params> = {
  id: 'figure-2/linear',
  title: 'Figure 2 (bottom): -d ln L/dt is approximately linear in 2(gamma^2 - yhat^2)',
  ref,
  statement: 'The convergence rate -d ln L/dt|_{t=T} against 2(gamma^2 - yhat^2(T)) (both scaled by 1/gamma^2), at different times T and gamma = 1.2, 1.4, 2, 4, 8, shows an approximately linear dependency. Checked as: Pearson correlation r >= 0.95 of all points of one instance (d = 16, p = 40), and a positive slope.',
  hypotheses,
  kind: 'statistical',
  expectation: 'holds',
  uses: ['corollary-4.3', 'lemma-4.1'],
  toleranceRule: `r >= 0.95 (R^2 >= 0.9), fixed in advance; points only where L > ${FIT_FLOOR} (rounding of yhat dominates ln L below)`,
  runs: { quick: 3, default: 5, full: 20 },
  arbitrary,
  check: ({ seed }) => {
    const pts = points(seed).flat();
    const fit = linearFit(pts.map((q) => q.x), pts.map((q) => q.y));
    const ok = pts.length >= 20 && fit.r >= 0.95 && fit.slope > 0;
    return { ok, slack: fit.r - 0.95, details: { r: fit.r, slope: fit.slope, intercept: fit.intercept, points: pts.length } };
  },
};

export const figure2MinRate: Claim<Params> = {
  id: 'figure-2/min-rate-increases',
  title: 'Figure 2 (top): the smallest rate during training increases with gamma',
  ref,
  statement: '"The smallest convergence rate -d ln L/dt during training (i.e. the slope of the training curves under the log scale) increases with gamma" (gamma = 1.2, 1.4, 2, 4, 8). Checked on one instance (d = 16, p = 40) per run: the minimum over the run of the measured rate is strictly increasing in gamma.',
  hypotheses,
  kind: 'statistical',
  expectation: 'holds',
  uses: ['corollary-4.3'],
  toleranceRule: 'strict order of the measured minima; they differ by factors > 1.5 between consecutive gamma, far above the ~1e-8 error of the rates',
  runs: { quick: 3, default: 5, full: 20 },
  arbitrary,
  check: ({ seed }) => {
    const mins = points(seed).map((pts, k) => (pts.length ? Math.min(...pts.map((q) => q.y * GAMMAS[k] ** 2)) : NaN));
    let slack = Infinity;
    for (let k = 1; k < mins.length; k++) slack = Math.min(slack, (mins[k] - mins[k - 1]) / mins[k]);
    return { ok: mins.every(Number.isFinite) && slack > 0, slack: Number.isFinite(slack) ? slack : -1, details: Object.fromEntries(GAMMAS.map((g, k) => [`min rate gamma=${g}`, mins[k]])) };
  },
};
