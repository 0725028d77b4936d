/**
 * Exponentials of low-rank anti-Hermitian matrices and the unitary conjugation they
 * induce, without ever forming a d x d exponential.
 *
 * A skew factorisation (x, v) (both p x d, row j = the vectors x_j, v_j) stands for
 *   F = sum_j ( x_j v_j^dag - v_j x_j^dag ) = X V^dag - V X^dag      (X, V: columns x_j, v_j),
 * which is anti-Hermitian of rank <= 2p. With Q (d x k, k <= 2p) an orthonormal basis of
 * span{v_j, x_j} and C = Q^dag F Q (k x k, anti-Hermitian),
 *   exp(F) = I + Q G Q^dag,   G = exp(C) - I,
 * which is exactly unitary whenever Q^dag Q = I and exp(C) is unitary. The conjugation
 * M' = E M E^dag (E = exp(F), M Hermitian) expands to
 *   M' = M + Q G W + W^dag G^dag Q^dag + Q G S G^dag Q^dag,   W = Q^dag M (k x d), S = W Q,
 *      = M + P + P^dag,   P = Q Z,   Z = G W + (1/2) (G S G^dag) Q^dag,
 * costing O(k d^2) and Hermitian by construction (upper triangle computed, lower mirrored).
 */
import { check, checkFiniteArray, QnnInputError } from '../errors.ts';
import { type CMat, EPS, zeros } from '../linalg/cmatrix.ts';
import { eigh } from '../linalg/eigh.ts';

/** E = I + Q G Q^dag with Q stored by rows (row a = column q_a of Q, not conjugated). */
export interface LowRankUnitary {
  readonly d: number;
  /** k x d: row a is the basis vector q_a. */
  readonly q: CMat;
  /** k x k: G = exp(Q^dag F Q) - I. */
  readonly g: CMat;
}

/**
 * Orthonormal basis (as rows) of the span of the rows of `vecs` (n x d), by classical
 * Gram-Schmidt with re-orthogonalisation (Kahan's "twice is enough" test, at most 3 passes).
 * A vector is dropped when its remaining norm is <= d * EPS times its original norm (or it
 * is zero), i.e. when it lies in the span of the previous ones to working precision.
 */
export function orthonormalRows(vecs: CMat): CMat {
  const n = vecs.rows, d = vecs.cols;
  const qr = new Float64Array(n * d), qi = new Float64Array(n * d);
  const wr = new Float64Array(d), wi = new Float64Array(d);
  const cr = new Float64Array(n), ci = new Float64Array(n);
  const dropRel = Math.max(1, d) * EPS;
  let k = 0;
  // Stryker disable next-line EqualityOperator: row s = n reads past the end: its norm is NaN and it is dropped
  for (let s = 0; s < n; s++) {
    const o = s * d;
    let nrm2 = 0;
    for (let b = 0; b < d; b++) {
      wr[b] = vecs.re[o + b];
      wi[b] = vecs.im[o + b];
      nrm2 += wr[b] * wr[b] + wi[b] * wi[b];
    }
    const orig = Math.sqrt(nrm2);
    // Stryker disable next-line ConditionalExpression: a zero vector has after = 0, which the drop test below drops too
    if (orig === 0) continue;
    let cur = orig;
    let ok = false;
    // Stryker disable next-line EqualityOperator,UpdateOperator: two passes always suffice in floating point (twice is enough): the third is never reached
    for (let pass = 0; pass < 3; pass++) {
      // c_a = q_a^dag w, then w -= sum_a c_a q_a.
      // Stryker disable next-line EqualityOperator: row a = k of the basis is still zero: its coefficient is 0
      for (let a = 0; a < k; a++) {
        const oa = a * d;
        let sr = 0, si = 0;
        for (let b = 0; b < d; b++) {
          const xr = qr[oa + b], xi = qi[oa + b];
          sr += xr * wr[b] + xi * wi[b];
          si += xr * wi[b] - xi * wr[b];
        }
        cr[a] = sr;
        ci[a] = si;
      }
      // Stryker disable next-line EqualityOperator: the coefficient of row a = k is 0 (never written)
      for (let a = 0; a < k; a++) {
        const oa = a * d, sr = cr[a], si = ci[a];
        // Stryker disable next-line EqualityOperator: b = d writes past the end (ignored)
        for (let b = 0; b < d; b++) {
          const xr = qr[oa + b], xi = qi[oa + b];
          wr[b] -= sr * xr - si * xi;
          wi[b] -= sr * xi + si * xr;
        }
      }
      let nn = 0;
      for (let b = 0; b < d; b++) nn += wr[b] * wr[b] + wi[b] * wi[b];
      const after = Math.sqrt(nn);
      // Stryker disable next-line EqualityOperator: the comparisons differ only at exact equality
      if (!(after > dropRel * orig)) break; // numerically dependent: drop
      // Stryker disable next-line EqualityOperator: the comparisons differ only at exact equality
      const enough = after >= cur / Math.SQRT2;
      cur = after;
      if (enough) { ok = true; break; } // always on the first pass of the first vector: nothing to project out
    }
    if (!ok) continue;
    const inv = 1 / cur, ok2 = k * d;
    // Stryker disable next-line EqualityOperator: b = d writes NaN into the first entry of row k + 1, which is written in full before it is read (or sliced off)
    for (let b = 0; b < d; b++) {
      qr[ok2 + b] = wr[b] * inv;
      qi[ok2 + b] = wi[b] * inv;
    }
    k++;
  }
  return { rows: k, cols: d, re: qr.slice(0, k * d), im: qi.slice(0, k * d) };
}

