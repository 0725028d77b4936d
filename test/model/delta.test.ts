/** Covers src/model/delta.ts: Delta = Y - Y* (eq. 9) as a matrix-free operator and its operator norm, dense vs Lanczos. */
import { describe, expect, it } from 'vitest';
import { type CMat, cvec, fromArrays, matvec } from '../../src/linalg/cmatrix.ts';
import { layerGenerators, periodicAnsatz } from '../../src/model/ansatz.ts';
import { DENSE_DELTA_MAX_D, deltaOperator, deltaOpNorm, deltaOpNormDense, deltaOpNormLanczos } from '../../src/model/delta.ts';
import { deltaMatrix, zFactor } from '../../src/model/kernels.ts';
import { appendixDGenerator } from '../../src/model/measurement.ts';
import { haarSpecialUnitary, randomTracelessHermitian } from '../../src/random/ensembles.ts';
import { makeRng, type Rng } from '../../src/random/rng.ts';

function periodicHl(rng: Rng, d: number, p: number, h: CMat): { Hl: CMat[]; z: number } {
  const us = Array.from({ length: p + 1 }, () => haarSpecialUnitary(rng, d));
  const ansatz = periodicAnsatz(us, h);
  const theta = Array.from({ length: p }, () => 2 * Math.PI * rng.uniform());
  return { Hl: layerGenerators(ansatz, theta), z: zFactor(h) };
}

describe('deltaOperator', () => {
  it('is the product with the explicit d^2 x d^2 matrix of eq. (9) (even and odd d)', () => {
    const rng = makeRng(99);
    for (const [d, p] of [[3, 2], [4, 3]]) {
      const { Hl, z } = periodicHl(rng, d, p, randomTracelessHermitian(rng, d));
      const dense = deltaMatrix(Hl, z), op = deltaOperator(Hl, z);
      const x = cvec(d * d);
      for (let i = 0; i < d * d; i++) { x.re[i] = rng.normal(); x.im[i] = rng.normal(); }
      const want = matvec(dense, x), yre = new Float64Array(d * d), yim = new Float64Array(d * d);
      op(x.re, x.im, yre, yim);
      for (let i = 0; i < d * d; i++) {
        expect(Math.abs(yre[i] - want.re[i]), `d=${d} i=${i}`).toBeLessThan(1e-12);
        expect(Math.abs(yim[i] - want.im[i]), `d=${d} i=${i}`).toBeLessThan(1e-12);
      }
    }
  });

  it('writes exactly the d^2 entries of y: the operator acts on C^{d^2}, entries past them are left as they were', () => {
    const rng = makeRng(1234);
    for (const [d, p] of [[3, 2], [4, 2]]) {
      const { Hl, z } = periodicHl(rng, d, p, randomTracelessHermitian(rng, d));
      const n = d * d, extra = d + 1, sentinel = 7.25;
      const x = cvec(n);
      for (let i = 0; i < n; i++) { x.re[i] = rng.normal(); x.im[i] = rng.normal(); }
      const want = matvec(deltaMatrix(Hl, z), x);
      const yre = new Float64Array(n + extra).fill(sentinel), yim = new Float64Array(n + extra).fill(sentinel);
      deltaOperator(Hl, z)(x.re, x.im, yre, yim);
      for (let i = 0; i < n; i++) {
        expect(Math.abs(yre[i] - want.re[i]), `d=${d} i=${i}`).toBeLessThan(1e-12);
        expect(Math.abs(yim[i] - want.im[i]), `d=${d} i=${i}`).toBeLessThan(1e-12);
      }
      for (let i = n; i < n + extra; i++) {
        expect(yre[i], `d=${d} i=${i}`).toBe(sentinel);
        expect(yim[i], `d=${d} i=${i}`).toBe(sentinel);
      }
    }
  });
});

describe('||Y - Y*||_op: Lanczos vs the dense d^2 x d^2 route', () => {
  it('agrees to 1e-10 relative at d = 4, 6, 8 (appendix-D H), d = 5 (odd) and d = 6 (dense random H)', () => {
    const rng = makeRng(2024);
    const cases: [number, number, CMat][] = [
      [4, 3, appendixDGenerator(4)],
      [6, 7, appendixDGenerator(6)],
      [8, 20, appendixDGenerator(8)],
      [5, 4, randomTracelessHermitian(rng, 5)],
      [6, 3, randomTracelessHermitian(rng, 6)],
    ];
    for (const [d, p, h] of cases) {
      const { Hl, z } = periodicHl(rng, d, p, h);
      const dense = deltaOpNormDense(Hl, z);
      const lz = deltaOpNormLanczos(Hl, z);
      expect(Math.abs(lz.norm - dense) / dense, `d=${d} p=${p}`).toBeLessThan(1e-10);
      expect(lz.iterations).toBeLessThanOrEqual(d * d);
    }
  });

  it('a single layer with U_0 = I: Delta = (1/Z) H (x) H - SWAP + I/d has a closed-form norm at d = 2', () => {
    const y = fromArrays([[0, 0], [0, 0]], [[0, -1], [1, 0]]);
    const lz = deltaOpNormLanczos([y], zFactor(y));
    expect(Math.abs(lz.norm - 2)).toBeLessThan(1e-13);
    expect(Math.abs(deltaOpNormDense([y], zFactor(y)) - 2)).toBeLessThan(1e-13);
  });

  it('deltaOpNorm takes the dense route up to d = 16 and Lanczos above', () => {
    expect(DENSE_DELTA_MAX_D).toBe(16);
    const rng = makeRng(7);
    const small = periodicHl(rng, 4, 2, appendixDGenerator(4));
    expect(deltaOpNorm(small.Hl, small.z)).toBe(deltaOpNormDense(small.Hl, small.z));
    const large = periodicHl(rng, 18, 1, appendixDGenerator(18));
    expect(deltaOpNorm(large.Hl, large.z)).toBe(deltaOpNormLanczos(large.Hl, large.z).norm);
  });

  it('the boundary d = DENSE_DELTA_MAX_D is on the dense side (bit for bit the dense norm, not the Lanczos one)', () => {
    const rng = makeRng(16);
    const d = DENSE_DELTA_MAX_D;
    const { Hl, z } = periodicHl(rng, d, 1, appendixDGenerator(d));
    const dense = deltaOpNormDense(Hl, z), lz = deltaOpNormLanczos(Hl, z).norm;
    expect(Math.abs(lz - dense) / dense).toBeLessThan(1e-10);
    expect(lz).not.toBe(dense); // the two routes round differently here, so the next line tells them apart
    expect(deltaOpNorm(Hl, z)).toBe(dense);
  });
});
