import { describe, expect, it } from 'vitest';
import { dopri5, dopri5Steps, rk4Fixed, type Rhs } from '../../src/integrate/dopri5.ts';
import { QnnInputError } from '../../src/errors.ts';

/** Deterministic PRNG (mulberry32) so the randomised cases are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const decay: Rhs = (_t, y, d) => { d[0] = -y[0]; };
const oscillator = (w: number): Rhs => (_t, y, d) => { d[0] = y[1]; d[1] = -w * w * y[0]; };
const linspace = (a: number, b: number, m: number): number[] => Array.from({ length: m }, (_, i) => a + ((b - a) * i) / (m - 1));

/** Max abs error of the oscillator solution x = cos(wt), v = -w sin(wt) at the outputs. */
function oscError(w: number, ts: ArrayLike<number>, ys: Float64Array[]): number {
  let e = 0;
  for (let i = 0; i < ts.length; i++) {
    e = Math.max(e, Math.abs(ys[i][0] - Math.cos(w * ts[i])), Math.abs(ys[i][1] + w * Math.sin(w * ts[i])));
  }
  return e;
}

/** Row-major n x n matrix exponential exp(A t): scaling and squaring around a 30-term Taylor series. */
function expm(a: Float64Array, n: number, t: number): Float64Array {
  let norm = 0;
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let j = 0; j < n; j++) r += Math.abs(a[i * n + j] * t);
    norm = Math.max(norm, r);
  }
  const s = Math.max(0, Math.ceil(Math.log2(norm / 0.25)));
  const scale = t / 2 ** s;
  const mul = (x: Float64Array, y: Float64Array): Float64Array => {
    const z = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) z[i * n + j] += x[i * n + k] * y[k * n + j];
    return z;
  };
  const as = a.map((v) => v * scale);
  let e: Float64Array = new Float64Array(n * n), term: Float64Array = new Float64Array(n * n);
  for (let i = 0; i < n; i++) { e[i * n + i] = 1; term[i * n + i] = 1; }
  for (let k = 1; k <= 30; k++) {
    term = mul(term, as).map((v) => v / k);
    for (let i = 0; i < n * n; i++) e[i] += term[i];
  }
  for (let i = 0; i < s; i++) e = mul(e, e);
  return e;
}

/** Random matrix shifted so that every Gershgorin disc lies in Re z <= -0.5 (hence stable). */
function randomStable(n: number, r: () => number): Float64Array {
  const a = new Float64Array(n * n).map(() => 2 * r() - 1);
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) if (j !== i) row += Math.abs(a[i * n + j]);
    a[i * n + i] = -row - 0.5 - r();
  }
  return a;
}

