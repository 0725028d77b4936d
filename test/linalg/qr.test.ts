import { describe, it, expect } from 'vitest';
import {
  type CMat, type Complex, EPS, adjoint, diag, frobeniusNorm, fromArrays, identity, matmul, maxAbsDiff, swap,
  unitaryDeviation, zeros,
} from '../../src/linalg/cmatrix.ts';
import { det, qr, reflector, solve } from '../../src/linalg/qr.ts';
import { makeRng, randomMatrix } from './random-matrices.ts';

const cmul = (a: Complex, b: Complex): Complex => ({ re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re });
const cabs = (a: Complex): number => Math.hypot(a.re, a.im);

/** q^dag q = I, q r = a, r upper triangular with real non-negative diagonal. */
function expectValidQr(a: CMat): { q: CMat; r: CMat } {
  const { q, r } = qr(a);
  const m = a.rows, n = a.cols;
  expect([q.rows, q.cols, r.rows, r.cols]).toEqual([m, n, n, n]);
  expect(maxAbsDiff(matmul(adjoint(q), q), identity(n))).toBeLessThan(20 * EPS * m);
  expect(maxAbsDiff(matmul(q, r), a)).toBeLessThanOrEqual(20 * EPS * m * frobeniusNorm(a));
  for (let i = 0; i < n; i++) {
    expect(r.im[i * n + i]).toBe(0);
    expect(r.re[i * n + i]).toBeGreaterThanOrEqual(0);
    for (let j = 0; j < i; j++) expect(r.re[i * n + j] === 0 && r.im[i * n + j] === 0).toBe(true);
  }
  return { q, r };
}

const rng = makeRng(31337);

describe('qr', () => {
  it('random square, tall and single-column matrices', () => {
    for (const [m, n] of [[1, 1], [5, 5], [40, 40], [12, 4], [7, 1]]) expectValidQr(randomMatrix(rng, m, n));
  });
  it('identity, and a complex diagonal: q carries the phases, r the moduli', () => {
    const { q, r } = expectValidQr(identity(4));
    expect(maxAbsDiff(q, identity(4))).toBe(0);
    expect(maxAbsDiff(r, identity(4))).toBe(0);
    const d = fromArrays([[-2, 0], [0, 0]], [[0, 0], [0, 3]]); // diag(-2, 3i)
    const f = expectValidQr(d);
    expect(maxAbsDiff(f.r, diag([2, 3]))).toBeLessThan(4 * EPS * 3);
    expect(maxAbsDiff(f.q, fromArrays([[-1, 0], [0, 0]], [[0, 0], [0, 1]]))).toBeLessThan(4 * EPS);
  });
  it('rank-deficient input (a zero column and a repeated column)', () => {
    const a = randomMatrix(rng, 6, 4);
    for (let i = 0; i < 6; i++) {
      a.re[i * 4 + 1] = a.im[i * 4 + 1] = 0;
      a.re[i * 4 + 3] = a.re[i * 4 + 0];
      a.im[i * 4 + 3] = a.im[i * 4 + 0];
    }
    const { r } = expectValidQr(a);
    expect(r.re[1 * 4 + 1]).toBe(0);
    expect(r.re[3 * 4 + 3]).toBeLessThan(20 * EPS * 6 * frobeniusNorm(a));
  });
  it('a zero leading entry with a non-zero tail: [[0, 1], [1, 0]] = q r with q = a, r = I', () => {
    const a = fromArrays([[0, 1], [1, 0]]);
    const { q, r } = expectValidQr(a);
    expect(maxAbsDiff(q, a)).toBeLessThan(4 * EPS);
    expect(maxAbsDiff(r, identity(2))).toBeLessThan(4 * EPS);
    expectValidQr(fromArrays([[0, 2], [0, 1], [3, 0]], [[0, 0], [4, 0], [0, 1]]));
  });
  it('square Ginibre input gives a unitary q', () => {
    const n = 64;
    expect(unitaryDeviation(qr(randomMatrix(rng, n)).q)).toBeLessThan(20 * EPS * n);
  });
  it('rejects wide and non-finite input', () => {
    expect(() => qr(zeros(2, 3))).toThrow('qr: a must have rows >= cols (got 2x3)');
    const bad = zeros(3, 2);
    bad.re[4] = Infinity;
    expect(() => qr(bad)).toThrow('qr: a.re has a non-finite entry at index 4 (Infinity)');
    const badIm = zeros(3, 2);
    badIm.im[1] = NaN;
    expect(() => qr(badIm)).toThrow('qr: a.im has a non-finite entry at index 1 (NaN)');
  });
});

