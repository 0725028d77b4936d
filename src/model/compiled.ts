/**
 * The fast state-vector form of a QNN instance, for predictions, loss and the gradient.
 *
 * Each generator is diagonalised once, H^(l) = V_l diag(lambda_l) V_l^dag, and M0 = Q diag(mu) Q^dag.
 * The fixed unitaries are folded into W_0 = V_1^dag U_0, W_l = V_{l+1}^dag U_l V_l, W_p = Q^dag U_p V_p, so
 *   Q^dag U(theta) = W_p D_p W_{p-1} ... D_1 W_0,  D_l = diag(e^{-i theta_l lambda_l}),
 * and every gate application in the hot loop is one dense d x d product on m vectors, or a diagonal.
 * The gradient is the adjoint (reverse) method: O(p m d^2) per evaluation. The dense products run
 * in the WebAssembly kernel (src/wasm/kernels.ts) on matrices and work buffers that live in the
 * compiled instance's own arena.
 */
import { adjoint, CMat, matmul } from '../linalg/cmatrix.ts';
import { eigh } from '../linalg/eigh.ts';
import { checkTheta } from './ansatz.ts';
import { QnnInstance } from './instance.ts';
import { Arena, arenaSize, makeArena } from '../wasm/kernels.ts';

export interface CompiledQnn {
  readonly d: number;
  readonly p: number;
  readonly m: number;
  readonly W: readonly CMat[];
  readonly lambdas: readonly Float64Array[];
  readonly mu: Float64Array;
  /** W_0 v_j for every state (m x d, row-major): the input to the first diagonal gate. */
  readonly x0re: Float64Array;
  readonly x0im: Float64Array;
  readonly labels: Float64Array;
  /** The WebAssembly memory holding W, x0 and the work buffers. */
  readonly arena: Arena;
  readonly work: Work;
}

/** Work buffers of predictFast and lossAndGradientFast, in the arena (reused across calls). */
interface Work {
  phiRe: Float64Array[]; phiIm: Float64Array[];
  xre: Float64Array; xim: Float64Array;
  bre: Float64Array; bim: Float64Array; tre: Float64Array; tim: Float64Array;
  /** Per layer l: cos(theta_l lambda_i) and -sin(theta_l lambda_i), views of one p x d table. */
  cos: Float64Array[]; sin: Float64Array[];
  /** Scratch of phases(): cos and -sin of theta_l times each distinct eigenvalue (outside the arena). */
  distinctCos: Float64Array; distinctSin: Float64Array;
}

/** True when a is diagonal with a real diagonal (exactly: no tolerance). Exported for its tests. */
export function isDiagonal(a: CMat): boolean {
  const n = a.rows;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (i !== j && (a.re[i * n + j] !== 0 || a.im[i * n + j] !== 0)) return false;
    if (a.im[i * n + i] !== 0) return false;
  }
  return true;
}

export interface Diagonalised { values: Float64Array; vectors?: CMat }

