/**
 * Householder QR, determinant and linear solve for dense complex matrices.
 *
 * qr: thin QR a = q r of an m x n matrix (m >= n) by complex Householder reflectors, with
 * r normalised to a real non-negative diagonal (so the QR of a complex Ginibre matrix gives
 * a Haar-distributed unitary directly). det, solve: LU with partial pivoting.
 */
import { check, checkFiniteArray, QnnInputError } from '../errors.ts';
import { type CMat, type Complex, EPS, maxAbs, zeros } from './cmatrix.ts';

/**
 * Householder reflector for x_i = (xr, xi)[o + i*stride], i = 0..len-1 (conjugated if conj):
 * writes u to (ur, ui)[0..len-1] so that (I - u u^dag / h) x = -phase(x_0) ||x|| e_1.
 * Returns [||x||, h]; h = 0 means nothing to do (x already a multiple of e_1).
 */
export function reflector(
  xr: Float64Array, xi: Float64Array, o: number, stride: number, len: number, conj: boolean,
  ur: Float64Array, ui: Float64Array,
): [number, number] {
  const sgn = conj ? -1 : 1;
  let tail = 0;
  for (let i = 1; i < len; i++) tail = Math.max(tail, Math.abs(xr[o + i * stride]), Math.abs(xi[o + i * stride]));
  const x0r = xr[o], x0i = sgn * xi[o];
  if (tail === 0) return [Math.hypot(x0r, x0i), 0];
  const s = Math.max(tail, Math.abs(x0r), Math.abs(x0i)); // scale against over/underflow
  let ss = 0;
  for (let i = 0; i < len; i++) {
    const a = xr[o + i * stride] / s, b = (sgn * xi[o + i * stride]) / s;
    ur[i] = a;
    ui[i] = b;
    ss += a * a + b * b;
  }
  const alpha = Math.sqrt(ss), abs0 = Math.hypot(x0r, x0i) / s;
  // u = x/s + phase(x0) ||x/s|| e1, h = ||x/s|| (||x/s|| + |x0/s|).
  ur[0] += abs0 === 0 ? alpha : (x0r / s / abs0) * alpha;
  ui[0] += abs0 === 0 ? 0 : (x0i / s / abs0) * alpha;
  return [alpha * s, alpha * (alpha + abs0)];
}

