/**
 * The fast state-vector form of a QNN instance, for predictions, loss and the gradient.
 *
 * Each generator is diagonalised once, H^(l) = V_l diag(lambda_l) V_l^dag, and M0 = Q diag(mu) Q^dag.
 * The fixed unitaries are folded into W_0 = V_1^dag U_0, W_l = V_{l+1}^dag U_l V_l, W_p = Q^dag U_p V_p, so
 *   Q^dag U(theta) = W_p D_p W_{p-1} ... D_1 W_0,  D_l = diag(e^{-i theta_l lambda_l}),
 * and every gate application in the hot loop is one dense d x d product on m vectors, or a diagonal.
 * The gradient is the adjoint (reverse) method: O(p m d^2) per evaluation.
 */
import { checkFiniteArray } from '../errors.ts';
import { adjoint, CMat, matmul } from '../linalg/cmatrix.ts';
import { eigh } from '../linalg/eigh.ts';
import { checkTheta } from './ansatz.ts';
import { QnnInstance } from './instance.ts';

export interface CompiledQnn {
  readonly d: number;
  readonly p: number;
  readonly m: number;
  readonly W: readonly CMat[];
  readonly Wadj: readonly CMat[];
  readonly lambdas: readonly Float64Array[];
  readonly mu: Float64Array;
  /** W_0 v_j for every state (m x d, row-major): the input to the first diagonal gate. */
  readonly x0re: Float64Array;
  readonly x0im: Float64Array;
  readonly labels: Float64Array;
}

function isDiagonal(a: CMat): boolean {
  const n = a.rows;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (i !== j && (a.re[i * n + j] !== 0 || a.im[i * n + j] !== 0)) return false;
    if (a.im[i * n + i] !== 0) return false;
  }
  return true;
}

interface Diagonalised { values: Float64Array; vectors?: CMat }

function diagonalise(a: CMat): Diagonalised {
  if (isDiagonal(a)) {
    const v = new Float64Array(a.rows);
    for (let i = 0; i < a.rows; i++) v[i] = a.re[i * a.rows + i];
    return { values: v };
  }
  const e = eigh(a);
  return { values: e.values, vectors: e.vectors };
}

/** Compile an instance into its fast form. O(p d^3) once. */
export function compile(inst: QnnInstance): CompiledQnn {
  const { ansatz, M0, states, labels } = inst;
  const { d, p } = ansatz;
  const cache = new Map<CMat, Diagonalised>();
  const gens = ansatz.generators.map((h) => {
    let e = cache.get(h);
    if (!e) cache.set(h, (e = diagonalise(h)));
    return e;
  });
  const meas = diagonalise(M0);
  const W: CMat[] = [];
  for (let l = 0; l <= p; l++) {
    let w = ansatz.unitaries[l];
    if (l >= 1 && gens[l - 1].vectors) w = matmul(w, gens[l - 1].vectors!);
    const left = l < p ? gens[l].vectors : meas.vectors;
    if (left) w = matmul(adjoint(left), w);
    W.push(w);
  }
  const m = states.rows;
  const x0re = new Float64Array(m * d), x0im = new Float64Array(m * d);
  applyBlock(W[0], states.re, states.im, x0re, x0im, d, m);
  return { d, p, m, W, Wadj: W.map(adjoint), lambdas: gens.map((g) => g.values), mu: meas.values, x0re, x0im, labels };
}

/**
 * Y_k = A X_k for the m vectors X_k (rows of the m x d blocks). The vectors are processed in
 * groups of 4 (then 2, then 1) so every matrix element is loaded once per group; each output
 * is the same sum in the same order as the plain loop (bitwise identical results).
 */
