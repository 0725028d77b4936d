/**
 * Covers src/model: ansatz (Line (1), Definition 2.1), M(theta), predictions, loss, the adjoint
 * gradient, and the kernel quantities of eqs. (4), (7), (8). Exact cases beside random ones.
 */
import { describe, expect, it } from 'vitest';
import {
  adjoint, commutator, EPS, fromArrays, identity, matmul, maxAbsDiff, scale, sub, trace, zeros,
} from '../../src/linalg/cmatrix.ts';
import { expmHermitian } from '../../src/linalg/expm.ts';
import { eigvalsh } from '../../src/linalg/eigh.ts';
import { lineAnsatz, periodicAnsatz, periodicAsLine, unitaryOf, layerGenerators } from '../../src/model/ansatz.ts';
import { compile, lossAndGradient, predictFast } from '../../src/model/compiled.ts';
import { makeInstance } from '../../src/model/instance.ts';
import {
  deltaMatrix, etaLemma41, kAsym, kernelK, kPert, kPertExplicit, stateCommutators, zFactor,
} from '../../src/model/kernels.ts';
import { appendixDGenerator, pauliString, pmOneMeasurement } from '../../src/model/measurement.ts';
import { loss, parameterizedMeasurement, predictions } from '../../src/model/qnn.ts';
import { appendixDInstance, lineInstance } from '../../src/model/scenarios.ts';
import { haarUnitary, orthonormalStates } from '../../src/random/ensembles.ts';
import { makeRng } from '../../src/random/rng.ts';

describe('measurement', () => {
  it('Pauli strings: ZX on 2 qubits is kron(Z, X); eigenvalues +-1', () => {
    const zx = pauliString('ZX');
    expect(zx.rows).toBe(4);
    expect(zx.re[0 * 4 + 1]).toBe(1);
    expect(zx.re[2 * 4 + 3]).toBe(-1);
    expect(Array.from(eigvalsh(zx)).map(Math.round)).toEqual([-1, -1, 1, 1]);
    expect(() => pauliString('ZQ')).toThrow(/pauliString: word has letter 'Q'/);
  });
  it('appendix-D generator has Z = tr(H^2)/(d^2-1) = 1 and trace 0', () => {
    for (const d of [2, 4, 8, 32]) {
      const h = appendixDGenerator(d);
      expect(Math.abs(zFactor(h) - 1)).toBeLessThan(16 * EPS * d);
      expect(trace(h).re).toBeCloseTo(0, 12);
    }
    expect(() => pmOneMeasurement(3)).toThrow(/pmOneMeasurement: d must be even/);
  });
});

describe('ansatz', () => {
  it('exact case: d = 2, p = 1, U0 = U1 = I, H = X, M0 = Z, |0>: yhat = cos(2 theta)', () => {
    const X = pauliString('X'), Z = pauliString('Z');
    const ans = lineAnsatz([identity(2), identity(2)], [X]);
    const inst = makeInstance(ans, Z, fromArrays([[1, 0]]), [1]);
    for (const th of [0, 0.3, Math.PI / 4, 1.1]) {
      expect(predictions(inst, [th])[0]).toBeCloseTo(Math.cos(2 * th), 14);
      const lg = lossAndGradient(inst, [th]);
      // L = (cos 2t - 1)^2 / 2, dL/dt = -2 sin(2t)(cos 2t - 1)
      expect(lg.loss).toBeCloseTo((Math.cos(2 * th) - 1) ** 2 / 2, 14);
      expect(lg.gradient[0]).toBeCloseTo(-2 * Math.sin(2 * th) * (Math.cos(2 * th) - 1), 13);
    }
  });

  it('layer order: U(theta) = U_p e^{-i theta_p H} ... U_0 (Line (1)), against an explicit product', () => {
    const rng = makeRng(7);
    const { instance: inst, theta0 } = lineInstance(rng, { d: 4, m: 2, p: 3 });
    const a = inst.ansatz;
    let u = a.unitaries[0];
    for (let l = 1; l <= 3; l++) u = matmul(a.unitaries[l], matmul(expmHermitian(a.generators[l - 1], theta0[l - 1]), u));
    expect(maxAbsDiff(unitaryOf(a, theta0), u)).toBeLessThan(64 * EPS * 4 * 3);
  });

  it('Definition 2.1: the periodic ansatz equals its Line (1) form with H^(l) = V_l H V_l^dag', () => {
    const { instance } = appendixDInstance(makeRng(3), { d: 6, m: 2, p: 5 });
    const th = [0.1, -0.7, 1.3, 0.4, 2.2];
    const line = periodicAsLine(instance.ansatz);
    expect(maxAbsDiff(unitaryOf(instance.ansatz, th), unitaryOf(line, th))).toBeLessThan(1e3 * EPS * 6 * 5);
  });

  it('rejects non-unitary gates, non-Hermitian generators, wrong theta length', () => {
    const bad = scale(identity(2), 1.01);
    expect(() => lineAnsatz([bad, identity(2)], [pauliString('X')])).toThrow(/lineAnsatz: unitaries\[0\] must be unitary/);
    const nh = fromArrays([[0, 1], [0, 0]]);
    expect(() => lineAnsatz([identity(2), identity(2)], [nh])).toThrow(/generators\[0\] must be Hermitian/);
    expect(() => periodicAnsatz([identity(2), identity(2)], identity(2))).toThrow(/periodicAnsatz: H must be trace-0/);
    const ans = lineAnsatz([identity(2), identity(2)], [pauliString('X')]);
    expect(() => unitaryOf(ans, [1, 2])).toThrow(/unitaryOf: theta has length 2, expected p = 1/);
    expect(() => unitaryOf(ans, [NaN])).toThrow(/theta has a non-finite entry/);
    expect(() => makeInstance(ans, pauliString('Z'), fromArrays([[1, 1]]), [1])).toThrow(/states\[0\] must have unit norm/);
  });
});

