/**
 * Figure 4 (section 4, after theorem 4.4): the setting of figure 1 with the measurement scaled
 * by gamma = 4. Training stops early when the mean L over the initialisations is < 1e-2.
 * Each instance runs until its own L < 1e-3 (a tenth of the threshold) or 10000 iterations;
 * an instance that stopped contributes its last value to the mean afterwards (an upper bound,
 * since L decreases), so the mean curve's stop is never earlier than the paper's rule.
 */
import { type CellSummary, type CurveGrid, curvePhases, curveRows, fractionBelow, meanStop, rateDecay, sqrtNormalisedRate, summariseCell } from './curves.ts';
import { curvesWithBands, type Spec } from './plot.ts';
import { fmtNum, sig } from './format.ts';
import type { FigureCheck, FigureData, FigureModule, PresetName, TaskResult } from './types.ts';

export const STOP_MEAN = 1e-2;

export const FIGURE4_GRIDS: Record<PresetName, CurveGrid> = {
  paper: {
    ds: [32, 64], ps: [10, 20, 40, 80], seeds: 10, m: 4, gamma: 4, steps: 10000, recordEvery: 5, stopBelow: 1e-3,
    thresholds: [STOP_MEAN, 1e-3], flowTEnd: 3000, flowRecordEvery: 10, rtol: 1e-6, atol: 1e-9,
  },
  quick: {
    ds: [8, 16], ps: [10, 20, 40], seeds: 2, m: 4, gamma: 4, steps: 5000, recordEvery: 5, stopBelow: 1e-3,
    thresholds: [STOP_MEAN, 1e-3], flowTEnd: 2000, flowRecordEvery: 10, rtol: 1e-6, atol: 1e-9,
  },
  test: {
    ds: [4], ps: [4, 8], seeds: 2, m: 4, gamma: 4, steps: 600, recordEvery: 5, stopBelow: 1e-3,
    thresholds: [STOP_MEAN, 1e-3], flowTEnd: 600, flowRecordEvery: 10, rtol: 1e-6, atol: 1e-9,
  },
};

/** The text's statements about figure 4, on the cells (per-instance crossings and mean curves). */
export function figure4Checks(cells: CellSummary[]): FigureCheck[] {
  const cellName = (c: CellSummary) => `d=${c.d},p=${c.p}`;
  const fr = cells.map((c) => ({ c, f: fractionBelow(c.gd.firstBelow.map((x) => x[0]), 1000) }));
  const allFirst = cells.flatMap((c) => c.gd.firstBelow.map((x) => x[0]));
  const decay = cells.map((c) => {
    const stop = meanStop(c.grid, c.gd.mean, STOP_MEAN) ?? c.grid[c.grid.length - 1];
    return { c, stop, r: rateDecay(c.grid, c.gd.mean, stop), q: sqrtNormalisedRate(c.grid, c.gd.mean, stop) };
  });
  return [
    {
      id: 'figure-4/under-1000',
      statement: 'Figure 4 caption: "it takes less than 1000 iterations for L in most of the instances to converge below 1e-2" (gamma = 4, p = 10, 20, 40, 80).',
      criterion: 'for every (d, p), more than half of the instances reach L < 1e-2 in fewer than 1000 gradient-descent iterations (first iteration, checked at every iteration)',
      measured: fr.map((x) => `${cellName(x.c)}: ${Math.round(100 * x.f)}%`).join('; ') + `; all instances: ${Math.round(100 * fractionBelow(allFirst, 1000))}%`,
      holds: fr.every((x) => x.f > 0.5),
      details: { fractionAll: sig(fractionBelow(allFirst, 1000)), ...Object.fromEntries(fr.map((x) => [`fraction ${cellName(x.c)}`, sig(x.f)])) },
    },
    {
      id: 'figure-4/rate-persists',
      statement: 'Section 4 / figure 4: "In contrast to Figure 1, the convergence rate -d ln L/dt does not vanish as L -> 0".',
      criterion: 'for every (d, p), the mean curve\'s average rate over the last tenth of [0, early stop] is >= 0.1 x its rate over the first tenth (the complement of figure 1\'s criterion)',
      measured: decay.map((x) => `${cellName(x.c)}: ${fmtNum(x.r.ratio)} (stop ${x.stop})`).join('; '),
      holds: decay.every((x) => x.r.ratio >= 0.1),
      details: Object.fromEntries(decay.flatMap((x) => [[`ratio ${cellName(x.c)}`, sig(x.r.ratio)], [`stop ${cellName(x.c)}`, x.stop]])),
    },
    {
      id: 'figure-4/linear',
      statement: 'Section 4 / figure 4: linear convergence with gamma = 4 (theorem 4.2), the contrast with figure 1: the rate stays bounded below as L -> 0, so rate/sqrt(L) grows.',
      criterion: 'for every (d, p), q = (-d ln L/dt)/sqrt(L) of the mean curve over the last tenth of [0, early stop] is > q over the first tenth (the complement of figure-1/sublinear)',
      measured: decay.map((x) => `${cellName(x.c)}: ${fmtNum(x.q.ratio)}`).join('; '),
      holds: decay.every((x) => x.q.ratio > 1),
      details: Object.fromEntries(decay.map((x) => [`q ratio ${cellName(x.c)}`, sig(x.q.ratio)])),
    },
  ];
}

