/**
 * Covers src/stats/distributions.ts. Reference values: 30-digit evaluations of the normal CDF and of the Student t
 * CDF as a regularized incomplete beta function, I_{nu/(nu+t^2)}(nu/2, 1/2) / 2 = P(T > t), rounded to 17 digits.
 */
import { describe, expect, it } from 'vitest';
import { normalCdf, normalPdf, normalQuantile, studentTCdf, studentTQuantile } from '../../src/stats/distributions.ts';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('normal law', () => {
  it('CDF against reference values, with relative accuracy in the lower tail', () => {
    const cases: [number, number][] = [
      [-1, 0.15865525393145705], [-3, 0.0013498980316300945], [-5, 2.8665157187919391e-7], [-6, 9.8658764503769814e-10],
      [-10, 7.6198530241605261e-24],
    ];
    for (const [x, p] of cases) expect(rel(normalCdf(x), p)).toBeLessThan(1e-13);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1) + normalCdf(-1)).toBeCloseTo(1, 15);
    // The series (|x| < 3) to 1e-15 absolute, on both sides of the switch to the continued fraction at |x| = 3.
    const series: [number, number][] = [[-2.9999999, 0.0013498984748150022], [-2.5, 0.0062096653257761352], [-1.5, 0.066807201268858066]];
    for (const [x, p] of series) expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-15);
    expect(rel(normalCdf(-3.0000001), 0.0013498975884453198)).toBeLessThan(1e-14);
    expect(rel(normalPdf(0), 1 / Math.sqrt(2 * Math.PI))).toBeLessThan(4 * Number.EPSILON);
    expect(rel(normalPdf(2), Math.exp(-2) / Math.sqrt(2 * Math.PI))).toBeLessThan(4 * Number.EPSILON);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
  });

  it('quantile: 1.959963984540054 at 0.975, -3.7190164854556806 at 1e-4, and the inverse of the CDF', () => {
    expect(rel(normalQuantile(0.975), 1.9599639845400542)).toBeLessThan(1e-14);
    expect(rel(normalQuantile(1e-4), -3.7190164854556806)).toBeLessThan(1e-14);
    expect(normalQuantile(0.5)).toBe(0);
    for (const p of [1e-12, 0.01, 0.3, 0.7, 0.999]) expect(rel(normalCdf(normalQuantile(p)), p)).toBeLessThan(1e-12);
  });

  it('refuses NaN and probabilities outside (0, 1)', () => {
    expect(() => normalCdf(NaN)).toThrow('normalCdf: x must not be NaN');
    expect(() => normalQuantile(1)).toThrow('normalQuantile: p must be in (0, 1) (got 1)');
    expect(() => normalQuantile(0)).toThrow(/normalQuantile: p/);
  });
});

describe('Student t', () => {
  it('quantiles against reference values for odd, even and large nu', () => {
    const cases: [number, number, number][] = [
      [0.975, 2, 4.3026527297494618], [0.975, 3, 3.1824463052837084], [0.9, 4, 1.5332062740589441], [0.999, 7, 4.7852896286383333],
      [0.975, 30, 2.0422724563012379], [0.975, 1000, 1.9623390808264081],
    ];
    for (const [p, nu, t] of cases) {
      expect(rel(studentTQuantile(p, nu), t)).toBeLessThan(1e-13);
      expect(rel(studentTQuantile(1 - p, nu), -t)).toBeLessThan(1e-13);
    }
  });

  it('closed forms: nu = 1 (Cauchy) t = tan(pi (p - 1/2)), nu = 2 t = (2p - 1) / sqrt(2 p (1 - p))', () => {
    for (const p of [0.6, 0.9, 0.975, 0.999]) {
      expect(rel(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)))).toBeLessThan(1e-13);
      expect(rel(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)))).toBeLessThan(1e-13);
    }
    expect(rel(1 - studentTCdf(1.5, 5), 0.096951840121236716)).toBeLessThan(1e-13);
    expect(studentTCdf(0, 9)).toBe(0.5);
    expect(studentTCdf(Infinity, 3)).toBe(1);
    expect(studentTCdf(-Infinity, 3)).toBe(0);
  });

  it('tends to the normal law as nu grows', () => {
    expect(Math.abs(studentTQuantile(0.975, 100000) - normalQuantile(0.975))).toBeLessThan(1e-4);
  });

  it('refuses a non-integer or non-positive nu', () => {
    expect(() => studentTQuantile(0.9, 2.5)).toThrow('studentTQuantile: nu must be an integer >= 1 (got 2.5)');
    expect(() => studentTCdf(1, 0)).toThrow('studentTCdf: nu must be an integer >= 1 (got 0)');
    expect(() => studentTQuantile(1.5, 3)).toThrow(/studentTQuantile: p must be in \(0, 1\)/);
  });
});
