/**
 * Asymptotic dynamics of eq. (10): fast right-hand side and kernel vs dense formulas (the low-rank
 * exponential is covered by lowRankExp.test.ts), the CF4 convergence order, isospectrality (with a
 * plain RK4 control showing the check has power), the loss / residual dynamics
 * dr/dt = -K_asym r, Corollary 4.3 for m = 1, and input validation.
 */
import { describe, expect, it } from 'vitest';
import { QnnInputError } from '../../src/errors.ts';
import { asymptoticFlow, asymptoticRhs, CF4_TABLEAU, cf4Step, kernelAsymFast } from '../../src/dynamics/asymptotic.ts';
import { rk4Fixed, dopri5 } from '../../src/integrate/dopri5.ts';
import {
  add, adjoint, type CMat, commutator, EPS, frobeniusNorm, matmul, maxAbsDiff, outer, row, scale, sub,
  trace, zeros,
} from '../../src/linalg/cmatrix.ts';
import { eigvalsh } from '../../src/linalg/eigh.ts';
import { expmAntiHermitian } from '../../src/linalg/expm.ts';
import { makeRng, type Rng } from '../../src/random/rng.ts';
import { balancedLabels, gue, haarState, orthonormalStates, randomHermitianWithSpectrum } from '../../src/random/ensembles.ts';

// ---------------------------------------------------------------------------------------
// Helpers.

/** gamma (Pi+ - Pi-) with Haar eigenbasis: eq. (120). */
function pauliLike(rng: Rng, d: number, gamma: number): CMat {
  return randomHermitianWithSpectrum(rng, Array.from({ length: d }, (_, i) => (i < d / 2 ? gamma : -gamma)));
}

/** m Haar-random unit vectors (not orthogonal) as rows. */
function unitRows(rng: Rng, m: number, d: number): CMat {
  const v = zeros(m, d);
  for (let j = 0; j < m; j++) {
    const s = haarState(rng, d);
    v.re.set(s.re, j * d);
    v.im.set(s.im, j * d);
  }
  return v;
}

/** tr(rho_j M) for every row v_j: dense, O(d^3), from cmatrix kernels only. */
function predictionsDense(M: CMat, states: CMat): Float64Array {
  const out = new Float64Array(states.rows);
  for (let j = 0; j < states.rows; j++) out[j] = trace(matmul(outer(row(states, j)), M)).re;
  return out;
}

function residuals(M: CMat, states: CMat, labels: ArrayLike<number>): Float64Array {
  const p = predictionsDense(M, states);
  return p.map((v, j) => labels[j] - v);
}

function loss(M: CMat, states: CMat, labels: ArrayLike<number>): number {
  const r = residuals(M, states, labels);
  return r.reduce((s, x) => s + x * x, 0) / (2 * r.length);
}

/** sum_j r_j [M,[M,rho_j]] with dense O(d^3) commutators. */
function rhsDense(M: CMat, states: CMat, labels: ArrayLike<number>): CMat {
  const r = residuals(M, states, labels);
  let acc = zeros(M.rows, M.cols);
  for (let j = 0; j < states.rows; j++) acc = add(acc, scale(commutator(M, commutator(M, outer(row(states, j)))), r[j]));
  return acc;
}

/** (K_asym)_ij = tr(i[M,rho_i] i[M,rho_j]) straight from eq. (7). */
function kernelDense(M: CMat, states: CMat): number[][] {
  const m = states.rows;
  const cs = Array.from({ length: m }, (_, j) => scale(commutator(M, outer(row(states, j))), 0, 1));
  return cs.map((a) => cs.map((b) => trace(matmul(a, b)).re));
}

function spectrumDistance(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s = Math.max(s, Math.abs(a[i] - b[i]));
  return s;
}

function sumAbs(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.abs(x[i]);
  return s;
}

function maxAbsArr(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s = Math.max(s, Math.abs(x[i]));
  return s;
}

/** Plain RK4 on the entries of M (flattened re ++ im), with the given step grid. */
function rk4OnGrid(M0: CMat, states: CMat, labels: ArrayLike<number>, h: number, n: number, onStep: (M: CMat) => void): void {
  const d = M0.rows;
  const f = (_t: number, y: Float64Array, out: Float64Array): void => {
    const r = asymptoticRhs({ rows: d, cols: d, re: y.subarray(0, d * d), im: y.subarray(d * d) }, states, labels);
    out.set(r.re, 0);
    out.set(r.im, d * d);
  };
  const y0 = new Float64Array(2 * d * d);
  y0.set(M0.re, 0);
  y0.set(M0.im, d * d);
  rk4Fixed(f, 0, y0, h, n, (_t, y) => onStep({ rows: d, cols: d, re: y.slice(0, d * d), im: y.slice(d * d) }));
}

