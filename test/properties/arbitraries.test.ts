import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QnnInputError } from '../../src/errors.ts';
import { EPS, gramRows, hermitianDeviation, identity, matmul, maxAbsDiff, trace, unitaryDeviation } from '../../src/linalg/cmatrix.ts';
import { det } from '../../src/linalg/qr.ts';
import {
  buildDataset, buildHaarUnitary, buildHermitian, buildOrthonormalStates, datasetArb, dimensionArb, haarUnitaryArb,
  hermitianArb, MAX_SEED, orthonormalStatesArb, seedArb,
} from '../../properties/index.ts';

/** Rounding tolerance for d x d unitary / orthonormal results: C_ROUND * d * EPS. */
const C_ROUND = 8;
const NUM_RUNS = 30;
/** fast-check seed for the determinism checks (fc.sample with a fixed seed). */
const FC_SEED = 12345;

describe('seedArb / dimensionArb', () => {
  it('seeds are integers in [0, 2^31 - 1]', () => {
    fc.assert(fc.property(seedArb(), (s) => Number.isInteger(s) && s >= 0 && s <= MAX_SEED), { numRuns: 200 });
  });

  it('dimensions respect the range and parity', () => {
    fc.assert(fc.property(dimensionArb({ min: 2, max: 9 }), (d) => Number.isInteger(d) && d >= 2 && d <= 9), { numRuns: 100 });
    fc.assert(fc.property(dimensionArb({ min: 3, max: 9, even: true }), (d) => d % 2 === 0 && d >= 4 && d <= 8), { numRuns: 100 });
    expect(fc.sample(dimensionArb({ min: 5, max: 5 }), 5)).toEqual([5, 5, 5, 5, 5]);
  });

  it('rejects empty / invalid ranges', () => {
    expect(() => dimensionArb({ min: 0, max: 3 })).toThrow(QnnInputError);
    expect(() => dimensionArb({ min: 4, max: 3 })).toThrow(/^dimensionArb: range\.max /);
    expect(() => dimensionArb({ min: 3, max: 3, even: true })).toThrow(/^dimensionArb: range \[3, 3\] contains no even integer/);
  });
});

