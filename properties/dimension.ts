/**
 * Dimension arbitraries. Parameters of the other arbitraries accept a `DimSpec`: a fixed
 * integer, or an inclusive range `{ min, max }`.
 */
import fc from 'fast-check';
import { check, QnnInputError } from '../src/errors.ts';

export type DimSpec = number | { min: number; max: number };

export interface DimensionOptions {
  min: number;
  max: number;
  /** Only even values (e.g. sample counts with balanced labels). */
  even?: boolean;
}

/** Inclusive integer range of a DimSpec, validated (integers, 1 <= min <= max). */
export function dimRange(spec: DimSpec, fn: string, param: string): { min: number; max: number } {
  const { min, max } = typeof spec === 'number' ? { min: spec, max: spec } : spec;
  check(Number.isInteger(min) && min >= 1, fn, `${param}.min`, `must be an integer >= 1 (got ${min})`);
  check(Number.isInteger(max) && max >= min, fn, `${param}.max`, `must be an integer >= min = ${min} (got ${max})`);
  return { min, max };
}

/** Integers in [min, max] (even ones only if `even`); shrinks towards min. */
export function dimensionArb({ min, max, even = false }: DimensionOptions): fc.Arbitrary<number> {
  dimRange({ min, max }, 'dimensionArb', 'range');
  if (!even) return fc.integer({ min, max });
  const lo = Math.ceil(min / 2), hi = Math.floor(max / 2);
  if (lo > hi) throw new QnnInputError('dimensionArb', 'range', `[${min}, ${max}] contains no even integer`);
  return fc.integer({ min: lo, max: hi }).map((k) => 2 * k);
}

/**
 * Arbitrary for a DimSpec, optionally intersected with [atLeast, atMost] and restricted to
 * even values; `fn` / `param` name the caller in the error if the result would be empty.
 */
export function dimSpecArb(
  spec: DimSpec,
  fn: string,
  param: string,
  opts: { even?: boolean; atLeast?: number; atMost?: number } = {},
): fc.Arbitrary<number> {
  const r = dimRange(spec, fn, param);
  const min = Math.max(r.min, opts.atLeast ?? 1);
  const max = Math.min(r.max, opts.atMost ?? Infinity);
  let lo = min, hi = max;
  if (opts.even) {
    lo = 2 * Math.ceil(min / 2);
    hi = 2 * Math.floor(max / 2);
  }
  if (lo > hi) {
    throw new QnnInputError(fn, param, `has no admissible value: [${r.min}, ${r.max}] ∩ [${opts.atLeast ?? 1}, ${opts.atMost ?? 'inf'}]${opts.even ? ' (even)' : ''} is empty`);
  }
  return dimensionArb({ min: lo, max: hi, even: opts.even });
}

/** The dimensions of the small-instance claims: d in {2, 3, 4, 6, 8} (a qubit, odd d, two and three qubits, a non-power of 2). */
export function smallDimensionArb(): fc.Arbitrary<number> {
  return fc.constantFrom(2, 3, 4, 6, 8);
}
