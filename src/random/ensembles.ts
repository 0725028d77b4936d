/**
 * Random matrix ensembles for the random instances of the paper (appendix D): Haar
 * unitaries / special unitaries (ansatz U_l ~ Haar(SU(d)), M(0) = gamma U diag(+-1) U^dag),
 * m orthonormal pure states with balanced +-1 labels, and Hermitians with a prescribed
 * spectrum. Every sampler takes the `Rng` explicitly and consumes it in a documented,
 * fixed order, so (seed, arguments) determines the result.
 *
 * Haar sampling follows Mezzadri, "How to generate random matrices from the classical
 * compact groups" (Notices AMS 54, 2007): U = Q from the QR factorisation Z = QR of a
 * complex Ginibre matrix Z, normalised so that diag(R) > 0 (src/linalg/qr.ts returns R
 * with a real non-negative diagonal). Without that normalisation (e.g. a LAPACK Householder QR, whose R has a
 * real diagonal of data-dependent sign) the distribution of Q is NOT Haar; the test
 * suite shows that its eigenphases are visibly non-uniform.
 *
 * Transcendental calls besides those of `rng.normal()`: `Math.sqrt` (correctly rounded)
 * everywhere, and `Math.atan2`, `Math.cos`, `Math.sin` in `haarSpecialUnitary` (fdlibm
 * ports in V8, identical on every platform).
 */
import { check, checkFiniteArray, checkInt } from '../errors.ts';
import { type CMat, type CVec, cvec, transpose, zeros } from '../linalg/cmatrix.ts';
import { det, qr } from '../linalg/qr.ts';
import { randomInt, type Rng } from './rng.ts';

/**
 * rows x cols complex Ginibre matrix: i.i.d. entries (N(0,1) + i N(0,1)) / sqrt(2), so
 * E|z_ij|^2 = 1. Draw order: row-major, real part then imaginary part of each entry.
 */
export function ginibre(rng: Rng, rows: number, cols: number): CMat {
  checkInt(rows, 1, 'ginibre', 'rows');
  checkInt(cols, 1, 'ginibre', 'cols');
  const z = zeros(rows, cols);
  const s = Math.SQRT1_2;
  for (let i = 0; i < rows * cols; i++) {
    z.re[i] = s * rng.normal();
    z.im[i] = s * rng.normal();
  }
  return z;
}

/** Haar-random U in U(d): Q of the QR (diag R > 0) of a d x d Ginibre matrix. */
export function haarUnitary(rng: Rng, d: number): CMat {
  checkInt(d, 1, 'haarUnitary', 'd');
  return qr(ginibre(rng, d, d)).q;
}

/**
 * Haar-random V in SU(d): V = U e^{-i arg(det U) / d} with U Haar in U(d). (Any choice of
 * d-th root gives the Haar measure on SU(d): V(WU) = W V(U) for W in SU(d).) det V = 1 up
 * to rounding (|det U| = 1 to O(d EPS); the modulus is not corrected).
 */
export function haarSpecialUnitary(rng: Rng, d: number): CMat {
  checkInt(d, 1, 'haarSpecialUnitary', 'd');
  const u = haarUnitary(rng, d);
  const dt = det(u);
  const phi = Math.atan2(dt.im, dt.re) / d;
  const cr = Math.cos(phi), ci = -Math.sin(phi); // e^{-i phi}
  // Stryker disable next-line EqualityOperator: i = d^2 writes past the end of u (ignored)
  for (let i = 0; i < u.re.length; i++) {
    const xr = u.re[i], xi = u.im[i];
    u.re[i] = xr * cr - xi * ci;
    u.im[i] = xr * ci + xi * cr;
  }
  return u;
}

/**
 * Haar-random pure state in C^d (uniform on the unit sphere): a normalised complex Gaussian
 * vector (same law as a column of a Haar unitary). Draw order: re, im of each entry.
 */
