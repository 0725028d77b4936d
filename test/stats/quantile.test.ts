/** Covers src/stats/quantile.ts: type-7 empirical quantiles and order-statistic confidence bounds on a quantile. */
import { describe, expect, it } from 'vitest';
import { quantile, quantileLowerConfidenceBound, quantileUpperConfidenceBound } from '../../src/stats/quantile.ts';
import { binomRateLowerBound, binomRateUpperBound, binomUpperTail } from '../../src/stats/binomial.ts';
import { makeRng } from '../../src/random/rng.ts';

describe('quantile (type 7)', () => {
  it('interpolates at h = (n - 1) q between order statistics', () => {
    expect(quantile([10, 1, 3, 2, 4], 0.9)).toBeCloseTo(7.6, 14); // h = 3.6: 4 + 0.6 (10 - 4)
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
    expect(quantile([3, 1, 2], 0)).toBe(1);
    expect(quantile([3, 1, 2], 1)).toBe(3);
    expect(quantile([5], 0.3)).toBe(5);
    expect(() => quantile([], 0.5)).toThrow('quantile: xs must not be empty');
    expect(() => quantile([1], 1.5)).toThrow('quantile: q must be in [0, 1] (got 1.5)');
  });
});

describe('order-statistic confidence bounds', () => {
  const xs = Array.from({ length: 10 }, (_, i) => 10 - i); // 10, 9, ..., 1: X_(k) = k

  it('median of 10 at 95%: lower X_(2) (P(Bin(10, 1/2) >= 3) = 968/1024 < 0.95), upper X_(9) by symmetry', () => {
    const lo = quantileLowerConfidenceBound(xs, 0.5, 0.05), hi = quantileUpperConfidenceBound(xs, 0.5, 0.05);
    expect(lo).toEqual({ bound: 2, k: 2, empirical: 5 });
    expect(hi).toEqual({ bound: 9, k: 9, empirical: 5 });
  });

  it('the minimum bounds the 0.1-quantile at 95% from n = 29 on (0.9^29 < 0.05 < 0.9^28)', () => {
    expect(quantileLowerConfidenceBound(Array.from({ length: 28 }, (_, i) => i), 0.1, 0.05).k).toBe(0);
    expect(quantileLowerConfidenceBound(Array.from({ length: 28 }, (_, i) => i), 0.1, 0.05).bound).toBe(-Infinity);
    expect(quantileLowerConfidenceBound(Array.from({ length: 29 }, (_, i) => i), 0.1, 0.05).k).toBe(1);
    expect(quantileUpperConfidenceBound(Array.from({ length: 28 }, (_, i) => i), 0.9, 0.05).bound).toBe(Infinity);
    expect(quantileUpperConfidenceBound(Array.from({ length: 29 }, (_, i) => i), 0.9, 0.05)).toEqual({ bound: 28, k: 29, empirical: 26 });
  });

  it('coverage of the lower bound on the 0.9-quantile of U(0, 1) from 50 draws equals P(Bin(50, 0.9) >= k) (2000 seeded trials, bounds at 1e-6)', () => {
    const rng = makeRng(4242);
    const trials = 2000, n = 50;
    let covered = 0, k = 0;
    for (let t = 0; t < trials; t++) {
      const lcb = quantileLowerConfidenceBound(Array.from({ length: n }, () => rng.uniform()), 0.9, 0.1);
      k = lcb.k;
      if (lcb.bound <= 0.9) covered++;
    }
    const exact = binomUpperTail(n, k, 0.9);
    expect(exact).toBeGreaterThanOrEqual(0.9);
    expect(binomRateLowerBound(covered, trials, 1e-6)).toBeLessThanOrEqual(exact);
    expect(binomRateUpperBound(covered, trials, 1e-6)).toBeGreaterThanOrEqual(exact);
  });

  it('refuses empty samples and q, alpha outside (0, 1)', () => {
    expect(() => quantileLowerConfidenceBound([], 0.5, 0.1)).toThrow('quantileLowerConfidenceBound: samples must not be empty');
    expect(() => quantileUpperConfidenceBound([1], 1, 0.1)).toThrow('quantileUpperConfidenceBound: q must be in (0, 1) (got 1)');
    expect(() => quantileLowerConfidenceBound([1], 0.5, 1)).toThrow('quantileLowerConfidenceBound: alpha must be in (0, 1) (got 1)');
  });
});
