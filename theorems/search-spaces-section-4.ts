/**
 * Search spaces of section 4's inequalities (theorem 4.2's rates along QNN flows, the Lemma C.1 bound at theorem 4.4's
 * global minima). Each decodes any real vector into an instance satisfying the claim's hypotheses by construction; the
 * discrete choices (d, m, p, horizon, labels) come from the random run, and so does whatever the note says is fixed.
 *
 * Flows are expensive (theorem-4.2/eq-9 integrates p = 1024 parameters), so these spaces decode the run's own instance
 * (the x that `encode` returns) to exactly that instance, whose trace the random phase has usually cached (rateTrace keeps
 * the last 32): the first evaluation of each start then costs nothing.
 */
import type { CheckOutcome, SearchSpace } from '../src/claims/types.ts';
import { type CMat, zeros } from '../src/linalg/cmatrix.ts';
import { periodicAnsatz } from '../src/model/ansatz.ts';
import { compile } from '../src/model/compiled.ts';
import { makeInstance } from '../src/model/instance.ts';
import { zFactor } from '../src/model/kernels.ts';
import { pmOneMeasurement } from '../src/model/measurement.ts';
import { makeRng } from '../src/random/rng.ts';
import { hermitianEntries, intervalInverse, Reader } from '../src/search/decode.ts';
import { encodePeriodic, periodicFrom } from './search-spaces.ts';
import { buildPeriodic, type PeriodicQnn } from './section-4-b-common.ts';
import { rateTrace, type RateParams, rateTraceOf, type RateTrace } from './theorem-4.2-eq9.ts';
import { assembleMinimum, buildGlobalMinimum, type GlobalMinimum, negativeGramRoot } from './theorem-4.4-minimum.ts';
import type { MinimumParams } from './theorem-4.4.ts';

/** A small memo of values per key (first in, first out). */
function memo<T>(size: number): (key: string, make: () => T) => T {
  const cache = new Map<string, T>();
  return (key, make) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const v = make();
    if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    cache.set(key, v);
    return v;
  };
}

