/**
 * Figure 1 (section 3, "Experiments: sublinear QNN convergence"): Pauli-type +-1 measurement
 * (gamma = 1), d = 32 and 64, p = 10, 20, 40, 80, m = 4 orthogonal states with balanced labels,
 * lr = 1e-3/p, 10000 iterations of gradient descent from theta = 0, 10 random initialisations;
 * mean curves with half-standard-deviation bands on a log scale. Also the gradient flow with
 * eta = lr (flow time = iterations) and the largest GD-flow difference.
 */
import { type CellSummary, type CurveGrid, curvePhases, curveRows, rateDecay, sqrtNormalisedRate, summariseCell } from './curves.ts';
import { curvesWithBands, type Spec } from './plot.ts';
import { fmtNum, sig } from './format.ts';
import type { FigureCheck, FigureData, FigureModule, PresetName, TaskResult } from './types.ts';

export const FIGURE1_GRIDS: Record<PresetName, CurveGrid> = {
  paper: {
    ds: [32, 64], ps: [10, 20, 40, 80], seeds: 10, m: 4, gamma: 1, steps: 10000, recordEvery: 10,
    flowTEnd: 10000, flowRecordEvery: 50, rtol: 1e-6, atol: 1e-9,
  },
  quick: {
    ds: [8, 16], ps: [10, 20, 40], seeds: 2, m: 4, gamma: 1, steps: 5000, recordEvery: 10,
    flowTEnd: 5000, flowRecordEvery: 50, rtol: 1e-6, atol: 1e-9,
  },
  test: { ds: [4], ps: [4, 8], seeds: 2, m: 4, gamma: 1, steps: 300, recordEvery: 10, flowTEnd: 300, flowRecordEvery: 50, rtol: 1e-6, atol: 1e-9 },
};

/** The text's two statements about figure 1, evaluated on the cells (mean curves). */
export function figure1Checks(cells: CellSummary[], horizon: number): FigureCheck[] {
  const decay = cells.map((c) => ({ c, r: rateDecay(c.grid, c.gd.mean, horizon) }));
  const worstDecay = Math.max(...decay.map((x) => x.r.ratio));
  const floor = cells.map((c) => ({ c, l: c.gd.mean[c.gd.mean.length - 1] }));
  const minFloor = Math.min(...floor.map((x) => x.l));
  const cellName = (c: CellSummary) => `d=${c.d},p=${c.p}`;
  const sub = cells.map((c) => ({ c, r: sqrtNormalisedRate(c.grid, c.gd.mean, horizon) }));
  return [
    {
      id: 'figure-1/sublinear',
      statement: 'Section 3 / figure 1 "support Theorem 3.2": sublinear convergence, L >= 1/(c0 + c1 t)^2, i.e. a rate -d ln L/dt <= 2 c1 sqrt(L) that vanishes with L (for linear convergence rate/sqrt(L) would grow like 1/sqrt(L)).',
      criterion: `for every (d, p), q = (-d ln L/dt)/sqrt(L) of the mean curve over the last tenth of the ${horizon} iterations is <= q over the first tenth (rate/sqrt(L) does not grow as L decreases)`,
      measured: sub.map((x) => `${cellName(x.c)}: ${fmtNum(x.r.ratio)}`).join('; '),
      holds: sub.every((x) => x.r.ratio <= 1),
      details: Object.fromEntries(sub.map((x) => [`q ratio ${cellName(x.c)}`, sig(x.r.ratio)])),
    },
    {
      id: 'figure-1/rate-vanishes',
      statement: 'Section 3 / figure 1: the (log-scaled) training curves flatten as L decreases: the rate -d ln L/dt vanishes around the global minima (sublinear convergence), for every p.',
      criterion: `for every (d, p), the mean curve's average rate over the last tenth of the ${horizon} iterations is < 0.1 x its average rate over the first tenth (an order of magnitude drop)`,
      measured: decay.map((x) => `${cellName(x.c)}: ${fmtNum(x.r.ratio)}`).join('; '),
      holds: decay.every((x) => x.r.ratio < 0.1),
      details: { worstRatio: sig(worstDecay), ...Object.fromEntries(decay.map((x) => [`ratio ${cellName(x.c)}`, sig(x.r.ratio)])) },
    },
    {
      id: 'figure-1/loss-floor',
      statement: `Figure 4 caption: "in Figure 1, L > 1e-1 after 10000 iterations despite the increasing number of parameters".`,
      criterion: `for every (d, p), the mean training curve (gradient descent) after ${horizon} iterations is > 0.1`,
      measured: floor.map((x) => `${cellName(x.c)}: ${fmtNum(x.l)}`).join('; '),
      holds: minFloor > 0.1,
      details: { minMeanLoss: sig(minFloor), ...Object.fromEntries(floor.map((x) => [`L ${cellName(x.c)}`, sig(x.l)])) },
    },
  ];
}

