/**
 * Figure 2 (section 4, corollary 4.3): one-sample QNNs (m = 1), p = 320, gamma = 1.2, 1.4, 2, 4, 8,
 * lr = 1e-3/p. Top: training curves. Bottom: the measured rate -d ln L/dt at many times against
 * 2(gamma^2 - yhat^2), both scaled by 1/gamma^2; fitted slope and correlation. The paper does not
 * give d: we use d = 32. The p -> infinity prediction (corollary 4.3 with Lemma 4.1's time
 * tau = iterations * lr * p / m): -d ln L/d(iteration) = 2 (lr p / m) * 2(gamma^2 - yhat^2).
 */
import { lrFor, onGrid, qnnLabel } from './curves.ts';
import { COLORS, curvesWithBands, type Spec } from './plot.ts';
import { linearFit, meanBand, slopeThroughOrigin } from '../stats/index.ts';
import { fmtNum, sig } from './format.ts';
import type { FigureCheck, FigureData, FigureModule, FlowResult, GdResult, Phase, PresetName, TaskResult, Trace } from './types.ts';

export interface Figure2Grid {
  d: number; p: number; gammas: number[]; seeds: number; steps: number; recordEvery: number; stopBelow: number;
  flowRecordEvery: number; rtol: number; atol: number;
}

export const FIGURE2_GRIDS: Record<PresetName, Figure2Grid> = {
  paper: { d: 32, p: 320, gammas: [1.2, 1.4, 2, 4, 8], seeds: 3, steps: 10000, recordEvery: 10, stopBelow: 1e-14, flowRecordEvery: 50, rtol: 1e-7, atol: 1e-10 },
  quick: { d: 8, p: 80, gammas: [1.2, 1.4, 2, 4, 8], seeds: 2, steps: 5000, recordEvery: 10, stopBelow: 1e-14, flowRecordEvery: 50, rtol: 1e-7, atol: 1e-10 },
  test: { d: 4, p: 8, gammas: [1.2, 2, 8], seeds: 1, steps: 400, recordEvery: 2, stopBelow: 1e-14, flowRecordEvery: 10, rtol: 1e-7, atol: 1e-10 },
};

/** Rates are estimated only where L > FIT_FLOOR (below, rounding of yhat dominates ln L). */
export const FIT_FLOOR = 1e-13;

export interface RatePoint { gamma: number; x: number; y: number; t: number; loss: number }

/** Points (2(gamma^2 - yhat^2)/gamma^2, -d ln L/dt / gamma^2) by central differences along a trace (m = 1). */
export function ratePoints(trace: Trace, gamma: number): RatePoint[] {
  const { t, loss, yhat } = trace;
  const pts: RatePoint[] = [];
  for (let k = 1; k + 1 < t.length; k++) {
    if (!(loss[k + 1] > FIT_FLOOR)) break;
    const rate = -(Math.log(loss[k + 1]) - Math.log(loss[k - 1])) / (t[k + 1] - t[k - 1]);
    const y = yhat![k][0];
    pts.push({ gamma, x: (2 * (gamma * gamma - y * y)) / (gamma * gamma), y: rate / (gamma * gamma), t: t[k], loss: loss[k] });
  }
  return pts;
}

export function predictedSlope(p: number, m: number): number {
  return (2 * lrFor(p) * p) / m;
}

export function figure2Tasks(g: Figure2Grid, seed: number, prefix = 'f2'): Phase[] {
  const gd: Phase['tasks'] = [], flow: Phase['tasks'] = [];
  for (const gamma of g.gammas) {
    for (let i = 0; i < g.seeds; i++) {
      const qnn = { seed, label: qnnLabel(g.d, 1, g.p, i), d: g.d, m: 1, p: g.p, gamma };
      gd.push({ kind: 'gd', key: `${prefix}/gd/g${gamma}/i${i}`, qnn, lr: lrFor(g.p), steps: g.steps, recordEvery: g.recordEvery, stopBelow: g.stopBelow, yhat: true });
      flow.push({ kind: 'flow', key: `${prefix}/flow/g${gamma}/i${i}`, qnn, eta: lrFor(g.p), tEnd: g.steps, recordEvery: g.flowRecordEvery, rtol: g.rtol, atol: g.atol, yhat: true });
    }
  }
  return [{ name: 'gd', tasks: gd }, { name: 'flow', tasks: flow }];
}

export interface Figure2Analysis {
  points: RatePoint[];
  fit: ReturnType<typeof linearFit>;
  originSlope: number;
  minRate: Map<number, number>;
  flowFit: ReturnType<typeof linearFit>;
  yhat0AboveOne: number;
}

