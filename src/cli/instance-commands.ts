/**
 * `qnn-verify sample` and `qnn-verify eval`: write a random appendix-D instance as JSON, and
 * evaluate an instance JSON (format: src/io/instance-json.ts).
 *
 * eval prints predictions, residuals r = y - yhat, the loss, the gradient (adjoint method,
 * src/model/compiled.ts), K of eq. (4), K_asym of eq. (7) and the spectrum of M(theta); for a
 * periodic ansatz also eta of Lemma 4.1, K_pert of eq. (8)/(67) (matrix-free, via kPert) and
 * ||Y - Y*||_op (dense d^2 x d^2 eigenvalues for d <= 16, Lanczos matrix-free above).
 */
import { readFileSync, statSync } from 'node:fs';
import { QnnInputError } from '../errors.ts';
import { DEFAULT_SEED } from '../claims/runner.ts';
import { type CMat, hermitianPart } from '../linalg/cmatrix.ts';
import { eigvalsh, tridiagonalEig } from '../linalg/eigh.ts';
import { opNormHermitian } from '../linalg/norms.ts';
import { makeRng } from '../random/rng.ts';
import { layerGenerators } from '../model/ansatz.ts';
import { lossAndGradient } from '../model/compiled.ts';
import {
  deltaMatrix, etaLemma41, kAsymFromCommutators, kernelFromParts, kPert, stateCommutators, zFactor,
} from '../model/kernels.ts';
import { lossOf, parameterizedMeasurement, predictionsOf, residualsOf } from '../model/qnn.ts';
import { appendixDInstance } from '../model/scenarios.ts';
import {
  formatJson, INSTANCE_LIMITS, oneLine, parseInstanceText, type ParsedInstance, serialiseInstance,
} from '../io/instance-json.ts';
import type { Command } from './types.ts';

/** Largest d for which ||Y - Y*||_op is computed from the explicit d^2 x d^2 matrix. */
export const DENSE_DELTA_MAX_D = 16;
/** Storage cap of the Lanczos basis, in complex entries (iterations x d^2): 2^24 = 256 MiB. */
export const LANCZOS_MAX_STORAGE = 2 ** 24;

// ---------------------------------------------------------------------------------------------
// ||Y - Y*||_op, matrix-free
// ---------------------------------------------------------------------------------------------

/** A Hermitian linear operator on C^n, y = A x (y must not alias x). */
export type HermitianOperator = (xre: Float64Array, xim: Float64Array, yre: Float64Array, yim: Float64Array) => void;

/**
 * x -> (Y - Y*) x on C^{d^2} without d^2 x d^2 matrices. For x = vec(X), X a d x d matrix in
 * row-major order: (A (x) B) vec(X) = vec(A X B^T) and SWAP vec(X) = vec(X^T), so
 *   (Y - Y*) vec(X) = vec( (1/(pZ)) sum_l H_l X H_l^T - X^T + X/d ).
 * Cost O(p d^3) per application.
 */
export function deltaOperator(Hl: readonly CMat[], z: number): HermitianOperator {
  const p = Hl.length;
  const d = Hl[0].rows;
  const c = 1 / (p * z);
  const n = d * d;
  const xtre = new Float64Array(n), xtim = new Float64Array(n);
  const tre = new Float64Array(n), tim = new Float64Array(n);
  const sre = new Float64Array(n), sim = new Float64Array(n);
  return (xre, xim, yre, yim) => {
    // y = -X^T + X/d, and Xt = X^T
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) {
        xtre[a * d + b] = xre[b * d + a];
        xtim[a * d + b] = xim[b * d + a];
        yre[a * d + b] = xre[a * d + b] / d - xre[b * d + a];
        yim[a * d + b] = xim[a * d + b] / d - xim[b * d + a];
      }
    }
    for (let l = 0; l < p; l++) {
      const h = Hl[l];
      abT(h.re, h.im, xtre, xtim, tre, tim, d); // T = H X = H (X^T)^T
      abT(tre, tim, h.re, h.im, sre, sim, d); // S = T H^T
      for (let i = 0; i < n; i++) {
        yre[i] += c * sre[i];
        yim[i] += c * sim[i];
      }
    }
  };
}

