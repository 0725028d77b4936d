/** Covers src/stats/binomial.ts: binomial tails and the Clopper-Pearson bounds on a rate. */
import { describe, expect, it } from 'vitest';
import { binomLowerTail, binomRateLowerBound, binomRateUpperBound, binomUpperTail } from '../../src/stats/binomial.ts';

/** P(Bin(n, q) = k) from the binomial coefficient as an exact product. */
function pmf(n: number, k: number, q: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c * q ** k * (1 - q) ** (n - k);
}

describe('binomial tails', () => {
  it('P(Bin(10, 1/2) >= 3) = 968/1024 and P(Bin(10, 1/2) <= 7) = 968/1024', () => {
    expect(binomUpperTail(10, 3, 0.5)).toBeCloseTo(968 / 1024, 14);
    expect(binomLowerTail(10, 7, 0.5)).toBeCloseTo(968 / 1024, 14);
    expect(binomUpperTail(10, 0, 0.3)).toBe(1);
    expect(binomUpperTail(10, 11, 0.3)).toBe(0);
    expect(binomLowerTail(10, -1, 0.3)).toBe(0);
    expect(binomLowerTail(10, 10, 0.3)).toBeCloseTo(1, 14);
  });

  it('the tails are sums of the pmf and complement each other', () => {
    for (const [n, q] of [[7, 0.2], [30, 0.9], [100, 0.05]] as const) {
      for (let k = 0; k <= n; k += Math.max(1, Math.floor(n / 7))) {
        let up = 0;
        for (let i = k; i <= n; i++) up += pmf(n, i, q);
        expect(binomUpperTail(n, k, q)).toBeCloseTo(Math.min(1, up), 12);
        expect(binomUpperTail(n, k, q) + binomLowerTail(n, k - 1, q)).toBeCloseTo(1, 12);
      }
    }
  });

  it('refuses q outside (0, 1) and a non-integer n', () => {
    expect(() => binomUpperTail(10, 3, 1)).toThrow('binomUpperTail: q must be in (0, 1) (got 1)');
    expect(() => binomLowerTail(2.5, 1, 0.5)).toThrow('binomLowerTail: n must be an integer >= 0 (got 2.5)');
  });
});

describe('Clopper-Pearson rate bounds', () => {
  it('closed forms at k = 0 and k = n: 1 - alpha^(1/n) and alpha^(1/n)', () => {
    expect(binomRateUpperBound(0, 100, 0.05)).toBeCloseTo(1 - 0.05 ** (1 / 100), 14); // ~ 3/100, the rule of three
    expect(binomRateLowerBound(100, 100, 0.05)).toBeCloseTo(0.05 ** (1 / 100), 14);
    expect(binomRateUpperBound(100, 100, 0.05)).toBe(1);
    expect(binomRateLowerBound(0, 100, 0.05)).toBe(0);
  });

  it('the bounds solve their tail equations and bracket k/n', () => {
    for (const [k, n] of [[3, 20], [50, 100], [199, 200]] as const) {
      const hi = binomRateUpperBound(k, n, 0.01), lo = binomRateLowerBound(k, n, 0.01);
      expect(binomLowerTail(n, k, hi)).toBeCloseTo(0.01, 12);
      expect(binomUpperTail(n, k, lo)).toBeCloseTo(0.01, 12);
      expect(lo).toBeLessThan(k / n);
      expect(hi).toBeGreaterThan(k / n);
    }
  });

  it('refuses k outside [0, n] and alpha outside (0, 1)', () => {
    expect(() => binomRateUpperBound(5, 4, 0.05)).toThrow('binomRateUpperBound: k must be an integer in [0, n] (got 5, n = 4)');
    expect(() => binomRateLowerBound(1, 4, 0)).toThrow('binomRateLowerBound: alpha must be in (0, 1) (got 0)');
    expect(() => binomRateLowerBound(1, 0, 0.1)).toThrow('binomRateLowerBound: n must be an integer >= 1 (got 0)');
  });
});
