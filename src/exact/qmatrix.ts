/**
 * Dense matrices over the Gaussian rationals Q(i) (./gaussian-rational.ts), row-major. Kept simple:
 * sizes are small (d <= 8, d^2 <= 64 for tensor products), so plain O(n^3) loops over bigint entries.
 */
import * as q from './gaussian-rational.ts';
import type { QI } from './gaussian-rational.ts';

export interface QMat {
  readonly rows: number;
  readonly cols: number;
  /** Row-major entries. */
  readonly e: QI[];
}

function shape(fn: string, ok: boolean, what: string): void {
  if (!ok) throw new RangeError(`${fn}: ${what}`);
}

export function zeros(rows: number, cols: number): QMat {
  return { rows, cols, e: new Array<QI>(rows * cols).fill(q.ZERO) };
}

export function identity(n: number): QMat {
  const m = zeros(n, n);
  for (let i = 0; i < n; i++) m.e[i * n + i] = q.ONE;
  return m;
}

export function fromFn(rows: number, cols: number, f: (i: number, j: number) => QI): QMat {
  const e: QI[] = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) e.push(f(i, j));
  return { rows, cols, e };
}

export function get(a: QMat, i: number, j: number): QI {
  return a.e[i * a.cols + j];
}

export function diag(values: readonly QI[]): QMat {
  return fromFn(values.length, values.length, (i, j) => (i === j ? values[i] : q.ZERO));
}

export function map(a: QMat, f: (x: QI, i: number, j: number) => QI): QMat {
  return fromFn(a.rows, a.cols, (i, j) => f(get(a, i, j), i, j));
}

export function add(a: QMat, b: QMat): QMat {
  shape('add', a.rows === b.rows && a.cols === b.cols, 'shape mismatch');
  return { rows: a.rows, cols: a.cols, e: a.e.map((x, k) => q.add(x, b.e[k])) };
}

export function sub(a: QMat, b: QMat): QMat {
  shape('sub', a.rows === b.rows && a.cols === b.cols, 'shape mismatch');
  return { rows: a.rows, cols: a.cols, e: a.e.map((x, k) => q.sub(x, b.e[k])) };
}

export function scale(a: QMat, s: QI): QMat {
  return { rows: a.rows, cols: a.cols, e: a.e.map((x) => q.mul(x, s)) };
}

export function matmul(a: QMat, b: QMat): QMat {
  shape('matmul', a.cols === b.rows, `inner dimensions ${a.cols} != ${b.rows}`);
  return fromFn(a.rows, b.cols, (i, j) => {
    let s = q.ZERO;
    for (let k = 0; k < a.cols; k++) {
      const x = a.e[i * a.cols + k];
      if (q.isZero(x)) continue;
      const y = b.e[k * b.cols + j];
      if (q.isZero(y)) continue;
      s = q.add(s, q.mul(x, y));
    }
    return s;
  });
}

/** Product of several matrices, left to right. */
export function chain(...ms: QMat[]): QMat {
  return ms.reduce((acc, m) => matmul(acc, m));
}

export function transpose(a: QMat): QMat {
  return fromFn(a.cols, a.rows, (i, j) => get(a, j, i));
}

/** Conjugate transpose a^dag. */
export function adjoint(a: QMat): QMat {
  return fromFn(a.cols, a.rows, (i, j) => q.conj(get(a, j, i)));
}

export function conjugate(a: QMat): QMat {
  return map(a, q.conj);
}

/** [a, b] = ab - ba. */
export function commutator(a: QMat, b: QMat): QMat {
  return sub(matmul(a, b), matmul(b, a));
}

/** Kronecker product a (x) b, index (i1 i2) = i1 * b.rows + i2. */
export function kron(a: QMat, b: QMat): QMat {
  return fromFn(a.rows * b.rows, a.cols * b.cols, (i, j) =>
    q.mul(get(a, Math.floor(i / b.rows), Math.floor(j / b.cols)), get(b, i % b.rows, j % b.cols)));
}

export function trace(a: QMat): QI {
  shape('trace', a.rows === a.cols, 'not square');
  let s = q.ZERO;
  for (let i = 0; i < a.rows; i++) s = q.add(s, a.e[i * a.cols + i]);
  return s;
}

/** tr(a b) without forming the product. */
export function traceProduct(a: QMat, b: QMat): QI {
  shape('traceProduct', a.cols === b.rows && a.rows === b.cols, 'shape mismatch');
  let s = q.ZERO;
  for (let i = 0; i < a.rows; i++) for (let k = 0; k < a.cols; k++) s = q.add(s, q.mul(a.e[i * a.cols + k], b.e[k * b.cols + i]));
  return s;
}

/** Partial trace over the FIRST tensor factor of a (d1 d2) x (d1 d2) matrix: (tr_1 X)_{bc} = sum_a X_{(a,b),(a,c)}. */
export function partialTrace1(x: QMat, d1: number, d2: number): QMat {
  shape('partialTrace1', x.rows === d1 * d2 && x.cols === d1 * d2, `need a ${d1 * d2} x ${d1 * d2} matrix`);
  return fromFn(d2, d2, (b, c) => {
    let s = q.ZERO;
    for (let a = 0; a < d1; a++) s = q.add(s, get(x, a * d2 + b, a * d2 + c));
    return s;
  });
}

