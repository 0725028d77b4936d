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
