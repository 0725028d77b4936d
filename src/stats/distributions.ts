/**
 * The two reference laws of the fits and intervals: the standard normal and Student's t with an integer number of
 * degrees of freedom. CDFs from closed forms, quantiles by bisection on the CDF to the last representable bit.
 */
import { check } from '../errors.ts';

const LOG_SQRT_2PI = 0.9189385332046728; // ln sqrt(2 pi)

/** Standard normal density phi(x) = exp(-x^2/2) / sqrt(2 pi). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x - LOG_SQRT_2PI);
}

/** Phi(-a) for a >= 3 from the continued fraction of Mills' ratio, phi(a) / (a + 1/(a + 2/(a + 3/(a + ...)))), 200 terms (relative accuracy). */
function normalTail(a: number): number {
  let f = a;
  for (let k = 200; k >= 1; k--) f = a + k / f;
  return normalPdf(a) / f;
}

/**
 * Standard normal CDF Phi(x): Marsaglia's series 1/2 + phi(x) (x + x^3/3 + x^5/(3 5) + ...) for |x| < 3 (absolute error
 * ~1e-16), the continued fraction of Mills' ratio beyond (relative error ~1e-15 in the tail).
 */
export function normalCdf(x: number): number {
  check(!Number.isNaN(x), 'normalCdf', 'x', 'must not be NaN');
  if (x <= -3) return normalTail(-x);
  if (x >= 3) return 1 - normalTail(x);
  let s = x, t = 0, b = x;
  const q = x * x;
  for (let i = 1; s !== t; ) {
    t = s;
    i += 2;
    b *= q / i;
    s = t + b;
  }
  return 0.5 + s * Math.exp(-0.5 * q - LOG_SQRT_2PI);
}

/** Bisection on a non-decreasing f for f(x) = p in [lo, hi] until the interval has no representable midpoint. */
function bisect(f: (x: number) => number, p: number, lo: number, hi: number): number {
  for (;;) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) return f(hi) - p <= p - f(lo) ? hi : lo;
    if (f(mid) < p) lo = mid;
    else hi = mid;
  }
}

/** Standard normal quantile Phi^{-1}(p), p in (0, 1). */
export function normalQuantile(p: number): number {
  check(p > 0 && p < 1, 'normalQuantile', 'p', `must be in (0, 1) (got ${p})`);
  if (p === 0.5) return 0;
  if (p > 0.5) return -normalQuantile(1 - p);
  return bisect(normalCdf, p, -40, 0);
}

function checkDof(nu: number, fn: string): void {
  check(Number.isInteger(nu) && nu >= 1, fn, 'nu', `must be an integer >= 1 (got ${nu})`);
}

/**
 * A(t | nu) = P(|T| < |t|) sign(t) for Student's t with integer nu (Abramowitz & Stegun 26.7.3-4, theta = atan(t / sqrt(nu))):
 * nu odd:  (2/pi) (theta + sin theta cos theta (1 + (2/3) cos^2 + (2 4)/(3 5) cos^4 + ... + (2 4 ... (nu-3))/(3 5 ... (nu-2)) cos^(nu-3)));
 * nu even: sin theta (1 + (1/2) cos^2 + (1 3)/(2 4) cos^4 + ... + (1 3 ... (nu-3))/(2 4 ... (nu-2)) cos^(nu-2)).
 */
function studentA(t: number, nu: number): number {
  const theta = Math.atan(t / Math.sqrt(nu));
  const s = Math.sin(theta), c = Math.cos(theta), c2 = c * c;
  if (nu % 2 === 0) {
    let term = 1, sum = 1;
    for (let k = 2; k <= nu - 2; k += 2) {
      term *= (c2 * (k - 1)) / k;
      sum += term;
    }
    return s * sum;
  }
  let term = 1, sum = nu > 1 ? 1 : 0;
  for (let k = 3; k <= nu - 2; k += 2) {
    term *= (c2 * (k - 1)) / k;
    sum += term;
  }
  return (2 / Math.PI) * (theta + s * c * sum);
}

/** CDF of Student's t with nu (integer >= 1) degrees of freedom. */
export function studentTCdf(t: number, nu: number): number {
  checkDof(nu, 'studentTCdf');
  check(!Number.isNaN(t), 'studentTCdf', 't', 'must not be NaN');
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  return 0.5 * (1 + studentA(t, nu));
}

/** Quantile of Student's t with nu (integer >= 1) degrees of freedom, p in (0, 1). */
export function studentTQuantile(p: number, nu: number): number {
  checkDof(nu, 'studentTQuantile');
  check(p > 0 && p < 1, 'studentTQuantile', 'p', `must be in (0, 1) (got ${p})`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, nu);
  const target = 2 * p - 1;
  let hi = 1;
  while (studentA(hi, nu) < target && hi < 1e300) hi *= 2;
  return bisect((x) => studentA(x, nu), target, 0, hi);
}
