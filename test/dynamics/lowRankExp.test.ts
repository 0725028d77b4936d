/**
 * Covers src/dynamics/lowRankExp.ts: exp(F) of a low-rank anti-Hermitian F = X V^dag - V X^dag in the
 * form I + Q G Q^dag, against the dense exponential and the dense conjugation E M E^dag; dependent
 * directions; the orthonormal basis of a span.
 */
import { describe, expect, it } from 'vitest';
import { conjugateLowRank, lowRankSkewExp, lowRankUnitaryDense, orthonormalRows, skewFromFactors } from '../../src/dynamics/lowRankExp.ts';
import {
  adjoint, EPS, frobeniusNorm, identity, matmul, maxAbs, maxAbsDiff, scale, unitaryDeviation, zeros,
} from '../../src/linalg/cmatrix.ts';
import { expmAntiHermitian } from '../../src/linalg/expm.ts';
import { makeRng } from '../../src/random/rng.ts';
import { ginibre, gue, orthonormalStates } from '../../src/random/ensembles.ts';

describe('(b) low-rank exponential', () => {
  it('matches the dense exp and the dense conjugation E M E^dag', () => {
    for (const [d, p, seed] of [[6, 1, 21], [10, 3, 22], [16, 4, 23]] as const) {
      const rng = makeRng(seed);
      const V = orthonormalStates(rng, p, d);
      const X = scale(ginibre(rng, p, d), 0.7);
      const F = skewFromFactors(X, V);
      expect(maxAbsDiff(F, scale(adjoint(F), -1))).toBeLessThanOrEqual(4 * EPS * maxAbs(F));
      const e = lowRankSkewExp(X, V);
      expect(e.q.rows).toBe(Math.min(2 * p, d));
      const Edense = expmAntiHermitian(F, 1);
      const El = lowRankUnitaryDense(e);
      const tolE = 64 * EPS * d * Math.max(1, frobeniusNorm(F));
      expect(maxAbsDiff(El, Edense)).toBeLessThanOrEqual(tolE);
      expect(unitaryDeviation(El)).toBeLessThanOrEqual(16 * EPS * d);
      const M = gue(rng, d);
      const conj = conjugateLowRank(e, M);
      const ref = matmul(matmul(Edense, M), adjoint(Edense));
      expect(maxAbsDiff(conj, ref)).toBeLessThanOrEqual(tolE * frobeniusNorm(M));
      expect(maxAbsDiff(conj, adjoint(conj))).toBe(0);
      // The conjugation is the one by E (not E^dag): E^dag M E differs at O(||F||).
      const wrong = matmul(matmul(adjoint(Edense), M), Edense);
      expect(maxAbsDiff(conj, wrong)).toBeGreaterThan(1e3 * tolE * frobeniusNorm(M));
    }
  });

  it('drops dependent directions (x_j in span{v}) and still equals the dense exp', () => {
    const rng = makeRng(24);
    const d = 9, p = 3;
    const V = orthonormalStates(rng, p, d);
    // x_j = c_j v_j + 0 * (anything): F = sum (c_j - conj c_j) v_j v_j^dag, rank p.
    const X = zeros(p, d);
    for (let j = 0; j < p; j++) {
      for (let c = 0; c < d; c++) {
        X.re[j * d + c] = 0.3 * V.re[j * d + c] - 1.1 * V.im[j * d + c];
        X.im[j * d + c] = 0.3 * V.im[j * d + c] + 1.1 * V.re[j * d + c];
      }
    }
    const e = lowRankSkewExp(X, V);
    expect(e.q.rows).toBe(p);
    const F = skewFromFactors(X, V);
    expect(maxAbsDiff(lowRankUnitaryDense(e), expmAntiHermitian(F, 1))).toBeLessThanOrEqual(64 * EPS * d * Math.max(1, frobeniusNorm(F)));
    // Zero factor: E = I.
    const e0 = lowRankSkewExp(zeros(p, d), V);
    expect(maxAbsDiff(lowRankUnitaryDense(e0), identity(d))).toBe(0);
  });

  it('orthonormalRows returns an orthonormal basis of the span', () => {
    const rng = makeRng(25);
    const d = 12;
    const a = ginibre(rng, 4, d);
    // rows 4..5 are combinations of rows 0..3: rank 4.
    const b = zeros(6, d);
    b.re.set(a.re, 0);
    b.im.set(a.im, 0);
    for (let c = 0; c < d; c++) {
      b.re[4 * d + c] = a.re[c] - 2 * a.re[3 * d + c];
      b.im[4 * d + c] = a.im[c] - 2 * a.im[3 * d + c];
      b.re[5 * d + c] = 1e-3 * a.re[d + c];
      b.im[5 * d + c] = 1e-3 * a.im[d + c];
    }
    const q = orthonormalRows(b);
    expect(q.rows).toBe(4);
    expect(maxAbsDiff(matmul(q, adjoint(q)), identity(4))).toBeLessThanOrEqual(8 * EPS * d);
  });
});

