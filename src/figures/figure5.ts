/**
 * Figure 5 (appendix D.2): relative change of K_asym(t) along the asymptotic dynamics, for
 * varying d, m and gamma, averaged over 100 initialisations of M(0). The text: "K_asym(t)
 * changes significantly (>= 5%) for each of the hyperparameters d, m and gamma". The paper
 * defines neither the norm nor T: we use ||K(T) - K(0)||_F / ||K(0)||_F (the operator-norm
 * version is reported too) with T = 25/(gamma^2 - 1), by which every run has converged.
 */
import { type AsymPoint, type AsymSummary, asymTasks, crossChecks, summariseAsym } from './asym-grid.ts';
import type { Spec } from './plot.ts';
import { fmtNum, sig } from './format.ts';
import type { FigureCheck, FigureData, FigureModule, PresetName, TaskResult } from './types.ts';

export interface Figure5Grid { base: AsymPoint; ds: number[]; ms: number[]; gammas: number[]; seeds: number; crossMaxD: number }

export const FIGURE5_GRIDS: Record<PresetName, Figure5Grid> = {
  paper: { base: { d: 64, m: 4, gamma: 2 }, ds: [16, 32, 64, 128, 256], ms: [2, 4, 8, 16], gammas: [1.2, 1.5, 2, 4, 8], seeds: 100, crossMaxD: 256 },
  quick: { base: { d: 32, m: 4, gamma: 2 }, ds: [16, 32, 64], ms: [2, 4, 8], gammas: [1.2, 2, 4, 8], seeds: 10, crossMaxD: 32 },
  test: { base: { d: 8, m: 2, gamma: 2 }, ds: [8, 16], ms: [2, 4], gammas: [2, 4], seeds: 3, crossMaxD: 8 },
};

export type Sweep = 'd' | 'm' | 'gamma';

export function figure5Points(g: Figure5Grid): { sweep: Sweep; q: AsymPoint }[] {
  return [
    ...g.ds.map((d) => ({ sweep: 'd' as const, q: { ...g.base, d } })),
    ...g.ms.map((m) => ({ sweep: 'm' as const, q: { ...g.base, m } })),
    ...g.gammas.map((gamma) => ({ sweep: 'gamma' as const, q: { ...g.base, gamma } })),
  ];
}

function uniquePoints(g: Figure5Grid): AsymPoint[] {
  const seen = new Map<string, AsymPoint>();
  for (const { q } of figure5Points(g)) seen.set(`${q.d}/${q.m}/${q.gamma}`, q);
  return [...seen.values()];
}

export function figure5Checks(rows: { sweep: Sweep; s: AsymSummary }[]): FigureCheck[] {
  const name = (s: AsymSummary) => `d=${s.d},m=${s.m},gamma=${s.gamma}`;
  const uniq = new Map(rows.map((r) => [name(r.s), r.s]));
  const all = [...uniq.values()];
  const failing = all.filter((s) => s.relChangeF < 0.05);
  return [{
    id: 'figure-5/changes-5pct',
    statement: 'Appendix D.2 / figure 5: "K_asym(t) changes significantly (>= 5%) for each of the hyperparameters d, m and gamma" (averaged over 100 initialisations of M(0)).',
    criterion: 'at every grid point, the mean over initialisations of ||K_asym(T) - K_asym(0)||_F / ||K_asym(0)||_F is >= 0.05',
    measured: all.map((s) => `${name(s)}: ${fmtNum(s.relChangeF)}`).join('; ') + (failing.length ? `; below 5% at ${failing.map(name).join(', ')}` : ''),
    holds: failing.length === 0,
    details: Object.fromEntries(all.flatMap((s) => [[`F ${name(s)}`, sig(s.relChangeF)], [`op ${name(s)}`, sig(s.relChangeOp)]])),
  }];
}

