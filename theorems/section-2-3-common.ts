/**
 * Shared builders and tolerance helpers of the section-2-3 group (definition 2.1, lemma 3.1,
 * section 3, theorem 3.2 / appendix A). Every instance is BUILT from makeRng(seed) and a few
 * integer/string parameters, so each counterexample replays from its params.
 */
import fc from 'fast-check';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import {
  add, adjoint, CMat, CVec, cvec, fromArrays, hermitianPart, identity, matmul, matvec, scale, sub, vecNorm, zeros,
} from '../src/linalg/cmatrix.ts';
import { expmHermitian } from '../src/linalg/expm.ts';
import { opNormHermitian } from '../src/linalg/norms.ts';
import { type Ansatz, lineAnsatz, periodicAnsatz } from '../src/model/ansatz.ts';
import { makeInstance, type QnnInstance } from '../src/model/instance.ts';
import { pmOneMeasurement } from '../src/model/measurement.ts';
import type { Rng } from '../src/random/rng.ts';
import {
  haarSpecialUnitary, haarState, haarUnitary, orthonormalStates, randomHermitianWithSpectrum, randomTracelessHermitian,
} from '../src/random/ensembles.ts';

export const seedArb = (): fc.Arbitrary<number> => fc.integer({ min: 0, max: 2 ** 31 - 1 });

/**
 * Measurements: 'pm1' = diag(+1 x d/2, -1 x d/2) (pmOneMeasurement; for odd d as 'pm1-random'); 'pm1-random' = random
 * eigenbasis, k eigenvalues +1 and d - k eigenvalues -1 (1 <= k <= d - 1); 'generic' = random
 * eigenbasis, eigenvalues uniform in [-1.5, 1.5]; 'pi0' = Pi_+ - Pi_- with Pi_0 != 0 (for d >= 3
 * each of +1, -1, 0 occurs; for d = 2 the spectrum is {+1, 0}).
 */
export type MeasKind = 'pm1' | 'pm1-random' | 'generic' | 'pi0';

export function buildMeasurement(rng: Rng, d: number, kind: MeasKind): CMat {
  if (kind === 'pm1' && d % 2 === 0) return pmOneMeasurement(d, 1);
  const spec = new Float64Array(d);
  if (kind === 'pm1-random' || kind === 'pm1') {
    const k = 1 + Math.floor(rng.uniform() * (d - 1));
    for (let i = 0; i < d; i++) spec[i] = i < k ? 1 : -1;
  } else if (kind === 'generic') {
    for (let i = 0; i < d; i++) spec[i] = 3 * rng.uniform() - 1.5;
  } else {
    // d >= 3: n0 >= 1 zeros, n+ >= 1, n- >= 1; d = 2: spectrum {+1, 0} (Pi_- = 0).
    const n0 = d >= 3 ? 1 + Math.floor(rng.uniform() * (d - 2)) : 1;
    const rest = d - n0;
    const nPlus = d >= 3 ? 1 + Math.floor(rng.uniform() * (rest - 1)) : 1;
    for (let i = 0; i < d; i++) spec[i] = i < nPlus ? 1 : i < rest ? -1 : 0;
  }
  return randomHermitianWithSpectrum(rng, spec);
}

export type AnsatzKind = 'line' | 'periodic';

/** Line (1) with independent traceless GUE generators, or Definition 2.1 with one H; Haar SU(d) gates. */
export function buildAnsatz(rng: Rng, d: number, p: number, kind: AnsatzKind): Ansatz {
  const unitaries = Array.from({ length: p + 1 }, () => haarSpecialUnitary(rng, d));
  if (kind === 'periodic') return periodicAnsatz(unitaries, randomTracelessHermitian(rng, d));
  return lineAnsatz(unitaries, Array.from({ length: p }, () => randomTracelessHermitian(rng, d)));
}

export type StatesKind = 'orthonormal' | 'haar';

export function buildStates(rng: Rng, m: number, d: number, kind: StatesKind): CMat {
  if (kind === 'orthonormal') return orthonormalStates(rng, m, d);
  const s = zeros(m, d);
  for (let j = 0; j < m; j++) {
    const v = haarState(rng, d);
    s.re.set(v.re, j * d);
    s.im.set(v.im, j * d);
  }
  return s;
}

export type LabelsKind = 'pm1' | 'real';

export function buildLabels(rng: Rng, m: number, kind: LabelsKind): Float64Array {
  return Float64Array.from({ length: m }, () => (kind === 'pm1' ? (rng.uniform() < 0.5 ? 1 : -1) : 2 * rng.normal()));
}

export interface InstanceSpec {
  d: number;
  m: number;
  p: number;
  ansatz: AnsatzKind;
  meas: MeasKind;
  states: StatesKind;
  labels: LabelsKind;
}

/** A QNN instance and a random theta in [0, 2 pi)^p. */
export function buildInstance(rng: Rng, s: InstanceSpec): { inst: QnnInstance; theta: Float64Array } {
  const ansatz = buildAnsatz(rng, s.d, s.p, s.ansatz);
  const M0 = buildMeasurement(rng, s.d, s.meas);
  const states = buildStates(rng, s.m, s.d, s.states);
  const labels = buildLabels(rng, s.m, s.labels);
  const theta = Float64Array.from({ length: s.p }, () => 2 * Math.PI * rng.uniform());
  return { inst: makeInstance(ansatz, M0, states, labels, { orthogonal: s.states === 'orthonormal' }), theta };
}

