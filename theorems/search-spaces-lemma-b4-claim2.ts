/**
 * Claim 2 of Lemma B.4's proof (appendix B.2): the (1 - delta) quantile of phi = ||Y(theta) - Y(0)||_op (eq. 92) over n
 * draws of the Haar V_l, for a fixed H and theta, against the proof's t_delta; the common-random-number sample, the fast
 * evaluation of phi, a deterministic bound on phi, and the search space over the spectrum of H and theta. The proof's
 * instances (and the setting's notation) are in ./search-spaces-lemma-b4.ts.
 */
import type { CheckOutcome, InstanceParams } from '../src/claims/types.ts';
import { type CMat, matmul, maxAbsDiff, zeros } from '../src/linalg/cmatrix.ts';
import { eigh } from '../src/linalg/eigh.ts';
import { opNormHermitian } from '../src/linalg/norms.ts';
import { haarSpecialUnitary } from '../src/random/ensembles.ts';
import { makeRng } from '../src/random/rng.ts';
import { defineSpace } from '../src/search/decode.ts';
import { buildGenerator, type GenKind, inequalityOutcome, nonFinite } from './section-4-b-common.ts';
import { tracelessSpectrum } from './search-spaces-lemma-b4.ts';

export interface Claim2Params extends InstanceParams { d: number; p: number; gen: GenKind; mode: 'normal' | 'equal'; scale: number; n: number }

/** C_1 implied by the proof's own constant c_k = 8 |theta_k| ||H||^3 / Z: exp(-2 t^2 / sum c_k^2) = exp(-t^2 Z^2 / (2 * 16 ||H||^6 ||theta||^2)). */
export const C1_FACTOR = 16;
export const DELTA = 0.1;

/** The fixed part of the experiment: H = W diag(lambda) W^dag and theta. */
export interface Claim2Fixed { lambda: Float64Array; W: CMat; theta: Float64Array }

let sampleCache: { key: string; W: CMat; U: CMat[][] } | undefined;

/**
 * U_l = V_l W for the n x p Haar V_l of the run's seed (the random part, drawn as the random runs draw them) and the eigenbasis W of
 * the run's H; cached for the search, which evaluates many x on the same sample and W.
 */
function claim2Sample({ seed, d, p, n, gen }: Claim2Params, W: CMat): CMat[][] {
  const key = JSON.stringify([seed, d, p, n, gen]);
  if (sampleCache?.key === key && maxAbsDiff(sampleCache.W, W) === 0) return sampleCache.U;
  const gr = makeRng(seed).fork('G');
  const U = Array.from({ length: n }, () => Array.from({ length: p }, () => matmul(haarSpecialUnitary(gr, d), W)));
  sampleCache = { key, W, U };
  return U;
}

/** The fixed part of the random run of params (H of its kind, theta of its mode). */
export function claim2FixedOf({ seed, d, p, gen, mode, scale }: Claim2Params): Claim2Fixed {
  const rng = makeRng(seed);
  const H = buildGenerator(rng.fork('H'), d, gen);
  const tr = rng.fork('theta');
  const theta = Float64Array.from({ length: p }, () => (mode === 'equal' ? scale : scale * tr.normal()));
  const { values, vectors } = eigh(H);
  return { lambda: values, W: vectors, theta };
}

/** out = A diag(f) B^dag for d x d complex A, B (re/im arrays) and complex f (fr, fi); explicit loops, no allocation. */
function scaledProduct(out: Float64Array[], ar: Float64Array, ai: Float64Array, fr: Float64Array, fi: Float64Array, br: Float64Array, bi: Float64Array, d: number): void {
  const [or, oi] = out;
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let sr = 0, si = 0;
      for (let k = 0; k < d; k++) {
        // (A_ik f_k) conj(B_jk)
        const xr = ar[i * d + k] * fr[k] - ai[i * d + k] * fi[k], xi = ar[i * d + k] * fi[k] + ai[i * d + k] * fr[k];
        const yr = br[j * d + k], yi = -bi[j * d + k];
        sr += xr * yr - xi * yi; si += xr * yi + xi * yr;
      }
      or[i * d + j] = sr; oi[i * d + j] = si;
    }
  }
}