/** p_a,j = q_a^dag y_j for all basis rows a and rows j of y: returns k x p. */
function project(q: CMat, y: CMat): { re: Float64Array; im: Float64Array } {
  const k = q.rows, p = y.rows, d = q.cols;
  const re = new Float64Array(k * p), im = new Float64Array(k * p);
  // Stryker disable next-line EqualityOperator: a = k writes past the end (ignored)
  for (let a = 0; a < k; a++) {
    const oa = a * d;
    // Stryker disable next-line EqualityOperator: j = p writes the first entry of the next row, which is computed after it, or past the end (ignored)
    for (let j = 0; j < p; j++) {
      const oj = j * d;
      let sr = 0, si = 0;
      for (let b = 0; b < d; b++) {
        const xr = q.re[oa + b], xi = q.im[oa + b], yr = y.re[oj + b], yi = y.im[oj + b];
        sr += xr * yr + xi * yi;
        si += xr * yi - xi * yr;
      }
      re[a * p + j] = sr;
      im[a * p + j] = si;
    }
  }
  return { re, im };
}

/**
 * exp(F) for F = sum_j (x_j v_j^dag - v_j x_j^dag) in the low-rank form I + Q G Q^dag.
 * Cost O(d p k + k^3). exp(C) is taken through the Hermitian eigendecomposition of iC, with
 * G = V diag(e^{-i lambda} - 1) V^dag evaluated as -2 sin^2(lambda/2) - i sin(lambda)
 * (no cancellation against I for small C).
 */