export function analyseFigure2(results: ReadonlyMap<string, TaskResult>, g: Figure2Grid, prefix = 'f2'): Figure2Analysis {
  const points: RatePoint[] = [], flowPoints: RatePoint[] = [];
  const minRate = new Map<number, number>();
  let yhat0AboveOne = 0;
  for (const gamma of g.gammas) {
    const mins: number[] = [];
    for (let i = 0; i < g.seeds; i++) {
      const r = results.get(`${prefix}/gd/g${gamma}/i${i}`) as GdResult;
      const pts = ratePoints(r.trace, gamma);
      points.push(...pts);
      mins.push(Math.min(...pts.map((q) => q.y * gamma * gamma)));
      if (Math.abs(r.trace.yhat![0][0]) >= 1) yhat0AboveOne++;
      const f = results.get(`${prefix}/flow/g${gamma}/i${i}`) as FlowResult | undefined;
      if (f) flowPoints.push(...ratePoints(f.trace, gamma));
    }
    minRate.set(gamma, mins.reduce((a, b) => a + b, 0) / mins.length);
  }
  const fit = linearFit(points.map((q) => q.x), points.map((q) => q.y));
  const flowFit = flowPoints.length > 2 ? linearFit(flowPoints.map((q) => q.x), flowPoints.map((q) => q.y)) : { ...fit, slope: NaN, r: NaN };
  return { points, fit, originSlope: slopeThroughOrigin(points.map((q) => q.x), points.map((q) => q.y)), minRate, flowFit, yhat0AboveOne };
}

export function figure2Checks(a: Figure2Analysis, g: Figure2Grid): FigureCheck[] {
  const rates = g.gammas.map((x) => a.minRate.get(x)!);
  const increasing = rates.every((r, k) => k === 0 || r > rates[k - 1]);
  const pred = predictedSlope(g.p, 1);
  return [
    {
      id: 'figure-2/linear',
      statement: 'Figure 2 (bottom): the convergence rate -d ln L/dt|_{t=T} against 2(gamma^2 - yhat^2(T)) (both scaled by 1/gamma^2) at different T and gamma shows an approximately linear dependency.',
      criterion: 'Pearson correlation r >= 0.95 (R^2 >= 0.9) of the pooled points (all gamma, all initialisations, every recorded time with L > 1e-13), gradient descent',
      measured: `r = ${fmtNum(a.fit.r, 4)} over ${a.fit.n} points; slope ${fmtNum(a.fit.slope)} +- ${fmtNum(a.fit.slopeSe, 2)}, intercept ${fmtNum(a.fit.intercept)} (per iteration); p -> infinity prediction ${fmtNum(pred)} (ratio ${fmtNum(a.fit.slope / pred)}); gradient flow: r = ${fmtNum(a.flowFit.r, 4)}, slope ${fmtNum(a.flowFit.slope)}`,
      holds: a.fit.r >= 0.95,
      details: {
        r: sig(a.fit.r), slope: sig(a.fit.slope), slopeSe: sig(a.fit.slopeSe), intercept: sig(a.fit.intercept), points: a.fit.n,
        slopeThroughOrigin: sig(a.originSlope), predictedSlope: sig(pred), flowR: sig(a.flowFit.r), flowSlope: sig(a.flowFit.slope),
      },
    },
    {
      id: 'figure-2/min-rate-increases',
      statement: 'Figure 2 (top) caption: "The smallest convergence rate -d ln L/dt during training increases with gamma" (corollary 4.3).',
      criterion: 'the smallest measured rate along each run (mean over initialisations) is strictly increasing in gamma',
      measured: g.gammas.map((x, k) => `gamma=${x}: ${fmtNum(rates[k])}`).join('; ') + ' (per iteration)',
      holds: increasing,
      details: Object.fromEntries(g.gammas.map((x, k) => [`minRate gamma=${x}`, sig(rates[k])])),
    },
  ];
}