describe('dopri5: exact known cases', () => {
  it("y' = -y matches exp(-t) to within 100*tol; tOut[0] = t0 returns y0 exactly", () => {
    for (const tol of [1e-4, 1e-6, 1e-9, 1e-12]) {
      const ts = [0, 0.1, 0.5, 1, 2, 5];
      const r = dopri5(decay, 0, new Float64Array([1]), ts, { rtol: tol, atol: tol });
      expect(r.y[0][0]).toBe(1);
      expect(Array.from(r.t)).toEqual(ts);
      for (let i = 0; i < ts.length; i++) expect(Math.abs(r.y[i][0] - Math.exp(-ts[i]))).toBeLessThan(100 * tol);
    }
  });

  it("randomised y' = lambda y from random t0 (relative error < 100*tol)", () => {
    const r = rng(7);
    for (let trial = 0; trial < 40; trial++) {
      const lam = -3 + 4 * r(), y0 = (r() - 0.5) * 10, t0 = (r() - 0.5) * 4, tol = 10 ** -(4 + 6 * r());
      const ts = Array.from({ length: 12 }, () => t0 + 3 * r()).sort((p, q) => p - q);
      const res = dopri5((_t, y, d) => { d[0] = lam * y[0]; }, t0, new Float64Array([y0]), ts, { rtol: tol, atol: tol });
      for (let i = 0; i < ts.length; i++) {
        const exact = y0 * Math.exp(lam * (ts[i] - t0));
        expect(Math.abs(res.y[i][0] - exact) / (1 + Math.abs(exact))).toBeLessThan(100 * tol);
      }
    }
  });

  it('harmonic oscillator: position, velocity, energy and phase against cos/sin', () => {
    const r = rng(11);
    for (let trial = 0; trial < 10; trial++) {
      const w = 0.5 + 2.5 * r(), tol = 10 ** -(5 + 5 * r()), T = (3 * 2 * Math.PI) / w;
      const ts = linspace(0, T, 97);
      const res = dopri5(oscillator(w), 0, new Float64Array([1, 0]), ts, { rtol: tol, atol: tol });
      expect(oscError(w, ts, res.y) / w).toBeLessThan(100 * tol);
      for (let i = 0; i < ts.length; i++) {
        const [x, v] = res.y[i];
        const energy = 0.5 * (v * v + w * w * x * x);
        expect(Math.abs(energy - 0.5 * w * w) / (0.5 * w * w)).toBeLessThan(100 * tol);
        let dphi = Math.atan2(-v / w, x) - w * ts[i];
        dphi -= 2 * Math.PI * Math.round(dphi / (2 * Math.PI));
        expect(Math.abs(dphi)).toBeLessThan(100 * tol);
      }
    }
  });

  it("y' = y^2 (blow-up at t = 1): accurate before, error (never NaN/Inf) beyond", () => {
    // (An output time exactly at the singularity returns a large finite value, ~1e9 at tol 1e-8.)
    const sq: Rhs = (_t, y, d) => { d[0] = y[0] * y[0]; };
    const ts = linspace(0, 0.99, 34);
    const res = dopri5(sq, 0, new Float64Array([1]), ts, { rtol: 1e-10, atol: 1e-10 });
    for (let i = 0; i < ts.length; i++) {
      const exact = 1 / (1 - ts[i]);
      expect(Math.abs(res.y[i][0] - exact) / exact).toBeLessThan(1e-8);
    }
    for (const tEnd of [1.01, 1.5, 10]) {
      expect(() => dopri5(sq, 0, new Float64Array([1]), [0.5, tEnd], { rtol: 1e-8, atol: 1e-8 })).toThrow(
        /^dopri5: (step size underflowed|f returned a non-finite value|maxSteps exceeded)/,
      );
    }
    // Monitoring with dopri5Steps: stop as soon as y exceeds 1e3, strictly before the singularity.
    const out = dopri5Steps(sq, 0, new Float64Array([1]), 2, { rtol: 1e-8, atol: 1e-8 }, (_t, y) => y[0] < 1e3);
    expect(out.y[0]).toBeGreaterThanOrEqual(1e3);
    expect(out.t).toBeLessThan(1);
    expect(Math.abs(out.y[0] - 1 / (1 - out.t)) / out.y[0]).toBeLessThan(1e-5);
  });

  it("linear system y' = A y with random stable A matches a Taylor matrix exponential", () => {
    for (let seed = 1; seed <= 8; seed++) {
      const r = rng(100 + seed), n = 2 + (seed % 5);
      const a = randomStable(n, r), y0 = new Float64Array(n).map(() => 2 * r() - 1);
      const f: Rhs = (_t, y, d) => {
        for (let i = 0; i < n; i++) {
          let s = 0;
          for (let j = 0; j < n; j++) s += a[i * n + j] * y[j];
          d[i] = s;
        }
      };
      const ts = [0.25, 0.5, 1, 2, 4];
      for (const tol of [1e-5, 1e-8, 1e-11]) {
        const res = dopri5(f, 0, y0, ts, { rtol: tol, atol: tol });
        ts.forEach((t, k) => {
          const e = expm(a, n, t);
          for (let i = 0; i < n; i++) {
            let exact = 0;
            for (let j = 0; j < n; j++) exact += e[i * n + j] * y0[j];
            expect(Math.abs(res.y[k][i] - exact)).toBeLessThan(100 * tol);
          }
        });
      }
    }
  });
});

