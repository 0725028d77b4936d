import { describe, expect, it } from 'vitest';
import { QnnInputError } from '../../src/errors.ts';
import { makeRng, randomInt, type Rng, xoshiro128ssFromState } from '../../src/random/rng.ts';

/** Statistical tolerance: every sample-mean check below allows Z_MAX standard errors. */
const Z_MAX = 5;

function take(rng: Rng, n: number, f: (r: Rng) => number = (r) => r.nextUint32()): number[] {
  return Array.from({ length: n }, () => f(rng));
}

function mean(xs: ArrayLike<number>, f: (x: number) => number = (x) => x): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += f(xs[i]);
  return s / xs.length;
}

describe('xoshiro128** core', () => {
  it('matches the reference C implementation (xoshiro128starstar.c) from state {1,2,3,4}', () => {
    const r = xoshiro128ssFromState([1, 2, 3, 4]);
    expect(take(r, 8)).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849]);
  });

  it('rejects invalid states', () => {
    expect(() => xoshiro128ssFromState([0, 0, 0, 0])).toThrow(QnnInputError);
    expect(() => xoshiro128ssFromState([1, 2, 3])).toThrow(/^xoshiro128ssFromState: state /);
    expect(() => xoshiro128ssFromState([1, 2, 3, 2 ** 32])).toThrow(/state\[3\]/);
    expect(() => xoshiro128ssFromState([0, 0, 0, 0])).toThrow('xoshiro128ssFromState: state must not be all zero');
    expect(() => xoshiro128ssFromState([1, 2, 3])).toThrow('xoshiro128ssFromState: state must have 4 words (got 3)');
    expect(() => xoshiro128ssFromState([1, 2, 3, 2 ** 32])).toThrow('xoshiro128ssFromState: state[3] must be a uint32 (got 4294967296)');
    expect(() => xoshiro128ssFromState([1, -1, 3, 4])).toThrow('xoshiro128ssFromState: state[1] must be a uint32 (got -1)');
    expect(() => xoshiro128ssFromState([1.5, 2, 3, 4])).toThrow('xoshiro128ssFromState: state[0] must be a uint32 (got 1.5)');
    // the extreme words 0 and 2^32 - 1 are valid
    expect(() => xoshiro128ssFromState([0, 0, 0, 0xffffffff])).not.toThrow();
  });
});

describe('makeRng determinism', () => {
  it('golden regression: first outputs of makeRng(42) (a change of generator or seeding must update this)', () => {
    expect(take(makeRng(42), 6)).toEqual([3798389973, 1173852671, 3881544846, 547975024, 2444232136, 395667236]);
    const r = makeRng(42);
    expect(r.uniform()).toBe(0.8843815794088606);
    expect(r.normal()).toBe(0.8802841121572214);
    expect(r.normal()).toBe(0.15064230526643674);
  });

  it('golden regression: a string seed, the empty string, and forks by string and number labels', () => {
    expect(take(makeRng('qnn-verify'), 4)).toEqual([1673253351, 377118902, 1068934405, 1559988834]);
    expect(take(makeRng(''), 2)).toEqual([3722868383, 2278477808]);
    expect(take(makeRng(42).fork('layer-1'), 4)).toEqual([4271254311, 985604882, 2064068401, 1171997370]);
    expect(take(makeRng(-7).fork(3), 2)).toEqual([2673801293, 2756869645]);
  });

  it('same seed gives the same first 10 values (uint32, uniform, normal)', () => {
    for (const seed of [0, 1, 42, -7, 2 ** 31 - 1, Number.MAX_SAFE_INTEGER, '', 'instance-3']) {
      expect(take(makeRng(seed), 10)).toEqual(take(makeRng(seed), 10));
      expect(take(makeRng(seed), 10, (r) => r.uniform())).toEqual(take(makeRng(seed), 10, (r) => r.uniform()));
      expect(take(makeRng(seed), 10, (r) => r.normal())).toEqual(take(makeRng(seed), 10, (r) => r.normal()));
    }
  });

  it('different seeds give different streams (incl. number vs string, and 2^32-aliases)', () => {
    const seeds: (number | string)[] = [0, 1, 2, 42, -1, 2 ** 32, 2 ** 32 + 1, '0', '1', '42', 'a', 'b', ''];
    const firsts = seeds.map((s) => take(makeRng(s), 4).join(','));
    expect(new Set(firsts).size).toBe(seeds.length);
  });

  it('outputs are uint32 and uniform() is a multiple of 2^-53 in [0, 1)', () => {
    const r = makeRng(3);
    let bad = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = r.nextUint32();
      if (!(Number.isInteger(x) && x >= 0 && x < 2 ** 32)) bad++;
      const u = r.uniform();
      if (!(u >= 0 && u < 1 && Number.isInteger(u * 2 ** 53))) bad++;
    }
    expect(bad).toBe(0);
  });

  it('validates the seed', () => {
    for (const bad of [1.5, NaN, Infinity, -Infinity, 2 ** 53, {} as unknown as number, null as unknown as number]) {
      expect(() => makeRng(bad)).toThrow(QnnInputError);
      expect(() => makeRng(bad)).toThrow(/^makeRng: seed must be a safe integer or a string/);
    }
    expect(() => makeRng(1.5)).toThrow('makeRng: seed must be a safe integer or a string (got 1.5)');
    expect(() => makeRng({} as unknown as number)).toThrow('makeRng: seed must be a safe integer or a string (got object)');
  });
});

