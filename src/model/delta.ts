/**
 * Delta = Y(theta) - Y* (eq. 9, Lemma 4.1) as an operator: the matrix-free product on C^{d^2} and its operator norm,
 * from the explicit d^2 x d^2 matrix (src/model/kernels.ts) for small d and by Lanczos above.
 */
import { type CMat, hermitianPart } from '../linalg/cmatrix.ts';
import { type HermitianOperator, type LanczosOptions, type LanczosResult, lanczosExtremes } from '../linalg/lanczos.ts';
import { opNormHermitian } from '../linalg/norms.ts';
import { deltaMatrix } from './kernels.ts';

/** Largest d for which ||Y - Y*||_op is computed from the explicit d^2 x d^2 matrix. */
export const DENSE_DELTA_MAX_D = 16;

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
  // Stryker disable next-line EqualityOperator: a = d (even d) only adds an empty block: twoA is false and the edge loop over ai in [d, d) does nothing
  for (let a = 0; a < d; a += 2) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: twoA only chooses between the 2 x 2 block and the edge loop, which compute the same sums in the same order; a 2 x 2 block on the last row of odd d puts its second row (read past the end of A) past the end of the work array (ignored)
    const a0 = a * d, a1 = a0 + d, twoA = a + 1 < d;
    // Stryker disable next-line EqualityOperator: b = d (even d) only adds an empty block: b + 1 < d is false and the edge loop over bi in [d, d) does nothing
    for (let b = 0; b < d; b += 2) {
      const b0 = b * d, b1 = b0 + d;
      // Stryker disable next-line ConditionalExpression: false sends every block to the edge loop, which computes the same sums in the same order
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
        // Stryker disable next-line EqualityOperator,MethodExpression: extra rows ai < d get the same dot products that their own pass writes again; row ai = d goes past the end of the work array (ignored)
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
