/**
 * The paper's training sets (appendix D): m orthonormal Haar-random pure states in C^d and
 * balanced labels (m/2 of +1, m/2 of -1, random order); m even, m <= d. The states and the
 * labels come from the independent streams makeRng(seed).fork('states') and
 * .fork('labels'). Dimension draw order as in `orthonormalStatesArb` (d first).
 */
import fc from 'fast-check';
import type { CMat } from '../src/linalg/cmatrix.ts';
import { balancedLabels, orthonormalStates } from '../src/random/ensembles.ts';
import { makeRng } from '../src/random/rng.ts';
import { type DimSpec, dimRange, dimSpecArb } from './dimension.ts';
import { seedArb, withReplay } from './seed.ts';

export interface DatasetParams {
  seed: number;
  d: number;
  m: number;
}

export interface DatasetSample extends DatasetParams {
  /** m x d, row j = state v_j (rho_j = v_j v_j^dag). */
  states: CMat;
  /** y_j in {+1, -1}, sum 0. */
  labels: Float64Array;
}

/** Deterministic builder (replays a counterexample). */
export function buildDataset({ seed, d, m }: DatasetParams): DatasetSample {
  const rng = makeRng(seed);
  const states = orthonormalStates(rng.fork('states'), m, d);
  const labels = balancedLabels(rng.fork('labels'), m);
  return withReplay({ seed, d, m, states, labels }, 'buildDataset', { seed, d, m });
}

/** `{ seed, d, m, states, labels }`; m is restricted to even values <= d. */
export function datasetArb(opts: { d: DimSpec; m: DimSpec }): fc.Arbitrary<DatasetSample> {
  const fn = 'datasetArb';
  const mRange = dimRange(opts.m, fn, 'm');
  const mMinEven = 2 * Math.ceil(mRange.min / 2);
  // fail fast (at construction) if the m spec has no even value
  dimSpecArb(opts.m, fn, 'm', { even: true });
  const dArb = dimSpecArb(opts.d, fn, 'd', { atLeast: mMinEven });
  return fc
    .tuple(seedArb(), dArb)
    .chain(([seed, d]) => dimSpecArb(opts.m, fn, 'm', { even: true, atMost: d }).map((m) => buildDataset({ seed, d, m })));
}
