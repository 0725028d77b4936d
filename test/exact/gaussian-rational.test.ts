/** Field axioms of Q(i) on random elements, conjugation, inverse, normalisation. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as q from '../../src/exact/gaussian-rational.ts';

const big = fc.bigInt({ min: -(1n << 80n), max: 1n << 80n });
const qiArb = fc.tuple(big, big, fc.bigInt({ min: 1n, max: 1n << 60n }), fc.boolean()).map(([a, b, c, negDen]) => q.qi(a, b, negDen ? -c : c));
const nonZero = qiArb.filter((x) => !q.isZero(x));
const opts = { numRuns: 200, seed: 20230723 };

describe('Gaussian rationals Q(i)', () => {
  it('normalises: den > 0, gcd(re, im, den) = 1, zero is 0/1', () => {
    fc.assert(fc.property(qiArb, (x) => {
      expect(x.den > 0n).toBe(true);
      expect(q.gcd(q.gcd(x.re, x.im), x.den)).toBe(1n);
    }), opts);
    expect(q.qi(0n, 0n, -7n)).toEqual(q.ZERO);
    expect(q.qi(6n, -4n, -10n)).toEqual({ re: -3n, im: 2n, den: 5n });
    expect(() => q.qi(1n, 0n, 0n)).toThrow();
  });
  it('gcd', () => {
    expect(q.gcd(12n, -18n)).toBe(6n);
    expect(q.gcd(0n, -5n)).toBe(5n);
    expect(q.gcd(0n, 0n)).toBe(0n);
  });
  it('addition: commutative, associative, identity 0, inverses', () => {
    fc.assert(fc.property(qiArb, qiArb, qiArb, (x, y, z) => {
      expect(q.add(x, y)).toEqual(q.add(y, x));
      expect(q.add(q.add(x, y), z)).toEqual(q.add(x, q.add(y, z)));
      expect(q.add(x, q.ZERO)).toEqual(x);
      expect(q.add(x, q.neg(x))).toEqual(q.ZERO);
      expect(q.sub(x, y)).toEqual(q.add(x, q.neg(y)));
    }), opts);
  });
  it('multiplication: commutative, associative, identity 1, distributive, inverses', () => {
    fc.assert(fc.property(qiArb, qiArb, qiArb, (x, y, z) => {
      expect(q.mul(x, y)).toEqual(q.mul(y, x));
      expect(q.mul(q.mul(x, y), z)).toEqual(q.mul(x, q.mul(y, z)));
      expect(q.mul(x, q.ONE)).toEqual(x);
      expect(q.mul(x, q.add(y, z))).toEqual(q.add(q.mul(x, y), q.mul(x, z)));
    }), opts);
    fc.assert(fc.property(nonZero, qiArb, (x, y) => {
      expect(q.mul(x, q.inv(x))).toEqual(q.ONE);
      expect(q.mul(q.div(y, x), x)).toEqual(y);
    }), opts);
    expect(() => q.inv(q.ZERO)).toThrow();
  });
  it('i^2 = -1 and the product formula', () => {
    expect(q.mul(q.I, q.I)).toEqual(q.fromInt(-1));
    expect(q.mul(q.qi(1n, 2n, 3n), q.qi(3n, -1n, 2n))).toEqual(q.qi(5n, 5n, 6n)); // (1+2i)(3-i) = 5 + 5i
  });
  it('conjugation is an involutive field automorphism; x conj(x) = |x|^2 real >= 0', () => {
    fc.assert(fc.property(qiArb, qiArb, (x, y) => {
      expect(q.conj(q.conj(x))).toEqual(x);
      expect(q.conj(q.mul(x, y))).toEqual(q.mul(q.conj(x), q.conj(y)));
      expect(q.conj(q.add(x, y))).toEqual(q.add(q.conj(x), q.conj(y)));
      const n = q.mul(x, q.conj(x));
      expect(n).toEqual(q.abs2(x));
      expect(q.isReal(n) && q.signReal(n) >= 0).toBe(true);
      expect(q.add(q.realPart(x), q.mul(q.I, q.imagPart(x)))).toEqual(x);
    }), opts);
  });
  it('equality is structural on normalised values', () => {
    expect(q.eq(q.frac(2, 4), q.frac(-3, -6))).toBe(true);
    expect(q.eq(q.frac(1, 3), q.frac(1, 4))).toBe(false);
    expect(q.toString(q.qi(1n, -2n, 3n))).toBe('(1-2i)/3');
    expect(q.toNumberAbs(q.qi(3n, 4n, 10n))).toBeCloseTo(0.5, 15);
  });
});
