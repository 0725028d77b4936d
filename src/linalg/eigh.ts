/**
 * Eigendecomposition of complex Hermitian matrices.
 *
 * Algorithm: complex Householder reduction A = Q T Q^dag to Hermitian tridiagonal T,
 * phases of the off-diagonal absorbed into a diagonal unitary D (T = D S D^dag with S
 * real symmetric tridiagonal), implicit QL with Wilkinson-type shifts on S (EISPACK tql2)
 * accumulating the rotations Z, then V = Q D Z. Every step is a unitary transformation,
 * so V is orthonormal to ~ n * EPS even for heavily degenerate spectra.
 *
 * Hermitian check rule: ||a - a^dag||_max <= 1e3 * EPS * n * max(1, max|a_ij|)
 * (see hermitianTolerance). The decomposition returned is that of the Hermitian part
 * (a + a^dag)/2, which is within that tolerance of a.
 */
import { check, checkFiniteArray, QnnInputError } from '../errors.ts';
import { type CMat, EPS, hermitianDeviation, maxAbs, zeros } from './cmatrix.ts';
import { reflector } from './qr.ts';

/** Absolute tolerance on ||a - a^dag||_max accepted as "Hermitian": 1e3 * EPS * n * max(1, max|a_ij|). */
export function hermitianTolerance(a: CMat): number {
  return 1e3 * EPS * Math.max(1, a.rows) * Math.max(1, maxAbs(a));
}

/** Throws `fn: param ...` unless a is square, finite and Hermitian within hermitianTolerance(a). */
export function checkHermitian(a: CMat, fn: string, param: string): void {
  check(a.rows === a.cols, fn, param, `must be square (got ${a.rows}x${a.cols})`);
  checkFiniteArray(a.re, fn, `${param}.re`);
  checkFiniteArray(a.im, fn, `${param}.im`);
  const dev = hermitianDeviation(a);
  const tol = hermitianTolerance(a);
  // Stryker disable next-line EqualityOperator: the two comparisons differ only at exact equality
  if (!(dev <= tol)) {
    throw new QnnInputError(fn, param, `must be Hermitian (||a - a^dag||_max = ${dev.toExponential(3)} > tol ${tol.toExponential(3)})`);
  }
}

/**
 * Applies the rotations i = m-1 down to l of one QL sweep to the rows of z, two at a time:
 * (r_i, r_i+1) <- (c r_i - s r_i+1, s r_i + c r_i+1).
 */
function applySweep(z: Float64Array, n: number, l: number, m: number, cs: Float64Array, sn: Float64Array): void {
  let i = m - 1;
  for (; i - 1 >= l; i -= 2) {
    const c1 = cs[i], s1 = sn[i], c2 = cs[i - 1], s2 = sn[i - 1];
    const oa = (i - 1) * n, ob = oa + n, oc = ob + n;
    for (let k = 0; k < n; k++) {
      const za = z[oa + k], zb = z[ob + k], zc = z[oc + k];
      z[oc + k] = s1 * zb + c1 * zc;
      const nb = c1 * zb - s1 * zc;
      z[ob + k] = s2 * za + c2 * nb;
      z[oa + k] = c2 * za - s2 * nb;
    }
  }
  if (i === l) { // one rotation left: rows l, l+1
    const c = cs[l], s = sn[l], oa = l * n, ob = oa + n;
    for (let k = 0; k < n; k++) {
      const za = z[oa + k], zb = z[ob + k];
      z[ob + k] = s * za + c * zb;
      z[oa + k] = c * za - s * zb;
    }
  }
}

/**
 * Eigenvalues of the real symmetric tridiagonal matrix with diagonal d and off-diagonal e
 * (e[i] couples i and i+1; e[n-1] is ignored), by implicit QL with shifts (EISPACK tql2).
 * On return d holds the eigenvalues ascending. If z (n*n, row-major) is given, its rows
 * are rotated along: start with z = I to get the eigenvector of d[j] as ROW j of z.
 * e is destroyed.
 */
