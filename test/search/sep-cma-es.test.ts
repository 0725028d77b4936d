/**
 * Covers src/search/sep-cma-es.ts: the default population (tutorial table 1), a 50-dimensional sphere and a separable
 * ill-conditioned ellipsoid (where the diagonal covariance is the point: an isotropic ES stalls), the cap (never a
 * generation beyond it), the target, determinism for a generator seed, a non-finite f, input checks by message.
 */
import { describe, expect, it } from 'vitest';
import { sepCmaEs, sepCmaPopulation } from '../../src/search/sep-cma-es.ts';
import { onePlusOne } from '../../src/search/one-plus-one.ts';
import { makeRng } from '../../src/random/rng.ts';

const sphere = (x: Float64Array) => x.reduce((s, v) => s + (v - 0.5) ** 2, 0);
/** sum 10^(6 i/(n-1)) (x_i - 1)^2: condition number 1e6, axis-aligned. */
const ellipsoid = (x: Float64Array) => x.reduce((s, v, i) => s + 10 ** ((6 * i) / (x.length - 1)) * (v - 1) ** 2, 0);

describe('sepCmaEs', () => {
  it('population 4 + floor(3 ln n)', () => {
    expect([1, 2, 10, 50, 128].map(sepCmaPopulation)).toEqual([4, 6, 10, 15, 18]);
  });
  it('reduces a 50-dimensional sphere from 12.5 below 1e-6 within 8000 evaluations', () => {
    const r = sepCmaEs(sphere, new Float64Array(50), makeRng(1), { maxEvaluations: 8000, step: 0.5 });
    expect(r.f).toBeLessThan(1e-6);
    expect(r.evaluations).toBeLessThanOrEqual(8000);
    expect(r.evaluations).toBeGreaterThan(8000 - sepCmaPopulation(50));
  });
  it('learns the scales of a separable ellipsoid (condition 1e6, n = 20) that the (1+1)-ES cannot', () => {
    const start = new Float64Array(20);
    const cma = sepCmaEs(ellipsoid, start, makeRng(3), { maxEvaluations: 12000, step: 0.5 });
    const es = onePlusOne(ellipsoid, start, makeRng(3), { maxEvaluations: 12000, step: 0.5 });
    expect(cma.f).toBeLessThan(1e-6);
    expect(cma.f).toBeLessThan(es.f * 1e-3);
  });
  it('stops at the target, reports the best point it evaluated, and is deterministic for a seed', () => {
    const a = sepCmaEs(sphere, new Float64Array(5), makeRng(2), { maxEvaluations: 2000, target: 0.01 });
    const b = sepCmaEs(sphere, new Float64Array(5), makeRng(2), { maxEvaluations: 2000, target: 0.01 });
    expect(a.f).toBeLessThanOrEqual(0.01);
    expect(a.f).toBe(sphere(a.x));
    expect(a.evaluations).toBeLessThan(2000);
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(a.evaluations).toBe(b.evaluations);
  });
  it('keeps a known f0 when nothing beats it, and counts a NaN as +Infinity', () => {
    const r = sepCmaEs(() => Number.NaN, [1, 2], makeRng(1), { maxEvaluations: 30 }, 5);
    expect(r.f).toBe(5);
    expect(Array.from(r.x)).toEqual([1, 2]);
    expect(r.evaluations).toBe(30); // 5 generations of 6
  });
  it('refuses an empty or non-finite start, a bad cap and a bad step by message', () => {
    expect(() => sepCmaEs(sphere, [], makeRng(1), { maxEvaluations: 5 })).toThrow('sepCmaEs: x0 must have length >= 1');
    expect(() => sepCmaEs(sphere, [1], makeRng(1), { maxEvaluations: 0 })).toThrow('sepCmaEs: maxEvaluations must be an integer >= 1 (got 0)');
    expect(() => sepCmaEs(sphere, [1], makeRng(1), { maxEvaluations: 5, step: 0 })).toThrow('sepCmaEs: step must be a finite number > 0 (got 0)');
    expect(() => sepCmaEs(sphere, [Number.NaN], makeRng(1), { maxEvaluations: 5 })).toThrow('sepCmaEs: x0 must be finite (entry 0 is NaN)');
  });
});
