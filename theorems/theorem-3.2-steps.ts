/**
 * Pointwise steps of the proof of Theorem 3.2 (appendix A.2, eqs. 30-33), for M with eigenvalues +-1:
 * the commutator identity and bound (30), the norms of u_j, w_j and the diagonal bounds (31)-(33).
 * The rate steps (28), (29), (35)-(38) are in theorem-3.2-rate.ts; the point generator is shared.
 */
import fc from 'fast-check';
import { smallDimensionArb } from '../properties/index.ts';
import type { CheckOutcome, Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import {
  adjoint, CMat, commutator, hermitianPart, matmul, matvec, maxAbsDiff, outer, row, scale, sub, traceProduct,
} from '../src/linalg/cmatrix.ts';
import { opNormHermitian } from '../src/linalg/norms.ts';
import { layerGenerators, lineAnsatz } from '../src/model/ansatz.ts';
import { compile } from '../src/model/compiled.ts';
import { makeInstance, type QnnInstance } from '../src/model/instance.ts';
import { kernelK } from '../src/model/kernels.ts';
import { parameterizedMeasurement, predictions, residualsOf } from '../src/model/qnn.ts';
import { gradientFlow } from '../src/dynamics/training.ts';
import { haarSpecialUnitary } from '../src/random/ensembles.ts';
import { makeRng, type Rng } from '../src/random/rng.ts';
import {
  allOf, type AnsatzKind, buildLabels, buildMeasurement, buildStates, identityOutcome, inequalityOutcome, type MeasKind, norm2,
  projectors, seedArb, sumOpNormSq,
} from './section-2-3-common.ts';
import { flowInstance, type FlowParams, ODE } from './theorem-3.2.ts';
import { defineSpace } from '../src/search/decode.ts';
import { encodeQnn, qnnFrom } from './search-spaces.ts';

/**
 * 'random': random instance and theta; 'flow': a point theta(t) of the gradient flow (dimensionless time 10^logTau) of a
 * theorem-3.2 flow instance (small residuals); 'tight': p = 1, theta = 0 and H_1 = X_1/||X_1||_op with X_1 = i[M, rho_1]
 * (equality in eq. 30 and eq. 32 for j = 1).
 */
export interface PointParams extends InstanceParams {
  mode: 'random' | 'flow' | 'tight';
  family: FlowParams['family'];
  d: number; m: number; p: number; ansatz: AnsatzKind; logTau: number;
}

export const pointArb = (): fc.Arbitrary<PointParams> =>
  fc.tuple(smallDimensionArb(), fc.constantFrom<FlowParams['family']>('tight-qubit', 'reachable', 'random')).chain(([d0, family]) => {
    // the reachable family needs d and m even (trace-0 +-1 measurement, balanced labels)
    const d = family === 'reachable' && d0 % 2 === 1 ? d0 + 1 : d0;
    const ms = (family === 'reachable' ? [2, 4] : [1, 2, 4]).filter((m) => m <= d);
    return fc.record({
      seed: seedArb(),
      mode: fc.constantFrom<PointParams['mode']>('random', 'flow', 'tight'),
      family: fc.constant(family),
      d: fc.constant(d),
      m: fc.constantFrom(...ms),
      p: fc.integer({ min: 1, max: 12 }),
      ansatz: fc.constantFrom<AnsatzKind>('line', 'periodic'),
      logTau: fc.double({ min: 0, max: 3.3, noNaN: true }),
    });
  });

/**
 * p = 1, theta = 0: M = U_0^dag U_1^dag M0 U_1 U_0 does not depend on H^(1); choose H^(1) = U_0 X/||X|| U_0^dag so H_1 = X/||X||
 * (X = i[M, rho_1]). `statesFor(M)` may choose the states (and labels) from M; default: Haar states, random +-1 labels.
 */
export function tightKernelInstance(
  rng: Rng, d: number, m: number, meas: MeasKind, statesFor?: (M: CMat) => { states: CMat; labels: Float64Array },
): { inst: QnnInstance; theta: Float64Array } {
  const U0 = haarSpecialUnitary(rng, d), U1 = haarSpecialUnitary(rng, d);
  const M0 = buildMeasurement(rng, d, meas);
  const M = matmul(matmul(adjoint(U0), adjoint(U1)), matmul(M0, matmul(U1, U0)));
  const { states, labels } = statesFor ? statesFor(M) : { states: buildStates(rng, m, d, 'haar'), labels: buildLabels(rng, m, 'pm1') };
  const X = scale(commutator(M, outer(row(states, 0))), 0, 1);
  const nx = opNormHermitian(hermitianPart(X));
  const H = hermitianPart(scale(matmul(U0, matmul(X, adjoint(U0))), nx > 0 ? 1 / nx : 1));
  return { inst: makeInstance(lineAnsatz([U0, U1], [H]), M0, states, labels), theta: new Float64Array(1) };
}

export interface Point {
  inst: QnnInstance; theta: Float64Array; M: CMat; Hl: CMat[]; hNorms: Float64Array; r: Float64Array;
  u: { re: Float64Array; im: Float64Array }[]; w: { re: Float64Array; im: Float64Array }[]; eta: number; S: number;
}

/** Builds the point and the decomposition v_j = u_j + w_j, u_j = Pi_+ v_j, w_j = Pi_- v_j of the text before eq. (30). */
export function theoremPoint(params: PointParams, meas: MeasKind = 'pm1-random'): Point {
  const rng = makeRng(params.seed);
  let inst: QnnInstance, theta: Float64Array;
  const pi0 = meas === 'pi0';
  if (params.mode === 'tight') {
    ({ inst, theta } = tightKernelInstance(rng, params.d, params.m, meas));
  } else {
    const fp: FlowParams = { ...params, family: params.family, states: 'haar', logEta: 0 };
    if (fp.family === 'tight-qubit') fp.m = 1;
    ({ inst, theta } = flowInstance(fp, pi0));
    if (params.mode === 'flow') {
      const S0 = sumOpNormSq(inst.ansatz);
      const fl = gradientFlow(compile(inst), theta, 1 / S0, [10 ** params.logTau], ODE);
      theta = fl.theta[fl.theta.length - 1];
    }
  }
  return pointOf(inst, theta);
}

/** The point (M(theta), the effective generators, residuals, u_j, w_j) of an instance at theta. */
export function pointOf(inst: QnnInstance, theta: Float64Array): Point {
  const S = sumOpNormSq(inst.ansatz);
  const M = parameterizedMeasurement(inst, theta);
  const Hl = layerGenerators(inst.ansatz, theta);
  const { plus, minus } = projectors(M);
  const u = [], w = [];
  for (let j = 0; j < inst.states.rows; j++) {
    const v = row(inst.states, j);
    u.push(matvec(plus, v));
    w.push(matvec(minus, v));
  }
  return {
    inst, theta, M, Hl, hNorms: Float64Array.from(Hl, (h) => opNormHermitian(h)),
    r: residualsOf(predictions(inst, theta), inst.labels), u, w, eta: 1 / S, S,
  };
}

export const pointHyp = ['pure states', 'labels +-1', 'M0 eigenvalues in {+-1}', 'any Line (1) ansatz'];
export const depthOf = (pt: Point) => 2 * pt.inst.ansatz.p + 4;

export const theorem32Eq30Commutator: Claim<PointParams> = {
  id: 'theorem-3.2/eq-30-commutator',
  title: '[M, rho_j] = 2(u_j w_j^dag - w_j u_j^dag) for M with eigenvalues +-1',
  ref: { label: 'Theorem 3.2 (proof)', section: 'A.2', equations: ['30'] },
  statement: 'M = Pi_+ - Pi_-, Pi_+ + Pi_- = I, u_j = Pi_+ v_j, w_j = Pi_- v_j: [M(theta), rho_j] = 2(u_j w_j^dag - w_j u_j^dag) (text before eq. 30).',
  hypotheses: ['M(theta) with eigenvalues in {+-1}', 'pure states'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  uses: [],
  toleranceRule: 'TOLERANCES.identity(4, d, 2p + 4) on max |entry| (M and the projectors come through 2p + 2 products; |entries| <= 2)',
  runs: { quick: 20, default: 80, full: 800 },
  arbitrary: pointArb,
  check: (params) => {
    const pt = theoremPoint(params);
    let res = 0;
    for (let j = 0; j < pt.r.length; j++) {
      const lhs = commutator(pt.M, outer(row(pt.inst.states, j)));
      const rhs = scale(sub(outer(pt.u[j], pt.w[j]), outer(pt.w[j], pt.u[j])), 2);
      res = Math.max(res, maxAbsDiff(lhs, rhs));
    }
    return identityOutcome(res, TOLERANCES.identity(4, pt.inst.ansatz.d, depthOf(pt)));
  },
};

export const theorem32Eq30: Claim<PointParams> = {
  id: 'theorem-3.2/eq-30',
  title: '|tr(i[M, rho_j] H_l)| <= 4 ||H_l||_op ||u_j|| ||w_j||',
  ref: { label: 'Theorem 3.2 (proof)', section: 'A.2', equations: ['30'] },
  statement:
    '|tr(i[M, rho_j] H_l)| <= 4 ||H_l||_op ||u_j|| ||w_j|| (eq. 30, printed with rho_i on the left: a typo for rho_j) for every j, l; ' +
    'equality for H_l = X_j/||X_j||_op, X_j = i[M, rho_j] (mode tight). Slack in units of 4 ||H_l||.',
  hypotheses: ['M(theta) with eigenvalues in {+-1}', 'pure states', 'any Hermitian H_l'],
  kind: 'inequality',
  strength: 'substantive',
  strengthReason: 'a bound of the paper evaluated on built instances; a false bound fails it',
  expectation: 'holds',
  uses: ['theorem-3.2/eq-30-commutator'],
  toleranceRule: 'TOLERANCES.inequality(4 ||H_l||, d)(2p + 4) (rounding of both sides through the products)',
  runs: { quick: 20, default: 80, full: 800 },
  arbitrary: pointArb,
  tightnessRule: 'max over j, l of |tr(i[M, rho_j] H_l)| / (4 ||H_l|| ||u_j|| ||w_j||) (pairs with u_j = 0 or w_j = 0, where both sides vanish, have none)',
  search: pointSpace(bound30, 'any Line (1) / periodic instance at any theta (M0 spectrum {+-1}); equality is attained at H_l = X_j/||X_j|| (the tight mode, built by hand), so the supremum is 1.',
    { value: 1, where: 'H_l = X_j/||X_j||_op, X_j = i[M, rho_j] (eq. 30)' }),
  check: (params) => bound30(theoremPoint(params)),
};

/** Eq. (30) for every j, l: the slack of the worst pair, the tightness of the tightest (parts named j,l). */
export function bound30(pt: Point): CheckOutcome {
  const d = pt.inst.ansatz.d;
  const parts: Record<string, CheckOutcome> = {};
  for (let j = 0; j < pt.r.length; j++) {
    const X = scale(commutator(pt.M, outer(row(pt.inst.states, j))), 0, 1);
    const uw = Math.sqrt(norm2(pt.u[j]) * norm2(pt.w[j]));
    pt.Hl.forEach((h, l) => {
      const lhs = Math.abs(traceProduct(X, h).re);
      const rhs = 4 * pt.hNorms[l] * uw; // eq. (30)
      parts[`j=${j},l=${l}`] = inequalityOutcome(lhs, rhs, TOLERANCES.inequality(4 * pt.hNorms[l], d) * depthOf(pt), 4 * pt.hNorms[l], { j, l });
    });
  }
  return allOf(parts);
}

/**
 * Search space of the pointwise steps: a Line (1) or periodic instance with an M0 of spectrum {+-1} (random
 * multiplicities), Haar-like pure states, labels +-1 and theta, all decoded from x (d, m, p, ansatz fixed).
 */
export function pointSpace(assess: (pt: Point) => CheckOutcome, note: string, knownSupremum?: { value: number; where: string }) {
  return defineSpace<PointParams, Point>({
    decode: (r, { d, m, p, ansatz }) => {
      const { inst, theta } = qnnFrom(r, { d, m, p, ansatz, meas: 'pm1-random', states: 'haar', labels: 'pm1' });
      return pointOf(inst, theta);
    },
    assess: (pt) => assess(pt),
    note,
    knownSupremum,
    qnn: (pt) => ({ inst: pt.inst, theta: pt.theta }),
    encode: (params) => {
      const pt = theoremPoint(params);
      return encodeQnn(pt.inst, pt.theta, { ...params, meas: 'pm1-random', states: 'haar', labels: 'pm1' });
    },
  });
}

export const theorem32NormsUW: Claim<PointParams> = {
  id: 'theorem-3.2/norms-uw',
  title: '||w_j||^2 = |r_j|/2 (y_j = +1) and ||u_j||^2 ||w_j||^2 = (1 - |r_j|/2)|r_j|/2',
  ref: { label: 'Theorem 3.2 (proof)', section: 'A.2', equations: ['31', '32'] },
  statement:
    'For y_j = +1: ||u_j||^2 + ||w_j||^2 = 1, ||u_j||^2 - ||w_j||^2 = tr(M rho_j) = 1 - r_j, so ||w_j||^2 = |r_j|/2; y_j = -1 symmetric ' +
    '(||u_j||^2 = |r_j|/2); in both cases ||u_j||^2 ||w_j||^2 = (1 - |r_j|/2)|r_j|/2.',
  hypotheses: ['M(theta) with eigenvalues in {+-1}', 'pure states', 'labels +-1'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  uses: ['theorem-3.2/eq-30-commutator'],
  toleranceRule: 'TOLERANCES.identity(1, d, 2p + 4) (norms of projections and the prediction through 2p + 2 products)',
  runs: { quick: 20, default: 80, full: 800 },
  arbitrary: pointArb,
  check: (params) => {
    const pt = theoremPoint(params);
    let res = 0;
    for (let j = 0; j < pt.r.length; j++) {
      const a = norm2(pt.u[j]), b = norm2(pt.w[j]), ar = Math.abs(pt.r[j]);
      const small = pt.inst.labels[j] > 0 ? b : a;
      res = Math.max(res, Math.abs(small - ar / 2), Math.abs(a * b - (1 - ar / 2) * (ar / 2)));
    }
    return identityOutcome(res, TOLERANCES.identity(1, pt.inst.ansatz.d, depthOf(pt)));
  },
};

/**
 * K_jj from eq. (31) and the bounds of eqs. (32), (33) for every j. Tightness: K_jj / bound (max over j); for (33)
 * the step (32) <= (33) is a part of its own (its tightness 1 - |r_j|/2 is the trivial step, not the claim's).
 */
export function diagonalBounds(pt: Point, which: '32' | '33'): CheckOutcome {
  const { inst, theta } = pt;
  const m = pt.r.length, d = inst.ansatz.d;
  const K = kernelK(inst, theta);
  let sumH = 0;
  for (const n of pt.hNorms) sumH += n * n;
  const parts: Record<string, CheckOutcome> = {};
  let tight: number | undefined;
  for (let j = 0; j < m; j++) {
    const kjj = K.re[j * m + j]; // eq. (31)
    const ar = Math.abs(pt.r[j]);
    const b32 = 16 * sumH * (ar / 2) * (1 - ar / 2); // eq. (32)
    const b33 = 16 * sumH * (ar / 2); // eq. (33) = 8 sum ||H_l||^2 |r_j|
    const tol = TOLERANCES.inequality(16 * sumH, d) * depthOf(pt);
    const main = which === '32'
      ? inequalityOutcome(kjj, b32, tol, 4 * sumH, { j, ratio: b32 > 0 ? kjj / b32 : 0 })
      : inequalityOutcome(kjj, b33, tol, 8 * sumH, { j, ratio: b33 > 0 ? kjj / b33 : 0 });
    if (which === '33') parts[`(32)<=(33) j=${j}`] = inequalityOutcome(b32, b33, tol, 8 * sumH);
    parts[`K_jj j=${j}`] = main;
    if (main.tightness !== undefined && !(main.tightness <= (tight ?? -Infinity))) tight = main.tightness;
  }
  const out = allOf(parts);
  if (tight === undefined) delete out.tightness;
  else out.tightness = tight;
  return out;
}

export const theorem32Eq32: Claim<PointParams> = {
  id: 'theorem-3.2/eq-32',
  title: 'K_jj <= 16 sum_l ||H_l||^2 (|r_j|/2)(1 - |r_j|/2)',
  ref: { label: 'Theorem 3.2 (proof)', section: 'A.2', equations: ['31', '32'] },
  statement: 'K_jj = sum_l tr^2(i[M, rho_j] H_l) (eq. 31) <= 16 sum_l ||H_l||_op^2 (|r_j|/2)(1 - |r_j|/2) (eq. 32); equality in mode tight (j = 1, p = 1). Slack in units of 4 sum ||H_l||^2.',
  hypotheses: pointHyp,
  kind: 'inequality',
  strength: 'substantive',
  strengthReason: 'a bound of the paper evaluated on built instances; a false bound fails it',
  expectation: 'holds',
  uses: ['theorem-3.2/eq-30', 'theorem-3.2/norms-uw'],
  toleranceRule: 'TOLERANCES.inequality(16 sum ||H_l||^2, d)(2p + 4)',
  runs: { quick: 20, default: 80, full: 800 },
  arbitrary: pointArb,
  tightnessRule: 'max over j of K_jj / (16 sum ||H_l||^2 (|r_j|/2)(1 - |r_j|/2)) (none where r_j = 0 or |r_j| = 2: both sides vanish)',
  search: pointSpace((pt) => diagonalBounds(pt, '32'), 'any instance and theta with M0 of spectrum {+-1}; equality at p = 1, H_1 = X_1/||X_1|| (the tight mode), supremum 1.',
    { value: 1, where: 'p = 1, H_1 = X_1/||X_1||_op (eqs. 30, 32)' }),
  check: (params) => diagonalBounds(theoremPoint(params), '32'),
};

export const theorem32Eq33: Claim<PointParams> = {
  id: 'theorem-3.2/eq-33',
  title: 'K_jj <= 8 sum_l ||H_l||^2 |r_j|',
  ref: { label: 'Theorem 3.2 (proof)', section: 'A.2', equations: ['32', '33'] },
  statement: '16 sum_l ||H_l||^2 (|r_j|/2)(1 - |r_j|/2) <= 16 sum_l ||H_l||^2 |r_j|/2 (eq. 33), hence K_jj <= 8 sum_l ||H_l||_op^2 |r_j|. Slack in units of 8 sum ||H_l||^2.',
  hypotheses: pointHyp,
  kind: 'inequality',
  strength: 'substantive',
  strengthReason: 'a bound of the paper evaluated on built instances; a false bound fails it',
  expectation: 'holds',
  uses: ['theorem-3.2/eq-32'],
  toleranceRule: 'TOLERANCES.inequality(16 sum ||H_l||^2, d)(2p + 4)',
  runs: { quick: 20, default: 80, full: 800 },
  arbitrary: pointArb,
  tightnessRule: 'max over j of K_jj / (8 sum ||H_l||^2 |r_j|) (the trivial step (32) <= (33) is reported as its own part)',
  search: pointSpace((pt) => diagonalBounds(pt, '33'), 'any instance and theta with M0 of spectrum {+-1}; K_jj / (33) <= 1 - |r_j|/2 by (32), so the supremum 1 is approached only as r_j -> 0 with H tight.',
    { value: 1, where: 'r_j -> 0 with H_1 = X_1/||X_1||_op (limit, not attained)' }),
  check: (params) => diagonalBounds(theoremPoint(params), '33'),
};