describe('hermitianArb', () => {
  it('gue: d x d, exactly Hermitian, d within range', () => {
    fc.assert(
      fc.property(hermitianArb({ d: { min: 1, max: 8 } }), ({ d, kind, value }) => {
        expect(kind).toBe('gue');
        expect(d >= 1 && d <= 8 && value.rows === d && value.cols === d).toBe(true);
        expect(hermitianDeviation(value)).toBe(0);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('traceless: tr H = 0 to C_ROUND d EPS max|H_ii|', () => {
    fc.assert(
      fc.property(hermitianArb({ d: { min: 1, max: 8 }, kind: 'traceless' }), ({ d, value }) => {
        expect(d).toBeGreaterThanOrEqual(2); // clipped: traceless needs d >= 2
        expect(hermitianDeviation(value)).toBe(0);
        let scale = 1;
        for (let i = 0; i < d; i++) scale = Math.max(scale, Math.abs(value.re[i * d + i]));
        expect(Math.abs(trace(value).re)).toBeLessThanOrEqual(C_ROUND * d * EPS * scale);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('pm1: even d, tr H = 0 and H^2 = I (spectrum +-1) to C_ROUND d EPS', () => {
    fc.assert(
      fc.property(hermitianArb({ d: { min: 1, max: 9 }, kind: 'pm1' }), ({ d, value }) => {
        expect(d % 2).toBe(0);
        expect(Math.abs(trace(value).re)).toBeLessThanOrEqual(C_ROUND * d * EPS);
        // H = U diag(+-1) U^dag is an involution. With |H - H_exact|_max <= delta = C_ROUND d EPS (the rounding rule
        // of every U-built result here), H^2 - I carries 2 delta |H| plus the rounding of the product, d EPS |H|^2:
        // (2 C_ROUND + 1) d EPS. (The rule C_ROUND d EPS, applied to H^2 as if it were H, failed at d = 2 with 18 EPS.)
        const dev = maxAbsDiff(matmul(value, value), identity(d));
        expect(dev).toBeLessThanOrEqual((2 * C_ROUND + 1) * d * EPS);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('invalid specs throw at construction', () => {
    expect(() => hermitianArb({ d: 1, kind: 'traceless' })).toThrow(/^hermitianArb: d has no admissible value/);
    expect(() => hermitianArb({ d: 3, kind: 'pm1' })).toThrow(/^hermitianArb: d has no admissible value/);
    expect(() => hermitianArb({ d: 2.5 })).toThrow(/^hermitianArb: d\.min /);
  });
});

describe('haarUnitaryArb', () => {
  it('U(d): unitary to C_ROUND d EPS', () => {
    fc.assert(
      fc.property(haarUnitaryArb({ d: { min: 1, max: 12 } }), ({ d, special, value }) => {
        expect(special).toBe(false);
        expect(value.rows).toBe(d);
        expect(unitaryDeviation(value)).toBeLessThanOrEqual(C_ROUND * d * EPS);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('SU(d): unitary and det = 1 to C_ROUND d EPS (fixed d = 4)', () => {
    fc.assert(
      fc.property(haarUnitaryArb({ d: 4, special: true }), ({ d, value }) => {
        expect(d).toBe(4);
        expect(unitaryDeviation(value)).toBeLessThanOrEqual(C_ROUND * d * EPS);
        const dt = det(value);
        expect(Math.hypot(dt.re - 1, dt.im)).toBeLessThanOrEqual(C_ROUND * d * EPS);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('orthonormalStatesArb', () => {
  it('m <= d, rows orthonormal to C_ROUND d EPS, ranges respected', () => {
    fc.assert(
      fc.property(orthonormalStatesArb({ m: { min: 1, max: 6 }, d: { min: 2, max: 10 } }), ({ m, d, value }) => {
        expect(m >= 1 && m <= 6 && d >= 2 && d <= 10 && m <= d).toBe(true);
        expect([value.rows, value.cols]).toEqual([m, d]);
        expect(maxAbsDiff(gramRows(value), identity(m))).toBeLessThanOrEqual(C_ROUND * d * EPS);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('d is clipped to >= m.min; impossible specs throw', () => {
    fc.assert(fc.property(orthonormalStatesArb({ m: 4, d: { min: 1, max: 5 } }), ({ m, d }) => m === 4 && d >= 4), { numRuns: NUM_RUNS });
    expect(() => orthonormalStatesArb({ m: 5, d: 4 })).toThrow(/^orthonormalStatesArb: d has no admissible value/);
  });
});

describe('datasetArb', () => {
  it('orthonormal states, balanced +-1 labels, m even <= d', () => {
    fc.assert(
      fc.property(datasetArb({ d: { min: 2, max: 16 }, m: { min: 1, max: 8 } }), ({ d, m, states, labels }) => {
        expect(m % 2 === 0 && m >= 2 && m <= 8 && m <= d && d <= 16).toBe(true);
        expect([states.rows, states.cols]).toEqual([m, d]);
        expect(maxAbsDiff(gramRows(states), identity(m))).toBeLessThanOrEqual(C_ROUND * d * EPS);
        expect(labels.length).toBe(m);
        expect(labels.every((y) => y === 1 || y === -1)).toBe(true);
        expect(labels.reduce((a, b) => a + b, 0)).toBe(0);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('impossible specs throw', () => {
    expect(() => datasetArb({ d: 8, m: 3 })).toThrow(/^datasetArb: m has no admissible value/);
    expect(() => datasetArb({ d: 3, m: 4 })).toThrow(/^datasetArb: d has no admissible value/);
  });
});

describe('replay: same seed -> same value', () => {
  const cases: [string, fc.Arbitrary<any>, (v: any) => unknown][] = [
    ['hermitianArb', hermitianArb({ d: { min: 2, max: 6 }, kind: 'traceless' }), (v: any) => buildHermitian(v)],
    ['haarUnitaryArb', haarUnitaryArb({ d: { min: 1, max: 6 }, special: true }), (v: any) => buildHaarUnitary(v)],
    ['orthonormalStatesArb', orthonormalStatesArb({ m: { min: 1, max: 3 }, d: { min: 3, max: 6 } }), (v: any) => buildOrthonormalStates(v)],
    ['datasetArb', datasetArb({ d: { min: 2, max: 8 }, m: { min: 2, max: 4 } }), (v: any) => buildDataset(v)],
  ];

  for (const [name, arb, build] of cases) {
    it(`${name}: the builder reproduces the value from its recorded parameters; fc.sample is reproducible`, () => {
      fc.assert(
        fc.property(arb, (v) => {
          expect(build(v)).toEqual(v);
        }),
        { numRuns: NUM_RUNS },
      );
      expect(fc.sample(arb, { seed: FC_SEED, numRuns: 5 })).toEqual(fc.sample(arb, { seed: FC_SEED, numRuns: 5 }));
    });
  }

  it('counterexamples print as the builder call', () => {
    const v = buildHermitian({ seed: 7, d: 3, kind: 'gue' });
    expect(fc.stringify(v)).toBe('buildHermitian({"seed":7,"d":3,"kind":"gue"})');
    const r = fc.check(fc.property(datasetArb({ d: 4, m: 2 }), () => false), { seed: FC_SEED });
    expect(r.failed).toBe(true);
    expect(fc.defaultReportMessage(r)).toMatch(/buildDataset\(\{"seed":\d+,"d":4,"m":2\}\)/);
  });

  it('different seeds give different values', () => {
    expect(buildHaarUnitary({ seed: 1, d: 3, special: false }).value).not.toEqual(buildHaarUnitary({ seed: 2, d: 3, special: false }).value);
  });
});
