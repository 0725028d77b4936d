/**
 * Shared builders, derived quantities and statistics of the section-4-b group (section 4 up to
 * eq. 10, appendix B); its statistics are in src/stats. Every instance is BUILT from makeRng(seed) and a few integer/string
 * parameters, so each counterexample replays from its params.
 *
 * Setting (section 4, Definition 2.1): periodic ansatz U_p e^{-i theta_p H} ... U_1 e^{-i theta_1 H} U_0
 * with U_l Haar on SU(d), a non-zero trace-0 H, m orthonormal pure states, +-1 labels,
 * M0 = gamma diag(+1 x d/2, -1 x d/2), Z = tr(H^2)/(d^2 - 1), eta = m/(p Z) (Lemma 4.1).
 */
import fc from 'fast-check';
import { CMat, frobeniusNorm, outer, row, zeros } from '../src/linalg/cmatrix.ts';
import { layerGenerators, periodicAnsatz } from '../src/model/ansatz.ts';
import { compile, type CompiledQnn, lossAndGradientFast } from '../src/model/compiled.ts';
import { makeInstance, type QnnInstance } from '../src/model/instance.ts';
import { stateCommutators, tangentFeatures, zFactor } from '../src/model/kernels.ts';
import { appendixDGenerator, pmOneMeasurement } from '../src/model/measurement.ts';
import { parameterizedMeasurement, predictionsOf } from '../src/model/qnn.ts';
import { haarSpecialUnitary, orthonormalStates, randomHermitianWithSpectrum, randomTracelessHermitian } from '../src/random/ensembles.ts';
import type { Rng } from '../src/random/rng.ts';

export const seedArb = (): fc.Arbitrary<number> => fc.integer({ min: 0, max: 2 ** 31 - 1 });

/**
 * Generators H of Definition 2.1 (non-zero, trace 0): 'appendix-d' = diag(+s x d/2, -s x d/2),
 * s = sqrt(d - 1/d) (Z = 1, appendix D; needs even d); 'gue' = traceless GUE (random spectrum);
 * 'rank2' = V diag(1, -1, 0, ..., 0) V^dag (largest ||H||_op^2 / Z for its trace norm).
 */
export type GenKind = 'appendix-d' | 'gue' | 'rank2';

export function buildGenerator(rng: Rng, d: number, kind: GenKind): CMat {
  if (kind === 'appendix-d') return appendixDGenerator(d);
  if (kind === 'gue') return randomTracelessHermitian(rng, d);
  return randomHermitianWithSpectrum(rng, Array.from({ length: d }, (_, i) => (i === 0 ? 1 : i === 1 ? -1 : 0)));
}

export interface PeriodicSpec {
  d: number;
  m: number;
  p: number;
  gamma: number;
  gen: GenKind;
  /** theta(0) = 0 (appendix D) or uniform in [0, 2 pi)^p ("for any initial theta(0)", Lemma B.2). */
  theta0: 'zero' | 'random';
  /** A given H (then `gen` only names it and no random numbers are drawn for H). */
  generator?: CMat;
}

export interface PeriodicQnn {
  inst: QnnInstance;
  theta0: Float64Array;
  H: CMat;
  /** Z(H, d) = tr(H^2)/(d^2 - 1)  (appendix B.1). */
  z: number;
  /** eta = m (d^2 - 1)/(p tr H^2) = m/(p Z)  (Lemma 4.1). */
  eta: number;
  c: CompiledQnn;
}

/**
 * A periodic-ansatz QNN (Definition 2.1): p + 1 Haar SU(d) gates, generator H of `gen`,
 * m orthonormal Haar states, labels +-1 (balanced for even m), M0 = gamma diag(+-1) (even d).
 * Draw order: gates, H, states, labels, theta(0).
 */
export function buildPeriodic(rng: Rng, s: PeriodicSpec): PeriodicQnn {
  const unitaries = Array.from({ length: s.p + 1 }, () => haarSpecialUnitary(rng, s.d));
  const H = s.generator ?? buildGenerator(rng, s.d, s.gen);
  const ansatz = periodicAnsatz(unitaries, H);
  const states = orthonormalStates(rng, s.m, s.d);
  const labels = new Float64Array(s.m);
  if (s.m % 2 === 0) {
    for (let j = 0; j < s.m; j++) labels[j] = j < s.m / 2 ? 1 : -1;
    for (let j = s.m - 1; j > 0; j--) {
      const k = Math.floor(rng.uniform() * (j + 1));
      [labels[j], labels[k]] = [labels[k], labels[j]];
    }
  } else {
    for (let j = 0; j < s.m; j++) labels[j] = rng.uniform() < 0.5 ? 1 : -1;
  }
  const theta0 = Float64Array.from({ length: s.p }, () => (s.theta0 === 'random' ? 2 * Math.PI * rng.uniform() : 0));
  const inst = makeInstance(ansatz, pmOneMeasurement(s.d, s.gamma), states, labels, { orthogonal: true, gamma: s.gamma });
  const z = zFactor(H);
  return { inst, theta0, H, z, eta: s.m / (s.p * z), c: compile(inst) };
}

