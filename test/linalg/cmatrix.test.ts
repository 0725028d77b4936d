import { describe, it, expect } from 'vitest';
import {
  EPS, add, adjoint, axpyInPlace, clone, cloneVec, col, columns, commutator, cvec, diag, frobeniusNorm,
  fromArrays, gramRows, hadamard, hermitianDeviation, hermitianPart, identity, inner, kron, matmul,
  matmulChain, matmulInto, matvec, maxAbs, maxAbsDiff, outer, partialTrace1, partialTrace2, realPart, row,
  scale, sub, swap, toArrays, trace, traceProduct, transpose, unitaryDeviation, vecNorm, zeros,
} from '../../src/linalg/cmatrix.ts';
import { makeRng, randomMatrix, randomVec } from './random-matrices.ts';


const X = fromArrays([[0, 1], [1, 0]]);
const Y = fromArrays([[0, 0], [0, 0]], [[0, -1], [1, 0]]);
const Z = diag([1, -1]);
const I2 = identity(2);
const rng = makeRng(20230611);

describe('constructors', () => {
  it('EPS is the unit roundoff 2^-52', () => {
    expect(EPS).toBe(Number.EPSILON);
    expect(1 + EPS).not.toBe(1);
  });
  it('zeros, identity, diag, cvec', () => {
    const a = zeros(2, 3);
    expect([a.rows, a.cols, a.re.length, a.im.length]).toEqual([2, 3, 6, 6]);
    expect(zeros(3).cols).toBe(3);
    expect(toArrays(identity(2))).toEqual({ re: [[1, 0], [0, 1]], im: [[0, 0], [0, 0]] });
    expect(toArrays(diag([2, -3])).re).toEqual([[2, 0], [0, -3]]);
    expect(Array.from(cvec(3).re)).toEqual([0, 0, 0]);
  });
  it('zeros rejects bad shapes', () => {
    expect(() => zeros(-1)).toThrow('zeros: rows must be a non-negative integer (got -1)');
    expect(() => zeros(2, 1.5)).toThrow('zeros: cols must be a non-negative integer (got 1.5)');
  });
  it('fromArrays / toArrays round trip, and ragged input errors', () => {
    const re = [[1, 2], [3, 4]], im = [[5, 6], [7, 8]];
    expect(toArrays(fromArrays(re, im))).toEqual({ re, im });
    expect(() => fromArrays([[1, 2], [3]])).toThrow('fromArrays: re[1] has length 1, expected 2');
    expect(() => fromArrays([[1, 2], [3, 4]], [[1, 2]])).toThrow('fromArrays: im[1] must have length 2');
  });
  it('clone and cloneVec are deep copies', () => {
    const a = randomMatrix(rng, 3);
    const b = clone(a);
    b.re[0] += 1;
    expect(b.re[0]).not.toBe(a.re[0]);
    const v = randomVec(rng, 3);
    const w = cloneVec(v);
    w.im[1] = 42;
    expect(v.im[1]).not.toBe(42);
  });
});