export function lowRankSkewExp(x: CMat, v: CMat): LowRankUnitary {
  const fn = 'lowRankSkewExp';
  check(x.rows === v.rows && x.cols === v.cols, fn, 'x', `shape ${x.rows}x${x.cols} != v shape ${v.rows}x${v.cols}`);
  const p = x.rows, d = x.cols;
  const both = zeros(2 * p, d);
  both.re.set(v.re, 0);
  both.im.set(v.im, 0);
  both.re.set(x.re, p * d);
  both.im.set(x.im, p * d);
  const q = orthonormalRows(both);
  const k = q.rows;
  const a = project(q, x), b = project(q, v);
  // C_ab = sum_j A_aj conj(B_bj) - B_aj conj(A_bj);  H = iC is Hermitian.
  const h = zeros(k, k);
  // Stryker disable next-line EqualityOperator: r = k writes past the end (ignored)
  for (let r = 0; r < k; r++) {
    for (let c = r; c < k; c++) {
      let sr = 0, si = 0;
      for (let j = 0; j < p; j++) {
        const ar = a.re[r * p + j], ai = a.im[r * p + j], br = b.re[c * p + j], bi = b.im[c * p + j];
        const er = b.re[r * p + j], ei = b.im[r * p + j], fr = a.re[c * p + j], fi = a.im[c * p + j];
        sr += ar * br + ai * bi - (er * fr + ei * fi);
        si += ai * br - ar * bi - (ei * fr - er * fi);
      }
      // H = i C: (re, im) -> (-im, re).
      h.re[r * k + c] = -si;
      h.im[r * k + c] = sr;
      h.re[c * k + r] = -si;
      h.im[c * k + r] = -sr;
    }
    // Stryker disable next-line ArithmeticOperator: on the diagonal sr is exactly 0 (a_r conj(b_r) - b_r conj(a_r) in the same order), so the line only restores what is there
    h.im[r * k + r] = 0;
  }
  // Stryker disable next-line ConditionalExpression: k = 0: eigh of the 0 x 0 matrix and the empty loops give the same empty G
  if (k === 0) return { d, q, g: zeros(0, 0) };
  const { values, vectors } = eigh(h);
  const f = new Float64Array(2 * k);
  // Stryker disable next-line EqualityOperator: l = k writes past the end (ignored)
  for (let l = 0; l < k; l++) {
    const sh = Math.sin(values[l] / 2);
    f[2 * l] = -2 * sh * sh;
    f[2 * l + 1] = -Math.sin(values[l]);
  }
  // G_rc = sum_l V_rl f_l conj(V_cl)  (G is normal, not Hermitian: all entries).
  const g = zeros(k, k);
  const vr = vectors.re, vi = vectors.im;
  // Stryker disable next-line EqualityOperator: r = k writes past the end (ignored)
  for (let r = 0; r < k; r++) {
    // Stryker disable next-line EqualityOperator: c = k writes the first entry of the next row, which is computed after it, or past the end (ignored)
    for (let c = 0; c < k; c++) {
      let sr = 0, si = 0;
      for (let l = 0; l < k; l++) {
        const xr = vr[r * k + l], xi = vi[r * k + l], yr = vr[c * k + l], yi = -vi[c * k + l];
        const pr = xr * yr - xi * yi, pi = xr * yi + xi * yr;
        sr += pr * f[2 * l] - pi * f[2 * l + 1];
        si += pr * f[2 * l + 1] + pi * f[2 * l];
      }
      g.re[r * k + c] = sr;
      g.im[r * k + c] = si;
    }
  }
  return { d, q, g };
}

/** Dense d x d matrix of E = I + Q G Q^dag (O(d^2 k); for tests and diagnostics). */
export function lowRankUnitaryDense(e: LowRankUnitary): CMat {
  const { d, q, g } = e;
  const k = q.rows;
  const out = zeros(d, d);
  // Stryker disable next-line EqualityOperator: i = d writes past the end (ignored)
  for (let i = 0; i < d; i++) out.re[i * d + i] = 1;
  // T = G Q^dag (k x d), then out += Q T.
  const tr = new Float64Array(k * d), ti = new Float64Array(k * d);
  // Stryker disable next-line EqualityOperator: a = k writes past the end (ignored)
  for (let a = 0; a < k; a++) {
    for (let c = 0; c < k; c++) {
      const gr = g.re[a * k + c], gi = g.im[a * k + c];
      for (let b = 0; b < d; b++) {
        const xr = q.re[c * d + b], xi = -q.im[c * d + b];
        tr[a * d + b] += gr * xr - gi * xi;
        ti[a * d + b] += gr * xi + gi * xr;
      }
    }
  }
  // Stryker disable next-line EqualityOperator: i = d writes past the end (ignored)
  for (let i = 0; i < d; i++) {
    for (let a = 0; a < k; a++) {
      const xr = q.re[a * d + i], xi = q.im[a * d + i];
      for (let b = 0; b < d; b++) {
        out.re[i * d + b] += xr * tr[a * d + b] - xi * ti[a * d + b];
        out.im[i * d + b] += xr * ti[a * d + b] + xi * tr[a * d + b];
      }
    }
  }
  return out;
}

