/**
 * Exact values that carry a bound on their degree as rational functions of the free parameters, for the
 * Schwartz-Zippel argument of the exact claims (theorems/exact/).
 *
 * Setting. The free parameters x_1..x_n are REAL integers drawn uniformly from a finite set S (e.g. the
 * integers in [-N, N]). Every exact quantity is then a rational function of x with Gaussian-rational
 * coefficients: complex conjugation acts on the coefficients only (the variables are real), so conj(f) is
 * again a polynomial / rational function of x of the same degree. A tracked value is
 *
 *     value = num(x) / prod_a atom_a(x)^(e_a)
 *
 * with deg num <= `num` and a denominator that is a product of named "atoms": non-vanishing polynomials
 * of known degree registered by the builders (det(I + A) of a Cayley transform, of degree d, never zero
 * for anti-Hermitian A since the eigenvalues of I + A are 1 + i t; its conjugate; sum h_k^2 with h_1 = 1).
 * The bookkeeping is exact and conservative:
 *   product:  degrees of numerators add, atom exponents add;
 *   sum:      common denominator = per-atom maximum exponent (lcm of the atom products), and the numerator
 *             degree is max over the terms of (own num + degree of the missing denominator factors);
 *   conj:     same degrees, each atom replaced by its conjugate atom (named with a trailing '*').
 * Matrices carry one bound for all entries (every entry is such a rational function).
 *
 * An identity LHS = RHS is checked as D = LHS - RHS = 0; clearing denominators, D = 0 iff the polynomial
 * num(D) vanishes, and num(D) has degree <= k = D.g.num. If num(D) is not the zero polynomial,
 * Schwartz-Zippel (over the field C, which contains S) gives P[num(D)(x) = 0] <= k/|S| for x uniform in S^n,
 * and (k/|S|)^N for N independent points. This is what the claims report.
 */
import * as q from './gaussian-rational.ts';
import type { QI } from './gaussian-rational.ts';
import * as mx from './qmatrix.ts';
import type { QMat } from './qmatrix.ts';

/** Atom name -> [degree of the atom polynomial, exponent]. */
export type Atoms = Readonly<Record<string, readonly [number, number]>>;

export interface Deg {
  /** Upper bound on the degree of the numerator polynomial. */
  readonly num: number;
  readonly den: Atoms;
}

export interface TMat {
  readonly v: QMat;
  readonly g: Deg;
}

export interface TSc {
  readonly v: QI;
  readonly g: Deg;
}

export const CONST: Deg = { num: 0, den: {} };
/** Entries affine in the free parameters. */
export const LINEAR: Deg = { num: 1, den: {} };

export function denDegree(den: Atoms): number {
  let s = 0;
  for (const [deg, e] of Object.values(den)) s += deg * e;
  return s;
}

export function degMul(a: Deg, b: Deg): Deg {
  const den: Record<string, [number, number]> = {};
  for (const [k, [deg, e]] of Object.entries(a.den)) den[k] = [deg, e];
  for (const [k, [deg, e]] of Object.entries(b.den)) den[k] = [deg, (den[k]?.[1] ?? 0) + e];
  return { num: a.num + b.num, den };
}

export function degAdd(a: Deg, b: Deg): Deg {
  const den: Record<string, [number, number]> = {};
  for (const [k, [deg, e]] of Object.entries(a.den)) den[k] = [deg, e];
  for (const [k, [deg, e]] of Object.entries(b.den)) den[k] = [deg, Math.max(den[k]?.[1] ?? 0, e)];
  const total = denDegree(den);
  return { num: Math.max(a.num + total - denDegree(a.den), b.num + total - denDegree(b.den)), den };
}

const conjName = (n: string) => (n.endsWith('*') ? n.slice(0, -1) : `${n}*`);

export function degConj(a: Deg): Deg {
  const den: Record<string, [number, number]> = {};
  for (const [k, v] of Object.entries(a.den)) den[conjName(k)] = [v[0], v[1]];
  return { num: a.num, den };
}

let atomCounter = 0;
/** A fresh atom name (unique within the process). */
export function freshAtom(prefix: string): string {
  return `${prefix}${++atomCounter}`;
}

