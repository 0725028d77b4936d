/**
 * Exact checks of section 3 (spectrum preservation) and of the algebraic identities inside the proof of
 * Theorem 3.2 (appendix A.2, text before eq. 30 and eqs. 31-32), over Q(i).
 */
import fc from 'fast-check';
import { seedArb } from '../../properties/index.ts';
import type { Claim, InstanceParams } from '../../src/claims/types.ts';
import * as q from '../../src/exact/gaussian-rational.ts';
import type { Rng } from '../../src/random/rng.ts';
import * as t from '../../src/exact/tracked.ts';
import { cayleyUnitary, measurement, type ParamSet, projectors, randomHermitian, randomSigns } from '../../src/exact/instances.ts';
import { type Diff, exactCheck, exactRule } from './common.ts';

// ---------------------------------------------------------------- spectrum preservation

interface SpectrumParams extends InstanceParams { d: number; p: number }

const SPEC_SET: ParamSet = { N: 1 << 16 };
const SPEC_POINTS = 3;
const K_MAX = 4;

export const section3SpectrumPreservedExact: Claim<SpectrumParams> = {
  id: 'section-3/spectrum-preserved-exact',
  title: 'Unitarity (exact): tr(M(theta)^k) = tr(M0^k), k = 1..4, for U(theta) a product of exactly unitary Cayley gates',
  ref: { label: 'Section 3 (unitarity paragraph)', section: '3', equations: [] },
  statement:
    'tr((U^dag M0 U)^k) = tr(M0^k) for k = 1..4, exactly in Q(i), with M0 a Hermitian matrix with Gaussian-integer entries and ' +
    'U = C(A_p) ... C(A_1), C(A) = (I - A)(I + A)^{-1} the Cayley transform of a random anti-Hermitian A_l. ' +
    'Honest scope: e^{-i theta H} is not rational, so the gates of the ansatz are NOT sampled; each gate is replaced by a Cayley unitary ' +
    '(which covers C(i theta H/2) for every theta and H, a rational gate of the same form, and every unitary without eigenvalue -1). ' +
    'The identity checked is the invariance of tr(M^k) under conjugation by an exactly unitary product, which is what the section-3 argument uses.',
  hypotheses: ['M0 Hermitian', 'U a product of p exactly unitary (Cayley) factors'],
  kind: 'identity',
  strength: 'consistency',
  strengthReason: 'M = U^dag M0 U by construction, so tr(M^k) is invariant in exact arithmetic',
  expectation: 'holds',
  uses: ['section-3/spectrum-preserved'],
  toleranceRule: exactRule(SPEC_SET, SPEC_POINTS,
    'k (2 p d + 1) for tr(M^k): M = U^dag M0 U has numerator degree 2pd + 1 over prod_l |det(I + A_l)|^2 (degree 2pd)'),
  runs: { quick: 3, default: 8, full: 60 },
  arbitrary: () => fc.record({ seed: seedArb(), d: fc.constantFrom(2, 3, 4), p: fc.integer({ min: 1, max: 2 }) }),
  check: ({ seed, d, p }) =>
    exactCheck(seed, SPEC_POINTS, SPEC_SET, (rng) => {
      const M0 = randomHermitian(rng, d, SPEC_SET);
      let U = cayleyUnitary(rng, d, SPEC_SET);
      for (let l = 1; l < p; l++) U = t.matmul(cayleyUnitary(rng, d, SPEC_SET), U);
      const M = t.chain(t.adjoint(U), M0, U);
      const diffs: Diff[] = [];
      let Pk = M, P0k = M0;
      for (let k = 1; k <= K_MAX; k++) {
        diffs.push(t.sSub(t.trace(Pk), t.trace(P0k)));
        Pk = t.matmul(Pk, M);
        P0k = t.matmul(P0k, M0);
      }
      return { diffs };
    }),
};

// ---------------------------------------------------------------- theorem 3.2, +-1 measurement

interface PmParams extends InstanceParams { d: number; m: number }

const PM_SET: ParamSet = { N: 1 << 16 };
const PM_POINTS = 3;

const pmArb = () =>
  fc.constantFrom(2, 3, 4).chain((d) => fc.record({ seed: seedArb(), d: fc.constant(d), m: fc.integer({ min: 1, max: Math.min(3, d) }) }));

/** M = U^dag diag(+-1) U (random signs with both present when d >= 2), pure states = columns of a Cayley unitary W, u = Pi+ v, w = Pi- v. */
function pmPoint(rng: Rng, d: number, m: number) {
  const U = cayleyUnitary(rng, d, PM_SET);
  const signs = randomSigns(rng, d);
  signs[0] = 1;
  signs[d - 1] = -1;
  const M = measurement(U, signs, q.ONE);
  const { plus, minus } = projectors(M, q.ONE);
  const W = cayleyUnitary(rng, d, PM_SET);
  const vs = Array.from({ length: m }, (_, j) => t.column(W, j));
  const labels = randomSigns(rng, m);
  return { M, plus, minus, vs, labels };
}