/** y += s (c (x) c - g (x) g) for d x d complex c, g; y is d^2 x d^2 (row (i, k), column (j, m)). */
function addTensorSquares(yr: Float64Array, yi: Float64Array, cr: Float64Array, ci: Float64Array, gr: Float64Array, gi: Float64Array, s: number, d: number): void {
  const n = d * d;
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) {
    const c1r = cr[i * d + j], c1i = ci[i * d + j], g1r = gr[i * d + j], g1i = gi[i * d + j];
    for (let k = 0; k < d; k++) for (let m = 0; m < d; m++) {
      const c2r = cr[k * d + m], c2i = ci[k * d + m], g2r = gr[k * d + m], g2i = gi[k * d + m];
      const idx = (i * d + k) * n + (j * d + m);
      yr[idx] += s * (c1r * c2r - c1i * c2i - (g1r * g2r - g1i * g2i));
      yi[idx] += s * (c1r * c2i + c1i * c2r - (g1r * g2i + g1i * g2r));
    }
  }
}

/**
 * phi = ||Y(theta) - Y(0)||_op (eq. 92) for G_l = U_l diag(lambda) U_l^dag: with F_l = E_{<l} U_l, E_{<l} G_l E_{<l}^dag = F_l diag(lambda) F_l^dag
 * and E_{<l+1} = F_l diag(e^{i theta_l lambda}) U_l^dag.
 */
function claim2Phi(U: CMat[], lambda: Float64Array, theta: Float64Array, s: number): number {
  const d = U[0].rows, dd = d * d;
  const y = zeros(dd, dd);
  let er = new Float64Array(dd), ei = new Float64Array(dd);
  for (let i = 0; i < d; i++) er[i * d + i] = 1;
  const fr = new Float64Array(dd), fi = new Float64Array(dd), cr = new Float64Array(dd), ci = new Float64Array(dd);
  const gr = new Float64Array(dd), gi = new Float64Array(dd);
  const zero = new Float64Array(d), phr = new Float64Array(d), phi = new Float64Array(d);
  let nr = new Float64Array(dd), ni = new Float64Array(dd);
  for (let l = 0; l < U.length; l++) {
    const u = U[l];
    // F = E U
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) {
      let sr = 0, si = 0;
      for (let k = 0; k < d; k++) {
        const xr = er[i * d + k], xi = ei[i * d + k], ur = u.re[k * d + j], ui = u.im[k * d + j];
        sr += xr * ur - xi * ui; si += xr * ui + xi * ur;
      }
      fr[i * d + j] = sr; fi[i * d + j] = si;
    }
    scaledProduct([cr, ci], fr, fi, lambda, zero, fr, fi, d); // E G_l E^dag
    scaledProduct([gr, gi], u.re, u.im, lambda, zero, u.re, u.im, d); // G_l
    addTensorSquares(y.re, y.im, cr, ci, gr, gi, s, d);
    for (let k = 0; k < d; k++) { phr[k] = Math.cos(theta[l] * lambda[k]); phi[k] = Math.sin(theta[l] * lambda[k]); }
    scaledProduct([nr, ni], fr, fi, phr, phi, u.re, u.im, d); // E_{<l+1} = F diag(e^{i theta_l lambda}) U^dag
    [er, nr] = [nr, er];
    [ei, ni] = [ni, ei];
  }
  return opNormHermitian(y);
}

/**
 * Claim 2 on the fixed part f with the run's sample: the empirical (1 - delta) quantile q of phi over the n draws against
 * t_delta = sqrt(2 C_1 ln(2/delta)) ||theta||_2 / Z (C_1 = 16 ||H||_op^6); tightness q / t_delta.
 */
