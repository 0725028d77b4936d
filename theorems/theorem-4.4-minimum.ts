/**
 * The "uniform measure over global minima" of section 4 (before Theorem 4.4), shared by the claims of ./theorem-4.4.ts,
 * ./theorem-4.4-steps.ts, ./section-4.ts and the search space of theorem-4.4/lemma-c.1-bound:
 *   M = gamma (Pi+ - Pi-) (diagonal, or Haar-rotated), labels balanced, c_j = (1 + y_j/gamma)/2,
 *   uhat_j i.i.d. uniform unit vectors of the d/2-dim positive subspace, u_j = sqrt(c_j) uhat_j,
 *   w_j in the negative subspace with Gram matrix N = I - P (P_ij = u_i^dag u_j), so that
 *   v_j = u_j + w_j are orthonormal; w_j = sum_k (N^{1/2})_kj q_k for a Haar-random orthonormal
 *   family q_k of the negative subspace. N must be PSD (a global minimum with these uhat exists
 *   only then); a draw where it is not is redrawn from the same rng (the measure conditioned on
 *   existence), and after MAX_TRIES the builder refuses.
 */
import { QnnInputError } from '../src/errors.ts';
import { type CMat, columns, gramRows, zeros } from '../src/linalg/cmatrix.ts';
import { eigh } from '../src/linalg/eigh.ts';
import { balancedLabels, haarState, haarUnitary, orthonormalStates } from '../src/random/ensembles.ts';
import type { Rng } from '../src/random/rng.ts';
import { measurementFromBases, type PauliLike } from './lemma-c.2.ts';

/** Redraws allowed; at gamma = 1.2, d = 16, m = 4 about 2.4% of draws admit a global minimum (P(refusal) < 1e-20). */
const MAX_TRIES = 2000;

export interface GlobalMinimum {
  d: number;
  m: number;
  gamma: number;
  /** U of M = gamma U diag(+1 x d/2, -1 x d/2) U^dag, or null for the diagonal M (never materialised for large d). */
  rotation: CMat | null;
  /** Rows v_j (orthonormal), m x d. */
  states: CMat;
  labels: Float64Array;
  /** c_j = (1 + y_j / gamma) / 2 = u_j^dag u_j at the minimum. */
  c: Float64Array;
  /** Number of draws of {uhat_j} until N = I - P was PSD. */
  tries: number;
  /** Rows uhat_j: unit vectors, coordinates in the positive subspace (u_j = sqrt(c_j) uhat_j). */
  uhat: CMat;
  /** Rows q_k: the orthonormal family of the negative subspace (coordinates) that carries the w_j. */
  q: CMat;
}

/** The standard basis columns [from, to) of C^d. */
function basisColumns(d: number, from: number, to: number): CMat {
  const b = zeros(d, to - from);
  for (let j = from; j < to; j++) b.re[j * (to - from) + j - from] = 1;
  return b;
}

/** The measurement of a global minimum with its eigenbases (O(d^2) memory: small d only). */
export function pauliLikeOf(gm: GlobalMinimum): PauliLike {
  const { d, gamma } = gm;
  const bPlus = gm.rotation ? columns(gm.rotation, 0, d / 2) : basisColumns(d, 0, d / 2);
  const bMinus = gm.rotation ? columns(gm.rotation, d / 2, d) : basisColumns(d, d / 2, d);
  return { d, gamma, M: measurementFromBases(bPlus, bMinus, gamma), bPlus, bMinus };
}

/** The rows sum_k coords_jk U_{., offset + k}: coordinates in the columns offset.. of U (or of the identity). */
function embedRows(coords: CMat, rotation: CMat | null, d: number, offset: number): CMat {
  const m = coords.rows, k = coords.cols;
  const out = zeros(m, d);
  for (let j = 0; j < m; j++) {
    for (let c = 0; c < k; c++) {
      const xr = coords.re[j * k + c], xi = coords.im[j * k + c];
      if (!rotation) {
        out.re[j * d + offset + c] = xr;
        out.im[j * d + offset + c] = xi;
        continue;
      }
      for (let a = 0; a < d; a++) {
        const br = rotation.re[a * d + offset + c], bi = rotation.im[a * d + offset + c];
        out.re[j * d + a] += xr * br - xi * bi;
        out.im[j * d + a] += xr * bi + xi * br;
      }
    }
  }
  return out;
}

