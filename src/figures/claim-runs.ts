/**
 * Small sweeps behind the figure claims (theorems/figure-*.ts): the experiments of figures 1, 2
 * and 4 at a reduced scale, with the gradient flow d theta/dt = -lr grad L (flow time =
 * iterations; its difference from gradient descent at paper scale is reported in figure 1) so a
 * run takes a second or two. Results are memoised per parameter set: the claims of one figure
 * share their sweeps (fast-check draws the same parameters for the same seed and arbitrary).
 */
import { lrFor, qnnLabel } from './curves.ts';
import { runFlow } from './tasks.ts';
import type { FlowResult } from './types.ts';

const memo = new Map<string, unknown>();

function memoised<T>(key: string, f: () => T): T {
  if (memo.has(key)) return memo.get(key) as T;
  const v = f();
  if (memo.size > 64) memo.delete(memo.keys().next().value as string);
  memo.set(key, v);
  return v;
}

export interface SweepSpec {
  seed: number;
  d: number;
  m: number;
  gamma: number;
  ps: number[];
  inits: number;
  tEnd: number;
  recordEvery: number;
  yhat?: boolean;
}

/** Flow runs for every p and initialisation of the sweep (instances as in the figures). */
export function flowSweep(s: SweepSpec): Map<number, FlowResult[]> {
  return memoised(JSON.stringify(s), () => {
    const out = new Map<number, FlowResult[]>();
    for (const p of s.ps) {
      const runs: FlowResult[] = [];
      for (let i = 0; i < s.inits; i++) {
        runs.push(runFlow({
          kind: 'flow', key: `claim/p${p}/i${i}`, qnn: { seed: s.seed, label: qnnLabel(s.d, s.m, p, i), d: s.d, m: s.m, p, gamma: s.gamma },
          eta: lrFor(p), tEnd: s.tEnd, recordEvery: s.recordEvery, rtol: 1e-6, atol: 1e-9, yhat: s.yhat, thresholds: [1e-2],
        }));
      }
      out.set(p, runs);
    }
    return out;
  });
}

/** One-sample runs of figure 2 for each gamma; the horizon and output spacing follow the expected rate. */
export function oneSampleRuns(seed: number, d: number, p: number, gammas: number[]): Map<number, FlowResult> {
  return memoised(JSON.stringify({ seed, d, p, gammas }), () => {
    const out = new Map<number, FlowResult>();
    for (const gamma of gammas) {
      // Corollary 4.3: -d ln L/d(iteration) >= 4 lr p (gamma^2 - 1) for p -> infinity; run ~30 e-folds.
      const tEnd = Math.min(10000, Math.ceil(30 / (4e-3 * (gamma * gamma - 1))));
      out.set(gamma, runFlow({
        kind: 'flow', key: `claim/g${gamma}`, qnn: { seed, label: qnnLabel(d, 1, p, 0), d, m: 1, p, gamma },
        eta: lrFor(p), tEnd, recordEvery: tEnd / 200, rtol: 1e-8, atol: 1e-11, yhat: true,
      }));
    }
    return out;
  });
}