function assemble(results: ReadonlyMap<string, TaskResult>, preset: PresetName, seed: number): Omit<FigureData, 'timing'> {
  const g = FIGURE2_GRIDS[preset];
  const a = analyseFigure2(results, g);
  const curves: Record<string, number | string | null>[] = [];
  for (const gamma of g.gammas) {
    const runs = Array.from({ length: g.seeds }, (_, i) => results.get(`f2/gd/g${gamma}/i${i}`) as GdResult);
    const horizon = Math.max(...runs.map((r) => r.iterations));
    const stride = Math.max(g.recordEvery, Math.ceil(horizon / 200 / g.recordEvery) * g.recordEvery);
    const grid: number[] = [];
    for (let k = 0; k <= horizon; k += stride) grid.push(k);
    const band = meanBand(runs.map((r) => onGrid(r.trace.t, r.trace.loss, grid)));
    grid.forEach((x, k) => curves.push({ series: gamma, method: 'gradient descent', x, mean: band.mean[k], lo: band.lo[k], hi: band.hi[k] }));
  }
  const byGamma = new Map<number, typeof a.points>();
  for (const q of a.points) byGamma.set(q.gamma, [...(byGamma.get(q.gamma) ?? []), q]);
  const scatter = [...byGamma].flatMap(([gamma, pts]) => {
    const stride = Math.max(1, Math.ceil(pts.length / 80));
    return pts.filter((_, k) => k % stride === 0).map((q) => ({ gamma, x: sig(q.x, 5), y: sig(q.y, 5) }));
  });
  const xs = a.points.map((q) => q.x), x0 = Math.min(...xs), x1 = Math.max(...xs), pred = predictedSlope(g.p, 1);
  const lines = [
    { line: 'least-squares fit', x: x0, y: a.fit.intercept + a.fit.slope * x0 }, { line: 'least-squares fit', x: x1, y: a.fit.intercept + a.fit.slope * x1 },
    { line: 'p -> infinity (corollary 4.3)', x: x0, y: pred * x0 }, { line: 'p -> infinity (corollary 4.3)', x: x1, y: pred * x1 },
  ];
  return {
    figure: 2,
    title: 'Figure 2: one-sample QNNs, rate against 2(gamma^2 - yhat^2)',
    caption: `m = 1, d = ${g.d} (the paper does not state d), p = ${g.p}, lr = 1e-3/p, ${g.seeds} initialisations per gamma (same instances for every gamma). Top: mean training curves (gradient descent). Bottom: -d ln L/dt (per iteration) against 2(gamma^2 - yhat^2), both / gamma^2, with the least-squares line and the p -> infinity prediction (slope 2 lr p/m = ${fmtNum(pred)}).`,
    preset, seed,
    settings: { ...g, m: 1, lr: '1e-3/p' },
    notes: [
      `Rates: central differences of ln L over +-${g.recordEvery} iterations, at every recorded iteration with L > ${FIT_FLOOR}; runs stop at L < ${g.stopBelow}. ${a.points.length} points in the fit (plot shows a subsample).`,
      `Instances with |yhat(0)| >= 1 (outside corollary 4.3's initial condition): ${a.yhat0AboveOne} of ${g.gammas.length * g.seeds}.`,
      `Gradient flow (eta = lr, rtol ${g.rtol}): r = ${fmtNum(a.flowFit.r, 4)}, slope ${fmtNum(a.flowFit.slope)}.`,
    ],
    checks: figure2Checks(a, g),
    data: { curves, scatter, lines },
  };
}

function spec(data: FigureData): Spec {
  const g = data.settings as unknown as Figure2Grid;
  const top = curvesWithBands({ rows: data.data.curves, xTitle: 'iteration', yTitle: 'L', logY: true, seriesTitle: 'gamma', seriesDomain: g.gammas, width: 420, height: 220 });
  const color = { field: 'gamma', type: 'ordinal', title: 'gamma', scale: { domain: g.gammas, range: COLORS } };
  const bottom = {
    width: 420, height: 260,
    layer: [
      { data: { values: data.data.scatter }, mark: { type: 'point', filled: true, size: 16, opacity: 0.7 }, encoding: { x: { field: 'x', type: 'quantitative', title: '2(gamma^2 - yhat^2) / gamma^2' }, y: { field: 'y', type: 'quantitative', title: '(-d ln L/dt) / gamma^2  [per iteration]' }, color } },
      { data: { values: data.data.lines }, mark: { type: 'line', strokeWidth: 1.5 }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, strokeDash: { field: 'line', type: 'nominal', title: 'line', legend: { labelLimit: 300 }, scale: { range: [[1, 0], [5, 3]] } }, color: { value: '#444' } } },
    ],
  };
  return { title: data.title, vconcat: [top, bottom] };
}

export const figure2: FigureModule = {
  id: 2,
  title: 'Figure 2: one training sample, gamma = 1.2 .. 8',
  phases: (preset, seed) => figure2Tasks(FIGURE2_GRIDS[preset], seed),
  assemble,
  spec,
};
