/**
 * Search spaces of appendix B's statistical claims (theorems/search-spaces-appendix-b.ts): lemma-b.1/haar-mean ("E[(V H V^dag)^(x)2]
 * = Z Y*" for every trace-0 H) and lemma-b.2, lemma-b.2/eq-71, lemma-b.2/hoeffding-corrected ("with probability 1 - delta,
 * ||Y(theta(0)) - Y*||_op <= ..." for any H and delta). Each decoded x is a valid instance (a traceless non-zero H of the run's
 * tr(H^2), delta in its range), x = 0 is the run itself, and the statistic is re-estimated from the run's own Haar sample on every
 * evaluation (common random numbers), so the objective is deterministic and continuous in x.
 */
import { describe, expect, it } from 'vitest';
import { sub } from '../../src/linalg/cmatrix.ts';
import { eigvalsh } from '../../src/linalg/eigh.ts';
import { opNormHermitian } from '../../src/linalg/norms.ts';
import { yStar, zFactor } from '../../src/model/kernels.ts';
import { makeRng } from '../../src/random/rng.ts';
import { Reader } from '../../src/search/decode.ts';
import { evaluateSearched, pickStarts, targetedSearch } from '../../src/search/targeted.ts';
import { claimById } from '../../theorems/index.ts';
import { buildGenerator, buildPeriodic } from '../../theorems/section-4-b-common.ts';
import { yMatrixFast } from '../../theorems/section-4-b-sweep.ts';
import {
  b2Samples, fromEigen, runGenerator, sphereCoordinates, sphereSpectrum, tangentBasis,
} from '../../theorems/search-spaces-appendix-b.ts';

const EPS = Number.EPSILON;
const B2_IDS = ['lemma-b.2', 'lemma-b.2/eq-71', 'lemma-b.2/hoeffding-corrected'];
/**
 * A lemma-b.2 run whose spectrum is searched (n p d^4 <= 1e7, as d = 4, p = 128, n = 200 of the arbitrary) and runs where only delta
 * is (d = 2; n p d^4 > 1e7), with smaller n and p than the arbitrary's to keep the tests fast (the spaces take them from the run).
 */
const spectralRun = { seed: 5, d: 4, p: 64, gen: 'gue', theta0: 'random', delta: 0.1, n: 60 };
const deltaOnlyRuns = [
  { seed: 6, d: 2, p: 64, gen: 'appendix-d', theta0: 'zero', delta: 0.05, n: 60 },
  { seed: 7, d: 8, p: 64, gen: 'rank2', theta0: 'random', delta: 0.1, n: 40 },
];

const sum = (v: ArrayLike<number>) => Array.from(v).reduce((a, b) => a + b, 0);
const norm = (v: ArrayLike<number>) => Math.hypot(...Array.from(v));

