/**
 * The dense (Heisenberg-picture) route of section 2: the parameterized measurement
 * M(theta) = U^dag(theta) M0 U(theta), predictions, residuals and the loss.
 * O(p d^3): the reference against which the fast state-vector route is checked.
 */
import { adjoint, CMat, matmul, row, matvec, inner } from '../linalg/cmatrix.ts';
import { unitaryOf } from './ansatz.ts';
import { QnnInstance } from './instance.ts';

/** M(theta) = U^dag(theta) M0 U(theta)  (section 3, before Lemma 3.1). */
export function parameterizedMeasurement(inst: QnnInstance, theta: ArrayLike<number>): CMat {
  const u = unitaryOf(inst.ansatz, theta);
  return matmul(adjoint(u), matmul(inst.M0, u));
}

/** yhat_j = tr(rho_j M) = v_j^dag M v_j for a given measurement M. */
export function predictionsOf(M: CMat, states: CMat): Float64Array {
  const out = new Float64Array(states.rows);
  for (let j = 0; j < states.rows; j++) {
    const v = row(states, j);
    out[j] = inner(v, matvec(M, v)).re;
  }
  return out;
}

/** Predictions yhat_j(theta) (section 2, ERM of QNN). */
export function predictions(inst: QnnInstance, theta: ArrayLike<number>): Float64Array {
  return predictionsOf(parameterizedMeasurement(inst, theta), inst.states);
}

/** r_j = y_j - yhat_j (section 3). */
export function residualsOf(yhat: ArrayLike<number>, labels: ArrayLike<number>): Float64Array {
  const r = new Float64Array(labels.length);
  // Stryker disable next-line EqualityOperator: j = m writes past the end of r (ignored)
  for (let j = 0; j < labels.length; j++) r[j] = labels[j] - yhat[j];
  return r;
}

/** L = (1/2m) sum_j (yhat_j - y_j)^2 = r^T r / 2m. */
export function lossOf(yhat: ArrayLike<number>, labels: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < labels.length; j++) s += (yhat[j] - labels[j]) ** 2;
  return s / (2 * labels.length);
}

export function residuals(inst: QnnInstance, theta: ArrayLike<number>): Float64Array {
  return residualsOf(predictions(inst, theta), inst.labels);
}

export function loss(inst: QnnInstance, theta: ArrayLike<number>): number {
  return lossOf(predictions(inst, theta), inst.labels);
}
