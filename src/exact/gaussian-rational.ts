/**
 * Exact arithmetic in the Gaussian rationals Q(i) = { (a + b i)/c : a, b, c integers, c > 0 }.
 *
 * Representation: one common denominator, `{ re: a, im: b, den: c }` with bigint a, b, c, always
 * normalised: c > 0 and gcd(a, b, c) = 1 (zero is 0/1). Normalised values are equal iff their fields
 * are equal, so equality is a field comparison. Conjugation is the true complex conjugation
 * (a + b i)/c -> (a - b i)/c, a field automorphism of Q(i) of order 2 (an involution).
 *
 * Everything is exact: no floating point enters except in `toNumber`, which is for reporting only.
 */

export interface QI {
  readonly re: bigint;
  readonly im: bigint;
  /** > 0 */
  readonly den: bigint;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/** Greatest common divisor of |a| and |b| (gcd(0, 0) = 0). Euclid's algorithm. */
export function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** (re + im i)/den in lowest terms; throws on den = 0. */
export function qi(re: bigint, im: bigint = 0n, den: bigint = 1n): QI {
  if (den === 0n) throw new RangeError('qi: zero denominator');
  if (den < 0n) {
    re = -re;
    im = -im;
    den = -den;
  }
  if (re === 0n && im === 0n) return ZERO;
  const g = gcd(gcd(re, im), den);
  return g === 1n ? { re, im, den } : { re: re / g, im: im / g, den: den / g };
}

export const ZERO: QI = { re: 0n, im: 0n, den: 1n };
export const ONE: QI = { re: 1n, im: 0n, den: 1n };
export const I: QI = { re: 0n, im: 1n, den: 1n };

/** The integer n (number must be a safe integer, or a bigint). */
export function fromInt(n: number | bigint): QI {
  if (typeof n === 'number' && !Number.isSafeInteger(n)) throw new RangeError(`fromInt: not a safe integer (${n})`);
  return qi(BigInt(n));
}

/** The rational p/q. */
export function frac(p: number | bigint, q: number | bigint = 1): QI {
  return qi(BigInt(p), 0n, BigInt(q));
}

export function add(x: QI, y: QI): QI {
  if (x.den === y.den) return qi(x.re + y.re, x.im + y.im, x.den);
  return qi(x.re * y.den + y.re * x.den, x.im * y.den + y.im * x.den, x.den * y.den);
}

export function neg(x: QI): QI {
  return x.re === 0n && x.im === 0n ? ZERO : { re: -x.re, im: -x.im, den: x.den };
}

export function sub(x: QI, y: QI): QI {
  return add(x, neg(y));
}

export function mul(x: QI, y: QI): QI {
  return qi(x.re * y.re - x.im * y.im, x.re * y.im + x.im * y.re, x.den * y.den);
}

export function conj(x: QI): QI {
  return x.im === 0n ? x : { re: x.re, im: -x.im, den: x.den };
}

export function isZero(x: QI): boolean {
  return x.re === 0n && x.im === 0n;
}

export function isReal(x: QI): boolean {
  return x.im === 0n;
}

export function eq(x: QI, y: QI): boolean {
  return x.re === y.re && x.im === y.im && x.den === y.den;
}

/** |x|^2 = x conj(x), a non-negative rational. */
export function abs2(x: QI): QI {
  return qi(x.re * x.re + x.im * x.im, 0n, x.den * x.den);
}

/** 1/x; throws on x = 0. (a + b i)/c -> c (a - b i)/(a^2 + b^2). */
export function inv(x: QI): QI {
  if (isZero(x)) throw new RangeError('inv: division by zero');
  return qi(x.den * x.re, -x.den * x.im, x.re * x.re + x.im * x.im);
}

export function div(x: QI, y: QI): QI {
  return mul(x, inv(y));
}

/** Re(x) as an element of Q(i) (= (x + conj x)/2). */
export function realPart(x: QI): QI {
  return qi(x.re, 0n, x.den);
}

export function imagPart(x: QI): QI {
  return qi(x.im, 0n, x.den);
}

/** |x| for a real x (throws if x is not real). */
export function absReal(x: QI): QI {
  if (!isReal(x)) throw new RangeError('absReal: not real');
  return x.re < 0n ? neg(x) : x;
}

/** Sign of a real x: -1, 0 or 1. */
export function signReal(x: QI): number {
  if (!isReal(x)) throw new RangeError('signReal: not real');
  return x.re < 0n ? -1 : x.re > 0n ? 1 : 0;
}

/** Bit length of the largest of |re|, |im|, den (a measure of bigint growth). */
export function bits(x: QI): number {
  let m = abs(x.re);
  if (abs(x.im) > m) m = abs(x.im);
  if (x.den > m) m = x.den;
  return m.toString(2).length;
}

/** Nearest double approximation of |x| (reporting only). */
export function toNumberAbs(x: QI): number {
  const re = ratioToNumber(x.re, x.den), im = ratioToNumber(x.im, x.den);
  return Math.hypot(re, im);
}

/** a/b as a double, robust for huge a, b (reporting only). */
export function ratioToNumber(a: bigint, b: bigint): number {
  if (a === 0n) return 0;
  const shift = Math.max(0, Math.min(abs(a).toString(2).length, b.toString(2).length) - 1000);
  return Number(a >> BigInt(shift)) / Number(b >> BigInt(shift));
}

export function toString(x: QI): string {
  const num = x.im === 0n ? `${x.re}` : x.re === 0n ? `${x.im}i` : `(${x.re}${x.im < 0n ? '-' : '+'}${abs(x.im)}i)`;
  return x.den === 1n ? num : `${num}/${x.den}`;
}
