/**
 * Covers src/dynamics/training.ts: gradient descent (appendix D protocol), gradient flow
 * (adaptive DOPRI5) and the free-M kernel regression of section 3.
 */
import { describe, expect, it } from 'vitest';
import { diag, EPS, matmul, adjoint, zeros } from '../../src/linalg/cmatrix.ts';
import { eigh } from '../../src/linalg/eigh.ts';
import { compile, lossAndGradientFast } from '../../src/model/compiled.ts';
import { appendixDInstance } from '../../src/model/scenarios.ts';
import { gradientDescent, gradientFlow, kernelRegressionFlow } from '../../src/dynamics/training.ts';
import { makeRng } from '../../src/random/rng.ts';

describe('gradient descent', () => {
  it('takes exactly theta - lr grad L steps and records the loss', () => {
    const { instance, theta0 } = appendixDInstance(makeRng(1), { d: 8, m: 4, p: 6 });
    const c = compile(instance);
    const lr = 1e-3 / 6;
    const res = gradientDescent(c, theta0, { lr, steps: 3 });
    const th = Float64Array.from(theta0);
    for (let k = 0; k < 3; k++) {
      const g = lossAndGradientFast(c, th).gradient;
      for (let l = 0; l < 6; l++) th[l] -= lr * g[l];
    }
    expect(Array.from(res.theta)).toEqual(Array.from(th));
    expect(res.trace.map((p) => p.t)).toEqual([0, 1, 2, 3]);
    expect(res.trace[3].loss).toBeLessThan(res.trace[0].loss);
  });

  it('stops early below a loss threshold and validates its options', () => {
    const { instance, theta0 } = appendixDInstance(makeRng(2), { d: 4, m: 2, p: 4, gamma: 4 });
    const c = compile(instance);
    const res = gradientDescent(c, theta0, { lr: 0.05, steps: 5000, stopBelow: 1e-2, recordEvery: 100 });
    expect(res.trace.at(-1)!.loss).toBeLessThan(1e-2);
    expect(res.iterations).toBeLessThan(5000);
    expect(() => gradientDescent(c, theta0, { lr: -1, steps: 1 })).toThrow(/gradientDescent: lr must be > 0/);
    expect(() => gradientDescent(c, [1], { lr: 1, steps: 1 })).toThrow(/theta0 has length 1, expected p = 4/);
  });
});

describe('gradient flow', () => {
  it('matches gradient descent with a small step at t = lr * steps (error O(lr))', () => {
    const { instance, theta0 } = appendixDInstance(makeRng(3), { d: 8, m: 4, p: 10 });
    const c = compile(instance);
    const flow = gradientFlow(c, theta0, 1, [0, 0.5, 1], { rtol: 1e-10, atol: 1e-12 });
    const gd1 = gradientDescent(c, theta0, { lr: 1e-3, steps: 1000 });
    const gd2 = gradientDescent(c, theta0, { lr: 5e-4, steps: 2000 });
    const e1 = Math.abs(gd1.trace.at(-1)!.loss - flow.trace[2].loss);
    const e2 = Math.abs(gd2.trace.at(-1)!.loss - flow.trace[2].loss);
    expect(e1).toBeLessThan(1e-2 * flow.trace[0].loss);
    // first order in the step: halving lr halves the gap (ratio 2 +- 20%)
    expect(e1 / e2).toBeGreaterThan(1.6);
    expect(e1 / e2).toBeLessThan(2.4);
    expect(flow.trace[2].loss).toBeLessThan(flow.trace[0].loss);
  });
});

describe('kernel regression (section 3, M free)', () => {
  it('r(t) = exp(-(eta/m) K t) r(0) with K_ij = |v_i^dag v_j|^2, and the spectrum of M moves', () => {
    const rng = makeRng(4);
    const { instance } = appendixDInstance(rng, { d: 6, m: 3, p: 1 });
    const eta = 0.7, t = 2;
    const out = kernelRegressionFlow(instance.M0, instance.states, instance.labels, eta, [0, t], { rtol: 1e-11, atol: 1e-13 });
    const K = out[0].kernel;
    const k = zeros(3, 3);
    for (let i = 0; i < 9; i++) k.re[i] = K[i];
    const { values, vectors } = eigh(k);
    const expK = matmul(vectors, matmul(diag(values.map((x) => Math.exp((-eta / 3) * x * t))), adjoint(vectors)));
    for (let i = 0; i < 3; i++) {
      let s = 0;
      for (let j = 0; j < 3; j++) s += expK.re[i * 3 + j] * out[0].residuals[j];
      expect(Math.abs(s - out[1].residuals[i])).toBeLessThan(1e-9);
    }
    // states are orthonormal: K = I
    for (let i = 0; i < 3; i++) expect(Math.abs(K[i * 3 + i] - 1)).toBeLessThan(64 * EPS * 6);
    const e0 = eigh(out[0].M).values, e1 = eigh(out[1].M).values;
    const moved = Math.max(...Array.from(e0, (x, i) => Math.abs(x - e1[i])));
    expect(moved).toBeGreaterThan(0.1);
  });
});
