/**
 * Random instances in the settings of the paper, each built from an explicit generator:
 * the appendix-D setting (periodic ansatz with Haar U_l in SU(d), the diagonal H of appendix D,
 * m orthonormal random pure states with balanced +-1 labels, M0 = gamma diag(+1, ..., -1)),
 * and a general Line (1) ansatz with random generators.
 */
import { check, checkFinite, checkInt } from '../errors.ts';
import { CMat } from '../linalg/cmatrix.ts';
import { Rng } from '../random/rng.ts';
import {
  balancedLabels, haarSpecialUnitary, orthonormalStates, randomTracelessHermitian,
} from '../random/ensembles.ts';
import { lineAnsatz, periodicAnsatz } from './ansatz.ts';
import { makeInstance, QnnInstance } from './instance.ts';
import { appendixDGenerator, pmOneMeasurement } from './measurement.ts';

export interface ScenarioParams {
  d: number;
  m: number;
  p: number;
  gamma?: number;
}

function checkParams(fn: string, s: ScenarioParams): void {
  checkInt(s.d, 2, fn, 'd');
  check(s.d % 2 === 0, fn, 'd', `must be even for the +-1 trace-0 measurement (got ${s.d})`);
  checkInt(s.m, 1, fn, 'm');
  check(s.m <= s.d, fn, 'm', `must be <= d for orthonormal states (got m = ${s.m}, d = ${s.d})`);
  checkInt(s.p, 1, fn, 'p');
  if (s.gamma !== undefined) {
    checkFinite(s.gamma, fn, 'gamma');
    check(s.gamma > 0, fn, 'gamma', `must be > 0 (got ${s.gamma})`);
  }
}

function labelsFor(rng: Rng, m: number): Float64Array {
  // Balanced labels need even m; m = 1 (Corollary 4.3) gets a random sign.
  if (m % 2 === 0) return balancedLabels(rng, m);
  const y = new Float64Array(m);
  // Stryker disable next-line EqualityOperator: u < 0.5, u <= 0.5 and u >= 0.5 all give i.i.d. uniform signs; j = m writes past the end of y (ignored)
  for (let j = 0; j < m; j++) y[j] = rng.uniform() < 0.5 ? 1 : -1;
  return y;
}

/** The appendix-D instance: periodic ansatz (Definition 2.1), H of appendix D, theta(0) = 0. */
export function appendixDInstance(rng: Rng, s: ScenarioParams): { instance: QnnInstance; theta0: Float64Array } {
  checkParams('appendixDInstance', s);
  const gamma = s.gamma ?? 1;
  const unitaries: CMat[] = Array.from({ length: s.p + 1 }, () => haarSpecialUnitary(rng, s.d));
  const ansatz = periodicAnsatz(unitaries, appendixDGenerator(s.d));
  const states = orthonormalStates(rng, s.m, s.d);
  const labels = labelsFor(rng, s.m);
  // Stryker disable next-line BooleanLiteral: orthonormalStates builds orthonormal states; the flag only re-checks them
  const instance = makeInstance(ansatz, pmOneMeasurement(s.d, gamma), states, labels, { orthogonal: true, gamma });
  return { instance, theta0: new Float64Array(s.p) };
}

/** A Line (1) instance with independent random traceless generators and random theta. */
export function lineInstance(rng: Rng, s: ScenarioParams): { instance: QnnInstance; theta0: Float64Array } {
  checkParams('lineInstance', s);
  const gamma = s.gamma ?? 1;
  const unitaries = Array.from({ length: s.p + 1 }, () => haarSpecialUnitary(rng, s.d));
  const generators = Array.from({ length: s.p }, () => randomTracelessHermitian(rng, s.d));
  const ansatz = lineAnsatz(unitaries, generators);
  const states = orthonormalStates(rng, s.m, s.d);
  const labels = labelsFor(rng, s.m);
  const theta0 = Float64Array.from({ length: s.p }, () => 2 * Math.PI * rng.uniform());
  return { instance: makeInstance(ansatz, pmOneMeasurement(s.d, gamma), states, labels, { gamma }), theta0 };
}