/** rho_j = v_j v_j^dag for the rows of `states`. */
export function densityMatrices(states: CMat): CMat[] {
  return Array.from({ length: states.rows }, (_, j) => outer(row(states, j)));
}

/** Everything at one theta: M(theta), H_l, A_j = i[M, rho_j], r = y - yhat, theta' = -eta grad L (adjoint), L. */
export interface PointQuantities {
  M: CMat;
  Hl: CMat[];
  A: CMat[];
  yhat: Float64Array;
  r: Float64Array;
  /** d theta/dt = -eta grad L from the adjoint gradient (compiled.ts), independent of H_l and A_j. */
  thetaDot: Float64Array;
  loss: number;
  /** dr/dt = -sum_l (d yhat/d theta_l) theta'_l, with d yhat_j/d theta_l = tr(rho_j i[H_l, M]) = tr(i[M, rho_j] H_l) (Lemma 3.1). */
  drdt: Float64Array;
}

export function pointQuantities(q: PeriodicQnn, theta: ArrayLike<number>): PointQuantities {
  const { inst, c, eta } = q;
  const M = parameterizedMeasurement(inst, theta);
  const Hl = layerGenerators(inst.ansatz, theta);
  const A = stateCommutators(M, inst.states);
  const yhat = predictionsOf(M, inst.states);
  const r = Float64Array.from(yhat, (v, j) => inst.labels[j] - v); // r_j = y_j - yhat_j (section 3)
  const lg = lossAndGradientFast(c, theta);
  const thetaDot = Float64Array.from(lg.gradient, (g) => -eta * g);
  const g = tangentFeatures(A, Hl);
  const drdt = Float64Array.from(g, (gj) => {
    let s = 0;
    for (let l = 0; l < gj.length; l++) s += gj[l] * thetaDot[l];
    return -s;
  });
  return { M, Hl, A, yhat, r, thetaDot, loss: lg.loss, drdt };
}

/** m x m real matrix times vector (CMat with im = 0). */
export function realMatVec(k: CMat, x: ArrayLike<number>): Float64Array {
  const m = k.rows;
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += k.re[i * m + j] * x[j];
    out[i] = s;
  }
  return out;
}

export function maxAbsVecDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s = Math.max(s, Math.abs(a[i] - b[i]));
  return s;
}

export function norm1(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]);
  return s;
}

export function norm2v(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}

/**
 * Scale of the residual vector for rounding purposes: sum_j (|yhat_j| + |y_j|) >= ||r||_1. Each r_j = y_j - yhat_j is a
 * difference of O(||M||) numbers computed along different routes, so its rounding error is relative to |yhat_j| + |y_j|, not to |r_j|.
 */
export function residualScale(yhat: ArrayLike<number>, labels: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < yhat.length; j++) s += Math.abs(yhat[j]) + Math.abs(labels[j]);
  return s;
}

export function normInf(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s = Math.max(s, Math.abs(a[i]));
  return s;
}

export function maxFrob(as: readonly CMat[]): number {
  return Math.max(...as.map(frobeniusNorm));
}

export { allOf, identityOutcome, inequalityOutcome, nonFinite } from '../src/claims/outcomes.ts';

/** Haar-random real orthogonal d x d matrix (modified Gram-Schmidt of a real Gaussian matrix, diag R > 0): a NON-Haar sampler of U(d). */
export function haarOrthogonal(rng: Rng, d: number): CMat {
  const cols: Float64Array[] = Array.from({ length: d }, () => Float64Array.from({ length: d }, () => rng.normal()));
  for (let j = 0; j < d; j++) {
    for (let k = 0; k < j; k++) {
      let dot = 0;
      for (let i = 0; i < d; i++) dot += cols[k][i] * cols[j][i];
      for (let i = 0; i < d; i++) cols[j][i] -= dot * cols[k][i];
    }
    let nrm = 0;
    for (let i = 0; i < d; i++) nrm += cols[j][i] ** 2;
    nrm = Math.sqrt(nrm);
    for (let i = 0; i < d; i++) cols[j][i] /= nrm;
  }
  const o = zeros(d, d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) o.re[i * d + j] = cols[j][i];
  return o;
}

/** ||Y*||_F = sqrt(tr((W - I/d)^2)) = sqrt(tr(W^2) - 2 tr(W)/d + tr(I)/d^2) = sqrt(d^2 - 1). */
export function yStarFrobenius(d: number): number {
  return Math.sqrt(d * d - 1);
}
