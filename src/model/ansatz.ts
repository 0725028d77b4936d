/**
 * The ansatz of Line (1) and the periodic ansatz of Definition 2.1:
 *   U(theta) = U_p e^{-i theta_p H^(p)} ... U_1 e^{-i theta_1 H^(1)} U_0.
 */
import { check, checkFiniteArray, checkInt, QnnInputError } from '../errors.ts';
import { adjoint, CMat, EPS, identity, matmul, unitaryDeviation } from '../linalg/cmatrix.ts';
import { expmHermitian } from '../linalg/expm.ts';
import { checkGenerator, checkHermitian } from './measurement.ts';

export interface Ansatz {
  readonly d: number;
  readonly p: number;
  /** U_0, ..., U_p (p + 1 unitaries). */
  readonly unitaries: readonly CMat[];
  /** H^(1), ..., H^(p). For a periodic ansatz every entry is the same object `periodicGenerator`. */
  readonly generators: readonly CMat[];
  /** H of Definition 2.1, when the ansatz is periodic. */
  readonly periodicGenerator?: CMat;
}

/** Unitarity tolerance for input gates: a few thousand ulps scaled by d. */
export function unitaryTolerance(d: number): number {
  return 1e3 * EPS * d;
}

function checkUnitary(u: CMat, d: number, fn: string, param: string): void {
  check(u.rows === d && u.cols === d, fn, param, `must be ${d}x${d} (got ${u.rows}x${u.cols})`);
  checkFiniteArray(u.re, fn, `${param}.re`);
  checkFiniteArray(u.im, fn, `${param}.im`);
  const dev = unitaryDeviation(u);
  // Stryker disable next-line EqualityOperator: the two comparisons differ only when the deviation equals the tolerance to the last bit
  check(dev <= unitaryTolerance(d), fn, param, `must be unitary (max |U^dag U - I| = ${dev.toExponential(3)})`);
}

/** General ansatz of Line (1). Validates shapes, unitarity and hermiticity. */
export function lineAnsatz(unitaries: readonly CMat[], generators: readonly CMat[]): Ansatz {
  const p = generators.length;
  checkInt(p, 1, 'lineAnsatz', 'generators.length (p)');
  check(unitaries.length === p + 1, 'lineAnsatz', 'unitaries.length', `(${unitaries.length}) != p + 1 (${p + 1})`);
  const d = unitaries[0].rows;
  checkInt(d, 1, 'lineAnsatz', 'd');
  unitaries.forEach((u, l) => checkUnitary(u, d, 'lineAnsatz', `unitaries[${l}]`));
  generators.forEach((h, l) => {
    check(h.rows === d && h.cols === d, 'lineAnsatz', `generators[${l}]`, `must be ${d}x${d} (got ${h.rows}x${h.cols})`);
    checkHermitian(h, 'lineAnsatz', `generators[${l}]`);
  });
  return { d, p, unitaries, generators };
}

/** Periodic ansatz of Definition 2.1 (Line (2)): every generator is the trace-0 Hermitian H. */
export function periodicAnsatz(unitaries: readonly CMat[], h: CMat): Ansatz {
  checkGenerator(h, 'periodicAnsatz', 'H');
  const p = unitaries.length - 1;
  checkInt(p, 1, 'periodicAnsatz', 'unitaries.length - 1 (p)');
  const d = h.rows;
  unitaries.forEach((u, l) => checkUnitary(u, d, 'periodicAnsatz', `unitaries[${l}]`));
  return { d, p, unitaries, generators: Array.from({ length: p }, () => h), periodicGenerator: h };
}

export function checkTheta(ansatz: Ansatz, theta: ArrayLike<number>, fn: string): void {
  if (theta.length !== ansatz.p) throw new QnnInputError(fn, 'theta', `has length ${theta.length}, expected p = ${ansatz.p}`);
  checkFiniteArray(theta, fn, 'theta');
}

/** U(theta) as a dense d x d matrix, Line (1). O(p d^3): for checks, not hot loops. */
export function unitaryOf(ansatz: Ansatz, theta: ArrayLike<number>): CMat {
  checkTheta(ansatz, theta, 'unitaryOf');
  let u = ansatz.unitaries[0];
  for (let l = 1; l <= ansatz.p; l++) {
    u = matmul(expmHermitian(ansatz.generators[l - 1], theta[l - 1]), u);
    u = matmul(ansatz.unitaries[l], u);
  }
  return u;
}

/**
 * H_l of Lemma 3.1: H_l = U_0^dag U_{1:l-1}^dag H^(l) U_{1:l-1} U_0, with
 * U_{1:r} = U_r e^{-i theta_r H^(r)} ... U_1 e^{-i theta_1 H^(1)}. Returns [H_1, ..., H_p].
 */
export function layerGenerators(ansatz: Ansatz, theta: ArrayLike<number>): CMat[] {
  checkTheta(ansatz, theta, 'layerGenerators');
  const out: CMat[] = [];
  let b = ansatz.unitaries[0]; // B_l = U_{1:l-1} U_0
  for (let l = 1; l <= ansatz.p; l++) {
    const h = ansatz.generators[l - 1];
    out.push(matmul(adjoint(b), matmul(h, b)));
    b = matmul(ansatz.unitaries[l], matmul(expmHermitian(h, theta[l - 1]), b));
  }
  return out;
}

/**
 * Definition 2.1 rewritten as Line (1): the periodic ansatz equals the ansatz with
 * U'_0 = ... = U'_{p-1} = I, U'_p = U_p ... U_0 and H'^(l) = V_l H V_l^dag, V_l = (U_{l-1} ... U_0)^dag.
 */
export function periodicAsLine(ansatz: Ansatz): Ansatz {
  const h = ansatz.periodicGenerator;
  if (!h) throw new QnnInputError('periodicAsLine', 'ansatz', 'must be periodic (Definition 2.1)');
  const d = ansatz.d;
  let q = ansatz.unitaries[0]; // Q_l = U_{l-1} ... U_0
  const gens: CMat[] = [];
  for (let l = 1; l <= ansatz.p; l++) {
    gens.push(matmul(adjoint(q), matmul(h, q)));
    q = matmul(ansatz.unitaries[l], q);
  }
  const us: CMat[] = Array.from({ length: ansatz.p }, () => identity(d));
  us.push(q);
  return { d, p: ansatz.p, unitaries: us, generators: gens };
}
