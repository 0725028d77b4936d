/**
 * Dense complex matrices on split typed arrays (row-major `re`, `im`), and the
 * elementary kernels over them. One kernel per function, explicit loops, no object per
 * scalar. Vectors are `CVec` (split arrays of one length).
 */
import { check, QnnInputError } from '../errors.ts';

export interface CMat {
  readonly rows: number;
  readonly cols: number;
  readonly re: Float64Array;
  readonly im: Float64Array;
}

export interface CVec {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

export interface Complex {
  re: number;
  im: number;
}

/** Unit roundoff of IEEE double. */
export const EPS = 2 ** -52;

export function zeros(rows: number, cols: number = rows): CMat {
  check(Number.isInteger(rows) && rows >= 0, 'zeros', 'rows', `must be a non-negative integer (got ${rows})`);
  check(Number.isInteger(cols) && cols >= 0, 'zeros', 'cols', `must be a non-negative integer (got ${cols})`);
  return { rows, cols, re: new Float64Array(rows * cols), im: new Float64Array(rows * cols) };
}

export function cvec(n: number): CVec {
  return { re: new Float64Array(n), im: new Float64Array(n) };
}

export function identity(n: number): CMat {
  const a = zeros(n, n);
  // Stryker disable next-line EqualityOperator: i = n writes past the end (ignored)
  for (let i = 0; i < n; i++) a.re[i * n + i] = 1;
  return a;
}

/** Diagonal matrix with real entries. */
export function diag(values: ArrayLike<number>): CMat {
  const n = values.length;
  const a = zeros(n, n);
  // Stryker disable next-line EqualityOperator: i = n writes past the end (ignored)
  for (let i = 0; i < n; i++) a.re[i * n + i] = values[i];
  return a;
}

export function clone(a: CMat): CMat {
  return { rows: a.rows, cols: a.cols, re: a.re.slice(), im: a.im.slice() };
}

export function cloneVec(v: CVec): CVec {
  return { re: v.re.slice(), im: v.im.slice() };
}

/** Build from nested arrays (im optional: zero). */
export function fromArrays(re: number[][], im?: number[][]): CMat {
  const rows = re.length;
  const cols = rows > 0 ? re[0].length : 0;
  const a = zeros(rows, cols);
  for (let i = 0; i < rows; i++) {
    check(re[i].length === cols, 'fromArrays', `re[${i}]`, `has length ${re[i].length}, expected ${cols}`);
    if (im) check(im[i] !== undefined && im[i].length === cols, 'fromArrays', `im[${i}]`, `must have length ${cols}`);
    // Stryker disable next-line EqualityOperator: j = cols writes the first entry of the next row, which is computed after it, or past the end (ignored)
    for (let j = 0; j < cols; j++) {
      a.re[i * cols + j] = re[i][j];
      if (im) a.im[i * cols + j] = im[i][j];
    }
  }
  if (im) check(im.length === rows, 'fromArrays', 'im', `has ${im.length} rows, expected ${rows}`);
  return a;
}

export function toArrays(a: CMat): { re: number[][]; im: number[][] } {
  const re: number[][] = [];
  const im: number[][] = [];
  for (let i = 0; i < a.rows; i++) {
    re.push(Array.from(a.re.subarray(i * a.cols, (i + 1) * a.cols)));
    im.push(Array.from(a.im.subarray(i * a.cols, (i + 1) * a.cols)));
  }
  return { re, im };
}

function sameShape(fn: string, a: CMat, b: CMat): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new QnnInputError(fn, 'b', `shape ${b.rows}x${b.cols} != a shape ${a.rows}x${a.cols}`);
  }
}

function square(fn: string, name: string, a: CMat): void {
  if (a.rows !== a.cols) throw new QnnInputError(fn, name, `must be square (got ${a.rows}x${a.cols})`);
}

