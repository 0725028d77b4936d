/**
 * Decoders of QNN instances for the claims' targeted search (src/search/): the discrete choices (d, m, p,
 * ansatz and measurement kind, states kind) are fixed, everything continuous comes from the real vector:
 * the fixed unitaries as exp(-i G) of Hermitian G, the traceless generators, the eigenbasis of M0 (its +-1 or
 * {+1, 0, -1} multiplicities from one real each), pure states (orthonormalised where the claim assumes it),
 * labels +-1 from the sign of one real each (or real labels directly), theta directly.
 */
import { adjoint, type CMat, matmul, zeros } from '../src/linalg/cmatrix.ts';
import { lineAnsatz, periodicAnsatz } from '../src/model/ansatz.ts';
import { makeInstance, type QnnInstance } from '../src/model/instance.ts';
import { defineSpace, hermitianEntries, integerInverse, type Reader, unitaryGenerator } from '../src/search/decode.ts';
import type { CheckOutcome, InstanceParams, SearchSpace } from '../src/claims/types.ts';
import { eigh } from '../src/linalg/eigh.ts';
import type { AnsatzKind, LabelsKind, MeasKind, StatesKind } from './section-2-3-common.ts';
import type { PeriodicQnn } from './section-4-b-common.ts';
import { compile } from '../src/model/compiled.ts';
import { zFactor } from '../src/model/kernels.ts';
import { pmOneMeasurement } from '../src/model/measurement.ts';

export interface QnnShape {
  d: number; m: number; p: number;
  ansatz: AnsatzKind; meas: MeasKind; states: StatesKind; labels: LabelsKind;
}

/** M0 = W diag(spectrum) W^dag (Hermitian by construction; only the upper triangle is computed and mirrored). */
export function measurementFrom(r: Reader, d: number, kind: MeasKind): CMat {
  const spec = new Float64Array(d);
  if (kind === 'generic') {
    for (let i = 0; i < d; i++) spec[i] = r.interval(-1.5, 1.5);
  } else if (kind === 'pi0') {
    // as buildMeasurement: d >= 3: n0 >= 1 zeros, n+ >= 1, n- >= 1; d = 2: {+1, 0}
    const n0 = d >= 3 ? r.integer(1, d - 2) : 1;
    const rest = d - n0;
    const nPlus = d >= 3 ? r.integer(1, rest - 1) : 1;
    for (let i = 0; i < d; i++) spec[i] = i < nPlus ? 1 : i < rest ? -1 : 0;
  } else {
    // pm1: both signs present (k = number of +1 in 1..d-1); 'pm1' keeps k = d/2 for even d (trace 0)
    const k = kind === 'pm1' && d % 2 === 0 ? d / 2 : r.integer(1, d - 1);
    for (let i = 0; i < d; i++) spec[i] = i < k ? 1 : -1;
  }
  const W = r.unitary(d);
  const h = zeros(d, d);
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      let re = 0, im = 0;
      for (let k = 0; k < d; k++) {
        const ar = W.re[i * d + k], ai = W.im[i * d + k], br = W.re[j * d + k], bi = W.im[j * d + k];
        re += spec[k] * (ar * br + ai * bi);
        im += spec[k] * (ai * br - ar * bi);
      }
      h.re[i * d + j] = re; h.re[j * d + i] = re;
      if (i !== j) { h.im[i * d + j] = im; h.im[j * d + i] = -im; }
    }
  }
  return h;
}

export function statesFrom(r: Reader, m: number, d: number, kind: StatesKind): CMat {
  if (kind === 'orthonormal') return r.orthonormalStates(m, d);
  const s = zeros(m, d);
  for (let j = 0; j < m; j++) {
    const v = r.state(d);
    s.re.set(v.re, j * d);
    s.im.set(v.im, j * d);
  }
  return s;
}

export function labelsFrom(r: Reader, m: number, kind: LabelsKind): Float64Array {
  return Float64Array.from({ length: m }, () => (kind === 'pm1' ? r.sign() : 2 * r.next()));
}

/** A QNN instance and a parameter point theta of the given shape. */
export function qnnFrom(r: Reader, s: QnnShape): { inst: QnnInstance; theta: Float64Array } {
  const unitaries = Array.from({ length: s.p + 1 }, () => r.unitary(s.d));
  const ansatz = s.ansatz === 'periodic'
    ? periodicAnsatz(unitaries, r.generator(s.d))
    : lineAnsatz(unitaries, Array.from({ length: s.p }, () => r.generator(s.d)));
  const M0 = measurementFrom(r, s.d, s.meas);
  const states = statesFrom(r, s.m, s.d, s.states);
  const labels = labelsFrom(r, s.m, s.labels);
  const theta = Float64Array.from({ length: s.p }, () => r.next());
  return { inst: makeInstance(ansatz, M0, states, labels, { orthogonal: s.states === 'orthonormal' }), theta };
}

/** U^dag A U (used by decoders that conjugate a measurement). */
export function conjugate(a: CMat, u: CMat): CMat {
  return matmul(adjoint(u), matmul(a, u));
}

/**
 * A periodic-ansatz QNN of appendix B (Definition 2.1) from x: p + 1 gates exp(-i G), any non-zero traceless generator H, m
 * orthonormal states, labels +-1 (sign of one real each), theta(0) directly; M0 = gamma diag(+-1) (even d) and eta = m/(p Z) fixed
 * as in buildPeriodic.
 */
