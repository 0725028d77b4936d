/** Covers src/dynamics/compressed.ts: the exact m x m compression of eq. (10) and K_asym of a trained QNN. */
import { describe, expect, it } from 'vitest';
import { asymptoticFlow, kernelAsymFast } from '../../src/dynamics/asymptotic.ts';
import { adjoint, matmul } from '../../src/linalg/cmatrix.ts';
import { parameterizedMeasurement } from '../../src/model/qnn.ts';
import { appendixDInstance } from '../../src/model/scenarios.ts';
import { makeRng } from '../../src/random/rng.ts';
import {
  expandAsymInstance, integrateCompressed, kasymFromA, lossFromA, measurementCompressor, sampleAsymInstance,
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
});
