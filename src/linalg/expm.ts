/**
 * Matrix exponentials of (anti-)Hermitian generators through the eigendecomposition:
 * exp(-i t H) = V diag(exp(-i t lambda_k)) V^dag, unitary to ~ n * EPS because V is.
 */
import { checkFinite, checkFiniteArray, QnnInputError } from '../errors.ts';
import { type CMat, hermitianDeviation, scale, zeros } from './cmatrix.ts';
import { checkHermitian, eigh, hermitianTolerance } from './eigh.ts';

/** V diag(exp(-i t lambda)) V^dag for a = V diag(lambda) V^dag. */
function expFromEigh(values: Float64Array, v: CMat, t: number): CMat {
  const n = v.rows;
  // W = V diag(phases), phase_k = exp(-i t lambda_k) = cos(t lambda_k) - i sin(t lambda_k).
  const wr = new Float64Array(n * n), wi = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const c = Math.cos(t * values[k]), s = -Math.sin(t * values[k]);
    // Stryker disable next-line EqualityOperator: r = n reads past the end of v (NaN) into a write past the end of w (ignored)
    for (let r = 0; r < n; r++) {
      const xr = v.re[r * n + k], xi = v.im[r * n + k];
      wr[r * n + k] = xr * c - xi * s;
      wi[r * n + k] = xr * s + xi * c;
    }
  }
  // out_rc = sum_k W_rk conj(V_ck): dot products of rows of W and rows of V.
  const out = zeros(n, n);
  // Stryker disable next-line EqualityOperator: r = n writes past the end of out (ignored)
  for (let r = 0; r < n; r++) {
    const o = r * n;
    // Stryker disable next-line EqualityOperator: c = n writes entry (r + 1, 0), which the next row overwrites, or past the end (ignored)
    for (let c = 0; c < n; c++) {
      const oc = c * n;
      let sr = 0, si = 0;
      for (let k = 0; k < n; k++) {
        const ar = wr[o + k], ai = wi[o + k], br = v.re[oc + k], bi = v.im[oc + k];
        sr += ar * br + ai * bi;
        si += ai * br - ar * bi;
      }
      out.re[o + c] = sr;
      out.im[o + c] = si;
    }
  }
  return out;
}

/** exp(-i t h) for Hermitian h (a unitary). */
export function expmHermitian(h: CMat, t: number): CMat {
  checkHermitian(h, 'expmHermitian', 'h');
  checkFinite(t, 'expmHermitian', 't');
  const { values, vectors } = eigh(h);
  return expFromEigh(values, vectors, t);
}

/** exp(t b) for anti-Hermitian b (b^dag = -b): with h = i b Hermitian, exp(t b) = exp(-i t h). */
export function expmAntiHermitian(b: CMat, t: number): CMat {
  if (b.rows !== b.cols) throw new QnnInputError('expmAntiHermitian', 'b', `must be square (got ${b.rows}x${b.cols})`);
  checkFiniteArray(b.re, 'expmAntiHermitian', 'b.re');
  checkFiniteArray(b.im, 'expmAntiHermitian', 'b.im');
  checkFinite(t, 'expmAntiHermitian', 't');
  const h = scale(b, 0, 1);
  // ||h - h^dag||_max = ||b + b^dag||_max, same tolerance rule as eigh.
  const dev = hermitianDeviation(h), tol = hermitianTolerance(h);
  // Stryker disable next-line EqualityOperator: the two comparisons differ only when the deviation equals the tolerance to the last bit
  if (!(dev <= tol)) {
    throw new QnnInputError('expmAntiHermitian', 'b', `must be anti-Hermitian (||b + b^dag||_max = ${dev.toExponential(3)} > tol ${tol.toExponential(3)})`);
  }
  const { values, vectors } = eigh(h);
  return expFromEigh(values, vectors, t);
}
