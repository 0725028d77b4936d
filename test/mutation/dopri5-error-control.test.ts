/**
 * The step-size control must reject steps: an integrator that accepts every step whatever its error
 * estimate (found by scripts/bug-table.ts: only the step-count bookkeeping test caught it) would
 * take a too-large first step h0 and carry its error to the end.
 */
import { describe, expect, it } from 'vitest';
import { dopri5Steps } from '../../src/integrate/dopri5.ts';

describe('dopri5 error control', () => {
  it("a too-large h0 on y' = -20 y is rejected: |y(2) - e^{-40}| and the local errors stay within 100*tol", () => {
    const f = (_t: number, y: Float64Array, dy: Float64Array): void => {
      dy[0] = -20 * y[0];
    };
    for (const tol of [1e-6, 1e-9]) {
      let worst = 0;
      const r = dopri5Steps(f, 0, new Float64Array([1]), 2, { rtol: tol, atol: tol, h0: 1 }, (t, y) => {
        worst = Math.max(worst, Math.abs(y[0] - Math.exp(-20 * t)));
      });
      expect(r.stats.rejected).toBeGreaterThan(0);
      expect(worst).toBeLessThan(100 * tol);
      expect(Math.abs(r.y[0] - Math.exp(-40))).toBeLessThan(100 * tol);
    }
  });
});
