/**
 * Covers src/search/nelder-mead.ts on functions with known minima: a quadratic, Rosenbrock in 2 and 5
 * dimensions (minimum 0 at (1, ..., 1)), a NaN region treated as +Infinity, the evaluation cap, the
 * target stop, determinism and the input checks.
 */
import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../src/search/nelder-mead.ts';

const rosenbrock = (x: Float64Array) => {
  let s = 0;
  for (let i = 0; i + 1 < x.length; i++) s += 100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2;
  return s;
};

describe('nelderMead', () => {
  it('minimises a shifted quadratic to 1e-9 (ftol 1e-10 stops it)', () => {
    const r = nelderMead((x) => (x[0] - 3) ** 2 + 2 * (x[1] + 1) ** 2 + (x[2] - 0.5) ** 2, [0, 0, 0], { maxEvaluations: 2000 });
    expect(r.f).toBeLessThan(1e-9);
    expect(Math.abs(r.x[0] - 3)).toBeLessThan(1e-4);
    expect(Math.abs(r.x[1] + 1)).toBeLessThan(1e-4);
  });

  it('finds the minimum 0 of Rosenbrock at (1, 1) from (-1.2, 1)', () => {
    const r = nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 1000 });
    expect(r.f).toBeLessThan(1e-10);
    expect(Math.abs(r.x[0] - 1)).toBeLessThan(1e-4);
    expect(Math.abs(r.x[1] - 1)).toBeLessThan(1e-4);
  });

  it('Rosenbrock in 5 dimensions within 5000 evaluations (restarts help)', () => {
    const r = nelderMead(rosenbrock, [0, 0, 0, 0, 0], { maxEvaluations: 5000 });
    expect(r.f).toBeLessThan(1e-6);
    expect(r.evaluations).toBeLessThanOrEqual(5000);
  });

  it('never exceeds the evaluation cap and counts every call', () => {
    let calls = 0;
    const r = nelderMead((x) => { calls++; return rosenbrock(x); }, [0, 0, 0], { maxEvaluations: 37 });
    expect(calls).toBe(37);
    expect(r.evaluations).toBe(37);
  });

  it('stops at the target', () => {
    const r = nelderMead((x) => x[0] ** 2 + x[1] ** 2, [5, 5], { maxEvaluations: 1000, target: 1 });
    expect(r.f).toBeLessThanOrEqual(1);
    expect(r.evaluations).toBeLessThan(100);
  });

  it('a NaN region is avoided (counted as +Infinity)', () => {
    const r = nelderMead((x) => (x[0] < 0 ? NaN : (x[0] - 1) ** 2 + x[1] ** 2), [0.5, 0.5], { maxEvaluations: 500 });
    expect(r.f).toBeLessThan(1e-10);
  });

  it('is deterministic', () => {
    const a = nelderMead(rosenbrock, [0.3, -0.7, 0.1], { maxEvaluations: 300 });
    const b = nelderMead(rosenbrock, [0.3, -0.7, 0.1], { maxEvaluations: 300 });
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(a.f).toBe(b.f);
  });

  it('refuses an empty start, a non-finite start and a bad cap by message', () => {
    expect(() => nelderMead(rosenbrock, [], { maxEvaluations: 10 })).toThrow('nelderMead: x0 must have length >= 1');
    expect(() => nelderMead(rosenbrock, [NaN], { maxEvaluations: 10 })).toThrow('nelderMead: x0 must be finite (entry 0 is NaN)');
    expect(() => nelderMead(rosenbrock, [0], { maxEvaluations: 0 })).toThrow('nelderMead: maxEvaluations must be an integer >= 1 (got 0)');
  });
});