describe('det', () => {
  it('known matrices', () => {
    expect(det(fromArrays([[1, 2], [3, 4]]))).toEqual({ re: -2, im: 0 });
    const c = det(fromArrays([[0, 1], [2, 3]], [[1, 0], [0, 0]])); // [[i, 1], [2, 3]]: 3i - 2
    expect(cabs({ re: c.re + 2, im: c.im - 3 })).toBeLessThan(20 * EPS * 4);
    expect(det(identity(7))).toEqual({ re: 1, im: 0 });
    expect(det(swap(2))).toEqual({ re: -1, im: 0 });
    expect(cabs(det(fromArrays([[1, 2], [2, 4]])))).toBe(0);
    expect(det(zeros(0))).toEqual({ re: 1, im: 0 });
    const d = det(fromArrays([[2, 0, 0], [0, 0, 0], [0, 0, -1]], [[0, 0, 0], [0, 3, 0], [0, 0, 0]])); // 2 * 3i * -1
    expect(cabs({ re: d.re, im: d.im + 6 })).toBeLessThan(20 * EPS * 6);
  });
  it('det(ab) = det(a) det(b), det(a^dag) = conj(det(a)), |det(unitary)| = 1', () => {
    const n = 8, a = randomMatrix(rng, n), b = randomMatrix(rng, n);
    const da = det(a), db = det(b), dab = det(matmul(a, b)), prod = cmul(da, db);
    expect(cabs({ re: dab.re - prod.re, im: dab.im - prod.im })).toBeLessThan(100 * EPS * n * cabs(prod));
    const dh = det(adjoint(a));
    expect(cabs({ re: dh.re - da.re, im: dh.im + da.im })).toBeLessThan(100 * EPS * n * cabs(da));
    expect(Math.abs(cabs(det(qr(randomMatrix(rng, n)).q)) - 1)).toBeLessThan(20 * EPS * n);
  });
  it('rejects non-square and non-finite input', () => {
    expect(() => det(zeros(2, 3))).toThrow('det: a must be square (got 2x3)');
    const bad = identity(2);
    bad.im[0] = NaN;
    expect(() => det(bad)).toThrow('det: a.im has a non-finite entry at index 0 (NaN)');
    const badRe = identity(2);
    badRe.re[3] = -Infinity;
    expect(() => det(badRe)).toThrow('det: a.re has a non-finite entry at index 3 (-Infinity)');
  });
  it('a zero column gives det = 0 exactly (no pivot to divide by)', () => {
    expect(det(fromArrays([[0, 1], [0, 2]]))).toEqual({ re: 0, im: 0 });
    const d = det(fromArrays([[1, 0, 2], [3, 0, 4], [5, 0, 7]], [[0, 0, 1], [1, 0, 0], [0, 0, 0]]));
    expect(Math.abs(d.re) + Math.abs(d.im)).toBe(0);
  });
});