export function claim2Outcome(f: Claim2Fixed, params: Claim2Params): CheckOutcome {
  const { p, n } = params;
  const lambda = f.lambda, theta = f.theta;
  const hop = Math.max(...lambda.map(Math.abs));
  const z = lambda.reduce((a, v) => a + v * v, 0) / (params.d ** 2 - 1); // Z = tr(H^2)/(d^2 - 1)
  const tn = Math.hypot(...theta);
  const s = 1 / (p * z);
  const phis = claim2Sample(params, f.W).map((U) => claim2Phi(U, lambda, theta, s));
  phis.sort((a, b) => a - b);
  const q = phis[Math.ceil((1 - DELTA) * n) - 1];
  const tDelta = (Math.sqrt(2 * C1_FACTOR * Math.log(2 / DELTA)) * hop ** 3 * tn) / z;
  const mean = phis.reduce((a, b) => a + b, 0) / n;
  const unit = (hop ** 3 * tn) / z;
  const detMax = claim2DeterministicMax(lambda, theta);
  const bad = nonFinite({ q, tDelta, mean, detMax });
  if (bad) return bad;
  return inequalityOutcome(q, tDelta, 0, unit, {
    quantileRatio: q / tDelta, meanRatio: mean / unit, n, thetaNorm: tn, tDeltaOverDetMax: tDelta / detMax, maxPhiOverDetMax: phis[n - 1] / detMax,
  }, { vacuous: tDelta >= detMax });
}

/**
 * A bound on phi = ||Y(theta) - Y(0)||_op that holds for every draw: (1/(pZ)) sum_l min(2 ||H||^2, 4 ||H||^3 sum_{j<l} |theta_j|), since
 * ||Y_l(theta) - Y_l(0)|| <= ||Y_l(theta)|| + ||Y_l(0)|| = 2 ||H||^2 and, moving theta_1, ..., theta_{l-1} one at a time, the conjugation by
 * e^{i phi G_j}^(x)2 of a tensor square of norm ||H||^2 moves at rate ||[G_j (x) I + I (x) G_j, X]|| <= 4 ||H||^3.
 */
export function claim2DeterministicMax(lambda: Float64Array, theta: Float64Array): number {
  const hop = Math.max(...lambda.map(Math.abs));
  const d = lambda.length, p = theta.length;
  const z = lambda.reduce((a, v) => a + v * v, 0) / (d * d - 1);
  let prefix = 0, sum = 0;
  for (let l = 0; l < p; l++) {
    sum += Math.min(2 * hop ** 2, 4 * hop ** 3 * prefix);
    prefix += Math.abs(theta[l]);
  }
  return sum / (p * z);
}

/**
 * The search space of Claim 2 (common random numbers): the sample V_l and the eigenbasis W of the run's H are fixed from the
 * run's seed; x sets the spectrum of H ('gue': d reals, traceless; the other kinds keep theirs) and theta (of the run's mode).
 */
export const claim2Space = (note: string, evaluations: { quick: number; default: number; full: number }) =>
  defineSpace<Claim2Params, Claim2Fixed>({
    decode: (r, params) => {
      const { d, p, gen, mode, scale } = params;
      const { W, lambda: run } = claim2FixedOf(params);
      const lambda = gen === 'gue' ? tracelessSpectrum(r, d) : run;
      const theta = mode === 'equal' ? new Float64Array(p).fill(scale * r.next()) : Float64Array.from({ length: p }, () => scale * r.next()); // in units of s
      return { lambda, W, theta };
    },
    encode: (params) => {
      const { lambda, theta } = claim2FixedOf(params);
      return Float64Array.from([...(params.gen === 'gue' ? lambda : []), ...(params.mode === 'equal' ? [theta[0]] : theta).map((t) => t / params.scale)]);
    },
    assess: claim2Outcome,
    note,
    evaluations,
  });