export function tridiagonalEig(d: Float64Array, e: Float64Array, z: Float64Array | null): void {
  const n = d.length;
  // Stryker disable next-line ConditionalExpression: n = 0: the loops below are empty and the write e[-1] is ignored
  if (n === 0) return;
  // Stryker disable next-line ArithmeticOperator: e[n - 1] is read only at l = n - 1, where no iteration is left (the search for m stops at n - 1 by its bound)
  e[n - 1] = 0;
  const cs = new Float64Array(n), sn = new Float64Array(n); // rotations of one sweep
  // Stryker disable next-line ArithmeticOperator: QL needs a few iterations per eigenvalue, far below either budget (n = 1 needs none)
  let f = 0, tst1 = 0, budget = 60 * n + 60;
  // Stryker disable next-line EqualityOperator: l = n: m = l and no iteration
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: e[n - 1] = 0 stops the search at m = n - 1 anyway
    while (m < n - 1 && Math.abs(e[m]) > EPS * tst1) m++;
    if (m > l) {
      do {
        // Stryker disable next-line all: the iteration budget is never exhausted (QL converges in a few iterations per eigenvalue): a guard
        if (--budget < 0) throw new Error('tridiagonalEig: QL iteration did not converge');
        // Shift: eigenvalue of the leading 2x2 block closest to d[l].
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        // Stryker disable next-line EqualityOperator: p = 0 exactly: either sign of r gives a valid shift
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        // Stryker disable next-line EqualityOperator: i = n writes past the end of d (ignored)
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        // Implicit QL sweep from m-1 down to l.
        p = d[m];
        let c = 1, c2 = 1, c3 = 1, s = 0, s2 = 0;
        const el1 = e[l + 1];
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          cs[i] = c;
          sn[i] = s;
        }
        if (z) applySweep(z, n, l, m, cs, sn);
        p = -s * s2 * c3 * el1 * (e[l] / dl1); // grouped so el1 * e[l] cannot under/overflow
        e[l] = s * p;
        d[l] = c * p;
      } while (
        // Stryker disable next-line EqualityOperator: the two comparisons differ only at exact equality
        Math.abs(e[l]) > EPS * tst1
      );
    }
    d[l] += f;
    e[l] = 0;
  }
  // Selection sort ascending, swapping rows of z along.
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: i >= n - 1: nothing after the entry to compare with, no swap
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    // Stryker disable next-line EqualityOperator: a tie picks a later equal eigenvalue: the same values, the eigenvectors of one eigenspace in another order; j = n reads NaN (no swap)
    for (let j = i + 1; j < n; j++) if (d[j] < d[k]) k = j;
    // Stryker disable next-line ConditionalExpression: swapping an entry with itself changes nothing
    if (k !== i) {
      const t = d[i];
      d[i] = d[k];
      d[k] = t;
      if (z) {
        for (let j = 0; j < n; j++) {
          const tz = z[i * n + j];
          z[i * n + j] = z[k * n + j];
          z[k * n + j] = tz;
        }
      }
    }
  }
}

/** a = Q D S D^dag Q^dag with Q = H_0 ... H_{n-2}, H_k = I - u_k u_k^dag / h_k, D diagonal unitary. */
interface Tridiagonal {
  d: Float64Array; // diagonal of S
  e: Float64Array; // off-diagonal of S (non-negative)
  ur: Float64Array; // row k: u_k (entries k+1..n-1)
  ui: Float64Array;
  hs: Float64Array; // h_k (0: H_k = I)
  dr: Float64Array; // D
  di: Float64Array;
}