/** Thin QR: a (m x n, m >= n) = q r, q m x n with orthonormal columns, r n x n upper triangular, diag(r) >= 0. */
export function qr(a: CMat): { q: CMat; r: CMat } {
  const m = a.rows, n = a.cols;
  check(m >= n, 'qr', 'a', `must have rows >= cols (got ${m}x${n})`);
  checkFiniteArray(a.re, 'qr', 'a.re');
  checkFiniteArray(a.im, 'qr', 'a.im');
  const w = { re: a.re.slice(), im: a.im.slice() };
  const us = new Float64Array(n * m), vs = new Float64Array(n * m); // row k: u_k (length m - k)
  const hs = new Float64Array(n);
  const rdr = new Float64Array(n), rdi = new Float64Array(n); // diagonal of r before normalisation
  const pr = new Float64Array(n), pi = new Float64Array(n);
  // Stryker disable next-line EqualityOperator: k = n: a reflector into an empty view, and writes past the ends of hs and rd (ignored)
  for (let k = 0; k < n; k++) {
    // Stryker disable next-line ArithmeticOperator: a longer view: the reflector writes only its first m - k entries
    const ur = us.subarray(k * m, k * m + m - k), ui = vs.subarray(k * m, k * m + m - k);
    const x0r = w.re[k * n + k], x0i = w.im[k * n + k];
    const [alpha, h] = reflector(w.re, w.im, k * n + k, n, m - k, false, ur, ui);
    hs[k] = h;
    if (h === 0) {
      rdr[k] = x0r;
      rdi[k] = x0i;
      continue;
    }
    const a0 = Math.hypot(x0r, x0i);
    rdr[k] = a0 === 0 ? -alpha : (-x0r / a0) * alpha; // -phase(x0) ||x||
    rdi[k] = a0 === 0 ? 0 : (-x0i / a0) * alpha;
    pr.fill(0);
    pi.fill(0);
    for (let i = k; i < m; i++) { // p_j = sum_i conj(u_i) W_ij / h, j > k
      const vr = ur[i - k] / h, vi = ui[i - k] / h, o = i * n;
      // Stryker disable next-line ArithmeticOperator,EqualityOperator: p_j for j <= k is never used (the update below starts at column k + 1); j = n writes past the end of p (ignored)
      for (let j = k + 1; j < n; j++) {
        pr[j] += vr * w.re[o + j] + vi * w.im[o + j];
        pi[j] += vr * w.im[o + j] - vi * w.re[o + j];
      }
    }
    // Stryker disable next-line EqualityOperator: row i = m lies past the end of w: its writes are ignored
    for (let i = k; i < m; i++) { // W_ij -= u_i p_j
      const vr = ur[i - k], vi = ui[i - k], o = i * n;
      // Stryker disable next-line EqualityOperator: column j = n writes entry (i + 1, 0), left of the active block, never read again
      for (let j = k + 1; j < n; j++) {
        w.re[o + j] -= vr * pr[j] - vi * pi[j];
        w.im[o + j] -= vr * pi[j] + vi * pr[j];
      }
    }
  }
  // q = H_0 ... H_{n-1} [I_n; 0], accumulated backwards.
  const q = zeros(m, n);
  for (let i = 0; i < n; i++) q.re[i * n + i] = 1;
  // Stryker disable next-line ArithmeticOperator: k = n + 1 and k = n: hs[k] is undefined and both loops are empty
  for (let k = n - 1; k >= 0; k--) {
    const h = hs[k];
    if (h === 0) continue;
    const ur = us.subarray(k * m), ui = vs.subarray(k * m);
    pr.fill(0);
    pi.fill(0);
    for (let i = k; i < m; i++) {
      const vr = ur[i - k] / h, vi = ui[i - k] / h, o = i * n;
      // Stryker disable next-line EqualityOperator: column j = n writes past the end of p (ignored)
      for (let j = k; j < n; j++) {
        pr[j] += vr * q.re[o + j] + vi * q.im[o + j];
        pi[j] += vr * q.im[o + j] - vi * q.re[o + j];
      }
    }
    // Stryker disable next-line EqualityOperator: row i = m writes past the end of q (ignored)
    for (let i = k; i < m; i++) {
      const vr = ur[i - k], vi = ui[i - k], o = i * n;
      for (let j = k; j < n; j++) {
        q.re[o + j] -= vr * pr[j] - vi * pi[j];
        q.im[o + j] -= vr * pi[j] + vi * pr[j];
      }
    }
  }
  // r_kk = |r_kk| theta_k: row k of r times conj(theta_k), column k of q times theta_k.
  const r = zeros(n, n);
  for (let k = 0; k < n; k++) {
    const mag = Math.hypot(rdr[k], rdi[k]);
    const tr = mag === 0 ? 1 : rdr[k] / mag, ti = mag === 0 ? 0 : rdi[k] / mag;
    r.re[k * n + k] = mag;
    for (let j = k + 1; j < n; j++) {
      const xr = w.re[k * n + j], xi = w.im[k * n + j];
      r.re[k * n + j] = xr * tr + xi * ti;
      r.im[k * n + j] = xi * tr - xr * ti;
    }
    // Stryker disable next-line EqualityOperator: row i = m writes past the end of q (ignored)
    for (let i = 0; i < m; i++) {
      const xr = q.re[i * n + k], xi = q.im[i * n + k];
      q.re[i * n + k] = xr * tr - xi * ti;
      q.im[i * n + k] = xr * ti + xi * tr;
    }
  }
  return { q, r };
}

/** In-place LU with partial pivoting of the n x n split arrays (lr, li): P a = L U. Returns the row permutation and its sign. */
function luInPlace(lr: Float64Array, li: Float64Array, n: number): { perm: Int32Array; sign: number; minPivot: number } {
  const perm = new Int32Array(n);
  // Stryker disable next-line EqualityOperator: i = n writes past the end of perm (ignored)
  for (let i = 0; i < n; i++) perm[i] = i;
  let sign = 1, minPivot = Infinity;
  for (let k = 0; k < n; k++) {
    let p = k, best = -1;
    // Stryker disable next-line EqualityOperator: row i = n reads undefined: v is NaN and NaN > best is false
    for (let i = k; i < n; i++) {
      const v = lr[i * n + k] ** 2 + li[i * n + k] ** 2;
      // Stryker disable next-line EqualityOperator: a tie picks the last of the equally large pivots: a different, equally valid partial pivoting
      if (v > best) { best = v; p = i; }
    }
    minPivot = Math.min(minPivot, Math.sqrt(best));
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        let t = lr[k * n + j]; lr[k * n + j] = lr[p * n + j]; lr[p * n + j] = t;
        t = li[k * n + j]; li[k * n + j] = li[p * n + j]; li[p * n + j] = t;
      }
      const t = perm[k]; perm[k] = perm[p]; perm[p] = t;
      sign = -sign;
    }
    if (best === 0) continue;
    // 1 / pivot = conj(pivot) / |pivot|^2.
    const ir = lr[k * n + k] / best, ii = -li[k * n + k] / best;
    // Stryker disable next-line EqualityOperator: row i = n writes past the end of the matrix (ignored)
    for (let i = k + 1; i < n; i++) {
      const o = i * n;
      const xr = lr[o + k], xi = li[o + k];
      const fr = xr * ir - xi * ii, fi = xr * ii + xi * ir; // multiplier l_ik
      lr[o + k] = fr;
      li[o + k] = fi;
      // Stryker disable next-line ConditionalExpression: skipping a zero multiplier only saves work: the update subtracts 0
      if (fr === 0 && fi === 0) continue;
      for (let j = k + 1; j < n; j++) {
        const yr = lr[k * n + j], yi = li[k * n + j];
        lr[o + j] -= fr * yr - fi * yi;
        li[o + j] -= fr * yi + fi * yr;
      }
    }
  }
  return { perm, sign, minPivot };
}