// ---------------------------------------------------------------------------------------

describe('asymptoticRhs and kernelAsymFast vs dense formulas', () => {
  const cases = [
    { d: 5, m: 1, seed: 11, ortho: true },
    { d: 8, m: 3, seed: 12, ortho: false },
    { d: 12, m: 4, seed: 13, ortho: true },
    { d: 9, m: 6, seed: 14, ortho: false },
  ];
  for (const { d, m, seed, ortho } of cases) {
    it(`(a) d=${d} m=${m} ${ortho ? 'orthonormal' : 'generic'} states`, () => {
      const rng = makeRng(seed);
      const M = gue(rng, d);
      const V = ortho ? orthonormalStates(rng, m, d) : unitRows(rng, m, d);
      const y = Float64Array.from({ length: m }, () => 2 * rng.uniform() - 1);
      const fast = asymptoticRhs(M, V, y);
      const dense = rhsDense(M, V, y);
      const nM = frobeniusNorm(M);
      const tolRhs = 16 * EPS * d * sumAbs(residuals(M, V, y)) * nM * nM;
      expect(maxAbsDiff(fast, dense)).toBeLessThanOrEqual(tolRhs);
      // Hermitian exactly (mirrored upper triangle).
      expect(maxAbsDiff(fast, adjoint(fast))).toBe(0);

      const K = kernelAsymFast(M, V);
      const Kd = kernelDense(M, V);
      const tolK = 16 * EPS * d * nM * nM;
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < m; j++) {
          expect(Math.abs(K.re[i * m + j] - Kd[i][j])).toBeLessThanOrEqual(tolK);
          expect(K.im[i * m + j]).toBe(0);
          expect(K.re[i * m + j]).toBe(K.re[j * m + i]);
        }
      }
      // K_asym is a Gram matrix of Hermitian operators i[M, rho_j]: PSD.
      expect(eigvalsh(K)[0]).toBeGreaterThanOrEqual(-tolK * m);
      // dr/dt = -tr(rho_j dM/dt) = -(K r)_j, exactly (algebraic identity behind Lemma 4.1).
      const r = residuals(M, V, y);
      const drdt = predictionsDense(fast, V).map((x) => -x);
      for (let i = 0; i < m; i++) {
        let kr = 0;
        for (let j = 0; j < m; j++) kr += K.re[i * m + j] * r[j];
        expect(Math.abs(drdt[i] + kr)).toBeLessThanOrEqual(tolRhs * m);
      }
    });
  }
});