export function applyBlock(a: CMat, xre: Float64Array, xim: Float64Array, yre: Float64Array, yim: Float64Array, d: number, m: number): void {
  const are = a.re, aim = a.im;
  let k = 0;
  for (; k + 4 <= m; k += 4) {
    const o0 = k * d, o1 = o0 + d, o2 = o1 + d, o3 = o2 + d;
    for (let i = 0; i < d; i++) {
      const r = i * d;
      let s0r = 0, s0i = 0, s1r = 0, s1i = 0, s2r = 0, s2i = 0, s3r = 0, s3i = 0;
      for (let j = 0; j < d; j++) {
        const wr = are[r + j], wi = aim[r + j];
        const v0r = xre[o0 + j], v0i = xim[o0 + j];
        s0r += wr * v0r - wi * v0i;
        s0i += wr * v0i + wi * v0r;
        const v1r = xre[o1 + j], v1i = xim[o1 + j];
        s1r += wr * v1r - wi * v1i;
        s1i += wr * v1i + wi * v1r;
        const v2r = xre[o2 + j], v2i = xim[o2 + j];
        s2r += wr * v2r - wi * v2i;
        s2i += wr * v2i + wi * v2r;
        const v3r = xre[o3 + j], v3i = xim[o3 + j];
        s3r += wr * v3r - wi * v3i;
        s3i += wr * v3i + wi * v3r;
      }
      yre[o0 + i] = s0r; yim[o0 + i] = s0i;
      yre[o1 + i] = s1r; yim[o1 + i] = s1i;
      yre[o2 + i] = s2r; yim[o2 + i] = s2i;
      yre[o3 + i] = s3r; yim[o3 + i] = s3i;
    }
  }
  for (; k + 2 <= m; k += 2) {
    const o0 = k * d, o1 = o0 + d;
    for (let i = 0; i < d; i++) {
      const r = i * d;
      let s0r = 0, s0i = 0, s1r = 0, s1i = 0;
      for (let j = 0; j < d; j++) {
        const wr = are[r + j], wi = aim[r + j];
        const v0r = xre[o0 + j], v0i = xim[o0 + j];
        s0r += wr * v0r - wi * v0i;
        s0i += wr * v0i + wi * v0r;
        const v1r = xre[o1 + j], v1i = xim[o1 + j];
        s1r += wr * v1r - wi * v1i;
        s1i += wr * v1i + wi * v1r;
      }
      yre[o0 + i] = s0r; yim[o0 + i] = s0i;
      yre[o1 + i] = s1r; yim[o1 + i] = s1i;
    }
  }
  for (; k < m; k++) {
    const o = k * d;
    for (let i = 0; i < d; i++) {
      const r = i * d;
      let sr = 0, si = 0;
      for (let j = 0; j < d; j++) {
        const wr = are[r + j], wi = aim[r + j], vr = xre[o + j], vi = xim[o + j];
        sr += wr * vr - wi * vi;
        si += wr * vi + wi * vr;
      }
      yre[o + i] = sr;
      yim[o + i] = si;
    }
  }
}

/** X_k <- diag(e^{-i theta lambda}) X_k, in place. */
function applyPhases(lambda: Float64Array, theta: number, xre: Float64Array, xim: Float64Array, d: number, m: number): void {
  for (let i = 0; i < d; i++) {
    const c = Math.cos(theta * lambda[i]), s = -Math.sin(theta * lambda[i]);
    for (let k = 0; k < m; k++) {
      const idx = k * d + i, r = xre[idx], im = xim[idx];
      xre[idx] = c * r - s * im;
      xim[idx] = c * im + s * r;
    }
  }
}

/** X_k <- diag(c + i s) X_k, in place, with the phases given. */
function applyPhaseTable(c: Float64Array, s: Float64Array, off: number, sgn: number, xre: Float64Array, xim: Float64Array, d: number, m: number): void {
  for (let k = 0; k < m; k++) {
    const o = k * d;
    for (let i = 0; i < d; i++) {
      const ci = c[off + i], si = sgn * s[off + i], r = xre[o + i], im = xim[o + i];
      xre[o + i] = ci * r - si * im;
      xim[o + i] = ci * im + si * r;
    }
  }
}

/** Predictions yhat_j = tr(rho_j U^dag M0 U) (section 2), O(p m d^2). */
export function predictFast(c: CompiledQnn, theta: ArrayLike<number>, out = new Float64Array(c.m)): Float64Array {
  const { d, p, m } = c;
  let xre = c.x0re.slice(), xim = c.x0im.slice();
  let yre = new Float64Array(m * d), yim = new Float64Array(m * d);
  for (let l = 1; l <= p; l++) {
    applyPhases(c.lambdas[l - 1], theta[l - 1], xre, xim, d, m);
    applyBlock(c.W[l], xre, xim, yre, yim, d, m);
    [xre, yre] = [yre, xre];
    [xim, yim] = [yim, xim];
  }
  for (let k = 0; k < m; k++) {
    let s = 0;
    for (let i = 0; i < d; i++) s += c.mu[i] * (xre[k * d + i] ** 2 + xim[k * d + i] ** 2);
    out[k] = s;
  }
  return out;
}

export interface LossGrad {
  loss: number;
  predictions: Float64Array;
  gradient: Float64Array;
}

/** The distinct values of a spectrum and, for each entry, the index of its value. */
interface DistinctValues { values: Float64Array; index: Int32Array }
const distinctCache = new WeakMap<Float64Array, DistinctValues>();

function distinctValues(lambda: Float64Array): DistinctValues {
  let e = distinctCache.get(lambda);
  if (!e) {
    const pos = new Map<number, number>();
    const index = new Int32Array(lambda.length);
    const vals: number[] = [];
    for (let i = 0; i < lambda.length; i++) {
      let k = pos.get(lambda[i]);
      if (k === undefined) {
        k = vals.length;
        vals.push(lambda[i]);
        pos.set(lambda[i], k);
      }
      index[i] = k;
    }
    e = { values: Float64Array.from(vals), index };
    distinctCache.set(lambda, e);
  }
  return e;
}

/** Per-compiled-instance work buffers of lossAndGradientFast (reused across calls). */
interface Scratch {
  phiRe: Float64Array[]; phiIm: Float64Array[];
  xre: Float64Array; xim: Float64Array;
  bre: Float64Array; bim: Float64Array; tre: Float64Array; tim: Float64Array;
  cos: Float64Array; sin: Float64Array;
}
const scratchCache = new WeakMap<CompiledQnn, Scratch>();

