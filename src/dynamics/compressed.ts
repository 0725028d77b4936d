/**
 * The asymptotic dynamics of eq. (10)/(119) in the appendix-D setting, compressed exactly to an
 * m x m matrix ODE, and K_asym of a trained QNN from its predictions.
 *
 * When M(t)^2 = gamma^2 I (M(0) = gamma U diag(+1,..,-1) U^dag; the flow is isospectral, so this
 * holds for all t) the double commutator is [M,[M,rho]] = 2 gamma^2 rho - 2 M rho M. With the
 * states as the orthonormal columns of V (V^dag V = I), R = sum_j r_j rho_j = V D V^dag and
 * A = V^dag M V (m x m, Hermitian), eq. (10) gives
 *     dA/dt = 2 gamma^2 D - 2 A D A,   D = diag(r),   r_j = y_j - A_jj,
 * a closed ODE: the residuals, the loss and
 *     K_asym = 2 Re(V^dag M^2 V o (V^dag V)^T) - 2 |A|^2 = 2 gamma^2 I - 2 |A|^2   (entry-wise |.|^2)
 * depend on M only through A. d enters only through the law of A(0) = gamma W^dag S W, W = U^dag V
 * a Haar-random d x m isometry and S = diag(+1 x d/2, -1 x d/2). Cost per step O(m^3) instead of
 * the O(m d^2) of the d x d integrator (./asymptotic.ts); `crossCheck` tasks of the figures compare the two (figures 3 and 5).
 */
import { check, checkInt } from '../errors.ts';
import { type CMat, zeros } from '../linalg/cmatrix.ts';
import { eigvalsh } from '../linalg/eigh.ts';
import { dopri5, type OdeOptions } from '../integrate/dopri5.ts';
import { compile, predictFast } from '../model/compiled.ts';
import { makeInstance, type QnnInstance } from '../model/instance.ts';
import { balancedLabels, haarUnitary, orthonormalStates } from '../random/ensembles.ts';
import type { Rng } from '../random/rng.ts';

/** A Hermitian m x m matrix packed as [re (m*m, row-major), im (m*m)]. */
export type Packed = Float64Array;

export function compressedRhs(m: number, gamma: number, labels: ArrayLike<number>) {
  const g2 = 2 * gamma * gamma, mm = m * m;
  const r = new Float64Array(m), tr = new Float64Array(mm), ti = new Float64Array(mm);
  return (_t: number, a: Float64Array, out: Float64Array): void => {
    // Stryker disable next-line EqualityOperator: j = m writes past the end of r (ignored)
    for (let j = 0; j < m; j++) r[j] = labels[j] - a[j * m + j];
    // T = A D (scale columns), then out = 2 g^2 D - 2 T A.
    // Stryker disable next-line EqualityOperator: i = m writes past the end of the work arrays (ignored)
    for (let i = 0; i < m; i++) {
      // Stryker disable next-line EqualityOperator: k = m writes entry (i + 1, 0) of T, which the pass i + 1 writes again, or past the end (ignored)
      for (let k = 0; k < m; k++) {
        tr[i * m + k] = a[i * m + k] * r[k];
        ti[i * m + k] = a[mm + i * m + k] * r[k];
      }
    }
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        let sr = 0, si = 0;
        for (let k = 0; k < m; k++) {
          const xr = tr[i * m + k], xi = ti[i * m + k], yr = a[k * m + j], yi = a[mm + k * m + j];
          sr += xr * yr - xi * yi;
          si += xr * yi + xi * yr;
        }
        out[i * m + j] = (i === j ? g2 * r[j] : 0) - 2 * sr;
        out[mm + i * m + j] = -2 * si;
      }
    }
  };
}

/** K_asym = 2 gamma^2 I - 2 |A|^2 as a real symmetric m x m CMat. */
export function kasymFromA(a: Packed, m: number, gamma: number): CMat {
  const k = zeros(m, m), mm = m * m;
  // Stryker disable next-line EqualityOperator: i = m writes past the end of K (ignored)
  for (let i = 0; i < m; i++) {
    // Stryker disable next-line EqualityOperator: j = m writes entry (i + 1, 0) of K, which the pass i + 1 writes again, or past the end (ignored)
    for (let j = 0; j < m; j++) {
      const x = a[i * m + j] ** 2 + a[mm + i * m + j] ** 2;
      k.re[i * m + j] = (i === j ? 2 * gamma * gamma : 0) - 2 * x;
    }
  }
  return k;
}