describe('CF4 integrator', () => {
  it('(c) has convergence order 4 (and its embedded companion order 2)', () => {
    const rng = makeRng(31);
    const d = 8, m = 4, gamma = 1.5;
    const M0 = pauliLike(rng, d, gamma);
    const V = orthonormalStates(rng, m, d);
    const y = balancedLabels(rng, m);
    const run = (n: number, low = false): CMat => {
      let M = M0;
      for (let s = 0; s < n; s++) {
        const st = cf4Step(M, V, y, 1 / n);
        M = low ? st.low : st.M;
      }
      return M;
    };
    const ref = run(512);
    const ns = [16, 32, 64];
    const errs = ns.map((n) => frobeniusNorm(sub(run(n), ref)));
    const errsLow = ns.map((n) => frobeniusNorm(sub(run(n, true), ref)));
    const ratios = errs.slice(1).map((e, i) => errs[i] / e);
    const ratiosLow = errsLow.slice(1).map((e, i) => errsLow[i] / e);
    console.log(`CF4 errors at t=1 (h=1/${ns.join(',1/')}): ${errs.map((e) => e.toExponential(3)).join(', ')}; ratios ${ratios.map((r) => r.toFixed(2)).join(', ')}`);
    console.log(`exp. midpoint errors: ${errsLow.map((e) => e.toExponential(3)).join(', ')}; ratios ${ratiosLow.map((r) => r.toFixed(2)).join(', ')}`);
    // The reference error (h = 1/512) is ~ (64/512)^4 of the smallest error compared: negligible.
    for (const r of ratios) {
      expect(Math.log2(r)).toBeGreaterThan(3.6);
      expect(Math.log2(r)).toBeLessThan(4.4);
    }
    for (const r of ratiosLow) {
      expect(Math.log2(r)).toBeGreaterThan(1.6);
      expect(Math.log2(r)).toBeLessThan(2.4);
    }
  });

  it('(c) the CF4 tableau (and the order of its two final exponentials) is order 4 on a generic field', () => {
    // On eq. (10) both orders of the final exponentials converge with order 4, so check the
    // tableau on a generic isospectral field A(M) = i c herm(M^2 + D M D + N M N), dense.
    const rng = makeRng(32);
    const d = 6, c = 0.05;
    const M0 = gue(rng, d), D = gue(rng, d), N = gue(rng, d);
    const herm = (a: CMat): CMat => scale(add(a, adjoint(a)), 0.5);
    const field = (M: CMat): CMat => scale(herm(add(add(matmul(M, M), matmul(matmul(D, M), D)), matmul(matmul(N, M), N))), 0, c);
    const act = (F: CMat, M: CMat): CMat => {
      const E = expmAntiHermitian(scale(add(F, scale(adjoint(F), -1)), 0.5), 1);
      return herm(matmul(matmul(E, M), adjoint(E)));
    };
    const lin = (fs: CMat[], cs: readonly number[]): CMat => fs.reduce((acc, f, i) => add(acc, scale(f, cs[i])), zeros(d, d));
    const step = (M: CMat, h: number, reversed: boolean): CMat => {
      const F1 = scale(field(M), h), Y2 = act(scale(F1, 0.5), M);
      const F2 = scale(field(Y2), h), Y3 = act(scale(F2, 0.5), M);
      const F3 = scale(field(Y3), h), Y4 = act(lin([F1, F3], [-0.5, 1]), Y2);
      const F4 = scale(field(Y4), h), fs = [F1, F2, F3, F4];
      const [a, b] = reversed ? [CF4_TABLEAU.second, CF4_TABLEAU.first] : [CF4_TABLEAU.first, CF4_TABLEAU.second];
      return act(lin(fs, b), act(lin(fs, a), M));
    };
    const ratiosFor = (reversed: boolean): number[] => {
      const run = (n: number): CMat => {
        let M = M0;
        for (let s = 0; s < n; s++) M = step(M, 1 / n, reversed);
        return M;
      };
      const ref = run(512);
      const errs = [16, 32, 64].map((n) => frobeniusNorm(sub(run(n), ref)));
      return errs.slice(1).map((e, i) => errs[i] / e);
    };
    const good = ratiosFor(false), bad = ratiosFor(true);
    console.log(`generic field: CF4 ratios ${good.map((r) => r.toFixed(2)).join(', ')}; with the final exponentials swapped ${bad.map((r) => r.toFixed(2)).join(', ')}`);
    for (const r of good) expect(Math.log2(r)).toBeGreaterThan(3.6);
    for (const r of bad) expect(Math.log2(r)).toBeLessThan(2.4);
  });

  it('(d) is isospectral to rounding over a long run, while plain RK4 with the same steps drifts', () => {
    const rng = makeRng(41);
    const d = 16, m = 4, gamma = 2;
    const M0 = pauliLike(rng, d, gamma);
    const V = orthonormalStates(rng, m, d);
    const y = balancedLabels(rng, m);
    const lam0 = eigvalsh(M0);
    const h = 0.025, n = 400, every = 40;
    let M = M0, driftCf4 = 0;
    for (let s = 1; s <= n; s++) {
      M = cf4Step(M, V, y, h).M;
      if (s % every === 0) driftCf4 = Math.max(driftCf4, spectrumDistance(eigvalsh(M), lam0));
    }
    let driftRk4 = 0, s = 0;
    rk4OnGrid(M0, V, y, h, n, (Mk) => {
      if (++s % every === 0) driftRk4 = Math.max(driftRk4, spectrumDistance(eigvalsh(Mk), lam0));
    });
    const unit = EPS * d * gamma;
    console.log(`spectrum drift over ${n} steps of h=${h}: CF4 ${driftCf4.toExponential(3)} (= ${(driftCf4 / unit).toFixed(2)} EPS d ||M||), RK4 ${driftRk4.toExponential(3)} (= ${(driftRk4 / unit).toExponential(2)} EPS d ||M||)`);
    expect(driftCf4).toBeLessThanOrEqual(16 * unit);
    expect(driftRk4).toBeGreaterThan(1e3 * 16 * unit);
  });

  it('(d) adaptive asymptoticFlow: reported spectrumDrift, exact output times, step callback', () => {
    const rng = makeRng(42);
    const d = 16, m = 4, gamma = 2;
    const M0 = pauliLike(rng, d, gamma);
    const V = orthonormalStates(rng, m, d);
    const y = balancedLabels(rng, m);
    const tOut = [0, 0.1, 0.5, 2, 8];
    const stepTimes: number[] = [];
    const res = asymptoticFlow(M0, V, y, tOut, { tol: 1e-7, onStep: (t) => stepTimes.push(t) });
    expect(Array.from(res.t)).toEqual(tOut);
    for (const t of tOut.slice(1)) expect(stepTimes).toContain(t);
    for (let i = 1; i < stepTimes.length; i++) expect(stepTimes[i]).toBeGreaterThan(stepTimes[i - 1]);
    expect(stepTimes.length).toBe(res.stats.steps);
    expect(res.stats.maxRank).toBeLessThanOrEqual(2 * m);
    expect(maxAbsDiff(res.M[0], M0)).toBe(0);
    const unit = EPS * d * gamma;
    console.log(`asymptoticFlow d=${d} m=${m} tol=1e-7 to t=8: ${res.stats.steps} steps (${res.stats.rejected} rejected), spectrumDrift = ${res.spectrumDrift.toExponential(3)} (= ${(res.spectrumDrift / unit).toFixed(2)} EPS d ||M||)`);
    expect(res.spectrumDrift).toBeLessThanOrEqual(16 * unit);
    // The reported drift is what it says.
    const lam0 = eigvalsh(M0);
    expect(Math.max(...res.M.map((Mk) => spectrumDistance(eigvalsh(Mk), lam0)))).toBe(res.spectrumDrift);
    // RK4 replayed on the same (adaptive) step grid drifts much more.
    let Mr = { rows: d, cols: d, re: M0.re.slice(), im: M0.im.slice() } as CMat, tPrev = 0, driftRk4 = 0;
    for (const t of stepTimes) {
      rk4OnGrid(Mr, V, y, t - tPrev, 1, (Mk) => { Mr = Mk; });
      tPrev = t;
    }
    driftRk4 = spectrumDistance(eigvalsh(Mr), lam0);
    console.log(`  RK4 on the same ${stepTimes.length} steps: spectrum drift ${driftRk4.toExponential(3)}`);
    expect(driftRk4).toBeGreaterThan(1e3 * 16 * unit);
  });
});