describe('solve', () => {
  it('known 2x2 system', () => {
    const x = solve(fromArrays([[2, 1], [1, 3]]), fromArrays([[3], [5]]));
    expect(maxAbsDiff(x, fromArrays([[0.8], [1.4]]))).toBeLessThan(20 * EPS * 2 * 2);
  });
  it('random systems: small residual, several right-hand sides', () => {
    for (const [n, k] of [[1, 1], [10, 3], [50, 2]]) {
      const a = randomMatrix(rng, n), b = randomMatrix(rng, n, k), x = solve(a, b);
      expect([x.rows, x.cols]).toEqual([n, k]);
      const res = maxAbsDiff(matmul(a, x), b);
      expect(res).toBeLessThan(100 * EPS * n * frobeniusNorm(a) * frobeniusNorm(x));
    }
  });
  it('needs pivoting: [[0, 1], [1, 0]] x = b', () => {
    const x = solve(fromArrays([[0, 1], [1, 0]]), fromArrays([[2], [7]]));
    expect(maxAbsDiff(x, fromArrays([[7], [2]]))).toBe(0);
  });
  it('rejects singular and mis-shaped input', () => {
    expect(() => solve(fromArrays([[1, 2], [2, 4]]), fromArrays([[1], [1]]))).toThrow(/^solve: a is singular to working precision/);
    expect(() => solve(zeros(3), zeros(3, 1))).toThrow(/^solve: a is singular to working precision/);
    expect(() => solve(zeros(2, 3), zeros(2, 1))).toThrow('solve: a must be square (got 2x3)');
    expect(() => solve(identity(2), zeros(3, 1))).toThrow('solve: b.rows (3) != a.rows (2)');
    const bad = zeros(2, 1);
    bad.re[1] = NaN;
    expect(() => solve(identity(2), bad)).toThrow('solve: b.re has a non-finite entry at index 1 (NaN)');
    const badA = identity(2);
    badA.re[2] = NaN;
    expect(() => solve(badA, zeros(2, 1))).toThrow('solve: a.re has a non-finite entry at index 2 (NaN)');
    badA.re[2] = 0;
    badA.im[3] = Infinity;
    expect(() => solve(badA, zeros(2, 1))).toThrow('solve: a.im has a non-finite entry at index 3 (Infinity)');
    const badB = zeros(2, 1);
    badB.im[0] = NaN;
    expect(() => solve(identity(2), badB)).toThrow('solve: b.im has a non-finite entry at index 0 (NaN)');
  });
  it('the singularity threshold scales with max|a_ij|: pivot / scale = 1e-20 is singular at any scale', () => {
    for (const s of [1e-8, 1, 1e8]) {
      expect(() => solve(fromArrays([[s, 0], [0, s * 1e-20]]), fromArrays([[1], [1]]))).toThrow(/^solve: a is singular to working precision/);
      expect(() => solve(fromArrays([[s, 0], [0, s * 1e-12]]), fromArrays([[1], [1]]))).not.toThrow();
    }
  });
});

describe('reflector', () => {
  // (I - u u^dag / h) y with y = x or conj(x), from the u the reflector wrote
  const apply = (ur: Float64Array, ui: Float64Array, h: number, yr: number[], yi: number[]): [number[], number[]] => {
    let sr = 0, si = 0; // u^dag y
    for (let i = 0; i < yr.length; i++) {
      sr += ur[i] * yr[i] + ui[i] * yi[i];
      si += ur[i] * yi[i] - ui[i] * yr[i];
    }
    return [yr.map((y, i) => y - (ur[i] * sr - ui[i] * si) / h), yi.map((y, i) => y - (ur[i] * si + ui[i] * sr) / h)];
  };
  for (const conj of [false, true]) {
    it(`maps ${conj ? 'conj(x)' : 'x'} to -phase(x0) ||x|| e1 (x read with a stride)`, () => {
      // x = (1 + i, 2 - i, -0.5 + 3i) stored with stride 2 after an offset of 1
      const xr = Float64Array.from([9, 1, 9, 2, 9, -0.5]), xi = Float64Array.from([9, 1, 9, -1, 9, 3]);
      const yr = [1, 2, -0.5], yi = conj ? [-1, 1, -3] : [1, -1, 3];
      const ur = new Float64Array(3), ui = new Float64Array(3);
      const [alpha, h] = reflector(xr, xi, 1, 2, 3, conj, ur, ui);
      const norm = Math.hypot(1, 1, 2, 1, 0.5, 3);
      expect(alpha).toBeCloseTo(norm, 14);
      const [zr, zi] = apply(ur, ui, h, yr, yi);
      const p0 = Math.hypot(yr[0], yi[0]);
      expect(zr[0]).toBeCloseTo((-yr[0] / p0) * norm, 14);
      expect(zi[0]).toBeCloseTo((-yi[0] / p0) * norm, 14);
      for (let i = 1; i < 3; i++) expect(Math.abs(zr[i]) + Math.abs(zi[i])).toBeLessThan(16 * EPS * norm);
    });
  }
});

