/** Exact random instances: Cayley unitaries, measurements, projectors, generators, states, degree bookkeeping. */
import { describe, expect, it } from 'vitest';
import * as q from '../../src/exact/gaussian-rational.ts';
import * as mx from '../../src/exact/qmatrix.ts';
import * as t from '../../src/exact/tracked.ts';
import {
  cayley, cayleyUnitary, drawInt, generator, measurement, projectors, randomAntiHermitian, randomHermitian, setSize, splitSigns,
} from '../../src/exact/instances.ts';
import { makeRng } from '../../src/random/rng.ts';

const S = { N: 1 << 16 };

describe('exact instances', () => {
  it('draws integers uniformly from {-N..N}', () => {
    const rng = makeRng(1);
    const seen = new Set<bigint>();
    for (let i = 0; i < 2000; i++) {
      const x = drawInt(rng, { N: 3 });
      expect(x >= -3n && x <= 3n).toBe(true);
      seen.add(x);
    }
    expect(seen.size).toBe(7);
    expect(setSize({ N: 3 })).toBe(7);
  });
  it('Cayley unitaries are exactly unitary and deterministic in the seed', () => {
    for (const d of [1, 2, 3, 4, 6]) {
      const a = randomAntiHermitian(makeRng(d), d, S);
      expect(mx.equals(mx.adjoint(a), mx.scale(a, q.fromInt(-1)))).toBe(true);
      const u = cayley(a);
      expect(mx.isUnitary(u)).toBe(true);
      expect(mx.equals(u, cayley(randomAntiHermitian(makeRng(d), d, S)))).toBe(true);
      const tu = cayleyUnitary(makeRng(10 + d), d, S);
      expect(tu.g.num).toBe(d);
      expect(t.denDegree(tu.g.den)).toBe(d);
    }
  });
  it('measurements have the +-gamma spectrum exactly: Pi+- are complementary orthogonal projectors, M = gamma (Pi+ - Pi-)', () => {
    const rng = makeRng(7);
    const gamma = q.frac(25, 7);
    const M = measurement(cayleyUnitary(rng, 4, S), splitSigns(4, 2), gamma);
    expect(mx.isHermitian(M.v)).toBe(true);
    const { plus, minus } = projectors(M, gamma);
    expect(mx.equals(mx.matmul(plus.v, plus.v), plus.v)).toBe(true);
    expect(mx.equals(mx.matmul(minus.v, minus.v), minus.v)).toBe(true);
    expect(mx.isZeroMat(mx.matmul(plus.v, minus.v))).toBe(true);
    expect(mx.equals(mx.add(plus.v, minus.v), mx.identity(4))).toBe(true);
    expect(mx.equals(mx.scale(mx.sub(plus.v, minus.v), gamma), M.v)).toBe(true);
    expect(q.eq(mx.trace(plus.v), q.fromInt(2))).toBe(true);
    expect(mx.equals(mx.matmul(M.v, M.v), mx.scale(mx.identity(4), q.mul(gamma, gamma)))).toBe(true);
  });
  it('generators H = V diag(h) V^dag are Hermitian with tr H^2 = sum h^2; Hermitian samples are Hermitian', () => {
    const { H, h } = generator(makeRng(3), 3, S, true);
    expect(h[0]).toBe(1n);
    expect(mx.isHermitian(H.v)).toBe(true);
    expect(q.eq(mx.trace(mx.matmul(H.v, H.v)), q.qi(h.reduce((s, x) => s + x * x, 0n)))).toBe(true);
    expect(q.eq(mx.trace(H.v), q.qi(h.reduce((s, x) => s + x, 0n)))).toBe(true);
    expect(mx.isHermitian(randomHermitian(makeRng(4), 4, S).v)).toBe(true);
  });
  it('orthonormal states: columns of a Cayley unitary', () => {
    const W = cayleyUnitary(makeRng(5), 4, S);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
      expect(q.eq(mx.inner(mx.column(W.v, i), mx.column(W.v, j)), i === j ? q.ONE : q.ZERO)).toBe(true);
    }
  });
  it('degree bookkeeping: products add, sums take the common denominator, conjugation swaps atoms', () => {
    const a: t.Deg = { num: 3, den: { X: [3, 1] } };
    const b: t.Deg = { num: 2, den: { Y: [2, 1] } };
    expect(t.degMul(a, b)).toEqual({ num: 5, den: { X: [3, 1], Y: [2, 1] } });
    expect(t.degAdd(a, b)).toEqual({ num: 5, den: { X: [3, 1], Y: [2, 1] } });
    expect(t.degAdd(a, a)).toEqual(a);
    expect(t.degAdd(a, t.CONST)).toEqual({ num: 3, den: { X: [3, 1] } });
    expect(t.degConj(a)).toEqual({ num: 3, den: { 'X*': [3, 1] } });
    expect(t.degConj(t.degConj(a))).toEqual(a);
    // U^dag U over |det|^2: numerator degree 2d
    const u = cayleyUnitary(makeRng(9), 3, S);
    const uu = t.matmul(t.adjoint(u), u);
    expect(uu.g.num).toBe(6);
    expect(t.denDegree(uu.g.den)).toBe(6);
  });
});
