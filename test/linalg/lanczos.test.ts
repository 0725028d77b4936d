/** Covers src/linalg/lanczos.ts: extreme eigenvalues of a Hermitian operator given as a matrix-vector product. */
import { describe, expect, it } from 'vitest';
import { type CMat, cvec, matvec } from '../../src/linalg/cmatrix.ts';
import { eigvalsh } from '../../src/linalg/eigh.ts';
import { type HermitianOperator, lanczosExtremes, ritzExtremes } from '../../src/linalg/lanczos.ts';
import { makeRng, randomHermitian } from './random-matrices.ts';

/** The operator x -> A x of a dense matrix. */
function denseOperator(a: CMat): HermitianOperator {
  return (xre, xim, yre, yim) => {
    const v = cvec(a.cols);
    v.re.set(xre);
    v.im.set(xim);
    const y = matvec(a, v);
    yre.set(y.re);
    yim.set(y.im);
  };
}

/** x -> diag(values) x. */
function diagonalOperator(values: readonly number[]): HermitianOperator {
  return (xre, xim, yre, yim) => {
    for (let i = 0; i < values.length; i++) {
      yre[i] = values[i] * xre[i];
      yim[i] = values[i] * xim[i];
    }
  };
}

describe('lanczosExtremes', () => {
  it('exact case: diag(-3, 1, 2, 5) gives min -3, max 5, norm 5 within n = 4 steps', () => {
    const r = lanczosExtremes(4, diagonalOperator([-3, 1, 2, 5]));
    expect(Math.abs(r.min + 3)).toBeLessThan(1e-13);
    expect(Math.abs(r.max - 5)).toBeLessThan(1e-13);
    expect(r.norm).toBeCloseTo(5, 13);
    expect(r.iterations).toBeLessThanOrEqual(4);
  });

  it('an invariant Krylov space ends the iteration: 2 I + e_0 e_0^T has two distinct eigenvalues, found in 2 steps', () => {
    const values = Array.from({ length: 50 }, (_, i) => (i === 0 ? 3 : 2));
    const r = lanczosExtremes(50, diagonalOperator(values));
    expect(r.iterations).toBe(2);
    expect(Math.abs(r.min - 2)).toBeLessThan(1e-13);
    expect(Math.abs(r.max - 3)).toBeLessThan(1e-13);
    expect(r.residualMin).toBe(0);
  });

  it('agrees with the dense eigenvalues of random Hermitian matrices (n = 10, 40, 90) to 1e-10 relative', () => {
    const rng = makeRng(17);
    for (const n of [10, 40, 90]) {
      const a = randomHermitian(rng, n);
      const ev = eigvalsh(a);
      const r = lanczosExtremes(n, denseOperator(a));
      const scale = Math.max(Math.abs(ev[0]), Math.abs(ev[n - 1]));
      expect(Math.abs(r.min - ev[0]) / scale, `n=${n}`).toBeLessThan(1e-10);
      expect(Math.abs(r.max - ev[n - 1]) / scale, `n=${n}`).toBeLessThan(1e-10);
      expect(r.norm).toBe(Math.max(Math.abs(r.min), Math.abs(r.max)));
      expect(r.iterations).toBeLessThanOrEqual(n);
    }
  });

  it('the same seed gives the same numbers; another start vector the same extremes', () => {
    const a = randomHermitian(makeRng(5), 30);
    const op = denseOperator(a);
    expect(lanczosExtremes(30, op, { seed: 9 })).toEqual(lanczosExtremes(30, op, { seed: 9 }));
    expect(lanczosExtremes(30, op, { seed: 10 }).max).toBeCloseTo(lanczosExtremes(30, op, { seed: 9 }).max, 9);
  });

  it('throws when the iteration cap is reached before convergence', () => {
    const a = randomHermitian(makeRng(3), 40);
    expect(() => lanczosExtremes(40, denseOperator(a), { maxIter: 3 })).toThrow(/Lanczos did not converge in 3 iterations/);
  });
});

describe('ritzExtremes', () => {
  it('tridiagonal [[2, 1], [1, 2]]: Ritz values 1 and 3, residual bounds |b| / sqrt(2)', () => {
    const r = ritzExtremes([2, 2], [1], 0.5, 2);
    expect(r.min).toBeCloseTo(1, 14);
    expect(r.max).toBeCloseTo(3, 14);
    expect(r.norm).toBeCloseTo(3, 14);
    expect(r.iterations).toBe(2);
    expect(r.residualMin).toBeCloseTo(0.5 / Math.SQRT2, 14);
    expect(r.residualMax).toBeCloseTo(0.5 / Math.SQRT2, 14);
    expect(ritzExtremes([2, 2], [1], 0, 2).residualMax).toBe(0);
  });
});