/** out = a b (out must not alias a or b). */
export function matmulInto(out: CMat, a: CMat, b: CMat): CMat {
  if (a.cols !== b.rows) throw new QnnInputError('matmul', 'a.cols', `(${a.cols}) != b.rows (${b.rows})`);
  if (out.rows !== a.rows || out.cols !== b.cols) {
    throw new QnnInputError('matmul', 'out', `shape ${out.rows}x${out.cols} != ${a.rows}x${b.cols}`);
  }
  const n = a.rows, k = a.cols, m = b.cols;
  const ore = out.re, oim = out.im, are = a.re, aim = a.im, bre = b.re, bim = b.im;
  ore.fill(0);
  oim.fill(0);
  // Stryker disable next-line EqualityOperator: row i = n writes past the end (ignored)
  for (let i = 0; i < n; i++) {
    const oi = i * m;
    for (let p = 0; p < k; p++) {
      const xr = are[i * k + p], xi = aim[i * k + p];
      // Stryker disable next-line ConditionalExpression: skipping a zero entry only saves work (the inputs are finite)
      if (xr === 0 && xi === 0) continue;
      const bp = p * m;
      for (let j = 0; j < m; j++) {
        const yr = bre[bp + j], yi = bim[bp + j];
        ore[oi + j] += xr * yr - xi * yi;
        oim[oi + j] += xr * yi + xi * yr;
      }
    }
  }
  return out;
}

export function matmul(a: CMat, b: CMat): CMat {
  return matmulInto(zeros(a.rows, b.cols), a, b); // matmulInto checks the shapes
}

/** Product of a list of matrices, left to right. */
export function matmulChain(...ms: CMat[]): CMat {
  check(ms.length > 0, 'matmulChain', 'ms', 'must be non-empty');
  let acc = ms[0];
  for (let i = 1; i < ms.length; i++) acc = matmul(acc, ms[i]);
  return acc;
}

/** Conjugate transpose. */
export function adjoint(a: CMat): CMat {
  const out = zeros(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) {
    // Stryker disable next-line EqualityOperator: j = cols writes past the end (ignored)
    for (let j = 0; j < a.cols; j++) {
      out.re[j * a.rows + i] = a.re[i * a.cols + j];
      out.im[j * a.rows + i] = -a.im[i * a.cols + j];
    }
  }
  return out;
}

/** Plain transpose (no conjugation). */
export function transpose(a: CMat): CMat {
  const out = zeros(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) {
    // Stryker disable next-line EqualityOperator: j = cols writes past the end (ignored)
    for (let j = 0; j < a.cols; j++) {
      out.re[j * a.rows + i] = a.re[i * a.cols + j];
      out.im[j * a.rows + i] = a.im[i * a.cols + j];
    }
  }
  return out;
}

export function add(a: CMat, b: CMat): CMat {
  sameShape('add', a, b);
  const out = clone(a);
  // Stryker disable next-line EqualityOperator: i = length writes past the end (ignored)
  for (let i = 0; i < out.re.length; i++) {
    out.re[i] += b.re[i];
    out.im[i] += b.im[i];
  }
  return out;
}

export function sub(a: CMat, b: CMat): CMat {
  sameShape('sub', a, b);
  const out = clone(a);
  // Stryker disable next-line EqualityOperator: i = length writes past the end (ignored)
  for (let i = 0; i < out.re.length; i++) {
    out.re[i] -= b.re[i];
    out.im[i] -= b.im[i];
  }
  return out;
}

/** (sr + i si) a. */
export function scale(a: CMat, sr: number, si = 0): CMat {
  const out = zeros(a.rows, a.cols);
  // Stryker disable next-line EqualityOperator: i = length writes past the end (ignored)
  for (let i = 0; i < a.re.length; i++) {
    out.re[i] = sr * a.re[i] - si * a.im[i];
    out.im[i] = sr * a.im[i] + si * a.re[i];
  }
  return out;
}

/** y += (sr + i si) x, in place on y. */
export function axpyInPlace(y: CMat, x: CMat, sr: number, si = 0): CMat {
  sameShape('axpy', y, x);
  // Stryker disable next-line EqualityOperator: i = length writes past the end (ignored)
  for (let i = 0; i < y.re.length; i++) {
    const xr = x.re[i], xi = x.im[i];
    y.re[i] += sr * xr - si * xi;
    y.im[i] += sr * xi + si * xr;
  }
  return y;
}

