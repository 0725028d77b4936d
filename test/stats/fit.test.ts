/** Covers src/stats/fit.ts: ordinary least squares with standard errors and t intervals, weighted fits, fits through the origin. */
import { describe, expect, it } from 'vitest';
import { linearFit, slopeInterval, slopeThroughOrigin, weightedLinearFit } from '../../src/stats/fit.ts';
import { binomRateLowerBound, binomRateUpperBound } from '../../src/stats/binomial.ts';
import { makeRng } from '../../src/random/rng.ts';

describe('linearFit', () => {
  it('an exact line: slope, intercept, r = 1, zero residuals', () => {
    const f = linearFit([0, 1, 2, 3], [1, 3, 5, 7]);
    expect(f.slope).toBeCloseTo(2, 14);
    expect(f.intercept).toBeCloseTo(1, 14);
    expect(f.r).toBeCloseTo(1, 14);
    expect(f.residualSd).toBeLessThan(1e-15);
    expect(f.n).toBe(4);
  });

  it('x = 1..5, y = (2, 4, 5, 4, 5): slope 0.6, intercept 2.2, RSS 2.4, SE sqrt(0.8/10), 95% interval 0.6 -+ 3.18245 SE', () => {
    const f = linearFit([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
    expect(f.slope).toBeCloseTo(0.6, 14);
    expect(f.intercept).toBeCloseTo(2.2, 14);
    expect(f.residualSd).toBeCloseTo(Math.sqrt(2.4 / 3), 14);
    expect(f.slopeSe).toBeCloseTo(Math.sqrt(0.08), 14);
    expect(f.r).toBeCloseTo(6 / Math.sqrt(60), 14);
    const ci = slopeInterval(f, 0.95);
    expect(ci.t).toBeCloseTo(3.1824463052837084, 12); // t_{0.975, 3}
    expect(ci.lo).toBeCloseTo(0.6 - ci.t * Math.sqrt(0.08), 14);
    expect(ci.hi).toBeCloseTo(0.6 + ci.t * Math.sqrt(0.08), 14);
  });

  it('n = 2 has no residual degree of freedom: NaN standard error and interval', () => {
    const f = linearFit([0, 1], [0, 2]);
    expect(f.slope).toBe(2);
    expect(f.slopeSe).toBeNaN();
    expect(slopeInterval(f, 0.9).lo).toBeNaN();
  });

  it('the 90% interval covers the true slope of Gaussian data in 90% of 2000 seeded fits (exact binomial bounds at 1e-6)', () => {
    const rng = makeRng(1717);
    const x = Array.from({ length: 8 }, (_, i) => i / 2);
    const trials = 2000;
    let covered = 0;
    for (let k = 0; k < trials; k++) {
      const y = x.map((v) => 1 - 0.7 * v + 0.3 * rng.normal());
      const ci = slopeInterval(linearFit(x, y), 0.9);
      if (ci.lo <= -0.7 && -0.7 <= ci.hi) covered++;
    }
    expect(binomRateLowerBound(covered, trials, 1e-6)).toBeLessThanOrEqual(0.9);
    expect(binomRateUpperBound(covered, trials, 1e-6)).toBeGreaterThanOrEqual(0.9);
  });

  it('refuses samples of different lengths and levels outside (0, 1)', () => {
    expect(() => linearFit([1, 2, 3], [1, 2])).toThrow('linearFit: y must have the length of x (2 != 3)');
    expect(() => slopeInterval(linearFit([1, 2, 3], [1, 2, 4]), 1)).toThrow('slopeInterval: level must be in (0, 1) (got 1)');
  });
});

describe('weightedLinearFit', () => {
  it('equal errors: the ordinary slope, SE = sigma / sqrt(sxx), chi^2/dof = RSS / ((n - 2) sigma^2)', () => {
    const x = [1, 2, 3, 4, 5], y = [2, 4, 5, 4, 5];
    const f = weightedLinearFit(x, y, [0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(f.slope).toBeCloseTo(0.6, 14);
    expect(f.intercept).toBeCloseTo(2.2, 14);
    expect(f.slopeSe).toBeCloseTo(0.5 / Math.sqrt(10), 14);
    expect(f.chi2PerDof).toBeCloseTo(2.4 / 3 / 0.25, 13);
    expect(f.n).toBe(5);
  });

  it('a point with a huge error is ignored; weights follow 1/se^2', () => {
    const f = weightedLinearFit([0, 1, 2, 3], [0, 1, 2, 100], [1, 1, 1, 1e8]);
    expect(f.slope).toBeCloseTo(1, 10);
    // Two points with weights 1 and 4 at x = 0, 1: xbar = 0.8, sxx = 1 (0.64) + 4 (0.04) = 0.8 plus a third point.
    const g = weightedLinearFit([0, 1, 2], [0, 1, 2], [1, 0.5, 1e8]);
    expect(g.slopeSe).toBeCloseTo(1 / Math.sqrt(0.8), 10);
  });

  it('refuses mismatched lengths', () => {
    expect(() => weightedLinearFit([1, 2, 3], [1, 2, 3], [1, 1])).toThrow('weightedLinearFit: y, se must have the length of x (3, 2 != 3)');
  });
});

describe('slopeThroughOrigin', () => {
  it('b = sum x y / sum x^2', () => {
    expect(slopeThroughOrigin([1, 2, 3], [2, 4, 6])).toBeCloseTo(2, 15);
    expect(slopeThroughOrigin([1, 2], [1, 0])).toBeCloseTo(1 / 5, 15);
    expect(() => slopeThroughOrigin([1], [])).toThrow('slopeThroughOrigin: y must have the length of x (0 != 1)');
  });
});
