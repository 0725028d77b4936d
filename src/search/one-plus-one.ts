/**
 * (1+1) evolution strategy with the 1/5th success rule (Rechenberg; the step grows by e^(1/3) on a
 * success and shrinks by e^(-1/12) on a failure, so it is stationary at a success rate of 1/5). Used
 * instead of Nelder-Mead when the dimension is too large for a simplex within the budget (a simplex
 * needs n + 1 evaluations before its first move). Deterministic for the generator it is given.
 */
import { QnnInputError } from '../errors.ts';
import type { Rng } from '../random/rng.ts';

export interface OnePlusOneOptions {
  maxEvaluations: number;
  /** Initial step (standard deviation of each coordinate's mutation), default 1. */
  step?: number;
  /** Stop as soon as f <= target. */
  target?: number;
}

/** Minimises f from x0 (whose value f0, when known, saves one evaluation). */
export function onePlusOne(f: (x: Float64Array) => number, x0: ArrayLike<number>, rng: Rng, opts: OnePlusOneOptions, f0?: number): { x: Float64Array; f: number; evaluations: number } {
  const n = x0.length;
  if (n < 1) throw new QnnInputError('onePlusOne', 'x0', 'must have length >= 1');
  if (!Number.isInteger(opts.maxEvaluations) || opts.maxEvaluations < 1) throw new QnnInputError('onePlusOne', 'maxEvaluations', `must be an integer >= 1 (got ${opts.maxEvaluations})`);
  const target = opts.target ?? Number.NEGATIVE_INFINITY;
  let x = Float64Array.from(x0);
  let evaluations = 0;
  const ev = (y: Float64Array) => {
    evaluations++;
    const v = f(y);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };
  let fx = f0 ?? ev(x);
  let sigma = opts.step ?? 1;
  const up = Math.exp(1 / 3), down = Math.exp(-1 / 12);
  while (evaluations < opts.maxEvaluations && fx > target) {
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = x[i] + sigma * rng.normal();
    const fy = ev(y);
    if (fy <= fx) { x = y; fx = fy; sigma *= up; } else sigma *= down;
    sigma = Math.min(Math.max(sigma, 1e-8), 1e3);
  }
  return { x, f: fx, evaluations };
}