describe('fork', () => {
  it('is deterministic and independent of how much the parent has drawn; does not advance the parent', () => {
    const a = makeRng(7);
    const b = makeRng(7);
    take(b, 13);
    expect(take(a.fork('worker-1'), 10)).toEqual(take(b.fork('worker-1'), 10));
    expect(take(a.fork(5), 10)).toEqual(take(makeRng(7).fork(5), 10));
    // forking did not consume the parent's stream
    expect(take(a, 5)).toEqual(take(makeRng(7), 5));
    // nested forks are deterministic too
    expect(take(makeRng(7).fork(1).fork('x'), 5)).toEqual(take(makeRng(7).fork(1).fork('x'), 5));
  });

  it('children differ from each other, from the parent, and across parents', () => {
    const p = makeRng(7);
    const streams = [
      take(makeRng(7), 4),
      take(p.fork(0), 4),
      take(p.fork(1), 4),
      take(p.fork('0'), 4),
      take(p.fork(0).fork(0), 4),
      take(makeRng(8).fork(0), 4),
    ].map((s) => s.join(','));
    expect(new Set(streams).size).toBe(streams.length);
  });

  it('sibling streams are uncorrelated: |corr| of n = 100000 uniform pairs <= 5 / sqrt(n)', () => {
    const n = 100_000;
    const p = makeRng(11);
    const a = p.fork(0), b = p.fork(1);
    let sxy = 0, sx = 0, sy = 0, sxx = 0, syy = 0;
    for (let i = 0; i < n; i++) {
      const x = a.uniform(), y = b.uniform();
      sx += x; sy += y; sxy += x * y; sxx += x * x; syy += y * y;
    }
    const cov = sxy / n - (sx / n) * (sy / n);
    const corr = cov / Math.sqrt((sxx / n - (sx / n) ** 2) * (syy / n - (sy / n) ** 2));
    // under independence, corr ~ N(0, 1/n)
    expect(Math.abs(corr)).toBeLessThanOrEqual(Z_MAX / Math.sqrt(n));
  });

  it('validates the label', () => {
    expect(() => makeRng(1).fork(0.5)).toThrow(/^Rng\.fork: label /);
    expect(() => makeRng(1).fork(NaN)).toThrow(QnnInputError);
  });
});

