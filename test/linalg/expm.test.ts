import { describe, it, expect } from 'vitest';
import {
  type CMat, EPS, add, diag, frobeniusNorm, fromArrays, identity, kron, matmul, maxAbsDiff,
  scale, unitaryDeviation, zeros,
} from '../../src/linalg/cmatrix.ts';
import { expmAntiHermitian, expmHermitian } from '../../src/linalg/expm.ts';
import { makeRng, randomHermitian } from './random-matrices.ts';


/** sum_{k=0}^{terms-1} (-i t h)^k / k! */
function taylorExp(h: CMat, t: number, terms: number): CMat {
  const g = scale(h, 0, -t);
  let term = identity(h.rows), sum = identity(h.rows);
  for (let k = 1; k < terms; k++) {
    term = scale(matmul(term, g), 1 / k);
    sum = add(sum, term);
  }
  return sum;
}

const rng = makeRng(99);
const pauliX = fromArrays([[0, 1], [1, 0]]);
const pauliZ = diag([1, -1]);

describe('expmHermitian', () => {
  it('exp(-i t Z) = diag(e^{-it}, e^{it})', () => {
    for (const t of [0, 0.3, -1.7, 12.5]) {
      const u = expmHermitian(pauliZ, t);
      const expected = fromArrays([[Math.cos(t), 0], [0, Math.cos(t)]], [[-Math.sin(t), 0], [0, Math.sin(t)]]);
      expect(maxAbsDiff(u, expected)).toBeLessThan(20 * EPS * 2 * (1 + Math.abs(t)));
    }
  });
  it('exp(-i t X) = cos(t) I - i sin(t) X', () => {
    const t = 0.9, u = expmHermitian(pauliX, t);
    const expected = add(scale(identity(2), Math.cos(t)), scale(pauliX, 0, -Math.sin(t)));
    expect(maxAbsDiff(u, expected)).toBeLessThan(20 * EPS * 2 * (1 + t));
  });
  it('is unitary for random Hermitian generators, and the identity at t = 0', () => {
    for (const n of [1, 4, 32, 64]) {
      const h = randomHermitian(rng, n);
      expect(unitaryDeviation(expmHermitian(h, 3.1))).toBeLessThan(20 * EPS * n);
      expect(maxAbsDiff(expmHermitian(h, 0), identity(n))).toBeLessThan(20 * EPS * n);
    }
  });
  it('matches the Taylor series for a small-norm generator', () => {
    const n = 10, h0 = randomHermitian(rng, n), h = scale(h0, 0.1 / frobeniusNorm(h0));
    const t = 0.7; // ||t h|| <= 0.07: 20 terms leave a remainder far below EPS
    expect(maxAbsDiff(expmHermitian(h, t), taylorExp(h, t, 20))).toBeLessThan(20 * EPS * n);
  });
  it('group property exp(-i s H) exp(-i t H) = exp(-i (s + t) H), and inverse', () => {
    const n = 24, h = randomHermitian(rng, n), norm = frobeniusNorm(h);
    const s = 0.37, t = -1.21;
    const lhs = matmul(expmHermitian(h, s), expmHermitian(h, t));
    expect(maxAbsDiff(lhs, expmHermitian(h, s + t))).toBeLessThan(50 * EPS * n * (1 + (Math.abs(s) + Math.abs(t)) * norm));
    const inv = matmul(expmHermitian(h, t), expmHermitian(h, -t));
    expect(maxAbsDiff(inv, identity(n))).toBeLessThan(50 * EPS * n * (1 + 2 * Math.abs(t) * norm));
  });
  it('exp of a sum of commuting terms H (x) I + I (x) K is exp(H) (x) exp(K)', () => {
    const h = randomHermitian(rng, 3), k = randomHermitian(rng, 4), t = 0.8;
    const sum = add(kron(h, identity(4)), kron(identity(3), k));
    const norm = frobeniusNorm(sum);
    const lhs = expmHermitian(sum, t), rhs = kron(expmHermitian(h, t), expmHermitian(k, t));
    expect(maxAbsDiff(lhs, rhs)).toBeLessThan(50 * EPS * 12 * (1 + t * norm));
  });
  it('rejects bad input', () => {
    expect(() => expmHermitian(pauliZ, NaN)).toThrow('expmHermitian: t must be finite (got NaN)');
    expect(() => expmHermitian(fromArrays([[0, 1], [0, 0]]), 1)).toThrow(/^expmHermitian: h must be Hermitian/);
    expect(() => expmHermitian(zeros(2, 3), 1)).toThrow('expmHermitian: h must be square (got 2x3)');
  });
});

describe('expmAntiHermitian', () => {
  it('exp(t [[0, 1], [-1, 0]]) is the rotation [[cos t, sin t], [-sin t, cos t]]', () => {
    const t = 1.3, u = expmAntiHermitian(fromArrays([[0, 1], [-1, 0]]), t);
    const expected = fromArrays([[Math.cos(t), Math.sin(t)], [-Math.sin(t), Math.cos(t)]]);
    expect(maxAbsDiff(u, expected)).toBeLessThan(20 * EPS * 2 * (1 + t));
  });
  it('exp(t (-i H)) = expmHermitian(H, t), unitary', () => {
    const n = 16, h = randomHermitian(rng, n), b = scale(h, 0, -1), t = 2.2;
    const u = expmAntiHermitian(b, t);
    expect(unitaryDeviation(u)).toBeLessThan(20 * EPS * n);
    expect(maxAbsDiff(u, expmHermitian(h, t))).toBeLessThan(50 * EPS * n * (1 + t * frobeniusNorm(h)));
  });
  it('rejects bad input', () => {
    expect(() => expmAntiHermitian(zeros(2, 3), 1)).toThrow('expmAntiHermitian: b must be square (got 2x3)');
    expect(() => expmAntiHermitian(pauliZ, 1)).toThrow(/^expmAntiHermitian: b must be anti-Hermitian \(\|\|b \+ b\^dag\|\|_max = 2\.000e\+0/);
    expect(() => expmAntiHermitian(zeros(2), Infinity)).toThrow('expmAntiHermitian: t must be finite (got Infinity)');
    const bad = zeros(2);
    bad.im[2] = NaN;
    expect(() => expmAntiHermitian(bad, 1)).toThrow('expmAntiHermitian: b.im has a non-finite entry at index 2 (NaN)');
    const badRe = zeros(2);
    badRe.re[1] = -Infinity;
    expect(() => expmAntiHermitian(badRe, 1)).toThrow('expmAntiHermitian: b.re has a non-finite entry at index 1 (-Infinity)');
  });
});