/**
 * out = A B^T for d x d complex A, B (row-major, split re/im; no conjugation):
 * out_ab = sum_k A_ak B_bk, as dot products of rows, in 2 x 2 output blocks.
 */
function abT(
  are: Float64Array, aim: Float64Array, bre: Float64Array, bim: Float64Array,
  ore: Float64Array, oim: Float64Array, d: number,
): void {
  for (let a = 0; a < d; a += 2) {
    const a0 = a * d, a1 = a0 + d, twoA = a + 1 < d;
    for (let b = 0; b < d; b += 2) {
      const b0 = b * d, b1 = b0 + d;
      if (twoA && b + 1 < d) {
        let r00 = 0, i00 = 0, r01 = 0, i01 = 0, r10 = 0, i10 = 0, r11 = 0, i11 = 0;
        for (let k = 0; k < d; k++) {
          const x0r = are[a0 + k], x0i = aim[a0 + k], x1r = are[a1 + k], x1i = aim[a1 + k];
          const y0r = bre[b0 + k], y0i = bim[b0 + k], y1r = bre[b1 + k], y1i = bim[b1 + k];
          r00 += x0r * y0r - x0i * y0i; i00 += x0r * y0i + x0i * y0r;
          r01 += x0r * y1r - x0i * y1i; i01 += x0r * y1i + x0i * y1r;
          r10 += x1r * y0r - x1i * y0i; i10 += x1r * y0i + x1i * y0r;
          r11 += x1r * y1r - x1i * y1i; i11 += x1r * y1i + x1i * y1r;
        }
        ore[a0 + b] = r00; oim[a0 + b] = i00;
        ore[a0 + b + 1] = r01; oim[a0 + b + 1] = i01;
        ore[a1 + b] = r10; oim[a1 + b] = i10;
        ore[a1 + b + 1] = r11; oim[a1 + b + 1] = i11;
      } else {
        // edge (odd d): the remaining entries of this block one at a time
        for (let ai = a; ai < Math.min(a + 2, d); ai++) {
          for (let bi = b; bi < Math.min(b + 2, d); bi++) {
            const oa = ai * d, ob = bi * d;
            let sr = 0, si = 0;
            for (let k = 0; k < d; k++) {
              const xr = are[oa + k], xi = aim[oa + k], yr = bre[ob + k], yi = bim[ob + k];
              sr += xr * yr - xi * yi;
              si += xr * yi + xi * yr;
            }
            ore[oa + bi] = sr;
            oim[oa + bi] = si;
          }
        }
      }
    }
  }
}

export interface LanczosOptions {
  /** Relative residual tolerance on the two extreme Ritz pairs: |beta_k s_k| <= tol * max|theta|. */
  tol?: number;
  /** Iteration cap (default min(n, LANCZOS_MAX_STORAGE / n)). */
  maxIter?: number;
  /** Seed of the random start vector. */
  seed?: number;
}

export interface LanczosResult {
  /** Smallest and largest Ritz values (converged approximations of lambda_min, lambda_max). */
  min: number;
  max: number;
  /** max(|min|, |max|): the operator norm of the Hermitian operator. */
  norm: number;
  iterations: number;
  /** Residual bounds |beta_k s_k| of the two extreme Ritz pairs (0 after an exact breakdown). */
  residualMin: number;
  residualMax: number;
}

/**
 * Extreme eigenvalues of a Hermitian operator on C^n by Lanczos with full
 * reorthogonalisation (classical Gram-Schmidt, twice, against every basis vector). Runs until
 * both extreme Ritz pairs have residual bound |beta_k s_k| <= tol * max|theta|, or the Krylov
 * space becomes invariant (beta_k ~ 0: from a random start every distinct eigenvalue has then
 * been found exactly), or k = n. Throws if the iteration cap is hit before convergence.
 */