function scratchFor(c: CompiledQnn): Scratch {
  let s = scratchCache.get(c);
  if (!s) {
    const { d, p, m } = c, md = m * d;
    const bufRe = new Float64Array(p * md), bufIm = new Float64Array(p * md);
    s = {
      phiRe: Array.from({ length: p }, (_, l) => bufRe.subarray(l * md, (l + 1) * md)),
      phiIm: Array.from({ length: p }, (_, l) => bufIm.subarray(l * md, (l + 1) * md)),
      xre: new Float64Array(md), xim: new Float64Array(md),
      bre: new Float64Array(md), bim: new Float64Array(md), tre: new Float64Array(md), tim: new Float64Array(md),
      cos: new Float64Array(p * d), sin: new Float64Array(p * d),
    };
    scratchCache.set(c, s);
  }
  return s;
}

/**
 * L = (1/2m) sum_j (yhat_j - y_j)^2 and dL/dtheta by the adjoint method:
 * dL/dtheta_l = (1/m) sum_j (yhat_j - y_j) 2 Im(beta_{j,l}^dag lambda_l phi_{j,l}).
 * The phases e^{-i theta_l lambda} are computed once per distinct eigenvalue and reused
 * (conjugated) in the backward pass; no allocation besides the returned arrays.
 */
export function lossAndGradientFast(c: CompiledQnn, theta: ArrayLike<number>): LossGrad {
  const { d, p, m } = c;
  const S = scratchFor(c);
  const { phiRe, phiIm, cos, sin } = S;
  // phases: cos(theta lambda_i) and -sin(theta lambda_i), once per distinct lambda_i
  for (let l = 0; l < p; l++) {
    const { values, index } = distinctValues(c.lambdas[l]);
    const t = theta[l], off = l * d;
    if (values.length === d) {
      const lam = c.lambdas[l];
      for (let i = 0; i < d; i++) {
        cos[off + i] = Math.cos(t * lam[i]);
        sin[off + i] = -Math.sin(t * lam[i]);
      }
    } else {
      for (let u = 0; u < values.length; u++) {
        const cu = Math.cos(t * values[u]), su = -Math.sin(t * values[u]);
        for (let i = 0; i < d; i++) {
          if (index[i] === u) {
            cos[off + i] = cu;
            sin[off + i] = su;
          }
        }
      }
    }
  }
  // forward: phi_{l} = D_l W_{l-1} ... ; x = W_p phi_p
  phiRe[0].set(c.x0re);
  phiIm[0].set(c.x0im);
  const xre = S.xre, xim = S.xim;
  for (let l = 1; l <= p; l++) {
    const pr = phiRe[l - 1], pi = phiIm[l - 1];
    applyPhaseTable(cos, sin, (l - 1) * d, 1, pr, pi, d, m);
    if (l < p) applyBlock(c.W[l], pr, pi, phiRe[l], phiIm[l], d, m);
    else applyBlock(c.W[l], pr, pi, xre, xim, d, m);
  }
  const predictions = new Float64Array(m);
  let loss = 0;
  let bre = S.bre, bim = S.bim;
  for (let k = 0; k < m; k++) {
    let s = 0;
    for (let i = 0; i < d; i++) s += c.mu[i] * (xre[k * d + i] ** 2 + xim[k * d + i] ** 2);
    predictions[k] = s;
    const e = s - c.labels[k];
    loss += e * e;
    const coef = (2 * e) / m; // d/dyhat of L, times the 2 of 2 Im(.)
    for (let i = 0; i < d; i++) {
      bre[k * d + i] = coef * c.mu[i] * xre[k * d + i];
      bim[k * d + i] = coef * c.mu[i] * xim[k * d + i];
    }
  }
  loss /= 2 * m;
  const gradient = new Float64Array(p);
  let tre = S.tre, tim = S.tim;
  for (let l = p; l >= 1; l--) {
    applyBlock(c.Wadj[l], bre, bim, tre, tim, d, m);
    [bre, tre] = [tre, bre];
    [bim, tim] = [tim, bim];
    const lam = c.lambdas[l - 1], pr = phiRe[l - 1], pi = phiIm[l - 1];
    let g = 0;
    for (let k = 0; k < m; k++) {
      for (let i = 0; i < d; i++) {
        const idx = k * d + i;
        g += lam[i] * (bre[idx] * pi[idx] - bim[idx] * pr[idx]);
      }
    }
    gradient[l - 1] = g; // coef = 2 e_k / m carries the 2 of dyhat/dtheta = 2 Im(beta^dag lambda phi)
    if (l > 1) applyPhaseTable(cos, sin, (l - 1) * d, -1, bre, bim, d, m); // conjugate phases
  }
  return { loss, predictions, gradient };
}

/** Validating wrapper of lossAndGradientFast. */
export function lossAndGradient(inst: QnnInstance, theta: ArrayLike<number>, compiled = compile(inst)): LossGrad {
  checkTheta(inst.ansatz, theta, 'lossAndGradient');
  checkFiniteArray(theta, 'lossAndGradient', 'theta');
  return lossAndGradientFast(compiled, theta);
}