describe('predictions, loss and gradient', () => {
  it('fast state-vector route equals the dense Heisenberg route', () => {
    for (const seed of [1, 2, 3]) {
      const { instance, theta0 } = lineInstance(makeRng(seed), { d: 8, m: 3, p: 6, gamma: 1.5 });
      const dense = predictions(instance, theta0);
      const fast = predictFast(compile(instance), theta0);
      for (let j = 0; j < 3; j++) expect(Math.abs(dense[j] - fast[j])).toBeLessThan(1e3 * EPS * 8 * 6);
      expect(Math.abs(lossAndGradient(instance, theta0).loss - loss(instance, theta0))).toBeLessThan(1e3 * EPS * 8 * 6);
    }
  });

  it('fast route = dense route with real-only and imaginary-only off-diagonal generators, degenerate spectra and a non-diagonal M0', () => {
    // X and Y factors make off-diagonals purely real or purely imaginary (each must be seen as non-diagonal);
    // every (scaled) Pauli string has two eigenvalues, each with multiplicity d/2 (the repeated-eigenvalue path of the phases);
    // ZIZ is diagonal (the path without an eigendecomposition).
    const rng = makeRng(21);
    // scaled so the repeated eigenvalues are not +-1 (t * lambda and t / lambda must differ)
    const gens = ['XII', 'IYI', 'ZIZ', 'XYZ', 'IIX'].map((s, l) => scale(pauliString(s), 0.6 + 0.3 * l));
    const unitaries = Array.from({ length: gens.length + 1 }, () => haarUnitary(rng, 8));
    const inst = makeInstance(lineAnsatz(unitaries, gens), pauliString('YXI'), orthonormalStates(rng, 3, 8), [1, -1, 1]);
    const theta = [0.3, -1.1, 0.7, 2.0, -0.4];
    const c = compile(inst);
    const dense = predictions(inst, theta), fast = predictFast(c, theta);
    for (let j = 0; j < 3; j++) expect(Math.abs(dense[j] - fast[j])).toBeLessThan(1e3 * EPS * 8 * 5);
    const g = lossAndGradient(inst, theta, c);
    expect(Math.abs(g.loss - loss(inst, theta))).toBeLessThan(1e3 * EPS * 8 * 5);
    const h = 1e-5;
    for (let l = 0; l < 5; l++) {
      const tp = theta.slice(), tm = theta.slice();
      tp[l] += h;
      tm[l] -= h;
      expect(Math.abs((loss(inst, tp) - loss(inst, tm)) / (2 * h) - g.gradient[l])).toBeLessThan(1e-8);
    }
  });

  it('lossAndGradient refuses a theta of the wrong length or with a non-finite entry, naming itself', () => {
    const { instance } = lineInstance(makeRng(4), { d: 4, m: 2, p: 3 });
    expect(() => lossAndGradient(instance, [0, 0])).toThrow('lossAndGradient: theta has length 2, expected p = 3');
    expect(() => lossAndGradient(instance, [0, Number.NaN, 0])).toThrow('lossAndGradient: theta has a non-finite entry at index 1 (NaN)');
  });

  it('adjoint gradient agrees with central finite differences (h = 1e-5: error O(h^2) ~ 1e-10)', () => {
    const { instance, theta0 } = lineInstance(makeRng(11), { d: 6, m: 4, p: 5, gamma: 2 });
    const c = compile(instance);
    const g = lossAndGradient(instance, theta0, c).gradient;
    const h = 1e-5;
    for (let l = 0; l < 5; l++) {
      const tp = Float64Array.from(theta0), tm = Float64Array.from(theta0);
      tp[l] += h;
      tm[l] -= h;
      const fd = (lossAndGradient(instance, tp, c).loss - lossAndGradient(instance, tm, c).loss) / (2 * h);
      expect(Math.abs(fd - g[l])).toBeLessThan(1e-8);
    }
  });

  it('a sign flip in the gate (e^{+i theta H}) would be caught: dense and fast routes use e^{-i theta H}', () => {
    const X = pauliString('X');
    const ans = lineAnsatz([identity(2), identity(2)], [X]);
    const y = fromArrays([[Math.SQRT1_2, 0]], [[0, Math.SQRT1_2]]); // (|0> + i|1>)/sqrt2: yhat depends on the sign of theta
    const inst = makeInstance(ans, pauliString('Z'), y, [1]);
    const p1 = predictions(inst, [0.3])[0];
    // e^{-i t X}(|0> + i|1>)/sqrt2 -> <Z> = sin(2t)
    expect(p1).toBeCloseTo(Math.sin(0.6), 13);
    expect(predictFast(compile(inst), [0.3])[0]).toBeCloseTo(Math.sin(0.6), 13);
  });
});