/** Householder tridiagonalization of the Hermitian part of a (no validation), lower triangle only. */
function tridiagonalize(a: CMat): Tridiagonal {
  const n = a.rows;
  // Working copy: lower triangle of the Hermitian part of a.
  const ar = new Float64Array(n * n), ai = new Float64Array(n * n);
  // Stryker disable next-line EqualityOperator: i = n writes past the end of the copy (ignored)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      ar[i * n + j] = 0.5 * (a.re[i * n + j] + a.re[j * n + i]);
      ai[i * n + j] = 0.5 * (a.im[i * n + j] - a.im[j * n + i]);
    }
  }
  const ur = new Float64Array(n * n), ui = new Float64Array(n * n); // row k: reflector of step k
  const hs = new Float64Array(n); // reflector k is I - u u^dag / hs[k] (hs = 0: identity)
  const er = new Float64Array(n), ei = new Float64Array(n); // complex off-diagonal T[k+1][k]
  const pr = new Float64Array(n), pi = new Float64Array(n);
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: k >= n - 1: reflectors of empty columns (h = 0), writes past the ends ignored
  for (let k = 0; k < n - 1; k++) {
    const k1 = k + 1;
    const x0r = ar[k1 * n + k], x0i = ai[k1 * n + k];
    const uo = k * n;
    // Column k below the diagonal: H_k x = -phase(x0) ||x|| e1.
    const [alpha, h] = reflector(ar, ai, k1 * n + k, n, n - k1, false, ur.subarray(uo + k1), ui.subarray(uo + k1));
    hs[k] = h;
    if (h === 0) {
      // Already tridiagonal in this column: keep the complex entry, phase absorbed below.
      er[k] = x0r;
      ei[k] = x0i;
      continue;
    }
    const abs0 = Math.hypot(x0r, x0i);
    er[k] = abs0 === 0 ? -alpha : (-x0r / abs0) * alpha;
    ei[k] = abs0 === 0 ? 0 : (-x0i / abs0) * alpha;
    // p = A u / h on the trailing block, from its lower triangle.
    pr.fill(0, k1);
    pi.fill(0, k1);
    for (let i = k1; i < n; i++) {
      const o = i * n, vr = ur[uo + i], vi = ui[uo + i];
      let sr = ar[o + i] * vr, si = ar[o + i] * vi;
      for (let j = k1; j < i; j++) {
        const xr = ar[o + j], xi = ai[o + j], yr = ur[uo + j], yi = ui[uo + j];
        sr += xr * yr - xi * yi; // A_ij u_j
        si += xr * yi + xi * yr;
        pr[j] += xr * vr + xi * vi; // conj(A_ij) u_i
        pi[j] += xr * vi - xi * vr;
      }
      pr[i] += sr;
      pi[i] += si;
    }
    // q = p - K u with K = Re(u^dag p) / (2h); A <- A - u q^dag - q u^dag.
    let kr = 0;
    for (let i = k1; i < n; i++) {
      pr[i] /= h;
      pi[i] /= h;
      kr += ur[uo + i] * pr[i] + ui[uo + i] * pi[i];
    }
    const K = kr / (2 * h);
    // Stryker disable next-line EqualityOperator: i = n writes past the end of p (ignored)
    for (let i = k1; i < n; i++) {
      pr[i] -= K * ur[uo + i];
      pi[i] -= K * ui[uo + i];
    }
    // Stryker disable next-line EqualityOperator: i = n writes past the end of the matrix (ignored)
    for (let i = k1; i < n; i++) {
      const o = i * n;
      const vr = ur[uo + i], vi = ui[uo + i], qr = pr[i], qi = pi[i];
      for (let j = k1; j <= i; j++) {
        const wr = ur[uo + j], wi = ui[uo + j], sr = pr[j], si = pi[j];
        ar[o + j] -= vr * sr + vi * si + qr * wr + qi * wi;
        ai[o + j] -= vi * sr - vr * si + qi * wr - qr * wi;
      }
    }
  }
  const d = new Float64Array(n), e = new Float64Array(n);
  // Stryker disable next-line EqualityOperator: i = n writes past the end of d (ignored)
  for (let i = 0; i < n; i++) d[i] = ar[i * n + i];
  // D = diag(delta), delta_0 = 1, delta_{k+1} = delta_k * phase(e_k): T = D S D^dag.
  const dr = new Float64Array(n), di = new Float64Array(n);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: n = 0: the write past the end of dr is ignored
  if (n > 0) dr[0] = 1;
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: k >= n - 1 writes past the ends of e and dr (ignored)
  for (let k = 0; k < n - 1; k++) {
    const m = Math.hypot(er[k], ei[k]);
    e[k] = m;
    const cr = m === 0 ? 1 : er[k] / m, ci = m === 0 ? 0 : ei[k] / m;
    dr[k + 1] = dr[k] * cr - di[k] * ci;
    di[k + 1] = dr[k] * ci + di[k] * cr;
  }
  return { d, e, ur, ui, hs, dr, di };
}