describe('products', () => {
  it('matmul: known complex 2x2 product', () => {
    const a = fromArrays([[1, 2], [3, 4]], [[1, 0], [0, 1]]); // [[1+i, 2], [3, 4+i]]
    const b = fromArrays([[0, 1], [1, 0]], [[1, 0], [0, -1]]); // [[i, 1], [1, -i]]
    // [[(1+i)i + 2, (1+i) - 2i], [3i + 4 + i, 3 - (4+i)i]] = [[1+i, 1-i], [4+4i, 4-4i]]
    expect(toArrays(matmul(a, b))).toEqual({ re: [[1, 1], [4, 4]], im: [[1, -1], [4, -4]] });
  });
  it('matmul: associativity and identity on random matrices', () => {
    const n = 7;
    const a = randomMatrix(rng, n), b = randomMatrix(rng, n), c = randomMatrix(rng, n);
    const lhs = matmul(matmul(a, b), c), rhs = matmul(a, matmul(b, c));
    const tol = 10 * EPS * n * frobeniusNorm(a) * frobeniusNorm(b) * frobeniusNorm(c);
    expect(maxAbsDiff(lhs, rhs)).toBeLessThan(tol);
    expect(maxAbsDiff(matmul(identity(n), a), a)).toBe(0);
  });
  it('matmul / matmulInto / matmulChain errors name the shapes', () => {
    expect(() => matmul(zeros(2, 3), zeros(4, 2))).toThrow('matmul: a.cols (3) != b.rows (4)');
    expect(() => matmulInto(zeros(3, 3), zeros(2, 2), zeros(2, 2))).toThrow('matmul: out shape 3x3 != 2x2');
    expect(() => matmulChain()).toThrow('matmulChain: ms must be non-empty');
  });
  it('matmulInto and matmulChain agree with matmul', () => {
    const a = randomMatrix(rng, 3, 4), b = randomMatrix(rng, 4, 2), c = randomMatrix(rng, 2, 5);
    const out = zeros(3, 2);
    expect(matmulInto(out, a, b)).toBe(out);
    expect(maxAbsDiff(out, matmul(a, b))).toBe(0);
    expect(maxAbsDiff(matmulChain(a, b, c), matmul(matmul(a, b), c))).toBe(0);
  });
  it('kron: X (x) Z known, and the mixed-product rule', () => {
    expect(toArrays(kron(X, Z)).re).toEqual([[0, 0, 1, 0], [0, 0, 0, -1], [1, 0, 0, 0], [0, -1, 0, 0]]);
    const a = randomMatrix(rng, 2), b = randomMatrix(rng, 3), c = randomMatrix(rng, 2), d = randomMatrix(rng, 3);
    const lhs = matmul(kron(a, b), kron(c, d)), rhs = kron(matmul(a, c), matmul(b, d));
    const tol = 10 * EPS * 6 * frobeniusNorm(a) * frobeniusNorm(b) * frobeniusNorm(c) * frobeniusNorm(d);
    expect(maxAbsDiff(lhs, rhs)).toBeLessThan(tol);
  });
  it('hadamard: known product, and shape error', () => {
    const a = fromArrays([[1, 2]], [[1, 0]]), b = fromArrays([[3, 0]], [[0, 5]]);
    expect(toArrays(hadamard(a, b))).toEqual({ re: [[3, 0]], im: [[3, 10]] });
    expect(() => hadamard(zeros(2, 2), zeros(2, 3))).toThrow('hadamard: b shape 2x3 != a shape 2x2');
  });
  it('matvec, inner, vecNorm, outer: known values', () => {
    const v = { re: new Float64Array([3, 0]), im: new Float64Array([0, 4]) }; // (3, 4i)
    expect(vecNorm(v)).toBe(5);
    const yv = matvec(Y, v); // Y (3, 4i) = (-i * 4i, 3i) = (4, 3i)
    expect([...yv.re, ...yv.im]).toEqual([4, 0, 0, 3]);
    const u = { re: new Float64Array([0, 1]), im: new Float64Array([1, 0]) }; // (i, 1)
    expect(inner(u, v)).toEqual({ re: 0, im: 1 }); // conj(i)*3 + 1*4i = -3i + 4i
    expect(inner(v, v)).toEqual({ re: 25, im: 0 });
    expect(toArrays(outer(u, v))).toEqual({ re: [[0, 4], [3, 0]], im: [[3, 0], [0, -4]] }); // u v^dag
    expect(() => matvec(zeros(2, 3), cvec(2))).toThrow('matvec: v has length 2, expected a.cols = 3');
    expect(() => inner(cvec(2), cvec(3))).toThrow('inner: v has length 3, expected 2');
  });
  it('outer(u) is Hermitian rank one with trace |u|^2; matvec agrees with matmul', () => {
    const n = 6, u = randomVec(rng, n), p = outer(u);
    expect(hermitianDeviation(p)).toBe(0);
    expect(Math.abs(trace(p).re - vecNorm(u) ** 2)).toBeLessThan(10 * EPS * n * vecNorm(u) ** 2);
    const a = randomMatrix(rng, n), w = matvec(a, u);
    const um = zeros(n, 1);
    um.re.set(u.re);
    um.im.set(u.im);
    const wm = matmul(a, um);
    expect(Array.from(w.re)).toEqual(Array.from(wm.re));
  });
  it('gramRows(vs)_ij = v_i^dag v_j, i.e. the transpose of vs vs^dag', () => {
    const vs = randomMatrix(rng, 4, 6), g = gramRows(vs);
    expect(maxAbsDiff(g, transpose(matmul(vs, adjoint(vs))))).toBeLessThan(10 * EPS * 6 * frobeniusNorm(vs) ** 2);
    // v_0 = (1 + i, 0), v_1 = (1, 1): v_0^dag v_1 = 1 - i.
    const known = gramRows(fromArrays([[1, 0], [1, 1]], [[1, 0], [0, 0]]));
    expect(maxAbsDiff(known, fromArrays([[2, 1], [1, 2]], [[0, -1], [1, 0]]))).toBe(0);
  });
});