/** SWAP on C^d (x) C^d: SWAP (x (x) y) = y (x) x. */
export function swap(d: number): QMat {
  return fromFn(d * d, d * d, (i, j) => {
    const a = Math.floor(i / d), b = i % d, c = Math.floor(j / d), e = j % d;
    return a === e && b === c ? q.ONE : q.ZERO;
  });
}

/** Entry-wise (Hadamard) product a o b. */
export function hadamard(a: QMat, b: QMat): QMat {
  shape('hadamard', a.rows === b.rows && a.cols === b.cols, 'shape mismatch');
  return { rows: a.rows, cols: a.cols, e: a.e.map((x, k) => q.mul(x, b.e[k])) };
}

export function equals(a: QMat, b: QMat): boolean {
  return a.rows === b.rows && a.cols === b.cols && a.e.every((x, k) => q.eq(x, b.e[k]));
}

export function isZeroMat(a: QMat): boolean {
  return a.e.every(q.isZero);
}

export function isHermitian(a: QMat): boolean {
  return a.rows === a.cols && equals(a, adjoint(a));
}

export function isUnitary(a: QMat): boolean {
  return a.rows === a.cols && equals(matmul(adjoint(a), a), identity(a.rows)) && equals(matmul(a, adjoint(a)), identity(a.rows));
}

/** Column j as a d x 1 matrix. */
export function column(a: QMat, j: number): QMat {
  return fromFn(a.rows, 1, (i) => get(a, i, j));
}

/** Columns [from, to). */
export function columns(a: QMat, from: number, to: number): QMat {
  return fromFn(a.rows, to - from, (i, j) => get(a, i, from + j));
}

/** u v^dag for column vectors u, v. */
export function outer(u: QMat, v: QMat): QMat {
  return matmul(u, adjoint(v));
}

/** u^dag v for column vectors (the inner product, antilinear in u). */
export function inner(u: QMat, v: QMat): QI {
  return get(matmul(adjoint(u), v), 0, 0);
}

/**
 * Exact inverse by Gauss-Jordan elimination with pivoting on the first non-zero entry (exact arithmetic
 * needs no numerical pivoting). Throws if the matrix is singular.
 */
export function inverse(a: QMat): QMat {
  shape('inverse', a.rows === a.cols, 'not square');
  const n = a.rows;
  const w = a.e.slice();
  const inv = identity(n).e.slice();
  for (let c = 0; c < n; c++) {
    let p = c;
    while (p < n && q.isZero(w[p * n + c])) p++;
    if (p === n) throw new RangeError('inverse: singular matrix');
    if (p !== c) {
      for (let k = 0; k < n; k++) {
        [w[p * n + k], w[c * n + k]] = [w[c * n + k], w[p * n + k]];
        [inv[p * n + k], inv[c * n + k]] = [inv[c * n + k], inv[p * n + k]];
      }
    }
    const f = q.inv(w[c * n + c]);
    for (let k = 0; k < n; k++) {
      w[c * n + k] = q.mul(w[c * n + k], f);
      inv[c * n + k] = q.mul(inv[c * n + k], f);
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const g = w[r * n + c];
      if (q.isZero(g)) continue;
      for (let k = 0; k < n; k++) {
        w[r * n + k] = q.sub(w[r * n + k], q.mul(g, w[c * n + k]));
        inv[r * n + k] = q.sub(inv[r * n + k], q.mul(g, inv[c * n + k]));
      }
    }
  }
  return { rows: n, cols: n, e: inv };
}

/** Exact rank by Gaussian elimination. */
export function rank(a: QMat): number {
  const w = a.e.slice();
  const { rows, cols } = a;
  let r = 0;
  for (let c = 0; c < cols && r < rows; c++) {
    let p = r;
    while (p < rows && q.isZero(w[p * cols + c])) p++;
    if (p === rows) continue;
    for (let k = 0; k < cols; k++) [w[p * cols + k], w[r * cols + k]] = [w[r * cols + k], w[p * cols + k]];
    const f = q.inv(w[r * cols + c]);
    for (let i = r + 1; i < rows; i++) {
      const g = q.mul(w[i * cols + c], f);
      if (q.isZero(g)) continue;
      for (let k = c; k < cols; k++) w[i * cols + k] = q.sub(w[i * cols + k], q.mul(g, w[r * cols + k]));
    }
    r++;
  }
  return r;
}

/** Largest |entry| of a as a double (reporting only). */
export function maxAbsApprox(a: QMat): number {
  let m = 0;
  for (const x of a.e) m = Math.max(m, q.toNumberAbs(x));
  return m;
}

/** Largest bit length over the entries (bigint growth). */
export function maxBits(a: QMat): number {
  let m = 0;
  for (const x of a.e) m = Math.max(m, q.bits(x));
  return m;
}
