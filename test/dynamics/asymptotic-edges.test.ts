/**
 * Covers the bookkeeping and input checks of src/dynamics/asymptotic.ts that the dynamics tests do not
 * reach: the initial step h0 = 0.5 tol^(1/3) max(1, ||M||_F) / ||dM/dt||_F, rejections, the exact step
 * budget, the statistics (counters, hMin, hMax), the unit-norm tolerance 1e3 eps d of the states, and the
 * message of each bad input.
 */
import { describe, expect, it } from 'vitest';
import { asymptoticFlow, asymptoticRhs, cf4Step, kernelAsymFast } from '../../src/dynamics/asymptotic.ts';
import { EPS, diag, frobeniusNorm, maxAbsDiff, zeros, type CMat } from '../../src/linalg/cmatrix.ts';
import { balancedLabels, orthonormalStates, randomHermitianWithSpectrum } from '../../src/random/ensembles.ts';
import { makeRng } from '../../src/random/rng.ts';

// d = 6, m = 2, M0 = 4 (Pi+ - Pi-) with a Haar eigenbasis, tol = 1e-4: a run with rejections
function setup(): { M0: CMat; V: CMat; y: Float64Array } {
  const rng = makeRng(3);
  const M0 = randomHermitianWithSpectrum(rng, [4, 4, 4, -4, -4, -4]);
  return { M0, V: orthonormalStates(rng, 2, 6), y: balancedLabels(rng, 2) };
}

// Each test integrates for itself (not at collection time): a mutation-testing run switches the mutant
// under test before each test, and sees which code a test covers only inside it.
const tol = 1e-4;
function run(): { M0: CMat; V: CMat; y: Float64Array; times: number[]; res: ReturnType<typeof asymptoticFlow>; attempts: number } {
  const { M0, V, y } = setup();
  const times: number[] = [];
  const res = asymptoticFlow(M0, V, y, [4], { tol, onStep: (t) => { times.push(t); } });
  return { M0, V, y, times, res, attempts: res.stats.steps + res.stats.rejected };
}

describe('asymptoticFlow: steps and statistics', () => {
  it('the first step is h0 = 0.5 tol^(1/3) max(1, ||M0||_F) / ||dM/dt(0)||_F (accepted here)', () => {
    const { M0, V, y, times } = run();
    const h0 = (0.5 * Math.cbrt(tol) * Math.max(1, frobeniusNorm(M0))) / frobeniusNorm(asymptoticRhs(M0, V, y));
    expect(frobeniusNorm(M0)).toBeGreaterThan(1);
    expect(Math.abs(times[0] - h0)).toBeLessThan(1e-12 * h0);
  });

  it('rejects steps whose error estimate exceeds tol, and counts 4 field evaluations and 6 exponentials per attempt', () => {
    const { times, res, attempts } = run();
    expect(res.stats.rejected).toBeGreaterThan(0);
    expect(times).toHaveLength(res.stats.steps);
    expect(res.stats.bEvals).toBe(4 * attempts);
    expect(res.stats.expApplications).toBe(6 * attempts);
    expect(res.stats.maxRank).toBeGreaterThanOrEqual(2);
    expect(res.stats.maxRank).toBeLessThanOrEqual(4); // <= 2m
  });

  it('hMin and hMax are the smallest and largest accepted steps', () => {
    const { times, res } = run();
    const steps = times.map((t, k) => t - (k === 0 ? 0 : times[k - 1]));
    expect(Math.abs(res.stats.hMin - Math.min(...steps))).toBeLessThan(1e-12);
    expect(Math.abs(res.stats.hMax - Math.max(...steps))).toBeLessThan(1e-12);
    expect(res.stats.hMin).toBeLessThan(res.stats.hMax);
  });

  it('maxSteps is the exact budget of accepted plus rejected steps', () => {
    const { M0, V, y, res, attempts } = run();
    expect(asymptoticFlow(M0, V, y, [4], { tol, maxSteps: attempts }).stats.steps).toBe(res.stats.steps);
    expect(() => asymptoticFlow(M0, V, y, [4], { tol, maxSteps: attempts - 1 })).toThrow(/^asymptoticFlow: maxSteps exceeded/);
  });

  it('hMax bounds every step', () => {
    const { M0, V, y } = setup();
    const times: number[] = [];
    const r = asymptoticFlow(M0, V, y, [1], { tol: 1e-2, hMax: 0.05, onStep: (t) => { times.push(t); } });
    expect(r.stats.hMax).toBeLessThanOrEqual(0.05);
    expect(times.length).toBeGreaterThanOrEqual(20);
  });

  it('one M per output time', () => {
    const { M0, V, y } = setup();
    const out = asymptoticFlow(M0, V, y, [1, 2], { tol });
    expect(out.M).toHaveLength(2);
    expect(Array.from(out.t)).toEqual([1, 2]);
  });

  it('a tolerance below rounding cannot be met: the step size underflows and the run stops, naming it', () => {
    const { M0, V, y } = setup();
    expect(() => asymptoticFlow(M0, V, y, [4], { tol: 1e-30 })).toThrow(/^asymptoticFlow: step size underflowed \(h=.*\) at t=0$/);
  });

  it('an M0 whose dM/dt overflows is refused before integrating', () => {
    const { M0, V, y } = setup();
    const big = { rows: 6, cols: 6, re: M0.re.map((x) => x * 1e120), im: M0.im.map((x) => x * 1e120) };
    expect(() => asymptoticFlow(big, V, y, [1], { tol: 1e-6 })).toThrow(/^asymptoticFlow: M0 is too large/);
  });
});

