/**
 * Extreme eigenvalues of a Hermitian operator given only as a matrix-vector product: Lanczos with full
 * reorthogonalisation, for operators too large to store (||Y - Y*||_op on C^{d^2} in src/model/delta.ts).
 */
import { tridiagonalEig } from './eigh.ts';
import { makeRng } from '../random/rng.ts';

/** Storage cap of the Lanczos basis, in complex entries (iterations x d^2): 2^24 = 256 MiB. */
export const LANCZOS_MAX_STORAGE = 2 ** 24;

/** A Hermitian linear operator on C^n, y = A x (y must not alias x). */
export type HermitianOperator = (xre: Float64Array, xim: Float64Array, yre: Float64Array, yim: Float64Array) => void;

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
  // Stryker disable next-line EqualityOperator: i = n draws two more normals after the start vector is complete (the generator is not used again) and writes past the end (ignored)
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
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: the Gram-Schmidt passes below remove the component along q_k too (skipping this changes only rounding); i = n writes past the end (ignored)
    for (let i = 0; i < n; i++) { wre[i] -= a * qre[i]; wim[i] -= a * qim[i]; }
    // Stryker disable next-line ConditionalExpression,BlockStatement: the Gram-Schmidt passes below remove the component along q_{k-1} too (skipping this changes only rounding)
    if (k > 0) {
      const b = beta[k - 1], pre = Qre[k - 1], pim = Qim[k - 1];
      // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: the Gram-Schmidt passes below remove the component along q_{k-1} too (skipping this changes only rounding); i = n writes past the end (ignored)
      for (let i = 0; i < n; i++) { wre[i] -= b * pre[i]; wim[i] -= b * pim[i]; }
    }
    // Stryker disable next-line EqualityOperator: a third pass changes only rounding (two passes already orthogonalise to working precision)
    for (let pass = 0; pass < 2; pass++) {
      for (let j = 0; j <= k; j++) {
        const vr = Qre[j], vi = Qim[j];
        let cr = 0, ci = 0; // c = v^dag w
        for (let i = 0; i < n; i++) {
          cr += vr[i] * wre[i] + vi[i] * wim[i];
          ci += vr[i] * wim[i] - vi[i] * wre[i];
        }
        // Stryker disable next-line EqualityOperator: i = n writes past the end (ignored)
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
    // Stryker disable next-line ConditionalExpression: steps never exceeds maxIter <= n, so steps === n implies steps === maxIter, tested by the same condition
    if (breakdown || steps === n || steps >= nextCheck || steps === maxIter) {
      last = ritzExtremes(alpha, beta, breakdown ? 0 : b, steps);
      const scale = Math.max(Math.abs(last.min), Math.abs(last.max), Number.MIN_VALUE);
      // Stryker disable next-line ConditionalExpression: step n without breakdown is unreachable: w projected (twice) against a complete basis of C^n leaves ~eps^2 ||A||, far below 1e-13 ||T_n||_inf >= 1e-13 ||A||
      if (breakdown || steps === n || (last.residualMin <= tol * scale && last.residualMax <= tol * scale)) return last;
      nextCheck = steps + Math.max(4, Math.floor(steps / 8));
    }
    qre = new Float64Array(n);
    qim = new Float64Array(n);
    // Stryker disable next-line EqualityOperator: i = n writes past the end (ignored)
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
  // Stryker disable next-line EqualityOperator: i = length writes past the end (ignored)
  for (let i = 0; i < re.length; i++) { re[i] /= s; im[i] /= s; }
}

/** Extreme eigenvalues of the k x k Lanczos tridiagonal and their residual bounds |b s_last|. */
export function ritzExtremes(alpha: readonly number[], beta: readonly number[], b: number, k: number): LanczosResult {
  const dd = Float64Array.from(alpha.slice(0, k));
  const e = new Float64Array(k);
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: e[k - 1] is set to 0 by tridiagonalEig before it is read; i = k writes past the end (ignored)
  for (let i = 0; i < k - 1; i++) e[i] = beta[i];
  const z = new Float64Array(k * k);
  // Stryker disable next-line EqualityOperator: i = k writes past the end (ignored)
  for (let i = 0; i < k; i++) z[i * k + i] = 1;
  tridiagonalEig(dd, e, z); // ascending; row j of z is eigenvector j
  const min = dd[0], max = dd[k - 1];
  return {
    min, max, norm: Math.max(Math.abs(min), Math.abs(max)), iterations: k,
    residualMin: Math.abs(b * z[k - 1]), residualMax: Math.abs(b * z[(k - 1) * k + k - 1]),
  };
}
