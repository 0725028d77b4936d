/** Covers src/search/one-plus-one.ts: a 50-dimensional sphere, the cap, the target, determinism, input checks. */
import { describe, expect, it } from 'vitest';
import { onePlusOne } from '../../src/search/one-plus-one.ts';
import { makeRng } from '../../src/random/rng.ts';

const sphere = (x: Float64Array) => x.reduce((s, v) => s + (v - 0.5) ** 2, 0);

describe('onePlusOne', () => {
  it('reduces a 50-dimensional sphere from 12.5 by 6 orders within 6000 evaluations', () => {
    const r = onePlusOne(sphere, new Float64Array(50), makeRng(1), { maxEvaluations: 6000 });
    expect(r.f).toBeLessThan(12.5e-6);
    expect(r.evaluations).toBe(6000);
  });
  it('stops at the target and is deterministic for a generator seed', () => {
    const a = onePlusOne(sphere, new Float64Array(5), makeRng(2), { maxEvaluations: 1000, target: 0.01 });
    const b = onePlusOne(sphere, new Float64Array(5), makeRng(2), { maxEvaluations: 1000, target: 0.01 });
    expect(a.f).toBeLessThanOrEqual(0.01);
    expect(a.evaluations).toBeLessThan(1000);
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
  });
  it('refuses an empty start and a bad cap by message', () => {
    expect(() => onePlusOne(sphere, [], makeRng(1), { maxEvaluations: 5 })).toThrow('onePlusOne: x0 must have length >= 1');
    expect(() => onePlusOne(sphere, [1], makeRng(1), { maxEvaluations: 1.5 })).toThrow('onePlusOne: maxEvaluations must be an integer >= 1 (got 1.5)');
  });
});