describe('adjoint, transpose, arithmetic', () => {
  it('adjoint and transpose: known case', () => {
    const a = fromArrays([[1, 2, 3]], [[4, 5, 6]]);
    expect(toArrays(adjoint(a))).toEqual({ re: [[1], [2], [3]], im: [[-4], [-5], [-6]] });
    expect(toArrays(transpose(a))).toEqual({ re: [[1], [2], [3]], im: [[4], [5], [6]] });
  });
  it('(ab)^dag = b^dag a^dag and a^dag^dag = a', () => {
    const a = randomMatrix(rng, 3, 5), b = randomMatrix(rng, 5, 4);
    const tol = 10 * EPS * 5 * frobeniusNorm(a) * frobeniusNorm(b);
    expect(maxAbsDiff(adjoint(matmul(a, b)), matmul(adjoint(b), adjoint(a)))).toBeLessThan(tol);
    expect(maxAbsDiff(adjoint(adjoint(a)), a)).toBe(0);
  });
  it('add, sub, scale, axpyInPlace: known values and shape errors', () => {
    const a = fromArrays([[1, 2]], [[3, 4]]), b = fromArrays([[10, 20]], [[30, 40]]);
    expect(toArrays(add(a, b))).toEqual({ re: [[11, 22]], im: [[33, 44]] });
    expect(toArrays(sub(b, a))).toEqual({ re: [[9, 18]], im: [[27, 36]] });
    expect(toArrays(scale(a, 0, 1))).toEqual({ re: [[-3, -4]], im: [[1, 2]] }); // i a
    const y = clone(b);
    expect(axpyInPlace(y, a, 2, 0)).toBe(y);
    expect(toArrays(y)).toEqual({ re: [[12, 24]], im: [[36, 48]] });
    expect(() => add(zeros(2), zeros(3))).toThrow('add: b shape 3x3 != a shape 2x2');
    expect(() => sub(zeros(2), zeros(2, 1))).toThrow('sub: b shape 2x1 != a shape 2x2');
    expect(() => axpyInPlace(zeros(2), zeros(1), 1)).toThrow('axpy: b shape 1x1 != a shape 2x2');
  });
  it('commutator: [X, Y] = 2iZ, [a, a] = 0, and errors', () => {
    expect(maxAbsDiff(commutator(X, Y), scale(Z, 0, 2))).toBe(0);
    const a = randomMatrix(rng, 4);
    expect(maxAbs(commutator(a, a))).toBe(0);
    expect(() => commutator(zeros(2, 3), zeros(2, 3))).toThrow('commutator: a must be square (got 2x3)');
    expect(() => commutator(zeros(2), zeros(3))).toThrow('commutator: b shape 3x3 != a shape 2x2');
  });
});