function assemble(results: ReadonlyMap<string, TaskResult>, preset: PresetName, seed: number): Omit<FigureData, 'timing'> {
  const g = FIGURE5_GRIDS[preset];
  const rows = figure5Points(g).map(({ sweep, q }) => ({ sweep, s: summariseAsym(results, 'f5', q, g.seeds) }));
  const cross = crossChecks(results, 'f5');
  const plotRows = rows.flatMap(({ sweep, s }) => {
    const x = sweep === 'd' ? s.d : sweep === 'm' ? s.m : s.gamma;
    return [
      { sweep, x, norm: 'Frobenius', mean: sig(s.relChangeF), lo: sig(s.relChangeF - s.relChangeFStd / 2), hi: sig(s.relChangeF + s.relChangeFStd / 2) },
      { sweep, x, norm: 'operator', mean: sig(s.relChangeOp), lo: null, hi: null },
    ];
  });
  return {
    figure: 5,
    title: 'Figure 5: relative change of K_asym(t) along the asymptotic dynamics',
    caption: `||K_asym(T) - K_asym(0)|| / ||K_asym(0)|| (Frobenius, bars +- std/2; operator norm dashed), mean over ${g.seeds} initialisations of M(0), T = 25/(gamma^2 - 1). Sweeps around (d, m, gamma) = (${g.base.d}, ${g.base.m}, ${g.base.gamma}): d = ${g.ds.join(', ')}; m = ${g.ms.join(', ')}; gamma = ${g.gammas.join(', ')}. Grey line: 5%.`,
    preset, seed,
    settings: { ...g, horizon: '25/(gamma^2 - 1)', norm: 'Frobenius (operator norm also reported)' },
    notes: [
      'Compressed asymptotic dynamics (exact for M^2 = gamma^2 I and orthonormal states; see figure 3), every run converged unless stated.',
      `Cross-check with the d x d CF4 integrator on ${cross.length} runs (d up to ${Math.max(0, ...cross.map((c) => c.d))}): max |K_asym difference| ${fmtNum(Math.max(0, ...cross.map((c) => c.maxDiffK)))}.`,
      `Fraction of initialisations with a change >= 5%: ${rows.map(({ s }) => `(${s.d},${s.m},${s.gamma}) ${Math.round(100 * s.fracAbove5)}%`).filter((v, k, a) => a.indexOf(v) === k).join(', ')}.`,
      ...rows.filter(({ s }) => s.converged < 1).map(({ s }) => `(d=${s.d},m=${s.m},gamma=${s.gamma}): only ${Math.round(100 * s.converged)}% of the runs converged (max L(T) ${fmtNum(s.lossEndMax)}).`),
    ],
    checks: figure5Checks(rows),
    data: {
      points: plotRows,
      cross: cross.map((c) => ({ d: c.d, m: c.m, gamma: c.gamma, maxDiffK: sig(c.maxDiffK, 3), maxDiffLoss: sig(c.maxDiffLoss, 3), cf4Steps: c.steps, cf4Ms: c.timeMs })),
    },
  };
}

function panel(sweep: Sweep, title: string, log: boolean): Spec {
  const x = { field: 'x', type: 'quantitative', title, scale: log ? { type: 'log', base: 2 } : { zero: false } };
  const y = { field: 'mean', type: 'quantitative', title: 'relative change of K_asym', scale: { type: 'log' }, axis: { format: '.0%' } };
  return {
    width: 200, height: 220,
    transform: [{ filter: `datum.sweep == '${sweep}'` }],
    layer: [
      { mark: { type: 'line', point: true }, encoding: { x, y, strokeDash: { field: 'norm', type: 'nominal', title: 'norm', scale: { domain: ['Frobenius', 'operator'], range: [[1, 0], [5, 3]] } }, color: { value: '#0072B2' } } },
      { transform: [{ filter: 'datum.lo != null && datum.lo > 0' }], mark: { type: 'rule', color: '#0072B2' }, encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } } },
      { mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, encoding: { y: { datum: 0.05 } } },
    ],
  };
}

function spec(data: FigureData): Spec {
  return {
    title: data.title,
    data: { values: data.data.points },
    hconcat: [panel('d', 'd', true), panel('m', 'm', true), panel('gamma', 'gamma', true)],
  };
}

export const figure5: FigureModule = {
  id: 5,
  title: 'Figure 5: relative change of K_asym over (d, m, gamma)',
  phases: (preset, seed) => {
    const g = FIGURE5_GRIDS[preset];
    return [{ name: 'asym', tasks: asymTasks('f5', uniquePoints(g), g.seeds, seed, (q) => q.d <= g.crossMaxD, 1e-7) }];
  },
  assemble,
  spec,
};