export function lanczosExtremes(n: number, apply: HermitianOperator, opts: LanczosOptions = {}): LanczosResult {
  const tol = opts.tol ?? 1e-12;
  const maxIter = Math.min(n, opts.maxIter ?? Math.max(2, Math.floor(LANCZOS_MAX_STORAGE / n)));
  const rng = makeRng(opts.seed ?? 0x1a2c05);
  const Qre: Float64Array[] = [], Qim: Float64Array[] = [];
  const alpha: number[] = [], beta: number[] = [];
  let qre = new Float64Array(n), qim = new Float64Array(n);
  for (let i = 0; i < n; i++) { qre[i] = rng.normal(); qim[i] = rng.normal(); }
  normalise(qre, qim);
  const wre = new Float64Array(n), wim = new Float64Array(n);
  let tnorm = 0; // running estimate of ||A||
  let nextCheck = 1;
  let last: LanczosResult | undefined;
  for (let k = 0; k < maxIter; k++) {
    Qre.push(qre);
    Qim.push(qim);
    apply(qre, qim, wre, wim);
    let a = 0;
    for (let i = 0; i < n; i++) a += qre[i] * wre[i] + qim[i] * wim[i];
    alpha.push(a);
    for (let i = 0; i < n; i++) { wre[i] -= a * qre[i]; wim[i] -= a * qim[i]; }
    if (k > 0) {
      const b = beta[k - 1], pre = Qre[k - 1], pim = Qim[k - 1];
      for (let i = 0; i < n; i++) { wre[i] -= b * pre[i]; wim[i] -= b * pim[i]; }
    }
    for (let pass = 0; pass < 2; pass++) {
      for (let j = 0; j <= k; j++) {
        const vr = Qre[j], vi = Qim[j];
        let cr = 0, ci = 0; // c = v^dag w
        for (let i = 0; i < n; i++) {
          cr += vr[i] * wre[i] + vi[i] * wim[i];
          ci += vr[i] * wim[i] - vi[i] * wre[i];
        }
        for (let i = 0; i < n; i++) {
          wre[i] -= cr * vr[i] - ci * vi[i];
          wim[i] -= cr * vi[i] + ci * vr[i];
        }
      }
    }
    const b = norm2(wre, wim);
    beta.push(b);
    tnorm = Math.max(tnorm, Math.abs(a) + b + (k > 0 ? beta[k - 1] : 0));
    const breakdown = b <= 1e-13 * tnorm;
    const steps = k + 1;
    if (breakdown || steps === n || steps >= nextCheck || steps === maxIter) {
      last = ritzExtremes(alpha, beta, breakdown ? 0 : b, steps);
      const scale = Math.max(Math.abs(last.min), Math.abs(last.max), Number.MIN_VALUE);
      if (breakdown || steps === n || (last.residualMin <= tol * scale && last.residualMax <= tol * scale)) return last;
      nextCheck = steps + Math.max(4, Math.floor(steps / 8));
    }
    qre = new Float64Array(n);
    qim = new Float64Array(n);
    for (let i = 0; i < n; i++) { qre[i] = wre[i] / b; qim[i] = wim[i] / b; }
  }
  throw new Error(
    `Lanczos did not converge in ${maxIter} iterations (residuals ${last?.residualMin.toExponential(2)}, ${last?.residualMax.toExponential(2)})`,
  );
}

function norm2(re: Float64Array, im: Float64Array): number {
  let s = 0;
  for (let i = 0; i < re.length; i++) s += re[i] * re[i] + im[i] * im[i];
  return Math.sqrt(s);
}

function normalise(re: Float64Array, im: Float64Array): void {
  const s = norm2(re, im);
  for (let i = 0; i < re.length; i++) { re[i] /= s; im[i] /= s; }
}

