/**
 * Grids of asymptotic-dynamics runs (figures 3 and 5): eq. (119) with M(0) of eq. (120), m
 * orthonormal Haar-random states with balanced labels, integrated in compressed form for every
 * initialisation; the first initialisation of selected grid points is also run with the d x d
 * isospectral CF4 integrator (asymptoticFlow) as a cross-check.
 */
import type { AsymResult, AsymTask, TaskResult } from './types.ts';
import { mean, std } from '../stats/index.ts';

export interface AsymPoint { d: number; m: number; gamma: number }

/** Horizon: the loss decays at a rate >= 2 lambda_min(K_asym) ~ 4 (gamma^2 - 1) near the minima. */
export function asymHorizon(gamma: number): number {
  return 25 / (gamma * gamma - 1);
}

/** L(T) below this counts as converged. */
export const CONVERGED = 1e-8;

export function asymKey(prefix: string, q: AsymPoint, i: number): string {
  return `${prefix}/asym/d${q.d}/m${q.m}/g${q.gamma}/i${i}`;
}

export function asymTasks(
  prefix: string, points: AsymPoint[], seeds: number, seed: number, cross: (q: AsymPoint) => boolean, crossTol: number, nOut = 200,
): AsymTask[] {
  const tasks: AsymTask[] = [];
  for (const q of points) {
    for (let i = 0; i < seeds; i++) {
      tasks.push({
        kind: 'asym', key: asymKey(prefix, q, i), seed, label: `asym/d${q.d}/m${q.m}/g${q.gamma}/i${i}`,
        d: q.d, m: q.m, gamma: q.gamma, tEnd: asymHorizon(q.gamma), nOut,
        ...(i === 0 && cross(q) ? { crossCheck: { tol: crossTol } } : {}),
      });
    }
  }
  return tasks;
}

export interface AsymSummary extends AsymPoint {
  n: number;
  /** Means (and sample std) over initialisations, lambda's divided by gamma^2. */
  lambdaEnd: number; lambdaEndStd: number;
  lambda0: number;
  lambdaMinOverT: number;
  relChangeF: number; relChangeFStd: number;
  relChangeOp: number;
  /** Fraction of initialisations with relative change (Frobenius) >= 5%. */
  fracAbove5: number;
  converged: number;
  lossEndMax: number;
}

export function summariseAsym(results: ReadonlyMap<string, TaskResult>, prefix: string, q: AsymPoint, seeds: number): AsymSummary {
  const rs: AsymResult[] = [];
  for (let i = 0; i < seeds; i++) rs.push(results.get(asymKey(prefix, q, i)) as AsymResult);
  const g2 = q.gamma * q.gamma, last = (a: number[]) => a[a.length - 1];
  const lEnd = rs.map((r) => last(r.lambdaMin) / g2), rel = rs.map((r) => last(r.relChangeF));
  return {
    ...q, n: rs.length,
    lambdaEnd: mean(lEnd), lambdaEndStd: std(lEnd),
    lambda0: mean(rs.map((r) => r.lambdaMin[0] / g2)),
    lambdaMinOverT: mean(rs.map((r) => Math.min(...r.lambdaMin) / g2)),
    relChangeF: mean(rel), relChangeFStd: std(rel),
    relChangeOp: mean(rs.map((r) => last(r.relChangeOp))),
    fracAbove5: mean(rel.map((x) => (x >= 0.05 ? 1 : 0))),
    converged: mean(rs.map((r) => (last(r.loss) < CONVERGED ? 1 : 0))),
    lossEndMax: Math.max(...rs.map((r) => last(r.loss))),
  };
}

/** Cross-checks found among the results (compressed vs d x d CF4). */
export function crossChecks(results: ReadonlyMap<string, TaskResult>, prefix: string): { key: string; d: number; m: number; gamma: number; maxDiffK: number; maxDiffLoss: number; steps: number; timeMs: number }[] {
  const out = [];
  for (const [key, r] of results) {
    if (!key.startsWith(`${prefix}/asym/`) || r.kind !== 'asym' || !r.cross) continue;
    const m = /d(\d+)\/m(\d+)\/g([\d.]+)\//.exec(key)!;
    out.push({ key, d: Number(m[1]), m: Number(m[2]), gamma: Number(m[3]), maxDiffK: r.cross.maxDiffK, maxDiffLoss: r.cross.maxDiffLoss, steps: r.cross.steps, timeMs: r.cross.timeMs });
  }
  return out.sort((a, b) => a.d - b.d || a.m - b.m || a.gamma - b.gamma);
}
