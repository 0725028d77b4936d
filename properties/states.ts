/**
 * m orthonormal Haar-random pure states in C^d (m <= d), as an m x d matrix whose ROW j is
 * the state v_j. When both m and d are ranges, d is drawn first (at least m.min) and m is
 * then drawn from [m.min, min(m.max, d)].
 */
import fc from 'fast-check';
import type { CMat } from '../src/linalg/cmatrix.ts';
import { orthonormalStates } from '../src/random/ensembles.ts';
import { makeRng } from '../src/random/rng.ts';
import { type DimSpec, dimRange, dimSpecArb } from './dimension.ts';
import { seedArb, withReplay } from './seed.ts';

export interface StatesParams {
  seed: number;
  m: number;
  d: number;
}

export interface StatesSample extends StatesParams {
  value: CMat;
}

/** Deterministic builder (replays a counterexample). */
export function buildOrthonormalStates({ seed, m, d }: StatesParams): StatesSample {
  const value = orthonormalStates(makeRng(seed), m, d);
  return withReplay({ seed, m, d, value }, 'buildOrthonormalStates', { seed, m, d });
}

/** `{ seed, m, d, value }` with the rows of value orthonormal. */
export function orthonormalStatesArb(opts: { m: DimSpec; d: DimSpec }): fc.Arbitrary<StatesSample> {
  const fn = 'orthonormalStatesArb';
  const mRange = dimRange(opts.m, fn, 'm');
  const dArb = dimSpecArb(opts.d, fn, 'd', { atLeast: mRange.min });
  return fc
    .tuple(seedArb(), dArb)
    .chain(([seed, d]) => dimSpecArb(opts.m, fn, 'm', { atMost: d }).map((m) => buildOrthonormalStates({ seed, m, d })));
}
