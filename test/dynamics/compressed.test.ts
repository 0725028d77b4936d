/** Covers src/dynamics/compressed.ts: the exact m x m compression of eq. (10) and K_asym of a trained QNN. */
import { describe, expect, it } from 'vitest';
import { asymptoticFlow, kernelAsymFast } from '../../src/dynamics/asymptotic.ts';
import { adjoint, matmul, zeros } from '../../src/linalg/cmatrix.ts';
import { parameterizedMeasurement } from '../../src/model/qnn.ts';
import { appendixDInstance } from '../../src/model/scenarios.ts';
import { balancedLabels, orthonormalStates } from '../../src/random/ensembles.ts';
import { makeRng } from '../../src/random/rng.ts';
import {
  expandAsymInstance, integrateCompressed, kasymFromA, lambdaMinSym, lossFromA, measurementCompressor, sampleAsymInstance,
} from '../../src/dynamics/compressed.ts';

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('compressed asymptotic dynamics', () => {
  it('the sampled instance expands to (M0, V) with M0^2 = gamma^2 I, V orthonormal and V^dag M0 V = A(0)', () => {
    const rng = makeRng(3);
    expect(() => sampleAsymInstance(rng, 8, 3, 1.5)).toThrow(/balancedLabels: m must be even/);
    const inst = sampleAsymInstance(rng, 8, 4, 1.5);
    const { M0, states } = expandAsymInstance(rng.fork('x'), inst);
    const m2 = matmul(M0, M0);
    for (let i = 0; i < 8; i++) for (let j = 0; j < 8; j++) expect(Math.abs(m2.re[i * 8 + j] - (i === j ? 2.25 : 0))).toBeLessThan(1e-12);
    const g = matmul(states, adjoint(states));
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(Math.hypot(g.re[i * 4 + j] - (i === j ? 1 : 0), g.im[i * 4 + j])).toBeLessThan(1e-12);
    // A = V^dag M0 V with the states as rows of V^T: A_ij = conj(v_i) . M0 v_j.
    const a = matmul(matmul({ ...states, im: states.im.map((x) => -x) }, M0), adjoint({ ...states, im: states.im.map((x) => -x) }));
    expect(maxAbsDiff(a.re, inst.a0.subarray(0, 16))).toBeLessThan(1e-12);
    expect(maxAbsDiff(a.im, inst.a0.subarray(16))).toBeLessThan(1e-12);
    expect(inst.labels.reduce((s, y) => s + y, 0)).toBe(0);
  });

  it('matches the d x d isospectral CF4 integrator (K_asym and L along the trajectory)', () => {
    const rng = makeRng(11);
    const inst = sampleAsymInstance(rng, 6, 2, 1.5);
    const { M0, states } = expandAsymInstance(rng.fork('x'), inst);
    const ts = [0.1, 0.5, 2];
    const red = integrateCompressed(inst.a0, 2, 1.5, inst.labels, [0, ...ts]);
    const full = asymptoticFlow(M0, states, inst.labels, ts, { tol: 1e-8 });
    ts.forEach((_, k) => {
      const kf = kernelAsymFast(full.M[k], states), kr = kasymFromA(red.a[k + 1], 2, 1.5);
      expect(maxAbsDiff(kf.re, kr.re)).toBeLessThan(1e-6);
    });
    expect(lossFromA(red.a[3], 2, inst.labels)).toBeLessThan(1e-2 * lossFromA(red.a[0], 2, inst.labels));
  });

  it('recovers A = V^dag M(theta) V of a QNN from predictions, and K_asym = 2 gamma^2 I - 2|A|^2 equals eq. (7)', () => {
    const { instance } = appendixDInstance(makeRng(5), { d: 8, m: 3, p: 5, gamma: 1.7 });
    const theta = Float64Array.from([0.3, -1.1, 2.0, 0.4, 0.9]);
    const a = measurementCompressor(instance)(theta);
    const M = parameterizedMeasurement(instance, theta);
    const v = instance.states, conjV = { ...v, im: v.im.map((x) => -x) };
    const ref = matmul(matmul(conjV, M), adjoint(conjV));
    expect(maxAbsDiff(a.subarray(0, 9), ref.re)).toBeLessThan(1e-12);
    expect(maxAbsDiff(a.subarray(9), ref.im)).toBeLessThan(1e-12);
    expect(maxAbsDiff(kasymFromA(a, 3, 1.7).re, kernelAsymFast(M, v).re)).toBeLessThan(1e-11);
  });

  it('A(0) and M0 are Hermitian with real diagonals: the imaginary diagonal entries are exactly 0', () => {
    const rng = makeRng(21);
    const inst = sampleAsymInstance(rng, 6, 4, 1.3);
    const { M0 } = expandAsymInstance(rng.fork('x'), inst);
    const m = 4, mm = m * m, d = 6;
    for (let i = 0; i < m; i++) {
      expect(Math.abs(inst.a0[mm + i * m + i])).toBe(0); // the sign of a zero is not a property (-0 and +0 act alike)
      for (let j = 0; j < m; j++) {
        expect(inst.a0[j * m + i]).toBe(inst.a0[i * m + j]);
        if (i !== j) expect(inst.a0[mm + j * m + i]).toBe(-inst.a0[mm + i * m + j]);
      }
    }
    for (let a = 0; a < d; a++) expect(Math.abs(M0.im[a * d + a])).toBe(0);
  });

  it('m = d is allowed: W is then unitary, so A(0) = gamma W^dag S W has A^2 = gamma^2 I and tr A = 0', () => {
    const gamma = 0.7, d = 4;
    const inst = sampleAsymInstance(makeRng(8), d, d, gamma);
    const a = { rows: d, cols: d, re: inst.a0.slice(0, d * d), im: inst.a0.slice(d * d) };
    const a2 = matmul(a, a);
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) expect(Math.hypot(a2.re[i * d + j] - (i === j ? gamma * gamma : 0), a2.im[i * d + j])).toBeLessThan(1e-12);
    }
    expect(Math.abs(a.re.reduce((t, _, k) => t + (k % (d + 1) === 0 ? a.re[k] : 0), 0))).toBeLessThan(1e-12);
  });

  it('W and the labels come from the named streams rng.fork("W") and rng.fork("labels") (seeded instances are reproducible)', () => {
    const inst = sampleAsymInstance(makeRng(31), 8, 4, 1);
    const w = orthonormalStates(makeRng(31).fork('W'), 4, 8);
    expect(Array.from(inst.w.re)).toEqual(Array.from(w.re));
    expect(Array.from(inst.w.im)).toEqual(Array.from(w.im));
    expect(Array.from(inst.labels)).toEqual(Array.from(balancedLabels(makeRng(31).fork('labels'), 4)));
  });

  it('sampleAsymInstance rejects odd or small d, m < 2, m > d and gamma <= 0 or non-finite, naming the parameter', () => {
    const rng = makeRng(1);
    expect(() => sampleAsymInstance(rng, 7, 2, 1)).toThrow(/^sampleAsymInstance: d must be even \(got 7\)$/);
    expect(() => sampleAsymInstance(rng, 1, 2, 1)).toThrow(/^sampleAsymInstance: d must be an integer >= 2 \(got 1\)$/);
    expect(() => sampleAsymInstance(rng, 8, 1, 1)).toThrow(/^sampleAsymInstance: m must be an integer >= 2 \(got 1\)$/);
    expect(() => sampleAsymInstance(rng, 8, 10, 1)).toThrow(/^sampleAsymInstance: m must be <= d \(got 10 > 8\)$/);
    for (const gamma of [0, -1, Infinity, NaN]) {
      expect(() => sampleAsymInstance(rng, 8, 4, gamma), `gamma=${gamma}`).toThrow(new RegExp(`^sampleAsymInstance: gamma must be > 0 \\(got ${gamma}\\)$`));
    }
  });

  it('lossFromA is L = (1/2m) sum_j (A_jj - y_j)^2 (exact case: residuals 2, -1 at m = 2 give 5/4; off-diagonal entries do not enter)', () => {
    const a = Float64Array.from([1, 0.3, 0.3, 0, 0, -0.2, 0.2, 0]);
    expect(lossFromA(a, 2, [-1, 1])).toBe(5 / 4);
    expect(lossFromA(Float64Array.from([0.5, 9, 9, -0.5, 0, 4, -4, 0]), 2, [0.5, -0.5])).toBe(0);
  });

  it('lambdaMinSym of K_asym = 2 gamma^2 I - 2|A|^2 for A = [[0, a], [conj a, 0]] is 2 gamma^2 - 2|a|^2', () => {
    // |a| = 1 (a = 0.6 + 0.8i), gamma = 1.5: the spectrum of K is 2 gamma^2 +- 2|a|^2 = {2.5, 6.5}.
    const a = Float64Array.from([0, 0.6, 0.6, 0, 0, 0.8, -0.8, 0]);
    expect(Math.abs(lambdaMinSym(kasymFromA(a, 2, 1.5)) - 2.5)).toBeLessThan(1e-12);
    const k = zeros(3, 3);
    k.re.set([2, -1, 0, -1, 2, -1, 0, -1, 2]); // tridiag(-1, 2, -1): eigenvalues 2 - 2 cos(k pi / 4), k = 1, 2, 3
    expect(Math.abs(lambdaMinSym(k) - (2 - Math.SQRT2))).toBeLessThan(1e-12);
  });
});