describe('dopri5: error control and order', () => {
  const w = 1, T = 20, ts = linspace(0, T, 201);
  const errAt = (tol: number): number => oscError(w, ts, dopri5(oscillator(w), 0, new Float64Array([1, 0]), ts, { rtol: tol, atol: tol }).y);

  it('global error < 100*tol, and tightening tol by 1e-3 cuts the error by >= 1e-2', () => {
    const tols = [1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12];
    const errs = tols.map(errAt);
    tols.forEach((tol, i) => expect(errs[i]).toBeLessThan(100 * tol));
    for (let i = 0; i + 3 < tols.length; i++) expect(errs[i + 3] / errs[i]).toBeLessThan(1e-2);
  });

  it('step count grows like tol^(-1/5) (5th-order method): x1e-5 tol -> ~10x steps', () => {
    const steps = (tol: number) => dopri5(oscillator(w), 0, new Float64Array([1, 0]), [T], { rtol: tol, atol: tol }).stats.accepted;
    const ratio = steps(1e-9) / steps(1e-4);
    expect(ratio).toBeGreaterThan(7);
    expect(ratio).toBeLessThan(14);
  });

  it('fixed steps (huge tol, hMax = h0 = h): global error ratio ~32 when halving h', () => {
    const fixed = (h: number) => oscError(w, [10], [dopri5(oscillator(w), 0, new Float64Array([1, 0]), [10], { rtol: 1e10, atol: 1e10, h0: h, hMax: h }).y[0]]);
    for (const h of [0.4, 0.2, 0.1]) {
      const ratio = fixed(h) / fixed(h / 2);
      expect(ratio).toBeGreaterThan(26);
      expect(ratio).toBeLessThan(40);
    }
  });

  it('dense output within one step has local error O(h^5) (4th-order continuous extension)', () => {
    const local = (h: number): number => {
      const th = [0.1, 0.3, 0.5, 0.7, 0.9].map((x) => x * h);
      const res = dopri5(oscillator(w), 0, new Float64Array([1, 0]), [...th, h], { rtol: 1e10, atol: 1e10, h0: h, hMax: h });
      expect(res.stats.steps).toBe(1);
      return oscError(w, th, res.y.slice(0, th.length));
    };
    for (const h of [0.8, 0.4, 0.2]) expect(local(h) / local(h / 2)).toBeGreaterThan(24);
  });
});

