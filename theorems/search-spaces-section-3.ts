/**
 * Decoders and encoders for the search spaces of section 3's claims (lemma-3.1/psd, the free-M kernel-regression
 * claims, labels-outside-range) and of the integrator's error-control claim. They extend theorems/search-spaces.ts
 * (which stays as it is) by the inverse of measurementFrom for generic spectra, so a run with a generic M0 can also
 * start the search exactly at its own instance.
 */
import { type CMat, zeros } from '../src/linalg/cmatrix.ts';
import { eigh, eigvalsh } from '../src/linalg/eigh.ts';
import { makeInstance, type QnnInstance } from '../src/model/instance.ts';
import { hermitianEntries, integerInverse, intervalInverse, type Reader, unitaryGenerator } from '../src/search/decode.ts';
import { labelsFrom, measurementFrom, qnnFrom, type QnnShape, statesFrom } from './search-spaces.ts';
import type { LabelsKind, MeasKind, StatesKind } from './section-2-3-common.ts';

/** Range of a generic spectrum in measurementFrom (and buildMeasurement: 3 u - 1.5). */
export const GENERIC_SPECTRUM: readonly [number, number] = [-1.5, 1.5];

/**
 * The reals that measurementFrom(r, d, 'generic') reads back as M0 (up to rounding): the ascending eigenvalues through
 * intervalInverse, then the generator of the eigenvector matrix. Undefined when an eigenvalue is outside GENERIC_SPECTRUM.
 */
export function encodeGenericMeasurement(M0: CMat): number[] | undefined {
  const { values, vectors } = eigh(M0);
  const [lo, hi] = GENERIC_SPECTRUM;
  if (values.some((v) => !(v >= lo && v <= hi))) return undefined;
  return [...Array.from(values, (v) => intervalInverse(v, lo, hi)), ...hermitianEntries(unitaryGenerator(vectors))];
}

/**
 * The reals that measurementFrom(r, d, kind) reads back as M0, for every kind: multiplicities of the +-1 (or +1, 0, -1)
 * spectrum through integerInverse, then the generator of an eigenbasis ordered +1, -1, 0 (as encodeQnn encodes M0, which
 * leaves out generic spectra and 'pi0' at d = 2).
 * Undefined when the spectrum is not of the kind.
 */
export function encodeMeasurement(M0: CMat, kind: MeasKind): number[] | undefined {
  if (kind === 'generic') return encodeGenericMeasurement(M0);
  const d = M0.rows;
  const { values, vectors } = eigh(M0);
  const near = (v: number, t: number) => Math.abs(v - t) <= 1e-8;
  const plus: number[] = [], minus: number[] = [], zero: number[] = [];
  values.forEach((v, k) => (near(v, 1) ? plus : near(v, -1) ? minus : near(v, 0) ? zero : undefined)?.push(k));
  if (plus.length + minus.length + zero.length !== d) return undefined;
  const x: number[] = [];
  if (kind === 'pi0' && d === 2) {
    if (plus.length !== 1 || zero.length !== 1) return undefined; // measurementFrom's {+1, 0} (no reals for the multiplicities)
  } else if (kind === 'pi0') {
    if (!zero.length || !plus.length || !minus.length) return undefined;
    x.push(integerInverse(zero.length, 1, d - 2), integerInverse(plus.length, 1, d - zero.length - 1));
  } else if (kind === 'pm1-random' || d % 2 === 1) {
    if (zero.length || !plus.length || !minus.length) return undefined;
    x.push(integerInverse(plus.length, 1, d - 1));
  } else if (zero.length || plus.length !== d / 2) return undefined;
  const W = zeros(d, d);
  [...plus, ...minus, ...zero].forEach((k, c) => {
    for (let i = 0; i < d; i++) { W.re[i * d + c] = vectors.re[i * d + k]; W.im[i * d + c] = vectors.im[i * d + k]; }
  });
  x.push(...hermitianEntries(unitaryGenerator(W)));
  return x;
}

/** Like encodeQnn (the layout of qnnFrom), also for generic spectra and for the {+1, 0} spectrum of 'pi0' at d = 2. */
export function encodeQnnAny(inst: QnnInstance, theta: ArrayLike<number>, s: QnnShape): Float64Array | undefined {
  const a = inst.ansatz, d = s.d;
  if (a.d !== d || a.p !== s.p || inst.states.rows !== s.m || theta.length !== s.p) return undefined;
  if ((a.periodicGenerator !== undefined) !== (s.ansatz === 'periodic')) return undefined;
  const meas = encodeMeasurement(inst.M0, s.meas);
  if (!meas) return undefined;
  const x: number[] = [];
  for (const u of a.unitaries) x.push(...hermitianEntries(unitaryGenerator(u)));
  for (const h of s.ansatz === 'periodic' ? [a.periodicGenerator!] : a.generators) x.push(...hermitianEntries(h));
  x.push(...meas);
  x.push(...encodeStates(inst.states));
  const labels = encodeLabels(inst.labels, s.labels);
  if (!labels) return undefined;
  x.push(...labels);
  for (let l = 0; l < s.p; l++) x.push(theta[l]);
  return Float64Array.from(x);
}

