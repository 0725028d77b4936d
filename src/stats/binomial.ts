/** Binomial tails and the exact (Clopper-Pearson) one-sided bounds on a rate they give. */
import { check } from '../errors.ts';

function checkBinom(fn: string, n: number, q: number): void {
  check(Number.isInteger(n) && n >= 0, fn, 'n', `must be an integer >= 0 (got ${n})`);
  check(q > 0 && q < 1, fn, 'q', `must be in (0, 1) (got ${q})`);
}

/** sum_{i = from}^{to} P(Bin(n, q) = i), 0 <= from <= to <= n: log C(n, i) updated term by term (O(n) in all). */
function pmfSum(n: number, from: number, to: number, q: number): number {
  let lc = 0; // log C(n, from)
  for (let i = 1; i <= from; i++) lc += Math.log((n - from + i) / i);
  const lq = Math.log(q), lp = Math.log1p(-q);
  let s = 0;
  for (let i = from; i <= to; i++) {
    if (i > from) lc += Math.log((n - i + 1) / i); // C(n, i) = C(n, i - 1) (n - i + 1) / i
    s += Math.exp(lc + i * lq + (n - i) * lp);
  }
  return Math.min(1, s);
}

/** P(Bin(n, q) >= k), q in (0, 1); 1 for k <= 0, 0 for k > n. */
export function binomUpperTail(n: number, k: number, q: number): number {
  checkBinom('binomUpperTail', n, q);
  if (k <= 0) return 1;
  return k > n ? 0 : pmfSum(n, k, n, q);
}

/** P(Bin(n, q) <= k), q in (0, 1); 0 for k < 0, 1 for k >= n. */
export function binomLowerTail(n: number, k: number, q: number): number {
  checkBinom('binomLowerTail', n, q);
  if (k >= n) return 1;
  return k < 0 ? 0 : pmfSum(n, 0, k, q);
}

/** The q in (0, 1) where a monotone tail equals alpha, by bisection to the last bit; `increasing` says which way it goes. */
function solveRate(tail: (q: number) => number, alpha: number, increasing: boolean): number {
  let lo = 0, hi = 1;
  for (;;) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) return 0.5 * (lo + hi);
    if ((tail(mid) < alpha) === increasing) lo = mid;
    else hi = mid;
  }
}

function checkCounts(fn: string, k: number, n: number, alpha: number): void {
  check(Number.isInteger(n) && n >= 1, fn, 'n', `must be an integer >= 1 (got ${n})`);
  check(Number.isInteger(k) && k >= 0 && k <= n, fn, 'k', `must be an integer in [0, n] (got ${k}, n = ${n})`);
  check(alpha > 0 && alpha < 1, fn, 'alpha', `must be in (0, 1) (got ${alpha})`);
}

/**
 * One-sided (1 - alpha) upper confidence bound on the rate q of k events in n Bernoulli trials (Clopper-Pearson):
 * the q with P(Bin(n, q) <= k) = alpha; 1 for k = n. For k = 0 it is 1 - alpha^(1/n) (the "rule of three": ~3/n at alpha = 0.05).
 */
export function binomRateUpperBound(k: number, n: number, alpha: number): number {
  checkCounts('binomRateUpperBound', k, n, alpha);
  if (k === n) return 1;
  return solveRate((q) => binomLowerTail(n, k, q), alpha, false);
}

/** One-sided (1 - alpha) lower confidence bound on the rate (Clopper-Pearson): the q with P(Bin(n, q) >= k) = alpha; 0 for k = 0, alpha^(1/n) for k = n. */
export function binomRateLowerBound(k: number, n: number, alpha: number): number {
  checkCounts('binomRateLowerBound', k, n, alpha);
  if (k === 0) return 0;
  return solveRate((q) => binomUpperTail(n, k, q), alpha, true);
}
