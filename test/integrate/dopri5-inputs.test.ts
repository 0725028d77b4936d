// Covers src/integrate/dopri5.ts: non-autonomous right-hand sides (every stage's time argument
// matters), and every input check of dopri5, dopri5Steps and rk4Fixed by its message.
import { describe, expect, it } from 'vitest';
import { dopri5, dopri5Steps, rk4Fixed } from '../../src/integrate/dopri5.ts';

// y' = cos(t) + y - sin(t): with y(0) = 0 the solution is y = sin(t); the t-dependence is not
// removable, so a stage evaluated at a wrong time gives an O(h) error, far above the tolerance
const f = (t: number, y: Float64Array, out: Float64Array) => { out[0] = Math.cos(t) + y[0] - Math.sin(t); };

describe('non-autonomous right-hand sides', () => {
  it('dopri5 follows y = sin(t) to its tolerance, at output times and at every accepted step', () => {
    const ts = [0.5, 1, 2, 3];
    const r = dopri5(f, 0, new Float64Array([0]), ts, { rtol: 1e-10, atol: 1e-12 });
    // the problem is unstable (y' = y + ...), so the global error grows like e^t times the local tolerance
    ts.forEach((t, i) => expect(Math.abs(r.y[i][0] - Math.sin(t))).toBeLessThan(1e-8));
    let worst = 0;
    dopri5Steps(f, 1, new Float64Array([Math.sin(1)]), 2.5, { rtol: 1e-10, atol: 1e-12 }, (t, y) => { worst = Math.max(worst, Math.abs(y[0] - Math.sin(t))); });
    expect(worst).toBeLessThan(1e-8);
  });

  it('rk4Fixed has global error O(h^4) on it (ratio 16 when h halves), starting from t0 != 0', () => {
    const err = (n: number) => Math.abs(rk4Fixed(f, 1, new Float64Array([Math.sin(1)]), 1 / n, n)[0] - Math.sin(2));
    const ratio = err(20) / err(40);
    expect(ratio).toBeGreaterThan(14);
    expect(ratio).toBeLessThan(18);
    expect(err(40)).toBeLessThan(1e-7);
  });
});

describe('input checks name the function, the parameter and the condition', () => {
  const y0 = new Float64Array([0]);
  const ok = { rtol: 1e-6, atol: 1e-9 };
  it('dopri5 and dopri5Steps', () => {
    expect(() => dopri5(f, 0, y0, [1], null as never)).toThrow('dopri5: opts must be an object');
    expect(() => dopri5(f, 0, y0, [1], 3 as never)).toThrow('dopri5: opts must be an object');
    expect(() => dopri5(f, 0, y0, [1], { rtol: 0, atol: 0 })).toThrow('dopri5: rtol must be > 0 and finite (got 0)');
    expect(() => dopri5(f, 0, y0, [1], { rtol: Infinity, atol: 0 })).toThrow('dopri5: rtol must be > 0 and finite (got Infinity)');
    expect(() => dopri5(f, 0, y0, [1], { rtol: 1, atol: -1 })).toThrow('dopri5: atol must be >= 0 and finite (got -1)');
    expect(() => dopri5(f, 0, y0, [1], { rtol: 1, atol: Number.NaN })).toThrow('dopri5: atol must be >= 0 and finite (got NaN)');
    expect(() => dopri5(f, 0, y0, [1], { ...ok, h0: 0 })).toThrow('dopri5: h0 must be > 0 and finite (got 0)');
    expect(() => dopri5(f, 0, y0, [1], { ...ok, hMax: 0 })).toThrow('dopri5: hMax must be > 0 (got 0)');
    expect(() => dopri5(f, 0, y0, [1], { ...ok, hMax: -1 })).toThrow('dopri5: hMax must be > 0 (got -1)');
    expect(() => dopri5(f, 0, y0, [1], { ...ok, maxSteps: 0 })).toThrow(/^dopri5: maxSteps must be an integer >= 1 \(got 0\)/);
    expect(() => dopri5(3 as never, 0, y0, [1], ok)).toThrow('dopri5: f must be a function');
    expect(() => dopri5(f, Number.NaN, y0, [1], ok)).toThrow(/^dopri5: t0 /);
    expect(() => dopri5(f, 0, [0] as never, [1], ok)).toThrow('dopri5: y0 must be a Float64Array');
    expect(() => dopri5(f, 0, new Float64Array([Number.NaN]), [1], ok)).toThrow('dopri5: y0 has a non-finite entry at index 0 (NaN)');
    expect(() => dopri5(f, 0, y0, [1, 0.5], ok)).toThrow(/^dopri5: tOut must be increasing \(tOut\[1\] = 0.5/);
    expect(() => dopri5Steps(f, 0, y0, Number.NaN, ok)).toThrow(/^dopri5: tEnd /);
    expect(() => dopri5Steps(f, 1, y0, 0.5, ok)).toThrow('dopri5: tEnd must be >= t0 (got 0.5 < 1)');
    // tOut equal to t0 returns y0 itself; an onStep that stops at t0 does no step
    expect(Array.from(dopri5(f, 0, new Float64Array([0.25]), [0, 0], ok).y.map((y) => y[0]))).toEqual([0.25, 0.25]);
    expect(dopri5Steps(f, 0, y0, 1, ok, () => false).stats.steps).toBe(0);
  });
  it('rk4Fixed', () => {
    expect(() => rk4Fixed(3 as never, 0, y0, 0.1, 1)).toThrow('rk4Fixed: f must be a function');
    expect(() => rk4Fixed(f, Number.POSITIVE_INFINITY, y0, 0.1, 1)).toThrow(/^rk4Fixed: t0 /);
    expect(() => rk4Fixed(f, 0, [0] as never, 0.1, 1)).toThrow('rk4Fixed: y0 must be a Float64Array');
    expect(() => rk4Fixed(f, 0, new Float64Array([Number.NaN]), 0.1, 1)).toThrow('rk4Fixed: y0 has a non-finite entry at index 0 (NaN)');
    expect(() => rk4Fixed(f, 0, y0, 0, 1)).toThrow('rk4Fixed: h must be > 0 and finite (got 0)');
    expect(() => rk4Fixed(f, 0, y0, 0.1, -1)).toThrow(/^rk4Fixed: nSteps must be an integer >= 0 \(got -1\)/);
    expect(() => rk4Fixed(f, 0, new Float64Array([1e300]), 1e10, 3)).toThrow(/^rk4Fixed: /);
  });
});