describe('traceless spectra on a sphere (sphereSpectrum)', () => {
  it('exact case: at d = 3 around (1, -1, 0)/sqrt 2 the one tangent direction is +-(1, 1, -2)/sqrt 6', () => {
    const [b] = tangentBasis(Float64Array.from([1, -1, 0]).map((x) => x / Math.SQRT2));
    const s = Math.sign(b[0]);
    [1, 1, -2].forEach((x, k) => expect(s * b[k]).toBeCloseTo(x / Math.sqrt(6), 15));
    // t = pi/2 reaches it (times the norm), t = pi the opposite spectrum
    const lam0 = Float64Array.from([1, -1, 0]);
    const quarter = sphereSpectrum(new Reader([Math.PI / 2]), lam0);
    [1, 1, -2].forEach((x, k) => expect(s * quarter[k]).toBeCloseTo((x * Math.SQRT2) / Math.sqrt(6), 14));
    const half = sphereSpectrum(new Reader([Math.PI]), lam0);
    [-1, 1, 0].forEach((x, k) => expect(half[k]).toBeCloseTo(x, 14));
  });

  it('any x decodes to a traceless spectrum of the same norm; x = 0 to lam0 itself; d = 2 reads no real', () => {
    const rng = makeRng('sphere');
    for (const d of [3, 4, 8]) {
      const lam0 = Float64Array.from({ length: d }, () => rng.normal());
      const m = sum(lam0) / d;
      lam0.forEach((x, k) => { lam0[k] = x - m; });
      expect(Array.from(sphereSpectrum(new Reader(new Float64Array(d - 2)), lam0))).toEqual(Array.from(lam0));
      for (let trial = 0; trial < 20; trial++) {
        const x = Float64Array.from({ length: d - 2 }, () => 3 * rng.normal());
        const r = new Reader(x);
        const lam = sphereSpectrum(r, lam0);
        expect(r.used).toBe(d - 2);
        expect(Math.abs(sum(lam))).toBeLessThanOrEqual(8 * d * EPS * norm(lam0));
        expect(Math.abs(norm(lam) - norm(lam0))).toBeLessThanOrEqual(8 * d * EPS * norm(lam0));
        // round trip through the inverse (|t| < pi: the geodesic is unique)
        const t = Float64Array.from(x);
        const len = norm(t);
        if (len < Math.PI - 1e-3 && len > 1e-3) {
          const back = sphereCoordinates(lam, lam0);
          back.forEach((v, i) => expect(v).toBeCloseTo(t[i], 9));
        }
      }
    }
    const r2 = new Reader([]);
    expect(Array.from(sphereSpectrum(r2, Float64Array.from([0.5, -0.5])))).toEqual([0.5, -0.5]);
    expect(r2.used).toBe(0);
  });

  it('fromEigen(lam, V) is Hermitian with spectrum lam (V the eigenvectors of a GUE H)', () => {
    const run = runGenerator({ seed: 3, d: 4, gen: 'gue' });
    const lam = Float64Array.from([0.3, -1.2, 0.4, 0.5]);
    const h = fromEigen(lam, run.eig.vectors);
    const ev = eigvalsh(h);
    [...lam].sort((a, b) => a - b).forEach((x, k) => expect(ev[k]).toBeCloseTo(x, 13));
    expect(Array.from(fromEigen(lam, undefined).re)).toEqual([0.3, 0, 0, 0, 0, -1.2, 0, 0, 0, 0, 0.4, 0, 0, 0, 0, 0.5]);
  });
});

describe('lemma-b.2: the common-random-number sampler', () => {
  it('gives the samples of yMatrixFast on buildPeriodic\'s QNN bit for bit (H diagonal and not, theta(0) zero and uniform)', () => {
    for (const spec of [{ seed: 11, d: 4, p: 6, gen: 'gue' as const, theta0: 'random' as const, n: 4 }, { seed: 12, d: 2, p: 5, gen: 'appendix-d' as const, theta0: 'zero' as const, n: 4 }]) {
      const root = makeRng(spec.seed);
      const h = buildGenerator(root.fork('H'), spec.d, spec.gen);
      const expected = Array.from({ length: spec.n }, (_, k) => {
        const q = buildPeriodic(root.fork(`draw${k}`), { d: spec.d, m: 1, p: spec.p, gamma: 1, gen: spec.gen, theta0: spec.theta0, generator: h });
        return opNormHermitian(sub(yMatrixFast(q, q.theta0), yStar(spec.d)));
      });
      const g = runGenerator(spec);
      expect(b2Samples(spec, g.eig.values, zFactor(h))).toEqual(expected);
      expect(b2Samples(spec, g.eig.values, zFactor(h), true)).toEqual(expected); // the retained draws give the same
    }
  });

  it('uses the same draws for every spectrum: with theta(0) = 0, Y depends on H only through H (x) H, so lam and -lam give the same samples', () => {
    const spec = { seed: 13, d: 4, p: 12, gen: 'gue' as const, theta0: 'zero' as const, n: 30 };
    const g = runGenerator(spec);
    const a = b2Samples(spec, g.eig.values, g.z, true);
    const b = b2Samples(spec, g.eig.values.map((x) => -x), g.z, true);
    a.forEach((x, k) => expect(Math.abs(b[k] - x)).toBeLessThanOrEqual(64 * spec.d ** 2 * spec.p * EPS * x + 1e-15));
  });
});

