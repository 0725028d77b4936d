// Covers src/model/scenarios.ts: the parameter checks of the appendix-D and Line (1) scenarios, by
// message, and the shape of what they build (labels: balanced for even m, +-1 for m = 1).
import { describe, expect, it } from 'vitest';
import { appendixDInstance, lineInstance } from '../../src/model/scenarios.ts';
import { haarSpecialUnitary, orthonormalStates } from '../../src/random/ensembles.ts';
import { makeRng } from '../../src/random/rng.ts';

describe('scenario parameters', () => {
  for (const [name, make] of [['appendixDInstance', appendixDInstance], ['lineInstance', lineInstance]] as const) {
    it(`${name} names the parameter and the condition of each violation`, () => {
      const rng = makeRng(1);
      expect(() => make(rng, { d: 1, m: 1, p: 1 })).toThrow(new RegExp(`^${name}: d must be an integer >= 2 \\(got 1\\)`));
      expect(() => make(rng, { d: 3, m: 1, p: 1 })).toThrow(`${name}: d must be even for the +-1 trace-0 measurement (got 3)`);
      expect(() => make(rng, { d: 4, m: 0, p: 1 })).toThrow(new RegExp(`^${name}: m must be an integer >= 1 \\(got 0\\)`));
      expect(() => make(rng, { d: 4, m: 5, p: 1 })).toThrow(`${name}: m must be <= d for orthonormal states (got m = 5, d = 4)`);
      expect(() => make(rng, { d: 4, m: 2, p: 0 })).toThrow(new RegExp(`^${name}: p must be an integer >= 1 \\(got 0\\)`));
      expect(() => make(rng, { d: 4, m: 2, p: 1, gamma: Number.NaN })).toThrow(new RegExp(`^${name}: gamma `));
      expect(() => make(rng, { d: 4, m: 2, p: 1, gamma: 0 })).toThrow(`${name}: gamma must be > 0 (got 0)`);
      expect(() => make(rng, { d: 4, m: 4, p: 1, gamma: 2 })).not.toThrow();
    });

    it(`${name} builds d, m, p as asked, with gamma-scaled M0 and +-1 labels`, () => {
      const { instance, theta0 } = make(makeRng(2), { d: 4, m: 2, p: 3, gamma: 2 });
      expect([instance.ansatz.d, instance.states.rows, instance.ansatz.p, theta0.length]).toEqual([4, 2, 3, 3]);
      expect(Array.from(instance.labels).sort()).toEqual([-1, 1]); // balanced for even m
      expect(instance.M0.re[0]).toBe(2);
      expect(instance.gamma).toBe(2);
      for (let seed = 0; seed < 20; seed++) {
        const y = make(makeRng(seed), { d: 2, m: 1, p: 1 }).instance.labels;
        expect(Math.abs(y[0])).toBe(1);
      }
      // m = 1 labels take both signs over seeds
      const signs = new Set(Array.from({ length: 20 }, (_, s) => make(makeRng(s), { d: 2, m: 1, p: 1 }).instance.labels[0]));
      expect(signs.size).toBe(2);
    });
  }
});

describe('lineInstance theta(0)', () => {
  it('is uniform on [0, 2 pi): every entry inside, and spread over the interval', () => {
    const { theta0 } = lineInstance(makeRng(5), { d: 2, m: 1, p: 64 });
    for (const t of theta0) {
      expect(t).toBeGreaterThanOrEqual(0);
      expect(t).toBeLessThan(2 * Math.PI);
    }
    // 64 uniform draws: P(max < 3 pi / 2) = (3/4)^64 < 1e-7, P(min > pi / 2) likewise
    expect(Math.max(...theta0)).toBeGreaterThan(1.5 * Math.PI);
    expect(Math.min(...theta0)).toBeLessThan(0.5 * Math.PI);
  });
});

describe('appendixDInstance, entry by entry (same seed, same numbers)', () => {
  it('odd m: label j is +1 exactly when the j-th uniform after the states is < 1/2 (the documented construction)', () => {
    for (let seed = 0; seed < 8; seed++) {
      const s = { d: 4, m: 3, p: 2, gamma: 1.5 };
      const { instance } = appendixDInstance(makeRng(seed), s);
      // replay the stream: p + 1 Haar SU(d) unitaries, the states, then one uniform per label
      const rng = makeRng(seed);
      for (let l = 0; l <= s.p; l++) haarSpecialUnitary(rng, s.d);
      orthonormalStates(rng, s.m, s.d);
      const expected = Array.from({ length: s.m }, () => (rng.uniform() < 0.5 ? 1 : -1));
      expect(Array.from(instance.labels)).toEqual(expected);
    }
  });
});
