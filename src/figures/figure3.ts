/**
 * Figure 3 (section 4, "QNN convergence for m > 1"): the smallest eigenvalue of K_asym for the
 * asymptotic dynamics (eq. 119, M(0) of eq. 120) over a (d, m, gamma) grid. The text: "for
 * sufficiently large d, the smallest eigenvalue of K_asym depends on m/d and is proportional to
 * gamma^2". The paper does not print its grid; ours is below (d up to 256). lambda_min is taken
 * at the end of the dynamics (converged, L(T) < 1e-8), where it is smallest (figure 6's remark).
 */
import { type AsymPoint, type AsymSummary, asymTasks, crossChecks, summariseAsym } from './asym-grid.ts';
import { COLORS, type Spec } from './plot.ts';
import { mean } from '../stats/index.ts';
import { fmtNum, sig } from './format.ts';
import type { FigureCheck, FigureData, FigureModule, PresetName, TaskResult } from './types.ts';

export interface Figure3Grid { ds: number[]; ms: number[]; maxRatio: number; gammas: number[]; seeds: number; largeD: number; crossMaxD: number; crossMaxM: number }

export const FIGURE3_GRIDS: Record<PresetName, Figure3Grid> = {
  paper: { ds: [16, 32, 64, 128, 256], ms: [2, 4, 8, 16, 32], maxRatio: 1 / 4, gammas: [1.5, 2, 4, 8], seeds: 20, largeD: 64, crossMaxD: 256, crossMaxM: 4 },
  quick: { ds: [16, 32, 64], ms: [2, 4, 8, 16], maxRatio: 1 / 4, gammas: [1.5, 2, 4], seeds: 5, largeD: 32, crossMaxD: 32, crossMaxM: 4 },
  test: { ds: [8, 16], ms: [2, 4], maxRatio: 1 / 2, gammas: [1.5, 2], seeds: 2, largeD: 8, crossMaxD: 8, crossMaxM: 2 },
};

export function figure3Points(g: Figure3Grid): AsymPoint[] {
  return g.gammas.flatMap((gamma) => g.ds.flatMap((d) => g.ms.filter((m) => m / d <= g.maxRatio).map((m) => ({ d, m, gamma }))));
}

const crossFor = (g: Figure3Grid) => (q: AsymPoint) => q.gamma === 2 && q.d <= g.crossMaxD && q.m <= g.crossMaxM;

/** Spread of the means at fixed m/d and at fixed m, among d >= largeD, per gamma. */
export function collapse(rows: AsymSummary[], largeD: number): { gamma: number; spreadRatio: number; spreadM: number }[] {
  const gammas = [...new Set(rows.map((r) => r.gamma))];
  return gammas.map((gamma) => {
    const big = rows.filter((r) => r.gamma === gamma && r.d >= largeD);
    const spread = (key: (r: AsymSummary) => number) => {
      const groups = new Map<number, number[]>();
      for (const r of big) groups.set(key(r), [...(groups.get(key(r)) ?? []), r.lambdaEnd]);
      const s = [...groups.values()].filter((v) => v.length >= 2).map((v) => Math.max(...v) - Math.min(...v));
      return s.length ? mean(s) : NaN;
    };
    return { gamma, spreadRatio: spread((r) => r.m / r.d), spreadM: spread((r) => r.m) };
  });
}

export function figure3Checks(rows: AsymSummary[], g: Figure3Grid): FigureCheck[] {
  const col = collapse(rows, g.largeD);
  const dMax = Math.max(...g.ds);
  const atSmall = g.gammas.map((gamma) => {
    const cand = rows.filter((r) => r.gamma === gamma && r.d === dMax);
    const r = cand.reduce((a, b) => (b.m / b.d < a.m / a.d ? b : a));
    return { gamma, v: r.lambdaEnd, m: r.m, theory: 2 * (1 - 1 / (gamma * gamma)) };
  });
  const vs = atSmall.map((x) => x.v);
  return [
    {
      id: 'figure-3/depends-on-m-over-d',
      statement: 'Section 4 / figure 3: "For sufficiently large dimension d, the smallest eigenvalue of K_asym depends on the ratio between the number of samples and the system dimension m/d".',
      criterion: `among d >= ${g.largeD}: the mean spread of lambda_min(K_asym(T))/gamma^2 across d at fixed m/d is <= half the spread across d at fixed m (for every gamma)`,
      measured: col.map((c) => `gamma=${c.gamma}: fixed m/d ${fmtNum(c.spreadRatio)} vs fixed m ${fmtNum(c.spreadM)}`).join('; '),
      holds: col.every((c) => c.spreadRatio <= 0.5 * c.spreadM),
      details: Object.fromEntries(col.flatMap((c) => [[`spread fixed m/d, gamma=${c.gamma}`, sig(c.spreadRatio)], [`spread fixed m, gamma=${c.gamma}`, sig(c.spreadM)]])),
    },
    {
      id: 'figure-3/proportional-to-gamma2',
      statement: 'Section 4 / figure 3: the smallest eigenvalue of K_asym "is proportional to the square of the scaling factor gamma^2".',
      criterion: `lambda_min(K_asym(T))/gamma^2 at d = ${dMax} and the smallest m/d varies by at most 10% across gamma = ${g.gammas.join(', ')} (max/min <= 1.1); theorem 4.4's leading term 2(1 - 1/gamma^2) is shown for comparison`,
      measured: atSmall.map((x) => `gamma=${x.gamma}: ${fmtNum(x.v)} (2(1-1/gamma^2) = ${fmtNum(x.theory)})`).join('; ') + `; max/min = ${fmtNum(Math.max(...vs) / Math.min(...vs))}`,
      holds: Math.max(...vs) / Math.min(...vs) <= 1.1,
      details: Object.fromEntries(atSmall.map((x) => [`lambda/gamma^2 gamma=${x.gamma}`, sig(x.v)])),
    },
  ];
}

