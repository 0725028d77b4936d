/**
 * Derivative-free minimisation: Nelder-Mead with the dimension-adapted coefficients of Gao and Han
 * (Comput. Optim. Appl. 51, 2012: reflection 1, expansion 1 + 2/n, contraction 3/4 - 1/(2n), shrink 1 - 1/n),
 * restarted from the best point with a fresh simplex when the simplex collapses. Pure and deterministic:
 * no randomness at all, the same start gives the same points. A non-finite f counts as +Infinity.
 * (No npm package fitted: the maintained ones are either unmaintained since 2017 or pull in a whole
 * numerics stack; this is ~120 lines with its own tests on Rosenbrock and friends.)
 */
import { QnnInputError } from '../errors.ts';

export interface NelderMeadOptions {
  /** Edge length of the initial simplex along each axis (default 1). */
  step?: number;
  /** Hard cap on the number of evaluations of f. */
  maxEvaluations: number;
  /** A simplex whose f-range and diameter fall below these restarts (default 1e-10, 1e-9 x (1 + |x|)). */
  ftol?: number;
  xtol?: number;
  /** Stop as soon as f <= target (a counterexample found: no need to go on). */
  target?: number;
}

export interface NelderMeadResult {
  x: Float64Array;
  f: number;
  evaluations: number;
  restarts: number;
}

function finite(v: number): number {
  return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
}

/** Minimises f from x0 within maxEvaluations evaluations (restarting on collapse). */
export function nelderMead(f: (x: Float64Array) => number, x0: ArrayLike<number>, opts: NelderMeadOptions): NelderMeadResult {
  const n = x0.length;
  if (n < 1) throw new QnnInputError('nelderMead', 'x0', 'must have length >= 1');
  if (!Number.isInteger(opts.maxEvaluations) || opts.maxEvaluations < 1) throw new QnnInputError('nelderMead', 'maxEvaluations', `must be an integer >= 1 (got ${opts.maxEvaluations})`);
  for (let i = 0; i < n; i++) if (!Number.isFinite(x0[i])) throw new QnnInputError('nelderMead', 'x0', `must be finite (entry ${i} is ${x0[i]})`);
  const step0 = opts.step ?? 1;
  const ftol = opts.ftol ?? 1e-10, xtol = opts.xtol ?? 1e-9;
  const target = opts.target ?? Number.NEGATIVE_INFINITY;
  const alpha = 1, beta = 1 + 2 / n, gamma = 0.75 - 1 / (2 * n), delta = n > 1 ? 1 - 1 / n : 0.5;
  let evaluations = 0, restarts = 0;
  let bestX = Float64Array.from(x0);
  let bestF = Number.POSITIVE_INFINITY;
  const evalF = (x: Float64Array): number => {
    evaluations++;
    const v = finite(f(x));
    if (v < bestF) { bestF = v; bestX = Float64Array.from(x); }
    return v;
  };
  const done = () => evaluations >= opts.maxEvaluations || bestF <= target;
  let step = step0;
  while (!done()) {
    // A fresh simplex around the best point.
    const pts: Float64Array[] = [Float64Array.from(bestX)];
    const fs: number[] = [evaluations === 0 ? evalF(pts[0]) : bestF];
    for (let i = 0; i < n && !done(); i++) {
      const p = Float64Array.from(bestX);
      p[i] += step;
      pts.push(p);
      fs.push(evalF(p));
    }
    if (pts.length < n + 1) break;
    const order = Array.from({ length: n + 1 }, (_, k) => k);
    const centroid = new Float64Array(n);
    const along = (c: number) => {
      // centroid + c (centroid - worst)
      const w = pts[order[n]], out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = centroid[i] + c * (centroid[i] - w[i]);
      return out;
    };
    while (!done()) {
      order.sort((a, b) => fs[a] - fs[b] || a - b);
      const lo = fs[order[0]], hi = fs[order[n]];
      let diam = 0;
      for (let k = 1; k <= n; k++) for (let i = 0; i < n; i++) diam = Math.max(diam, Math.abs(pts[order[k]][i] - pts[order[0]][i]));
      let scaleX = 0;
      for (let i = 0; i < n; i++) scaleX = Math.max(scaleX, Math.abs(pts[order[0]][i]));
      // Collapsed: a tiny simplex, or a flat one of small size (no progress left to make from here).
      if (diam <= xtol * (1 + scaleX)) break;
      if (Math.abs(hi - lo) <= ftol * (1 + Math.abs(lo)) && diam <= 1e-4 * step0 * (1 + scaleX)) break;
      centroid.fill(0);
      for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] += pts[order[k]][i] / n;
      const xr = along(alpha), fr = evalF(xr);
      if (fr < lo) {
        if (done()) break;
        const xe = along(alpha * beta), fe = evalF(xe);
        if (fe < fr) { pts[order[n]] = xe; fs[order[n]] = fe; } else { pts[order[n]] = xr; fs[order[n]] = fr; }
      } else if (fr < fs[order[n - 1]]) {
        pts[order[n]] = xr; fs[order[n]] = fr;
      } else {
        if (done()) break;
        const outside = fr < hi;
        const xc = along(outside ? gamma : -gamma), fc = evalF(xc);
        if (fc < (outside ? fr : hi)) {
          pts[order[n]] = xc; fs[order[n]] = fc;
        } else {
          // shrink towards the best vertex
          const b = pts[order[0]];
          for (let k = 1; k <= n && !done(); k++) {
            const p = pts[order[k]];
            for (let i = 0; i < n; i++) p[i] = b[i] + delta * (p[i] - b[i]);
            fs[order[k]] = evalF(p);
          }
        }
      }
    }
    restarts++;
    // The next simplex is smaller when the last one collapsed onto the same point, so that a
    // restart refines instead of repeating the same moves; never below 1e-3 of the first step.
    step = Math.max(step0 * 1e-3, step / 2);
  }
  return { x: bestX, f: bestF, evaluations, restarts: Math.max(0, restarts - 1) };
}