function assemble(results: ReadonlyMap<string, TaskResult>, preset: PresetName, seed: number): Omit<FigureData, 'timing'> {
  const g = FIGURE4_GRIDS[preset];
  const cells = g.ds.flatMap((d) => g.ps.map((p) => summariseCell(results, 'f4', g, d, p)));
  const maxRel = Math.max(...cells.map((c) => c.maxRelDiff));
  const cut = (c: CellSummary) => meanStop(c.grid, c.gd.mean, STOP_MEAN) ?? Infinity;
  const notes = [
    `Early stop: each instance runs until its own L < ${g.stopBelow} or ${g.steps} iterations; the mean curve (stopped instances carry their last value) is cut at the first iteration with mean L < ${STOP_MEAN}, the paper's rule.`,
    `Gradient flow with eta = lr up to t = ${g.flowTEnd} (rtol ${g.rtol}); largest |L_GD - L_flow| / L_GD over all runs and output times: ${fmtNum(maxRel)}.`,
    'Same instances (U_l, states, labels) as figure 1 for the same (d, p, initialisation); only gamma differs.',
  ];
  if (preset === 'quick') notes.push(`Quick preset: d = ${g.ds.join(', ')}, p = ${g.ps.join(', ')}, ${g.seeds} initialisations.`);
  return {
    figure: 4,
    title: 'Figure 4: linear convergence with a scaled measurement (gamma = 4)',
    caption: `Training curves (log scale), gamma = ${g.gamma}, m = ${g.m}, d = ${g.ds.join(', ')}, p = ${g.ps.join(', ')}, lr = 1e-3/p; mean over ${g.seeds} initialisations, bands +- std/2, cut where the mean L < 1e-2. Solid: gradient descent; dashed: gradient flow (eta = lr).`,
    preset, seed,
    settings: { ...g, lr: '1e-3/p', stopMean: STOP_MEAN },
    notes,
    checks: figure4Checks(cells),
    data: {
      curves: curveRows(cells, 200, cut),
      cells: cells.map((c) => ({
        d: c.d, p: c.p, meanStop: meanStop(c.grid, c.gd.mean, STOP_MEAN),
        firstBelow1e2: c.gd.firstBelow.map((x) => (x[0] === null ? 'never' : String(x[0]))).join(' '),
        flowFirstBelow1e2: c.flow.firstBelow.map((x) => (x[0] === null ? 'never' : String(Math.round(x[0])))).join(' '),
        maxRelDiffGdFlow: sig(c.maxRelDiff),
      })),
    },
  };
}

function spec(data: FigureData): Spec {
  const g = data.settings as unknown as CurveGrid;
  const { data: values, ...layers } = curvesWithBands({
    rows: data.data.curves, xTitle: 'iteration (= flow time t)', yTitle: 'L', logY: true, seriesTitle: 'p', seriesDomain: g.ps,
    methods: ['gradient descent', 'gradient flow'], width: 300, height: 230,
  });
  return {
    title: data.title,
    data: values,
    facet: { column: { field: 'd', type: 'ordinal', header: { labelExpr: "'d = ' + datum.value", title: null } } },
    spec: layers,
  };
}

export const figure4: FigureModule = {
  id: 4,
  title: 'Figure 4: gamma = 4, early stop at mean L < 1e-2',
  phases: (preset, seed) => curvePhases('f4', FIGURE4_GRIDS[preset], seed),
  assemble,
  spec,
};
