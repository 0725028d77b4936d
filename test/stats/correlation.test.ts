/** Covers src/stats/correlation.ts: Pearson's r, ranks with ties, Spearman's rank correlation. */
import { describe, expect, it } from 'vitest';
import { pearson, ranks, spearman } from '../../src/stats/correlation.ts';
import { makeRng } from '../../src/random/rng.ts';

describe('correlation', () => {
  it('Pearson r is +-1 on exact lines and the closed form on a small sample', () => {
    expect(pearson([0, 1, 2, 3], [1, 3, 5, 7])).toBeCloseTo(1, 14);
    expect(pearson([0, 1, 2, 3], [7, 5, 3, 1])).toBeCloseTo(-1, 14);
    // x = 1..5, y = (2, 4, 5, 4, 5): sxy = 6, sxx = 10, syy = 6, r = 6 / sqrt(60).
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 14);
    expect(pearson([1, 2, 3], [4, 4, 4])).toBeNaN(); // constant sample: no correlation defined
  });

  it('ranks are 1-based with average ranks for ties', () => {
    expect(ranks([10, 30, 20])).toEqual([1, 3, 2]);
    expect(ranks([5, 1, 5, 5, 0])).toEqual([4, 2, 4, 4, 1]);
  });

  it('Spearman: the closed form 1 - 6 sum d^2 / (n (n^2 - 1)) without ties, invariance under monotone maps', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 15, 40])).toBeCloseTo(1 - (6 * 2) / (4 * 15), 14); // d = (0, 1, -1, 0)
    const rng = makeRng(17);
    const x = Array.from({ length: 40 }, () => rng.normal()), y = x.map((v) => v + rng.normal());
    const rho = spearman(x, y);
    expect(spearman(x.map(Math.exp), y.map((v) => v ** 3))).toBeCloseTo(rho, 14);
    expect(spearman(x, y.map((v) => -v))).toBeCloseTo(-rho, 14);
  });
});
