/**
 * Proof steps of Lemma 3.1 (appendix A.1, eqs. 13-20): the derivative of the partial products,
 * the derivative of M(theta) (eqs. 14-16), the chain rule (eq. 17) and the flow of M (eqs. 18-20).
 */
import fc from 'fast-check';
import { smallDimensionArb } from '../properties/index.ts';
import type { CheckOutcome, Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import {
  adjoint, axpyInPlace, CMat, commutator, matmul, matmulChain, maxAbsDiff, outer, row, scale, sub, traceProduct, zeros,
} from '../src/linalg/cmatrix.ts';
import { opNormHermitian } from '../src/linalg/norms.ts';
import { layerGenerators } from '../src/model/ansatz.ts';
import { lossAndGradient } from '../src/model/compiled.ts';
import type { QnnInstance } from '../src/model/instance.ts';
import { parameterizedMeasurement, predictions, residualsOf } from '../src/model/qnn.ts';
import { makeRng } from '../src/random/rng.ts';
import {
  type AnsatzKind, axpy, buildInstance, derivativeBound, FD_STEP, fdTolerance, generatorNorms, identityOutcome, type MeasKind,
  partialProducts, seedArb, unitVector,
} from './section-2-3-common.ts';

interface Params extends InstanceParams { d: number; m: number; p: number; ansatz: AnsatzKind; meas: MeasKind }

const arb = () =>
  smallDimensionArb().chain((d) =>
    fc.record({
      seed: seedArb(),
      d: fc.constant(d),
      m: fc.integer({ min: 1, max: Math.min(4, d) }),
      p: fc.integer({ min: 1, max: 6 }),
      ansatz: fc.constantFrom<AnsatzKind>('line', 'periodic'),
      meas: fc.constantFrom<MeasKind>('pm1', 'generic', 'pi0'),
    }));

function setup({ seed, d, m, p, ansatz, meas }: Params) {
  const rng = makeRng(seed);
  const { inst, theta } = buildInstance(rng, { d, m, p, ansatz, meas, states: 'haar', labels: 'real' });
  return { inst, theta, norms: generatorNorms(inst.ansatz), m0: opNormHermitian(inst.M0) };
}

/** Central difference of M(theta) along e_l. */
function fdM(inst: QnnInstance, theta: Float64Array, l: number, h: number): CMat {
  const e = unitVector(theta.length, l);
  return scale(sub(parameterizedMeasurement(inst, axpy(theta, e, h)), parameterizedMeasurement(inst, axpy(theta, e, -h))), 1 / (2 * h));
}

/** max over l of |FD dM/dtheta_l - formula_l| / tol_l, reported as an identity in units of the worst tol. */
function compareDerivatives(p: Params, formula: (l: number, ctx: ReturnType<typeof setup>) => CMat): CheckOutcome {
  const ctx = setup(p);
  const { inst, theta, norms, m0 } = ctx;
  const h = FD_STEP;
  let worst = 0, worstTol = Infinity, worstRes = 0;
  for (let l = 0; l < p.p; l++) {
    const res = maxAbsDiff(fdM(inst, theta, l, h), formula(l, ctx));
    // third derivative of M along e_l: ||ad_{H_l}^3 M|| <= 8 ||H^(l)||^3 ||M0||; formula side: 2 p + 4 dense products
    const tol = fdTolerance(h, 8 * norms[l] ** 3 * m0, m0, p.d, 2 * p.p + 2) + TOLERANCES.identity(2 * norms[l] * m0, p.d, 2 * p.p + 4);
    if (res / tol >= worst) { worst = res / tol; worstTol = tol; worstRes = res; }
  }
  return identityOutcome(worstRes, worstTol, { ratio: worst });
}

const derivTolRule =
  'per l: FD of the dense M(theta) (fdTolerance: TOLERANCES.finiteDifference with the bound 8 ||H^(l)||^3 ||M0|| on the third ' +
  'derivative, plus TOLERANCES.identity(||M0||, d, 2p + 2)/h for the rounding of the two evaluations) plus ' +
  'TOLERANCES.identity(2 ||H^(l)|| ||M0||, d, 2p + 4) for the formula side; the worst l is reported';

export const lemma31Eq13: Claim<Params> = {
  id: 'lemma-3.1/eq-13',
  title: 'Derivative of the partial product U_{1:p}',
  ref: { label: 'Lemma 3.1 (proof)', section: 'A.1', equations: ['13'] },
  statement:
    'd U_{1:p}/d theta_l = U_{l:p} (-i H^(l)) U_{1:l-1} = -i U_{l:p} H^(l) U_{l:p}^dag U_{1:p}, with ' +
    'U_{l:p} = U_p e^{-i theta_p H^(p)} ... U_l e^{-i theta_l H^(l)} (eq. 13 with r = 1).',
  hypotheses: ['any Line (1) ansatz'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  uses: [],
  toleranceRule:
    'FD of U_{1:p} (fdTolerance with third-derivative bound ||H^(l)||^3, value scale 1, depth 2p + 2) plus ' +
    'TOLERANCES.identity(||H^(l)||, d, 2p + 4) for the formula; worst l reported',
  runs: { quick: 15, default: 60, full: 600 },
  arbitrary: arb,
  check: (params) => {
    const { inst, theta, norms } = setup(params);
    const { d, p } = params;
    const P = partialProducts(inst.ansatz, theta);
    const h = FD_STEP;
    let worst = 0, worstTol = Infinity, worstRes = 0;
    for (let l = 1; l <= p; l++) {
      const e = unitVector(p, l - 1);
      const fd = scale(sub(partialProducts(inst.ansatz, axpy(theta, e, h))[p], partialProducts(inst.ansatz, axpy(theta, e, -h))[p]), 1 / (2 * h));
      const Ulp = matmul(P[p], adjoint(P[l - 1])); // U_{l:p} = U_{1:p} U_{1:l-1}^dag
      const Hl = inst.ansatz.generators[l - 1];
      const f1 = scale(matmulChain(Ulp, Hl, P[l - 1]), 0, -1); // U_{l:p} (-i H^(l)) U_{1:l-1}
      const f2 = scale(matmulChain(Ulp, Hl, adjoint(Ulp), P[p]), 0, -1); // -i U_{l:p} H^(l) U_{l:p}^dag U_{1:p}
      const res = Math.max(maxAbsDiff(fd, f1), maxAbsDiff(fd, f2));
      const tol = fdTolerance(h, norms[l - 1] ** 3, 1, d, 2 * p + 2) + TOLERANCES.identity(norms[l - 1], d, 2 * p + 4);
      if (res / tol >= worst) { worst = res / tol; worstTol = tol; worstRes = res; }
    }
    return identityOutcome(worstRes, worstTol, { ratio: worst });
  },
};

/** The right-hand side of eq. (15); `printed` keeps U_{l:p}^dag H^(l) U_{l:p}^dag in the first term as printed. */
function eq15(inst: QnnInstance, theta: Float64Array, l: number, printed: boolean): CMat {
  const p = inst.ansatz.p;
  const P = partialProducts(inst.ansatz, theta);
  const U0 = inst.ansatz.unitaries[0];
  const Ulp = matmul(P[p], adjoint(P[l - 1]));
  const Hl = inst.ansatz.generators[l - 1];
  const left = printed ? matmulChain(adjoint(Ulp), Hl, adjoint(Ulp)) : matmulChain(Ulp, Hl, adjoint(Ulp));
  const t1 = matmulChain(adjoint(U0), adjoint(P[p]), left, inst.M0, P[p], U0);
  const t2 = matmulChain(adjoint(U0), adjoint(P[p]), inst.M0, Ulp, Hl, adjoint(Ulp), P[p], U0);
  return scale(sub(t1, t2), 0, 1); // i(t1) - i(t2)
}

export const lemma31Eq15: Claim<Params> = {
  id: 'lemma-3.1/eq-15',
  title: 'Eq. (15) as printed: first term with U_{l:p}^dag H^(l) U_{l:p}^dag',
  ref: { label: 'Lemma 3.1 (proof)', section: 'A.1', equations: ['14', '15'] },
  statement:
    'dM/d theta_l = i(U_0^dag U_{1:p}^dag U_{l:p}^dag H^(l) U_{l:p}^dag M0 U_{1:p} U_0) - i(U_0^dag U_{1:p}^dag M0 U_{l:p} H^(l) U_{l:p}^dag U_{1:p} U_0) ' +
    '(eq. 15 as printed; the first term has U_{l:p}^dag on both sides of H^(l)).',
  hypotheses: ['any Line (1) ansatz', 'any Hermitian M0'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'fails-as-printed',
  correctedBy: 'lemma-3.1/eq-15-corrected',
  uses: ['lemma-3.1/eq-13'],
  toleranceRule: derivTolRule,
  runs: { quick: 5, default: 20, full: 200 },
  arbitrary: arb,
  check: (params) => compareDerivatives(params, (l, { inst, theta }) => eq15(inst, theta, l + 1, true)),
};

export const lemma31Eq15Corrected: Claim<Params> = {
  id: 'lemma-3.1/eq-15-corrected',
  title: 'Eq. (15) with the adjoint of eq. (13) in the first term',
  ref: { label: 'Lemma 3.1 (proof)', section: 'A.1', equations: ['13', '14', '15'] },
  statement:
    'dM/d theta_l = i(U_0^dag U_{1:p}^dag U_{l:p} H^(l) U_{l:p}^dag M0 U_{1:p} U_0) - i(U_0^dag U_{1:p}^dag M0 U_{l:p} H^(l) U_{l:p}^dag U_{1:p} U_0).',
  hypotheses: ['any Line (1) ansatz', 'any Hermitian M0'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  corrects: 'lemma-3.1/eq-15',
  why:
    'eq. (14) needs (dU_{1:p}/d theta_l)^dag, and by eq. (13) dU_{1:p}/d theta_l = -i U_{l:p} H^(l) U_{l:p}^dag U_{1:p}, whose adjoint is ' +
    'i U_{1:p}^dag U_{l:p} H^(l) U_{l:p}^dag: the first factor next to H^(l) is U_{l:p}, not U_{l:p}^dag. With it both terms combine ' +
    'into i[H_l, M] of eq. (16), with H_l = U_0^dag U_{1:l-1}^dag H^(l) U_{1:l-1} U_0 since U_{1:p}^dag U_{l:p} = U_{1:l-1}^dag.',
  uses: ['lemma-3.1/eq-13'],
  toleranceRule: derivTolRule,
  runs: { quick: 15, default: 60, full: 600 },
  arbitrary: arb,
  check: (params) => compareDerivatives(params, (l, { inst, theta }) => eq15(inst, theta, l + 1, false)),
};

export const lemma31Eq16: Claim<Params> = {
  id: 'lemma-3.1/eq-16',
  title: 'dM/d theta_l = i[H_l, M(theta)]',
  ref: { label: 'Lemma 3.1 (proof)', section: 'A.1', equations: ['16'] },
  statement:
    'dM(theta)/d theta_l = i[H_l, M(theta)] with H_l = U_0^dag U_{1:l-1}^dag H^(l) U_{1:l-1} U_0 (layerGenerators), M = U^dag M0 U; ' +
    'the left side by central differences of the dense M(theta).',
  hypotheses: ['any Line (1) or periodic ansatz', 'any Hermitian M0'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  uses: ['lemma-3.1/eq-13'],
  toleranceRule: derivTolRule,
  runs: { quick: 15, default: 60, full: 600 },
  arbitrary: arb,
  check: (params) => {
    let cache: { M: CMat; Hl: CMat[] } | undefined;
    return compareDerivatives(params, (l, { inst, theta }) => {
      cache ??= { M: parameterizedMeasurement(inst, theta), Hl: layerGenerators(inst.ansatz, theta) };
      return scale(commutator(cache.Hl[l], cache.M), 0, 1); // eq. (16)
    });
  },
};

export const lemma31Eq17: Claim<Params> = {
  id: 'lemma-3.1/eq-17',
  title: 'Chain rule: dL/d theta_l = i tr(grad_M L [H_l, M])',
  ref: { label: 'Lemma 3.1 (proof)', section: 'A.1', equations: ['17'] },
  statement:
    'dL/d theta_l = tr(grad_M L dM/d theta_l) = i tr(grad_M L [H_l, M(theta)]), grad_M L = -(1/m) sum_j r_j rho_j; ' +
    'compared with the adjoint-method gradient of compiled.ts.',
  hypotheses: ['any Line (1) or periodic ansatz', 'any Hermitian M0', 'pure states', 'real labels'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  uses: ['lemma-3.1/eq-16'],
  toleranceRule: 'TOLERANCES.identity((1/m) sum_j |r_j| 2 ||H^(l)|| ||M0||, d, 2p + 4) per l (both routes are O(p) dense/vector products)',
  runs: { quick: 15, default: 60, full: 600 },
  arbitrary: arb,
  check: (params) => {
    const { inst, theta, norms, m0 } = setup(params);
    const { d, m, p } = params;
    const M = parameterizedMeasurement(inst, theta);
    const Hl = layerGenerators(inst.ansatz, theta);
    const r = residualsOf(predictions(inst, theta), inst.labels);
    const gradM = zeros(d, d);
    for (let j = 0; j < m; j++) axpyInPlace(gradM, outer(row(inst.states, j)), -r[j] / m); // grad_M L = -(1/m) sum r_j rho_j
    const { gradient } = lossAndGradient(inst, theta);
    let sumR = 0;
    for (let j = 0; j < m; j++) sumR += Math.abs(r[j]);
    let worst = 0, worstTol = Infinity, worstRes = 0;
    for (let l = 0; l < p; l++) {
      const tr = traceProduct(gradM, commutator(Hl[l], M)); // eq. (17): i tr(grad_M L [H_l, M])
      const val = -tr.im; // i (a + i b) = -b + i a; the real part
      const res = Math.max(Math.abs(val - gradient[l]), Math.abs(tr.re));
      const tol = TOLERANCES.identity((sumR / m) * 2 * norms[l] * m0, d, 2 * p + 4);
      if (res / tol >= worst) { worst = res / tol; worstTol = tol; worstRes = res; }
    }
    return identityOutcome(worstRes, worstTol, { ratio: worst });
  },
};

interface FlowParams extends Params { logEta: number }

export const lemma31Eq20: Claim<FlowParams> = {
  id: 'lemma-3.1/eq-20',
  title: 'Flow of the parameterized measurement, eq. (20)',
  ref: { label: 'Lemma 3.1 (proof)', section: 'A.1', equations: ['18', '19', '20'] },
  statement:
    'Along d theta/dt = -eta grad L: dM/dt = (eta/m) sum_l tr(sum_j r_j rho_j i[H_l, M]) i[H_l, M] (eq. 20). ' +
    'Left side: directional central difference of the dense M(theta) along d theta/dt (adjoint gradient).',
  hypotheses: ['any Line (1) or periodic ansatz', 'any Hermitian M0', 'pure states', 'real labels', 'any eta > 0'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  uses: ['lemma-3.1/eq-16', 'lemma-3.1/eq-17'],
  toleranceRule:
    'fdTolerance(h, (2 sum_l |theta\'_l| ||H^(l)||)^3 ||M0||, ||M0||, d, 2p + 2) (a majorant of the third derivative of M along the ' +
    'direction) plus TOLERANCES.identity((eta/m) sum_l (sum_j |r_j| 2||H^(l)|| ||M0||) 2||H^(l)|| ||M0||, d, 2p + 4)',
  runs: { quick: 15, default: 60, full: 600 },
  arbitrary: () => fc.tuple(arb(), fc.double({ min: -3, max: 1, noNaN: true })).map(([a, logEta]) => ({ ...a, logEta })),
  check: (params) => {
    const { inst, theta, norms, m0 } = setup(params);
    const { d, m, p } = params;
    const eta = 10 ** params.logEta;
    const { gradient } = lossAndGradient(inst, theta);
    const dir = Float64Array.from(gradient, (g) => -eta * g);
    const h = FD_STEP;
    const fd = scale(sub(parameterizedMeasurement(inst, axpy(theta, dir, h)), parameterizedMeasurement(inst, axpy(theta, dir, -h))), 1 / (2 * h));
    const M = parameterizedMeasurement(inst, theta);
    const Hl = layerGenerators(inst.ansatz, theta);
    const r = residualsOf(predictions(inst, theta), inst.labels);
    const R = zeros(d, d);
    for (let j = 0; j < m; j++) axpyInPlace(R, outer(row(inst.states, j)), r[j]); // sum_j r_j rho_j
    const rhs = zeros(d, d);
    let sumR = 0, scaleRhs = 0;
    for (let j = 0; j < m; j++) sumR += Math.abs(r[j]);
    for (let l = 0; l < p; l++) {
      const c = scale(commutator(Hl[l], M), 0, 1); // i[H_l, M]
      const coef = traceProduct(R, c).re; // tr(sum_j r_j rho_j i[H_l, M])
      axpyInPlace(rhs, c, (eta / m) * coef); // eq. (20)
      scaleRhs += (eta / m) * sumR * (2 * norms[l] * m0) ** 2;
    }
    const tol = fdTolerance(h, derivativeBound(norms, dir, m0, 3), m0, d, 2 * p + 2) + TOLERANCES.identity(scaleRhs, d, 2 * p + 4);
    return identityOutcome(maxAbsDiff(fd, rhs), tol, { eta });
  },
};
