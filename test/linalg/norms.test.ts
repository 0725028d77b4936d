import { describe, it, expect } from 'vitest';
import {
  type CMat, EPS, adjoint, diag, frobeniusNorm, fromArrays, hermitianPart, identity, matmul,
  matmulChain, outer, vecNorm, zeros,
} from '../../src/linalg/cmatrix.ts';
import { eigvalsh, lambdaMax } from '../../src/linalg/eigh.ts';
import { opNorm, opNormHermitian, singularValues, traceNorm } from '../../src/linalg/norms.ts';
import { qr } from '../../src/linalg/qr.ts';
import { makeRng, type Rng, randomMatrix, randomVec } from './random-matrices.ts';

const randomUnitary = (rng: Rng, n: number): CMat => qr(randomMatrix(rng, n)).q;

const rng = makeRng(4242);

describe('known cases', () => {
  it('diag(3, -4): opNorm 4, trace norm 7, singular values [4, 3]', () => {
    const a = diag([3, -4]);
    expect(opNorm(a)).toBeCloseTo(4, 14);
    expect(opNormHermitian(a)).toBe(4);
    expect(traceNorm(a)).toBeCloseTo(7, 14);
    const sv = singularValues(a);
    expect(Math.abs(sv[0] - 4) + Math.abs(sv[1] - 3)).toBeLessThan(20 * EPS * 2 * 4);
  });
  it('wide 2x3 [[1, 0, 0], [0, 0, 2i]] has singular values [2, 1]', () => {
    const sv = singularValues(fromArrays([[1, 0, 0], [0, 0, 0]], [[0, 0, 0], [0, 0, 2]]));
    expect(sv.length).toBe(2);
    expect(Math.abs(sv[0] - 2) + Math.abs(sv[1] - 1)).toBeLessThan(20 * EPS * 3 * 2);
  });
  it('rank one u v^dag: opNorm = trace norm = |u| |v|, other singular values 0', () => {
    const u = randomVec(rng, 7), v = randomVec(rng, 5), a = outer(u, v), uv = vecNorm(u) * vecNorm(v);
    const tol = 20 * EPS * 7 * uv;
    expect(Math.abs(opNorm(a) - uv)).toBeLessThan(tol);
    expect(Math.abs(traceNorm(a) - uv)).toBeLessThan(5 * tol);
    const sv = singularValues(a);
    for (let i = 1; i < sv.length; i++) expect(sv[i]).toBeLessThan(tol);
  });
  it('Pauli Y and unitaries: all singular values 1', () => {
    expect(opNormHermitian(fromArrays([[0, 0], [0, 0]], [[0, -1], [1, 0]]))).toBeCloseTo(1, 15);
    const n = 20, sv = singularValues(randomUnitary(rng, n));
    for (const s of sv) expect(Math.abs(s - 1)).toBeLessThan(20 * EPS * n);
  });
  it('empty matrices and the zero matrix', () => {
    expect(singularValues(zeros(0, 3)).length).toBe(0);
    expect(opNorm(zeros(3, 0))).toBe(0);
    expect(opNormHermitian(zeros(0))).toBe(0);
    expect(traceNorm(zeros(4, 6))).toBe(0);
  });
  it('small singular values are accurate to EPS * ||a|| (no squaring)', () => {
    const n = 12, target = [5, 1, 1e-10, 1e-13, 0, 0, 0, 0, 0, 0, 0, 0];
    const a = matmulChain(randomUnitary(rng, n), diag(target), randomUnitary(rng, n));
    const sv = singularValues(a);
    for (let i = 0; i < n; i++) expect(Math.abs(sv[i] - target[i])).toBeLessThan(20 * EPS * n * 5);
  });
});

