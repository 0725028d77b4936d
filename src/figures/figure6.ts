/**
 * Figure 6 (appendix D.2): lambda_min(K_asym(t)) during the training of QNNs, m = 4, gamma = 2,
 * several d. K_asym(t) of eq. (7) is evaluated at M(theta(t)) of the trained QNN (finite p,
 * gradient descent, the paper's protocol); the p -> infinity asymptotic dynamics started from the
 * same A(0) = V^dag M(theta(0)) V is overlaid on the iteration axis (Lemma 4.1's time,
 * tau = iterations * lr * p / m). The paper gives neither p nor the d's: we use p = 320 (the
 * p of figure 2, 4x the largest p of figures 1 and 4, so the QNN is closer to its asymptotic
 * dynamics) and d = 8, 16, 32, 64.
 */
import { lrFor, onGrid, qnnLabel } from './curves.ts';
import { COLORS, type Spec } from './plot.ts';
import { mean } from '../stats/index.ts';
import { fmtNum, sig } from './format.ts';
import type { FigureCheck, FigureData, FigureModule, FlowResult, GdResult, Phase, PresetName, TaskResult } from './types.ts';

export interface Figure6Grid { ds: number[]; m: number; gamma: number; p: number; seeds: number; steps: number; recordEvery: number; stopBelow: number; rtol: number; atol: number }

export const FIGURE6_GRIDS: Record<PresetName, Figure6Grid> = {
  paper: { ds: [8, 16, 32, 64], m: 4, gamma: 2, p: 320, seeds: 3, steps: 10000, recordEvery: 50, stopBelow: 1e-8, rtol: 1e-6, atol: 1e-9 },
  quick: { ds: [8, 16], m: 4, gamma: 2, p: 40, seeds: 2, steps: 5000, recordEvery: 50, stopBelow: 1e-8, rtol: 1e-6, atol: 1e-9 },
  test: { ds: [4, 8], m: 4, gamma: 2, p: 8, seeds: 1, steps: 400, recordEvery: 20, stopBelow: 1e-8, rtol: 1e-6, atol: 1e-9 },
};

function phases(preset: PresetName, seed: number): Phase[] {
  const g = FIGURE6_GRIDS[preset];
  const gd: Phase['tasks'] = [], flow: Phase['tasks'] = [];
  for (const d of g.ds) {
    for (let i = 0; i < g.seeds; i++) {
      const qnn = { seed, label: qnnLabel(d, g.m, g.p, i), d, m: g.m, p: g.p, gamma: g.gamma };
      gd.push({ kind: 'gd', key: `f6/gd/d${d}/i${i}`, qnn, lr: lrFor(g.p), steps: g.steps, recordEvery: g.recordEvery, stopBelow: g.stopBelow, kasym: true, asymOverlay: true });
      flow.push({ kind: 'flow', key: `f6/flow/d${d}/i${i}`, qnn, eta: lrFor(g.p), tEnd: g.steps, recordEvery: 2 * g.recordEvery, rtol: g.rtol, atol: g.atol, kasym: true });
    }
  }
  return [{ name: 'gd', tasks: gd }, { name: 'flow', tasks: flow }];
}

interface Cell { d: number; grid: number[]; lam: number[]; loss: number[]; asymLam: number[]; asymGrid: number[]; maxLamDiffFlow: number }

function cellOf(results: ReadonlyMap<string, TaskResult>, g: Figure6Grid, d: number): Cell {
  const gds = Array.from({ length: g.seeds }, (_, i) => results.get(`f6/gd/d${d}/i${i}`) as GdResult);
  const flows = Array.from({ length: g.seeds }, (_, i) => results.get(`f6/flow/d${d}/i${i}`) as FlowResult);
  const horizon = Math.max(...gds.map((r) => r.iterations));
  const grid: number[] = [];
  for (let k = 0; k <= horizon; k += g.recordEvery) grid.push(k);
  const avg = (rows: number[][]) => rows[0].map((_, k) => mean(rows.map((r) => r[k])));
  const lam = avg(gds.map((r) => onGrid(r.trace.t, r.trace.lambdaMin!, grid)));
  const loss = avg(gds.map((r) => onGrid(r.trace.t, r.trace.loss, grid)));
  const asymGrid = Array.from({ length: 201 }, (_, i) => (i * horizon) / 200);
  const asymLam = avg(gds.map((r) => onGrid(r.overlay!.t, r.overlay!.lambdaMin, asymGrid)));
  let maxLamDiffFlow = 0;
  gds.forEach((r, i) => {
    const at = new Map(r.trace.t.map((t, k) => [t, r.trace.lambdaMin![k]]));
    flows[i].trace.t.forEach((t, k) => {
      const v = at.get(t);
      if (v !== undefined) maxLamDiffFlow = Math.max(maxLamDiffFlow, Math.abs(v - flows[i].trace.lambdaMin![k]) / Math.abs(v));
    });
  });
  return { d, grid, lam, loss, asymLam, asymGrid, maxLamDiffFlow };
}

