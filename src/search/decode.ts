/**
 * Decoders from an unconstrained real vector to objects that satisfy a claim's hypotheses by
 * construction: Hermitian matrices, unitaries exp(-i H) (H Hermitian, so iH is the anti-Hermitian
 * generator), normalised and orthonormalised states, values in an interval (lo + (hi - lo)(1 + sin v)/2,
 * which reaches both ends at finite v), spectra. A `Reader` hands out the entries of x in order; its
 * dry run on no vector counts them, which is how a space's dimension is computed (`defineSpace`).
 */
import { type CMat, type CVec, zeros } from '../linalg/cmatrix.ts';
import { expmHermitian } from '../linalg/expm.ts';
import { eigh } from '../linalg/eigh.ts';
import type { CheckOutcome, InstanceParams, SearchSpace } from '../claims/types.ts';

export class Reader {
  private k = 0;
  /** x = null: a dry run that counts the entries and reads zeros. */
  constructor(private readonly x: ArrayLike<number> | null) {}
  get used(): number {
    return this.k;
  }
  next(): number {
    const v = this.x ? this.x[this.k] : 0;
    this.k++;
    return v ?? 0;
  }
  /** A value in [lo, hi]: lo + (hi - lo)(1 + sin v)/2. */
  interval(lo: number, hi: number): number {
    return lo + ((hi - lo) * (1 + Math.sin(this.next()))) / 2;
  }
  /** A d x d Hermitian matrix from d^2 reals (diagonal, then real and imaginary parts above it). */
  hermitian(d: number): CMat {
    const h = zeros(d, d);
    for (let i = 0; i < d; i++) h.re[i * d + i] = this.next();
    for (let i = 0; i < d; i++) {
      for (let j = i + 1; j < d; j++) {
        const re = this.next(), im = this.next();
        h.re[i * d + j] = re; h.im[i * d + j] = im;
        h.re[j * d + i] = re; h.im[j * d + i] = -im;
      }
    }
    return h;
  }
  /** A traceless Hermitian (d^2 reals; the mean of the diagonal is removed). */
  tracelessHermitian(d: number): CMat {
    const h = this.hermitian(d);
    let t = 0;
    for (let i = 0; i < d; i++) t += h.re[i * d + i];
    for (let i = 0; i < d; i++) h.re[i * d + i] -= t / d;
    return h;
  }
  /**
   * A non-zero traceless Hermitian generator (d^2 reals): when the traceless part vanishes (only at
   * measure-zero x, e.g. the dry run), diag(1, -1, 0, ...) is used so the hypothesis H != 0 always holds.
   */
  generator(d: number): CMat {
    const h = this.tracelessHermitian(d);
    let m = 0;
    for (let i = 0; i < d * d; i++) m = Math.max(m, Math.abs(h.re[i]), Math.abs(h.im[i]));
    if (!(m > 1e-12) && d >= 2) {
      h.re.fill(0); h.im.fill(0);
      h.re[0] = 1; h.re[d + 1] = -1;
    }
    return h;
  }
  /** An integer in {lo, ..., hi} (piecewise constant in one real). */
  integer(lo: number, hi: number): number {
    return Math.min(hi, lo + Math.floor(this.interval(0, 1) * (hi - lo + 1)));
  }
  /** +1 or -1 (the sign of sin v; piecewise constant in one real). */
  sign(): number {
    return Math.sin(this.next()) >= 0 ? 1 : -1;
  }
  /** A unitary exp(-i H) from a Hermitian generator H (d^2 reals). */
  unitary(d: number): CMat {
    return expmHermitian(this.hermitian(d), 1);
  }
  /** A unit vector of C^d from 2d reals (e_1 when all are 0). */
  state(d: number): CVec {
    const v = { re: new Float64Array(d), im: new Float64Array(d) };
    let n2 = 0;
    for (let i = 0; i < d; i++) {
      v.re[i] = this.next(); v.im[i] = this.next();
      n2 += v.re[i] ** 2 + v.im[i] ** 2;
    }
    if (!(n2 > 0) || !Number.isFinite(n2)) {
      v.re.fill(0); v.im.fill(0); v.re[0] = 1;
      return v;
    }
    const n = Math.sqrt(n2);
    for (let i = 0; i < d; i++) { v.re[i] /= n; v.im[i] /= n; }
    return v;
  }
  /**
   * m orthonormal states of C^d (rows of an m x d matrix) from 2md reals by modified Gram-Schmidt;
   * a vector that is (numerically) dependent on the previous ones is replaced by the first standard
   * basis vector that is not, so the result is orthonormal for every x.
   */
  orthonormalStates(m: number, d: number): CMat {
    const out = zeros(m, d);
    const raw = Array.from({ length: m }, () => this.state(d));
    for (let k = 0; k < m; k++) {
      let v = raw[k];
      for (let attempt = 0; attempt <= d; attempt++) {
        const w = { re: Float64Array.from(v.re), im: Float64Array.from(v.im) };
        for (let j = 0; j < k; j++) {
          // w -= <q_j, w> q_j
          let cr = 0, ci = 0;
          for (let i = 0; i < d; i++) {
            const qr = out.re[j * d + i], qi = out.im[j * d + i];
            cr += qr * w.re[i] + qi * w.im[i];
            ci += qr * w.im[i] - qi * w.re[i];
          }
          for (let i = 0; i < d; i++) {
            const qr = out.re[j * d + i], qi = out.im[j * d + i];
            w.re[i] -= cr * qr - ci * qi;
            w.im[i] -= cr * qi + ci * qr;
          }
        }
        let n2 = 0;
        for (let i = 0; i < d; i++) n2 += w.re[i] ** 2 + w.im[i] ** 2;
        if (n2 > 1e-6) {
          const n = Math.sqrt(n2);
          for (let i = 0; i < d; i++) { out.re[k * d + i] = w.re[i] / n; out.im[k * d + i] = w.im[i] / n; }
          break;
        }
        v = { re: new Float64Array(d), im: new Float64Array(d) };
        v.re[attempt % d] = 1;
      }
    }
    return out;
  }
}

