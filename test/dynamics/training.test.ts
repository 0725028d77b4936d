/**
 * Covers src/dynamics/training.ts: gradient descent (appendix D protocol), gradient flow
 * (adaptive DOPRI5) and the free-M kernel regression of section 3.
 */
import { describe, expect, it } from 'vitest';
import { diag, EPS, fromArrays, inner, matmul, adjoint, row, zeros } from '../../src/linalg/cmatrix.ts';
import { eigh } from '../../src/linalg/eigh.ts';
import { compile, lossAndGradientFast } from '../../src/model/compiled.ts';
import { appendixDInstance } from '../../src/model/scenarios.ts';
import { gradientDescent, gradientFlow, gradientFlowSteps, kernelRegressionFlow } from '../../src/dynamics/training.ts';
import { predictionsOf } from '../../src/model/qnn.ts';
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

  it('stops at the first loss strictly below the threshold: a loss equal to it to the last bit does not stop', () => {
    const { instance, theta0 } = appendixDInstance(makeRng(3), { d: 4, m: 2, p: 4, gamma: 2 });
    const c = compile(instance);
    const free = gradientDescent(c, theta0, { lr: 0.01, steps: 6 });
    const l3 = free.trace[3].loss;
    expect(free.trace[4].loss).toBeLessThan(l3);
    const stopped = gradientDescent(c, theta0, { lr: 0.01, steps: 6, stopBelow: l3 });
    expect(stopped.iterations).toBe(4);
    expect(stopped.trace.at(-1)!.loss).toBe(free.trace[4].loss);
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

  it('records every recordEvery-th iterate and the last one', () => {
    const { instance, theta0 } = appendixDInstance(makeRng(2), { d: 4, m: 2, p: 4 });
    const res = gradientDescent(compile(instance), theta0, { lr: 1e-3, steps: 5, recordEvery: 2 });
    expect(res.trace.map((p) => p.t)).toEqual([0, 2, 4, 5]);
    expect(res.iterations).toBe(5);
  });

  it('names the parameter and the condition of each bad option', () => {
    const { instance, theta0 } = appendixDInstance(makeRng(2), { d: 4, m: 2, p: 4 });
    const c = compile(instance);
    expect(() => gradientDescent(c, [0, Number.NaN, 0, 0], { lr: 1, steps: 1 })).toThrow('gradientDescent: theta0 has a non-finite entry at index 1 (NaN)');
    expect(() => gradientDescent(c, theta0, { lr: Number.NaN, steps: 1 })).toThrow(/^gradientDescent: lr /);
    expect(() => gradientDescent(c, theta0, { lr: 0, steps: 1 })).toThrow('gradientDescent: lr must be > 0 (got 0)');
    expect(() => gradientDescent(c, theta0, { lr: 1, steps: -1 })).toThrow(/^gradientDescent: steps must be an integer >= 0/);
    expect(() => gradientDescent(c, theta0, { lr: 1, steps: 1, recordEvery: 0 })).toThrow(/^gradientDescent: recordEvery must be an integer >= 1/);
    // a step so large that theta overflows: the loss is NaN and is refused, never recorded
    expect(() => gradientDescent(c, [0.3, 0.1, 0.2, 0.4], { lr: 1e308, steps: 3 })).toThrow(/^gradientDescent: loss /);
    expect(() => gradientFlow(c, [1], 1, [1], { rtol: 1e-6, atol: 1e-8 })).toThrow('gradientFlow: theta0 has length 1, expected p = 4');
    expect(() => gradientFlow(c, theta0, Number.NaN, [1], { rtol: 1e-6, atol: 1e-8 })).toThrow(/^gradientFlow: eta /);
    expect(() => gradientFlow(c, theta0, 0, [1], { rtol: 1e-6, atol: 1e-8 })).toThrow('gradientFlow: eta must be > 0 (got 0)');
    expect(() => gradientFlow(c, theta0, -2, [1], { rtol: 1e-6, atol: 1e-8 })).toThrow('gradientFlow: eta must be > 0 (got -2)');
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

  it('gradientFlowSteps integrates the same flow: its end point is gradientFlow at tEnd', () => {
    const { instance, theta0 } = appendixDInstance(makeRng(6), { d: 4, m: 2, p: 3 });
    const c = compile(instance);
    const ode = { rtol: 1e-10, atol: 1e-12 };
    let steps = 0;
    const end = gradientFlowSteps(c, theta0, 2, 0.5, ode, () => { steps++; });
    const flow = gradientFlow(c, theta0, 2, [0.5], ode);
    expect(end.t).toBe(0.5);
    expect(steps).toBe(end.stats.accepted + 1);
    expect(Array.from(end.y)).toEqual(Array.from(flow.theta[0]));
    expect(Math.max(...Array.from(end.y, (x, l) => Math.abs(x - theta0[l])))).toBeGreaterThan(1e-3);
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

describe('kernel regression with non-orthogonal complex states and a complex M0', () => {
  it('K_ij = |v_i^dag v_j|^2, r(0) = y - yhat(M0) and r(t) = y - yhat(M(t)), by independent formulas', () => {
    const s = 0.5;
    // three unit vectors in C^2 with complex overlaps
    const states = fromArrays([[1, 0], [s, s], [0.6, 0]], [[0, 0], [s, -s], [0, 0.8]]);
    const M0 = fromArrays([[0.3, 0.2], [0.2, -0.1]], [[0, 0.7], [-0.7, 0]]);
    const labels = [1, -1, 0.5];
    const out = kernelRegressionFlow(M0, states, labels, 0.9, [0, 1.5], { rtol: 1e-11, atol: 1e-13 });
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const z = inner(row(states, i), row(states, j));
        expect(Math.abs(out[0].kernel[i * 3 + j] - (z.re ** 2 + z.im ** 2))).toBeLessThan(8 * EPS);
      }
    }
    expect(Math.abs(out[0].kernel[1])).toBeGreaterThan(0.1); // off-diagonal entries matter
    for (const point of out) {
      const yhat = predictionsOf(point.M, states);
      for (let j = 0; j < 3; j++) expect(Math.abs(point.residuals[j] - (labels[j] - yhat[j]))).toBeLessThan(1e-12);
    }
    expect(Math.abs(out[1].residuals[0] - out[0].residuals[0])).toBeGreaterThan(1e-2);
  });
});
