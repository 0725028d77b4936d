/**
 * Tests added for mutants of src/model/kernels.ts that survived the existing suite (StrykerJS):
 * a generator with Z != 1 (the appendix-D generator has Z = 1, so p Z = p / Z there), measurements
 * that are not traceless (commutators are, so the tr(A_i) tr(A_j)/d term of K_pert vanished in every
 * test), explicit finiteness (maxAbsDiff ignores NaN entries), and the input checks' messages.
 */
import { describe, expect, it } from 'vitest';
import { EPS, fromArrays, maxAbsDiff, scale, traceProduct, zeros, type CMat } from '../../src/linalg/cmatrix.ts';
import { layerGenerators, lineAnsatz, periodicAnsatz } from '../../src/model/ansatz.ts';
import { makeInstance } from '../../src/model/instance.ts';
import { deltaMatrix, etaLemma41, kPert, kPertExplicit, yMatrix, zFactor } from '../../src/model/kernels.ts';
import { appendixDInstance } from '../../src/model/scenarios.ts';
import { makeRng } from '../../src/random/rng.ts';

function allFinite(a: CMat): boolean {
  return a.re.every(Number.isFinite) && a.im.every(Number.isFinite);
}

/** A random d x d Hermitian matrix with a nonzero trace. */
function hermitianWithTrace(rng: ReturnType<typeof makeRng>, d: number, shift: number): CMat {
  const a = zeros(d, d);
  for (let i = 0; i < d; i++) {
    a.re[i * d + i] = rng.uniform() + shift;
    for (let j = i + 1; j < d; j++) {
      const x = rng.uniform() - 0.5, y = rng.uniform() - 0.5;
      a.re[i * d + j] = x; a.im[i * d + j] = y;
      a.re[j * d + i] = x; a.im[j * d + i] = -y;
    }
  }
  return a;
}

describe('kernels: mutants that survived the suite', () => {
  it('kPert (implicit) = kPertExplicit for non-traceless A and z != 1, all entries finite', () => {
    const rng = makeRng(11);
    const d = 4;
    const { instance } = appendixDInstance(rng, { d, m: 2, p: 4 });
    const Hl = layerGenerators(instance.ansatz, [0.3, -0.7, 1.1, 0.4]);
    const A = [hermitianWithTrace(rng, d, 1), hermitianWithTrace(rng, d, -2), hermitianWithTrace(rng, d, 0.5)];
    for (const z of [1, 2.5]) {
      const pi = kPert(A, Hl, z), pe = kPertExplicit(A, deltaMatrix(Hl, z));
      expect(allFinite(pi)).toBe(true);
      expect(allFinite(pe)).toBe(true);
      const tol = 1e3 * EPS * d * d * Math.max(1, ...Array.from(pe.re).map(Math.abs));
      expect(maxAbsDiff(pi, pe)).toBeLessThan(tol);
    }
  });

  it('etaLemma41 = m (d^2 - 1) / (p tr H^2) for a generator with Z = 4', () => {
    const { instance } = appendixDInstance(makeRng(12), { d: 4, m: 3, p: 5 });
    const h2 = scale(instance.ansatz.periodicGenerator!, 2);
    const inst = makeInstance(periodicAnsatz(instance.ansatz.unitaries, h2), instance.M0, instance.states, instance.labels);
    expect(zFactor(h2)).toBeCloseTo(4, 12);
    const expected = (3 * (16 - 1)) / (5 * traceProduct(h2, h2).re);
    expect(Math.abs(etaLemma41(inst) - expected)).toBeLessThan(1e3 * EPS * expected);
  });

  it('input checks name the function and the parameter', () => {
    expect(() => zFactor(fromArrays([[1]]))).toThrow(/^zFactor: H must be at least 2x2 \(got 1x1\)/);
    const big = zeros(25, 25);
    expect(() => yMatrix([big], 1)).toThrow(/^yMatrix: d must be <= 24 .*got 25/);
    expect(yMatrix([zeros(24, 24)], 1).rows).toBe(576);
    const { instance } = appendixDInstance(makeRng(13), { d: 2, m: 1, p: 1 });
    const line = lineAnsatz(instance.ansatz.unitaries, instance.ansatz.generators);
    const inst = makeInstance(line, instance.M0, instance.states, instance.labels);
    expect(() => etaLemma41(inst)).toThrow(/^etaLemma41: ansatz must be periodic \(Definition 2\.1\)/);
  });
});
