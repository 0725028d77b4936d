/**
 * Section 3 (text after Lemma 3.1): the free-M model is kernel regression, dr/dt = -(eta/m) K r with the constant
 * K_ij = tr(rho_i rho_j) (as printed with tr(rho_i rho_i)), checked against central differences of the free-M loss.
 * What the free flow does over time (its spectrum moves; with a positive definite K it converges linearly) is in
 * ./section-3-kernel-flow.ts.
 */
import fc from 'fast-check';
import { smallDimensionArb } from '../properties/index.ts';
import type { Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import { axpyInPlace, CMat, clone, outer, row, traceProduct, zeros } from '../src/linalg/cmatrix.ts';
import { eigh } from '../src/linalg/eigh.ts';
import { kernelRegressionFlow } from '../src/dynamics/training.ts';
import { predictionsOf } from '../src/model/qnn.ts';
import { makeRng } from '../src/random/rng.ts';
import { allOf, buildLabels, buildMeasurement, buildStates, identityOutcome, seedArb, type StatesKind } from './section-2-3-common.ts';

/** L(M) = (1/2m) sum_j (tr(rho_j M) - y_j)^2, the free-M objective (section 3). */
export function freeLoss(M: CMat, states: CMat, labels: ArrayLike<number>): number {
  const yhat = predictionsOf(M, states);
  let s = 0;
  for (let j = 0; j < labels.length; j++) s += (yhat[j] - labels[j]) ** 2;
  return s / (2 * labels.length);
}

/** Orthonormal basis of the d x d Hermitians for the real inner product tr(AB). */
function hermitianBasis(d: number): CMat[] {
  const out: CMat[] = [];
  const s = Math.SQRT1_2;
  for (let a = 0; a < d; a++) {
    const e = zeros(d, d);
    e.re[a * d + a] = 1;
    out.push(e);
    for (let b = a + 1; b < d; b++) {
      const x = zeros(d, d), y = zeros(d, d);
      x.re[a * d + b] = s; x.re[b * d + a] = s;
      y.im[a * d + b] = s; y.im[b * d + a] = -s;
      out.push(x, y);
    }
  }
  return out;
}

/**
 * dr/dt of the free model's gradient flow dM/dt = -eta grad_M L at M, with grad_M L from central
 * differences along an orthonormal Hermitian basis (exact for the quadratic L up to rounding; step 1).
 */
function freeFlowResidualRate(M: CMat, states: CMat, labels: ArrayLike<number>, eta: number): { drdt: Float64Array; lossScale: number } {
  const d = M.rows, m = states.rows;
  const grad = zeros(d, d);
  let lossScale = 0;
  for (const e of hermitianBasis(d)) {
    const mp = clone(M), mm = clone(M);
    axpyInPlace(mp, e, 1);
    axpyInPlace(mm, e, -1);
    const lp = freeLoss(mp, states, labels), lm = freeLoss(mm, states, labels);
    lossScale = Math.max(lossScale, lp, lm);
    axpyInPlace(grad, e, (lp - lm) / 2);
  }
  const drdt = new Float64Array(m);
  for (let i = 0; i < m; i++) drdt[i] = eta * traceProduct(outer(row(states, i)), grad).re; // dr_i/dt = -tr(rho_i dM/dt), dM/dt = -eta grad
  return { drdt, lossScale };
}

interface FreeParams extends InstanceParams { d: number; m: number; states: StatesKind; logEta: number }

const freeArb = (minM = 1) => () =>
  smallDimensionArb().chain((d) =>
    fc.record({
      seed: seedArb(),
      d: fc.constant(d),
      m: fc.integer({ min: Math.min(minM, d), max: Math.min(5, d) }),
      states: fc.constantFrom<StatesKind>('orthonormal', 'haar'),
      logEta: fc.double({ min: -2, max: 1, noNaN: true }),
    }));

/** Compares dr/dt of the free flow at M with -(eta/m) K r for the kernel `kernel(i, j)`. */
function freeRateCheck({ seed, d, m, states: sk, logEta }: FreeParams, kernel: (rho: CMat[], i: number, j: number) => number) {
  const rng = makeRng(seed);
  const M0 = buildMeasurement(rng, d, 'generic');
  const states = buildStates(rng, m, d, sk);
  const labels = buildLabels(rng, m, 'real');
  const eta = 10 ** logEta;
  const rho = Array.from({ length: m }, (_, j) => outer(row(states, j)));
  const T = (2 * m) / eta;
  const traj = kernelRegressionFlow(M0, states, labels, eta, [0, T / 2, T], { rtol: 1e-10, atol: 1e-12 });
  const parts = [];
  for (const pt of traj) {
    const { drdt, lossScale } = freeFlowResidualRate(pt.M, states, labels, eta);
    const r = Float64Array.from(predictionsOf(pt.M, states), (yh, j) => labels[j] - yh);
    let res = 0, scale = 0;
    for (let i = 0; i < m; i++) {
      let kr = 0, abs = 0;
      for (let j = 0; j < m; j++) { kr += kernel(rho, i, j) * r[j]; abs += Math.abs(r[j]); }
      res = Math.max(res, Math.abs(drdt[i] + (eta / m) * kr)); // dr/dt = -(eta/m) K r
      scale = Math.max(scale, (eta / m) * abs);
    }
    // FD with step 1 of a quadratic: rounding of 2 d^2 loss values (scale lossScale) plus that of K r
    const tol = eta * d * d * TOLERANCES.identity(lossScale, d, 2) + TOLERANCES.identity(scale, d, 2);
    parts.push({ res, tol, pt, r });
  }
  return { parts, traj, rho, labels, states, M0, eta, T };
}

export const trRhoRho = (rho: CMat[], i: number, j: number): number => traceProduct(rho[i], rho[j]).re; // K_ij = tr(rho_i rho_j)

export const section3FreeKernelAsPrinted: Claim<FreeParams> = {
  id: 'section-3/free-kernel-as-printed',
  title: 'Free-M model: kernel K_ij = tr(rho_i rho_i) as printed',
  ref: { label: 'Section 3 (after Lemma 3.1)', section: '3', equations: [] },
  statement:
    'For L(M) = (1/2m) sum_j (tr(rho_j M) - y_j)^2 optimised over all Hermitian M by gradient flow, dr/dt = -(eta/m) K r ' +
    'with K_ij = tr(rho_i rho_i) (as printed; = 1 for pure states).',
  hypotheses: ['M free Hermitian', 'pure states', 'real labels', 'm >= 2 distinct states'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'fails-as-printed',
  correctedBy: 'section-3/kernel-regression',
  uses: [],
  toleranceRule: 'rounding of the 2 d^2 loss evaluations of the exact (step-1) central differences: eta d^2 TOLERANCES.identity(L, d, 2), plus TOLERANCES.identity((eta/m) sum|r|, d, 2)',
  runs: { quick: 5, default: 10, full: 100 },
  arbitrary: freeArb(2),
  check: (params) => {
    const { parts } = freeRateCheck(params, (rho, i) => traceProduct(rho[i], rho[i]).re);
    return allOf(parts.map((p) => identityOutcome(p.res, p.tol)));
  },
};

export const section3KernelRegression: Claim<FreeParams> = {
  id: 'section-3/kernel-regression',
  title: 'Free-M model is kernel regression with the constant K_ij = tr(rho_i rho_j)',
  ref: { label: 'Section 3 (after Lemma 3.1)', section: '3', equations: ['3'] },
  statement:
    'For L(M) = (1/2m) sum_j (tr(rho_j M) - y_j)^2 over all Hermitian M, the gradient flow dM/dt = -eta grad_M L gives ' +
    'dr/dt = -(eta/m) K r with K_ij = tr(rho_i rho_j), independent of M and t. Checked (a) at points M(t) of kernelRegressionFlow, ' +
    'with grad_M L by central differences over a Hermitian basis (not the library formula); (b) the library kernel equals tr(rho_i rho_j); ' +
    '(c) r(t) = exp(-(eta/m) K t) r(0) (closed form through eigh(K)).',
  hypotheses: ['M free Hermitian', 'pure states (orthonormal or not)', 'real labels', 'any eta > 0'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  corrects: 'section-3/free-kernel-as-printed',
  why:
    'dr_i/dt = -tr(rho_i dM/dt) and dM/dt = -eta grad_M L = (eta/m) sum_j r_j rho_j, so dr_i/dt = -(eta/m) sum_j tr(rho_i rho_j) r_j: ' +
    'the second index is j (as in the generic kernel K_ij = phi(x_i)^T phi(x_j) of section 3); tr(rho_i rho_i) = 1 is a typo.',
  uses: [],
  toleranceRule:
    '(a) eta d^2 TOLERANCES.identity(L, d, 2) + TOLERANCES.identity((eta/m) sum|r|, d, 2); (b) TOLERANCES.identity(1, d, 2); ' +
    '(c) TOLERANCES.integrated(rtol = 1e-10, max|r(0)|, eta lambda_max(K) T / m) + TOLERANCES.spectral(max|r(0)|, m)',
  runs: { quick: 10, default: 40, full: 400 },
  arbitrary: freeArb(1),
  check: (params) => {
    const { parts, traj, rho, eta, T } = freeRateCheck(params, trRhoRho);
    const m = params.m;
    const out = parts.map((p) => identityOutcome(p.res, p.tol));
    const K = traj[0].kernel;
    let kRes = 0;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) kRes = Math.max(kRes, Math.abs(K[i * m + j] - trRhoRho(rho, i, j)));
    out.push(identityOutcome(kRes, TOLERANCES.identity(1, params.d, 2)));
    // closed form r(t) = V exp(-(eta/m) Lambda t) V^T r(0)
    const Km: CMat = zeros(m, m);
    for (let i = 0; i < m * m; i++) Km.re[i] = trRhoRho(rho, Math.floor(i / m), i % m);
    const { values, vectors } = eigh(Km);
    const r0 = parts[0].r;
    const r0max = Math.max(...Array.from(r0, Math.abs));
    for (const p of parts) {
      const t = p.pt.t;
      let res = 0;
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let k = 0; k < m; k++) {
          let c = 0;
          for (let j = 0; j < m; j++) c += vectors.re[j * m + k] * r0[j];
          s += vectors.re[i * m + k] * Math.exp(-(eta / m) * values[k] * t) * c;
        }
        res = Math.max(res, Math.abs(p.r[i] - s), Math.abs(p.r[i] - p.pt.residuals[i]));
      }
      out.push(identityOutcome(res, TOLERANCES.integrated(1e-10, r0max, (eta * values[m - 1] * T) / m) + TOLERANCES.spectral(r0max, m)));
    }
    return allOf(out, undefined, 'relative');
  },
};
