import { describe, it, expect } from 'vitest';
import {
  type CMat, EPS, adjoint, diag, frobeniusNorm, fromArrays, identity, matmul, maxAbs, maxAbsDiff,
  scale, unitaryDeviation, zeros,
} from '../../src/linalg/cmatrix.ts';
import { eigh, eigvalsh, hermitianTolerance, lambdaMax, lambdaMin, tridiagonalEig } from '../../src/linalg/eigh.ts';
import { qr } from '../../src/linalg/qr.ts';
import { makeRng, type Rng, randomMatrix, randomHermitian } from './random-matrices.ts';

const randomUnitary = (rng: Rng, n: number): CMat => qr(randomMatrix(rng, n)).q;

/** Checks a = V diag(values) V^dag, V unitary, values ascending; tolerances c * EPS * n * ||a||. */
function expectValidEigh(a: CMat, norm = frobeniusNorm(a)): { values: Float64Array; vectors: CMat } {
  const n = a.rows;
  const { values, vectors } = eigh(a);
  expect(values.length).toBe(n);
  expect([vectors.rows, vectors.cols]).toEqual([n, n]);
  for (let i = 1; i < n; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
  if (n === 0) return { values, vectors };
  expect(unitaryDeviation(vectors)).toBeLessThan(20 * EPS * n);
  const back = matmul(matmul(vectors, diag(values)), adjoint(vectors));
  expect(maxAbsDiff(back, a)).toBeLessThanOrEqual(20 * EPS * n * norm);
  return { values, vectors };
}

const rng = makeRng(7);
const pauliX = fromArrays([[0, 1], [1, 0]]);
const pauliY = fromArrays([[0, 0], [0, 0]], [[0, -1], [1, 0]]);
const pauliZ = diag([1, -1]);

describe('eigh: known spectra', () => {
  it('Pauli matrices have eigenvalues -1, 1', () => {
    for (const p of [pauliX, pauliY, pauliZ]) {
      const { values } = expectValidEigh(p);
      expect(Math.abs(values[0] + 1)).toBeLessThan(4 * EPS);
      expect(Math.abs(values[1] - 1)).toBeLessThan(4 * EPS);
    }
  });
  it('[[2, 1-i], [1+i, 3]] has eigenvalues 1 and 4', () => {
    const { values } = expectValidEigh(fromArrays([[2, 1], [1, 3]], [[0, -1], [1, 0]]));
    expect(Math.abs(values[0] - 1)).toBeLessThan(20 * EPS * 4);
    expect(Math.abs(values[1] - 4)).toBeLessThan(20 * EPS * 4);
  });
  it('1x1 and 0x0', () => {
    const { values, vectors } = expectValidEigh(fromArrays([[-2.5]]));
    expect(Array.from(values)).toEqual([-2.5]);
    expect(Math.hypot(vectors.re[0], vectors.im[0])).toBeCloseTo(1, 15);
    expect(eigh(zeros(0)).values.length).toBe(0);
  });
  it('zero matrix and identity (fully degenerate)', () => {
    const n = 16;
    const z = expectValidEigh(zeros(n));
    expect(maxAbs(diag(z.values))).toBe(0);
    const id = expectValidEigh(identity(n));
    for (const v of id.values) expect(v).toBe(1);
  });
  it('diagonal matrix: sorted diagonal, permutation eigenvectors', () => {
    const d = [3, -1, 0.5, 2, -7, 0.5];
    const { values, vectors } = expectValidEigh(diag(d));
    expect(Array.from(values)).toEqual([...d].sort((x, y) => x - y));
    for (let i = 0; i < d.length * d.length; i++) {
      const m = Math.hypot(vectors.re[i], vectors.im[i]);
      expect(Math.min(m, Math.abs(1 - m))).toBeLessThan(4 * EPS);
    }
  });
  it('real symmetric matrix', () => {
    const n = 20, a = zeros(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) a.re[i * n + j] = a.re[j * n + i] = rng.gauss();
    }
    expectValidEigh(a);
  });
  it('a zero sub-diagonal entry above a non-zero tail (the reflector of a column with x0 = 0)', () => {
    expectValidEigh(fromArrays([[1, 0, 1], [0, 2, 0], [1, 0, 3]]));
    expectValidEigh(fromArrays([[1, 0, 0, 2], [0, 2, 1, 0], [0, 1, 0, 0], [2, 0, 0, 1]], [[0, 0, 1, 0], [0, 0, 0, 0], [-1, 0, 0, 0], [0, 0, 0, 0]]));
    const v = eigvalsh(fromArrays([[1, 0, 1], [0, 2, 0], [1, 0, 3]]));
    expect(Math.abs(v[0] - (2 - Math.SQRT2)) + Math.abs(v[1] - 2) + Math.abs(v[2] - (2 + Math.SQRT2))).toBeLessThan(40 * EPS);
  });
  it('tridiagonalEig ignores e[n - 1]', () => {
    const d = Float64Array.from([1, 2]), e = Float64Array.from([0.5, 99]);
    tridiagonalEig(d, e, null);
    // eigenvalues of [[1, .5], [.5, 2]]: 3/2 -+ sqrt(1/4 + 1/4)
    expect(Math.abs(d[0] - (1.5 - Math.sqrt(0.5))) + Math.abs(d[1] - (1.5 + Math.sqrt(0.5)))).toBeLessThan(8 * EPS);
  });
  it('tridiagonalEig: tridiag(-1, 2, -1) has eigenvalues 2 - 2 cos(k pi / (n + 1))', () => {
    const n = 50, d = new Float64Array(n).fill(2), e = new Float64Array(n).fill(-1);
    tridiagonalEig(d, e, null);
    for (let k = 1; k <= n; k++) expect(Math.abs(d[k - 1] - (2 - 2 * Math.cos((k * Math.PI) / (n + 1))))).toBeLessThan(20 * EPS * n * 4);
  });
});