describe('(e) loss and residual dynamics along the flow', () => {
  it('L is non-increasing and dr/dt = -K_asym r along the integrated trajectory', () => {
    const rng = makeRng(51);
    const d = 12, m = 4, gamma = 1.5;
    const M0 = pauliLike(rng, d, gamma);
    const V = orthonormalStates(rng, m, d);
    const y = balancedLabels(rng, m);
    const tol = 1e-9;
    const tOut = Array.from({ length: 31 }, (_, i) => 0.05 * i);
    const res = asymptoticFlow(M0, V, y, tOut, { tol });
    const losses = res.M.map((Mk) => loss(Mk, V, y));
    const r0 = residuals(M0, V, y);
    // Integration error in M is <= steps * tol * max(1, ||M||_F) (local errors add up, loosely);
    // it moves L by at most max|r| * that.
    const globalErr = res.stats.steps * tol * Math.max(1, frobeniusNorm(M0));
    const slack = globalErr * maxAbsArr(r0);
    for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThanOrEqual(losses[i - 1] + slack);
    expect(losses[losses.length - 1]).toBeLessThan(losses[0]);
    console.log(`loss (${res.stats.steps} steps): ${losses.filter((_, i) => i % 6 === 0).map((l) => l.toExponential(2)).join(' -> ')}`);

    // Central differences of r(t) along the trajectory, restarted at a trajectory point M(t_a)
    // (so only the integration error over [t_a, t_a + 2 dt] enters), vs -K_asym(M) r at the centre.
    const dt = 1e-3, tolLoc = 1e-12;
    for (const ia of [4, 12]) {
      const Ma = res.M[ia];
      const loc = asymptoticFlow(Ma, V, y, [dt, 2 * dt], { tol: tolLoc });
      const rm = residuals(Ma, V, y), rc = residuals(loc.M[0], V, y), rp = residuals(loc.M[1], V, y);
      const K = kernelAsymFast(loc.M[0], V);
      // Truncation error dt^2/6 |r'''| with |r'''| <~ ||K||^3 |r| (r' = -K r, K varying on the same
      // scale), plus the local integration error divided by dt.
      const kn = frobeniusNorm(K);
      const errTol = dt * dt * kn ** 3 * maxAbsArr(rc) + (loc.stats.steps * tolLoc * Math.max(1, frobeniusNorm(Ma))) / dt;
      const tc = tOut[ia] + dt;
      let worst = 0;
      for (let i = 0; i < m; i++) {
        let kr = 0;
        for (let j = 0; j < m; j++) kr += K.re[i * m + j] * rc[j];
        const fd = (rp[i] - rm[i]) / (2 * dt);
        worst = Math.max(worst, Math.abs(fd + kr));
      }
      console.log(`t=${tc}: max |dr/dt (finite diff) + K_asym r| = ${worst.toExponential(3)} (tolerance ${errTol.toExponential(3)})`);
      expect(worst).toBeLessThanOrEqual(errTol);
    }
  });
});

