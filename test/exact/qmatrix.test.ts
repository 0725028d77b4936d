/** Exact dense matrices over Q(i): products, adjoint, inverse, kron, partial trace, swap, rank. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as q from '../../src/exact/gaussian-rational.ts';
import * as mx from '../../src/exact/qmatrix.ts';

const small = fc.bigInt({ min: -50n, max: 50n });
const entry = fc.tuple(small, small, fc.bigInt({ min: 1n, max: 9n })).map(([a, b, c]) => q.qi(a, b, c));
const mat = (r: number, c: number) => fc.array(entry, { minLength: r * c, maxLength: r * c }).map((e): mx.QMat => ({ rows: r, cols: c, e }));
const opts = { numRuns: 40, seed: 20230723 };

describe('exact matrices', () => {
  it('matmul is associative and distributes; (AB)^dag = B^dag A^dag; tr(AB) = tr(BA)', () => {
    fc.assert(fc.property(mat(3, 3), mat(3, 3), mat(3, 3), (a, b, c) => {
      expect(mx.equals(mx.matmul(mx.matmul(a, b), c), mx.matmul(a, mx.matmul(b, c)))).toBe(true);
      expect(mx.equals(mx.matmul(a, mx.add(b, c)), mx.add(mx.matmul(a, b), mx.matmul(a, c)))).toBe(true);
      expect(mx.equals(mx.adjoint(mx.matmul(a, b)), mx.matmul(mx.adjoint(b), mx.adjoint(a)))).toBe(true);
      expect(q.eq(mx.trace(mx.matmul(a, b)), mx.trace(mx.matmul(b, a)))).toBe(true);
      expect(q.eq(mx.traceProduct(a, b), mx.trace(mx.matmul(a, b)))).toBe(true);
      expect(mx.isZeroMat(mx.add(mx.commutator(a, b), mx.commutator(b, a)))).toBe(true);
    }), opts);
  });
  it('inverse (Gauss-Jordan) is exact; singular matrices are refused; rank', () => {
    fc.assert(fc.property(mat(4, 4), (a) => {
      let inv: mx.QMat;
      try {
        inv = mx.inverse(a);
      } catch {
        expect(mx.rank(a)).toBeLessThan(4);
        return;
      }
      expect(mx.equals(mx.matmul(a, inv), mx.identity(4))).toBe(true);
      expect(mx.equals(mx.matmul(inv, a), mx.identity(4))).toBe(true);
      expect(mx.rank(a)).toBe(4);
    }), opts);
    const sing = mx.fromFn(3, 3, (i, j) => q.fromInt((i + 1) * (j + 2)));
    expect(() => mx.inverse(sing)).toThrow(/singular/);
    expect(mx.rank(sing)).toBe(1);
    // needs a row swap
    const perm = mx.fromFn(2, 2, (i, j) => (i !== j ? q.ONE : q.ZERO));
    expect(mx.equals(mx.inverse(perm), perm)).toBe(true);
  });
  it('kron: (A (x) B)(C (x) D) = AC (x) BD; tr_1(A (x) B) = tr(A) B; SWAP (x (x) y) = y (x) x', () => {
    fc.assert(fc.property(mat(2, 2), mat(3, 3), mat(2, 2), mat(3, 3), (a, b, c, d) => {
      expect(mx.equals(mx.matmul(mx.kron(a, b), mx.kron(c, d)), mx.kron(mx.matmul(a, c), mx.matmul(b, d)))).toBe(true);
      expect(mx.equals(mx.partialTrace1(mx.kron(a, b), 2, 3), mx.scale(b, mx.trace(a)))).toBe(true);
    }), opts);
    fc.assert(fc.property(mat(3, 1), mat(3, 1), mat(3, 3), mat(3, 3), (x, y, a, b) => {
      const s = mx.swap(3);
      expect(mx.equals(mx.matmul(s, mx.kron(x, y)), mx.kron(y, x))).toBe(true);
      expect(mx.equals(mx.matmul(mx.matmul(s, mx.kron(a, b)), s), mx.kron(b, a))).toBe(true);
    }), opts);
  });
  it('hadamard, transpose, outer and inner products', () => {
    fc.assert(fc.property(mat(3, 3), mat(3, 3), mat(3, 1), mat(3, 1), (a, b, u, v) => {
      expect(mx.equals(mx.hadamard(a, b), mx.hadamard(b, a))).toBe(true);
      expect(mx.equals(mx.transpose(mx.transpose(a)), a)).toBe(true);
      expect(q.eq(mx.trace(mx.outer(u, v)), mx.inner(v, u))).toBe(true);
      expect(q.eq(mx.inner(u, v), q.conj(mx.inner(v, u)))).toBe(true);
    }), opts);
  });
  it('refuses shape mismatches', () => {
    expect(() => mx.matmul(mx.zeros(2, 3), mx.zeros(2, 3))).toThrow(/inner dimensions/);
    expect(() => mx.trace(mx.zeros(2, 3))).toThrow();
  });
});