export function haarState(rng: Rng, d: number): CVec {
  checkInt(d, 1, 'haarState', 'd');
  const v = cvec(d);
  for (;;) {
    let s = 0;
    for (let i = 0; i < d; i++) {
      v.re[i] = rng.normal();
      v.im[i] = rng.normal();
      s += v.re[i] * v.re[i] + v.im[i] * v.im[i];
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: s = 0 (all 2d normals exactly 0) has probability 0
    if (s > 0) {
      const inv = 1 / Math.sqrt(s);
      // Stryker disable next-line EqualityOperator: i = d writes past the end of v (ignored)
      for (let i = 0; i < d; i++) {
        v.re[i] *= inv;
        v.im[i] *= inv;
      }
      return v;
    }
    // s === 0 happens with probability 0; redraw to stay exactly on the sphere law
  }
}

/**
 * m orthonormal Haar-random pure states in C^d (1 <= m <= d), as an m x d matrix whose ROW
 * j is the state vector v_j (v_j^dag v_k = delta_jk). Law: the first m columns of a Haar
 * unitary, obtained as the Q factor of a d x m Ginibre matrix.
 */
export function orthonormalStates(rng: Rng, m: number, d: number): CMat {
  checkInt(m, 1, 'orthonormalStates', 'm');
  checkInt(d, 1, 'orthonormalStates', 'd');
  check(m <= d, 'orthonormalStates', 'm', `must be <= d (got m = ${m}, d = ${d}): at most d orthonormal states exist in C^d`);
  // columns of q are the states; transpose (not adjoint) makes them the rows
  return transpose(qr(ginibre(rng, d, m)).q);
}

/**
 * m labels, m/2 of them +1 and m/2 of them -1, in uniformly random order (Fisher-Yates
 * shuffle with unbiased integers). m must be even (the paper's datasets are balanced);
 * odd m throws.
 */
export function balancedLabels(rng: Rng, m: number): Float64Array {
  checkInt(m, 2, 'balancedLabels', 'm');
  check(m % 2 === 0, 'balancedLabels', 'm', `must be even for an equal number of +1 and -1 labels (got ${m})`);
  // +1 on the first half, -1 on the second, before the shuffle
  const y = new Float64Array(m).fill(-1).fill(1, 0, m / 2);
  for (let i = m - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const t = y[i];
    y[i] = y[j];
    y[j] = t;
  }
  return y;
}

/**
 * H = U diag(spectrum) U^dag with U Haar in U(d), d = spectrum.length >= 1. Only the upper
 * triangle is computed and mirrored, so H is exactly Hermitian (real diagonal).
 */
export function randomHermitianWithSpectrum(rng: Rng, spectrum: ArrayLike<number>): CMat {
  const fn = 'randomHermitianWithSpectrum';
  const d = spectrum.length;
  check(d >= 1, fn, 'spectrum', 'must be non-empty');
  checkFiniteArray(spectrum, fn, 'spectrum');
  const u = haarUnitary(rng, d);
  const h = zeros(d, d);
  // Stryker disable next-line EqualityOperator: row i = d: the inner loop over j >= d is empty
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      // sum_k lambda_k U_ik conj(U_jk)
      let re = 0, im = 0;
      for (let k = 0; k < d; k++) {
        const l = spectrum[k];
        const ar = u.re[i * d + k], ai = u.im[i * d + k], br = u.re[j * d + k], bi = u.im[j * d + k];
        re += l * (ar * br + ai * bi);
        im += l * (ai * br - ar * bi);
      }
      h.re[i * d + j] = re;
      h.re[j * d + i] = re;
      // Stryker disable next-line ConditionalExpression: on the diagonal every term ai br - ar bi has b = a and is exactly 0, so im = 0 and -im = -0
      if (i !== j) {
        h.im[i * d + j] = im;
        h.im[j * d + i] = -im;
      }
    }
  }
  return h;
}

/**
 * GUE(d): Hermitian with H_ii ~ N(0,1), Re H_ij, Im H_ij ~ N(0, 1/2) independent (i < j),
 * i.e. density proportional to exp(-tr(H^2)/2); E|H_ij|^2 = 1 and E tr(H^2) = d^2. Draw
 * order: upper triangle row by row, H_ii (one normal) or (re, im) of H_ij.
 */
export function gue(rng: Rng, d: number): CMat {
  checkInt(d, 1, 'gue', 'd');
  const h = zeros(d, d);
  const s = Math.SQRT1_2;
  for (let i = 0; i < d; i++) {
    h.re[i * d + i] = rng.normal();
    for (let j = i + 1; j < d; j++) {
      const re = s * rng.normal(), im = s * rng.normal();
      h.re[i * d + j] = re;
      h.im[i * d + j] = im;
      h.re[j * d + i] = re;
      h.im[j * d + i] = -im;
    }
  }
  return h;
}

/**
 * Traceless GUE: H - (tr H / d) I with H ~ GUE(d), the Gaussian (unitarily invariant) law
 * on traceless Hermitians, E tr(H^2) = d^2 - 1 (the paper's normalisation
 * tr(H^2)/(d^2-1) = 1 holds in expectation). Requires d >= 2: the only traceless 1 x 1
 * Hermitian is 0, and the paper's generator H must be non-zero. tr H = 0 up to rounding
 * (|tr H| <= ~d EPS max|H_ii|).
 */
export function randomTracelessHermitian(rng: Rng, d: number): CMat {
  checkInt(d, 2, 'randomTracelessHermitian', 'd');
  const h = gue(rng, d);
  let t = 0;
  for (let i = 0; i < d; i++) t += h.re[i * d + i];
  t /= d;
  // Stryker disable next-line EqualityOperator: i = d writes past the end of h (ignored)
  for (let i = 0; i < d; i++) h.re[i * d + i] -= t;
  return h;
}