describe('traces and norms', () => {
  it('trace: Paulis traceless, tr(I_n) = n, tr(a (x) b) = tr(a) tr(b)', () => {
    for (const p of [X, Y, Z]) expect(trace(p)).toEqual({ re: 0, im: 0 });
    expect(trace(identity(5))).toEqual({ re: 5, im: 0 });
    const a = randomMatrix(rng, 3), b = randomMatrix(rng, 4);
    const ta = trace(a), tb = trace(b), tk = trace(kron(a, b));
    const tol = 10 * EPS * 12 * frobeniusNorm(a) * frobeniusNorm(b);
    expect(Math.abs(tk.re - (ta.re * tb.re - ta.im * tb.im))).toBeLessThan(tol);
    expect(Math.abs(tk.im - (ta.re * tb.im + ta.im * tb.re))).toBeLessThan(tol);
    expect(() => trace(zeros(2, 3))).toThrow('trace: a must be square (got 2x3)');
  });
  it('traceProduct(a, b) = tr(ab) and its shape error', () => {
    expect(traceProduct(X, Y)).toEqual({ re: 0, im: 0 });
    expect(traceProduct(Y, Y)).toEqual({ re: 2, im: 0 });
    const a = randomMatrix(rng, 3, 5), b = randomMatrix(rng, 5, 3);
    const t1 = traceProduct(a, b), t2 = trace(matmul(a, b));
    const tol = 10 * EPS * 15 * frobeniusNorm(a) * frobeniusNorm(b);
    expect(Math.hypot(t1.re - t2.re, t1.im - t2.im)).toBeLessThan(tol);
    expect(() => traceProduct(zeros(2, 3), zeros(2, 3))).toThrow('traceProduct: b shape 2x3 does not match a^T shape 3x2');
  });
  it('frobeniusNorm, maxAbs, maxAbsDiff: known values', () => {
    const a = fromArrays([[1, 0], [2, 0]], [[0, 1], [0, 0]]); // [[1, i], [2, 0]]
    expect(frobeniusNorm(a)).toBeCloseTo(Math.sqrt(6), 15);
    expect(maxAbs(fromArrays([[3, 1]], [[4, 0]]))).toBe(5);
    expect(maxAbsDiff(a, zeros(2))).toBe(2);
    expect(() => maxAbsDiff(zeros(2), zeros(2, 3))).toThrow('maxAbsDiff: b shape 2x3 != a shape 2x2');
  });
  it('frobeniusNorm^2 = tr(a^dag a) on a random matrix', () => {
    const a = randomMatrix(rng, 5, 3), f = frobeniusNorm(a);
    expect(Math.abs(f * f - trace(matmul(adjoint(a), a)).re)).toBeLessThan(10 * EPS * 15 * f * f);
  });
  it('hermitianDeviation, hermitianPart, unitaryDeviation', () => {
    for (const p of [X, Y, Z]) {
      expect(hermitianDeviation(p)).toBe(0);
      expect(unitaryDeviation(p)).toBe(0);
    }
    expect(hermitianDeviation(fromArrays([[0, 1], [0, 0]]))).toBe(1);
    expect(unitaryDeviation(scale(I2, 2))).toBe(3);
    const a = randomMatrix(rng, 5), h = hermitianPart(a);
    expect(hermitianDeviation(h)).toBe(0);
    expect(maxAbsDiff(hermitianPart(h), h)).toBeLessThan(4 * EPS * maxAbs(h));
    expect(toArrays(hermitianPart(fromArrays([[0, 2], [0, 0]]))).re).toEqual([[0, 1], [1, 0]]);
    expect(() => hermitianDeviation(zeros(1, 2))).toThrow('hermitianDeviation: a must be square (got 1x2)');
    expect(() => unitaryDeviation(zeros(1, 2))).toThrow('unitaryDeviation: u must be square (got 1x2)');
  });
  it('partial traces: tr_1(a (x) b) = tr(a) b, tr_2(a (x) b) = tr(b) a', () => {
    const a = randomMatrix(rng, 2), b = randomMatrix(rng, 3), ab = kron(a, b);
    const ta = trace(a), tb = trace(b);
    const tol = 10 * EPS * 6 * frobeniusNorm(a) * frobeniusNorm(b);
    expect(maxAbsDiff(partialTrace1(ab, 2, 3), scale(b, ta.re, ta.im))).toBeLessThan(tol);
    expect(maxAbsDiff(partialTrace2(ab, 2, 3), scale(a, tb.re, tb.im))).toBeLessThan(tol);
    // Known: tr_2(X (x) Z) = 0, tr_1(I (x) Z) = 2 Z.
    expect(maxAbs(partialTrace2(kron(X, Z), 2, 2))).toBe(0);
    expect(maxAbsDiff(partialTrace1(kron(I2, Z), 2, 2), scale(Z, 2))).toBe(0);
    expect(() => partialTrace1(zeros(4), 2, 3)).toThrow('partialTrace1: x must be 6x6 (got 4x4)');
    expect(() => partialTrace2(zeros(4), 3, 2)).toThrow('partialTrace2: x must be 6x6 (got 4x4)');
  });
  it('swap: W^2 = I, W (a (x) b) W = b (x) a, swap(2) known', () => {
    expect(toArrays(swap(2)).re).toEqual([[1, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 1]]);
    const w = swap(3);
    expect(maxAbsDiff(matmul(w, w), identity(9))).toBe(0);
    const a = randomMatrix(rng, 3), b = randomMatrix(rng, 3);
    expect(maxAbsDiff(matmulChain(w, kron(a, b), w), kron(b, a))).toBe(0);
  });
});

