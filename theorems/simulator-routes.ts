/**
 * Fast routes of the simulator against their dense references, off the special case that every other
 * claim draws (orthonormal states, balanced +-1 labels, gamma = 1, theta = 0): generic unit-norm states
 * that overlap, labels that are neither balanced nor +-1, gamma != 1, random theta, non-diagonal
 * measurements and generators. A fast kernel that agrees with the reference only on orthonormal states
 * (a dropped overlap term v_i^dag v_j, a label sum assumed zero) fails here.
 * Routes: src/dynamics/asymptotic.ts kernelAsymFast (K_asym, eq. 7) and asymptoticRhs (eq. 10);
 * src/model/compiled.ts lossAndGradientFast (the compiled WebAssembly gradient of L, Lemma 3.1's dL/dtheta);
 * src/dynamics/lowRankExp.ts lowRankSkewExp / conjugateLowRank (the exponential of eq. 10's isospectral
 * integrator).
 */
import fc from 'fast-check';
import type { Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import { asymptoticRhs, kernelAsymFast } from '../src/dynamics/asymptotic.ts';
import { conjugateLowRank, lowRankSkewExp, lowRankUnitaryDense, skewFromFactors } from '../src/dynamics/lowRankExp.ts';
import {
  adjoint, type CMat, commutator, frobeniusNorm, matmul, maxAbsDiff, outer, row, scale, traceProduct, zeros,
} from '../src/linalg/cmatrix.ts';
import { expmAntiHermitian } from '../src/linalg/expm.ts';
import { layerGenerators, lineAnsatz, periodicAnsatz } from '../src/model/ansatz.ts';
import { compile, lossAndGradientFast } from '../src/model/compiled.ts';
import { makeInstance } from '../src/model/instance.ts';
import { appendixDGenerator } from '../src/model/measurement.ts';
import { deltaMatrix, kPert, kPertExplicit, stateCommutators, zFactor } from '../src/model/kernels.ts';
import { loss, parameterizedMeasurement } from '../src/model/qnn.ts';
import {
  ginibre, haarSpecialUnitary, haarState, randomHermitianWithSpectrum, randomTracelessHermitian,
} from '../src/random/ensembles.ts';
import { makeRng, type Rng } from '../src/random/rng.ts';

interface Params extends InstanceParams { seed: number; d: number; m: number; gamma: number }

const arbitrary = (dMax = 8, mMax = 6) => () =>
  fc.record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    d: fc.integer({ min: 2, max: dMax }),
    m: fc.integer({ min: 1, max: mMax }),
    // gamma != 1: the scaling of section 4 (1 is excluded by construction).
    gamma: fc.double({ min: 1.05, max: 4, noNaN: true }),
  });
const hypotheses = [
  'states: m independent Haar unit vectors (overlapping; m may exceed d), not orthonormal',
  'labels: independent uniform reals in [-2, 2] (not balanced, not +-1)',
  'M: gamma U diag(+-1, unequal counts) U^dag, gamma in [1.05, 4], or a generic Hermitian',
];

/** m Haar unit vectors as the rows of an m x d matrix (generic: they overlap). */
function genericStates(rng: Rng, m: number, d: number): CMat {
  const s = zeros(m, d);
  for (let j = 0; j < m; j++) {
    const v = haarState(rng, d);
    s.re.set(v.re, j * d);
    s.im.set(v.im, j * d);
  }
  return s;
}

function genericLabels(rng: Rng, m: number): Float64Array {
  return Float64Array.from({ length: m }, () => 4 * rng.uniform() - 2);
}

/** gamma U diag(+1 x k, -1 x (d - k)) U^dag with k != d/2 when d > 2, or (odd seeds) a generic Hermitian of norm ~ gamma. */
function genericMeasurement(rng: Rng, d: number, gamma: number): CMat {
  if (rng.uniform() < 0.5) {
    const k = 1 + Math.floor(rng.uniform() * (d - 1));
    return randomHermitianWithSpectrum(rng, Array.from({ length: d }, (_, i) => (i < k ? gamma : -gamma)));
  }
  return scale(randomTracelessHermitian(rng, d), gamma);
}

const rho = (states: CMat, j: number): CMat => outer(row(states, j));