/** The reals statesFrom / orthonormalStates read back as these rows (unit rows are read as they are). */
export function encodeStates(states: CMat): number[] {
  const x: number[] = [];
  for (let j = 0; j < states.rows; j++) for (let i = 0; i < states.cols; i++) x.push(states.re[j * states.cols + i], states.im[j * states.cols + i]);
  return x;
}

/** The reals labelsFrom(r, m, kind) reads back as these labels (undefined for a label that is not +-1 under 'pm1'). */
export function encodeLabels(labels: ArrayLike<number>, kind: LabelsKind): number[] | undefined {
  const x: number[] = [];
  for (let j = 0; j < labels.length; j++) {
    const y = labels[j];
    if (kind === 'real') x.push(y / 2);
    else if (y === 1 || y === -1) x.push((y * Math.PI) / 2);
    else return undefined;
  }
  return x;
}

/** A free-M (kernel regression) instance of section 3: M0, pure states, labels; eta is fixed by the run. */
export interface FreeInstance { M0: CMat; states: CMat; labels: Float64Array }

export interface FreeShape { d: number; m: number; meas: MeasKind; states: StatesKind; labels: LabelsKind }

/** M0 of the given kind, m pure states (orthonormal or not), labels: in this order (the free-M claims' spaces). */
export function freeFrom(r: Reader, s: FreeShape): FreeInstance {
  const M0 = measurementFrom(r, s.d, s.meas);
  const states = statesFrom(r, s.m, s.d, s.states);
  const labels = labelsFrom(r, s.m, s.labels);
  return { M0, states, labels };
}

/** The x freeFrom(r, s) decodes back to f (up to rounding), or undefined when f has not the shape s. */
export function encodeFree(f: FreeInstance, s: FreeShape): Float64Array | undefined {
  if (f.M0.rows !== s.d || f.states.rows !== s.m || f.states.cols !== s.d || f.labels.length !== s.m) return undefined;
  const meas = encodeMeasurement(f.M0, s.meas);
  const labels = encodeLabels(f.labels, s.labels);
  if (!meas || !labels) return undefined;
  return Float64Array.from([...meas, ...encodeStates(f.states), ...labels]);
}

/** How far beyond the spectrum of M0 the labels of labels-outside-range lie. */
export const OUTSIDE_GAP: readonly [number, number] = [0.2, 1];

/**
 * A QNN instance of labels-outside-range: qnnFrom with orthonormal states and labels +-1 (the side of the range), then one
 * real per label for its distance 0.2..1 beyond that end of the spectrum of M0 (so every label lies outside by construction).
 */
export function outsideFrom(r: Reader, s: Omit<QnnShape, 'states' | 'labels'>): { inst: QnnInstance; theta: Float64Array } {
  const { inst, theta } = qnnFrom(r, { ...s, states: 'orthonormal', labels: 'pm1' });
  const ev = eigvalsh(inst.M0);
  const lo = ev[0], hi = ev[s.d - 1];
  const labels = Float64Array.from(inst.labels, (side) => {
    const gap = r.interval(OUTSIDE_GAP[0], OUTSIDE_GAP[1]);
    return side > 0 ? hi + gap : lo - gap;
  });
  return { inst: makeInstance(inst.ansatz, inst.M0, inst.states, labels, { orthogonal: true }), theta };
}

/** The x that outsideFrom(r, s) decodes back to (inst, theta), up to rounding. */
export function encodeOutside(inst: QnnInstance, theta: Float64Array, s: Omit<QnnShape, 'states' | 'labels'>): Float64Array | undefined {
  const ev = eigvalsh(inst.M0);
  const lo = ev[0], hi = ev[s.d - 1];
  const sides = Float64Array.from(inst.labels, (y) => (y > hi ? 1 : -1));
  const gaps = Array.from(inst.labels, (y) => intervalInverse(y > hi ? y - hi : lo - y, OUTSIDE_GAP[0], OUTSIDE_GAP[1]));
  const base = encodeQnnAny(makeInstance(inst.ansatz, inst.M0, inst.states, sides, { orthogonal: true }), theta, { ...s, states: 'orthonormal', labels: 'pm1' });
  return base ? Float64Array.from([...base, ...gaps]) : undefined;
}