/** [a, b] = ab - ba. */
export function commutator(a: CMat, b: CMat): CMat {
  square('commutator', 'a', a);
  sameShape('commutator', a, b);
  return sub(matmul(a, b), matmul(b, a));
}

/** Kronecker product a (x) b. */
export function kron(a: CMat, b: CMat): CMat {
  const rows = a.rows * b.rows, cols = a.cols * b.cols;
  const out = zeros(rows, cols);
  // Stryker disable next-line EqualityOperator: row i = a.rows writes past the end (ignored)
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      const xr = a.re[i * a.cols + j], xi = a.im[i * a.cols + j];
      if (xr === 0 && xi === 0) continue;
      for (let k = 0; k < b.rows; k++) {
        const o = (i * b.rows + k) * cols + j * b.cols;
        const bo = k * b.cols;
        for (let l = 0; l < b.cols; l++) {
          const yr = b.re[bo + l], yi = b.im[bo + l];
          out.re[o + l] = xr * yr - xi * yi;
          out.im[o + l] = xr * yi + xi * yr;
        }
      }
    }
  }
  return out;
}

export function trace(a: CMat): Complex {
  square('trace', 'a', a);
  let re = 0, im = 0;
  for (let i = 0; i < a.rows; i++) {
    re += a.re[i * a.cols + i];
    im += a.im[i * a.cols + i];
  }
  return { re, im };
}

/** tr(a b) in O(n^2), without forming the product. */
export function traceProduct(a: CMat, b: CMat): Complex {
  if (a.cols !== b.rows || a.rows !== b.cols) {
    throw new QnnInputError('traceProduct', 'b', `shape ${b.rows}x${b.cols} does not match a^T shape ${a.cols}x${a.rows}`);
  }
  let re = 0, im = 0;
  const n = a.rows, k = a.cols;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      const xr = a.re[i * k + j], xi = a.im[i * k + j];
      const yr = b.re[j * n + i], yi = b.im[j * n + i];
      re += xr * yr - xi * yi;
      im += xr * yi + xi * yr;
    }
  }
  return { re, im };
}

/** Entry-wise (Hadamard) product a o b. */
export function hadamard(a: CMat, b: CMat): CMat {
  sameShape('hadamard', a, b);
  const out = zeros(a.rows, a.cols);
  // Stryker disable next-line EqualityOperator: i = length writes past the end (ignored)
  for (let i = 0; i < a.re.length; i++) {
    out.re[i] = a.re[i] * b.re[i] - a.im[i] * b.im[i];
    out.im[i] = a.re[i] * b.im[i] + a.im[i] * b.re[i];
  }
  return out;
}

export function frobeniusNorm(a: CMat): number {
  let s = 0;
  for (let i = 0; i < a.re.length; i++) s += a.re[i] * a.re[i] + a.im[i] * a.im[i];
  return Math.sqrt(s);
}

/** max |a_ij| (max of squares, one square root: no hypot per entry). */
export function maxAbs(a: CMat): number {
  let s = 0;
  for (let i = 0; i < a.re.length; i++) {
    const q = a.re[i] * a.re[i] + a.im[i] * a.im[i];
    // Stryker disable next-line EqualityOperator: a tie keeps the same maximum
    if (q > s) s = q;
    else if (q !== q) return NaN; // a NaN entry must never pass a `< tol` check
  }
  return Math.sqrt(s);
}

/** max_ij |a_ij - b_ij| */
export function maxAbsDiff(a: CMat, b: CMat): number {
  sameShape('maxAbsDiff', a, b);
  let s = 0;
  for (let i = 0; i < a.re.length; i++) {
    const dr = a.re[i] - b.re[i], di = a.im[i] - b.im[i];
    const q = dr * dr + di * di;
    // Stryker disable next-line EqualityOperator: a tie keeps the same maximum
    if (q > s) s = q;
    else if (q !== q) return NaN; // a NaN entry must never pass a `< tol` check
  }
  return Math.sqrt(s);
}