export const routeKAsym: Claim<Params> = {
  id: 'section-4/route-k-asym',
  title: 'Fast K_asym (kernelAsymFast) equals the dense tr(i[M,rho_i] i[M,rho_j]) on generic states',
  ref: { label: 'Section 4 (K_asym)', section: '4', equations: ['7'] },
  statement: 'Route: src/dynamics/asymptotic.ts kernelAsymFast, the O(m d^2 + m^2 d) K_asym of the asymptotic dynamics (figures 3, 5, 6), against the dense definition (K_asym)_ij = tr(i[M,rho_i] i[M,rho_j]) built with d x d matrix products, on overlapping (non-orthonormal) states and M = gamma U diag(+-1) U^dag with unequal eigenvalue counts or a generic Hermitian, gamma != 1.',
  hypotheses,
  kind: 'identity',
  strength: 'consistency',
  strengthReason: 'two routes of our simulator agree off the special case; it guards the simulator, it is not a finding about the paper',
  expectation: 'holds',
  uses: [],
  toleranceRule: 'dense products of depth 3: 64 EPS d * 3 * ||M||_F^2 (K_ij is quadratic in M, |rho| = 1)',
  runs: { quick: 20, default: 100, full: 1000 },
  arbitrary: arbitrary(),
  check: ({ seed, d, m, gamma }) => {
    const rng = makeRng(seed);
    const M = genericMeasurement(rng, d, gamma);
    const states = genericStates(rng, m, d);
    const fast = kernelAsymFast(M, states);
    const comms = Array.from({ length: m }, (_, j) => scale(commutator(M, rho(states, j)), 0, 1));
    const dense = zeros(m, m);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) dense.re[i * m + j] = traceProduct(comms[i], comms[j]).re;
    const residual = maxAbsDiff(fast, dense);
    const nm = frobeniusNorm(M);
    const tol = TOLERANCES.identity(nm * nm, d, 3);
    return { ok: residual <= tol, slack: tol - residual, residual, tolerance: tol, details: { scale: nm * nm } };
  },
};

export const routeAsymptoticRhs: Claim<Params> = {
  id: 'section-4/route-asymptotic-rhs',
  title: 'Fast right-hand side of eq. (10) equals sum_j r_j [M,[M,rho_j]] on generic states and labels',
  ref: { label: 'Eq. (10) / (119)', section: '4', equations: ['10', '119'] },
  statement: 'Route: src/dynamics/asymptotic.ts asymptoticRhs, the O(m d^2) right-hand side dM/dt = sum_j r_j [M,[M,rho_j]], r_j = y_j - tr(rho_j M), of the asymptotic dynamics (integrated by asymptoticFlow for figures 3, 5, 6), against the dense double commutator, on overlapping states, unbalanced real labels in [-2, 2] and gamma != 1.',
  hypotheses,
  kind: 'identity',
  strength: 'consistency',
  strengthReason: 'two routes of our simulator agree off the special case; it guards the simulator, it is not a finding about the paper',
  expectation: 'holds',
  uses: ['theorem-4.2'],
  toleranceRule: 'dense products of depth 4: 64 EPS d * 4 * ||M||_F^2 (||M||_F + max|r_j|) * m',
  runs: { quick: 20, default: 100, full: 1000 },
  arbitrary: arbitrary(),
  check: ({ seed, d, m, gamma }) => {
    const rng = makeRng(seed);
    const M = genericMeasurement(rng, d, gamma);
    const states = genericStates(rng, m, d);
    const labels = genericLabels(rng, m);
    const fast = asymptoticRhs(M, states, labels);
    let dense = zeros(d, d), rMax = 0;
    for (let j = 0; j < m; j++) {
      const r = rho(states, j);
      const rj = labels[j] - traceProduct(r, M).re;
      rMax = Math.max(rMax, Math.abs(rj));
      const dc = commutator(M, commutator(M, r));
      dense = { ...dense, re: dense.re.map((x, k) => x + rj * dc.re[k]), im: dense.im.map((x, k) => x + rj * dc.im[k]) };
    }
    const residual = maxAbsDiff(fast, dense);
    const nm = frobeniusNorm(M);
    const tol = TOLERANCES.identity(nm * nm * (nm + rMax) * m, d, 4);
    return { ok: residual <= tol, slack: tol - residual, residual, tolerance: tol, details: { rMax } };
  },
};

interface GradParams extends Params { periodic: boolean }

