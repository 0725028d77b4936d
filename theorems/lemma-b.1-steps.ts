/**
 * Proof of Lemma 4.1, last steps (appendix B.1, eqs. 57-66): dr_i/dt from dM/dt (57)-(58), the first term
 * rearranged into K_asym (59)-(61), the second into K_pert (62)-(66), the last step using that Y and Y* are
 * invariant under the swap of the two tensor factors.
 */
import fc from 'fast-check';
import type { Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import {
  CMat, commutator, frobeniusNorm, identity, kron, matmul, partialTrace1, scale, swap, traceProduct,
} from '../src/linalg/cmatrix.ts';
import { gradientFlow } from '../src/dynamics/training.ts';
import { deltaMatrix } from '../src/model/kernels.ts';
import { ginibre } from '../src/random/ensembles.ts';
import { makeRng } from '../src/random/rng.ts';
import {
  allOf, buildPeriodic, densityMatrices, type GenKind, identityOutcome, maxFrob, pointQuantities, residualScale, seedArb, yStarFrobenius,
} from './section-4-b-common.ts';

interface StepParams extends InstanceParams { d: number; m: number; p: number; gamma: number; gen: GenKind; t: number }

const stepArbitrary = () =>
  fc.constantFrom(2, 4).chain((d) =>
    fc.record({
      seed: seedArb(),
      d: fc.constant(d),
      m: fc.integer({ min: 1, max: Math.min(3, d) }),
      p: fc.integer({ min: 1, max: 8 }),
      gamma: fc.constantFrom(1, 2),
      gen: fc.constantFrom<GenKind>('appendix-d', 'gue', 'rank2'),
      t: fc.integer({ min: 0, max: 3 }).map((k) => k / 10),
    }));

/** The instance at theta(t) on the gradient flow with eta = m/(pZ): M, rho_j, r, Delta = Y(theta) - Y*, dr/dt (tangent features x theta'). */
function setup({ seed, d, m, p, gamma, gen, t }: StepParams) {
  const q = buildPeriodic(makeRng(seed), { d, m, p, gamma, gen, theta0: 'random' });
  const theta = t > 0 ? gradientFlow(q.c, q.theta0, q.eta, [0, t], { rtol: 1e-8, atol: 1e-10 }).theta[1] : q.theta0;
  const pt = pointQuantities(q, theta);
  return { q, pt, rho: densityMatrices(q.inst.states), delta: deltaMatrix(pt.Hl, q.z) };
}

const re = (a: CMat, b: CMat) => traceProduct(a, b).re;
const im = (a: CMat) => scale(a, 0, 1); // i A

// ---------------------------------------------------------------------------------------------

export const lemmaB1Eq57: Claim<StepParams> = {
  id: 'lemma-b.1/eq-57',
  title: 'dr_i/dt = (57) + (58): the residual flow from the measurement flow',
  ref: { label: 'Lemma B.1 (proof)', section: 'B.1', equations: ['57', '58'] },
  statement:
    'Along the gradient flow with eta = m/(pZ): dr_i/dt = -sum_j r_j tr(rho_i [M, [M, rho_j]]) - sum_j r_j tr(rho_i [M, tr_1(([M, rho_j] (x) I)(Y(theta) - Y*))]) ' +
    '(eqs. 57-58), r = y - yhat. The left side is computed independently: dr_i/dt = -sum_l tr(rho_i i[H_l, M]) d theta_l/dt with d theta/dt = -eta grad L ' +
    'from the adjoint gradient, at theta(t) on a flow from a random theta(0).',
  hypotheses: ['periodic ansatz (Definition 2.1), eta = m/(pZ)', 'm orthonormal pure states, labels +-1, M0 = gamma diag(+-1)'],
  kind: 'identity',
  expectation: 'holds',
  uses: ['lemma-3.1'],
  toleranceRule:
    'TOLERANCES.identity(R ||M||_F (4 ||M||_F + 2 max_j ||A_j||_F (2(d^2 - 1) + ||Y*||_F)), d^2, p + 2), R = sum_j (|yhat_j| + |y_j|): the scale of ' +
    'both sides (as lemma-b.1/eq-55, traced against rho_i of norm 1)',
  runs: { quick: 5, default: 16, full: 160 },
  arbitrary: stepArbitrary,
  check: (params) => {
    const { q, pt, rho, delta } = setup(params);
    const { M } = pt;
    const d = params.d;
    const mNorm = frobeniusNorm(M), aMax = maxFrob(pt.A);
    const scl = residualScale(pt.yhat, q.inst.labels) * mNorm * (4 * mNorm + 2 * aMax * (2 * (d * d - 1) + yStarFrobenius(d)));
    const tol = TOLERANCES.identity(scl, d * d, params.p + 2);
    const parts = rho.map((ri, i) => {
      let rhs = 0;
      rho.forEach((rj, j) => {
        const c = commutator(M, rj);
        rhs -= pt.r[j] * re(ri, commutator(M, c)); // (57)
        rhs -= pt.r[j] * re(ri, commutator(M, partialTrace1(matmul(kron(c, identity(d)), delta), d, d))); // (58)
      });
      return identityOutcome(Math.abs(pt.drdt[i] - rhs), tol);
    });
    return allOf(parts, { loss: pt.loss });
  },
};

// ---------------------------------------------------------------------------------------------

export const lemmaB1Eq61: Claim<StepParams> = {
  id: 'lemma-b.1/eq-61',
  title: 'First term (59) = (60) = (61): tr(rho_i [M, [M, rho_j]]) = tr(i[M, rho_i] i[M, rho_j])',
  ref: { label: 'Lemma B.1 (proof)', section: 'B.1', equations: ['59', '60', '61'] },
  statement:
    'For each i, j: tr(rho_i [M, [M, rho_j]]) (59) = tr([rho_i, M][M, rho_j]) (60) = tr(i[M, rho_i] i[M, rho_j]) (61), so the first term is ' +
    '-sum_j r_j (K_asym)_ij with K_asym of eq. (7).',
  hypotheses: ['M Hermitian (the parameterized measurement at theta(t))', 'pure states rho_j'],
  kind: 'identity',
  expectation: 'holds',
  uses: [],
  toleranceRule: 'TOLERANCES.identity(4 ||M||_F^2, d, 4): three products of d x d matrices of norm <= 2 ||M||_F',
  runs: { quick: 5, default: 16, full: 160 },
  arbitrary: stepArbitrary,
  check: (params) => {
    const { pt, rho } = setup(params);
    const { M } = pt;
    const tol = TOLERANCES.identity(4 * frobeniusNorm(M) ** 2, params.d, 4);
    const parts = [];
    for (const ri of rho) for (const rj of rho) {
      const t59 = re(ri, commutator(M, commutator(M, rj)));
      const t60 = re(commutator(ri, M), commutator(M, rj));
      const t61 = re(im(commutator(M, ri)), im(commutator(M, rj)));
      parts.push(identityOutcome(Math.max(Math.abs(t59 - t60), Math.abs(t60 - t61)), tol));
    }
    return allOf(parts);
  },
};

// ---------------------------------------------------------------------------------------------

export const lemmaB1Eq66: Claim<StepParams> = {
  id: 'lemma-b.1/eq-66',
  title: 'Second term (62) = ... = (66), and the swap invariance of Y and Y*',
  ref: { label: 'Lemma B.1 (proof)', section: 'B.1', equations: ['62', '63', '64', '65', '66'] },
  statement:
    'For each i, j, with Delta = Y(theta) - Y* (the summands of eqs. 62-66, each multiplied by -r_j there): tr(rho_i [M, tr_1(([M, rho_j] (x) I) Delta)]) (62) ' +
    '= tr(i[M, rho_i] tr_1((i[M, rho_j] (x) I) Delta)) (63) = tr((I (x) i[M, rho_i])(i[M, rho_j] (x) I) Delta) (64) = tr((i[M, rho_j] (x) i[M, rho_i]) Delta) (65) = ' +
    'tr((i[M, rho_i] (x) i[M, rho_j]) Delta) (66), a real number (complex traces compared); the last step holds because W Delta W = Delta (Y and Y* are swap invariant). ' +
    'Power: with a Delta that is not swap invariant (a random d^2 x d^2 matrix) the step (65) -> (66) fails (swapBreaks, reported).',
  hypotheses: ['M Hermitian', 'pure states rho_j', 'Delta = Y(theta) - Y* from the periodic ansatz'],
  kind: 'identity',
  expectation: 'holds',
  uses: [],
  toleranceRule:
    'TOLERANCES.identity(4 ||M||_F^2 ||Delta||_F, d^2, 4): products of d^2 x d^2 matrices (||Delta||_F <= 2(d^2 - 1)); ' +
    'swap invariance ||W Delta W - Delta||_max to TOLERANCES.identity(||Delta||_F, d^2, 2)',
  runs: { quick: 5, default: 16, full: 160 },
  arbitrary: stepArbitrary,
  check: (params) => {
    const { pt, rho, delta } = setup(params);
    const { M } = pt;
    const d = params.d;
    const I = identity(d), W = swap(d);
    const dn = frobeniusNorm(delta);
    const tol = TOLERANCES.identity(4 * frobeniusNorm(M) ** 2 * Math.max(dn, 1), d * d, 4);
    const parts = [];
    const swapped = matmul(W, matmul(delta, W));
    let swapDev = 0;
    for (let e = 0; e < swapped.re.length; e++) swapDev = Math.max(swapDev, Math.abs(swapped.re[e] - delta.re[e]), Math.abs(swapped.im[e] - delta.im[e]));
    parts.push(identityOutcome(swapDev, TOLERANCES.identity(Math.max(dn, 1), d * d, 2)));
    const random = ginibre(makeRng(params.seed).fork('non-symmetric'), d * d, d * d);
    let swapBreaks = 0;
    for (const ri of rho) for (const rj of rho) {
      const ai = im(commutator(M, ri)), aj = im(commutator(M, rj));
      const t62 = traceProduct(ri, commutator(M, partialTrace1(matmul(kron(commutator(M, rj), I), delta), d, d)));
      const t63 = traceProduct(ai, partialTrace1(matmul(kron(aj, I), delta), d, d));
      const t64 = traceProduct(matmul(kron(I, ai), kron(aj, I)), delta);
      const t65 = traceProduct(kron(aj, ai), delta);
      const t66 = traceProduct(kron(ai, aj), delta);
      const dist = (a: typeof t62, b: typeof t62) => Math.hypot(a.re - b.re, a.im - b.im);
      parts.push(identityOutcome(Math.max(dist(t62, t63), dist(t63, t64), dist(t64, t65), dist(t65, t66), Math.abs(t66.im)), tol));
      swapBreaks = Math.max(swapBreaks, Math.abs(re(kron(aj, ai), random) - re(kron(ai, aj), random)));
    }
    return allOf(parts, { swapBreaks, deltaNorm: dn }, 'relative');
  },
};

export const lemmaB1StepClaims = [lemmaB1Eq57, lemmaB1Eq61, lemmaB1Eq66];
