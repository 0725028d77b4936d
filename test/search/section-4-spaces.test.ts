/**
 * Covers theorems/search-spaces-section-4.ts, the search spaces of theorem-4.2/gronwall (any periodic instance), theorem-4.2/eq-9
 * (the run's gates, x gives H and the states) and theorem-4.4/lemma-c.1-bound (global minima of the section-4 construction): every x
 * decodes to an instance satisfying the claim's hypotheses, the run's own instance is encoded exactly, the search is deterministic
 * for a seed, and the known supremum of lemma-c.1-bound (proof in its statement) is reached from random starts.
 */
import { describe, expect, it } from 'vitest';
import { TOLERANCES } from '../../src/claims/tolerances.ts';
import { gramRows, identity, maxAbsDiff, trace, zeros } from '../../src/linalg/cmatrix.ts';
import { lambdaMin } from '../../src/linalg/eigh.ts';
import type { AnyClaim } from '../../src/claims/types.ts';
import { predictionsOf } from '../../src/model/qnn.ts';
import { zFactor } from '../../src/model/kernels.ts';
import { makeRng } from '../../src/random/rng.ts';
import { Reader } from '../../src/search/decode.ts';
import { targetedSearch } from '../../src/search/targeted.ts';
import { claimById } from '../../theorems/index.ts';
import { periodicFrom } from '../../theorems/search-spaces.ts';
import { type FlowInstance, generatorStatesSpace, MINIMUM_GAMMA, N_MIN, runInstance } from '../../theorems/search-spaces-section-4.ts';
import type { PeriodicQnn } from '../../theorems/section-4-b-common.ts';
import { gronwallOutcome, RTOL_GRONWALL } from '../../theorems/theorem-4.2-eq9.ts';
import { buildGlobalMinimum, type GlobalMinimum, pauliLikeOf } from '../../theorems/theorem-4.4.ts';
import { C1_BOUND_SUP } from '../../theorems/theorem-4.4-eq118.ts';

const gaussian = (n: number, seed: number) => {
  const rng = makeRng(`section-4-spaces:${seed}`);
  return Float64Array.from({ length: n }, () => rng.normal());
};

/** Unit rows pairwise orthogonal, to rounding of O(d)-term sums. */
function expectOrthonormal(states: { rows: number; cols: number; re: Float64Array; im: Float64Array }) {
  expect(maxAbsDiff(gramRows(states), identity(states.rows))).toBeLessThan(TOLERANCES.spectral(1, states.cols));
}

/** The hypotheses of theorem 4.2 on a periodic instance: non-zero traceless H, orthonormal states, labels +-1, M0 = gamma diag(+-1), eta = m/(pZ). */
function expectPeriodicHypotheses(q: PeriodicQnn, params: { d: number; m: number; p: number; gamma: number }) {
  const { d, m, p, gamma } = params;
  expect(q.inst.ansatz.p).toBe(p);
  expect(q.inst.ansatz.periodicGenerator).toBe(q.H);
  expect(Math.abs(trace(q.H).re)).toBeLessThan(TOLERANCES.spectral(Math.sqrt(zFactor(q.H)) * d, d));
  expect(zFactor(q.H)).toBeGreaterThan(0);
  expectOrthonormal(q.inst.states);
  for (const y of q.inst.labels) expect(Math.abs(y)).toBe(1);
  for (let i = 0; i < d; i++) expect(q.inst.M0.re[i * d + i]).toBe(i < d / 2 ? gamma : -gamma);
  expect(q.eta).toBeCloseTo(m / (p * zFactor(q.H)), 14);
}

