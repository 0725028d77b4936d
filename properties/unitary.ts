/** Haar-random unitaries in U(d), or SU(d) with `special: true` (the paper's ansatz U_l). */
import fc from 'fast-check';
import type { CMat } from '../src/linalg/cmatrix.ts';
import { haarSpecialUnitary, haarUnitary } from '../src/random/ensembles.ts';
import { makeRng } from '../src/random/rng.ts';
import { type DimSpec, dimSpecArb } from './dimension.ts';
import { seedArb, withReplay } from './seed.ts';

export interface UnitaryParams {
  seed: number;
  d: number;
  special: boolean;
}

export interface UnitarySample extends UnitaryParams {
  value: CMat;
}

/** Deterministic builder (replays a counterexample). */
export function buildHaarUnitary({ seed, d, special }: UnitaryParams): UnitarySample {
  const rng = makeRng(seed);
  const value = special ? haarSpecialUnitary(rng, d) : haarUnitary(rng, d);
  return withReplay({ seed, d, special, value }, 'buildHaarUnitary', { seed, d, special });
}

/** `{ seed, d, special, value }` with value Haar on U(d) (or SU(d) if special). */
export function haarUnitaryArb(opts: { d: DimSpec; special?: boolean }): fc.Arbitrary<UnitarySample> {
  const special = opts.special ?? false;
  const dArb = dimSpecArb(opts.d, 'haarUnitaryArb', 'd');
  return fc.tuple(seedArb(), dArb).map(([seed, d]) => buildHaarUnitary({ seed, d, special }));
}
