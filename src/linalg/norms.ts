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
  const tall = a.rows >= a.cols;
  const m = tall ? a.rows : a.cols, n = tall ? a.cols : a.rows;
  const ar = new Float64Array(m * n), ai = new Float64Array(m * n);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      const s = i * a.cols + j, t = tall ? s : j * n + i;
      ar[t] = a.re[s];
      ai[t] = tall ? a.im[s] : -a.im[s];
    }
  }
  const alpha = new Float64Array(n), beta = new Float64Array(n);
  const ur = new Float64Array(m), ui = new Float64Array(m);
  const wr = new Float64Array(Math.max(m, n)), wi = new Float64Array(Math.max(m, n));
  for (let k = 0; k < n; k++) {
    // Left reflector on column k, rows k..m-1; applied to columns k+1..n-1.
    const [al, hl] = reflector(ar, ai, k * n + k, n, m - k, false, ur, ui);
    alpha[k] = al;
    if (hl > 0) {
      wr.fill(0);
      wi.fill(0);
      for (let i = k; i < m; i++) { // w_j = sum_i conj(u_i) A_ij / h
        const vr = ur[i - k] / hl, vi = ui[i - k] / hl, o = i * n;
        for (let j = k + 1; j < n; j++) {
          wr[j] += vr * ar[o + j] + vi * ai[o + j];
          wi[j] += vr * ai[o + j] - vi * ar[o + j];
        }
      }
      for (let i = k; i < m; i++) { // A_ij -= u_i w_j
        const vr = ur[i - k], vi = ui[i - k], o = i * n;
        for (let j = k + 1; j < n; j++) {
          ar[o + j] -= vr * wr[j] - vi * wi[j];
          ai[o + j] -= vr * wi[j] + vi * wr[j];
        }
      }
    }
    if (k >= n - 1) continue;
    // Right reflector from conj(row k), columns k+1..n-1; A <- A H on rows k+1..m-1.
    const [be, hr] = reflector(ar, ai, k * n + k + 1, 1, n - k - 1, true, ur, ui);
    beta[k] = be;
    if (hr > 0) {
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
        for (let j = 0; j < n - k - 1; j++) { // A_ij -= t_i conj(u_j)
          ar[o + j] -= tr * ur[j] + ti * ui[j];
          ai[o + j] -= ti * ur[j] - tr * ui[j];
        }
      }
    }
  }
  // Golub-Kahan matrix: zero diagonal, off-diagonal alpha_0, beta_0, alpha_1, ...; eigenvalues +-sigma.
  const d = new Float64Array(2 * n), e = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    e[2 * k] = alpha[k];
    if (k < n - 1) e[2 * k + 1] = beta[k];
  }
  tridiagonalEig(d, e, null);
  const sv = new Float64Array(n);
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
