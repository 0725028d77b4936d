/** Covers src/figures/sampled-curves.ts: rates, crossings and resampling of sampled loss curves. */
import { describe, expect, it } from 'vitest';
import { firstCrossing, logRate, nearestIndex, resample, windowRate } from '../../src/figures/sampled-curves.ts';

describe('sampled curves', () => {
  it('log-rates, window rates and crossings of L = exp(-t/2) are exact', () => {
    const t = [0, 1, 2, 3, 4], l = t.map((x) => Math.exp(-0.5 * x));
    logRate(t, l).forEach((r) => expect(r).toBeCloseTo(0.5, 12));
    expect(windowRate(t, l, 0, 4)).toBeCloseTo(0.5, 12);
    expect(windowRate(t, l, 4, 0)).toBeNaN();
    expect(firstCrossing(t, l, Math.exp(-1.25))).toBeCloseTo(2.5, 12);
    expect(firstCrossing(t, l, 2)).toBe(0);
    expect(firstCrossing(t, l, 1e-9)).toBeNull();
    expect(logRate([0, 1], [1, 0])).toEqual([NaN, NaN]); // L <= 0 at an end of the difference
  });

  it('nearest index and linear resampling, held constant past the ends', () => {
    expect(nearestIndex([0, 1, 2, 3], 1.6)).toBe(2);
    expect(resample([0, 1, 2], [0, 10, 30], [-1, 0, 0.5, 1.5, 2, 5])).toEqual([0, 0, 5, 20, 30, 30]);
  });
});
