/**
 * The fast Y(theta) of the periodic ansatz and the p-sweeps of trajectories shared by theorem-4.2 and lemma-b.4
 * (section-4-b group; split from section-4-b-common.ts).
 */
import { asymptoticFlow } from '../src/dynamics/asymptotic.ts';
import { gradientFlow } from '../src/dynamics/training.ts';
import { CMat, sub, zeros } from '../src/linalg/cmatrix.ts';
import { opNormHermitian } from '../src/linalg/norms.ts';
import { yStar } from '../src/model/kernels.ts';
import { parameterizedMeasurement, predictionsOf } from '../src/model/qnn.ts';
import { makeRng } from '../src/random/rng.ts';
import { buildPeriodic, norm2v, type PeriodicQnn } from './section-4-b-common.ts';

/**
 * Y(theta) = (1/(pZ)) sum_l H_l (x) H_l (appendix B.1) through the compiled form of the periodic ansatz:
 * with H = V diag(lambda) V^dag and C_l = V^dag U_{1:l-1}(theta) U_0, C_1 = W_0, C_{l+1} = W_l D_l C_l
 * (D_l = diag(e^{-i theta_l lambda}), W_l as in compiled.ts), H_l = C_l^dag diag(lambda) C_l. O(p d^4), no
 * matrix exponentials; checked against yMatrix(layerGenerators(...)) in lemma-b.4.
 */
export function yMatrixFast(q: { c: Pick<PeriodicQnn['c'], 'd' | 'p' | 'W' | 'lambdas'>; z: number }, theta: ArrayLike<number>): CMat {
  const { c, z } = q;
  const d = c.d, p = c.p, n = d * d;
  const y = zeros(n, n);
  let cr = Float64Array.from(c.W[0].re), ci = Float64Array.from(c.W[0].im);
  const hr = new Float64Array(d * d), hi = new Float64Array(d * d);
  const tr = new Float64Array(d * d), ti = new Float64Array(d * d);
  const w = 1 / (p * z);
  for (let l = 1; l <= p; l++) {
    const lam = c.lambdas[l - 1];
    // H_l = C^dag diag(lam) C: (H_l)_ab = sum_k conj(C_ka) lam_k C_kb.
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) {
        let sr = 0, si = 0;
        for (let k = 0; k < d; k++) {
          const xr = cr[k * d + a], xi = -ci[k * d + a], yr = cr[k * d + b], yi = ci[k * d + b];
          sr += lam[k] * (xr * yr - xi * yi);
          si += lam[k] * (xr * yi + xi * yr);
        }
        hr[a * d + b] = sr;
        hi[a * d + b] = si;
      }
    }
    // Y += w H_l (x) H_l.
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) {
      const xr = w * hr[a * d + b], xi = w * hi[a * d + b];
      for (let k = 0; k < d; k++) {
        const o = (a * d + k) * n + b * d;
        for (let l2 = 0; l2 < d; l2++) {
          const yr = hr[k * d + l2], yi = hi[k * d + l2];
          y.re[o + l2] += xr * yr - xi * yi;
          y.im[o + l2] += xr * yi + xi * yr;
        }
      }
    }
    if (l === p) break;
    // C <- W_l D_l C.
    const th = theta[l - 1];
    for (let k = 0; k < d; k++) {
      const ph = -th * lam[k], pc = Math.cos(ph), ps = Math.sin(ph);
      for (let b = 0; b < d; b++) {
        const xr = cr[k * d + b], xi = ci[k * d + b];
        tr[k * d + b] = pc * xr - ps * xi;
        ti[k * d + b] = pc * xi + ps * xr;
      }
    }
    const W = c.W[l];
    const nr = new Float64Array(d * d), ni = new Float64Array(d * d);
    for (let a = 0; a < d; a++) for (let k = 0; k < d; k++) {
      const wr = W.re[a * d + k], wi = W.im[a * d + k];
      for (let b = 0; b < d; b++) {
        nr[a * d + b] += wr * tr[k * d + b] - wi * ti[k * d + b];
        ni[a * d + b] += wr * ti[k * d + b] + wi * tr[k * d + b];
      }
    }
    cr = nr;
    ci = ni;
  }
  return y;
}