/** Extreme eigenvalues of the k x k Lanczos tridiagonal and their residual bounds |b s_last|. */
function ritzExtremes(alpha: readonly number[], beta: readonly number[], b: number, k: number): LanczosResult {
  const dd = Float64Array.from(alpha.slice(0, k));
  const e = new Float64Array(k);
  for (let i = 0; i < k - 1; i++) e[i] = beta[i];
  const z = new Float64Array(k * k);
  for (let i = 0; i < k; i++) z[i * k + i] = 1;
  tridiagonalEig(dd, e, z); // ascending; row j of z is eigenvector j
  const min = dd[0], max = dd[k - 1];
  return {
    min, max, norm: Math.max(Math.abs(min), Math.abs(max)), iterations: k,
    residualMin: Math.abs(b * z[k - 1]), residualMax: Math.abs(b * z[(k - 1) * k + k - 1]),
  };
}

/** ||Y - Y*||_op by Lanczos on the matrix-free operator (any d). */
export function deltaOpNormLanczos(Hl: readonly CMat[], z: number, opts: LanczosOptions = {}): LanczosResult {
  const d = Hl[0].rows;
  return lanczosExtremes(d * d, deltaOperator(Hl, z), opts);
}

/** ||Y - Y*||_op from the explicit d^2 x d^2 matrix (small d only). */
export function deltaOpNormDense(Hl: readonly CMat[], z: number): number {
  return opNormHermitian(hermitianPart(deltaMatrix(Hl, z)));
}

/** Dense for d <= DENSE_DELTA_MAX_D, Lanczos above. */
export function deltaOpNorm(Hl: readonly CMat[], z: number): number {
  return Hl[0].rows <= DENSE_DELTA_MAX_D ? deltaOpNormDense(Hl, z) : deltaOpNormLanczos(Hl, z).norm;
}

// ---------------------------------------------------------------------------------------------
// eval
// ---------------------------------------------------------------------------------------------

export interface EvalResult {
  predictions: number[];
  residuals: number[];
  loss: number;
  gradient: number[];
  K: number[][];
  Kasym: number[][];
  spectrum: number[];
  eta?: number;
  Kpert?: number[][];
  deltaOpNorm?: number;
}

function realRows(a: CMat): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < a.rows; i++) out.push(Array.from(a.re.subarray(i * a.cols, (i + 1) * a.cols)));
  return out;
}

function allFinite(x: unknown): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  if (Array.isArray(x)) return x.every(allFinite);
  return true;
}

/** Every quantity printed by `eval`, for a validated instance. */
export function evaluateInstance(parsed: ParsedInstance, fn = 'eval'): EvalResult {
  const { instance: inst, theta, periodic } = parsed;
  const M = hermitianPart(parameterizedMeasurement(inst, theta));
  const yhat = predictionsOf(M, inst.states);
  const { gradient } = lossAndGradient(inst, theta);
  const A = stateCommutators(M, inst.states);
  const Hl = layerGenerators(inst.ansatz, theta);
  const out: EvalResult = {
    predictions: Array.from(yhat),
    residuals: Array.from(residualsOf(yhat, inst.labels)),
    loss: lossOf(yhat, inst.labels),
    gradient: Array.from(gradient),
    K: realRows(kernelFromParts(A, Hl)),
    Kasym: realRows(kAsymFromCommutators(A)),
    spectrum: Array.from(eigvalsh(M)),
  };
  if (periodic && inst.ansatz.periodicGenerator) {
    const z = zFactor(inst.ansatz.periodicGenerator);
    out.eta = etaLemma41(inst);
    out.Kpert = realRows(kPert(A, Hl, z));
    out.deltaOpNorm = deltaOpNorm(Hl, z);
  }
  for (const [k, v] of Object.entries(out)) {
    if (!allFinite(v)) {
      throw new QnnInputError(fn, 'input', `gives a non-finite ${k} (entries of M0, H, labels or theta too large)`);
    }
  }
  return out;
}

