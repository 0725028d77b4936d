/**
 * Typed input errors. Every public entry point validates its input and throws a
 * QnnInputError whose message names the function, the parameter and the violated
 * condition, e.g. `matmul: a.cols (3) != b.rows (4)`.
 */
export class QnnInputError extends Error {
  readonly fn: string;
  readonly param: string;
  readonly condition: string;
  constructor(fn: string, param: string, condition: string) {
    super(`${fn}: ${param} ${condition}`);
    this.name = 'QnnInputError';
    this.fn = fn;
    this.param = param;
    this.condition = condition;
  }
}

/** Throws `fn: param <condition>` unless `ok`. */
export function check(ok: boolean, fn: string, param: string, condition: string): asserts ok {
  if (!ok) throw new QnnInputError(fn, param, condition);
}

/** Integer >= min. */
export function checkInt(x: number, min: number, fn: string, param: string): void {
  check(Number.isInteger(x) && x >= min, fn, param, `must be an integer >= ${min} (got ${x})`);
}

/** Finite real number. */
export function checkFinite(x: number, fn: string, param: string): void {
  check(Number.isFinite(x), fn, param, `must be finite (got ${x})`);
}

/** Every entry of a typed array is finite. */
export function checkFiniteArray(a: ArrayLike<number>, fn: string, param: string): void {
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) throw new QnnInputError(fn, param, `has a non-finite entry at index ${i} (${a[i]})`);
  }
}