describe('theorem-4.2/gronwall: any periodic instance', () => {
  const claim = claimById('theorem-4.2/gronwall')!;
  const space = claim.search!;
  const params = { seed: 11, d: 4, m: 2, p: 64, gamma: 2, horizon: 2 };

  it('counts its dimension as periodicFrom reads it, and every x decodes to an instance of the hypotheses', () => {
    const dry = new Reader(null);
    periodicFrom(dry, params);
    expect(space.dimension(params)).toBe(dry.used);
    for (const s of [1, 2]) expectPeriodicHypotheses((space.decode(gaussian(dry.used, s), params) as FlowInstance).q, params);
  });

  it('decodes its encoding to the run\'s own instance, and periodicFrom reads the same instance back to rounding', () => {
    const x = space.encode!(params)!;
    const own = space.decode(x, params) as FlowInstance;
    expect(own.own).toEqual(params);
    expect(own.q).toBe(runInstance(params));
    const back = periodicFrom(new Reader(x), params);
    const run = runInstance(params);
    run.inst.ansatz.unitaries.forEach((u, l) => expect(maxAbsDiff(back.inst.ansatz.unitaries[l], u)).toBeLessThan(1e-12));
    expect(maxAbsDiff(back.H, run.H)).toBeLessThan(1e-13);
    expect(maxAbsDiff(back.inst.states, run.inst.states)).toBeLessThan(1e-14);
    expect(Array.from(back.inst.labels)).toEqual(Array.from(run.inst.labels));
    expect(Array.from(back.theta0)).toEqual(Array.from(run.theta0));
    // the two routes give the same flow to the integrator's accuracy
    // the inputs differ by rounding (1e-13) and the integrator follows each to rtol = 1e-9
    const a = space.assess(own, params).tightness!, b = space.assess({ q: back }, params).tightness!;
    expect(Math.abs(a - b)).toBeLessThan(1e-6 * a);
  });

  it('is deterministic for a seed', () => {
    const a = targetedSearch(claim, [params], { seed: 3, evaluations: 2 });
    const b = targetedSearch(claim, [params], { seed: 3, evaluations: 2 });
    expect(a.failure).toBeUndefined();
    expect(a.evaluations).toBe(2);
    expect(b.best?.instance).toEqual(a.best?.instance);
    expect(b.best?.outcome.tightness).toBe(a.best?.outcome.tightness);
  });
});

describe('theorem-4.2/eq-9: the run\'s gates, x gives H and the states', () => {
  const claim = claimById('theorem-4.2/eq-9')!;
  const space = claim.search!;
  const params = { seed: 5, d: 6, m: 2, p: 1024, gamma: 2, horizon: 2 };

  it('decodes any x to the run\'s gates, labels and theta(0) = 0 with a non-zero traceless H and orthonormal states', () => {
    expect(space.dimension(params)).toBe(6 * 6 + 2 * 2 * 6);
    const run = runInstance(params);
    for (const s of [1, 2]) {
      const { q, own } = space.decode(gaussian(space.dimension(params), s), params) as FlowInstance;
      expect(own).toBeUndefined();
      expectPeriodicHypotheses(q, params);
      expect(q.inst.ansatz.unitaries).toBe(run.inst.ansatz.unitaries);
      expect(Array.from(q.inst.labels)).toEqual(Array.from(run.inst.labels));
      expect(q.theta0.every((v) => v === 0)).toBe(true);
    }
  });

  it('decodes its encoding to the run\'s own instance; a Reader reads its H and states back to rounding', () => {
    const x = space.encode!(params)!;
    expect((space.decode(x, params) as FlowInstance).own).toEqual(params);
    const r = new Reader(x), run = runInstance(params);
    expect(maxAbsDiff(r.generator(6), run.H)).toBeLessThan(1e-14);
    expect(maxAbsDiff(r.orthonormalStates(2, 6), run.inst.states)).toBeLessThan(1e-14);
  });

  it('is deterministic for a seed (the same space at p = 16, Gronwall\'s check)', () => {
    const small = { ...claim, search: generatorStatesSpace({ assess: gronwallOutcome, rtol: RTOL_GRONWALL, nOut: 5, note: '', evaluations: undefined }) } as AnyClaim;
    const p16 = { ...params, p: 16 };
    const a = targetedSearch(small, [p16], { seed: 3, evaluations: 3 });
    const b = targetedSearch(small, [p16], { seed: 3, evaluations: 3 });
    expect(a.failure).toBeUndefined();
    expect(a.evaluations).toBe(3);
    expect(b.best?.instance).toEqual(a.best?.instance);
    expect(b.best?.outcome.tightness).toBe(a.best?.outcome.tightness);
  });
});