/**
 * The case where theorem 3.2 is (asymptotically) tight: d = 2, p = 1, U_0 = U_1 = I,
 * M0 = W Z W^dag, H^(1) = s W (cos phi X + sin phi Y) W^dag and the Bloch vector of W^dag v
 * orthogonal to the rotation axis, so theta moves v on a great circle through the eigenstates.
 * With zeroDims > 0 the qubit is embedded in d = 2 + zeroDims dimensions, M0 = W (Z (+) 0) W^dag
 * (a Pi_0 of rank zeroDims), H^(1) = W (h (+) 0) W^dag, v = W (v_2, 0): the same dynamics with Pi_0 != 0.
 */
export function tightQubitInstance(rng: Rng, m: number, zeroDims = 0): { inst: QnnInstance; theta: Float64Array } {
  const d = 2 + zeroDims;
  const W = haarUnitary(rng, d);
  const Wd = adjoint(W);
  const embed = (a: CMat): CMat => {
    const out = zeros(d, d);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) {
      out.re[i * d + j] = a.re[i * 2 + j];
      out.im[i * d + j] = a.im[i * 2 + j];
    }
    return out;
  };
  const conj = (a: CMat): CMat => hermitianPart(matmul(W, matmul(embed(a), Wd)));
  const phi = 2 * Math.PI * rng.uniform();
  const sH = 0.5 + rng.uniform();
  const X = fromArrays([[0, 1], [1, 0]]), Y = fromArrays([[0, 0], [0, 0]], [[0, -1], [1, 0]]), Z = fromArrays([[1, 0], [0, -1]]);
  const H = conj(scale(add(scale(X, Math.cos(phi)), scale(Y, Math.sin(phi))), sH));
  const states = zeros(m, d);
  const labels = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    // (cos a, e^{i psi} sin a) has Bloch vector (sin 2a cos psi, sin 2a sin psi, cos 2a); psi = phi + pi/2 is orthogonal to the axis.
    const a = Math.PI * rng.uniform(), psi = phi + Math.PI / 2;
    const v: CVec = cvec(d);
    v.re[0] = Math.cos(a);
    v.re[1] = Math.sin(a) * Math.cos(psi);
    v.im[1] = Math.sin(a) * Math.sin(psi);
    const wv = matvec(W, v);
    states.re.set(wv.re, d * j);
    states.im.set(wv.im, d * j);
    labels[j] = rng.uniform() < 0.5 ? 1 : -1;
  }
  const ansatz = lineAnsatz([identity(d), identity(d)], [H]);
  return { inst: makeInstance(ansatz, conj(Z), states, labels), theta: new Float64Array(1) };
}

/** U_{1:r}(theta) = U_r e^{-i theta_r H^(r)} ... U_1 e^{-i theta_1 H^(1)} for r = 0..p (U_{1:0} = I), Lemma 3.1. */
export function partialProducts(ansatz: Ansatz, theta: ArrayLike<number>): CMat[] {
  const out: CMat[] = [identity(ansatz.d)];
  for (let r = 1; r <= ansatz.p; r++) {
    out.push(matmul(ansatz.unitaries[r], matmul(expmHermitian(ansatz.generators[r - 1], theta[r - 1]), out[r - 1])));
  }
  return out;
}

/** Sum over l of ||H^(l)||_op^2 (the constant of theorem 3.2). */
export function sumOpNormSq(ansatz: Ansatz): number {
  const cache = new Map<CMat, number>();
  let s = 0;
  for (const h of ansatz.generators) {
    let n = cache.get(h);
    if (n === undefined) cache.set(h, (n = opNormHermitian(h)));
    s += n * n;
  }
  return s;
}

/** Projectors of M with eigenvalues in {+1, 0, -1}: Pi_+ = (M^2 + M)/2, Pi_- = (M^2 - M)/2, Pi_0 = I - M^2. */
export function projectors(M: CMat): { plus: CMat; minus: CMat; zero: CMat } {
  const M2 = matmul(M, M);
  return { plus: scale(add(M2, M), 0.5), minus: scale(sub(M2, M), 0.5), zero: sub(identity(M.rows), M2) };
}

export function norm2(v: CVec): number {
  return vecNorm(v) ** 2;
}

export { allOf, identityOutcome, inequalityOutcome, nonFinite } from '../src/claims/outcomes.ts';

/**
 * Central finite difference (f(x + h) - f(x - h)) / 2h: truncation and the FD rounding term from
 * TOLERANCES.finiteDifference (with `third` a bound on the third derivative along the direction),
 * plus the rounding of the two computed values (TOLERANCES.identity at their scale, chain depth
 * `depth`) amplified by 1/h.
 */
export function fdTolerance(h: number, third: number, valueScale: number, d: number, depth: number): number {
  return TOLERANCES.finiteDifference(h, Math.max(third, valueScale)) + TOLERANCES.identity(valueScale, d, depth) / h;
}

/** Step of the central differences: ~ EPS^(1/3) balances h^2 truncation against EPS/h rounding. */
export const FD_STEP = 1e-5;

/** Bound on the k-th derivative of U^dag(theta + s delta) M0 U(theta + s delta) in s: (2 sum_l |delta_l| ||H^(l)||)^k ||M0||. */
export function derivativeBound(ansatzNorms: ArrayLike<number>, delta: ArrayLike<number>, m0Norm: number, k: number): number {
  let b = 0;
  for (let l = 0; l < delta.length; l++) b += Math.abs(delta[l]) * ansatzNorms[l];
  return (2 * b) ** k * m0Norm;
}

export function generatorNorms(ansatz: Ansatz): Float64Array {
  return Float64Array.from(ansatz.generators, (h) => opNormHermitian(h));
}

/** Coordinate vector e_l scaled by s. */
export function unitVector(p: number, l: number, s = 1): Float64Array {
  const e = new Float64Array(p);
  e[l] = s;
  return e;
}

export function axpy(theta: ArrayLike<number>, dir: ArrayLike<number>, s: number): Float64Array {
  return Float64Array.from(theta, (x, i) => x + s * dir[i]);
}