/** L = (1/2m) sum_j (A_jj - y_j)^2. */
export function lossFromA(a: Packed, m: number, labels: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < m; j++) s += (a[j * m + j] - labels[j]) ** 2;
  return s / (2 * m);
}

/** A = gamma W^dag S W for the rows w_j of W (m x d), S = diag(+1 x d/2, -1 x d/2). */
export function compressMeasurement(w: CMat, gamma: number): Packed {
  const m = w.rows, d = w.cols, mm = m * m, a = new Float64Array(2 * mm);
  // Stryker disable next-line EqualityOperator: i = m is an empty pass (j starts at m)
  for (let i = 0; i < m; i++) {
    for (let j = i; j < m; j++) {
      let sr = 0, si = 0;
      for (let c = 0; c < d; c++) {
        const s = c < d / 2 ? gamma : -gamma;
        const xr = w.re[i * d + c], xi = -w.im[i * d + c], yr = w.re[j * d + c], yi = w.im[j * d + c];
        sr += s * (xr * yr - xi * yi);
        si += s * (xr * yi + xi * yr);
      }
      a[i * m + j] = sr;
      // Stryker disable next-line ConditionalExpression: at i = j each term of si is s (re im - im re), exactly 0 for finite w (an isometry), so si is +0 and storing it stores the same +0
      a[mm + i * m + j] = i === j ? 0 : si;
      a[j * m + i] = sr;
      // Stryker disable next-line ConditionalExpression: at i = j, -si is -0 (si is exactly 0, above): the same value as the stored 0 in every arithmetic use
      a[mm + j * m + i] = i === j ? 0 : -si;
    }
  }
  return a;
}

export interface AsymInstance {
  d: number;
  m: number;
  gamma: number;
  labels: Float64Array;
  /** Rows: w_j = U^dag v_j, a Haar-random isometry (the law of eq. 120 compressed to the data). */
  w: CMat;
  a0: Packed;
}

/** An instance of eq. (119)-(120) in compressed form: W Haar isometry, balanced labels. O(d m^2). */
export function sampleAsymInstance(rng: Rng, d: number, m: number, gamma: number): AsymInstance {
  const fn = 'sampleAsymInstance';
  checkInt(d, 2, fn, 'd');
  check(d % 2 === 0, fn, 'd', `must be even (got ${d})`);
  checkInt(m, 2, fn, 'm');
  check(m <= d, fn, 'm', `must be <= d (got ${m} > ${d})`);
  check(Number.isFinite(gamma) && gamma > 0, fn, 'gamma', `must be > 0 (got ${gamma})`);
  const w = orthonormalStates(rng.fork('W'), m, d);
  const labels = balancedLabels(rng.fork('labels'), m);
  return { d, m, gamma, labels, w, a0: compressMeasurement(w, gamma) };
}

/**
 * The full d x d instance with the same A(0): U' Haar, M(0) = gamma U' S U'^dag, v_j = U' w_j.
 * (M(0), V) has exactly the law of eq. (120) with independent Haar-random orthonormal states.
 */
export function expandAsymInstance(rng: Rng, inst: AsymInstance): { M0: CMat; states: CMat } {
  const { d, m, gamma, w } = inst;
  const u = haarUnitary(rng, d);
  const M0 = zeros(d, d);
  // Stryker disable next-line EqualityOperator: a = d is an empty pass (b starts at d)
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      let sr = 0, si = 0;
      for (let c = 0; c < d; c++) {
        const s = c < d / 2 ? gamma : -gamma;
        const xr = u.re[a * d + c], xi = u.im[a * d + c], yr = u.re[b * d + c], yi = -u.im[b * d + c];
        sr += s * (xr * yr - xi * yi);
        si += s * (xr * yi + xi * yr);
      }
      M0.re[a * d + b] = sr;
      M0.re[b * d + a] = sr;
      // Stryker disable next-line ConditionalExpression: at a = b each term of si is s (re (-im) + im re), exactly 0 (u is a finite unitary), so si is +0 and storing it stores the same +0
      M0.im[a * d + b] = a === b ? 0 : si;
      // Stryker disable next-line ConditionalExpression: at a = b, -si is -0 (si is exactly 0, above): the same value as the stored 0 in every arithmetic use
      M0.im[b * d + a] = a === b ? 0 : -si;
    }
  }
  const states = zeros(m, d);
  // Stryker disable next-line EqualityOperator: j = m writes past the end of states (ignored)
  for (let j = 0; j < m; j++) {
    // Stryker disable next-line EqualityOperator: a = d writes entry (j + 1, 0) of states, which the pass j + 1 writes again, or past the end (ignored)
    for (let a = 0; a < d; a++) {
      let sr = 0, si = 0;
      for (let c = 0; c < d; c++) {
        const xr = u.re[a * d + c], xi = u.im[a * d + c], yr = w.re[j * d + c], yi = w.im[j * d + c];
        sr += xr * yr - xi * yi;
        si += xr * yi + xi * yr;
      }
      states.re[j * d + a] = sr;
      states.im[j * d + a] = si;
    }
  }
  return { M0, states };
}

