/**
 * Exact checks of Lemma 4.1 / B.1: the decomposition (eta/m) K = K_asym + K_pert with the explicit
 * d^2 x d^2 matrices Y, Y* = SWAP - I/d and Delta = Y - Y*, and the partial-trace step (49) -> (51)
 * tr_1((A (x) I)(SWAP - I/d)) = A - tr(A) I/d, over Q(i).
 */
import fc from 'fast-check';
import { seedArb } from '../../properties/index.ts';
import type { Claim, InstanceParams } from '../../src/claims/types.ts';
import * as q from '../../src/exact/gaussian-rational.ts';
import * as mx from '../../src/exact/qmatrix.ts';
import * as t from '../../src/exact/tracked.ts';
import { cayleyUnitary, generator, measurement, type ParamSet, randomComplex, randomSigns } from '../../src/exact/instances.ts';
import { type Diff, exactCheck, exactRule } from './common.ts';

/** Y* = SWAP - I/d (d^2 x d^2, constant). */
function yStar(d: number): t.TMat {
  return t.constMat(mx.sub(mx.swap(d), mx.scale(mx.identity(d * d), q.frac(1, d))));
}

interface DecParams extends InstanceParams { d: number; m: number; p: number; gammaIndex: number }

const DEC_SET: ParamSet = { N: 1 << 16 };
const DEC_POINTS = 2;
const GAMMAS = [q.ONE, q.fromInt(2), q.frac(5, 3)];

export const lemma41Exact: Claim<DecParams> = {
  id: 'lemma-4.1/exact',
  title: 'Decomposition (eta/m) K = K_asym + K_pert with explicit Y, Y*, Delta, exactly',
  ref: { label: 'Lemma 4.1 / B.1', section: '4, B.1', equations: ['4', '7', '8', '67'] },
  statement:
    'With A_i = i[M, rho_i], H_l = B_l^dag H B_l (B_l exactly unitary Cayley products, H = V diag(h) V^dag with integer h, h_1 = 1), ' +
    'eta/m = (d^2 - 1)/(p tr H^2): (eta/m) K = K_asym + K_pert exactly in Q(i), where K_ij = sum_l tr(A_i H_l) tr(A_j H_l) (eq. 4), ' +
    '(K_asym)_ij = tr(A_i A_j) (eq. 7), (K_pert)_ij = tr((A_i (x) A_j) Delta) (eq. 67, the corrected eq. 8), Delta = Y - Y*, ' +
    'Y = (1/(pZ)) sum_l H_l (x) H_l, Z = tr(H^2)/(d^2 - 1), Y* = SWAP - I/d. M = U^dag diag(+-gamma) U (U Cayley, gamma in {1, 2, 5/3}), ' +
    'rho_i = v_i v_i^dag with v_i columns of a Cayley unitary. tr H^2 = sum_k h_k^2 >= 1 is checked exactly and enters as a denominator atom of degree 2.',
  hypotheses: ['M Hermitian (+-gamma spectrum)', 'orthonormal pure states', 'H_l unitary conjugates of one Hermitian H with tr H^2 > 0'],
  kind: 'identity',
  strength: 'consistency',
  strengthReason: 'Delta := Y - Y* makes the decomposition true by definition; guards the exact Y, Y* and kernels',
  expectation: 'holds',
  uses: ['lemma-4.1'],
  toleranceRule: exactRule(DEC_SET, DEC_POINTS, 'numerators of A_i (x) A_j times Y over the Cayley and tr H^2 atoms: computed exactly per instance'),
  runs: { quick: 3, default: 6, full: 40 },
  arbitrary: () =>
    fc.constantFrom(2, 3).chain((d) =>
      fc.record({
        seed: seedArb(), d: fc.constant(d), m: fc.integer({ min: 1, max: Math.min(3, d) }), p: fc.integer({ min: 1, max: 2 }),
        gammaIndex: fc.integer({ min: 0, max: GAMMAS.length - 1 }),
      })),
  check: ({ seed, d, m, p, gammaIndex }) =>
    exactCheck(seed, DEC_POINTS, DEC_SET, (rng) => {
      const gamma = GAMMAS[gammaIndex];
      const signs = randomSigns(rng, d);
      const M = measurement(cayleyUnitary(rng, d, DEC_SET), signs, gamma);
      const W = cayleyUnitary(rng, d, DEC_SET);
      const { H, h } = generator(rng, d, DEC_SET, true);
      const trH2 = h.reduce((s, x) => s + x * x, 0n);
      if (!q.eq(mx.trace(mx.matmul(H.v, H.v)), q.qi(trH2))) throw new Error('tr H^2 != sum h_k^2');
      // 1/(p tr H^2): a denominator atom of degree 2 in h (never zero: h_1 = 1)
      const invPTr = t.ts(q.frac(1n, BigInt(p) * trH2), { num: 0, den: { [t.freshAtom('trH2_')]: [2, 1] } });
      const Hl: t.TMat[] = [];
      for (let l = 0; l < p; l++) {
        const B = t.matmul(cayleyUnitary(rng, d, DEC_SET), cayleyUnitary(rng, d, DEC_SET));
        Hl.push(t.chain(t.adjoint(B), H, B));
      }
      const iUnit = t.constSc(q.I);
      const A = Array.from({ length: m }, (_, j) => {
        const v = t.column(W, j);
        return t.scale(t.commutator(M, t.outer(v, v)), iUnit);
      });
      const dd = q.fromInt(d * d - 1);
      let Ysum = t.kron(Hl[0], Hl[0]);
      for (let l = 1; l < p; l++) Ysum = t.add(Ysum, t.kron(Hl[l], Hl[l]));
      const Y = t.scale(t.scaleConst(Ysum, dd), invPTr); // (1/(pZ)) sum_l H_l (x) H_l
      const Delta = t.sub(Y, yStar(d));
      const diffs: Diff[] = [];
      const g = A.map((a) => Hl.map((hl) => t.traceProduct(a, hl))); // tr(A_i H_l)
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < m; j++) {
          let kij = t.sMul(g[i][0], g[j][0]);
          for (let l = 1; l < p; l++) kij = t.sAdd(kij, t.sMul(g[i][l], g[j][l]));
          const lhs = t.sMul(t.sScaleConst(kij, dd), invPTr); // (eta/m) K_ij
          const kAsym = t.traceProduct(A[i], A[j]);
          const kPert = t.traceProduct(t.kron(A[i], A[j]), Delta);
          diffs.push(t.sSub(lhs, t.sAdd(kAsym, kPert)));
        }
      }
      return { diffs };
    }),
};

