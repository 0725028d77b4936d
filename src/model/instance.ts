/**
 * A QNN instance (section 2): ansatz, measurement M0 (scaling included), training set
 * {(rho_j = v_j v_j^dag, y_j)} with the state vectors as the rows of `states`.
 */
import { check, checkFiniteArray, QnnInputError } from '../errors.ts';
import { CMat, EPS, gramRows } from '../linalg/cmatrix.ts';
import { Ansatz } from './ansatz.ts';
import { checkHermitian } from './measurement.ts';

export interface QnnInstance {
  readonly ansatz: Ansatz;
  /** The full measurement, gamma scaling included (section 4: gamma M0). */
  readonly M0: CMat;
  /** m x d; row j is the state vector v_j. */
  readonly states: CMat;
  readonly labels: Float64Array;
  /** The scaling factor gamma of section 4, when M0 = gamma (Pi_+ - Pi_-); informational. */
  readonly gamma?: number;
}

/** Tolerance for unit norm / orthogonality of the input states. */
export function stateTolerance(d: number): number {
  return 1e3 * EPS * d;
}

export interface InstanceOptions {
  /** Require the states to be mutually orthogonal (theorem 4.4, appendix D). */
  orthogonal?: boolean;
  gamma?: number;
}

/** Validated instance: shapes, Hermitian M0, unit-norm states, finite labels. */
export function makeInstance(ansatz: Ansatz, M0: CMat, states: CMat, labels: ArrayLike<number>, opts: InstanceOptions = {}): QnnInstance {
  const fn = 'makeInstance';
  const d = ansatz.d;
  check(M0.rows === d && M0.cols === d, fn, 'M0', `must be ${d}x${d} (got ${M0.rows}x${M0.cols})`);
  checkHermitian(M0, fn, 'M0');
  check(states.cols === d, fn, 'states', `must have d = ${d} columns (got ${states.cols})`);
  check(states.rows >= 1, fn, 'states', 'must have at least one row (m >= 1)');
  checkFiniteArray(states.re, fn, 'states.re');
  checkFiniteArray(states.im, fn, 'states.im');
  check(labels.length === states.rows, fn, 'labels', `has length ${labels.length}, expected m = ${states.rows}`);
  checkFiniteArray(labels, fn, 'labels');
  const g = gramRows(states);
  const m = states.rows;
  const tol = stateTolerance(d);
  // Stryker disable next-line EqualityOperator: i = m reads past the end of the Gram matrix: NaN, and NaN > tol is false
  for (let i = 0; i < m; i++) {
    const n2 = g.re[i * m + i];
    // Stryker disable next-line EqualityOperator: the two comparisons differ only when the deviation equals the tolerance to the last bit
    if (Math.abs(n2 - 1) > tol) throw new QnnInputError(fn, `states[${i}]`, `must have unit norm (|v|^2 = ${n2})`);
    if (opts.orthogonal) {
      // Stryker disable next-line EqualityOperator: j = m reads past the end of row i into row i + 1's first entries, the overlaps checked again for row i + 1, or NaN
      for (let j = i + 1; j < m; j++) {
        const ov = Math.hypot(g.re[i * m + j], g.im[i * m + j]);
        // Stryker disable next-line EqualityOperator: the two comparisons differ only when the deviation equals the tolerance to the last bit
        if (ov > tol) throw new QnnInputError(fn, `states[${i}], states[${j}]`, `must be orthogonal (|v_i^dag v_j| = ${ov.toExponential(3)})`);
      }
    }
  }
  return { ansatz, M0, states, labels: Float64Array.from(labels), gamma: opts.gamma };
}