export function periodicFrom(r: Reader, s: { d: number; m: number; p: number; gamma: number }): PeriodicQnn {
  const unitaries = Array.from({ length: s.p + 1 }, () => r.unitary(s.d));
  const H = r.generator(s.d);
  const states = r.orthonormalStates(s.m, s.d);
  const labels = labelsFrom(r, s.m, 'pm1');
  const theta0 = Float64Array.from({ length: s.p }, () => r.next());
  const inst = makeInstance(periodicAnsatz(unitaries, H), pmOneMeasurement(s.d, s.gamma), states, labels, { orthogonal: true, gamma: s.gamma });
  const z = zFactor(H);
  return { inst, theta0, H, z, eta: s.m / (s.p * z), c: compile(inst) };
}

/**
 * The x that qnnFrom(r, s) decodes back to (inst, theta), up to rounding, or undefined when the instance does not have
 * the shape s (another p, m, ansatz kind, or an M0 spectrum outside s.meas): gates through their generators, M0 through
 * its multiplicities and an eigenbasis ordered as measurementFrom orders the spectrum, states and theta as they are,
 * labels +-1 as +-pi/2 (real labels as y/2).
 */
export function encodeQnn(inst: QnnInstance, theta: ArrayLike<number>, s: QnnShape): Float64Array | undefined {
  const a = inst.ansatz, d = s.d;
  if (a.d !== d || a.p !== s.p || inst.states.rows !== s.m || theta.length !== s.p) return undefined;
  if ((a.periodicGenerator !== undefined) !== (s.ansatz === 'periodic')) return undefined;
  const x: number[] = [];
  for (const u of a.unitaries) x.push(...hermitianEntries(unitaryGenerator(u)));
  for (const h of s.ansatz === 'periodic' ? [a.periodicGenerator!] : a.generators) x.push(...hermitianEntries(h));
  const { values, vectors } = eigh(inst.M0);
  const near = (v: number, t: number) => Math.abs(v - t) <= 1e-8;
  const plus: number[] = [], minus: number[] = [], zero: number[] = [];
  values.forEach((v, k) => (near(v, 1) ? plus : near(v, -1) ? minus : near(v, 0) ? zero : undefined)?.push(k));
  if (plus.length + minus.length + zero.length !== d) return undefined;
  if (s.meas === 'pi0') {
    if (d < 3 || !zero.length || !plus.length || !minus.length) return undefined;
    x.push(integerInverse(zero.length, 1, d - 2), integerInverse(plus.length, 1, d - zero.length - 1));
  } else if (s.meas === 'pm1-random' || (s.meas === 'pm1' && d % 2 === 1)) {
    if (zero.length || !plus.length || !minus.length) return undefined;
    x.push(integerInverse(plus.length, 1, d - 1));
  } else if (s.meas === 'pm1') {
    if (zero.length || plus.length !== d / 2) return undefined;
  } else return undefined; // generic spectra are not encoded
  const W = zeros(d, d);
  [...plus, ...minus, ...zero].forEach((k, c) => {
    for (let i = 0; i < d; i++) { W.re[i * d + c] = vectors.re[i * d + k]; W.im[i * d + c] = vectors.im[i * d + k]; }
  });
  x.push(...hermitianEntries(unitaryGenerator(W)));
  for (let j = 0; j < s.m; j++) for (let i = 0; i < d; i++) x.push(inst.states.re[j * d + i], inst.states.im[j * d + i]);
  for (const y of inst.labels) {
    if (s.labels === 'real') x.push(y / 2);
    else if (y === 1 || y === -1) x.push((y * Math.PI) / 2);
    else return undefined;
  }
  for (let l = 0; l < s.p; l++) x.push(theta[l]);
  return Float64Array.from(x);
}

/** The x that periodicFrom(r, s) decodes back to q (up to rounding): gates through their generators, H, states, labels, theta(0). */
export function encodePeriodic(q: PeriodicQnn, s: { d: number; m: number; p: number }): Float64Array | undefined {
  const a = q.inst.ansatz, d = s.d;
  if (a.d !== d || a.p !== s.p || q.inst.states.rows !== s.m) return undefined;
  const x: number[] = [];
  for (const u of a.unitaries) x.push(...hermitianEntries(unitaryGenerator(u)));
  x.push(...hermitianEntries(q.H));
  for (let j = 0; j < s.m; j++) for (let i = 0; i < d; i++) x.push(q.inst.states.re[j * d + i], q.inst.states.im[j * d + i]);
  for (const y of q.inst.labels) x.push((y * Math.PI) / 2);
  for (let l = 0; l < s.p; l++) x.push(q.theta0[l]);
  return Float64Array.from(x);
}

/**
 * A search over any two Hermitian d x d matrices A, B (2 d^2 reals), starting exactly at a random run's pair:
 * the space of lemma C.1's bound (99) and of its proof's spectral step (100).
 */
export function hermitianPairSpace<P extends InstanceParams & { d: number }>(
  pairOf: (params: P) => { a: CMat; b: CMat },
  assess: (a: CMat, b: CMat, d: number) => CheckOutcome,
  note: string,
  knownSupremum: SearchSpace<P, { a: CMat; b: CMat }>['knownSupremum'],
) {
  return defineSpace<P, { a: CMat; b: CMat }>({
    decode: (r, { d }) => ({ a: r.hermitian(d), b: r.hermitian(d) }),
    assess: ({ a, b }, { d }) => assess(a, b, d),
    note,
    knownSupremum,
    encode: (params) => {
      const { a, b } = pairOf(params);
      return Float64Array.from([...hermitianEntries(a), ...hermitianEntries(b)]);
    },
  });
}