interface PtParams extends InstanceParams { d: number }

const PT_SET: ParamSet = { N: 1 << 20 };
const PT_POINTS = 4;

export const lemmaB1Eq51Exact: Claim<PtParams> = {
  id: 'lemma-b.1/eq-51-exact',
  title: 'Partial trace against Y*: tr_1((A (x) I)(SWAP - I/d)) = A - tr(A) I/d, exactly',
  ref: { label: 'Lemma 4.1 / B.1 (proof)', section: 'B.1', equations: ['49', '50', '51'] },
  statement:
    'tr_1((A (x) I)(SWAP - I/d)) = A - tr(A) I/d exactly in Q(i) for a d x d matrix A with independent Gaussian-integer entries ' +
    '(tr_1 the partial trace over the first factor); hence = A for trace-0 A (the step (49) -> (51)).',
  hypotheses: ['any complex d x d matrix A'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  uses: ['lemma-b.1/eq-51'],
  toleranceRule: exactRule(PT_SET, PT_POINTS, '1 (both sides are linear in the 2 d^2 real parameters of A)'),
  runs: { quick: 3, default: 8, full: 60 },
  arbitrary: () => fc.record({ seed: seedArb(), d: fc.integer({ min: 2, max: 6 }) }),
  check: ({ seed, d }) =>
    exactCheck(seed, PT_POINTS, PT_SET, (rng) => {
      const A = randomComplex(rng, d, d, PT_SET);
      const lhs = t.partialTrace1(t.matmul(t.kron(A, t.constMat(mx.identity(d))), yStar(d)), d, d);
      const rhs = t.sub(A, t.scale(t.constMat(mx.identity(d)), t.sScaleConst(t.trace(A), q.frac(1, d))));
      return { diffs: [t.sub(lhs, rhs)] };
    }),
};

export const exactLemma41Claims = [lemma41Exact, lemmaB1Eq51Exact];