export const routeCompiledGradient: Claim<GradParams> = {
  id: 'lemma-3.1/route-compiled-gradient',
  title: 'Compiled (WebAssembly) gradient of L equals central differences of the dense loss, off the special case',
  ref: { label: 'Lemma 3.1 / A.1', section: '3', equations: ['3', '4'] },
  statement: 'Route: src/model/compiled.ts compile + lossAndGradientFast, the fast loss and gradient behind every training run (figures 1, 2, 4, 6 and the claims on them), against the dense loss of src/model/qnn.ts (U(theta) by matrix exponentials, M(theta) = U^dag M0 U) and its central differences, on overlapping states, unbalanced real labels, M0 = gamma U diag(+-1) U^dag or generic with gamma != 1, random theta, and both the periodic ansatz with the appendix-D generator and a Line (1) ansatz with non-diagonal random generators.',
  hypotheses: [...hypotheses, 'theta uniform in [-pi, pi]^p; p in 1..5'],
  kind: 'identity',
  strength: 'consistency',
  strengthReason: 'two routes of our simulator agree off the special case; it guards the simulator, it is not a finding about the paper',
  expectation: 'holds',
  uses: [],
  toleranceRule: 'loss: 64 EPS d (2p + 2) (||M0||_F + max|y|)^2; gradient: central difference with h = 1e-4, 10 (h^2 s + EPS s / h), s = (||M0||_F + max|y|)^2 sum_l ||H_l||^3 (third derivative bound)',
  runs: { quick: 10, default: 40, full: 300 },
  arbitrary: () =>
    fc.record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      d: fc.integer({ min: 2, max: 6 }).map((x) => 2 * Math.ceil(x / 2)),
      m: fc.integer({ min: 1, max: 5 }),
      gamma: fc.double({ min: 1.05, max: 3, noNaN: true }),
      periodic: fc.boolean(),
    }),
  check: ({ seed, d, m, gamma, periodic }) => {
    const rng = makeRng(seed);
    const p = 1 + Math.floor(rng.uniform() * 5);
    const unitaries = Array.from({ length: p + 1 }, () => haarSpecialUnitary(rng, d));
    const gens = periodic ? [] : Array.from({ length: p }, () => randomTracelessHermitian(rng, d));
    const ansatz = periodic ? periodicAnsatz(unitaries, appendixDGenerator(d)) : lineAnsatz(unitaries, gens);
    const M0 = genericMeasurement(rng, d, gamma);
    const states = genericStates(rng, m, d);
    const labels = genericLabels(rng, m);
    const inst = makeInstance(ansatz, M0, states, labels, { gamma });
    const theta = Float64Array.from({ length: p }, () => Math.PI * (2 * rng.uniform() - 1));
    const fast = lossAndGradientFast(compile(inst), theta);
    const s0 = (frobeniusNorm(M0) + 2) ** 2;
    const lossTol = TOLERANCES.identity(s0, d, 2 * p + 2);
    let residual = Math.abs(fast.loss - loss(inst, theta)), slack = lossTol - residual;
    const hs = (periodic ? [appendixDGenerator(d)] : gens).map((g) => frobeniusNorm(g));
    const hMax = Math.max(...hs);
    const h = 1e-4;
    const gradTol = TOLERANCES.finiteDifference(h, s0 * p * hMax ** 3);
    for (let l = 0; l < p; l++) {
      const tp = theta.slice(), tm = theta.slice();
      tp[l] += h;
      tm[l] -= h;
      const fd = (loss(inst, tp) - loss(inst, tm)) / (2 * h);
      const e = Math.abs(fast.gradient[l] - fd);
      residual = Math.max(residual, e);
      slack = Math.min(slack, gradTol - e);
    }
    return { ok: slack >= 0, slack, residual, tolerance: gradTol, details: { p, lossTol } };
  },
};

interface ExpParams extends InstanceParams { seed: number; d: number; k: number; size: number }

export const routeLowRankExp: Claim<ExpParams> = {
  id: 'section-4/route-low-rank-exp',
  title: 'Low-rank exponential of F = X V^dag - V X^dag equals the dense exp(F), and its conjugation E M E^dag',
  ref: { label: 'Eq. (10) (isospectral integrator)', section: '4', equations: ['10'] },
  statement: 'Route: src/dynamics/lowRankExp.ts lowRankSkewExp and conjugateLowRank, the O(d k^2) exponential and conjugation that every step of the asymptotic dynamics applies (asymptoticFlow, figures 3, 5, 6), against exp(F) from the dense Hermitian eigendecomposition (src/linalg/expm.ts) and the dense product E M E^dag, on generic (non-orthonormal, Ginibre) factors X, V of k rows, norms from 1e-3 to 3, and a generic Hermitian M.',
  hypotheses: ['X, V: k x d Ginibre factors scaled to Frobenius norm `size` (not orthonormal)', 'M: GUE-like traceless Hermitian'],
  kind: 'identity',
  strength: 'consistency',
  strengthReason: 'two routes of our simulator agree off the special case; it guards the simulator, it is not a finding about the paper',
  expectation: 'holds',
  uses: [],
  toleranceRule: 'eigendecomposition route: 256 EPS d (1 + ||F||_F) for E; 64 EPS d * 3 ||M||_F for E M E^dag on top of the error of E times 2 ||M||_F',
  runs: { quick: 20, default: 100, full: 1000 },
  arbitrary: () =>
    fc.record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      d: fc.integer({ min: 2, max: 10 }),
      k: fc.integer({ min: 1, max: 4 }),
      size: fc.constantFrom(1e-3, 0.1, 1, 3),
    }),
  check: ({ seed, d, k, size }) => {
    const rng = makeRng(seed);
    const norm1 = (a: CMat): CMat => scale(a, size / Math.max(frobeniusNorm(a), 1e-300));
    const x = norm1(ginibre(rng, k, d)), v = norm1(ginibre(rng, k, d));
    const f = skewFromFactors(x, v);
    const e = lowRankSkewExp(x, v);
    const eFast = lowRankUnitaryDense(e);
    const eDense = expmAntiHermitian(f, 1);
    const nf = frobeniusNorm(f);
    const tolE = TOLERANCES.spectral(1 + nf, d);
    const rE = maxAbsDiff(eFast, eDense);
    const M = randomTracelessHermitian(rng, d);
    const nm = frobeniusNorm(M);
    const conjFast = conjugateLowRank(e, M);
    const conjDense = matmul(eDense, matmul(M, adjoint(eDense)));
    const tolC = TOLERANCES.identity(nm, d, 3) + 2 * nm * tolE;
    const rC = maxAbsDiff(conjFast, conjDense);
    const slack = Math.min(tolE - rE, tolC - rC);
    return { ok: slack >= 0, slack, residual: Math.max(rE, rC), tolerance: Math.min(tolE, tolC), details: { residualE: rE, residualConj: rC, normF: nf } };
  },
};