/** y <- H_0 ... H_{n-2} y for rows y of (yr, yi) (row length n), two rows at a time. */
function applyReflectors(t: Tridiagonal, yr: Float64Array, yi: Float64Array, n: number): void {
  const { ur, ui, hs } = t;
  // Stryker disable next-line EqualityOperator: j = n: the row pair starts past the end; its writes are ignored
  for (let j = 0; j < n; j += 2) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: odd n: pairing the last row with the row past the end only adds writes past the end (ignored)
    const o = j * n, o2 = j + 1 < n ? o + n : o; // odd n: the last row pairs with itself, second update zero
    const pair = o2 !== o;
    // Stryker disable next-line ArithmeticOperator: k = n + 2, n + 1, n: hs[k] is undefined and the loops over i > k are empty
    for (let k = n - 2; k >= 0; k--) {
      const h = hs[k];
      if (h === 0) continue;
      const uo = k * n;
      // s = u^dag y / h for both rows.
      let sr = 0, si = 0, tr = 0, ti = 0;
      for (let i = k + 1; i < n; i++) {
        const a = ur[uo + i], b = ui[uo + i], c = yr[o + i], d = yi[o + i], c2 = yr[o2 + i], d2 = yi[o2 + i];
        sr += a * c + b * d;
        si += a * d - b * c;
        tr += a * c2 + b * d2;
        ti += a * d2 - b * c2;
      }
      sr /= h;
      si /= h;
      tr = pair ? tr / h : 0;
      ti = pair ? ti / h : 0;
      // y <- y - u s.
      // Stryker disable next-line EqualityOperator: i = n writes past the end of y (ignored)
      for (let i = k + 1; i < n; i++) {
        const a = ur[uo + i], b = ui[uo + i];
        yr[o + i] -= a * sr - b * si;
        yi[o + i] -= a * si + b * sr;
        yr[o2 + i] -= a * tr - b * ti;
        yi[o2 + i] -= a * ti + b * tr;
      }
    }
  }
}

/** a = V diag(values) V^dag for Hermitian a: values ascending, V unitary (eigenvectors as columns). */
export function eigh(a: CMat): { values: Float64Array; vectors: CMat } {
  checkHermitian(a, 'eigh', 'a');
  const n = a.rows;
  const t = tridiagonalize(a);
  const { d, e, dr, di } = t;
  const z = new Float64Array(n * n);
  // Stryker disable next-line EqualityOperator: i = n writes past the end of z (ignored)
  for (let i = 0; i < n; i++) z[i * n + i] = 1;
  tridiagonalEig(d, e, z); // row j of z: eigenvector j of S
  // Row j of Y: (Q D z_j)^T, i.e. eigenvector j of a.
  const yr = z, yi = new Float64Array(n * n);
  // Stryker disable next-line EqualityOperator: j = n writes past the end of y (ignored)
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < n; k++) {
      const x = z[j * n + k];
      yr[j * n + k] = x * dr[k];
      yi[j * n + k] = x * di[k];
    }
  }
  applyReflectors(t, yr, yi, n);
  const v = zeros(n, n);
  for (let j = 0; j < n; j++) {
    // Stryker disable next-line EqualityOperator: k = n writes past the end of v (ignored)
    for (let k = 0; k < n; k++) {
      v.re[k * n + j] = yr[j * n + k];
      v.im[k * n + j] = yi[j * n + k];
    }
  }
  return { values: d, vectors: v };
}

function eigvalsChecked(a: CMat, fn: string): Float64Array {
  checkHermitian(a, fn, 'a');
  const { d, e } = tridiagonalize(a);
  tridiagonalEig(d, e, null);
  return d;
}

/** Eigenvalues of Hermitian a, ascending. */
export function eigvalsh(a: CMat): Float64Array {
  return eigvalsChecked(a, 'eigvalsh');
}

/** Smallest eigenvalue of Hermitian a. */
export function lambdaMin(a: CMat): number {
  check(a.rows > 0, 'lambdaMin', 'a', 'must be non-empty');
  return eigvalsChecked(a, 'lambdaMin')[0];
}

/** Largest eigenvalue of Hermitian a. */
export function lambdaMax(a: CMat): number {
  check(a.rows > 0, 'lambdaMax', 'a', 'must be non-empty');
  const v = eigvalsChecked(a, 'lambdaMax');
  return v[v.length - 1];
}