/** Accuracy of the trajectories of the p-sweeps (theorem-4.2, lemma-b.4). */
export const SWEEP_ODE = { rtol: 1e-7, atol: 1e-9 } as const;
export const SWEEP_ASYM_TOL = 1e-6;

export interface SweepSpec {
  seed: number;
  d: number;
  m: number;
  gamma: number;
  /** Horizon T and number of equally spaced output times on [0, T] (t = 0 included). */
  T: number;
  nT: number;
  ps: readonly number[];
  inits: number;
}

export interface SweepPoint {
  p: number;
  k: number;
  /** sup_t ||r_QNN(t) - r_asym(t)||_2 over the output times. */
  dev: number;
  /** ||r(0)||_2 = sqrt(2 m L(0)). */
  r0: number;
  loss0: number;
  lossT: number;
  /** sup_t ||Y(theta(t)) - Y(theta(0))||_op over the output times. */
  yDev: number;
  /** Running sup of ||Y(theta(t)) - Y(theta(0))||_op up to each output time (index 0: t = 0). */
  yDevUpTo: number[];
  /** ||Y(theta(0)) - Y*||_op. */
  yInit: number;
}

const sweepCache = new Map<string, SweepPoint[]>();

/**
 * For every p of the sweep and `inits` independent random instances (appendix-D setting, theta(0) = 0,
 * rng = makeRng(seed).fork(`p{p}/k{k}`)): the QNN gradient flow with eta of Lemma 4.1 and the asymptotic
 * dynamics (eq. 10) from M(theta(0)) with the same states and labels, on the same output times.
 * Shared by theorem-4.2 and lemma-b.4 (memoised on the spec, at most 64 entries).
 */
export function sweepTrajectories(spec: SweepSpec): SweepPoint[] {
  const key = JSON.stringify(spec);
  const hit = sweepCache.get(key);
  if (hit) return hit;
  const { seed, d, m, gamma, T, nT, ps, inits } = spec;
  const tOut = Array.from({ length: nT }, (_, i) => (i * T) / (nT - 1));
  const root = makeRng(seed);
  const yStarM = yStar(d); // Y* = W - I/d
  const out: SweepPoint[] = [];
  for (const p of ps) {
    for (let k = 0; k < inits; k++) {
      const q = buildPeriodic(root.fork(`p${p}/k${k}`), { d, m, p, gamma, gen: 'appendix-d', theta0: 'zero' });
      const qnn = gradientFlow(q.c, q.theta0, q.eta, tOut, SWEEP_ODE);
      const M0 = parameterizedMeasurement(q.inst, q.theta0);
      const asym = asymptoticFlow(M0, q.inst.states, q.inst.labels, tOut, { tol: SWEEP_ASYM_TOL });
      let dev = 0, yDev = 0;
      const yDevUpTo: number[] = [];
      const y0 = yMatrixFast(q, q.theta0);
      for (let i = 0; i < nT; i++) {
        const ya = predictionsOf(asym.M[i], q.inst.states);
        dev = Math.max(dev, norm2v(Float64Array.from(ya, (v, j) => qnn.trace[i].predictions[j] - v)));
        if (i > 0) yDev = Math.max(yDev, opNormHermitian(sub(yMatrixFast(q, qnn.theta[i]), y0)));
        yDevUpTo.push(yDev);
      }
      const loss0 = qnn.trace[0].loss;
      out.push({ p, k, dev, r0: Math.sqrt(2 * m * loss0), loss0, lossT: qnn.trace[nT - 1].loss, yDev, yDevUpTo, yInit: opNormHermitian(sub(y0, yStarM)) });
    }
  }
  if (sweepCache.size >= 64) sweepCache.delete(sweepCache.keys().next().value as string);
  sweepCache.set(key, out);
  return out;
}