export const routeKPert: Claim<Params> = {
  id: 'lemma-4.1/route-k-pert',
  title: 'K_pert without d^2 x d^2 matrices (kPert) equals tr((A_i (x) A_j) Delta) with the explicit Delta = Y - Y*',
  ref: { label: 'Lemma 4.1 / B.1', section: '4, B.1', equations: ['8', '67'] },
  statement: 'Route: src/model/kernels.ts kPert, the O(p d^2 m^2) perturbation kernel (tr((A_i (x) A_j) Y) = (1/pZ) sum_l tr(A_i H_l) tr(A_j H_l), tr((A_i (x) A_j) Y*) = tr(A_i A_j) - tr(A_i) tr(A_j)/d; used by the CLI\'s instance report), against kPertExplicit with Delta = Y - Y* formed as a d^2 x d^2 matrix (deltaMatrix), on the periodic ansatz at random theta with overlapping states, M0 = gamma U diag(+-1) U^dag or generic, gamma != 1.',
  hypotheses: [...hypotheses, 'periodic ansatz with the appendix-D generator, p in 1..6, theta uniform in [-pi, pi]^p'],
  kind: 'identity',
  strength: 'consistency',
  strengthReason: 'two routes of our simulator agree off the special case; it guards the simulator, it is not a finding about the paper',
  expectation: 'holds',
  uses: ['lemma-4.1'],
  toleranceRule: 'dense products of depth 4 on d^2 x d^2 matrices: 64 EPS d^2 * 4 * max_i ||A_i||_F^2 (||Y||_F + ||Y*||_F)',
  runs: { quick: 10, default: 40, full: 300 },
  arbitrary: arbitrary(6, 4),
  check: ({ seed, d, m, gamma }) => {
    const rng = makeRng(seed);
    const p = 1 + Math.floor(rng.uniform() * 6);
    const h = appendixDGenerator(2 * Math.ceil(d / 2));
    const dd = h.rows;
    const ansatz = periodicAnsatz(Array.from({ length: p + 1 }, () => haarSpecialUnitary(rng, dd)), h);
    const inst = makeInstance(ansatz, genericMeasurement(rng, dd, gamma), genericStates(rng, m, dd), genericLabels(rng, m), { gamma });
    const theta = Float64Array.from({ length: p }, () => Math.PI * (2 * rng.uniform() - 1));
    const A = stateCommutators(parameterizedMeasurement(inst, theta), inst.states);
    const Hl = layerGenerators(ansatz, theta);
    const z = zFactor(h);
    const fast = kPert(A, Hl, z);
    const delta = deltaMatrix(Hl, z);
    const dense = kPertExplicit(A, delta);
    const aMax = Math.max(...A.map(frobeniusNorm));
    const tol = TOLERANCES.identity(aMax * aMax * frobeniusNorm(delta), dd * dd, 4);
    const residual = maxAbsDiff(fast, dense);
    return { ok: residual <= tol, slack: tol - residual, residual, tolerance: tol, details: { p, d: dd } };
  },
};

export const simulatorRouteClaims = [routeKAsym, routeAsymptoticRhs, routeCompiledGradient, routeLowRankExp, routeKPert];
