/**
 * Covers src/linalg against independent implementations: ml-matrix's real symmetric
 * eigensolver on the real embedding [[A, -B], [B, A]] of A + iB (each eigenvalue of the
 * Hermitian appears twice), and complex.js scalar arithmetic for products, Kronecker
 * products and commutators (one object per scalar: fine for an oracle, never in src/).
 */
import { Complex } from 'complex.js';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { CMat, commutator, EPS, kron, matmul, maxAbs } from '../../src/linalg/cmatrix.ts';
import { eigvalsh } from '../../src/linalg/eigh.ts';
import { ginibre, gue, randomHermitianWithSpectrum } from '../../src/random/ensembles.ts';
import { makeRng } from '../../src/random/rng.ts';

type C = Complex;

function toComplex(a: CMat): C[][] {
  return Array.from({ length: a.rows }, (_, i) => Array.from({ length: a.cols }, (_, j) => new Complex(a.re[i * a.cols + j], a.im[i * a.cols + j])));
}

function oracleMatmul(a: C[][], b: C[][]): C[][] {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, x, k) => s.add(x.mul(b[k][j])), new Complex(0, 0))));
}

function maxDiff(a: CMat, o: C[][]): number {
  let s = 0;
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) {
    s = Math.max(s, o[i][j].sub(new Complex(a.re[i * a.cols + j], a.im[i * a.cols + j])).abs());
  }
  return s;
}

describe('oracle: complex.js scalar arithmetic', () => {
  it('matmul, kron and commutator agree to rounding (64 EPS n max|a| max|b|)', () => {
    const rng = makeRng(21);
    for (const n of [1, 3, 7]) {
      const a = ginibre(rng, n, n), b = ginibre(rng, n, n);
      const ca = toComplex(a), cb = toComplex(b);
      const tol = 64 * EPS * n * maxAbs(a) * maxAbs(b);
      expect(maxDiff(matmul(a, b), oracleMatmul(ca, cb))).toBeLessThan(tol);
      const ab = oracleMatmul(ca, cb), ba = oracleMatmul(cb, ca);
      expect(maxDiff(commutator(a, b), ab.map((r, i) => r.map((x, j) => x.sub(ba[i][j]))))).toBeLessThan(2 * tol);
      const k = kron(a, b);
      let worst = 0;
      for (let i = 0; i < n * n; i++) for (let j = 0; j < n * n; j++) {
        const x = ca[Math.floor(i / n)][Math.floor(j / n)].mul(cb[i % n][j % n]);
        worst = Math.max(worst, x.sub(new Complex(k.re[i * n * n + j], k.im[i * n * n + j])).abs());
      }
      expect(worst).toBeLessThan(tol);
    }
  });
});

describe('oracle: ml-matrix eigenvalues of the real embedding', () => {
  it('eigvalsh agrees with ml-matrix (every eigenvalue doubled), also for a degenerate spectrum', () => {
    const rng = makeRng(22);
    const cases = [gue(rng, 6), gue(rng, 12), randomHermitianWithSpectrum(rng, [1, 1, 1, -1, -1, -1, 0, 0])];
    for (const h of cases) {
      const n = h.rows;
      const emb = Matrix.zeros(2 * n, 2 * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
        const re = h.re[i * n + j], im = h.im[i * n + j];
        emb.set(i, j, re);
        emb.set(i + n, j + n, re);
        emb.set(i, j + n, -im);
        emb.set(i + n, j, im);
      }
      const ref = new EigenvalueDecomposition(emb, { assumeSymmetric: true }).realEigenvalues.slice().sort((x, y) => x - y);
      const ours = Array.from(eigvalsh(h));
      const tol = 256 * EPS * n * maxAbs(h) * n;
      for (let i = 0; i < n; i++) {
        expect(Math.abs(ref[2 * i] - ours[i])).toBeLessThan(tol);
        expect(Math.abs(ref[2 * i + 1] - ours[i])).toBeLessThan(tol);
      }
    }
  });
});