// ---- tracked matrices ----

export const tm = (v: QMat, g: Deg): TMat => ({ v, g });
export const ts = (v: QI, g: Deg): TSc => ({ v, g });
export const constMat = (v: QMat): TMat => ({ v, g: CONST });
export const constSc = (v: QI): TSc => ({ v, g: CONST });

export const matmul = (a: TMat, b: TMat): TMat => tm(mx.matmul(a.v, b.v), degMul(a.g, b.g));
export const chain = (...ms: TMat[]): TMat => ms.reduce((acc, m) => matmul(acc, m));
export const adjoint = (a: TMat): TMat => tm(mx.adjoint(a.v), degConj(a.g));
export const transpose = (a: TMat): TMat => tm(mx.transpose(a.v), a.g);
export const add = (a: TMat, b: TMat): TMat => tm(mx.add(a.v, b.v), degAdd(a.g, b.g));
export const sub = (a: TMat, b: TMat): TMat => tm(mx.sub(a.v, b.v), degAdd(a.g, b.g));
export const scale = (a: TMat, s: TSc): TMat => tm(mx.scale(a.v, s.v), degMul(a.g, s.g));
export const scaleConst = (a: TMat, s: QI): TMat => tm(mx.scale(a.v, s), a.g);
export const commutator = (a: TMat, b: TMat): TMat => tm(mx.commutator(a.v, b.v), degMul(a.g, b.g));
export const kron = (a: TMat, b: TMat): TMat => tm(mx.kron(a.v, b.v), degMul(a.g, b.g));
export const hadamard = (a: TMat, b: TMat): TMat => tm(mx.hadamard(a.v, b.v), degMul(a.g, b.g));
export const trace = (a: TMat): TSc => ts(mx.trace(a.v), a.g);
export const traceProduct = (a: TMat, b: TMat): TSc => ts(mx.traceProduct(a.v, b.v), degMul(a.g, b.g));
export const partialTrace1 = (a: TMat, d1: number, d2: number): TMat => tm(mx.partialTrace1(a.v, d1, d2), a.g);
export const column = (a: TMat, j: number): TMat => tm(mx.column(a.v, j), a.g);
export const columns = (a: TMat, from: number, to: number): TMat => tm(mx.columns(a.v, from, to), a.g);
export const outer = (u: TMat, v: TMat): TMat => tm(mx.outer(u.v, v.v), degMul(u.g, degConj(v.g)));
export const inner = (u: TMat, v: TMat): TSc => ts(mx.inner(u.v, v.v), degMul(degConj(u.g), v.g));
/** Matrix built entry-wise from tracked scalars; the bound is the sum-bound over all entries. */
export function fromScalars(rows: number, cols: number, f: (i: number, j: number) => TSc): TMat {
  const e: QI[] = [];
  let g: Deg | null = null;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const s = f(i, j);
      e.push(s.v);
      g = g === null ? s.g : degAdd(g, s.g);
    }
  }
  return tm({ rows, cols, e }, g ?? CONST);
}

// ---- tracked scalars ----

export const sMul = (a: TSc, b: TSc): TSc => ts(q.mul(a.v, b.v), degMul(a.g, b.g));
export const sAdd = (a: TSc, b: TSc): TSc => ts(q.add(a.v, b.v), degAdd(a.g, b.g));
export const sSub = (a: TSc, b: TSc): TSc => ts(q.sub(a.v, b.v), degAdd(a.g, b.g));
export const sConj = (a: TSc): TSc => ts(q.conj(a.v), degConj(a.g));
/** Re(a) = (a + conj a)/2. */
export const sRe = (a: TSc): TSc => ts(q.realPart(a.v), degAdd(a.g, degConj(a.g)));
export const sScaleConst = (a: TSc, c: QI): TSc => ts(q.mul(a.v, c), a.g);

/** Max of the numerator degree bounds (several identities checked together). */
export function maxDegree(...xs: Array<{ g: Deg }>): number {
  return xs.reduce((m, x) => Math.max(m, x.g.num), 0);
}