/** Integrates dA/dt = 2 gamma^2 D - 2 A D A (adaptive Dormand-Prince), A at the times tOut. */
export function integrateCompressed(
  a0: Packed, m: number, gamma: number, labels: ArrayLike<number>, tOut: ArrayLike<number>, ode: OdeOptions = { rtol: 1e-10, atol: 1e-12 },
): { a: Packed[]; rhsEvals: number } {
  const res = dopri5(compressedRhs(m, gamma, labels), 0, Float64Array.from(a0), tOut, ode);
  return { a: res.y, rhsEvals: res.stats.rhsEvals };
}

export function lambdaMinSym(k: CMat): number {
  return eigvalsh(k)[0];
}

/**
 * A = V^dag M(theta) V of a QNN instance (M(theta) = U^dag(theta) M0 U(theta)), from predictions
 * only: A_jj = yhat_j, and by polarisation with the probe states (v_i + v_j)/sqrt2 and
 * (v_i + i v_j)/sqrt2, Re A_ij = yhat(+) - (A_ii + A_jj)/2, Im A_ij = (A_ii + A_jj)/2 - yhat(i).
 * The probe instance is compiled once; each call is one forward pass on m^2 states.
 */
export function measurementCompressor(inst: QnnInstance): (theta: ArrayLike<number>) => Packed {
  const { states } = inst;
  const m = states.rows, d = states.cols, s = Math.SQRT1_2;
  const probes = zeros(m * m, d);
  let row = 0;
  const put = (f: (c: number) => [number, number]) => {
    // Stryker disable next-line EqualityOperator: c = d writes entry (row + 1, 0) of the probes, which the next put writes again (every row is put), or past the end (ignored)
    for (let c = 0; c < d; c++) {
      const [re, im] = f(c);
      probes.re[row * d + c] = re;
      probes.im[row * d + c] = im;
    }
    row++;
  };
  for (let j = 0; j < m; j++) put((c) => [states.re[j * d + c], states.im[j * d + c]]);
  // Stryker disable next-line EqualityOperator: i = m is an empty pass (j starts at m + 1)
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      put((c) => [s * (states.re[i * d + c] + states.re[j * d + c]), s * (states.im[i * d + c] + states.im[j * d + c])]);
      // v_i + i v_j: i (x + i y) = -y + i x.
      put((c) => [s * (states.re[i * d + c] - states.im[j * d + c]), s * (states.im[i * d + c] + states.re[j * d + c])]);
    }
  }
  const probe = compile(makeInstance(inst.ansatz, inst.M0, probes, new Float64Array(m * m)));
  return (theta) => {
    const y = predictFast(probe, theta);
    const a = new Float64Array(2 * m * m), mm = m * m;
    // Stryker disable next-line EqualityOperator: j = m writes y[m] into Im A_10, which the pair (0, 1) writes again (m >= 2), or past the end (m = 1, ignored)
    for (let j = 0; j < m; j++) a[j * m + j] = y[j];
    let k = m;
    // Stryker disable next-line EqualityOperator: i = m is an empty pass (j starts at m + 1)
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        const base = (y[i] + y[j]) / 2, re = y[k++] - base, im = base - y[k++];
        a[i * m + j] = re;
        a[j * m + i] = re;
        a[mm + i * m + j] = im;
        a[mm + j * m + i] = -im;
      }
    }
    return a;
  };
}