/**
 * Write to stdout and resolve once the data has been handed to the OS. main.ts calls
 * process.exit as soon as run() settles, which would truncate a large output on a pipe
 * (stdout writes to pipes are asynchronous on POSIX).
 */
function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

function readInput(file: string): string {
  if (file === '-') {
    try {
      return readFileSync(0, 'utf8');
    } catch (e) {
      throw new QnnInputError('eval', 'stdin', `cannot be read (${oneLine((e as Error).message, 120)})`);
    }
  }
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new QnnInputError('eval', 'FILE', `'${oneLine(file, 120)}' is not a regular file`);
    if (st.size > INSTANCE_LIMITS.maxInputBytes) {
      throw new QnnInputError('eval', 'FILE', `'${oneLine(file, 120)}' is larger than ${INSTANCE_LIMITS.maxInputBytes / 2 ** 20} MiB`);
    }
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof QnnInputError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new QnnInputError('eval', 'FILE', `'${oneLine(file, 120)}' cannot be read (${code})`);
  }
}

export const evalCommand: Command = {
  options: {},
  positionals: 1,
  run: async (_v, pos) => {
    const file = pos[0];
    if (file === undefined) throw new QnnInputError('eval', 'FILE', 'is required (a path, or - for stdin)');
    const parsed = parseInstanceText(readInput(file), 'eval');
    const res = evaluateInstance(parsed, 'eval');
    await writeStdout(formatJson(res as unknown as Record<string, unknown>));
    return 0;
  },
};

// ---------------------------------------------------------------------------------------------
// sample
// ---------------------------------------------------------------------------------------------

function intFlag(v: string | boolean | undefined, name: string, min: number, max: number, required: boolean): number | undefined {
  if (v === undefined) {
    if (required) throw new QnnInputError('sample', `--${name}`, 'is required');
    return undefined;
  }
  const s = String(v).trim();
  const n = /^[-+]?\d{1,20}$/.test(s) ? Number(s) : NaN; // decimal digits only: no 0x10, 1e3, 1.0
  if (!Number.isSafeInteger(n) || n < min) throw new QnnInputError('sample', `--${name}`, `must be an integer >= ${min} (got ${oneLine(String(v), 40)})`);
  if (n > max) throw new QnnInputError('sample', `--${name}`, `must be <= ${max} (got ${n}); larger instances would exhaust memory`);
  return n;
}

export const sampleCommand: Command = {
  options: { d: { type: 'string' }, m: { type: 'string' }, p: { type: 'string' }, gamma: { type: 'string' }, seed: { type: 'string' } },
  positionals: 0,
  run: async (v) => {
    const L = INSTANCE_LIMITS;
    const d = intFlag(v.d, 'd', 2, L.maxD, true)!;
    if (d % 2 !== 0) throw new QnnInputError('sample', '--d', `must be even (the +-1 trace-0 measurement of appendix D; got ${d})`);
    const p = intFlag(v.p, 'p', 1, Math.floor(L.maxPD2 / (d * d)), true)!;
    const m = intFlag(v.m, 'm', 1, Math.min(d, L.maxM, Math.floor(L.maxMD2 / (d * d))), true)!;
    let gamma = 1;
    if (v.gamma !== undefined) {
      const s = String(v.gamma).trim();
      gamma = s === '' ? NaN : Number(s);
      if (!Number.isFinite(gamma) || !(gamma > 0)) throw new QnnInputError('sample', '--gamma', `must be a finite number > 0 (got ${oneLine(String(v.gamma), 40)})`);
    }
    const seed = intFlag(v.seed, 'seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, false) ?? DEFAULT_SEED;
    const { instance, theta0 } = appendixDInstance(makeRng(seed), { d, m, p, gamma });
    await writeStdout(serialiseInstance(instance, theta0));
    return 0;
  },
};