export const theorem32Eq30CommutatorExact: Claim<PmParams> = {
  id: 'theorem-3.2/eq-30-commutator-exact',
  title: '[M, rho_j] = 2(u_j w_j^dag - w_j u_j^dag) for a +-1 measurement, exactly',
  ref: { label: 'Theorem 3.2 (proof)', section: 'A.2', equations: ['30'] },
  statement:
    'M = Pi_+ - Pi_- with eigenvalues +-1 (M = U^dag diag(+-1) U, U Cayley), rho_j = v_j v_j^dag, u_j = Pi_+ v_j, w_j = Pi_- v_j: ' +
    '[M, rho_j] = 2(u_j w_j^dag - w_j u_j^dag) exactly in Q(i) (text before eq. 30). M(theta) of any Line (1) ansatz is such a unitary conjugate.',
  hypotheses: ['M with eigenvalues in {+-1}', 'pure states'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  uses: ['theorem-3.2/eq-30-commutator'],
  toleranceRule: exactRule(PM_SET, PM_POINTS, '6d (M, Pi_+- and rho_j have numerator degree 2d over |det(I + A)|^2 atoms; u_j w_j^dag has 6d): computed exactly per instance'),
  runs: { quick: 3, default: 8, full: 60 },
  arbitrary: pmArb,
  check: ({ seed, d, m }) =>
    exactCheck(seed, PM_POINTS, PM_SET, (rng) => {
      const { M, plus, minus, vs } = pmPoint(rng, d, m);
      const diffs: Diff[] = vs.map((v) => {
        const u = t.matmul(plus, v), w = t.matmul(minus, v);
        const lhs = t.commutator(M, t.outer(v, v));
        const rhs = t.scaleConst(t.sub(t.outer(u, w), t.outer(w, u)), q.fromInt(2));
        return t.sub(lhs, rhs);
      });
      return { diffs };
    }),
};

export const theorem32NormsUWExact: Claim<PmParams> = {
  id: 'theorem-3.2/norms-uw-exact',
  title: '||w_j||^2 = |r_j|/2 (y_j = +1), ||u_j||^2 = |r_j|/2 (y_j = -1) and ||u_j||^2 ||w_j||^2 = (1 - |r_j|/2)|r_j|/2, exactly',
  ref: { label: 'Theorem 3.2 (proof)', section: 'A.2', equations: ['31', '32'] },
  statement:
    'For a +-1 measurement and pure states, r_j = tr(M rho_j) - y_j: for y_j = +1, ||w_j||^2 = |r_j|/2; for y_j = -1, ||u_j||^2 = |r_j|/2; and in both ' +
    'cases ||u_j||^2 ||w_j||^2 = (1 - |r_j|/2)|r_j|/2, exactly in Q(i). (|r_j| = -y_j r_j since tr(M rho_j) is in [-1, 1]; the polynomial ' +
    'identity is the one with |r_j| replaced by -y_j r_j, and the exact |r_j| computed from the rational r_j is compared.)',
  hypotheses: ['M with eigenvalues in {+-1}', 'pure states', 'labels +-1'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  uses: ['theorem-3.2/norms-uw'],
  toleranceRule: exactRule(PM_SET, PM_POINTS, 'products of two squared norms of projected states: computed exactly per instance'),
  runs: { quick: 3, default: 8, full: 60 },
  arbitrary: pmArb,
  check: ({ seed, d, m }) =>
    exactCheck(seed, PM_POINTS, PM_SET, (rng) => {
      const { M, plus, minus, vs, labels } = pmPoint(rng, d, m);
      const diffs: Diff[] = [];
      const half = q.frac(1, 2);
      vs.forEach((v, j) => {
        const u = t.matmul(plus, v), w = t.matmul(minus, v);
        const nu = t.inner(u, u), nw = t.inner(w, w);
        const yhat = t.inner(v, t.matmul(M, v)); // tr(M rho_j) = v^dag M v
        const r = t.sSub(yhat, t.constSc(q.fromInt(labels[j])));
        const absR = t.ts(q.absReal(r.v), r.g); // = -y_j r_j, same degree as r_j
        if (q.eq(absR.v, q.mul(q.fromInt(-labels[j]), r.v)) === false) throw new Error('|r_j| != -y_j r_j: prediction outside [-1, 1]');
        const halfR = t.sScaleConst(absR, half);
        diffs.push(t.sSub(labels[j] > 0 ? nw : nu, halfR));
        diffs.push(t.sSub(t.sMul(nu, nw), t.sMul(t.sSub(t.constSc(q.ONE), halfR), halfR)));
      });
      return { diffs };
    }),
};

export const exactUnitarityClaims = [section3SpectrumPreservedExact, theorem32Eq30CommutatorExact, theorem32NormsUWExact];
