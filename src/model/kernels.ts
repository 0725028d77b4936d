/**
 * Kernel quantities of sections 3-4: the commutators i[M, rho_j], K of eq. (4), K_asym of
 * eq. (7), Y(theta), Y* = SWAP - I/d, Delta = Y - Y* and K_pert of eq. (8), with
 * Z = tr(H^2)/(d^2 - 1) and eta = m (d^2 - 1)/(p tr H^2) (Lemma 4.1).
 */
import { check, QnnInputError } from '../errors.ts';
import {
  axpyInPlace, CMat, identity, kron, matvec, row, scale, swap, sub, trace, traceProduct, zeros,
} from '../linalg/cmatrix.ts';
import { layerGenerators } from './ansatz.ts';
import { QnnInstance } from './instance.ts';
import { parameterizedMeasurement } from './qnn.ts';

/** i[M, v v^dag] = i((Mv) v^dag - v (Mv)^dag), O(d^2). */
export function commutatorWithState(M: CMat, v: { re: Float64Array; im: Float64Array }): CMat {
  const d = M.rows;
  const mv = matvec(M, v);
  const out = zeros(d, d);
  // Stryker disable next-line EqualityOperator: a = d writes past the end of out (ignored)
  for (let a = 0; a < d; a++) {
    // Stryker disable next-line EqualityOperator: b = d writes entry (a + 1, 0), which is computed after it, or past the end (ignored)
    for (let b = 0; b < d; b++) {
      // X_ab = (Mv)_a conj(v_b) - v_a conj((Mv)_b)
      const xr = mv.re[a] * v.re[b] + mv.im[a] * v.im[b] - (v.re[a] * mv.re[b] + v.im[a] * mv.im[b]);
      const xi = mv.im[a] * v.re[b] - mv.re[a] * v.im[b] - (v.im[a] * mv.re[b] - v.re[a] * mv.im[b]);
      out.re[a * d + b] = -xi; // i * (xr + i xi)
      out.im[a * d + b] = xr;
    }
  }
  return out;
}

/** [i[M, rho_1], ..., i[M, rho_m]] for the rows of `states`. */
export function stateCommutators(M: CMat, states: CMat): CMat[] {
  return Array.from({ length: states.rows }, (_, j) => commutatorWithState(M, row(states, j)));
}

function realSymmetric(m: number, f: (i: number, j: number) => number): CMat {
  const k = zeros(m, m);
  // Stryker disable next-line EqualityOperator: i = m: the inner loop over j >= m is empty
  for (let i = 0; i < m; i++) {
    for (let j = i; j < m; j++) {
      const v = f(i, j);
      k.re[i * m + j] = v;
      k.re[j * m + i] = v;
    }
  }
  return k;
}

/** g_{jl} = tr(i[M, rho_j] H_l): the Jacobian dyhat_j/dtheta_l (Lemma 3.1). */
export function tangentFeatures(A: readonly CMat[], Hl: readonly CMat[]): Float64Array[] {
  return A.map((a) => Float64Array.from(Hl, (h) => traceProduct(a, h).re));
}

/** K_ij = sum_l tr(i[M, rho_i] H_l) tr(i[M, rho_j] H_l)  (eq. 4). */
export function kernelFromParts(A: readonly CMat[], Hl: readonly CMat[]): CMat {
  const g = tangentFeatures(A, Hl);
  return realSymmetric(A.length, (i, j) => {
    let s = 0;
    for (let l = 0; l < Hl.length; l++) s += g[i][l] * g[j][l];
    return s;
  });
}

/** K(M(theta)) of eq. (4) for an instance at theta. */
export function kernelK(inst: QnnInstance, theta: ArrayLike<number>): CMat {
  const M = parameterizedMeasurement(inst, theta);
  return kernelFromParts(stateCommutators(M, inst.states), layerGenerators(inst.ansatz, theta));
}

/** (K_asym)_ij = tr(i[M, rho_i] i[M, rho_j])  (eq. 7). */
export function kAsymFromCommutators(A: readonly CMat[]): CMat {
  return realSymmetric(A.length, (i, j) => traceProduct(A[i], A[j]).re);
}

export function kAsym(M: CMat, states: CMat): CMat {
  return kAsymFromCommutators(stateCommutators(M, states));
}

/** Z(H, d) = tr(H^2)/(d^2 - 1)  (appendix B.1). */
export function zFactor(h: CMat): number {
  const d = h.rows;
  check(d >= 2, 'zFactor', 'H', `must be at least 2x2 (got ${d}x${d})`);
  return traceProduct(h, h).re / (d * d - 1);
}

/** eta = m (d^2 - 1) / (p tr(H^2))  (Lemma 4.1). */
export function etaLemma41(inst: QnnInstance): number {
  const h = inst.ansatz.periodicGenerator;
  if (!h) throw new QnnInputError('etaLemma41', 'ansatz', 'must be periodic (Definition 2.1)');
  return inst.states.rows / (inst.ansatz.p * zFactor(h));
}

/** Y(theta) = (1/(pZ)) sum_l H_l (x) H_l, a d^2 x d^2 matrix (appendix B.1). Small d only. */
export function yMatrix(Hl: readonly CMat[], z: number): CMat {
  const d = Hl[0].rows;
  check(d <= 24, 'yMatrix', 'd', `must be <= 24 to form a d^2 x d^2 matrix (got ${d})`);
  const y = zeros(d * d, d * d);
  for (const h of Hl) axpyInPlace(y, kron(h, h), 1 / (Hl.length * z));
  return y;
}

/** Y* = W - I/d with W the SWAP on C^d (x) C^d (appendix B.1). */
export function yStar(d: number): CMat {
  return sub(swap(d), scale(identity(d * d), 1 / d));
}

/** (K_pert)_ij = tr((i[M, rho_i] (x) i[M, rho_j]) Delta) with an explicit d^2 x d^2 Delta (eq. 8 / 67). */
export function kPertExplicit(A: readonly CMat[], delta: CMat): CMat {
  return realSymmetric(A.length, (i, j) => traceProduct(kron(A[i], A[j]), delta).re);
}

/**
 * K_pert without forming d^2 x d^2 matrices:
 * tr((A_i (x) A_j) Y) = (1/pZ) sum_l tr(A_i H_l) tr(A_j H_l),  tr((A_i (x) A_j) Y*) = tr(A_i A_j) - tr(A_i) tr(A_j)/d.
 */
export function kPert(A: readonly CMat[], Hl: readonly CMat[], z: number): CMat {
  const d = A[0].rows;
  const g = tangentFeatures(A, Hl);
  const tr = A.map((a) => trace(a).re);
  const p = Hl.length;
  return realSymmetric(A.length, (i, j) => {
    let s = 0;
    for (let l = 0; l < p; l++) s += g[i][l] * g[j][l];
    return s / (p * z) - (traceProduct(A[i], A[j]).re - (tr[i] * tr[j]) / d);
  });
}

/** Delta = Y - Y* (Lemma 4.1), explicit; small d only. */
export function deltaMatrix(Hl: readonly CMat[], z: number): CMat {
  return sub(yMatrix(Hl, z), yStar(Hl[0].rows));
}
