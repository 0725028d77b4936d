/**
 * Covers src/model/kernels.ts against independent computations: the commutator i[M, rho] against the
 * dense product i(M rho - rho M), K of eq. (4) against J J^T with J the Jacobian dyhat_j/dtheta_l by
 * central differences (Lemma 3.1), K_asym of eq. (7) against tr(A_i A_j) of dense commutators. m = 3,
 * so that a swapped or mis-indexed entry of a symmetric m x m result shows.
 */
import { describe, expect, it } from 'vitest';
import {
  commutator, EPS, fromArrays, maxAbsDiff, outer, row, scale, traceProduct, zeros, type CMat,
} from '../../src/linalg/cmatrix.ts';
import { commutatorWithState, kAsym, kernelK, stateCommutators } from '../../src/model/kernels.ts';
import { parameterizedMeasurement, predictions } from '../../src/model/qnn.ts';
import { lineInstance } from '../../src/model/scenarios.ts';
import { makeRng } from '../../src/random/rng.ts';

const maxAbsEntry = (a: CMat): number => Math.max(...Array.from(a.re, Math.abs), ...Array.from(a.im, Math.abs));

describe('commutatorWithState (i[M, v v^dag])', () => {
  it('exact case: i[Z, |+><+|] = [[0, i], [-i, 0]]', () => {
    const s = Math.SQRT1_2;
    const c = commutatorWithState(fromArrays([[1, 0], [0, -1]]), { re: Float64Array.from([s, s]), im: new Float64Array(2) });
    expect(maxAbsDiff(c, fromArrays([[0, 0], [0, 0]], [[0, 1], [-1, 0]]))).toBeLessThan(4 * EPS);
  });
  it('equals i(M rho - rho M) with rho = v v^dag, for a random instance (d = 6)', () => {
    const { instance, theta0 } = lineInstance(makeRng(31), { d: 6, m: 3, p: 2 });
    const M = parameterizedMeasurement(instance, theta0);
    const A = stateCommutators(M, instance.states);
    expect(A).toHaveLength(3);
    for (let j = 0; j < 3; j++) {
      const dense = scale(commutator(M, outer(row(instance.states, j))), 0, 1);
      expect(maxAbsEntry(dense)).toBeGreaterThan(0.1);
      expect(maxAbsDiff(A[j], dense)).toBeLessThan(1e3 * EPS * 6 * maxAbsEntry(dense));
    }
  });
});

describe('kernel matrices', () => {
  const { instance, theta0 } = lineInstance(makeRng(37), { d: 4, m: 3, p: 5 });
  const m = 3, p = 5;

  it('K = J J^T with J_jl = dyhat_j / dtheta_l by central differences (eq. 4, Lemma 3.1)', () => {
    const h = 1e-5;
    const J: number[][] = Array.from({ length: m }, () => new Array<number>(p).fill(0));
    for (let l = 0; l < p; l++) {
      const tp = Float64Array.from(theta0), tm = Float64Array.from(theta0);
      tp[l] += h;
      tm[l] -= h;
      const yp = predictions(instance, tp), ym = predictions(instance, tm);
      for (let j = 0; j < m; j++) J[j][l] = (yp[j] - ym[j]) / (2 * h);
    }
    const K = kernelK(instance, theta0), ref = zeros(m, m);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) ref.re[i * m + j] = J[i].reduce((s, x, l) => s + x * J[j][l], 0);
    expect(maxAbsEntry(ref)).toBeGreaterThan(0.1);
    // central differences: error O(h^2) ~ 1e-10 per entry of J
    expect(maxAbsDiff(K, ref)).toBeLessThan(1e-7);
    expect(K.im.every((x) => x === 0)).toBe(true);
  });

  it('K_asym_ij = tr(A_i A_j) for the dense commutators A_j = i[M, rho_j] (eq. 7)', () => {
    const M = parameterizedMeasurement(instance, theta0);
    const ka = kAsym(M, instance.states), ref = zeros(m, m);
    const A = Array.from({ length: m }, (_, j) => scale(commutator(M, outer(row(instance.states, j))), 0, 1));
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) ref.re[i * m + j] = traceProduct(A[i], A[j]).re;
    expect(maxAbsEntry(ref)).toBeGreaterThan(0.1);
    expect(maxAbsDiff(ka, ref)).toBeLessThan(1e3 * EPS * 16 * maxAbsEntry(ref));
  });
});
