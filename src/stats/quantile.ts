/** Empirical quantiles and distribution-free (order-statistic) confidence bounds on a quantile. */
import { check } from '../errors.ts';
import { binomLowerTail, binomUpperTail } from './binomial.ts';

/** Empirical q-quantile, type 7 (linear interpolation between order statistics at h = (n - 1) q). */
export function quantile(xs: readonly number[], q: number): number {
  check(xs.length >= 1, 'quantile', 'xs', 'must not be empty');
  check(q >= 0 && q <= 1, 'quantile', 'q', `must be in [0, 1] (got ${q})`);
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * q, lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]) - s[lo]);
}

function checkBound(fn: string, samples: readonly number[], q: number, alpha: number): void {
  check(samples.length >= 1, fn, 'samples', 'must not be empty');
  check(q > 0 && q < 1, fn, 'q', `must be in (0, 1) (got ${q})`);
  check(alpha > 0 && alpha < 1, fn, 'alpha', `must be in (0, 1) (got ${alpha})`);
}

/**
 * A (1 - alpha) lower confidence bound for the q-quantile of a continuous law from n samples:
 * the order statistic X_(k) with the largest k such that P(X_(k) <= x_q) = P(Bin(n, q) >= k) >= 1 - alpha.
 * Returns the bound, k (1-based; k = 0 means no order statistic qualifies, bound -Infinity) and the
 * empirical quantile X_(ceil(q n)).
 */
export function quantileLowerConfidenceBound(samples: readonly number[], q: number, alpha: number): { bound: number; k: number; empirical: number } {
  checkBound('quantileLowerConfidenceBound', samples, q, alpha);
  const xs = [...samples].sort((a, b) => a - b);
  const n = xs.length;
  let k = 0;
  for (let kk = n; kk >= 1; kk--) {
    if (binomUpperTail(n, kk, q) >= 1 - alpha) {
      k = kk;
      break;
    }
  }
  const empirical = xs[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))];
  return { bound: k >= 1 ? xs[k - 1] : Number.NEGATIVE_INFINITY, k, empirical };
}

/**
 * A (1 - alpha) upper confidence bound for the q-quantile of a continuous law from n samples:
 * the order statistic X_(k) with the smallest k such that P(X_(k) >= x_q) = P(Bin(n, q) <= k - 1) >= 1 - alpha.
 * k = n + 1 means no order statistic qualifies (bound +Infinity).
 */
export function quantileUpperConfidenceBound(samples: readonly number[], q: number, alpha: number): { bound: number; k: number; empirical: number } {
  checkBound('quantileUpperConfidenceBound', samples, q, alpha);
  const xs = [...samples].sort((a, b) => a - b);
  const n = xs.length;
  let k = n + 1;
  for (let kk = 1; kk <= n; kk++) {
    if (binomLowerTail(n, kk - 1, q) >= 1 - alpha) {
      k = kk;
      break;
    }
  }
  const empirical = xs[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))];
  return { bound: k <= n ? xs[k - 1] : Number.POSITIVE_INFINITY, k, empirical };
}
