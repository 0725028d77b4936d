/**
 * Seed arbitrary, and the replay convention shared by all arbitraries in this folder.
 *
 * Every arbitrary here draws only a seed (and dimensions) with fast-check and then BUILDS
 * a valid object deterministically from `makeRng(seed)` (no filtering, no rejection). The
 * generated value carries its seed and parameters, and prints (in fast-check
 * counterexample reports) as the builder call that reproduces it, e.g.
 * `buildHermitian({"seed":123,"d":4,"kind":"gue"})`, instead of dumping the matrices.
 */
import fc from 'fast-check';

/** Largest seed drawn by `seedArb` (2^31 - 1). */
export const MAX_SEED = 2 ** 31 - 1;

/** A seed for `makeRng`: integer in [0, 2^31 - 1]; shrinks towards 0. */
export function seedArb(): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: MAX_SEED });
}

/**
 * Attaches a non-enumerable fast-check `toStringMethod` to `value` that prints
 * `builder(params)`, so a counterexample shows how to rebuild it. Returns `value`.
 * (Non-enumerable: it does not affect `toEqual` or JSON.)
 */
export function withReplay<T extends object>(value: T, builder: string, params: object): T {
  const text = `${builder}(${JSON.stringify(params)})`;
  Object.defineProperty(value, fc.toStringMethod, { value: () => text, enumerable: false });
  return value;
}