describe('rows, columns, real part', () => {
  it('row, col, realPart: known values, copies', () => {
    const a = fromArrays([[1, 2], [3, 4]], [[5, 6], [7, 8]]);
    const r = row(a, 1), c = col(a, 1);
    expect([...r.re, ...r.im]).toEqual([3, 4, 7, 8]);
    expect([...c.re, ...c.im]).toEqual([2, 4, 6, 8]);
    r.re[0] = 99;
    c.re[0] = 99;
    expect(a.re[2]).toBe(3);
    expect(a.re[1]).toBe(2);
    expect(realPart(a)).toEqual([[1, 2], [3, 4]]);
  });
  it('columns: a known block, a copy, and bad ranges named', () => {
    const a = fromArrays([[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]);
    const b = columns(a, 1, 3);
    expect([b.rows, b.cols]).toEqual([2, 2]);
    expect([...b.re, ...b.im]).toEqual([2, 3, 5, 6, 8, 9, 11, 12]);
    b.re[0] = 99;
    expect(a.re[1]).toBe(2);
    expect(columns(a, 2, 2).cols).toBe(0);
    expect(maxAbsDiff(columns(a, 0, 3), a)).toBe(0);
    expect([...columns(a, 0, 1).im]).toEqual([7, 10]);
    expect(() => columns(a, 0.5, 2)).toThrow(/from \(0.5\)/);
    expect(() => columns(a, 0, 1.5)).toThrow(/to \(1.5\)/);
    expect(() => columns(a, -1, 2)).toThrow(/columns: from, to/);
    expect(() => columns(a, 2, 1)).toThrow(/columns: from, to/);
    expect(() => columns(a, 0, 4)).toThrow(/a.cols \(3\)/);
  });
});

describe('max norms never hide NaN', () => {
  it('maxAbs, maxAbsDiff and hermitianDeviation return NaN when an entry is NaN', async () => {
    const { fromArrays, maxAbs, maxAbsDiff, hermitianDeviation } = await import('../../src/linalg/cmatrix.ts');
    const a = fromArrays([[1, NaN], [0, 2]]);
    const b = fromArrays([[1, 0], [0, 2]]);
    expect(maxAbs(a)).toBeNaN();
    expect(maxAbsDiff(a, b)).toBeNaN();
    expect(hermitianDeviation(a)).toBeNaN();
    expect(maxAbsDiff(a, b) < 1).toBe(false);
  });
});

describe('complex parts, shapes and empty matrices (each kernel beyond its real-valued cases)', () => {
  const iI = fromArrays([[0, 0], [0, 0]], [[1, 0], [0, 1]]);

  it('kron with purely imaginary entries: Y (x) Z', () => {
    const k = kron(Y, Z);
    const ref = fromArrays([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
      [[0, 0, -1, 0], [0, 0, 0, 1], [1, 0, 0, 0], [0, -1, 0, 0]]);
    expect(maxAbsDiff(k, ref)).toBe(0);
  });

  it('axpy and hadamard with complex scalars and entries, against the complex products', () => {
    const y = fromArrays([[1, 2]], [[0.5, -1]]), x = fromArrays([[3, -1]], [[2, 4]]);
    axpyInPlace(y, x, 0.5, -2); // y += (0.5 - 2i) x
    // (0.5 - 2i)(3 + 2i) = 5.5 - 5i; (0.5 - 2i)(-1 + 4i) = 7.5 + 4i
    expect(toArrays(y)).toEqual({ re: [[6.5, 9.5]], im: [[-4.5, 3]] });
    const h = hadamard(fromArrays([[1, 0]], [[2, 1]]), fromArrays([[3, 2]], [[-1, 5]]));
    // (1 + 2i)(3 - i) = 5 + 5i; (0 + i)(2 + 5i) = -5 + 2i
    expect(toArrays(h)).toEqual({ re: [[5, -5]], im: [[5, 2]] });
  });

  it('deviations in the imaginary part count: maxAbsDiff, hermitianDeviation, unitaryDeviation', () => {
    expect(maxAbsDiff(zeros(2), iI)).toBe(1);
    expect(hermitianDeviation(fromArrays([[0, 0], [0, 0]], [[0, 1], [1, 0]]))).toBe(2); // a - a^dag = 2i X
    expect(unitaryDeviation(scale(identity(2), Math.SQRT2, 0))).toBeCloseTo(1, 14);
    const u = fromArrays([[1, 0], [0, 1]], [[0, 0.5], [0, 0]]); // u^dag u - I = [[0, 0.5i], [-0.5i, 0.25]]
    expect(unitaryDeviation(u)).toBe(0.5);
  });

  it('cloneVec copies: changing the clone leaves the original', () => {
    const v = { re: Float64Array.from([1, 2]), im: Float64Array.from([3, 4]) };
    const c = cloneVec(v);
    c.re[0] = 9;
    c.im[1] = 9;
    expect([v.re[0], v.im[1]]).toEqual([1, 4]);
  });

  it('empty shapes: zeros(0, 3), zeros(3, 0), fromArrays([])', () => {
    expect([zeros(0, 3).rows, zeros(0, 3).cols, zeros(3, 0).re.length]).toEqual([0, 3, 0]);
    const e = fromArrays([]);
    expect([e.rows, e.cols]).toEqual([0, 0]);
  });

  it('shape checks name the function and the parameter', () => {
    expect(() => matmul(zeros(2, 3), zeros(2, 3))).toThrow('matmul: a.cols (3) != b.rows (2)');
    expect(() => matmulInto(zeros(2, 2), zeros(2, 3), zeros(2, 2))).toThrow('matmul: a.cols (3) != b.rows (2)');
    expect(() => matmulInto(zeros(3, 2), zeros(2, 2), zeros(2, 2))).toThrow(/^matmul/);
    expect(() => matmulInto(zeros(2, 3), zeros(2, 2), zeros(2, 2))).toThrow(/^matmul/);
    expect(() => add(zeros(2, 2), zeros(2, 3))).toThrow('add: b shape 2x3 != a shape 2x2');
    expect(() => add(zeros(2, 2), zeros(3, 2))).toThrow('add: b shape 3x2 != a shape 2x2');
    expect(() => traceProduct(zeros(2, 3), zeros(2, 3))).toThrow(/^traceProduct/);
    expect(() => traceProduct(zeros(2, 3), zeros(3, 3))).toThrow(/^traceProduct/);
    expect(() => traceProduct(zeros(2, 3), zeros(2, 2))).toThrow(/^traceProduct/); // a.rows = b.cols, a.cols != b.rows
    expect(() => zeros(2, 1.5)).toThrow('zeros: cols must be a non-negative integer (got 1.5)');
    expect(() => zeros(-1, 2)).toThrow('zeros: rows must be a non-negative integer (got -1)');
    expect(() => zeros(2, -1)).toThrow('zeros: cols must be a non-negative integer (got -1)');
    expect(() => hermitianPart(zeros(2, 3))).toThrow(/^hermitianPart: a must be square/);
    expect(() => partialTrace1(zeros(4, 2), 2, 2)).toThrow('partialTrace1: x must be 4x4 (got 4x2)');
    expect(() => partialTrace1(zeros(2, 4), 2, 2)).toThrow('partialTrace1: x must be 4x4 (got 2x4)');
    expect(() => partialTrace2(zeros(4, 2), 2, 2)).toThrow('partialTrace2: x must be 4x4 (got 4x2)');
    expect(() => partialTrace2(zeros(2, 4), 2, 2)).toThrow('partialTrace2: x must be 4x4 (got 2x4)');
    expect(() => fromArrays([[1, 2]], [[1, 2], [3, 4]])).toThrow('fromArrays: im has 2 rows, expected 1');
    expect(() => fromArrays([[1, 2], [3, 4]], [[1, 2]])).toThrow(/^fromArrays: im/);
    expect(() => fromArrays([[1, 2]], [[1]])).toThrow('fromArrays: im[0] must have length 2');
  });
});