/** A draw from the uniform measure over global minima (section 4, before Theorem 4.4). */
export function buildGlobalMinimum(rng: Rng, opts: { d: number; m: number; gamma: number; rotate: boolean }): GlobalMinimum {
  const { d, m, gamma, rotate } = opts;
  const fn = 'buildGlobalMinimum';
  if (!(d % 2 === 0 && m % 2 === 0 && m >= 2 && m <= d / 2)) throw new QnnInputError(fn, 'd, m', `need even d, even m with 2 <= m <= d/2 (got d=${d}, m=${m})`);
  if (!(gamma > 1)) throw new QnnInputError(fn, 'gamma', `must be > 1 (got ${gamma})`);
  const h = d / 2;
  const rotation = rotate ? haarUnitary(rng, d) : null;
  const labels = balancedLabels(rng, m);
  for (let tries = 1; tries <= MAX_TRIES; tries++) {
    // uhat_j uniform on the unit sphere of the positive subspace (coordinates).
    const uhat = zeros(m, h);
    for (let j = 0; j < m; j++) {
      const x = haarState(rng, h);
      uhat.re.set(x.re, j * h);
      uhat.im.set(x.im, j * h);
    }
    const sqrtN = negativeGramRoot(uhat, labels, gamma, 0);
    if (!sqrtN) continue; // no global minimum with these uhat_j: redraw
    const q = orthonormalStates(rng, m, h); // rows q_k: a Haar-random orthonormal family of C^{d/2}
    return assembleMinimum(uhat, q, sqrtN, { d, gamma, labels, rotation, tries });
  }
  throw new QnnInputError(fn, 'N = I - P', `was not PSD in ${MAX_TRIES} draws (d=${d}, m=${m}, gamma=${gamma}): no global minimum of this form`);
}

/**
 * S = N^{1/2} for N = I - P, P_ij = u_i^dag u_j, u_j = sqrt(c_j) uhat_j, c_j = (1 + y_j/gamma)/2 (w_i^dag w_j = delta_ij - u_i^dag u_j: the
 * orthonormality of v_j = u_j + w_j), or undefined when lambda_min(N) <= nMin (no global minimum with these uhat_j when it is <= 0).
 */
export function negativeGramRoot(uhat: CMat, labels: ArrayLike<number>, gamma: number, nMin: number): CMat | undefined {
  const m = uhat.rows, h = uhat.cols;
  const uc = zeros(m, h);
  for (let j = 0; j < m; j++) {
    const s = Math.sqrt((1 + labels[j] / gamma) / 2);
    for (let a = 0; a < h; a++) {
      uc.re[j * h + a] = s * uhat.re[j * h + a];
      uc.im[j * h + a] = s * uhat.im[j * h + a];
    }
  }
  const P = gramRows(uc);
  const N = zeros(m, m);
  for (let i = 0; i < m * m; i++) {
    N.re[i] = -P.re[i];
    N.im[i] = -P.im[i];
  }
  for (let i = 0; i < m; i++) N.re[i * m + i] += 1;
  const { values, vectors } = eigh(N);
  if (!(values[0] > nMin)) return undefined;
  // S = N^{1/2} (Hermitian)
  const S = zeros(m, m);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      let re = 0, im = 0;
      for (let k = 0; k < m; k++) {
        const s = Math.sqrt(values[k]);
        const xr = vectors.re[a * m + k], xi = vectors.im[a * m + k], yr = vectors.re[b * m + k], yi = vectors.im[b * m + k];
        re += s * (xr * yr + xi * yi);
        im += s * (xi * yr - xr * yi);
      }
      S.re[a * m + b] = re;
      S.im[a * m + b] = im;
    }
  }
  return S;
}

/**
 * The global minimum with directions uhat_j (unit rows, coordinates in the positive subspace) and w_j = sum_k S_kj q_k (q: orthonormal
 * rows, coordinates in the negative subspace; S = negativeGramRoot(uhat, ...)), in the eigenbasis `rotation` of M (null: diagonal M).
 */
export function assembleMinimum(
  uhat: CMat, q: CMat, S: CMat, o: { d: number; gamma: number; labels: Float64Array; rotation: CMat | null; tries: number },
): GlobalMinimum {
  const { d, gamma, labels, rotation } = o;
  const m = uhat.rows, h = d / 2;
  const c = labels.map((y) => (1 + y / gamma) / 2);
  const uc = zeros(m, h);
  for (let j = 0; j < m; j++) {
    const s = Math.sqrt(c[j]);
    for (let a = 0; a < h; a++) {
      uc.re[j * h + a] = s * uhat.re[j * h + a];
      uc.im[j * h + a] = s * uhat.im[j * h + a];
    }
  }
  // the rows of S^T Q are the coordinates of w_j in the negative subspace
  const wc = zeros(m, h);
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < m; k++) {
      const sr = S.re[k * m + j], si = S.im[k * m + j];
      for (let a = 0; a < h; a++) {
        const qr = q.re[k * h + a], qi = q.im[k * h + a];
        wc.re[j * h + a] += sr * qr - si * qi;
        wc.im[j * h + a] += sr * qi + si * qr;
      }
    }
  }
  const u = embedRows(uc, rotation, d, 0), w = embedRows(wc, rotation, d, h);
  const states = zeros(m, d);
  for (let i = 0; i < m * d; i++) {
    states.re[i] = u.re[i] + w.re[i];
    states.im[i] = u.im[i] + w.im[i];
  }
  return { d, m, gamma, rotation, states, labels, c, tries: o.tries, uhat, q };
}
