/** Covers src/stats/summary.ts: mean, sample standard deviation, median and the mean band of the figures. */
import { describe, expect, it } from 'vitest';
import { centredMoments, mean, meanBand, median, std } from '../../src/stats/summary.ts';

describe('summaries', () => {
  it('mean, std (n - 1) and median of small exact samples', () => {
    expect(mean([1, 2, 3, 10])).toBe(4);
    expect(mean([])).toBeNaN();
    expect(std([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 14); // sum of squares about 5 is 32
    expect(std([3])).toBe(0);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(mean(Float64Array.from([0.5, 1.5]))).toBe(1);
  });

  it('mean band: half-std edges, clamped to mean/10 when the lower edge is not positive', () => {
    const b = meanBand([[1, 2], [3, 2]]);
    expect(b.mean).toEqual([2, 2]);
    expect(b.std[0]).toBeCloseTo(Math.SQRT2, 14);
    expect(b.lo[0]).toBeCloseTo(2 - Math.SQRT2 / 2, 14);
    expect(b.hi[0]).toBeCloseTo(2 + Math.SQRT2 / 2, 14);
    expect(b.std[1]).toBe(0);
    expect(b.clamped).toBe(false);
    const c = meanBand([[100], [0], [0], [0], [0], [0], [0], [0], [0]]);
    expect(c.clamped).toBe(true);
    expect(c.lo[0]).toBeCloseTo(100 / 9 / 10, 14);
    expect(meanBand([[1, 2, 3], [1, 2]]).mean).toEqual([1, 2]); // the shortest run sets the grid
  });
});

describe('centredMoments', () => {
  it('gives the means and the centred sums of squares and products (exact case)', () => {
    // x = 1, 2, 3 (mean 2), y = 2, 4, 9 (mean 5): sxx = 2, syy = 9 + 1 + 16 = 26, sxy = (-1)(-3) + 0 + (1)(4) = 7
    expect(centredMoments([1, 2, 3], [2, 4, 9])).toEqual({ mx: 2, my: 5, sxx: 2, syy: 26, sxy: 7 });
  });
});