function assemble(results: ReadonlyMap<string, TaskResult>, preset: PresetName, seed: number): Omit<FigureData, 'timing'> {
  const g = FIGURE3_GRIDS[preset];
  const rows = figure3Points(g).map((q) => summariseAsym(results, 'f3', q, g.seeds));
  const cross = crossChecks(results, 'f3');
  const notConverged = rows.filter((r) => r.converged < 1);
  return {
    figure: 3,
    title: 'Figure 3: lambda_min(K_asym) of the asymptotic dynamics against m/d',
    caption: `Asymptotic dynamics (eq. 119, M(0) = gamma U diag(+1,..,-1) U^dag, U Haar), m orthonormal Haar states with balanced labels; lambda_min(K_asym) at the end T = 25/(gamma^2 - 1) (converged), divided by gamma^2, mean over ${g.seeds} initialisations (bars: +- std/2), against m/d; d = ${g.ds.join(', ')}, m = ${g.ms.join(', ')} (m/d <= ${g.maxRatio}), gamma = ${g.gammas.join(', ')}. Grey line: 2(1 - 1/gamma^2).`,
    preset, seed,
    settings: { ...g, horizon: '25/(gamma^2 - 1)', outputs: 200 },
    notes: [
      'The grid is ours (the paper prints none). Integration: the exact m x m compression dA/dt = 2 gamma^2 D - 2 A D A of eq. (10) (valid since M(t)^2 = gamma^2 I and the states are orthonormal; src/dynamics/compressed.ts), adaptive Dormand-Prince, rtol 1e-10.',
      `Cross-check with the d x d isospectral CF4 integrator (asymptoticFlow, tol 1e-7) on ${cross.length} runs (d up to ${Math.max(0, ...cross.map((c) => c.d))}): max |K_asym difference| = ${fmtNum(Math.max(0, ...cross.map((c) => c.maxDiffK)))}, max |L difference| = ${fmtNum(Math.max(0, ...cross.map((c) => c.maxDiffLoss)))}.`,
      notConverged.length ? `Not converged (L(T) >= 1e-8) at ${notConverged.length} grid points: ${notConverged.map((r) => `(d=${r.d},m=${r.m},gamma=${r.gamma}): ${Math.round(100 * r.converged)}% converged`).join(', ')}.` : 'Every run converged (L(T) < 1e-8).',
    ],
    checks: figure3Checks(rows, g),
    data: {
      points: rows.map((r) => ({
        d: r.d, m: r.m, gamma: r.gamma, ratio: r.m / r.d, lambdaEnd: sig(r.lambdaEnd), lo: sig(r.lambdaEnd - r.lambdaEndStd / 2), hi: sig(r.lambdaEnd + r.lambdaEndStd / 2),
        lambda0: sig(r.lambda0), lambdaMinOverT: sig(r.lambdaMinOverT), converged: r.converged,
      })),
      theory: g.gammas.map((gamma) => ({ gamma, y: 2 * (1 - 1 / (gamma * gamma)) })),
      cross: cross.map((c) => ({ d: c.d, m: c.m, gamma: c.gamma, maxDiffK: sig(c.maxDiffK, 3), maxDiffLoss: sig(c.maxDiffLoss, 3), cf4Steps: c.steps, cf4Ms: c.timeMs })),
    },
  };
}

function spec(data: FigureData): Spec {
  const g = data.settings as unknown as Figure3Grid;
  const ratios = [...new Set(data.data.points.map((r) => r.ratio as number))].sort((a, b) => a - b);
  const x = {
    field: 'ratio', type: 'quantitative', title: 'm / d', scale: { type: 'log', base: 2 },
    axis: { values: ratios, labelExpr: "'1/' + round(1 / datum.value)", grid: true },
  };
  const color = { field: 'd', type: 'ordinal', title: 'd', scale: { domain: g.ds, range: COLORS } };
  const y = { field: 'lambdaEnd', type: 'quantitative', title: 'lambda_min(K_asym(T)) / gamma^2', scale: { zero: false } };
  return {
    title: data.title,
    data: { values: data.data.points },
    hconcat: g.gammas.map((gamma) => ({
      title: { text: `gamma = ${gamma}`, fontSize: 12, anchor: 'middle' },
      width: 160, height: 220,
      transform: [{ filter: `datum.gamma == ${gamma}` }],
      layer: [
        { mark: { type: 'line', point: true, strokeWidth: 1.4 }, encoding: { x, y, color } },
        { mark: { type: 'rule' }, encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' }, color } },
        { data: { values: [{ bound: 2 * (1 - 1 / (gamma * gamma)) }] }, mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, encoding: { y: { field: 'bound', type: 'quantitative' } } },
      ],
    })),
  };
}

export const figure3: FigureModule = {
  id: 3,
  title: 'Figure 3: lambda_min(K_asym) over (d, m, gamma)',
  phases: (preset, seed) => {
    const g = FIGURE3_GRIDS[preset];
    return [{ name: 'asym', tasks: asymTasks('f3', figure3Points(g), g.seeds, seed, crossFor(g), 1e-7) }];
  },
  assemble,
  spec,
};
