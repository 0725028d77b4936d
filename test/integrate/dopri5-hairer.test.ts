/**
 * src/integrate/dopri5.ts against Hairer's Fortran DOPRI5: the same problems, the same accepted steps.
 * test/fixtures/dopri5-hairer.json holds every accepted (t, y) and the counters of the Fortran code,
 * recorded by scripts/dopri5-reference.py. Both codes run the same formulas (HINIT, RMS error norm, the
 * PI controller with beta = 0.04, the step-size limits and the rejection rule), so the step sequences must
 * agree to rounding: a changed constant, comparison or branch of the controller moves the steps.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dopri5Steps, type Rhs } from '../../src/integrate/dopri5.ts';

interface Reference {
  t0: number; y0: number[]; tEnd: number; rtol: number; atol: number; h0: number; hMax: number;
  nfcn: number; nstep: number; naccpt: number; nrejct: number; t: number[]; y: number[][];
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/dopri5-hairer.json', import.meta.url), 'utf8')) as {
  problems: Record<string, Reference>;
};

// The right-hand sides of scripts/dopri5-reference.py, by name.
const RHS: Record<string, Rhs> = {
  decay: (_t, y, dy) => { dy[0] = -20 * y[0]; },
  'decay-h0': (_t, y, dy) => { dy[0] = -20 * y[0]; },
  nonautonomous: (t, y, dy) => {
    dy[0] = y[0] * Math.cos(t) - y[1];
    dy[1] = y[0] + 0.3 * Math.sin(2 * t) * y[1];
    dy[2] = -0.5 * y[2] + t;
  },
  'van-der-pol': (_t, y, dy) => { dy[0] = y[1]; dy[1] = 10 * (1 - y[0] * y[0]) * y[1] - y[0]; },
  'oscillator-hmax': (_t, y, dy) => { dy[0] = y[1]; dy[1] = -y[0]; },
  zero: (_t, _y, dy) => { dy[0] = 0; dy[1] = 0; },
  ramp: (t, _y, dy) => { dy[0] = t; },
  'ramp-from-one': (t, _y, dy) => { dy[0] = t; },
  jump: (t, _y, dy) => { dy[0] = t >= 1 ? 1 : 0; },
  'decay-negative-t0': (_t, y, dy) => { dy[0] = -20 * y[0]; },
};

// Rounding only. The error estimate is a difference of nearly equal stage sums, so a last-bit difference
// (libm's cos/sin, the Fortran compiler's operation order) changes err in its 8th digit and the next step
// size h ~ err^(-1/5) in its 12th: measured worst relative differences 3e-14 (decay), 6.8e-12 (van der Pol),
// 2.6e-11 (nonautonomous). A changed constant or branch of the controller moves a step by a sizeable
// fraction of h, >= 1e-4 of the interval here.
const RTOL = 1e-9;
const close = (a: number, b: number, scale: number): boolean => Math.abs(a - b) <= RTOL * scale;

describe('dopri5 reproduces the accepted steps of Hairer\'s DOPRI5', () => {
  it('the fixture covers every problem of the test', () => {
    expect(Object.keys(fixture.problems).sort()).toEqual(Object.keys(RHS).sort());
  });

  for (const [name, ref] of Object.entries(fixture.problems)) {
    it(`${name}: ${ref.naccpt} accepted steps (${ref.nstep} attempted) at the same times and states`, () => {
      const ts: number[] = [], ys: number[][] = [];
      const opts = {
        rtol: ref.rtol, atol: ref.atol,
        ...(ref.h0 > 0 ? { h0: ref.h0 } : {}),
        ...(ref.hMax > 0 ? { hMax: ref.hMax } : {}),
      };
      const r = dopri5Steps(RHS[name], ref.t0, Float64Array.from(ref.y0), ref.tEnd, opts, (t, y) => {
        ts.push(t);
        ys.push(Array.from(y));
      });
      expect(ts.length).toBe(ref.t.length); // solout is called at t0 and after every accepted step
      expect(r.stats.steps).toBe(ref.nstep);
      expect(r.stats.accepted).toBe(ref.naccpt);
      // NREJCT counts only rejections after the first accepted step; ours counts them all.
      expect(r.stats.rejected).toBe(r.stats.steps - r.stats.accepted);
      expect(r.stats.rejected).toBeGreaterThanOrEqual(ref.nrejct);
      // NFCN = 6 NSTEP + 2 always; ours counts the HINIT evaluation only when it happens.
      expect(r.stats.rhsEvals).toBe(ref.nfcn - (ref.h0 > 0 ? 1 : 0));
      for (let k = 0; k < ts.length; k++) {
        if (!close(ts[k], ref.t[k], ref.tEnd - ref.t0)) throw new Error(`${name}: step ${k} at t = ${ts[k]}, Fortran ${ref.t[k]}`);
        for (let i = 0; i < ref.y0.length; i++) {
          const scale = Math.max(...ref.y.map((row) => Math.abs(row[i])));
          if (!close(ys[k][i], ref.y[k][i], scale)) {
            throw new Error(`${name}: y[${i}] at step ${k} = ${ys[k][i]}, Fortran ${ref.y[k][i]}`);
          }
        }
      }
      expect(r.t).toBe(ref.tEnd);
    });
  }
});