describe('cf4Step', () => {
  it('h = 0 returns M and reports the basis size used', () => {
    const { M0, V, y } = setup();
    const r = cf4Step(M0, V, y, 0);
    expect(maxAbsDiff(r.M, M0)).toBeLessThan(64 * EPS * 6 * 4);
    expect(r.rank).toBeGreaterThanOrEqual(1);
    expect(r.rank).toBeLessThanOrEqual(4);
    expect(() => cf4Step(M0, V, y, -1)).toThrow('cf4Step: h must be >= 0 (got -1)');
  });
});

describe('input checks', () => {
  it('states: at least one row, finite, unit norm to 1e3 eps d', () => {
    const { M0 } = setup();
    expect(() => asymptoticRhs(M0, zeros(0, 6), [])).toThrow('asymptoticRhs: states must have at least one row');
    expect(() => kernelAsymFast(M0, zeros(0, 6))).toThrow('kernelAsymFast: states must have at least one row');
    const badRe = zeros(1, 6);
    badRe.re[2] = Number.NaN;
    expect(() => asymptoticRhs(M0, badRe, [1])).toThrow('asymptoticRhs: states.re has a non-finite entry at index 2 (NaN)');
    const badIm = zeros(1, 6);
    badIm.im[4] = Infinity;
    expect(() => asymptoticRhs(M0, badIm, [1])).toThrow('asymptoticRhs: states.im has a non-finite entry at index 4 (Infinity)');
    // unit norm within 1e3 eps d = 6e3 eps: 1 + 2e3 eps passes, 1 + 2e4 eps fails
    const M = diag([1, -1, 2, -2, 0.5, -0.5]);
    const near = zeros(1, 6), far = zeros(1, 6);
    near.re[0] = 1 + 2e3 * EPS;
    far.re[0] = 1 + 2e4 * EPS;
    expect(() => cf4Step(M, near, [1], 0.1)).not.toThrow();
    expect(() => cf4Step(M, far, [1], 0.1)).toThrow(/^cf4Step: states row 0 must have unit norm/);
  });
  it('asymptoticFlow names each bad option', () => {
    const { M0, V, y } = setup();
    expect(() => asymptoticFlow(M0, V, y, [1, 3, 2], { tol: 1e-6 })).toThrow('asymptoticFlow: tOut must be strictly increasing (tOut[2] = 2 <= tOut[1] = 3)');
    expect(() => asymptoticFlow(M0, V, y, [1], null as never)).toThrow('asymptoticFlow: opts must be an object');
    expect(() => asymptoticFlow(M0, V, y, [1], 5 as never)).toThrow('asymptoticFlow: opts must be an object');
    expect(() => asymptoticFlow(M0, V, y, [1], { tol: 1e-6, hMax: 0 })).toThrow('asymptoticFlow: hMax must be > 0 (got 0)');
    expect(() => asymptoticFlow(M0, V, y, [1], { tol: 1e-6, onStep: 5 as never })).toThrow('asymptoticFlow: onStep must be a function');
  });
});