/** The real v with interval(lo, hi) = value (the inverse of Reader.interval on [-pi/2, pi/2]). */
export function intervalInverse(value: number, lo: number, hi: number): number {
  return Math.asin(Math.min(1, Math.max(-1, (2 * (value - lo)) / (hi - lo) - 1)));
}

/** The d^2 reals that Reader.hermitian reads back as the Hermitian h (its inverse). */
export function hermitianEntries(h: CMat): number[] {
  const d = h.rows, out: number[] = [];
  for (let i = 0; i < d; i++) out.push(h.re[i * d + i]);
  for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) out.push(h.re[i * d + j], h.im[i * d + j]);
  return out;
}

/** Builds a SearchSpace whose dimension is counted by a dry run of `decode`. */
export function defineSpace<I extends InstanceParams, T>(s: {
  decode: (r: Reader, discrete: I) => T;
  assess: (instance: T, discrete: I) => CheckOutcome;
  note: string;
  evaluations?: SearchSpace<I, T>['evaluations'];
  knownSupremum?: SearchSpace<I, T>['knownSupremum'];
  qnn?: SearchSpace<I, T>['qnn'];
  encode?: SearchSpace<I, T>['encode'];
}): SearchSpace<I, T> {
  return {
    dimension: (discrete) => {
      const r = new Reader(null);
      s.decode(r, discrete);
      return r.used;
    },
    decode: (x, discrete) => s.decode(new Reader(x), discrete),
    assess: s.assess,
    evaluations: s.evaluations,
    note: s.note,
    knownSupremum: s.knownSupremum,
    qnn: s.qnn,
    encode: s.encode,
  };
}

/**
 * A Hermitian generator G with exp(-i G) = U for a unitary U (the inverse of Reader.unitary up to rounding): U and
 * B = (U + U^dag)/2 + a (U - U^dag)/(2i) share eigenvectors (B is a real function of U, injective on the circle for
 * generic a), so G = V diag(-arg lambda_k) V^dag with lambda_k = v_k^dag U v_k.
 */
export function unitaryGenerator(u: CMat): CMat {
  const d = u.rows, a = Math.SQRT2 - 1 / Math.PI; // an irrational weight: no two eigenphases map to the same eigenvalue of B, generically
  const b = zeros(d, d);
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      // U_ij and conj(U_ji)
      const ur = u.re[i * d + j], ui = u.im[i * d + j], vr = u.re[j * d + i], vi = -u.im[j * d + i];
      const re = (ur + vr) / 2 + (a * (ui - vi)) / 2, im = (ui + vi) / 2 - (a * (ur - vr)) / 2;
      b.re[i * d + j] = re; b.re[j * d + i] = re;
      if (i !== j) { b.im[i * d + j] = im; b.im[j * d + i] = -im; }
    }
  }
  const { vectors: V } = eigh(b);
  const g = zeros(d, d);
  const phases = new Float64Array(d);
  for (let k = 0; k < d; k++) {
    let re = 0, im = 0; // v_k^dag U v_k
    for (let i = 0; i < d; i++) {
      const vir = V.re[i * d + k], vii = -V.im[i * d + k];
      let sr = 0, si = 0;
      for (let j = 0; j < d; j++) {
        const xr = V.re[j * d + k], xi = V.im[j * d + k];
        sr += u.re[i * d + j] * xr - u.im[i * d + j] * xi;
        si += u.re[i * d + j] * xi + u.im[i * d + j] * xr;
      }
      re += vir * sr - vii * si;
      im += vir * si + vii * sr;
    }
    phases[k] = -Math.atan2(im, re);
  }
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      let re = 0, im = 0;
      for (let k = 0; k < d; k++) {
        const ar = V.re[i * d + k], ai = V.im[i * d + k], br = V.re[j * d + k], bi = V.im[j * d + k];
        re += phases[k] * (ar * br + ai * bi);
        im += phases[k] * (ai * br - ar * bi);
      }
      g.re[i * d + j] = re; g.re[j * d + i] = re;
      if (i !== j) { g.im[i * d + j] = im; g.im[j * d + i] = -im; }
    }
  }
  return g;
}

/** The value v with Reader.integer(lo, hi) = k (the middle of its interval). */
export function integerInverse(k: number, lo: number, hi: number): number {
  return intervalInverse((k - lo + 0.5) / (hi - lo + 1), 0, 1);
}