describe('(f) Corollary 4.3: one sample, M0 = gamma (Pi+ - Pi-)', () => {
  for (const gamma of [1.2, 2.0]) {
    it(`gamma=${gamma}: k(t) = 2(gamma^2 - yhat^2), residual decays linearly`, () => {
      const rng = makeRng(`cor43-${gamma}`);
      const d = 8;
      const M0 = pauliLike(rng, d, gamma);
      let V: CMat, yhat0: number;
      do {
        V = unitRows(rng, 1, d);
        yhat0 = predictionsDense(M0, V)[0];
      } while (!(Math.abs(yhat0) < 1));
      const y = yhat0 > 0 ? Float64Array.of(-1) : Float64Array.of(1); // the harder direction
      const tOut = [0, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6];
      const tol = 1e-10;
      const res = asymptoticFlow(M0, V, y, tOut, { tol });
      const tolK = 16 * EPS * d * gamma * gamma;
      // Scalar reference: dyhat/dt = k(yhat) (y - yhat), k = 2(gamma^2 - yhat^2).
      const ref = dopri5((_t, z, dz) => { dz[0] = 2 * (gamma * gamma - z[0] * z[0]) * (y[0] - z[0]); }, 0, Float64Array.of(yhat0), tOut, { rtol: 1e-12, atol: 1e-14 });
      let prevR = Infinity;
      for (let i = 0; i < tOut.length; i++) {
        const yh = predictionsDense(res.M[i], V)[0];
        const k = kernelAsymFast(res.M[i], V).re[0];
        expect(Math.abs(k - 2 * (gamma * gamma - yh * yh))).toBeLessThanOrEqual(tolK);
        expect(k).toBeGreaterThanOrEqual(2 * (gamma * gamma - 1) - tolK);
        expect(Math.abs(yh)).toBeLessThan(1);
        const r = Math.abs(y[0] - yh);
        expect(r).toBeLessThan(prevR);
        prevR = r;
        // L(t) <= L(0) exp(-4 (gamma^2 - 1) t)  (dL/dt = -2 k L, k >= 2(gamma^2 - 1)).
        const r0 = Math.abs(y[0] - yhat0);
        expect(r).toBeLessThanOrEqual(r0 * Math.exp(-2 * (gamma * gamma - 1) * tOut[i]) * (1 + tolK) + res.stats.steps * tol);
        expect(Math.abs(yh - ref.y[i][0])).toBeLessThanOrEqual(res.stats.steps * tol * Math.max(1, frobeniusNorm(M0)));
      }
      expect(res.spectrumDrift).toBeLessThanOrEqual(16 * EPS * d * gamma);
    });
  }
});