function assemble(results: ReadonlyMap<string, TaskResult>, preset: PresetName, seed: number): Omit<FigureData, 'timing'> {
  const g = FIGURE1_GRIDS[preset];
  const cells = g.ds.flatMap((d) => g.ps.map((p) => summariseCell(results, 'f1', g, d, p)));
  const maxRel = Math.max(...cells.map((c) => c.maxRelDiff));
  const maxAbs = Math.max(...cells.map((c) => c.maxAbsDiff));
  const notes = [
    `Gradient descent (the paper's protocol) and gradient flow d theta/dt = -eta grad L with eta = lr = 1e-3/p (adaptive Dormand-Prince, rtol ${g.rtol}, atol ${g.atol}); flow time t corresponds to iteration t. Largest difference over all runs and flow output times: |L_GD - L_flow| / L_GD = ${fmtNum(maxRel)} (absolute ${fmtNum(maxAbs)}).`,
    'Curves: mean over the random initialisations (each a new instance: U_l, states, labels), bands: mean +- half a standard deviation (sample std).',
  ];
  if (cells.some((c) => c.clamped)) notes.push('Where mean - std/2 <= 0 the band is drawn down to mean/10 (log scale).');
  if (preset === 'quick') notes.push(`Quick preset: d = ${g.ds.join(', ')}, p = ${g.ps.join(', ')}, ${g.seeds} initialisations, ${g.steps} iterations (the paper: d = 32, 64, p = 10..80, 10, 10000).`);
  return {
    figure: 1,
    title: 'Figure 1: sublinear convergence with a +-1 (Pauli-type) measurement',
    caption: `Training curves (log scale) of QNNs with gamma = 1, m = ${g.m}, d = ${g.ds.join(', ')}, p = ${g.ps.join(', ')}, lr = 1e-3/p; mean over ${g.seeds} initialisations, bands +- std/2. Solid: gradient descent; dashed: gradient flow with eta = lr.`,
    preset, seed,
    settings: { ...g, lr: '1e-3/p', measurement: 'gamma diag(+1 x d/2, -1 x d/2), gamma = 1', generator: 'appendix D, Z = 1', theta0: 0 },
    notes,
    checks: figure1Checks(cells, g.steps),
    data: {
      curves: curveRows(cells),
      cells: cells.map((c) => ({
        d: c.d, p: c.p, finalMeanLoss: sig(c.gd.mean[c.gd.mean.length - 1]), maxRelDiffGdFlow: sig(c.maxRelDiff),
        meanFlowRhsEvals: sig(c.flow.rhsEvals.reduce((a, b) => a + b, 0) / c.flow.rhsEvals.length),
        finalLossPerRun: c.gd.final.map((x) => sig(x)).join(' '),
      })),
    },
  };
}

function spec(data: FigureData): Spec {
  const g = data.settings as unknown as CurveGrid;
  const inner = curvesWithBands({
    rows: data.data.curves, xTitle: 'iteration (= flow time t)', yTitle: 'L', logY: true, seriesTitle: 'p', seriesDomain: g.ps,
    methods: ['gradient descent', 'gradient flow'], width: 300, height: 230,
  });
  const { data: values, ...layers } = inner;
  return {
    title: data.title,
    data: values,
    facet: { column: { field: 'd', type: 'ordinal', header: { labelExpr: "'d = ' + datum.value", title: null } } },
    spec: layers,
  };
}

export const figure1: FigureModule = {
  id: 1,
  title: 'Figure 1: sublinear convergence (gamma = 1)',
  phases: (preset, seed) => curvePhases('f1', FIGURE1_GRIDS[preset], seed),
  assemble,
  spec,
};