describe('eigh: random and degenerate matrices', () => {
  it('random Hermitian matrices of several sizes', () => {
    for (const n of [2, 3, 5, 17, 64]) expectValidEigh(randomHermitian(rng, n));
  });
  it('128x128 with spectrum {+1, -1} (64 each)', () => {
    const n = 128, u = randomUnitary(rng, n);
    const signs = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : -1));
    const a = matmul(matmul(u, diag(signs)), adjoint(u)); // not symmetrised: Hermitian up to rounding
    const { values } = expectValidEigh(a);
    for (let i = 0; i < n; i++) expect(Math.abs(values[i] - (i < n / 2 ? -1 : 1))).toBeLessThan(20 * EPS * n);
  });
  it('rank-2 matrix v v^dag (v is 64 x 2)', () => {
    const n = 64, v = randomMatrix(rng, n, 2), a = matmul(v, adjoint(v));
    const { values } = expectValidEigh(a);
    const tol = 20 * EPS * n * frobeniusNorm(a);
    for (let i = 0; i < n - 2; i++) expect(Math.abs(values[i])).toBeLessThan(tol);
    expect(values[n - 2]).toBeGreaterThan(1);
    // The two non-zero eigenvalues are those of the 2x2 Gram matrix v^dag v.
    const g = eigvalsh(matmul(adjoint(v), v));
    expect(Math.abs(values[n - 2] - g[0])).toBeLessThan(tol);
    expect(Math.abs(values[n - 1] - g[1])).toBeLessThan(tol);
  });
  it('eigenvalues scale with the matrix, at tiny and huge scales', () => {
    const n = 12, a = randomHermitian(rng, n), base = eigvalsh(a);
    for (const s of [1e-160, 1e150]) {
      // Norm passed explicitly: frobeniusNorm sums squares and underflows at 1e-160.
      const { values } = expectValidEigh(scale(a, s), s * frobeniusNorm(a));
      for (let i = 0; i < n; i++) expect(Math.abs(values[i] / s - base[i])).toBeLessThan(20 * EPS * n * frobeniusNorm(a));
    }
  });
  it('eigvalsh, lambdaMin, lambdaMax agree with eigh', () => {
    const n = 33, a = randomHermitian(rng, n), { values } = eigh(a), w = eigvalsh(a);
    const tol = 20 * EPS * n * frobeniusNorm(a);
    for (let i = 0; i < n; i++) expect(Math.abs(w[i] - values[i])).toBeLessThan(tol);
    expect(lambdaMin(a)).toBe(w[0]);
    expect(lambdaMax(a)).toBe(w[n - 1]);
  });
});

describe('eigh: input validation', () => {
  it('rejects non-square, non-finite and non-Hermitian input', () => {
    expect(() => eigh(zeros(2, 3))).toThrow('eigh: a must be square (got 2x3)');
    const bad = identity(2);
    bad.re[1] = NaN;
    expect(() => eigh(bad)).toThrow('eigh: a.re has a non-finite entry at index 1 (NaN)');
    const inf = identity(2);
    inf.im[3] = Infinity;
    expect(() => eigh(inf)).toThrow('eigh: a.im has a non-finite entry at index 3 (Infinity)');
    expect(() => eigh(fromArrays([[0, 1], [0, 0]]))).toThrow(/^eigh: a must be Hermitian \(\|\|a - a\^dag\|\|_max = 1\.000e\+0 > tol/);
    expect(() => eigvalsh(fromArrays([[0, 0], [0, 0]], [[1, 0], [0, 0]]))).toThrow(/^eigvalsh: a must be Hermitian/);
    expect(() => lambdaMin(zeros(0))).toThrow('lambdaMin: a must be non-empty');
    expect(() => lambdaMax(zeros(2, 1))).toThrow('lambdaMax: a must be square (got 2x1)');
    expect(() => lambdaMax(zeros(0))).toThrow('lambdaMax: a must be non-empty');
    expect(() => lambdaMin(fromArrays([[0, 1], [0, 0]]))).toThrow(/^lambdaMin: a must be Hermitian/);
    expect(() => lambdaMax(fromArrays([[0, 1], [0, 0]]))).toThrow(/^lambdaMax: a must be Hermitian/);
  });
  it('hermitianTolerance is 1e3 eps n max(1, max|a_ij|)', () => {
    expect(hermitianTolerance(scale(identity(3), 5))).toBe(1e3 * EPS * 3 * 5);
    expect(hermitianTolerance(scale(identity(1), 0.5))).toBe(1e3 * EPS);
    expect(hermitianTolerance(zeros(0))).toBe(1e3 * EPS);
  });
  it('accepts a deviation just inside hermitianTolerance and rejects one just outside', () => {
    const a = randomHermitian(rng, 8), tol = hermitianTolerance(a);
    const near = { ...a, re: a.re.slice(), im: a.im.slice() };
    near.re[1] += 0.5 * tol;
    expect(() => eigh(near)).not.toThrow();
    const far = { ...a, re: a.re.slice(), im: a.im.slice() };
    far.re[1] += 2 * tol;
    expect(() => eigh(far)).toThrow(/^eigh: a must be Hermitian/);
  });
});