function sameVector(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Theorem 4.2: periodic QNN flows.

/** A decoded flow instance; `own` when x is the run's own encoding (its trace is rateTrace(own), computed by the random phase). */
export interface FlowInstance { q: PeriodicQnn; own?: RateParams }

const runKey = ({ seed, d, m, p, gamma }: RateParams) => JSON.stringify([seed, d, m, p, gamma]);
const runMemo = memo<PeriodicQnn>(4);
const encodedMemo = memo<Float64Array>(8);

/** The random run's instance: appendix-D H, theta(0) = 0, drawn from the run's seed exactly as rateTrace draws it. */
export function runInstance(params: RateParams): PeriodicQnn {
  const { seed, d, m, p, gamma } = params;
  return runMemo(runKey(params), () => buildPeriodic(makeRng(seed), { d, m, p, gamma, gen: 'appendix-d', theta0: 'zero' }));
}

const flowTrace = (inst: FlowInstance, params: RateParams, rtol: number, nOut: number): RateTrace =>
  inst.own ? rateTrace(inst.own, rtol, nOut) : rateTraceOf(inst.q, params.horizon / params.gamma ** 2, rtol, nOut);

/**
 * The whole periodic instance of Definition 2.1 (periodicFrom: p + 1 gates exp(-i G), any non-zero traceless H, m orthonormal states,
 * labels +-1, theta(0)), with d, m, p, gamma (M0 = gamma diag(+-1)) and the horizon of the run; eta = m/(p Z(H)).
 */
export function periodicFlowSpace(o: { assess: (tr: RateTrace) => CheckOutcome; rtol: number; nOut: number; note: string; evaluations: SearchSpace['evaluations'] }): SearchSpace<RateParams, FlowInstance> {
  const encode = (params: RateParams) => encodedMemo(`full:${runKey(params)}`, () => encodePeriodic(runInstance(params), params)!);
  return {
    dimension: ({ d, m, p }) => (p + 2) * d * d + 2 * m * d + m + p,
    decode: (x, params) => (sameVector(x, encode(params)) ? { q: runInstance(params), own: params } : { q: periodicFrom(new Reader(x), params) }),
    assess: (inst, params) => o.assess(flowTrace(inst, params, o.rtol, o.nOut)),
    evaluations: o.evaluations,
    note: o.note,
    encode,
    qnn: ({ q }) => ({ inst: q.inst, theta: q.theta0 }),
  };
}

/**
 * A reduced periodic space for p too large to search the gates: the p + 1 gates, the labels, theta(0) = 0 and M0 = gamma diag(+-1) of
 * the run (drawn from its seed); x gives the generator H (any non-zero traceless Hermitian, d^2 reals; eta = m/(p Z(H)) follows)
 * and the m orthonormal states (2 m d reals).
 */
export function generatorStatesSpace(o: { assess: (tr: RateTrace) => CheckOutcome; rtol: number; nOut: number; note: string; evaluations: SearchSpace['evaluations'] }): SearchSpace<RateParams, FlowInstance> {
  const encode = (params: RateParams) =>
    encodedMemo(`hs:${runKey(params)}`, () => {
      const q = runInstance(params), d = params.d, s = q.inst.states;
      const x = hermitianEntries(q.H);
      for (let j = 0; j < params.m; j++) for (let i = 0; i < d; i++) x.push(s.re[j * d + i], s.im[j * d + i]);
      return Float64Array.from(x);
    });
  return {
    dimension: ({ d, m }) => d * d + 2 * m * d,
    decode: (x, params) => {
      const base = runInstance(params);
      if (sameVector(x, encode(params))) return { q: base, own: params };
      const r = new Reader(x);
      const { d, m, p, gamma } = params;
      const H = r.generator(d);
      const states = r.orthonormalStates(m, d);
      const inst = makeInstance(periodicAnsatz(base.inst.ansatz.unitaries, H), pmOneMeasurement(d, gamma), states, base.inst.labels, { orthogonal: true, gamma });
      const z = zFactor(H);
      return { q: { inst, theta0: base.theta0, H, z, eta: m / (p * z), c: compile(inst) } };
    },
    assess: (inst, params) => o.assess(flowTrace(inst, params, o.rtol, o.nOut)),
    evaluations: o.evaluations,
    note: o.note,
    encode,
    qnn: ({ q }) => ({ inst: q.inst, theta: q.theta0 }),
  };
}

// ---------------------------------------------------------------------------------------------
// Theorem 4.4: global minima of the asymptotic dynamics.

/** The range of gamma that the claim draws (and the space searches). */
export const MINIMUM_GAMMA: readonly [number, number] = [1.5, 8];
/**
 * Smallest eigenvalue of N = I - P that a decoded minimum keeps: w_j = sum_k (N^{1/2})_kj q_k has rounding error ~ EPS/sqrt(lambda_min(N)),
 * 1e-13 at 1e-6, inside the construction's tolerance 256 EPS d (>= 1.8e-12 at d = 32).
 */
export const N_MIN = 1e-6;

const minimumMemo = memo<GlobalMinimum>(8);
const runMinimum = (p: MinimumParams) => minimumMemo(JSON.stringify([p.seed, p.d, p.m, p.gamma, p.rotate]), () => buildGlobalMinimum(makeRng(p.seed), p));

/** m orthonormal vectors of C^h orthogonal to the rows of a (Gram-Schmidt of a's rows, then of e_1, e_2, ...; needs h >= 2m). */
function complementRows(a: CMat, h: number): CMat {
  const m = a.rows;
  const basis: { re: Float64Array; im: Float64Array }[] = [];
  const out = zeros(m, h);
  let found = 0;
  for (let k = 0; k < m + h && found < m; k++) {
    const re = new Float64Array(h), im = new Float64Array(h);
    if (k < m) { re.set(a.re.subarray(k * h, (k + 1) * h)); im.set(a.im.subarray(k * h, (k + 1) * h)); } else re[k - m] = 1;
    for (const b of basis) {
      let cr = 0, ci = 0; // <b, v>
      for (let i = 0; i < h; i++) { cr += b.re[i] * re[i] + b.im[i] * im[i]; ci += b.re[i] * im[i] - b.im[i] * re[i]; }
      for (let i = 0; i < h; i++) { re[i] -= cr * b.re[i] - ci * b.im[i]; im[i] -= cr * b.im[i] + ci * b.re[i]; }
    }
    let n2 = 0;
    for (let i = 0; i < h; i++) n2 += re[i] ** 2 + im[i] ** 2;
    if (!(n2 > 1e-6)) continue;
    const n = Math.sqrt(n2);
    for (let i = 0; i < h; i++) { re[i] /= n; im[i] /= n; }
    basis.push({ re, im });
    if (k >= m) { out.re.set(re, found * h); out.im.set(im, found * h); found++; }
  }
  return out;
}

/** Rows sqrt(t) a_j + sqrt(1 - t) f_j: unit vectors with Gram matrix t G + (1 - t) I when the f_j are orthonormal and orthogonal to the a_j. */
function blend(a: CMat, f: CMat, t: number): CMat {
  const out = zeros(a.rows, a.cols), s = Math.sqrt(t), r = Math.sqrt(1 - t);
  for (let i = 0; i < a.re.length; i++) { out.re[i] = s * a.re[i] + r * f.re[i]; out.im[i] = s * a.im[i] + r * f.im[i]; }
  return out;
}

/**
 * The directions uhat_j (m unit vectors of the positive subspace, 2 m (d/2) reals) and gamma in MINIMUM_GAMMA (one real) from x; the
 * labels, the orthonormal family q_k of the negative subspace and the eigenbasis of M (diagonal or the run's rotation) from the run's
 * seed. A global minimum exists only when N = I - P is positive definite; where the decoded uhat_j give lambda_min(N) <= N_MIN, their
 * Gram matrix G is pulled towards I (uhat_j -> sqrt(t) uhat_j + sqrt(1 - t) f_j, f_j orthonormal and orthogonal to all uhat_j, so
 * G -> t G + (1 - t) I) with the largest t (bisection) that keeps lambda_min(N) > N_MIN: every x decodes to a global minimum.
 */
export function decodeMinimum(r: Reader, params: MinimumParams): GlobalMinimum {
  const { d, m } = params, h = d / 2;
  const gamma = r.interval(MINIMUM_GAMMA[0], MINIMUM_GAMMA[1]);
  const uhat = zeros(m, h);
  for (let j = 0; j < m; j++) {
    const v = r.state(h);
    uhat.re.set(v.re, j * h);
    uhat.im.set(v.im, j * h);
  }
  const run = runMinimum(params);
  let dirs = uhat;
  let S = negativeGramRoot(uhat, run.labels, gamma, N_MIN);
  if (!S) {
    const f = complementRows(uhat, h);
    let lo = 0, hi = 1; // t = 0: G = I, lambda_min(N) = (1 - 1/gamma)/2 > N_MIN
    for (let k = 0; k < 50; k++) {
      const t = (lo + hi) / 2;
      if (negativeGramRoot(blend(uhat, f, t), run.labels, gamma, N_MIN)) lo = t;
      else hi = t;
    }
    dirs = blend(uhat, f, lo);
    S = negativeGramRoot(dirs, run.labels, gamma, N_MIN)!;
  }
  return assembleMinimum(dirs, run.q, S, { d, gamma, labels: run.labels, rotation: run.rotation, tries: 1 });
}

/** The x that decodeMinimum reads back as the run's own minimum: gamma, then the uhat_j (re, im interleaved). */
export function encodeMinimum(params: MinimumParams): Float64Array {
  const gm = runMinimum(params);
  const x = [intervalInverse(gm.gamma, MINIMUM_GAMMA[0], MINIMUM_GAMMA[1])];
  for (let i = 0; i < gm.uhat.re.length; i++) x.push(gm.uhat.re[i], gm.uhat.im[i]);
  return Float64Array.from(x);
}

export function globalMinimumSpace(o: {
  assess: (gm: GlobalMinimum) => CheckOutcome; note: string; knownSupremum?: SearchSpace['knownSupremum']; evaluations?: SearchSpace['evaluations'];
}): SearchSpace<MinimumParams, GlobalMinimum> {
  return {
    dimension: ({ d, m }) => 1 + m * d,
    decode: (x, params) => decodeMinimum(new Reader(x), params),
    assess: (gm) => o.assess(gm),
    evaluations: o.evaluations,
    note: o.note,
    knownSupremum: o.knownSupremum,
    encode: (params) => (params.gamma >= MINIMUM_GAMMA[0] && params.gamma <= MINIMUM_GAMMA[1] ? encodeMinimum(params) : undefined),
  };
}
