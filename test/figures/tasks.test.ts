/** Covers src/figures/tasks.ts (the task executors) and src/figures/curves.ts at tiny scale. */
import { describe, expect, it } from 'vitest';
import { gradientDescent } from '../../src/dynamics/training.ts';
import { compile, lossAndGradientFast } from '../../src/model/compiled.ts';
import { buildQnn, executeTask, runAsym, runFlow, runGd } from '../../src/figures/tasks.ts';
import { rateDecay, sqrtNormalisedRate } from '../../src/figures/curves.ts';
import type { GdTask, Task } from '../../src/figures/types.ts';

const qnn = { seed: 42, label: 'qnn/d4/m4/p6/i0', d: 4, m: 4, p: 6, gamma: 1 };

describe('figure tasks', () => {
  it('runGd is the gradient descent of dynamics/training.ts, bit for bit, with exact first crossings', () => {
    const task: GdTask = { kind: 'gd', key: 'k', qnn, lr: 1e-3 / 6, steps: 400, recordEvery: 50, thresholds: [0.3, 1e-9] };
    const r = runGd(task);
    const { instance, theta0 } = buildQnn(qnn);
    const ref = gradientDescent(compile(instance), theta0, { lr: task.lr, steps: 400, recordEvery: 50 });
    expect(r.trace.t).toEqual(ref.trace.map((p) => p.t));
    expect(r.trace.loss).toEqual(ref.trace.map((p) => p.loss));
    expect(r.iterations).toBe(400);
    // First iteration below 0.3, by brute force.
    const c = compile(instance), th = Float64Array.from(theta0);
    let first: number | null = null;
    for (let it = 0; it <= 400 && first === null; it++) {
      const { loss, gradient } = lossAndGradientFast(c, th);
      if (loss < 0.3) first = it;
      for (let l = 0; l < 6; l++) th[l] -= task.lr * gradient[l];
    }
    expect(r.firstBelow).toEqual([first, null]);
  });

  it('stops below a threshold and records the stopping iteration', () => {
    const r = runGd({ kind: 'gd', key: 'k', qnn: { ...qnn, gamma: 4 }, lr: 1e-3 / 6, steps: 5000, recordEvery: 100, stopBelow: 1e-2 });
    expect(r.iterations).toBeLessThan(5000);
    expect(r.trace.t[r.trace.t.length - 1]).toBe(r.iterations);
    expect(r.trace.loss[r.trace.loss.length - 1]).toBeLessThan(1e-2);
    expect(r.trace.loss[r.trace.loss.length - 2]).toBeGreaterThanOrEqual(1e-2);
  });

  it('the gradient flow with eta = lr tracks gradient descent (t = iterations), and K_asym is recorded', () => {
    const gd = runGd({ kind: 'gd', key: 'a', qnn, lr: 1e-3 / 6, steps: 1000, recordEvery: 100, kasym: true, asymOverlay: true });
    const fl = runFlow({ kind: 'flow', key: 'b', qnn, eta: 1e-3 / 6, tEnd: 1000, recordEvery: 100, rtol: 1e-8, atol: 1e-11, kasym: true });
    expect(fl.trace.t).toEqual(gd.trace.t);
    gd.trace.loss.forEach((l, k) => expect(Math.abs(l - fl.trace.loss[k]) / l).toBeLessThan(1e-3));
    expect(gd.trace.lambdaMin!.length).toBe(gd.trace.t.length);
    // K_asym(0) <= 2 gamma^2 (its diagonal is 2(gamma^2 - yhat^2)); the overlay starts from the same A(0).
    expect(gd.trace.lambdaMin![0]).toBeLessThanOrEqual(2 + 1e-12);
    expect(gd.overlay!.lambdaMin[0]).toBeCloseTo(gd.trace.lambdaMin![0], 12);
    expect(gd.overlay!.t[gd.overlay!.t.length - 1]).toBe(1000);
  });

  it('runAsym: compressed run with a d x d cross-check; relative changes start at 0', () => {
    const r = runAsym({ kind: 'asym', key: 'c', seed: 1, label: 'x', d: 6, m: 2, gamma: 2, tEnd: 1, nOut: 10, crossCheck: { tol: 1e-8 } });
    expect(r.t.length).toBe(11);
    expect(r.relChangeF[0]).toBe(0);
    expect(r.relChangeOp[0]).toBe(0);
    expect(r.loss[10]).toBeLessThan(r.loss[0]);
    expect(r.cross!.maxDiffK).toBeLessThan(1e-6);
    expect(r.cross!.maxDiffLoss).toBeLessThan(1e-8);
  });

  it('refuses an unknown task kind and invalid instances', () => {
    expect(() => executeTask({ kind: 'nope' } as unknown as Task)).toThrow(/executeTask: task.kind is unknown/);
    expect(() => runGd({ kind: 'gd', key: 'k', qnn: { ...qnn, d: 5 }, lr: 1e-3, steps: 1, recordEvery: 1 })).toThrow(/appendixDInstance: d must be even/);
  });
});

describe('figure curves', () => {
  it('rate/sqrt(L) grows under linear convergence, is constant on the 1/t^2 envelope of theorem 3.2, falls below it', () => {
    const grid = Array.from({ length: 1001 }, (_, k) => k * 10);
    const linear = grid.map((x) => Math.exp(-1e-3 * x));
    expect(rateDecay(grid, linear, 10000).ratio).toBeCloseTo(1, 6);
    expect(sqrtNormalisedRate(grid, linear, 10000).ratio).toBeGreaterThan(10);
    const envelope = grid.map((x) => 1 / (1 + 1e-3 * x) ** 2); // rate = 2 c1 sqrt(L) exactly
    expect(rateDecay(grid, envelope, 10000).ratio).toBeLessThan(0.2);
    expect(sqrtNormalisedRate(grid, envelope, 10000).ratio).toBeCloseTo(1, 1);
    const slower = grid.map((x) => 1 / (1 + 1e-3 * x));
    expect(sqrtNormalisedRate(grid, slower, 10000).ratio).toBeLessThan(0.6);
  });
});