/** Eigenvalues (and eigenvectors unless a is diagonal: then they are the identity). Exported for its tests. */
export function diagonalise(a: CMat): Diagonalised {
  if (isDiagonal(a)) {
    const v = new Float64Array(a.rows);
    // Stryker disable next-line EqualityOperator: i = rows writes past the end of v (ignored)
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
  const m = states.rows, dd = d * d, md = m * d;
  // arena, exactly: W (p+1 matrices, split), x0, x, b, t, phi_1..phi_p (m x d, split), cos/sin (p x d), distinct spectra
  const distinctSpectra = new Set(gens.map((g) => g.values)).size;
  // Stryker disable next-line StringLiteral: the label shows only when the arena exceeds what a WebAssembly memory holds (an instance of more than 4 GiB)
  const arena = makeArena(2 * (p + 1) * arenaSize(dd) + 2 * (p + 4) * arenaSize(md) + 2 * arenaSize(p * d) + distinctSpectra * arenaSize(d), 'compile');
  const toArena = (a: CMat): CMat => {
    const re = arena.alloc(dd), im = arena.alloc(dd);
    re.set(a.re);
    im.set(a.im);
    return { rows: d, cols: d, re, im };
  };
  const Wa = W.map(toArena);
  const x0re = arena.alloc(md), x0im = arena.alloc(md);
  const work: Work = {
    phiRe: [], phiIm: [],
    xre: arena.alloc(md), xim: arena.alloc(md), bre: arena.alloc(md), bim: arena.alloc(md),
    tre: arena.alloc(md), tim: arena.alloc(md), cos: [], sin: [],
    distinctCos: new Float64Array(d), distinctSin: new Float64Array(d),
  };
  const cosTable = arena.alloc(p * d), sinTable = arena.alloc(p * d);
  for (let l = 0; l < p; l++) {
    work.phiRe.push(arena.alloc(md));
    work.phiIm.push(arena.alloc(md));
    work.cos.push(cosTable.subarray(l * d, (l + 1) * d));
    work.sin.push(sinTable.subarray(l * d, (l + 1) * d));
  }
  work.tre.set(states.re);
  work.tim.set(states.im);
  arena.applyBlock(Wa[0].re, Wa[0].im, work.tre, work.tim, x0re, x0im, d, m);
  const spectra = new Map<Float64Array, Float64Array>(); // one arena copy per distinct generator spectrum
  const lambdas = gens.map(({ values }) => {
    let a = spectra.get(values);
    if (!a) {
      spectra.set(values, (a = arena.alloc(d)));
      a.set(values);
    }
    return a;
  });
  return { d, p, m, W: Wa, lambdas, mu: meas.values, x0re, x0im, labels, arena, work };
}

/** Predictions yhat_j = tr(rho_j U^dag M0 U) (section 2), O(p m d^2). */
export function predictFast(c: CompiledQnn, theta: ArrayLike<number>, out = new Float64Array(c.m)): Float64Array {
  const { d, p, m, work } = c;
  let xre = work.xre, xim = work.xim, yre = work.tre, yim = work.tim;
  xre.set(c.x0re);
  xim.set(c.x0im);
  phases(c, theta);
  for (let l = 1; l <= p; l++) {
    c.arena.phaseTable(work.cos[l - 1], work.sin[l - 1], 1, xre, xim, d, m);
    c.arena.applyBlock(c.W[l].re, c.W[l].im, xre, xim, yre, yim, d, m);
    [xre, yre] = [yre, xre];
    [xim, yim] = [yim, xim];
  }
  // Stryker disable next-line EqualityOperator: k = m writes past the end of out (ignored)
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
export interface DistinctValues { values: Float64Array; index: Int32Array }
const distinctCache = new WeakMap<Float64Array, DistinctValues>();

export function distinctValues(lambda: Float64Array): DistinctValues {
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

/** D_l = diag(e^{-i theta_l lambda_l}) into the work tables: cos and -sin, once per distinct eigenvalue. */
function phases(c: CompiledQnn, theta: ArrayLike<number>): void {
  const { d, p, work } = c;
  const cu = work.distinctCos, su = work.distinctSin;
  for (let l = 0; l < p; l++) {
    const { values, index } = distinctValues(c.lambdas[l]);
    const t = theta[l], cos = work.cos[l], sin = work.sin[l];
    // Stryker disable next-line EqualityOperator: u = number of distinct values writes an entry of the scratch that no index points to
    for (let u = 0; u < values.length; u++) {
      cu[u] = Math.cos(t * values[u]);
      su[u] = -Math.sin(t * values[u]);
    }
    // Stryker disable next-line EqualityOperator: i = d writes past the end of the view (ignored)
    for (let i = 0; i < d; i++) {
      cos[i] = cu[index[i]];
      sin[i] = su[index[i]];
    }
  }
}

/**
 * L = (1/2m) sum_j (yhat_j - y_j)^2 and dL/dtheta by the adjoint method:
 * dL/dtheta_l = (1/m) sum_j (yhat_j - y_j) 2 Im(beta_{j,l}^dag lambda_l phi_{j,l}).
 * The phases e^{-i theta_l lambda} are computed once per distinct eigenvalue and reused
 * (conjugated) in the backward pass; no allocation besides the returned arrays.
 */
export function lossAndGradientFast(c: CompiledQnn, theta: ArrayLike<number>): LossGrad {
  const { d, p, m } = c;
  const S = c.work, A = c.arena, mv = A.applyBlock, mvAdj = A.applyBlockAdjoint;
  const { phiRe, phiIm, cos, sin } = S;
  phases(c, theta);
  // forward: phi_{l} = D_l W_{l-1} ... ; x = W_p phi_p
  phiRe[0].set(c.x0re);
  phiIm[0].set(c.x0im);
  const xre = S.xre, xim = S.xim;
  for (let l = 1; l <= p; l++) {
    const pr = phiRe[l - 1], pi = phiIm[l - 1];
    A.phaseTable(cos[l - 1], sin[l - 1], 1, pr, pi, d, m);
    if (l < p) mv(c.W[l].re, c.W[l].im, pr, pi, phiRe[l], phiIm[l], d, m);
    else mv(c.W[l].re, c.W[l].im, pr, pi, xre, xim, d, m);
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
    // Stryker disable next-line EqualityOperator: i = d writes the first entry of row k + 1, which the next row overwrites, or past the end (ignored)
    for (let i = 0; i < d; i++) {
      bre[k * d + i] = coef * c.mu[i] * xre[k * d + i];
      bim[k * d + i] = coef * c.mu[i] * xim[k * d + i];
    }
  }
  loss /= 2 * m;
  const gradient = new Float64Array(p);
  let tre = S.tre, tim = S.tim;
  for (let l = p; l >= 1; l--) {
    mvAdj(c.W[l].re, c.W[l].im, bre, bim, tre, tim, d, m);
    [bre, tre] = [tre, bre];
    [bim, tim] = [tim, bim];
    const g = A.gradDot(c.lambdas[l - 1], bre, bim, phiRe[l - 1], phiIm[l - 1], d, m);
    gradient[l - 1] = g; // coef = 2 e_k / m carries the 2 of dyhat/dtheta = 2 Im(beta^dag lambda phi)
    // Stryker disable next-line ConditionalExpression,EqualityOperator: l = 1: the phase is applied to b after its last use
    if (l > 1) A.phaseTable(cos[l - 1], sin[l - 1], -1, bre, bim, d, m); // conjugate phases
  }
  return { loss, predictions, gradient };
}

/** Validating wrapper of lossAndGradientFast. */
export function lossAndGradient(inst: QnnInstance, theta: ArrayLike<number>, compiled = compile(inst)): LossGrad {
  checkTheta(inst.ansatz, theta, 'lossAndGradient'); // length p, finite entries
  return lossAndGradientFast(compiled, theta);
}