describe('low-rank exponential: generic factors, the empty case, input checks', () => {
  it('non-orthonormal v (Q^dag v is not [I; 0]): still the dense exp and conjugation', () => {
    const rng = makeRng(26);
    // p = 3: with Q from Gram-Schmidt of [v; x], Im(q_c^dag v_j) != 0 needs j > c, and the entries r < c of C
    // see it only from p = 3 on
    const d = 7, p = 3;
    const X = ginibre(rng, p, d), V = scale(ginibre(rng, p, d), 0.6);
    const e = lowRankSkewExp(X, V);
    const F = skewFromFactors(X, V);
    const Edense = expmAntiHermitian(F, 1);
    const tolE = 64 * EPS * d * Math.max(1, frobeniusNorm(F));
    expect(maxAbsDiff(lowRankUnitaryDense(e), Edense)).toBeLessThanOrEqual(tolE);
    const M = gue(rng, d);
    expect(maxAbsDiff(conjugateLowRank(e, M), matmul(matmul(Edense, M), adjoint(Edense)))).toBeLessThanOrEqual(tolE * frobeniusNorm(M));
  });

  it('basis vectors with real, purely imaginary and zero entries: the conjugation skips only coefficients that are exactly 0', () => {
    // Q from real factors is real (Im = 0 in every entry), from purely imaginary V and real X it mixes both,
    // and factors supported on the first coordinates leave exact zeros in Q.
    const rng = makeRng(28);
    const d = 5, p = 2;
    const real = (a: ReturnType<typeof ginibre>) => ({ ...a, im: new Float64Array(a.im.length) });
    const imag = (a: ReturnType<typeof ginibre>) => ({ ...a, re: new Float64Array(a.re.length) });
    const sparse = (a: ReturnType<typeof ginibre>) => {
      const b = { ...a, re: a.re.slice(), im: a.im.slice() };
      for (let j = 0; j < p; j++) for (const c of [3, 4]) { b.re[j * d + c] = 0; b.im[j * d + c] = 0; }
      return b;
    };
    for (const [X, V] of [
      [real(ginibre(rng, p, d)), real(ginibre(rng, p, d))],
      [real(ginibre(rng, p, d)), imag(ginibre(rng, p, d))],
      [imag(ginibre(rng, p, d)), imag(ginibre(rng, p, d))],
      [sparse(ginibre(rng, p, d)), sparse(ginibre(rng, p, d))],
    ]) {
      const e = lowRankSkewExp(X, V);
      const Edense = expmAntiHermitian(skewFromFactors(X, V), 1);
      const tolE = 64 * EPS * d * Math.max(1, frobeniusNorm(skewFromFactors(X, V)));
      const M = gue(rng, d);
      expect(maxAbsDiff(conjugateLowRank(e, M), matmul(matmul(Edense, M), adjoint(Edense)))).toBeLessThanOrEqual(tolE * frobeniusNorm(M));
    }
  });

  it('F = 0 from zero factors: an empty basis, E = I, and the conjugation returns M', () => {
    const e = lowRankSkewExp(zeros(2, 5), zeros(2, 5));
    expect([e.q.rows, e.g.rows, e.g.cols]).toEqual([0, 0, 0]);
    expect(maxAbsDiff(lowRankUnitaryDense(e), identity(5))).toBe(0);
    const M = gue(makeRng(27), 5);
    expect(maxAbsDiff(conjugateLowRank(e, M), M)).toBe(0);
  });

  it('names the parameter and the condition of each bad input', () => {
    expect(() => lowRankSkewExp(zeros(2, 3), zeros(2, 4))).toThrow('lowRankSkewExp: x shape 2x3 != v shape 2x4');
    expect(() => lowRankSkewExp(zeros(1, 3), zeros(2, 3))).toThrow('lowRankSkewExp: x shape 1x3 != v shape 2x3');
    expect(() => skewFromFactors(zeros(2, 3), zeros(2, 4))).toThrow('skewFromFactors: x shape 2x3 != v shape 2x4');
    expect(() => skewFromFactors(zeros(1, 3), zeros(2, 3))).toThrow('skewFromFactors: x shape 1x3 != v shape 2x3');
    const bad = zeros(1, 3);
    bad.re[2] = Number.NaN;
    expect(() => skewFromFactors(bad, zeros(1, 3))).toThrow('skewFromFactors: x.re has a non-finite entry at index 2 (NaN)');
    const e = lowRankSkewExp(ginibre(makeRng(28), 1, 4), ginibre(makeRng(29), 1, 4));
    expect(() => conjugateLowRank(e, zeros(3, 3))).toThrow('conjugateLowRank: m must be 4x4 (got 3x3)');
    expect(() => conjugateLowRank(e, zeros(4, 3))).toThrow('conjugateLowRank: m must be 4x4 (got 4x3)');
    expect(() => conjugateLowRank(e, zeros(3, 4))).toThrow('conjugateLowRank: m must be 4x4 (got 3x4)');
  });
});