describe('dopri5: dense output', () => {
  it('many output times agree with the exact solution to ~tol without changing the step sequence', () => {
    const r = rng(3);
    for (const tol of [1e-6, 1e-9]) {
      const T = 20, ts = Array.from({ length: 1000 }, () => T * r()).sort((p, q) => p - q);
      ts.push(T);
      const res = dopri5(oscillator(1), 0, new Float64Array([1, 0]), ts, { rtol: tol, atol: tol });
      const endOnly = dopri5(oscillator(1), 0, new Float64Array([1, 0]), [T], { rtol: tol, atol: tol });
      expect(oscError(1, ts, res.y)).toBeLessThan(100 * tol);
      expect(res.stats).toEqual(endOnly.stats); // outputs do not clip steps
      expect(res.stats.accepted).toBeLessThan(ts.length / 2);
      expect(Array.from(res.y[ts.length - 1])).toEqual(Array.from(endOnly.y[0])); // stops exactly at the last time
      expect(res.y.length).toBe(ts.length);
      for (const y of res.y) for (const v of y) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('repeated output times and tOut entirely at t0', () => {
    const res = dopri5(decay, 0, new Float64Array([1]), [0, 0.5, 0.5, 1, 1], { rtol: 1e-9, atol: 1e-9 });
    expect(res.y[1][0]).toBe(res.y[2][0]);
    expect(res.y[3][0]).toBe(res.y[4][0]);
    const still = dopri5(decay, 2, new Float64Array([3, 4].slice(0, 1)), [2, 2], { rtol: 1e-6, atol: 0 });
    expect(still.y.map((y) => y[0])).toEqual([3, 3]);
    expect(still.stats.steps).toBe(0);
  });
});

describe('dopri5: statistics', () => {
  it('rhsEvals = 6*steps + 1 (+1 for the initial-step guess), steps = accepted + rejected', () => {
    const stiffish: Rhs = (t, y, d) => { d[0] = -50 * (y[0] - Math.cos(t)); };
    for (const opts of [{ rtol: 1e-6, atol: 1e-6 }, { rtol: 1e-6, atol: 1e-6, h0: 0.5 }, { rtol: 1e-3, atol: 1e-9, h0: 1e-3 }]) {
      let calls = 0;
      const f: Rhs = (t, y, d) => { calls++; stiffish(t, y, d); };
      const { stats } = dopri5(f, 0, new Float64Array([0]), [1, 3], opts);
      expect(stats.rhsEvals).toBe(calls);
      expect(stats.steps).toBe(stats.accepted + stats.rejected);
      expect(stats.rhsEvals).toBe(6 * stats.steps + 1 + (opts.h0 === undefined ? 1 : 0));
      if (opts.h0 === 0.5) expect(stats.rejected).toBeGreaterThan(0); // a far too large h0 must be rejected
    }
  });

  it('dopri5Steps calls onStep at t0 and after every accepted step, ending exactly at tEnd', () => {
    const times: number[] = [];
    let maxDrift = 0;
    const out = dopri5Steps(oscillator(2), 0, new Float64Array([1, 0]), 7, { rtol: 1e-9, atol: 1e-9 }, (t, y) => {
      times.push(t);
      maxDrift = Math.max(maxDrift, Math.abs(0.5 * (y[1] * y[1] + 4 * y[0] * y[0]) - 2));
    });
    expect(times.length).toBe(out.stats.accepted + 1);
    expect(times[0]).toBe(0);
    expect(times[times.length - 1]).toBe(7);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]);
    expect(out.t).toBe(7);
    expect(maxDrift).toBeLessThan(1e-7);
  });
});

describe('dopri5: input validation and failure modes', () => {
  const y0 = new Float64Array([1]);
  const cases: [string, () => unknown, RegExp][] = [
    ['rtol = 0', () => dopri5(decay, 0, y0, [1], { rtol: 0, atol: 1e-6 }), /^dopri5: rtol must be > 0/],
    ['rtol < 0', () => dopri5(decay, 0, y0, [1], { rtol: -1, atol: 1e-6 }), /^dopri5: rtol must be > 0.*\(got -1\)/],
    ['rtol NaN', () => dopri5(decay, 0, y0, [1], { rtol: NaN, atol: 1e-6 }), /^dopri5: rtol/],
    ['atol < 0', () => dopri5(decay, 0, y0, [1], { rtol: 1e-6, atol: -1e-9 }), /^dopri5: atol must be >= 0/],
    ['atol Inf', () => dopri5(decay, 0, y0, [1], { rtol: 1e-6, atol: Infinity }), /^dopri5: atol/],
    ['NaN in y0', () => dopri5(decay, 0, new Float64Array([1, NaN]), [1], { rtol: 1e-6, atol: 1e-6 }), /^dopri5: y0 has a non-finite entry at index 1/],
    ['decreasing tOut', () => dopri5(decay, 0, y0, [0.5, 1, 0.7], { rtol: 1e-6, atol: 1e-6 }), /^dopri5: tOut must be increasing/],
    ['tOut < t0', () => dopri5(decay, 1, y0, [0.5, 2], { rtol: 1e-6, atol: 1e-6 }), /^dopri5: tOut must be >= t0/],
    ['empty tOut', () => dopri5(decay, 0, y0, [], { rtol: 1e-6, atol: 1e-6 }), /^dopri5: tOut must be non-empty/],
    ['NaN tOut', () => dopri5(decay, 0, y0, [NaN], { rtol: 1e-6, atol: 1e-6 }), /^dopri5: tOut\[0\] must be finite/],
    ['h0 <= 0', () => dopri5(decay, 0, y0, [1], { rtol: 1e-6, atol: 1e-6, h0: 0 }), /^dopri5: h0 must be > 0/],
    ['maxSteps 0', () => dopri5(decay, 0, y0, [1], { rtol: 1e-6, atol: 1e-6, maxSteps: 0 }), /^dopri5: maxSteps must be an integer >= 1/],
    ['tEnd < t0', () => dopri5Steps(decay, 0, y0, -1, { rtol: 1e-6, atol: 1e-6 }), /^dopri5: tEnd must be >= t0/],
    ['rhs NaN at start', () => dopri5((_t, _y, d) => { d[0] = NaN; }, 0, y0, [1], { rtol: 1e-6, atol: 1e-6 }), /^dopri5: f returned a non-finite value \(NaN\)/],
    ['rhs NaN later', () => dopri5((t, y, d) => { d[0] = t > 0.5 ? NaN : -y[0]; }, 0, y0, [0.2, 1], { rtol: 1e-6, atol: 1e-6 }), /^dopri5: f returned a non-finite value/],
    ['rhs Inf later', () => dopri5((t, y, d) => { d[0] = t > 0.5 ? Infinity : -y[0]; }, 0, y0, [1], { rtol: 1e-6, atol: 1e-6 }), /^dopri5: f returned a non-finite value \(Infinity\)/],
    ['maxSteps exceeded', () => dopri5(oscillator(50), 0, new Float64Array([1, 0]), [100], { rtol: 1e-10, atol: 1e-10, maxSteps: 100 }), /^dopri5: maxSteps exceeded \(100 steps\)/],
  ];
  for (const [name, run, msg] of cases) {
    it(`throws on ${name}`, () => {
      let err: unknown;
      try { run(); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(QnnInputError);
      expect((err as Error).message).toMatch(msg);
    });
  }
});

describe('rk4Fixed', () => {
  it('is 4th order: error ratio ~16 when halving h', () => {
    const err = (h: number) => Math.abs(rk4Fixed(decay, 0, new Float64Array([1]), h, Math.round(1 / h))[0] - Math.exp(-1));
    const errOsc = (h: number) => {
      const y = rk4Fixed(oscillator(1), 0, new Float64Array([1, 0]), h, Math.round(5 / h));
      return Math.hypot(y[0] - Math.cos(5), y[1] + Math.sin(5));
    };
    for (const h of [0.2, 0.1, 0.05]) {
      for (const ratio of [err(h) / err(h / 2), errOsc(h) / errOsc(h / 2)]) {
        expect(ratio).toBeGreaterThan(14);
        expect(ratio).toBeLessThan(18);
      }
    }
  });

  it('calls onStep after every step, agrees with dopri5, and validates input', () => {
    const ts: number[] = [];
    const y = rk4Fixed(decay, 1, new Float64Array([2]), 0.01, 100, (t) => ts.push(t));
    expect(ts.length).toBe(100);
    expect(ts[99]).toBeCloseTo(2, 14);
    const ref = dopri5(decay, 1, new Float64Array([2]), [2], { rtol: 1e-12, atol: 1e-12 }).y[0][0];
    expect(Math.abs(y[0] - ref)).toBeLessThan(1e-9);
    expect(() => rk4Fixed(decay, 0, new Float64Array([1]), 0, 10)).toThrow(/^rk4Fixed: h must be > 0/);
    expect(() => rk4Fixed(decay, 0, new Float64Array([1]), 0.1, 1.5)).toThrow(/^rk4Fixed: nSteps must be an integer >= 0/);
    expect(() => rk4Fixed((_t, _y, d) => { d[0] = NaN; }, 0, new Float64Array([1]), 0.1, 3)).toThrow(/^rk4Fixed: f returned a non-finite value/);
  });
});
