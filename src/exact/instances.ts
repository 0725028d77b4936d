/**
 * Exact random instances over Q(i) from a seeded generator, each carrying the degree bound of its
 * entries in the free parameters (./tracked.ts).
 *
 * Free parameters: real integers drawn uniformly from S = {-N, ..., N}, |S| = 2N + 1 (`drawInt`).
 * - Anti-Hermitian A (d x d): d real diagonal parameters (A_kk = i a_k) and d(d-1) for the strict upper
 *   triangle (A_jk = x + i y, A_kj = -x + i y): d^2 parameters, entries affine (degree 1).
 * - Cayley unitary U = (I - A)(I + A)^{-1}: exactly unitary (I - A and (I + A)^{-1} commute, and
 *   (I + A)^dag = I - A), and I + A is invertible for every anti-Hermitian A (eigenvalues 1 + i t).
 *   Degree: (I + A)^{-1} = adj(I + A)/det(I + A) with adj entries of degree d - 1 and det of degree d, so
 *   U = [(I - A) adj(I + A)] / det(I + A): numerator degree d over the atom det(I + A) (degree d).
 *   The inverse is computed by exact Gauss-Jordan elimination; the degree bound comes from this formula.
 * - Hermitian matrices with integer entries: d^2 parameters, degree 1.
 * - Measurements M = U^dag diag(s_k gamma) U (fixed signs, fixed rational gamma), projectors
 *   Pi_+- = (I +- M/gamma)/2; generators H = V diag(h) V^dag with integer h (h_1 may be pinned to 1).
 * - Orthonormal pure states: columns of another Cayley unitary.
 */
import { randomInt, type Rng } from '../random/rng.ts';
import * as q from './gaussian-rational.ts';
import type { QI } from './gaussian-rational.ts';
import * as mx from './qmatrix.ts';
import type { QMat } from './qmatrix.ts';
import * as t from './tracked.ts';
import type { TMat } from './tracked.ts';

/** The parameter set S = {-N, ..., N}. */
export interface ParamSet {
  N: number;
}

export function setSize(s: ParamSet): number {
  return 2 * s.N + 1;
}

/** Uniform integer in {-N, ..., N}. */
export function drawInt(rng: Rng, s: ParamSet): bigint {
  return BigInt(randomInt(rng, 2 * s.N + 1) - s.N);
}

/** Random anti-Hermitian matrix with Gaussian-integer entries (d^2 free parameters). */
export function randomAntiHermitian(rng: Rng, d: number, s: ParamSet): QMat {
  const a = mx.zeros(d, d);
  for (let j = 0; j < d; j++) {
    a.e[j * d + j] = q.qi(0n, drawInt(rng, s));
    for (let k = j + 1; k < d; k++) {
      const x = drawInt(rng, s), y = drawInt(rng, s);
      a.e[j * d + k] = q.qi(x, y);
      a.e[k * d + j] = q.qi(-x, y);
    }
  }
  return a;
}

/** Cayley transform (I - A)(I + A)^{-1} of an anti-Hermitian A (exact). */
export function cayley(a: QMat): QMat {
  const id = mx.identity(a.rows);
  return mx.matmul(mx.sub(id, a), mx.inverse(mx.add(id, a)));
}

/** A random Cayley unitary with its degree bound (numerator d over a fresh atom det(I + A) of degree d). */
export function cayleyUnitary(rng: Rng, d: number, s: ParamSet): TMat {
  const u = cayley(randomAntiHermitian(rng, d, s));
  return t.tm(u, { num: d, den: { [t.freshAtom('detIA')]: [d, 1] } });
}

/** Random Hermitian matrix with Gaussian-integer entries (d^2 free parameters, degree 1). */
export function randomHermitian(rng: Rng, d: number, s: ParamSet): TMat {
  const h = mx.zeros(d, d);
  for (let j = 0; j < d; j++) {
    h.e[j * d + j] = q.qi(drawInt(rng, s));
    for (let k = j + 1; k < d; k++) {
      const x = drawInt(rng, s), y = drawInt(rng, s);
      h.e[j * d + k] = q.qi(x, y);
      h.e[k * d + j] = q.qi(x, -y);
    }
  }
  return t.tm(h, t.LINEAR);
}

/** Random complex matrix with Gaussian-integer entries (2 rows cols free parameters, degree 1). */
export function randomComplex(rng: Rng, rows: number, cols: number, s: ParamSet): TMat {
  return t.tm(mx.fromFn(rows, cols, () => q.qi(drawInt(rng, s), drawInt(rng, s))), t.LINEAR);
}

/** M = U^dag diag(signs gamma) U. */
export function measurement(u: TMat, signs: readonly number[], gamma: QI): TMat {
  const dg = t.constMat(mx.diag(signs.map((x) => q.mul(q.fromInt(x), gamma))));
  return t.chain(t.adjoint(u), dg, u);
}

/** Pi_+- = (I +- M/gamma)/2 for a measurement with eigenvalues +-gamma. */
export function projectors(m: TMat, gamma: QI): { plus: TMat; minus: TMat } {
  const id = t.constMat(mx.identity(m.v.rows));
  const half = q.frac(1, 2);
  const mg = t.scaleConst(m, q.inv(gamma));
  return { plus: t.scaleConst(t.add(id, mg), half), minus: t.scaleConst(t.sub(id, mg), half) };
}

/** Generator H = V diag(h) V^dag with integer h (h_1 = 1 when `pinFirst`, so tr H^2 >= 1), and the exact sum h_k^2 = tr H^2. */
export function generator(rng: Rng, d: number, s: ParamSet, pinFirst: boolean): { H: TMat; h: bigint[] } {
  const v = cayleyUnitary(rng, d, s);
  const h: bigint[] = [];
  for (let k = 0; k < d; k++) h.push(pinFirst && k === 0 ? 1n : drawInt(rng, s));
  const dh = t.tm(mx.diag(h.map((x) => q.qi(x))), t.LINEAR);
  return { H: t.chain(v, dh, t.adjoint(v)), h };
}

/** Signs +1 on the first `plus` indices, -1 after. */
export function splitSigns(d: number, plus: number): number[] {
  return Array.from({ length: d }, (_, k) => (k < plus ? 1 : -1));
}

/** Random signs +-1 (not free parameters: fixed by the seed, the identity is checked for each). */
export function randomSigns(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => (randomInt(rng, 2) === 0 ? 1 : -1));
}