describe('orthonormalRows: dropping and re-orthogonalising', () => {
  it('the basis is exactly k x d (no spare rows)', () => {
    const q = orthonormalRows(zeros(3, 4));
    expect([q.rows, q.re.length, q.im.length]).toEqual([0, 0, 0]);
    const q2 = orthonormalRows(ginibre(makeRng(30), 3, 5));
    expect([q2.rows, q2.re.length, q2.im.length]).toEqual([3, 15, 15]);
  });

  it('the drop test is relative to the vector and scaled by d: a residual of 3e-15 |w| at d = 64 is dropped at any scale', () => {
    const d = 64, rng = makeRng(31);
    for (const s of [1e-6, 1, 1e6]) {
      const a = scale(ginibre(rng, 1, d), s), b = zeros(2, d);
      b.re.set(a.re, 0);
      b.im.set(a.im, 0);
      const nrm = frobeniusNorm(a);
      for (let c = 0; c < d; c++) {
        b.re[d + c] = a.re[c];
        b.im[d + c] = a.im[c];
      }
      b.im[d + 5] += 3e-15 * nrm; // residual 3e-15 |w| < d EPS |w| = 1.4e-14 |w|
      expect(orthonormalRows(b).rows).toBe(1);
      b.im[d + 5] += 1e-12 * nrm; // residual 1e-12 |w|: kept
      expect(orthonormalRows(b).rows).toBe(2);
    }
  });

  it('a nearly dependent vector (residual 1e-8 |w|) is re-orthogonalised: Q Q^dag = I to rounding', () => {
    const d = 16, rng = makeRng(32);
    const a = ginibre(rng, 3, d), w = ginibre(rng, 1, d), b = zeros(4, d);
    b.re.set(a.re, 0);
    b.im.set(a.im, 0);
    for (let c = 0; c < d; c++) { // row 3 = row 0 - 2 row 1 + 1e-8 w
      b.re[3 * d + c] = a.re[c] - 2 * a.re[d + c] + 1e-8 * w.re[c];
      b.im[3 * d + c] = a.im[c] - 2 * a.im[d + c] + 1e-8 * w.im[c];
    }
    const q = orthonormalRows(b);
    expect(q.rows).toBe(4);
    expect(maxAbsDiff(matmul(q, adjoint(q)), identity(4))).toBeLessThanOrEqual(8 * EPS * d);
  });
});