/** ||a - a^dag||_max: how far a is from Hermitian. */
export function hermitianDeviation(a: CMat): number {
  square('hermitianDeviation', 'a', a);
  const n = a.rows, re = a.re, im = a.im;
  let s = 0;
  // Stryker disable next-line EqualityOperator: row i = n: the inner loop over j >= n is empty
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const dr = re[i * n + j] - re[j * n + i];
      const di = im[i * n + j] + im[j * n + i];
      const q = dr * dr + di * di;
      // Stryker disable next-line EqualityOperator: a tie keeps the same maximum
      if (q > s) s = q;
      else if (q !== q) return NaN;
    }
  }
  return Math.sqrt(s);
}

/** ||u^dag u - I||_max: how far u is from unitary. */
export function unitaryDeviation(u: CMat): number {
  square('unitaryDeviation', 'u', u);
  return maxAbsDiff(matmul(adjoint(u), u), identity(u.rows));
}

/** (a + a^dag)/2 */
export function hermitianPart(a: CMat): CMat {
  square('hermitianPart', 'a', a);
  return scale(add(a, adjoint(a)), 0.5);
}

/**
 * Partial trace over the first factor of C^{d1} (x) C^{d2}:
 * tr_1(X)_{kl} = sum_a X_{(a,k),(a,l)}  (so tr_1(A (x) B) = tr(A) B).
 */
export function partialTrace1(x: CMat, d1: number, d2: number): CMat {
  check(x.rows === d1 * d2 && x.cols === d1 * d2, 'partialTrace1', 'x', `must be ${d1 * d2}x${d1 * d2} (got ${x.rows}x${x.cols})`);
  const out = zeros(d2, d2);
  const n = d1 * d2;
  for (let a = 0; a < d1; a++) {
    // Stryker disable next-line EqualityOperator: k = d2 writes past the end (ignored)
    for (let k = 0; k < d2; k++) {
      const row = (a * d2 + k) * n + a * d2;
      for (let l = 0; l < d2; l++) {
        out.re[k * d2 + l] += x.re[row + l];
        out.im[k * d2 + l] += x.im[row + l];
      }
    }
  }
  return out;
}

/** Partial trace over the second factor: tr_2(A (x) B) = tr(B) A. */
export function partialTrace2(x: CMat, d1: number, d2: number): CMat {
  check(x.rows === d1 * d2 && x.cols === d1 * d2, 'partialTrace2', 'x', `must be ${d1 * d2}x${d1 * d2} (got ${x.rows}x${x.cols})`);
  const out = zeros(d1, d1);
  const n = d1 * d2;
  // Stryker disable next-line EqualityOperator: i = d1 writes past the end (ignored)
  for (let i = 0; i < d1; i++) {
    // Stryker disable next-line EqualityOperator: j = d1 writes the first entry of the next row, which is computed after it, or past the end (ignored)
    for (let j = 0; j < d1; j++) {
      let re = 0, im = 0;
      for (let b = 0; b < d2; b++) {
        const idx = (i * d2 + b) * n + j * d2 + b;
        re += x.re[idx];
        im += x.im[idx];
      }
      out.re[i * d1 + j] = re;
      out.im[i * d1 + j] = im;
    }
  }
  return out;
}

/** SWAP on C^d (x) C^d: W = sum_ab e_a e_b^dag (x) e_b e_a^dag. */
export function swap(d: number): CMat {
  const n = d * d;
  const w = zeros(n, n);
  // Stryker disable next-line EqualityOperator: a = d writes past the end (ignored)
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) w.re[(a * d + b) * n + (b * d + a)] = 1;
  return w;
}

/** a v */
export function matvec(a: CMat, v: CVec): CVec {
  check(v.re.length === a.cols, 'matvec', 'v', `has length ${v.re.length}, expected a.cols = ${a.cols}`);
  const out = cvec(a.rows);
  // Stryker disable next-line EqualityOperator: i = rows writes past the end (ignored)
  for (let i = 0; i < a.rows; i++) {
    let re = 0, im = 0;
    const o = i * a.cols;
    for (let j = 0; j < a.cols; j++) {
      const xr = a.re[o + j], xi = a.im[o + j], yr = v.re[j], yi = v.im[j];
      re += xr * yr - xi * yi;
      im += xr * yi + xi * yr;
    }
    out.re[i] = re;
    out.im[i] = im;
  }
  return out;
}