describe('lemma-b.2 search spaces (delta, and the spectrum where it is searched)', () => {
  it('dimension: 1 (delta) + d - 2 where the spectrum is searched (d = 4 at p = 128, n = 200), 1 elsewhere (d = 2, 8, 16; d = 4 at p = 512)', () => {
    const arb = (d: number, p: number, n: number) => ({ seed: 1, d, p, gen: 'gue', theta0: 'zero', delta: 0.1, n }) as never;
    for (const id of B2_IDS) {
      const space = claimById(id)!.search!;
      expect(space.dimension(arb(4, 128, 200))).toBe(3);
      for (const [d, p, n] of [[2, 64, 200], [2, 512, 200], [4, 512, 200], [8, 128, 100], [8, 256, 100], [16, 128, 30]]) expect(space.dimension(arb(d, p, n))).toBe(1);
      expect(space.dimension(spectralRun as never)).toBe(3);
      for (const r of deltaOnlyRuns) expect(space.dimension(r as never)).toBe(1);
    }
  });

  it('x = encode(run) is the run itself: the same samples (bit for bit) and tightness (to the rounding of delta through asin and sin) as the random run', () => {
    for (const id of B2_IDS) {
      const claim = claimById(id)!;
      for (const run of [spectralRun, ...deltaOnlyRuns]) {
        const x = Array.from(claim.search!.encode!(run as never)!);
        const searched = evaluateSearched(claim, { params: run, x }).outcome;
        const random = claim.check(run as never);
        expect(Math.abs((searched.details!.delta as number) - run.delta)).toBeLessThanOrEqual(4 * EPS);
        expect(searched.tightness).toBeCloseTo(random.tightness!, 13); // delta through asin/sin: equal to rounding
        expect(searched.details!.lowerConfidenceQuantile).toBe(random.details!.lowerConfidenceQuantile);
      }
    }
  });

  it('decodes any x to delta in [0.01, 0.5] and a traceless H of the run\'s tr(H^2); the same x gives the same tightness (common random numbers)', () => {
    const claim = claimById('lemma-b.2')!;
    const space = claim.search!;
    const rng = makeRng('b2-decode');
    const run = runGenerator(spectralRun as never);
    for (let trial = 0; trial < 4; trial++) {
      const x = Float64Array.from({ length: 3 }, () => 2 * rng.normal());
      const inst = space.decode(x, spectralRun as never) as { lam: Float64Array; delta: number; g: { h: never; z: number } };
      expect(inst.delta).toBeGreaterThanOrEqual(0.01);
      expect(inst.delta).toBeLessThanOrEqual(0.5);
      expect(Math.abs(sum(inst.lam))).toBeLessThanOrEqual(32 * EPS * norm(run.eig.values));
      expect(inst.g.z).toBeCloseTo(run.z, 13); // tr(H^2) is the run's
      const a = evaluateSearched(claim, { params: spectralRun, x: Array.from(x) }).outcome;
      const b = evaluateSearched(claim, { params: spectralRun, x: Array.from(x) }).outcome;
      expect(b.tightness).toBe(a.tightness);
      expect(a.ok).toBe(true);
      // continuous in x: a nudge of 1e-7 moves the tightness by far less than a fresh sample would (~5%)
      const c = evaluateSearched(claim, { params: spectralRun, x: Array.from(x, (v, i) => (i === 1 ? v + 1e-7 : v)) }).outcome;
      expect(Math.abs(c.tightness! - a.tightness!)).toBeLessThanOrEqual(1e-5);
    }
  });

  it('the search is deterministic for a seed', () => {
    const claim = claimById('lemma-b.2/eq-71')!;
    const a = targetedSearch(claim, [spectralRun as never, deltaOnlyRuns[0] as never], { seed: 3, evaluations: 12 });
    const b = targetedSearch(claim, [spectralRun as never, deltaOnlyRuns[0] as never], { seed: 3, evaluations: 12 });
    expect(a.best?.instance).toEqual(b.best?.instance);
    expect(a.best?.outcome.tightness).toBe(b.best?.outcome.tightness);
    expect(a.evaluations).toBe(12);
    expect(a.failure).toBeUndefined();
  });

  it('natural worst case: from a GUE or rank-2 spectrum the search moves to a flat spectrum +-s (||H||_op^2 = tr(H^2)/d, eq. 70\'s g_1 = 1/d)', () => {
    // d = 4, p = 64, n = 60 (a small sample keeps the test fast; the space is the same for any n). The flat spectrum minimises the
    // bound's factor ||H||_op^2/Z and the quantile hardly depends on the spectrum, so the tightness peaks there, at a kink of
    // 1/||H||_op^2 where a simplex converges slowly: measured 0.975-1.01 of the flat spectrum's value at 100 evaluations over
    // 3 seeds x 2 families (the searched point can beat the exact flat one by the sample's noise).
    const claim = claimById('lemma-b.2/eq-71')!;
    for (const gen of ['gue', 'rank2']) {
      const start = { seed: 1, d: 4, p: 64, gen, theta0: 'random', delta: 0.1, n: 60 };
      const r = targetedSearch(claim, [start as never], { seed: 7, evaluations: 100 });
      expect(r.failure).toBeUndefined();
      const best = r.best!.outcome;
      const startOpNorm2 = claim.check(start as never).details!.normalisedOpNorm2 as number;
      expect(startOpNorm2).toBeGreaterThan(1.5);
      expect(best.details!.normalisedOpNorm2).toBeLessThanOrEqual(1.1);
      // the exactly flat spectrum nearest to the found one, at the found delta, on the same sample
      const x = r.best!.instance.x;
      const run = runGenerator(start as never);
      const lam = sphereSpectrum(new Reader(x.slice(1)), run.eig.values);
      const order = Array.from(lam.keys()).sort((i, j) => lam[i] - lam[j]);
      const flat = new Float64Array(4);
      order.forEach((k, i) => { flat[k] = ((i < 2 ? -1 : 1) * norm(run.eig.values)) / 2; });
      const ref = evaluateSearched(claim, { params: start, x: [x[0], ...sphereCoordinates(flat, run.eig.values)] }).outcome;
      expect(ref.details!.normalisedOpNorm2).toBeCloseTo(1, 12);
      expect(best.tightness!).toBeGreaterThanOrEqual(0.97 * ref.tightness!);
    }
  });
});