export function figure6Checks(cells: Cell[]): FigureCheck[] {
  const ch = cells.map((c) => ({
    d: c.d, rel: Math.max(...c.lam.map((x) => Math.abs(x - c.lam[0]))) / c.lam[0], end: Math.abs(c.lam[c.lam.length - 1] - c.lam[0]) / c.lam[0],
  }));
  const near = cells.map((c) => {
    let k = 0;
    for (let j = 1; j < c.lam.length; j++) if (c.lam[j] < c.lam[k]) k = j;
    return { d: c.d, t: c.grid[k], ratio: c.loss[k] / c.loss[0] };
  });
  return [
    {
      id: 'figure-6/changes',
      statement: 'Appendix D.2: the significant change of K_asym(t) "is observed for over-parameterized QNNs (Figure 6)": lambda_min(K_asym(t)) changes during training (m = 4, gamma = 2).',
      criterion: 'for every d, the largest change during training max_t |lambda_min(K_asym(t)) - lambda_min(K_asym(0))| / lambda_min(K_asym(0)) is >= 5% (mean curves over initialisations, gradient descent); the change from start to end is reported too',
      measured: ch.map((x) => `d=${x.d}: ${fmtNum(100 * x.rel)}% (start to end ${fmtNum(100 * x.end)}%)`).join('; '),
      holds: ch.every((x) => x.rel >= 0.05),
      details: Object.fromEntries(ch.flatMap((x) => [[`max relative change d=${x.d}`, sig(x.rel)], [`start-to-end change d=${x.d}`, sig(x.end)]])),
    },
    {
      id: 'figure-6/smallest-near-minima',
      statement: 'Section 4: "we observe that the smallest convergence rates for training QNNs are obtained near the global minima (See Figure 6)".',
      criterion: 'for every d, the minimum over training of the mean lambda_min(K_asym(t)) is attained where the mean loss is <= 1% of its initial value',
      measured: near.map((x) => `d=${x.d}: argmin at iteration ${x.t}, L/L(0) = ${fmtNum(x.ratio)}`).join('; '),
      holds: near.every((x) => x.ratio <= 0.01),
      details: Object.fromEntries(near.map((x) => [`L(argmin)/L(0) d=${x.d}`, sig(x.ratio)])),
    },
  ];
}

function assemble(results: ReadonlyMap<string, TaskResult>, preset: PresetName, seed: number): Omit<FigureData, 'timing'> {
  const g = FIGURE6_GRIDS[preset];
  const cells = g.ds.map((d) => cellOf(results, g, d));
  const rows: Record<string, number | string | null>[] = [];
  const thin = <T,>(xs: T[], n = 150) => xs.filter((_, k) => k % Math.max(1, Math.ceil(xs.length / n)) === 0 || k === xs.length - 1);
  for (const c of cells) {
    for (const k of thin(c.grid.map((_, k) => k))) rows.push({ d: c.d, curve: `QNN, p = ${g.p} (gradient descent)`, x: c.grid[k], lambda: sig(c.lam[k]), loss: sig(c.loss[k]) });
    for (const k of thin(c.asymGrid.map((_, k) => k))) rows.push({ d: c.d, curve: 'asymptotic dynamics (p -> infinity)', x: sig(c.asymGrid[k]), lambda: sig(c.asymLam[k]), loss: null });
  }
  return {
    figure: 6,
    title: 'Figure 6: lambda_min(K_asym(t)) during QNN training (m = 4, gamma = 2)',
    caption: `lambda_min of K_asym(t) = [tr(i[M(t), rho_i] i[M(t), rho_j])] at M(theta(t)) along gradient descent (lr = 1e-3/p, p = ${g.p}), mean over ${g.seeds} initialisations per d; dashed: the asymptotic dynamics (p -> infinity) from the same M(theta(0)), tau = iterations * lr * p / m. Right: the loss.`,
    preset, seed,
    settings: { ...g, lr: '1e-3/p' },
    notes: [
      'The paper gives neither p nor the list of d for figure 6; ours: p = ' + g.p + ', d = ' + g.ds.join(', ') + '.',
      `K_asym at finite p from predictions of probe states (polarisation: A = V^dag M(theta) V, K_asym = 2 gamma^2 I - 2|A|^2), one forward pass per recorded point. Training stops at L < ${g.stopBelow}.`,
      `Gradient flow (eta = lr): largest relative difference of lambda_min(K_asym) from gradient descent at common times: ${fmtNum(Math.max(...cells.map((c) => c.maxLamDiffFlow)))}.`,
    ],
    checks: figure6Checks(cells),
    data: { curves: rows },
  };
}

function spec(data: FigureData): Spec {
  const g = data.settings as unknown as Figure6Grid;
  const color = { field: 'd', type: 'ordinal', title: 'd', scale: { domain: g.ds, range: COLORS } };
  const x = { field: 'x', type: 'quantitative', title: 'iteration' };
  const dash = { field: 'curve', type: 'nominal', title: null, legend: { orient: 'bottom', direction: 'vertical', labelLimit: 400 }, scale: { range: [[1, 0], [5, 3]] } };
  return {
    title: data.title,
    data: { values: data.data.curves },
    hconcat: [
      { width: 330, height: 240, mark: { type: 'line', strokeWidth: 1.6 }, encoding: { x, y: { field: 'lambda', type: 'quantitative', title: 'lambda_min(K_asym(t))', scale: { zero: false } }, color, strokeDash: dash } },
      { width: 300, height: 240, transform: [{ filter: 'datum.loss != null' }], mark: { type: 'line', strokeWidth: 1.6 }, encoding: { x, y: { field: 'loss', type: 'quantitative', title: 'L', scale: { type: 'log' }, axis: { format: '.0e' } }, color } },
    ],
  };
}

export const figure6: FigureModule = { id: 6, title: 'Figure 6: lambda_min(K_asym(t)) during training', phases, assemble, spec };
