/**
 * Proof of Lemma 4.1 (appendix B.1, eqs. 43-66): the B.1 restatement of eq. (7), the partial-trace step (49) -> (51), the
 * measurement dynamics (55)-(56) and the sign of the residual there, and the consistency of the asymptotic dynamics as
 * simulated in appendix D (eq. 119) with eq. (10). The Haar integration formula behind Y* (E[Y] = Y*) is in
 * ./lemma-b.1-haar.ts.
 */
import fc from 'fast-check';
import type { Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import {
  axpyInPlace, CMat, commutator, frobeniusNorm, identity, kron, matmul, maxAbsDiff, partialTrace1, scale, sub, trace, zeros,
} from '../src/linalg/cmatrix.ts';
import { asymptoticRhs } from '../src/dynamics/asymptotic.ts';
import { gradientFlow } from '../src/dynamics/training.ts';
import { deltaMatrix, yStar } from '../src/model/kernels.ts';
import { predictionsOf } from '../src/model/qnn.ts';
import { ginibre, orthonormalStates, randomHermitianWithSpectrum, randomTracelessHermitian } from '../src/random/ensembles.ts';
import { makeRng } from '../src/random/rng.ts';
import { type DecompositionParams, checkDecomposition, decompositionArbitrary } from './lemma-4.1.ts';
import {
  allOf, buildPeriodic, densityMatrices, type GenKind, identityOutcome, maxFrob, pointQuantities, residualScale, seedArb, yStarFrobenius,
} from './section-4-b-common.ts';

export const lemmaB1Eq7: Claim<DecompositionParams> = {
  id: 'lemma-b.1/eq-7',
  title: 'Eq. (7) as restated in B.1: K_asym with rho_i in both factors',
  ref: { label: 'Lemma B.1', section: 'B.1', equations: ['6', '7'] },
  statement:
    'As printed in the B.1 restatement of Lemma 4.1 (and in eq. 121): (K_asym)_ij := tr(i[M, rho_i] i[M, rho_i]); with it (and the ' +
    'corrected K_pert of eq. 67) (eta/m) K = K_asym + K_pert and dr/dt = -(K_asym + K_pert) r (eq. 6) are claimed. ' +
    'The printed entry does not depend on j; it fails for m >= 2 (the main-text eq. 7 has rho_j).',
  hypotheses: ['as lemma-4.1', 'm >= 2'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'fails-as-printed',
  correctedBy: 'lemma-4.1',
  uses: ['lemma-3.1'],
  toleranceRule: 'as lemma-4.1',
  runs: { quick: 5, default: 8, full: 80 },
  arbitrary: decompositionArbitrary(2),
  check: (params) => checkDecomposition(params, 'b1-eq-7-printed'),
};

// ---------------------------------------------------------------------------------------------
// (49) -> (51): tr_1((A (x) I) Y*) = A - tr(A) I/d (= A for trace-0 A).

interface PartialTraceParams extends InstanceParams { d: number; kind: 'general' | 'traceless-hermitian' | 'commutator' }

export const lemmaB1Eq51: Claim<PartialTraceParams> = {
  id: 'lemma-b.1/eq-51',
  title: 'Partial trace against Y*: tr_1((A (x) I) Y*) = A - tr(A) I/d',
  ref: { label: 'Lemma B.1', section: 'B.1', equations: ['49', '51'] },
  statement:
    'tr_1((A (x) I)(W - I/d)) = A - tr(A) I/d for any d x d A, hence = A for trace-0 A such as i[grad_M L, M] (the step from (49) to (51)); ' +
    'tr_1 is the partial trace over the first factor, tr_1(A (x) B) = tr(A) B.',
  hypotheses: ['any complex d x d A (general, traceless Hermitian, or a commutator i[G, M] of Hermitians)'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  uses: [],
  toleranceRule: 'TOLERANCES.identity(||A||_F, d^2, 2): one d^2 x d^2 product and a sum of d terms per entry',
  runs: { quick: 10, default: 40, full: 400 },
  arbitrary: () =>
    fc.record({
      seed: seedArb(),
      d: fc.integer({ min: 2, max: 8 }),
      kind: fc.constantFrom<PartialTraceParams['kind']>('general', 'traceless-hermitian', 'commutator'),
    }),
  check: ({ seed, d, kind }) => {
    const rng = makeRng(seed);
    let a: CMat;
    if (kind === 'general') a = ginibre(rng, d, d);
    else if (kind === 'traceless-hermitian') a = randomTracelessHermitian(rng, d);
    else a = scale(commutator(randomTracelessHermitian(rng, d), randomHermitianWithSpectrum(rng, Array.from({ length: d }, (_, i) => (i % 2 ? -1 : 1)))), 0, 1);
    const lhs = partialTrace1(matmul(kron(a, identity(d)), yStar(d)), d, d); // tr_1((A (x) I) Y*)
    const tr = trace(a);
    const rhs = sub(a, scale(identity(d), tr.re / d, tr.im / d)); // A - tr(A) I/d
    const tol = TOLERANCES.identity(Math.max(frobeniusNorm(a), Number.MIN_VALUE), d * d, 2);
    const parts = [identityOutcome(maxAbsDiff(lhs, rhs), tol)];
    if (kind !== 'general') parts.push(identityOutcome(maxAbsDiff(lhs, a), tol + TOLERANCES.identity(frobeniusNorm(a), d, 1))); // (51): = A (trace 0 to rounding)
    return allOf(parts, { traceA: Math.hypot(tr.re, tr.im) });
  },
};

// ---------------------------------------------------------------------------------------------
// (55)-(56): dM/dt = sum_j r_j [M, [M, rho_j]] + sum_j r_j [M, tr_1(([M, rho_j] (x) I)(Y - Y*))].

interface FlowPointParams extends InstanceParams { d: number; m: number; p: number; gamma: number; gen: GenKind; t: number }

const flowPointArbitrary = () =>
  fc.constantFrom(2, 4, 6).chain((d) =>
    fc.record({
      seed: seedArb(),
      d: fc.constant(d),
      m: fc.integer({ min: 1, max: Math.min(4, d) }),
      p: fc.integer({ min: 1, max: 12 }),
      gamma: fc.constantFrom(1, 2),
      gen: fc.constantFrom<GenKind>('appendix-d', 'gue', 'rank2'),
      t: fc.integer({ min: 0, max: 5 }).map((k) => k / 10),
    }));

/** Checks (55)-(56) at theta(t) on a gradient flow, with r_j = y_j - yhat_j ('corrected') or r_j = tr(M rho_j) - y_j ('printed-second-half'). */
function checkEq55(params: FlowPointParams, residual: 'y-minus-yhat' | 'yhat-minus-y') {
  const { seed, d, m, p, gamma, gen, t } = params;
  const q = buildPeriodic(makeRng(seed), { d, m, p, gamma, gen, theta0: 'random' });
  const theta = t > 0 ? gradientFlow(q.c, q.theta0, q.eta, [0, t], { rtol: 1e-8, atol: 1e-10 }).theta[1] : q.theta0;
  const pt = pointQuantities(q, theta);
  const { M, Hl } = pt;
  // dM/dt = sum_l (d theta_l/dt) i[H_l, M]  (eq. 43-44; theta' = -eta grad L from the adjoint gradient).
  const lhs = zeros(d, d);
  Hl.forEach((h, l) => axpyInPlace(lhs, commutator(h, M), 0, pt.thetaDot[l]));
  const rho = densityMatrices(q.inst.states);
  const delta = deltaMatrix(Hl, q.z); // Y(theta) - Y*
  const r = residual === 'y-minus-yhat' ? pt.r : pt.r.map((v) => -v);
  const rhs = zeros(d, d);
  rho.forEach((rj, j) => {
    const c = commutator(M, rj); // [M, rho_j]
    axpyInPlace(rhs, commutator(M, c), r[j]); // eq. (55): r_j [M, [M, rho_j]]
    const pert = partialTrace1(matmul(kron(c, identity(d)), delta), d, d); // tr_1(([M, rho_j] (x) I)(Y - Y*))
    axpyInPlace(rhs, commutator(M, pert), r[j]); // eq. (56)
  });
  const mNorm = frobeniusNorm(M), aMax = maxFrob(pt.A);
  // |theta'_l| ||[H_l, M]|| summed over l <= ||r||_1 aMax 2||M|| (d^2 - 1); RHS terms <= ||r||_1 (4||M||^2 + 2||M|| aMax (d^2 - 1 + ||Y*||_F)).
  const scl = residualScale(pt.yhat, q.inst.labels) * mNorm * (4 * mNorm + 2 * aMax * (2 * (d * d - 1) + yStarFrobenius(d)));
  return identityOutcome(maxAbsDiff(lhs, rhs), TOLERANCES.identity(scl, d * d, p + 2), { normDMdt: frobeniusNorm(lhs), loss: pt.loss });
}

const eq55Common = {
  ref: { label: 'Lemma B.1', section: 'B.1', equations: ['43-56'] },
  hypotheses: ['as lemma-4.1 (periodic ansatz, eta = m/(pZ), gradient flow)'],
  kind: 'identity' as const,
  uses: ['lemma-3.1'],
  toleranceRule:
    'TOLERANCES.identity(R ||M||_F (4 ||M||_F + 2 max_j ||A_j||_F (2(d^2 - 1) + ||Y*||_F)), d^2, p + 2): bounds of both sides ' +
    '(sum_l |theta_l\'| ||[H_l, M]||_F, the double commutators and the partial-trace term) with R = sum_j (|yhat_j| + |y_j|) >= ||r||_1 ' +
    '(r_j is a difference of O(||M||) numbers), depth p + 2 for the adjoint gradient',
  arbitrary: flowPointArbitrary,
};

export const lemmaB1Eq55: Claim<FlowPointParams> = {
  id: 'lemma-b.1/eq-55',
  title: 'Measurement dynamics (55)-(56) with r = y - yhat',
  ...eq55Common,
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  statement:
    'Along the gradient flow with eta = m/(pZ): dM/dt = sum_j r_j [M, [M, rho_j]] + sum_j r_j [M, tr_1(([M, rho_j] (x) I)(Y(theta) - Y*))] ' +
    '(eqs. 55-56) with r_j = y_j - yhat_j. dM/dt is computed independently as sum_l (d theta_l/dt) i[H_l, M] with d theta/dt = -eta grad L ' +
    '(adjoint gradient), at theta(t) on a flow from a random theta(0).',
  expectation: 'holds',
  corrects: 'lemma-b.1/eq-55-sign',
  why:
    'Section 3 defines r_j := y_j - yhat_j, and the proof plugs in grad_M L = -(1/m) sum_i r_i rho_i, which holds exactly for ' +
    'r_i = y_i - yhat_i (L = (1/2m) sum (tr(M rho_i) - y_i)^2 gives grad_M L = (1/m) sum (yhat_i - y_i) rho_i). Substituting into (53)-(54) ' +
    'with eta p Z = m gives (55)-(56) with r = y - yhat; the trailing "= tr(M rho_i) - y_i" after (54) is the opposite sign.',
  runs: { quick: 6, default: 20, full: 200 },
  check: (params) => checkEq55(params, 'y-minus-yhat'),
};

export const lemmaB1Eq55Sign: Claim<FlowPointParams> = {
  id: 'lemma-b.1/eq-55-sign',
  title: 'Residual after eq. (54) as printed: r_i = tr(M rho_i) - y_i',
  ...eq55Common,
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  statement:
    'The text after (54) defines "r_i := y_i - yhat_i = tr(M(theta) rho_i) - y_i"; the two halves contradict each other. Encoded with the ' +
    'second half, r_i = tr(M rho_i) - y_i, in (55)-(56): dM/dt = sum_j r_j [M, [M, rho_j]] + sum_j r_j [M, tr_1(([M, rho_j] (x) I)(Y - Y*))]. ' +
    'This flips the sign of the right-hand side, so it fails whenever dM/dt != 0.',
  expectation: 'fails-as-printed',
  correctedBy: 'lemma-b.1/eq-55',
  runs: { quick: 5, default: 8, full: 80 },
  check: (params) => checkEq55(params, 'yhat-minus-y'),
};

// ---------------------------------------------------------------------------------------------
// Eq. (119) (appendix D): dM/dt = -eta sum_j r_j [M, [M, rho_j]], r_j = tr(M rho_j) - y_j, equals eta times eq. (10).

interface Eq119Params extends InstanceParams { d: number; m: number; gamma: number; logEta: number }

export const appendixDEq119: Claim<Eq119Params> = {
  id: 'appendix-d/eq-119',
  title: 'Asymptotic dynamics of appendix D (eq. 119) = eta x eq. (10)',
  ref: { label: 'Appendix D.1', section: 'D.1', equations: ['119', '120', '10'] },
  statement:
    'The right-hand side of eq. (119), -eta sum_j r~_j [M, [M, rho_j]] with r~_j := tr(M rho_j) - y_j, equals eta times the right-hand side ' +
    'of eq. (10), sum_j r_j [M, [M, rho_j]] with r_j = y_j - yhat_j: the extra minus sign compensates the opposite residual convention, ' +
    'so (119) is eq. (10) with time rescaled by eta. Checked with dense double commutators against asymptoticRhs (the O(m d^2) ' +
    'implementation of eq. 10), at M(0) = gamma U diag(+-1) U^dag (eq. 120).',
  hypotheses: ['M = gamma U diag(+1 x d/2, -1 x d/2) U^dag, U Haar (eq. 120)', 'm orthonormal pure states', 'labels +-1', 'any eta > 0'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  uses: ['lemma-4.1'],
  toleranceRule: 'TOLERANCES.identity(eta sum_j (|yhat_j| + |y_j|) 4 ||M||_F^2, d, 3): double commutators of d x d matrices; the residuals are differences of O(||M||) numbers',
  runs: { quick: 10, default: 40, full: 400 },
  arbitrary: () =>
    fc.constantFrom(2, 4, 6, 8).chain((d) =>
      fc.record({
        seed: seedArb(),
        d: fc.constant(d),
        m: fc.integer({ min: 1, max: d }),
        gamma: fc.constantFrom(1, 1.5, 2, 4),
        logEta: fc.integer({ min: -4, max: 4 }).map((k) => k / 2),
      })),
  check: ({ seed, d, m, gamma, logEta }) => {
    const rng = makeRng(seed);
    const eta = 10 ** logEta;
    const M = scale(randomHermitianWithSpectrum(rng, Array.from({ length: d }, (_, i) => (i < d / 2 ? 1 : -1))), gamma); // eq. (120)
    const states = orthonormalStates(rng, m, d);
    const labels = Float64Array.from({ length: m }, () => (rng.uniform() < 0.5 ? 1 : -1));
    const yhat = predictionsOf(M, states);
    const rho = densityMatrices(states);
    const rhs119 = zeros(d, d);
    rho.forEach((rj, j) => axpyInPlace(rhs119, commutator(M, commutator(M, rj)), -eta * (yhat[j] - labels[j]))); // eq. (119)
    const rhs10 = scale(asymptoticRhs(M, states, labels), eta); // eta x eq. (10)
    const scl = eta * residualScale(yhat, labels) * 4 * frobeniusNorm(M) ** 2;
    return identityOutcome(maxAbsDiff(rhs119, rhs10), TOLERANCES.identity(scl, d, 3), { normRhs: frobeniusNorm(rhs10), eta });
  },
};