/** Determinant of square a (LU with partial pivoting). */
export function det(a: CMat): Complex {
  check(a.rows === a.cols, 'det', 'a', `must be square (got ${a.rows}x${a.cols})`);
  checkFiniteArray(a.re, 'det', 'a.re');
  checkFiniteArray(a.im, 'det', 'a.im');
  const n = a.rows;
  const lr = a.re.slice(), li = a.im.slice();
  const { sign } = luInPlace(lr, li, n);
  let re = sign, im = 0;
  for (let k = 0; k < n; k++) {
    const xr = lr[k * n + k], xi = li[k * n + k];
    const t = re * xr - im * xi;
    im = re * xi + im * xr;
    re = t;
  }
  return { re, im };
}

/**
 * x with a x = b (a n x n, b n x k), LU with partial pivoting. Throws if a is singular to
 * working precision: some pivot |u_kk| <= n * EPS * max|a_ij|.
 */
export function solve(a: CMat, b: CMat): CMat {
  check(a.rows === a.cols, 'solve', 'a', `must be square (got ${a.rows}x${a.cols})`);
  check(b.rows === a.rows, 'solve', 'b.rows', `(${b.rows}) != a.rows (${a.rows})`);
  checkFiniteArray(a.re, 'solve', 'a.re');
  checkFiniteArray(a.im, 'solve', 'a.im');
  checkFiniteArray(b.re, 'solve', 'b.re');
  checkFiniteArray(b.im, 'solve', 'b.im');
  const n = a.rows, k = b.cols;
  const lr = a.re.slice(), li = a.im.slice();
  const { perm, minPivot } = luInPlace(lr, li, n);
  const tol = n * EPS * maxAbs(a);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: n = 0: minPivot = Infinity > tol = 0, so the test passes either way
  if (n > 0 && !(minPivot > tol)) {
    throw new QnnInputError('solve', 'a', `is singular to working precision (min pivot ${minPivot.toExponential(3)} <= ${tol.toExponential(3)})`);
  }
  // x = P b, then L y = x (unit lower), then U x = y.
  const x = zeros(n, k);
  // Stryker disable next-line EqualityOperator: i = n writes an empty row past the end of x
  for (let i = 0; i < n; i++) {
    x.re.set(b.re.subarray(perm[i] * k, perm[i] * k + k), i * k);
    x.im.set(b.im.subarray(perm[i] * k, perm[i] * k + k), i * k);
  }
  const axpyRow = (i: number, p: number, fr: number, fi: number): void => { // x_i -= f x_p
    for (let j = 0; j < k; j++) {
      const yr = x.re[p * k + j], yi = x.im[p * k + j];
      x.re[i * k + j] -= fr * yr - fi * yi;
      x.im[i * k + j] -= fr * yi + fi * yr;
    }
  };
  // Stryker disable next-line EqualityOperator: row i = n writes past the end of x (ignored)
  for (let i = 1; i < n; i++) for (let p = 0; p < i; p++) axpyRow(i, p, lr[i * n + p], li[i * n + p]);
  // Stryker disable next-line ArithmeticOperator: rows n + 1 and n lie past the end: no updates, writes ignored
  for (let i = n - 1; i >= 0; i--) {
    for (let p = i + 1; p < n; p++) axpyRow(i, p, lr[i * n + p], li[i * n + p]);
    const ur = lr[i * n + i], ui = li[i * n + i], d2 = ur * ur + ui * ui;
    for (let j = 0; j < k; j++) { // x_ij /= u_ii
      const yr = x.re[i * k + j], yi = x.im[i * k + j];
      x.re[i * k + j] = (yr * ur + yi * ui) / d2;
      x.im[i * k + j] = (yi * ur - yr * ui) / d2;
    }
  }
  return x;
}