describe('random properties', () => {
  it('singular values are descending and sum(sigma^2) = ||a||_F^2, for tall, wide and square shapes', () => {
    for (const [m, n] of [[9, 4], [4, 9], [16, 16], [1, 5]]) {
      const a = randomMatrix(rng, m, n), sv = singularValues(a), f = frobeniusNorm(a);
      expect(sv.length).toBe(Math.min(m, n));
      for (let i = 1; i < sv.length; i++) expect(sv[i]).toBeLessThanOrEqual(sv[i - 1]);
      const sum2 = sv.reduce((s, x) => s + x * x, 0);
      expect(Math.abs(sum2 - f * f)).toBeLessThan(20 * EPS * (m + n) * f * f);
    }
  });
  it('opNorm <= ||a||_F <= sqrt(rank) opNorm; rank-3 case', () => {
    const a = matmul(randomMatrix(rng, 10, 3), randomMatrix(rng, 3, 8));
    const op = opNorm(a), f = frobeniusNorm(a), tol = 20 * EPS * 10 * f;
    expect(op).toBeLessThanOrEqual(f + tol);
    expect(f).toBeLessThanOrEqual(Math.sqrt(3) * op + tol);
  });
  it('opNorm(a) = sqrt(lambdaMax(a^dag a)) and opNorm(a^dag) = opNorm(a)', () => {
    const a = randomMatrix(rng, 11, 6), op = opNorm(a);
    const tol = 20 * EPS * 11 * frobeniusNorm(a);
    expect(Math.abs(op - Math.sqrt(lambdaMax(matmul(adjoint(a), a))))).toBeLessThan(tol);
    expect(Math.abs(opNorm(adjoint(a)) - op)).toBeLessThan(tol);
  });
  it('submultiplicativity ||ab|| <= ||a|| ||b|| and the trace-norm triangle inequality', () => {
    const n = 12, a = randomMatrix(rng, n), b = randomMatrix(rng, n);
    const tol = 20 * EPS * n * frobeniusNorm(a) * frobeniusNorm(b);
    expect(opNorm(matmul(a, b))).toBeLessThanOrEqual(opNorm(a) * opNorm(b) + tol);
    expect(traceNorm(matmul(a, b))).toBeLessThanOrEqual(traceNorm(a) * opNorm(b) + n * tol); // Hoelder
    const sum = zeros(n);
    for (let i = 0; i < n * n; i++) {
      sum.re[i] = a.re[i] + b.re[i];
      sum.im[i] = a.im[i] + b.im[i];
    }
    expect(traceNorm(sum)).toBeLessThanOrEqual(traceNorm(a) + traceNorm(b) + n * tol);
  });
  it('unitary invariance: singularValues(U a V) = singularValues(a)', () => {
    const n = 14, a = randomMatrix(rng, n), sv = singularValues(a);
    const sv2 = singularValues(matmulChain(randomUnitary(rng, n), a, randomUnitary(rng, n)));
    const tol = 50 * EPS * n * frobeniusNorm(a);
    for (let i = 0; i < n; i++) expect(Math.abs(sv[i] - sv2[i])).toBeLessThan(tol);
  });
  it('Hermitian a: singular values are |eigenvalues|, opNormHermitian = opNorm, trace norm = sum |lambda|', () => {
    const n = 15, h = hermitianPart(randomMatrix(rng, n)), ev = eigvalsh(h), sv = singularValues(h);
    const abs = Array.from(ev, Math.abs).sort((x, y) => y - x);
    const tol = 20 * EPS * n * frobeniusNorm(h);
    for (let i = 0; i < n; i++) expect(Math.abs(sv[i] - abs[i])).toBeLessThan(tol);
    expect(Math.abs(opNormHermitian(h) - opNorm(h))).toBeLessThan(tol);
    expect(Math.abs(traceNorm(h) - abs.reduce((s, x) => s + x, 0))).toBeLessThan(n * tol);
    expect(Math.abs(traceNorm(identity(n)) - n)).toBeLessThan(tol);
  });
});

describe('input validation', () => {
  it('names the function and the parameter', () => {
    const bad = zeros(2);
    bad.re[3] = NaN;
    expect(() => singularValues(bad)).toThrow('singularValues: a.re has a non-finite entry at index 3 (NaN)');
    expect(() => opNorm(bad)).toThrow('opNorm: a.re has a non-finite entry at index 3 (NaN)');
    expect(() => traceNorm(bad)).toThrow('traceNorm: a.re has a non-finite entry at index 3 (NaN)');
    const badIm = zeros(2, 3);
    badIm.im[5] = Infinity;
    expect(() => singularValues(badIm)).toThrow('singularValues: a.im has a non-finite entry at index 5 (Infinity)');
    expect(() => opNormHermitian(fromArrays([[0, 1], [0, 0]]))).toThrow(/^opNormHermitian: a must be Hermitian/);
    expect(() => opNormHermitian(zeros(2, 3))).toThrow('opNormHermitian: a must be square (got 2x3)');
  });
});
