/**
 * Random Hermitian matrices (d x d), built from a seed:
 * - 'gue': GUE(d) (`gue`);
 * - 'traceless': traceless GUE (`randomTracelessHermitian`, needs d >= 2) — the paper's
 *   generator H is a non-zero traceless Hermitian;
 * - 'pm1': U diag(+1 x d/2, -1 x d/2) U^dag with U Haar — the paper's M(0)/gamma (eq. 120),
 *   needs even d.
 */
import fc from 'fast-check';
import { check } from '../src/errors.ts';
import type { CMat } from '../src/linalg/cmatrix.ts';
import { gue, randomHermitianWithSpectrum, randomTracelessHermitian } from '../src/random/ensembles.ts';
import { makeRng } from '../src/random/rng.ts';
import { type DimSpec, dimSpecArb } from './dimension.ts';
import { seedArb, withReplay } from './seed.ts';

export type HermitianKind = 'gue' | 'traceless' | 'pm1';

export interface HermitianParams {
  seed: number;
  d: number;
  kind: HermitianKind;
}

export interface HermitianSample extends HermitianParams {
  value: CMat;
}

/** Deterministic builder (replays a counterexample). */
export function buildHermitian({ seed, d, kind }: HermitianParams): HermitianSample {
  const rng = makeRng(seed);
  let value: CMat;
  if (kind === 'gue') value = gue(rng, d);
  else if (kind === 'traceless') value = randomTracelessHermitian(rng, d);
  else {
    check(d % 2 === 0, 'buildHermitian', 'd', `must be even for kind 'pm1' (got ${d})`);
    value = randomHermitianWithSpectrum(rng, Array.from({ length: d }, (_, i) => (i < d / 2 ? 1 : -1)));
  }
  return withReplay({ seed, d, kind, value }, 'buildHermitian', { seed, d, kind });
}

/** `{ seed, d, kind, value }` with value a d x d Hermitian of the given kind (default 'gue'). */
export function hermitianArb(opts: { d: DimSpec; kind?: HermitianKind }): fc.Arbitrary<HermitianSample> {
  const kind = opts.kind ?? 'gue';
  const dArb = dimSpecArb(opts.d, 'hermitianArb', 'd', {
    atLeast: kind === 'traceless' ? 2 : 1,
    even: kind === 'pm1',
  });
  return fc.tuple(seedArb(), dArb).map(([seed, d]) => buildHermitian({ seed, d, kind }));
}
