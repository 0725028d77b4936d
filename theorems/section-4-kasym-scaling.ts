/**
 * Section 4, after Figure 4: "By straightforward calculation, the normalized matrix K_asym(0)/gamma^2 at the random initialization is
 * independent of the choices of gamma."
 */
import fc from 'fast-check';
import type { Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import { maxAbsDiff, scale } from '../src/linalg/cmatrix.ts';
import { kAsym } from '../src/model/kernels.ts';
import { orthonormalStates, randomHermitianWithSpectrum } from '../src/random/ensembles.ts';
import { makeRng } from '../src/random/rng.ts';
import { identityOutcome, seedArb } from './section-4-b-common.ts';

interface Params extends InstanceParams { d: number; m: number; gamma: number }

export const section4KasymScaling: Claim<Params> = {
  id: 'section-4/kasym-scaling',
  title: 'K_asym(0)/gamma^2 at the random initialisation does not depend on gamma',
  ref: { label: 'Section 4 (after Figure 4)', section: '4', equations: ['7', '120'] },
  statement:
    'With M(0) = gamma U diag(+1 x d/2, -1 x d/2) U^dag (eq. 120, U Haar) and the same U and states: K_asym(M(0))/gamma^2 (eq. 7) is the same for ' +
    'every gamma (compared with gamma = 1); K_asym is quadratic in M.',
  hypotheses: ['M(0) as in eq. (120)', 'm orthonormal pure states'],
  kind: 'identity',
  strength: 'consistency',
  strengthReason: 'M(0) = gamma U diag(+-1) U^dag by construction, so K_asym(0) is exactly gamma^2 times a gamma-free matrix',
  expectation: 'holds',
  uses: [],
  toleranceRule: 'TOLERANCES.identity(4 d, d, 3) on K_asym/gamma^2 (commutators of unit-norm-entry matrices, ||M/gamma||_F^2 = d)',
  runs: { quick: 5, default: 20, full: 200 },
  arbitrary: () =>
    fc.constantFrom(2, 4, 6, 8).chain((d) =>
      fc.record({ seed: seedArb(), d: fc.constant(d), m: fc.integer({ min: 1, max: d }), gamma: fc.constantFrom(1.2, 2, 4, 8) })),
  check: ({ seed, d, m, gamma }) => {
    const rng = makeRng(seed);
    const M1 = randomHermitianWithSpectrum(rng, Array.from({ length: d }, (_, i) => (i < d / 2 ? 1 : -1)));
    const states = orthonormalStates(rng, m, d);
    const k1 = kAsym(M1, states);
    const kg = scale(kAsym(scale(M1, gamma), states), 1 / gamma ** 2);
    return identityOutcome(maxAbsDiff(k1, kg), TOLERANCES.identity(4 * d, d, 3));
  },
};
