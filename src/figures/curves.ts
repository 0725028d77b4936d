/**
 * Training-curve experiments shared by figures 1 and 4 (and used by the figure claims): a grid
 * of (d, p) with several random initialisations, trained by gradient descent (the paper's
 * protocol) and by the gradient flow with eta = lr (so flow time = iterations).
 */
import type { FlowResult, FlowTask, GdResult, GdTask, Phase, TaskResult } from './types.ts';
import { mean, meanBand } from '../stats/index.ts';
import { nearestIndex, windowRate } from './sampled-curves.ts';

export interface CurveGrid {
  ds: number[];
  ps: number[];
  seeds: number;
  m: number;
  gamma: number;
  steps: number;
  recordEvery: number;
  /** Per-instance early stop of gradient descent. */
  stopBelow?: number;
  thresholds?: number[];
  /** Flow horizon and output spacing (flow time = iterations). */
  flowTEnd: number;
  flowRecordEvery: number;
  rtol: number;
  atol: number;
}

/** The instance label: the same (seed, label) gives the same U_l, states and labels for every gamma. */
export function qnnLabel(d: number, m: number, p: number, i: number): string {
  return `qnn/d${d}/m${m}/p${p}/i${i}`;
}

export function lrFor(p: number): number {
  return 1e-3 / p;
}

export function curveTaskList(prefix: string, g: CurveGrid, seed: number): { gd: GdTask[]; flow: FlowTask[] } {
  const gd: GdTask[] = [], flow: FlowTask[] = [];
  for (const d of g.ds) {
    for (const p of g.ps) {
      for (let i = 0; i < g.seeds; i++) {
        const qnn = { seed, label: qnnLabel(d, g.m, p, i), d, m: g.m, p, gamma: g.gamma };
        gd.push({
          kind: 'gd', key: `${prefix}/gd/d${d}/p${p}/i${i}`, qnn, lr: lrFor(p), steps: g.steps, recordEvery: g.recordEvery,
          stopBelow: g.stopBelow, thresholds: g.thresholds,
        });
        flow.push({
          kind: 'flow', key: `${prefix}/flow/d${d}/p${p}/i${i}`, qnn, eta: lrFor(p), tEnd: g.flowTEnd,
          recordEvery: g.flowRecordEvery, rtol: g.rtol, atol: g.atol, thresholds: g.thresholds,
        });
      }
    }
  }
  return { gd, flow };
}

export function curvePhases(prefix: string, g: CurveGrid, seed: number): Phase[] {
  const { gd, flow } = curveTaskList(prefix, g, seed);
  return [{ name: 'gd', tasks: gd }, { name: 'flow', tasks: flow }];
}

/** A run's loss on a uniform grid of iterations; a run that stopped early carries its last value. */
export function onGrid(t: readonly number[], loss: readonly number[], grid: readonly number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (const g of grid) {
    while (j + 1 < t.length && t[j + 1] <= g) j++;
    out.push(loss[j]);
  }
  return out;
}

export interface CellSummary {
  d: number;
  p: number;
  /** The common iteration grid of the mean curves. */
  grid: number[];
  gd: { mean: number[]; lo: number[]; hi: number[]; final: number[]; iterations: number[]; firstBelow: (number | null)[][] };
  flow: { grid: number[]; mean: number[]; lo: number[]; hi: number[]; firstBelow: (number | null)[][]; rhsEvals: number[] };
  /** max over runs and flow output times of |L_GD - L_flow| / L_GD and |L_GD - L_flow|. */
  maxRelDiff: number;
  maxAbsDiff: number;
  clamped: boolean;
}