describe('distributions (seeded, so deterministic; tolerance Z_MAX = 5 standard errors, n stated)', () => {
  it('uniform: n = 200000, mean 1/2 (sd 1/sqrt 12) and E u^2 = 1/3 (sd sqrt(4/45))', () => {
    const n = 200_000;
    const r = makeRng(101);
    const u = Float64Array.from({ length: n }, () => r.uniform());
    expect(Math.abs(mean(u) - 1 / 2)).toBeLessThanOrEqual(Z_MAX * Math.sqrt(1 / 12 / n));
    expect(Math.abs(mean(u, (x) => x * x) - 1 / 3)).toBeLessThanOrEqual(Z_MAX * Math.sqrt(4 / 45 / n));
  });

  it('normal: n = 200000, E x = 0 (sd 1), E x^2 = 1 (sd sqrt 2), E x^3 = 0 (sd sqrt 15), E x^4 = 3 (sd sqrt 96)', () => {
    const n = 200_000;
    const r = makeRng(202);
    const x = Float64Array.from({ length: n }, () => r.normal());
    expect(Math.abs(mean(x))).toBeLessThanOrEqual(Z_MAX * Math.sqrt(1 / n));
    expect(Math.abs(mean(x, (t) => t * t) - 1)).toBeLessThanOrEqual(Z_MAX * Math.sqrt(2 / n));
    expect(Math.abs(mean(x, (t) => t ** 3))).toBeLessThanOrEqual(Z_MAX * Math.sqrt(15 / n));
    // kurtosis: Var(x^4) = E x^8 - 9 = 105 - 9 = 96
    expect(Math.abs(mean(x, (t) => t ** 4) - 3)).toBeLessThanOrEqual(Z_MAX * Math.sqrt(96 / n));
  });

  it('normal: P(x <= 0) = 1/2 and P(|x| <= 1) = erf(1/sqrt 2) = 0.682689..., n = 200000, binomial sd', () => {
    const n = 200_000;
    const r = makeRng(303);
    let neg = 0, inside = 0;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      if (x <= 0) neg++;
      if (Math.abs(x) <= 1) inside++;
    }
    const p1 = 0.6826894921370859; // erf(1/sqrt(2))
    expect(Math.abs(neg / n - 0.5)).toBeLessThanOrEqual(Z_MAX * Math.sqrt(0.25 / n));
    expect(Math.abs(inside / n - p1)).toBeLessThanOrEqual(Z_MAX * Math.sqrt((p1 * (1 - p1)) / n));
  });

  it('randomInt: range, validation, and uniform counts over 7 bins (n = 70000, binomial sd per bin)', () => {
    const n = 70_000, k = 7;
    const r = makeRng(404);
    const counts = new Array<number>(k).fill(0);
    let outOfRange = 0;
    for (let i = 0; i < n; i++) {
      const x = randomInt(r, k);
      if (!(Number.isInteger(x) && x >= 0 && x < k)) outOfRange++;
      else counts[x]++;
    }
    expect(outOfRange).toBe(0);
    const p = 1 / k;
    for (const c of counts) expect(Math.abs(c / n - p)).toBeLessThanOrEqual(Z_MAX * Math.sqrt((p * (1 - p)) / n));
    expect(randomInt(r, 1)).toBe(0);
    expect(() => randomInt(r, 0)).toThrow(/^randomInt: n /);
    expect(() => randomInt(r, 2.5)).toThrow(QnnInputError);
    expect(() => randomInt(r, 2 ** 32 + 1)).toThrow('randomInt: n must be an integer in [1, 2^32] (got 4294967297)');
    expect(randomInt(makeRng(1), 2 ** 32)).toBe(makeRng(1).nextUint32()); // n = 2^32: every word is accepted as is
  });

  it('randomInt rejects the words at and above the largest multiple of n (no modulo bias)', () => {
    // n = 3: 2^32 = 3 * 1431655765 + 1, so the one word 2^32 - 1 is rejected and the next one used
    const scripted = (words: number[]): Rng => {
      let i = 0;
      return { nextUint32: () => words[i++], uniform: () => 0, normal: () => 0, fork: () => { throw new Error('unused'); } };
    };
    expect(randomInt(scripted([0xffffffff, 5]), 3)).toBe(2);
    expect(randomInt(scripted([0xfffffffe, 5]), 3)).toBe(0xfffffffe % 3);
  });
});
