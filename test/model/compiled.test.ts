/**
 * Covers the helpers of src/model/compiled.ts: the diagonal shortcut (a diagonal generator or measurement
 * needs no eigenvector matrix) and the distinct eigenvalues of a spectrum (phases computed once per value).
 */
import { describe, expect, it } from 'vitest';
import { diag, fromArrays, zeros } from '../../src/linalg/cmatrix.ts';
import { compile, diagonalise, distinctValues, isDiagonal } from '../../src/model/compiled.ts';
import { appendixDInstance } from '../../src/model/scenarios.ts';
import { makeRng } from '../../src/random/rng.ts';

describe('isDiagonal', () => {
  it('a real diagonal matrix is diagonal, including the zero matrix and d = 1', () => {
    expect(isDiagonal(diag([3, -1, 0.5]))).toBe(true);
    expect(isDiagonal(zeros(4))).toBe(true);
    expect(isDiagonal(diag([7]))).toBe(true);
  });
  it('one non-zero off-diagonal entry (real or imaginary part) at any position makes it non-diagonal', () => {
    const n = 3;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        for (const part of ['re', 'im'] as const) {
          const a = diag([1, 2, 3]);
          a[part][i * n + j] = 1e-300;
          expect(isDiagonal(a), `entry (${i}, ${j}).${part}`).toBe(false);
        }
      }
    }
  });
  it('a non-zero imaginary part on the diagonal, at any position, makes it non-diagonal', () => {
    for (let i = 0; i < 3; i++) {
      const a = diag([1, 2, 3]);
      a.im[i * 3 + i] = -2;
      expect(isDiagonal(a), `entry (${i}, ${i})`).toBe(false);
    }
  });
});

describe('diagonalise', () => {
  it('a diagonal matrix: its diagonal in its own order, no eigenvector matrix', () => {
    const e = diagonalise(diag([2, -1, 2, 0]));
    expect(Array.from(e.values)).toEqual([2, -1, 2, 0]);
    expect(e.vectors).toBeUndefined();
  });
  it('a Hermitian non-diagonal matrix: ascending eigenvalues and eigenvectors (Pauli X: -1, +1)', () => {
    const e = diagonalise(fromArrays([[0, 1], [1, 0]]));
    expect(e.values[0]).toBeCloseTo(-1, 14);
    expect(e.values[1]).toBeCloseTo(1, 14);
    expect(e.vectors).toBeDefined();
    expect(Math.abs(e.vectors!.re[0]) ** 2 + Math.abs(e.vectors!.im[0]) ** 2).toBeCloseTo(0.5, 14);
  });
});

describe('distinctValues', () => {
  it('[1, 2, 1, 3, 2] has values [1, 2, 3] and index [0, 1, 0, 2, 1]', () => {
    const e = distinctValues(Float64Array.from([1, 2, 1, 3, 2]));
    expect(Array.from(e.values)).toEqual([1, 2, 3]);
    expect(Array.from(e.index)).toEqual([0, 1, 0, 2, 1]);
  });
  it('all distinct: the spectrum itself with index 0..d-1; an empty spectrum has none', () => {
    const e = distinctValues(Float64Array.from([-0.5, 0.25, 4]));
    expect(Array.from(e.values)).toEqual([-0.5, 0.25, 4]);
    expect(Array.from(e.index)).toEqual([0, 1, 2]);
    expect(distinctValues(new Float64Array(0)).values.length).toBe(0);
  });
  it('is cached per spectrum array: the same object twice', () => {
    const lam = Float64Array.from([1, 1]);
    expect(distinctValues(lam)).toBe(distinctValues(lam));
  });
});

describe('compile', () => {
  it('a generator shared by all layers (periodic ansatz) is diagonalised once: one spectrum for every layer', () => {
    const { instance } = appendixDInstance(makeRng(3), { d: 4, m: 2, p: 3 });
    const c = compile(instance);
    expect(c.lambdas).toHaveLength(3);
    expect(c.lambdas[1]).toBe(c.lambdas[0]);
    expect(c.lambdas[2]).toBe(c.lambdas[0]);
  });
});