describe('(g) input validation', () => {
  const rng = makeRng(71);
  const d = 6, m = 2;
  const M0 = pauliLike(rng, d, 1.5);
  const V = orthonormalStates(rng, m, d);
  const y = Float64Array.of(1, -1);
  const opts = { tol: 1e-8 };
  const expectErr = (f: () => unknown, re: RegExp): void => {
    let caught: unknown;
    try { f(); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(QnnInputError);
    expect((caught as Error).message).toMatch(re);
  };

  it('asymptoticFlow rejects bad M0, states, labels, tOut, tol, maxSteps', () => {
    const nonHerm = { rows: d, cols: d, re: M0.re.slice(), im: M0.im.slice() };
    nonHerm.re[1] += 0.1;
    expectErr(() => asymptoticFlow(nonHerm, V, y, [1], opts), /asymptoticFlow: M0 must be Hermitian/);
    const nan = { rows: d, cols: d, re: M0.re.slice(), im: M0.im.slice() };
    nan.re[0] = NaN;
    expectErr(() => asymptoticFlow(nan, V, y, [1], opts), /asymptoticFlow: M0\.re has a non-finite entry/);
    expectErr(() => asymptoticFlow(zeros(d, d + 1), V, y, [1], opts), /asymptoticFlow: M0 must be square/);
    expectErr(() => asymptoticFlow(M0, orthonormalStates(rng, m, d + 1), y, [1], opts), /asymptoticFlow: states must have d = 6 columns/);
    expectErr(() => asymptoticFlow(M0, scale(V, 1.01), y, [1], opts), /asymptoticFlow: states row 0 must have unit norm/);
    expectErr(() => asymptoticFlow(M0, V, [1], [1], opts), /asymptoticFlow: labels has length 1, expected m = 2/);
    expectErr(() => asymptoticFlow(M0, V, [1, Infinity], [1], opts), /asymptoticFlow: labels has a non-finite entry/);
    expectErr(() => asymptoticFlow(M0, V, y, [], opts), /asymptoticFlow: tOut must be non-empty/);
    expectErr(() => asymptoticFlow(M0, V, y, [-1, 1], opts), /asymptoticFlow: tOut must be >= 0/);
    expectErr(() => asymptoticFlow(M0, V, y, [1, 1], opts), /asymptoticFlow: tOut must be strictly increasing/);
    expectErr(() => asymptoticFlow(M0, V, y, [2, 1], opts), /asymptoticFlow: tOut must be strictly increasing/);
    expectErr(() => asymptoticFlow(M0, V, y, [NaN], opts), /asymptoticFlow: tOut has a non-finite entry/);
    expectErr(() => asymptoticFlow(M0, V, y, [1], { tol: 0 }), /asymptoticFlow: tol must be > 0/);
    expectErr(() => asymptoticFlow(M0, V, y, [1], { tol: NaN }), /asymptoticFlow: tol must be > 0/);
    expectErr(() => asymptoticFlow(M0, V, y, [1], { tol: 1e-8, hMax: 0 }), /asymptoticFlow: hMax must be > 0/);
    expectErr(() => asymptoticFlow(M0, V, y, [1], { tol: 1e-8, maxSteps: 1.5 }), /asymptoticFlow: maxSteps must be an integer/);
    expectErr(() => asymptoticFlow(M0, V, y, [10], { tol: 1e-12, maxSteps: 3 }), /asymptoticFlow: maxSteps exceeded \(3 steps\)/);
  });

  it('asymptoticFlow throws instead of returning non-finite values', () => {
    const huge = scale(M0, 1e200);
    let caught: unknown;
    try { asymptoticFlow(huge, V, y, [1], opts); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(QnnInputError);
    expect((caught as Error).message).toMatch(/^asymptoticFlow: M0 is too large/);
  });

  it('asymptoticRhs, kernelAsymFast and cf4Step validate their inputs', () => {
    expectErr(() => asymptoticRhs(M0, V, [1]), /asymptoticRhs: labels has length 1/);
    expectErr(() => asymptoticRhs(M0, zeros(m, d + 1), y), /asymptoticRhs: states must have d = 6 columns/);
    const nonHerm = { rows: d, cols: d, re: M0.re.slice(), im: M0.im.slice() };
    nonHerm.im[2] += 0.5;
    expectErr(() => asymptoticRhs(nonHerm, V, y), /asymptoticRhs: M must be Hermitian/);
    expectErr(() => kernelAsymFast(nonHerm, V), /kernelAsymFast: M must be Hermitian/);
    expectErr(() => kernelAsymFast(M0, zeros(m, d - 1)), /kernelAsymFast: states must have d = 6 columns/);
    expectErr(() => cf4Step(M0, V, y, -0.1), /cf4Step: h must be >= 0/);
    expectErr(() => cf4Step(M0, V, y, NaN), /cf4Step: h must be finite/);
  });
});