describe('theorem-4.4/lemma-c.1-bound: global minima of the construction', () => {
  const claim = claimById('theorem-4.4/lemma-c.1-bound')!;
  const space = claim.search!;

  /** A global minimum: orthonormal states with predictions tr(rho_j M) equal to the labels (L = 0), gamma in the searched range. */
  function expectGlobalMinimum(gm: GlobalMinimum) {
    expect(gm.gamma).toBeGreaterThanOrEqual(MINIMUM_GAMMA[0]);
    expect(gm.gamma).toBeLessThanOrEqual(MINIMUM_GAMMA[1]);
    expectOrthonormal(gm.states);
    const yhat = predictionsOf(pauliLikeOf(gm).M, gm.states);
    for (let j = 0; j < gm.m; j++) expect(Math.abs(yhat[j] - gm.labels[j])).toBeLessThan(TOLERANCES.spectral(gm.gamma, gm.d));
  }

  it('decodes any x to a global minimum, pulling the directions towards an orthonormal family where none exists with them', () => {
    for (const params of [{ seed: 1, d: 32, m: 2, gamma: 3, rotate: true }, { seed: 2, d: 64, m: 4, gamma: 1.5, rotate: false }]) {
      const n = space.dimension(params);
      for (const s of [1, 2]) expectGlobalMinimum(space.decode(gaussian(n, s), params));
      // all uhat_j equal: G is the all-ones matrix and N = I - P is singular at m = 4 with two +1 labels; the decoder shrinks G - I
      const same = Float64Array.from({ length: n }, (_, k) => (k === 0 ? -Math.PI / 2 : k % (params.d) === 1 ? 1 : 0.3));
      const gm = space.decode(same, params);
      expectGlobalMinimum(gm);
      expect(gm.gamma).toBeCloseTo(1.5, 12);
      const o = space.assess(gm, params);
      expect(o.ok).toBe(true);
      expect(o.details?.normGminusI as number).toBeLessThan(params.m - 1);
    }
  });

  it('keeps lambda_min(N) above N_MIN on a decoded minimum whose directions had none', () => {
    const params = { seed: 2, d: 64, m: 4, gamma: 1.5, rotate: false };
    const x = Float64Array.from({ length: space.dimension(params) }, (_, k) => (k === 0 ? -Math.PI / 2 : k % 2 === 1 ? 1 : 0));
    const gm = space.decode(x, params);
    expectGlobalMinimum(gm);
    // N = (w_i^dag w_j) from the negative half of the (diagonal-M) states: the bisection stops where lambda_min(N) reaches N_MIN
    const h = gm.d / 2, w = zeros(gm.m, h);
    for (let j = 0; j < gm.m; j++) for (let a = 0; a < h; a++) { w.re[j * h + a] = gm.states.re[j * gm.d + h + a]; w.im[j * h + a] = gm.states.im[j * gm.d + h + a]; }
    const ln = lambdaMin(gramRows(w));
    expect(ln).toBeGreaterThan(0.99 * N_MIN);
    expect(ln).toBeLessThan(1.01 * N_MIN);
  });

  it('decodes its encoding to the run\'s own minimum (states and tightness to rounding)', () => {
    for (const params of [{ seed: 7, d: 32, m: 2, gamma: 5.5, rotate: true }, { seed: 8, d: 128, m: 4, gamma: 2.25, rotate: false }]) {
      const run = buildGlobalMinimum(makeRng(params.seed), params);
      const gm = space.decode(space.encode!(params)!, params);
      expect(Math.abs(gm.gamma - params.gamma)).toBeLessThan(1e-13 * params.gamma);
      expect(Array.from(gm.labels)).toEqual(Array.from(run.labels));
      expect(maxAbsDiff(gm.states, run.states)).toBeLessThan(TOLERANCES.spectral(1, params.d));
      const a = claim.check(params).tightness!, b = space.assess(gm, params).tightness!;
      expect(Math.abs(a - b)).toBeLessThan(1e-9 * a);
    }
  });

  it('is deterministic for a seed', () => {
    const start = [{ seed: 4, d: 64, m: 4, gamma: 3, rotate: false }];
    const a = targetedSearch(claim, start, { seed: 5, evaluations: 40 });
    const b = targetedSearch(claim, start, { seed: 5, evaluations: 40 });
    expect(a.failure).toBeUndefined();
    expect(b.best?.instance).toEqual(a.best?.instance);
    expect(a.evaluations).toBe(40);
  });

  it('reaches the supremum (gamma^2 - 1)/(2 (gamma^2 + 1)) at gamma = 8 from a random m = 2 minimum within 1%', () => {
    expect(space.knownSupremum?.value).toBe(C1_BOUND_SUP);
    expect(C1_BOUND_SUP).toBeCloseTo(63 / 130, 15);
    const r = targetedSearch(claim, [{ seed: 9, d: 32, m: 2, gamma: 2, rotate: false }], { seed: 7, evaluations: 60 });
    expect(r.failure).toBeUndefined();
    expect(r.best!.outcome.tightness!).toBeGreaterThanOrEqual(0.99 * C1_BOUND_SUP);
    expect(r.best!.outcome.tightness!).toBeLessThanOrEqual(C1_BOUND_SUP * (1 + 1e-9));
  });

  it('m = 4: approaches (1 + 1/gamma)^2/(4 (1 + 1/gamma^2)) = 25/52 at gamma = 1.5 (two +1 states overlapping) within 1%, never above it', () => {
    const r = targetedSearch(claim, [{ seed: 10, d: 32, m: 4, gamma: 3, rotate: false }], { seed: 7, evaluations: 600 });
    expect(r.failure).toBeUndefined();
    expect(r.best!.outcome.tightness!).toBeGreaterThanOrEqual(0.99 * (25 / 52));
    expect(r.best!.outcome.tightness!).toBeLessThanOrEqual((25 / 52) * (1 + 1e-9));
  });
});