describe('kernel quantities', () => {
  it('dM/dtheta_l = i[H_l, M] (Lemma 3.1, eq. 16) by central differences', () => {
    const { instance, theta0 } = lineInstance(makeRng(5), { d: 4, m: 2, p: 4 });
    const Hl = layerGenerators(instance.ansatz, theta0);
    const M = parameterizedMeasurement(instance, theta0);
    const h = 1e-5;
    for (let l = 0; l < 4; l++) {
      const tp = Float64Array.from(theta0), tm = Float64Array.from(theta0);
      tp[l] += h;
      tm[l] -= h;
      const fd = scale(sub(parameterizedMeasurement(instance, tp), parameterizedMeasurement(instance, tm)), 1 / (2 * h));
      const an = scale(commutator(Hl[l], M), 0, 1);
      expect(maxAbsDiff(fd, an)).toBeLessThan(1e-8);
    }
  });

  it('(eta/m) K = K_asym + K_pert (Lemma 4.1), with explicit and implicit Delta', () => {
    const { instance } = appendixDInstance(makeRng(9), { d: 4, m: 2, p: 6, gamma: 1.3 });
    const th = [0.2, 0.5, -0.1, 0.9, 1.4, -0.6];
    const M = parameterizedMeasurement(instance, th);
    const A = stateCommutators(M, instance.states);
    const Hl = layerGenerators(instance.ansatz, th);
    const z = zFactor(instance.ansatz.periodicGenerator!);
    const K = kernelK(instance, th);
    const lhs = scale(K, etaLemma41(instance) / 2);
    const ka = kAsym(M, instance.states);
    const pe = kPertExplicit(A, deltaMatrix(Hl, z));
    const pi = kPert(A, Hl, z);
    const tol = 1e3 * EPS * 16 * Math.max(1, ...Array.from(lhs.re).map(Math.abs));
    const sum = zeros(2, 2);
    for (let i = 0; i < 4; i++) sum.re[i] = ka.re[i] + pe.re[i];
    expect(maxAbsDiff(lhs, sum)).toBeLessThan(tol);
    expect(maxAbsDiff(pe, pi)).toBeLessThan(tol);
  });

  it('M(theta) is unitarily similar to M0: same spectrum', () => {
    const { instance, theta0 } = lineInstance(makeRng(4), { d: 6, m: 2, p: 3, gamma: 2 });
    const e0 = eigvalsh(instance.M0), e = eigvalsh(parameterizedMeasurement(instance, theta0));
    for (let i = 0; i < 6; i++) expect(Math.abs(e0[i] - e[i])).toBeLessThan(1e3 * EPS * 6 * 2);
    const u = unitaryOf(instance.ansatz, theta0);
    expect(maxAbsDiff(matmul(adjoint(u), u), identity(6))).toBeLessThan(1e3 * EPS * 6);
  });
});