describe('lemma-b.1/haar-mean search space (the spectrum of H)', () => {
  const claim = claimById('lemma-b.1/haar-mean')!;
  const space = claim.search!;

  it('dimension d - 2; x = 0 is the run\'s own H (the same max |z| as the random run, bit for bit)', () => {
    expect(space.dimension({ seed: 1, d: 2, gen: 'gue', n: 3000 } as never)).toBe(0);
    for (const run of [{ seed: 21, d: 3, gen: 'gue', n: 3000 }, { seed: 22, d: 4, gen: 'rank2', n: 3000 }]) {
      expect(space.dimension(run as never)).toBe(run.d - 2);
      const x = Array.from(space.encode!(run as never)!);
      expect(x).toEqual(new Array(run.d - 2).fill(0));
      const h = space.decode(Float64Array.from(x), run as never);
      expect(h).toBe(runGenerator(run as never).h);
      expect(evaluateSearched(claim, { params: run, x }).outcome.tightness).toBe(claim.check(run as never).tightness);
    }
  });

  it('decodes any x to a traceless non-zero Hermitian H of the run\'s tr(H^2); the same x gives the same max |z|', () => {
    const run = { seed: 22, d: 4, gen: 'rank2', n: 3000 };
    const g = runGenerator(run as never);
    const rng = makeRng('haar-mean-decode');
    for (let trial = 0; trial < 3; trial++) {
      const x = Float64Array.from({ length: 2 }, () => 2 * rng.normal());
      const h = space.decode(x, run as never) as ReturnType<typeof fromEigen>;
      const ev = eigvalsh(h);
      expect(Math.abs(sum(ev))).toBeLessThanOrEqual(64 * EPS * norm(g.eig.values));
      expect(norm(ev)).toBeCloseTo(norm(g.eig.values), 12);
      for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
        expect(h.re[i * 4 + j]).toBe(h.re[j * 4 + i]);
        expect(h.im[i * 4 + j] + h.im[j * 4 + i]).toBe(0);
      }
      const a = evaluateSearched(claim, { params: run, x: Array.from(x) }).outcome;
      expect(a.ok).toBe(true);
      expect(evaluateSearched(claim, { params: run, x: Array.from(x) }).outcome.tightness).toBe(a.tightness);
    }
  });

  it('the search is deterministic for a seed', () => {
    const run = { seed: 21, d: 3, gen: 'gue', n: 3000 };
    const a = targetedSearch(claim, [run as never], { seed: 5, evaluations: 8 });
    const b = targetedSearch(claim, [run as never], { seed: 5, evaluations: 8 });
    expect(a.best?.instance).toEqual(b.best?.instance);
    expect(a.best?.outcome.tightness).toBe(b.best?.outcome.tightness);
  });
});

describe('pickStarts', () => {
  it('skips runs whose family has dimension 0 (nothing continuous to vary), so no share of the evaluations is lost', () => {
    const runs = [
      { params: { seed: 1, d: 2 }, tightness: 0.9 },
      { params: { seed: 2, d: 3 }, tightness: 0.5 },
      { params: { seed: 3, d: 4 }, tightness: 0.7 },
    ];
    expect(pickStarts(runs, (p) => p.d - 2)).toEqual([{ seed: 3, d: 4 }, { seed: 2, d: 3 }]);
    expect(pickStarts(runs.slice(0, 1), (p) => p.d - 2)).toEqual([]);
  });
});
