/**
 * Lemma C.2's proof as printed (appendix C.1, eq. 103): (K_asym)_ij = tr(i[M, rho_i] i[M, rho_i]), rho_i in both factors
 * (as in the B.1 restatement of eq. 7 and in eq. 121). The corrected form, with rho_j, is checked through (103)-(110)
 * by `lemma-c.2/eq-110`.
 */
import fc from 'fast-check';
import type { Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import { commutator, frobeniusNorm, outer, row, scale, traceProduct } from '../src/linalg/cmatrix.ts';
import { kAsym } from '../src/model/kernels.ts';
import { orthonormalStates, randomHermitianWithSpectrum } from '../src/random/ensembles.ts';
import { makeRng } from '../src/random/rng.ts';
import { identityOutcome, seedArb } from './section-4-b-common.ts';

interface Params extends InstanceParams { d: number; m: number; gamma: number }

export const lemmaC2Eq103: Claim<Params> = {
  id: 'lemma-c.2/eq-103',
  title: 'Eq. (103) as printed: (K_asym)_ij = tr(i[M, rho_i] i[M, rho_i])',
  ref: { label: 'Lemma C.2 (proof)', section: 'C.1', equations: ['103'] },
  statement:
    'As printed, (103) starts the computation of (K_asym)_ij from tr(i[M, rho_i] i[M, rho_i]), which does not depend on j; against K_asym of eq. (7) ' +
    '(main text, rho_i and rho_j) it fails off the diagonal for m >= 2. M = gamma (Pi_+ - Pi_-), pure states. The next line (104) already has rho_j, ' +
    'so the intended formula is clear (typo; a single subscript, possibly an extraction artefact).',
  hypotheses: ['M = gamma (Pi_+ - Pi_-), trace 0', 'm >= 2 orthonormal pure states'],
  kind: 'identity',
  expectation: 'fails-as-printed',
  correctedBy: 'lemma-c.2/eq-110',
  uses: [],
  toleranceRule: 'TOLERANCES.identity(4 ||M||_F^2, d, 3): products of three d x d matrices of norm <= 2 ||M||_F',
  runs: { quick: 5, default: 10, full: 100 },
  arbitrary: () =>
    fc.constantFrom(2, 4, 6).chain((d) =>
      fc.record({ seed: seedArb(), d: fc.constant(d), m: fc.integer({ min: 2, max: d }), gamma: fc.constantFrom(1, 2, 4) })),
  check: ({ seed, d, m, gamma }) => {
    const rng = makeRng(seed);
    const M = scale(randomHermitianWithSpectrum(rng, Array.from({ length: d }, (_, i) => (i < d / 2 ? 1 : -1))), gamma);
    const states = orthonormalStates(rng, m, d);
    const K = kAsym(M, states); // eq. (7)
    const A = Array.from({ length: m }, (_, j) => scale(commutator(M, outer(row(states, j))), 0, 1));
    let res = 0;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) res = Math.max(res, Math.abs(traceProduct(A[i], A[i]).re - K.re[i * m + j]));
    return identityOutcome(res, TOLERANCES.identity(4 * frobeniusNorm(M) ** 2, d, 3));
  },
};