/**
 * M' = E M E^dag for Hermitian M (assumed exactly Hermitian; not re-checked here) and
 * E = I + Q G Q^dag, in O(d^2 k). Returns a new, exactly Hermitian matrix; M is not modified.
 */
export function conjugateLowRank(e: LowRankUnitary, m: CMat): CMat {
  const { d, q, g } = e;
  if (m.rows !== d || m.cols !== d) throw new QnnInputError('conjugateLowRank', 'm', `must be ${d}x${d} (got ${m.rows}x${m.cols})`);
  const k = q.rows;
  const out: CMat = { rows: d, cols: d, re: m.re.slice(), im: m.im.slice() };
  // Stryker disable next-line ConditionalExpression: k = 0: the loops are empty and the final pass rebuilds M (assumed exactly Hermitian) from its upper triangle
  if (k === 0) return out;
  const mr = m.re, mi = m.im, qr = q.re, qi = q.im;
  // W = Q^dag M: row a = sum_b conj(q_a[b]) M[b, :]  (b outer: every row of M is read once).
  const wr = new Float64Array(k * d), wi = new Float64Array(k * d);
  for (let b = 0; b < d; b++) {
    const ob = b * d;
    // Stryker disable next-line EqualityOperator: a = k writes past the end (ignored)
    for (let a = 0; a < k; a++) {
      const oa = a * d;
      const xr = qr[oa + b], xi = -qi[oa + b];
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: skipping a zero coefficient only saves work
      if (xr === 0 && xi === 0) continue;
      for (let c = 0; c < d; c++) {
        const yr = mr[ob + c], yi = mi[ob + c];
        wr[oa + c] += xr * yr - xi * yi;
        wi[oa + c] += xr * yi + xi * yr;
      }
    }
  }
  // S = W Q (k x k), H = G S G^dag (k x k).
  const s = zeros(k, k);
  // Stryker disable next-line EqualityOperator: a = k writes past the end (ignored)
  for (let a = 0; a < k; a++) {
    // Stryker disable next-line EqualityOperator: c = k writes the first entry of the next row, which is computed after it, or past the end (ignored)
    for (let c = 0; c < k; c++) {
      let sr = 0, si = 0;
      for (let b = 0; b < d; b++) {
        const xr = wr[a * d + b], xi = wi[a * d + b], yr = qr[c * d + b], yi = qi[c * d + b];
        sr += xr * yr - xi * yi;
        si += xr * yi + xi * yr;
      }
      s.re[a * k + c] = sr;
      s.im[a * k + c] = si;
    }
  }
  const gs = zeros(k, k), hh = zeros(k, k);
  // Stryker disable next-line EqualityOperator: a = k writes past the end (ignored)
  for (let a = 0; a < k; a++) {
    // Stryker disable next-line EqualityOperator: c = k writes the first entry of the next row, which is computed after it, or past the end (ignored)
    for (let c = 0; c < k; c++) {
      let sr = 0, si = 0;
      for (let l = 0; l < k; l++) {
        const xr = g.re[a * k + l], xi = g.im[a * k + l], yr = s.re[l * k + c], yi = s.im[l * k + c];
        sr += xr * yr - xi * yi;
        si += xr * yi + xi * yr;
      }
      gs.re[a * k + c] = sr;
      gs.im[a * k + c] = si;
    }
  }
  // Stryker disable next-line EqualityOperator: a = k writes past the end (ignored)
  for (let a = 0; a < k; a++) {
    // Stryker disable next-line EqualityOperator: c = k writes the first entry of the next row, which is computed after it, or past the end (ignored)
    for (let c = 0; c < k; c++) {
      let sr = 0, si = 0;
      for (let l = 0; l < k; l++) {
        // (GS)_al conj(G_cl)
        const xr = gs.re[a * k + l], xi = gs.im[a * k + l], yr = g.re[c * k + l], yi = -g.im[c * k + l];
        sr += xr * yr - xi * yi;
        si += xr * yi + xi * yr;
      }
      hh.re[a * k + c] = 0.5 * sr;
      hh.im[a * k + c] = 0.5 * si;
    }
  }
  // Z = G W + (1/2 H) Q^dag  (k x d).
  const zr = new Float64Array(k * d), zi = new Float64Array(k * d);
  // Stryker disable next-line EqualityOperator: a = k writes past the end (ignored)
  for (let a = 0; a < k; a++) {
    const oa = a * d;
    for (let l = 0; l < k; l++) {
      const gr = g.re[a * k + l], gi = g.im[a * k + l];
      const hr = hh.re[a * k + l], hi = hh.im[a * k + l];
      const ol = l * d;
      for (let c = 0; c < d; c++) {
        const xr = wr[ol + c], xi = wi[ol + c];
        const yr = qr[ol + c], yi = -qi[ol + c];
        zr[oa + c] += gr * xr - gi * xi + hr * yr - hi * yi;
        zi[oa + c] += gr * xi + gi * xr + hr * yi + hi * yr;
      }
    }
  }
  // P = Q Z (d x d), then out = M + P + P^dag on the upper triangle, mirrored.
  const pr = new Float64Array(d * d), pi = new Float64Array(d * d);
  // Stryker disable next-line EqualityOperator: b = d writes past the end (ignored)
  for (let b = 0; b < d; b++) {
    const ob = b * d;
    for (let a = 0; a < k; a++) {
      const xr = qr[a * d + b], xi = qi[a * d + b];
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: skipping a zero coefficient only saves work
      if (xr === 0 && xi === 0) continue;
      const oa = a * d;
      for (let c = 0; c < d; c++) {
        pr[ob + c] += xr * zr[oa + c] - xi * zi[oa + c];
        pi[ob + c] += xr * zi[oa + c] + xi * zr[oa + c];
      }
    }
  }
  const or = out.re, oi = out.im;
  // Stryker disable next-line EqualityOperator: b = d writes past the end (ignored)
  for (let b = 0; b < d; b++) {
    const ob = b * d;
    or[ob + b] = mr[ob + b] + 2 * pr[ob + b];
    oi[ob + b] = 0;
    // Stryker disable next-line ArithmeticOperator: starting at c = b - 1 recomputes (b, b) and (b, b - 1) with the same values, M being exactly Hermitian
    for (let c = b + 1; c < d; c++) {
      const vr = mr[ob + c] + (pr[ob + c] + pr[c * d + b]);
      const vi = mi[ob + c] + (pi[ob + c] - pi[c * d + b]);
      or[ob + c] = vr;
      oi[ob + c] = vi;
      or[c * d + b] = vr;
      oi[c * d + b] = -vi;
    }
  }
  return out;
}

/** Dense F = sum_j (x_j v_j^dag - v_j x_j^dag) (O(p d^2); for tests). */
export function skewFromFactors(x: CMat, v: CMat): CMat {
  check(x.rows === v.rows && x.cols === v.cols, 'skewFromFactors', 'x', `shape ${x.rows}x${x.cols} != v shape ${v.rows}x${v.cols}`);
  checkFiniteArray(x.re, 'skewFromFactors', 'x.re');
  const p = x.rows, d = x.cols;
  const f = zeros(d, d);
  for (let j = 0; j < p; j++) {
    const o = j * d;
    // Stryker disable next-line EqualityOperator: b = d writes past the end (ignored)
    for (let b = 0; b < d; b++) {
      const xr = x.re[o + b], xi = x.im[o + b], vr = v.re[o + b], vi = v.im[o + b];
      for (let c = 0; c < d; c++) {
        const yr = v.re[o + c], yi = -v.im[o + c], ur = x.re[o + c], ui = -x.im[o + c];
        f.re[b * d + c] += xr * yr - xi * yi - (vr * ur - vi * ui);
        f.im[b * d + c] += xr * yi + xi * yr - (vr * ui + vi * ur);
      }
    }
  }
  return f;
}
