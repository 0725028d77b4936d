/**
 * Edge cases of src/integrate/dopri5.ts that the reference step sequences do not reach: zero scales
 * (atol = 0 with zero components), an empty state, the exact step budget, step-size underflow away from
 * and at t = 0, output times on a step end, tEnd = t0, and the messages of bad output times.
 */
import { describe, expect, it } from 'vitest';
import { dopri5, dopri5Steps, rk4Fixed, type Rhs } from '../../src/integrate/dopri5.ts';

const decay: Rhs = (_t, y, dy) => { dy[0] = -20 * y[0]; };

describe('dopri5 edge cases', () => {
  it('atol = 0 with a component that starts at 0 (skipped by the initial-step heuristic)', () => {
    // y0' = -y0, y1' = y0: y1 = 1 - e^{-t}
    const f: Rhs = (_t, y, dy) => { dy[0] = -y[0]; dy[1] = y[0]; };
    const r = dopri5(f, 0, Float64Array.from([1, 0]), [2], { rtol: 1e-8, atol: 0 });
    expect(Math.abs(r.y[0][0] - Math.exp(-2))).toBeLessThan(1e-6);
    expect(Math.abs(r.y[0][1] - (1 - Math.exp(-2)))).toBeLessThan(1e-6);
  });

  it('atol = 0 with a component that stays exactly 0 (its 0/0 error ratio counts as 0)', () => {
    const f: Rhs = (_t, y, dy) => { dy[0] = -y[0]; dy[1] = 0; };
    const r = dopri5(f, 0, Float64Array.from([1, 0]), [2], { rtol: 1e-8, atol: 0 });
    expect(Math.abs(r.y[0][0] - Math.exp(-2))).toBeLessThan(1e-6);
    expect(r.y[0][1]).toBe(0);
  });

  it('an empty state integrates to an empty state', () => {
    const r = dopri5(() => {}, 0, new Float64Array(0), [1, 2], { rtol: 1e-6, atol: 1e-6 });
    expect(r.y.map((y) => y.length)).toEqual([0, 0]);
  });

  it('maxSteps is the exact budget: y\' = -20 y on [0, 2] takes 36 steps', () => {
    const opts = { rtol: 1e-6, atol: 1e-6 };
    expect(dopri5Steps(decay, 0, Float64Array.from([1]), 2, { ...opts, maxSteps: 36 }).stats.steps).toBe(36);
    expect(() => dopri5Steps(decay, 0, Float64Array.from([1]), 2, { ...opts, maxSteps: 35 })).toThrow(/^dopri5: maxSteps exceeded \(35 steps\)/);
  });

  it('step-size underflow: a jump of 1e10 at t = 1 cannot be resolved to atol = 1e-12', () => {
    const f: Rhs = (t, _y, dy) => { dy[0] = t >= 1 ? 1e10 : 0; };
    expect(() => dopri5(f, 0, Float64Array.from([0]), [2], { rtol: 1e-12, atol: 1e-12 })).toThrow(/^dopri5: step size underflowed \(h=.*\) at t=0\.99999/);
  });

  it('step-size underflow at t = 0 (no relative floor there): y\' = 1/t is refused before 1/h overflows', () => {
    const f: Rhs = (t, _y, dy) => { dy[0] = t > 0 ? 1 / t : 0; };
    expect(() => dopri5(f, 0, Float64Array.from([0]), [1], { rtol: 1e-6, atol: 1e-6 })).toThrow(/^dopri5: step size underflowed \(h=.*\) at t=0$/);
  });

  it('an output time on a step end returns that step\'s state exactly (no dense interpolation)', () => {
    const f: Rhs = (t, y, dy) => { dy[0] = Math.cos(3 * t) * y[0] + 0.1; dy[1] = -y[1] * y[0]; };
    const y0 = Float64Array.from([0.7, 1.3]), opts = { rtol: 1e-5, atol: 1e-7 };
    const end = dopri5Steps(f, 0, y0, 2.9, opts);
    expect(Array.from(dopri5(f, 0, y0, [2.9], opts).y[0])).toEqual(Array.from(end.y));
  });

  it('tEnd = t0 returns y0 after no step', () => {
    const r = dopri5Steps(decay, 0.5, Float64Array.from([3]), 0.5, { rtol: 1e-6, atol: 1e-6 });
    expect([r.t, r.y[0], r.stats.steps]).toEqual([0.5, 3, 0]);
  });

  it('names bad output times precisely', () => {
    const opts = { rtol: 1e-6, atol: 1e-6 };
    expect(() => dopri5(decay, 0, Float64Array.from([1]), undefined as unknown as number[], opts)).toThrow('dopri5: tOut must be non-empty');
    expect(() => dopri5(decay, 0, Float64Array.from([1]), [0, 2, 1], opts)).toThrow('dopri5: tOut must be increasing (tOut[2] = 1 < tOut[1] = 2)');
  });
});

describe('rk4Fixed edge cases', () => {
  it('a solution that overflows is refused, naming the state', () => {
    const f: Rhs = (_t, _y, dy) => { dy[0] = 1e308; };
    expect(() => rk4Fixed(f, 0, Float64Array.from([1e308]), 1, 1)).toThrow(/^rk4Fixed: y \(solution overflowed\) has a non-finite entry at index 0/);
  });
});