export function summariseCell(results: ReadonlyMap<string, TaskResult>, prefix: string, g: CurveGrid, d: number, p: number): CellSummary {
  const gds: GdResult[] = [], flows: FlowResult[] = [];
  for (let i = 0; i < g.seeds; i++) {
    gds.push(results.get(`${prefix}/gd/d${d}/p${p}/i${i}`) as GdResult);
    flows.push(results.get(`${prefix}/flow/d${d}/p${p}/i${i}`) as FlowResult);
  }
  const horizon = Math.max(...gds.map((r) => r.iterations));
  const grid: number[] = [];
  for (let k = 0; k <= horizon; k += g.recordEvery) grid.push(k);
  if (grid[grid.length - 1] !== horizon) grid.push(horizon);
  const band = meanBand(gds.map((r) => onGrid(r.trace.t, r.trace.loss, grid)));
  const fgrid = flows[0].trace.t;
  const fband = meanBand(flows.map((r) => r.trace.loss));
  let maxRelDiff = 0, maxAbsDiff = 0;
  gds.forEach((r, i) => {
    const f = flows[i].trace;
    const at = new Map(r.trace.t.map((t, k) => [t, r.trace.loss[k]]));
    f.t.forEach((t, k) => {
      const lg = at.get(t);
      if (lg === undefined) return;
      maxAbsDiff = Math.max(maxAbsDiff, Math.abs(lg - f.loss[k]));
      maxRelDiff = Math.max(maxRelDiff, Math.abs(lg - f.loss[k]) / lg);
    });
  });
  return {
    d, p, grid,
    gd: {
      mean: band.mean, lo: band.lo, hi: band.hi,
      final: gds.map((r) => r.trace.loss[r.trace.loss.length - 1]),
      iterations: gds.map((r) => r.iterations),
      firstBelow: gds.map((r) => r.firstBelow),
    },
    flow: { grid: fgrid, mean: fband.mean, lo: fband.lo, hi: fband.hi, firstBelow: flows.map((r) => r.firstBelow), rhsEvals: flows.map((r) => r.stats.rhsEvals) },
    maxRelDiff, maxAbsDiff, clamped: band.clamped || fband.clamped,
  };
}

/**
 * Average rates -d ln L/dt of a mean curve over the first and the last tenth of [0, horizon]
 * (per iteration), and their ratio: a rate that "vanishes" falls by an order of magnitude.
 */
export function rateDecay(grid: readonly number[], curve: readonly number[], horizon: number): { first: number; last: number; ratio: number } {
  const first = windowRate(grid, curve, 0, horizon / 10);
  const last = windowRate(grid, curve, (9 * horizon) / 10, horizon);
  return { first, last, ratio: last / first };
}

/**
 * The sublinear signature of theorem 3.2: L >= 1/(c0 + c1 t)^2 is equivalent to a rate
 * -d ln L/dt <= 2 c1 sqrt(L) (up to c0), so rate / sqrt(L) stays bounded as L -> 0, while for linear
 * convergence (rate >= const) it grows like 1/sqrt(L). Returns q = rate / sqrt(L) over the first
 * and the last tenth of [0, horizon] (L: geometric mean of the window's end values) and their ratio.
 */
export function sqrtNormalisedRate(grid: readonly number[], curve: readonly number[], horizon: number): { first: number; last: number; ratio: number } {
  const q = (t0: number, t1: number) => {
    const a = nearestIndex(grid, t0), b = nearestIndex(grid, t1);
    return windowRate(grid, curve, t0, t1) / Math.pow(curve[a] * curve[b], 0.25);
  };
  const first = q(0, horizon / 10), last = q((9 * horizon) / 10, horizon);
  return { first, last, ratio: last / first };
}

/** First grid point at which the mean curve is below thr (the paper's early stop of figure 4), or null. */
export function meanStop(grid: readonly number[], curve: readonly number[], thr: number): number | null {
  const k = curve.findIndex((x) => x < thr);
  return k < 0 ? null : grid[k];
}

/** Plot rows of the mean curves (GD and flow), at most ~maxPoints per series. */
export function curveRows(cells: CellSummary[], maxPoints = 200, cut?: (c: CellSummary) => number): Record<string, number | string | null>[] {
  const rows: Record<string, number | string | null>[] = [];
  for (const c of cells) {
    const end = cut ? cut(c) : Infinity;
    const push = (method: string, grid: readonly number[], m: readonly number[], lo: readonly number[], hi: readonly number[]) => {
      const stride = Math.max(1, Math.ceil(grid.length / maxPoints));
      for (let k = 0; k < grid.length; k++) {
        if (grid[k] > end) break;
        if (k % stride && k !== grid.length - 1 && grid[k + 1] <= end) continue;
        rows.push({ d: c.d, series: c.p, method, x: grid[k], mean: m[k], lo: lo[k], hi: hi[k] });
      }
    };
    push('gradient descent', c.grid, c.gd.mean, c.gd.lo, c.gd.hi);
    push('gradient flow', c.flow.grid, c.flow.mean, c.flow.lo, c.flow.hi);
  }
  return rows;
}

export function fractionBelow(xs: readonly (number | null)[], limit: number): number {
  return mean(xs.map((x) => (x !== null && x < limit ? 1 : 0)));
}