/** u^dag v */
export function inner(u: CVec, v: CVec): Complex {
  check(u.re.length === v.re.length, 'inner', 'v', `has length ${v.re.length}, expected ${u.re.length}`);
  let re = 0, im = 0;
  for (let i = 0; i < u.re.length; i++) {
    re += u.re[i] * v.re[i] + u.im[i] * v.im[i];
    im += u.re[i] * v.im[i] - u.im[i] * v.re[i];
  }
  return { re, im };
}

export function vecNorm(v: CVec): number {
  let s = 0;
  for (let i = 0; i < v.re.length; i++) s += v.re[i] * v.re[i] + v.im[i] * v.im[i];
  return Math.sqrt(s);
}

/** Row i of a as a vector (copy). */
export function row(a: CMat, i: number): CVec {
  return { re: a.re.slice(i * a.cols, (i + 1) * a.cols), im: a.im.slice(i * a.cols, (i + 1) * a.cols) };
}

/** Column j of a as a vector (copy). */
export function col(a: CMat, j: number): CVec {
  const v = cvec(a.rows);
  // Stryker disable next-line EqualityOperator: i = rows writes past the end (ignored)
  for (let i = 0; i < a.rows; i++) {
    v.re[i] = a.re[i * a.cols + j];
    v.im[i] = a.im[i * a.cols + j];
  }
  return v;
}

/** Columns [from, to) of a as a rows x (to - from) matrix (copy). */
export function columns(a: CMat, from: number, to: number): CMat {
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to && to <= a.cols)) {
    throw new QnnInputError('columns', 'from, to', `need integers 0 <= from (${from}) <= to (${to}) <= a.cols (${a.cols})`);
  }
  const w = to - from;
  const out = zeros(a.rows, w);
  // Stryker disable next-line EqualityOperator: i = rows writes past the end (ignored)
  for (let i = 0; i < a.rows; i++) {
    // Stryker disable next-line EqualityOperator: j = to writes the next row's first entry, which that row overwrites (past the end on the last)
    for (let j = from; j < to; j++) {
      out.re[i * w + j - from] = a.re[i * a.cols + j];
      out.im[i * w + j - from] = a.im[i * a.cols + j];
    }
  }
  return out;
}

/** v v^dag */
export function outer(u: CVec, v: CVec = u): CMat {
  const n = u.re.length, m = v.re.length;
  const out = zeros(n, m);
  // Stryker disable next-line EqualityOperator: i = n writes past the end (ignored)
  for (let i = 0; i < n; i++) {
    // Stryker disable next-line EqualityOperator: j = m writes the first entry of the next row, which is computed after it, or past the end (ignored)
    for (let j = 0; j < m; j++) {
      out.re[i * m + j] = u.re[i] * v.re[j] + u.im[i] * v.im[j];
      out.im[i * m + j] = u.im[i] * v.re[j] - u.re[i] * v.im[j];
    }
  }
  return out;
}

/** Gram matrix G_ij = v_i^dag v_j of the rows v_i of `vs`. */
export function gramRows(vs: CMat): CMat {
  const m = vs.rows, d = vs.cols;
  const g = zeros(m, m);
  // Stryker disable next-line EqualityOperator: row i = m: the inner loop over j >= m is empty
  for (let i = 0; i < m; i++) {
    for (let j = i; j < m; j++) {
      let re = 0, im = 0;
      for (let k = 0; k < d; k++) {
        const ar = vs.re[i * d + k], ai = vs.im[i * d + k], br = vs.re[j * d + k], bi = vs.im[j * d + k];
        re += ar * br + ai * bi;
        im += ar * bi - ai * br;
      }
      g.re[i * m + j] = re;
      g.im[i * m + j] = im;
      g.re[j * m + i] = re;
      g.im[j * m + i] = -im;
    }
  }
  return g;
}

/** Real part as a plain number[][] (for symmetric real results such as kernels). */
export function realPart(a: CMat): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < a.rows; i++) out.push(Array.from(a.re.subarray(i * a.cols, (i + 1) * a.cols)));
  return out;
}
