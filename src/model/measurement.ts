/**
 * Measurements and generators of section 2 and appendix D: Pauli strings, the +-1
 * trace-0 measurement, the gamma-scaled measurement of section 4, and the diagonal
 * generator H of appendix D.
 */
import { check, checkFinite, checkInt, QnnInputError } from '../errors.ts';
import { CMat, diag, fromArrays, kron, maxAbs, trace } from '../linalg/cmatrix.ts';
import { checkHermitian, hermitianTolerance } from '../linalg/eigh.ts';

export { checkHermitian, hermitianTolerance };

const PAULI: Record<string, CMat> = {
  I: fromArrays([[1, 0], [0, 1]]),
  X: fromArrays([[0, 1], [1, 0]]),
  Y: fromArrays([[0, 0], [0, 0]], [[0, -1], [1, 0]]),
  Z: fromArrays([[1, 0], [0, -1]]),
};

/** Tensor product of Pauli matrices, e.g. pauliString('ZXI') on 3 qubits (d = 8). */
export function pauliString(word: string): CMat {
  check(word.length >= 1, 'pauliString', 'word', 'must have at least one letter');
  let acc: CMat | undefined;
  for (const ch of word.toUpperCase()) {
    const s = PAULI[ch];
    if (!s) throw new QnnInputError('pauliString', 'word', `has letter '${ch}', expected one of I, X, Y, Z`);
    acc = acc ? kron(acc, s) : s;
  }
  return acc!;
}

/** gamma * diag(+1 x d/2, -1 x d/2): the +-1 trace-0 measurement (scaled, section 4). */
export function pmOneMeasurement(d: number, gamma = 1): CMat {
  checkInt(d, 2, 'pmOneMeasurement', 'd');
  check(d % 2 === 0, 'pmOneMeasurement', 'd', `must be even for a trace-0 +-1 measurement (got ${d})`);
  checkFinite(gamma, 'pmOneMeasurement', 'gamma');
  check(gamma > 0, 'pmOneMeasurement', 'gamma', `must be > 0 (got ${gamma})`);
  const v = new Float64Array(d);
  // Stryker disable next-line EqualityOperator: i = d writes past the end of v (ignored)
  for (let i = 0; i < d; i++) v[i] = i < d / 2 ? gamma : -gamma;
  return diag(v);
}

/**
 * Appendix D generator: diag(+s x d/2, -s x d/2) with s = sqrt(d - 1/d), so that
 * Z = tr(H^2)/(d^2 - 1) = 1.
 */
export function appendixDGenerator(d: number): CMat {
  checkInt(d, 2, 'appendixDGenerator', 'd');
  check(d % 2 === 0, 'appendixDGenerator', 'd', `must be even (got ${d})`);
  const s = Math.sqrt(d - 1 / d);
  const v = new Float64Array(d);
  // Stryker disable next-line EqualityOperator: i = d writes past the end of v (ignored)
  for (let i = 0; i < d; i++) v[i] = i < d / 2 ? s : -s;
  return diag(v);
}

/** Throws unless `h` is Hermitian and (numerically) traceless and non-zero, as Line (1) assumes. */
export function checkGenerator(h: CMat, fn: string, param: string): void {
  checkHermitian(h, fn, param);
  check(maxAbs(h) > 0, fn, param, 'must be non-zero');
  const t = trace(h).re;
  // Stryker disable next-line EqualityOperator: the two comparisons differ only when the deviation equals the tolerance to the last bit
  check(Math.abs(t) <= hermitianTolerance(h) * h.rows, fn, param, `must be trace-0 (tr = ${t.toExponential(3)})`);
}
