/**
 * Spectral quantities of dense complex matrices: singular values, operator norm and trace
 * norm.
 *
 * Singular values: complex Householder bidiagonalization a = U B V^dag (B upper
 * bidiagonal; only the moduli of its entries matter, the phases are absorbed into diagonal
 * unitaries), then the eigenvalues of the Golub-Kahan tridiagonal matrix, which are
 * +-sigma_i. Absolute accuracy ~ EPS * ||a||_op for every singular value, including the
 * small ones (forming a^dag a would lose half the digits of those).
 */
import { checkFiniteArray } from '../errors.ts';
import { type CMat } from './cmatrix.ts';
import { checkHermitian, eigvalsh, tridiagonalEig } from './eigh.ts';
import { reflector } from './qr.ts';

/** Singular values of a (any shape), descending; length min(rows, cols). */
export function singularValues(a: CMat): Float64Array {
  return singularValuesChecked(a, 'singularValues');
}

function singularValuesChecked(a: CMat, fn: string): Float64Array {
  checkFiniteArray(a.re, fn, 'a.re');
  checkFiniteArray(a.im, fn, 'a.im');
  // Work on an m x n copy with m >= n (a itself, or a^dag).
  // Stryker disable next-line EqualityOperator: a square matrix taken through its adjoint has the same singular values
  const tall = a.rows >= a.cols;
  const m = tall ? a.rows : a.cols, n = tall ? a.cols : a.rows;
  const ar = new Float64Array(m * n), ai = new Float64Array(m * n);
  for (let i = 0; i < a.rows; i++) {
    // Stryker disable next-line EqualityOperator: j <= a.cols only writes past the end of the copy (ignored) or into an entry the next row overwrites
    for (let j = 0; j < a.cols; j++) {
      const s = i * a.cols + j, t = tall ? s : j * n + i;
      ar[t] = a.re[s];
      // Stryker disable next-line UnaryOperator: conj(a^T) and a^T have the same singular values
      ai[t] = tall ? a.im[s] : -a.im[s];
    }
  }
  const alpha = new Float64Array(n), beta = new Float64Array(n);
  const ur = new Float64Array(m), ui = new Float64Array(m);
  // Stryker disable next-line MethodExpression: only the first n <= m entries of w are used
  const wr = new Float64Array(Math.max(m, n)), wi = new Float64Array(Math.max(m, n));
  // Stryker disable next-line EqualityOperator: k = n: the reflector of an empty column writes past the ends of alpha and w (ignored)
  for (let k = 0; k < n; k++) {
    // Left reflector on column k, rows k..m-1; applied to columns k+1..n-1.
    const [al, hl] = reflector(ar, ai, k * n + k, n, m - k, false, ur, ui);
    alpha[k] = al;
    if (hl > 0) {
      wr.fill(0);
      wi.fill(0);
      for (let i = k; i < m; i++) { // w_j = sum_i conj(u_i) A_ij / h
        const vr = ur[i - k] / hl, vi = ui[i - k] / hl, o = i * n;
        // Stryker disable next-line ArithmeticOperator,EqualityOperator: w_j for j <= k is never used (the update below starts at column k + 1); j = n writes past the end of w (ignored)
        for (let j = k + 1; j < n; j++) {
          wr[j] += vr * ar[o + j] + vi * ai[o + j];
          wi[j] += vr * ai[o + j] - vi * ar[o + j];
        }
      }
      // Stryker disable next-line EqualityOperator: row i = m lies past the end of the matrix: reads give NaN only into writes that are ignored
      for (let i = k; i < m; i++) { // A_ij -= u_i w_j
        const vr = ur[i - k], vi = ui[i - k], o = i * n;
        // Stryker disable next-line EqualityOperator: column j = n writes into row i + 1's column 0, left of the active block, never read again
        for (let j = k + 1; j < n; j++) {
          ar[o + j] -= vr * wr[j] - vi * wi[j];
          ai[o + j] -= vr * wi[j] + vi * wr[j];
        }
      }
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: a right reflector of an empty row is the identity, and beta[n - 1] is not used
    if (k >= n - 1) continue;
    // Right reflector from conj(row k), columns k+1..n-1; A <- A H on rows k+1..m-1.
    const [be, hr] = reflector(ar, ai, k * n + k + 1, 1, n - k - 1, true, ur, ui);
    beta[k] = be;
    if (hr > 0) {
      // Stryker disable next-line ArithmeticOperator,EqualityOperator: rows k - 1 and k: row k - 1 is already zero right of column k, row k is not read again; i = m is past the end (ignored)
      for (let i = k + 1; i < m; i++) {
        const o = i * n + k + 1;
        let tr = 0, ti = 0; // t = (A u)_i / h
        for (let j = 0; j < n - k - 1; j++) {
          const xr = ar[o + j], xi = ai[o + j];
          tr += xr * ur[j] - xi * ui[j];
          ti += xr * ui[j] + xi * ur[j];
        }
        tr /= hr;
        ti /= hr;
        // Stryker disable next-line EqualityOperator: j = n - k - 1 updates column 0 of row i + 1, left of the active block, never read again
        for (let j = 0; j < n - k - 1; j++) { // A_ij -= t_i conj(u_j)
          ar[o + j] -= tr * ur[j] + ti * ui[j];
          ai[o + j] -= ti * ur[j] - tr * ui[j];
        }
      }
    }
  }
  // Golub-Kahan matrix: zero diagonal, off-diagonal alpha_0, beta_0, alpha_1, ...; eigenvalues +-sigma.
  const d = new Float64Array(2 * n), e = new Float64Array(2 * n);
  // Stryker disable next-line EqualityOperator: k = n writes past the ends of e (ignored)
  for (let k = 0; k < n; k++) {
    e[2 * k] = alpha[k];
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: beta[n - 1] is 0, the value e[2n - 1] already has
    if (k < n - 1) e[2 * k + 1] = beta[k];
  }
  tridiagonalEig(d, e, null);
  const sv = new Float64Array(n);
  // Stryker disable next-line EqualityOperator: i = n writes past the end of sv (ignored)
  for (let i = 0; i < n; i++) sv[i] = Math.max(0, d[2 * n - 1 - i]);
  return sv;
}

/** ||a||_op: largest singular value (0 for an empty matrix). */
export function opNorm(a: CMat): number {
  const sv = singularValuesChecked(a, 'opNorm');
  return sv.length > 0 ? sv[0] : 0;
}

/** ||a||_op = max |lambda| for Hermitian a (0 for an empty matrix). */
export function opNormHermitian(a: CMat): number {
  checkHermitian(a, 'opNormHermitian', 'a');
  if (a.rows === 0) return 0;
  const v = eigvalsh(a);
  return Math.max(Math.abs(v[0]), Math.abs(v[v.length - 1]));
}

/** ||a||_1 (trace norm): sum of singular values. */
export function traceNorm(a: CMat): number {
  const sv = singularValuesChecked(a, 'traceNorm');
  let s = 0;
  for (let i = sv.length - 1; i >= 0; i--) s += sv[i];
  return s;
}
