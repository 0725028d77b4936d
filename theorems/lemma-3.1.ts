/**
 * Lemma 3.1 (section 3; proof in appendix A.1): under gradient flow the residual obeys
 * dr/dt = -(eta/m) K(M(theta)) r (eq. 3) with K_ij = sum_l tr(i[M, rho_i] H_l) tr(i[M, rho_j] H_l) (eq. 4),
 * K positive semi-definite. Proof steps (eqs. 13-20) are in lemma-3.1-steps.ts.
 */
import fc from 'fast-check';
import { smallDimensionArb } from '../properties/index.ts';
import type { CheckOutcome, Claim, InstanceParams } from '../src/claims/types.ts';
import { tightnessOf } from '../src/claims/outcomes.ts';
import { defineSpace } from '../src/search/decode.ts';
import type { QnnInstance } from '../src/model/instance.ts';
import { type QnnShape, qnnFrom } from './search-spaces.ts';
import { encodeQnnAny } from './search-spaces-section-3.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import { CMat, commutator, outer, row, scale, traceProduct } from '../src/linalg/cmatrix.ts';
import { eigvalsh } from '../src/linalg/eigh.ts';
import { opNormHermitian } from '../src/linalg/norms.ts';
import { layerGenerators } from '../src/model/ansatz.ts';
import { compile, lossAndGradient } from '../src/model/compiled.ts';
import { kernelK } from '../src/model/kernels.ts';
import { parameterizedMeasurement, predictions, residualsOf } from '../src/model/qnn.ts';
import { gradientFlow } from '../src/dynamics/training.ts';
import { appendixDInstance, lineInstance } from '../src/model/scenarios.ts';
import { makeRng } from '../src/random/rng.ts';
import {
  allOf, type AnsatzKind, axpy, buildInstance, FD_STEP, fdTolerance, generatorNorms, identityOutcome, inequalityOutcome,
  type LabelsKind, type MeasKind, seedArb, type StatesKind, sumOpNormSq, unitVector,
} from './section-2-3-common.ts';

interface Params extends InstanceParams {
  d: number; m: number; p: number;
  /** 'builder': buildInstance with the kinds below; 'lineInstance' / 'appendixDInstance': the library scenarios (d rounded up to even). */
  source: 'builder' | 'lineInstance' | 'appendixDInstance';
  ansatz: AnsatzKind; meas: MeasKind; states: StatesKind; labels: LabelsKind;
  logEta: number; alongFlow: boolean;
}

const dims = () =>
  smallDimensionArb().chain((d) =>
    fc.record({ d: fc.constant(d), m: fc.integer({ min: 1, max: Math.min(4, d) }), p: fc.integer({ min: 1, max: 8 }) }));

export const lemma31: Claim<Params> = {
  id: 'lemma-3.1',
  title: 'Residual dynamics dr/dt = -(eta/m) K r under gradient flow',
  ref: { label: 'Lemma 3.1 / Lemma A.1', section: '3, A.1', equations: ['3', '4', '21-25'] },
  statement:
    'Along d theta/dt = -eta grad L(theta), L = (1/2m) sum_j (tr(rho_j U^dag M0 U) - y_j)^2: dr/dt = -(eta/m) K(M(theta)) r (eq. 3), ' +
    'K_ij = sum_l tr(i[M, rho_i] H_l) tr(i[M, rho_j] H_l) (eq. 4), H_l = U_0^dag U_{1:l-1}^dag H^(l) U_{1:l-1} U_0. ' +
    'Checked with dr/dt computed independently of K: dr/dt = -J d theta/dt, J_jl = d yhat_j/d theta_l by central differences of ' +
    'the dense predictions, d theta/dt = -eta grad L by the adjoint gradient (compiled.ts).',
  hypotheses: ['any Line (1) or periodic ansatz (own builder, lineInstance, appendixDInstance)', 'any Hermitian M0', 'pure states rho_j = v_j v_j^dag', 'any real labels', 'any eta > 0'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  uses: [],
  toleranceRule:
    'FD error of J (fdTolerance: TOLERANCES.finiteDifference with the third-derivative bound 8 ||H^(l)||^3 ||M0|| plus ' +
    'TOLERANCES.identity(||M0||, d, 2p + 2)/h for the rounding of the two dense predictions), weighted by |d theta_l/dt|, ' +
    'plus TOLERANCES.identity((eta/m) sqrt(K_ii) sum_j sqrt(K_jj)|r_j|, d, 2p + 2) for the rounding of K r',
  runs: { quick: 15, default: 60, full: 600 },
  arbitrary: () =>
    fc.record({
      seed: seedArb(),
      dims: dims(),
      source: fc.constantFrom<Params['source']>('builder', 'builder', 'lineInstance', 'appendixDInstance'),
      ansatz: fc.constantFrom<AnsatzKind>('line', 'periodic'),
      meas: fc.constantFrom<MeasKind>('pm1', 'generic', 'pi0'),
      states: fc.constantFrom<StatesKind>('orthonormal', 'haar'),
      labels: fc.constantFrom<LabelsKind>('pm1', 'real'),
      logEta: fc.double({ min: -3, max: 1, noNaN: true }),
      alongFlow: fc.boolean(),
    }).map(({ dims: dm, ...rest }) => ({ ...rest, ...dm })),
  check: ({ seed, d: d0, m, p, source, ansatz, meas, states, labels, logEta, alongFlow }) => {
    const rng = makeRng(seed);
    const d = source === 'builder' ? d0 : d0 + (d0 % 2);
    const { inst, theta: theta0 } = source === 'builder'
      ? buildInstance(rng, { d, m, p, ansatz, meas, states, labels })
      : source === 'lineInstance'
        ? (({ instance, theta0: t }) => ({ inst: instance, theta: t }))(lineInstance(rng, { d, m, p }))
        : (({ instance }) => ({ inst: instance, theta: Float64Array.from({ length: p }, () => 2 * Math.PI * rng.uniform()) }))(appendixDInstance(rng, { d, m, p }));
    const eta = 10 ** logEta;
    const S = sumOpNormSq(inst.ansatz);
    let theta = theta0;
    if (alongFlow) {
      // a point of the gradient flow: integrate to dimensionless time eta S t = 1
      const fl = gradientFlow(compile(inst), theta0, eta, [1 / (eta * S)], { rtol: 1e-8, atol: 1e-10 });
      theta = fl.theta[fl.theta.length - 1];
    }
    const { gradient } = lossAndGradient(inst, theta);
    const thetaDot = Float64Array.from(gradient, (g) => -eta * g); // gradient flow (section 2)
    const norms = generatorNorms(inst.ansatz);
    const m0 = opNormHermitian(inst.M0);
    const h = FD_STEP;
    const drdt = new Float64Array(m);
    let tolFd = 0;
    for (let l = 0; l < p; l++) {
      const plus = predictions(inst, axpy(theta, unitVector(p, l), h));
      const minus = predictions(inst, axpy(theta, unitVector(p, l), -h));
      for (let j = 0; j < m; j++) drdt[j] -= ((plus[j] - minus[j]) / (2 * h)) * thetaDot[l]; // dr/dt = -J theta'
      tolFd += Math.abs(thetaDot[l]) * fdTolerance(h, 8 * norms[l] ** 3 * m0, m0, d, 2 * p + 2);
    }
    const K = kernelK(inst, theta);
    const r = residualsOf(predictions(inst, theta), inst.labels);
    let residual = 0, scaleKr = 0;
    for (let i = 0; i < m; i++) {
      let kr = 0, abs = 0;
      for (let j = 0; j < m; j++) {
        kr += K.re[i * m + j] * r[j];
        abs += Math.sqrt(Math.abs(K.re[j * m + j])) * Math.abs(r[j]);
      }
      const rhs = -(eta / m) * kr; // eq. (3)
      residual = Math.max(residual, Math.abs(drdt[i] - rhs));
      scaleKr = Math.max(scaleKr, (eta / m) * Math.sqrt(Math.abs(K.re[i * m + i])) * abs);
    }
    const tol = tolFd + TOLERANCES.identity(scaleKr, d, 2 * p + 2);
    return identityOutcome(residual, tol, { eta, drdtScale: scaleKr });
  },
};

interface PsdParams extends InstanceParams { d: number; m: number; p: number; ansatz: AnsatzKind; meas: MeasKind }

const psdShape = (q: PsdParams): QnnShape => ({ d: q.d, m: q.m, p: q.p, ansatz: q.ansatz, meas: q.meas, states: 'haar', labels: 'real' });

/**
 * The rank F (m x p, f_jl = tr(i[M, rho_j] H_l) = tr(rho_j i[H_l, M])) cannot exceed: m, p, and the dimension d^2 - sum_k mult_k^2
 * of the range of X -> i[X, M], where every i[H_l, M] lies, so F factors through it (mult_k: the multiplicities of the spectrum
 * of M0, that of M(theta); eigenvalues within 1e-8 ||M0|| counted as one). The m - r smallest eigenvalues of K = F F^T are
 * zero by rank alone.
 */
export function psdRankBound(M0: CMat, m: number, p: number): number {
  const ev = eigvalsh(M0);
  const d = ev.length, tol = 1e-8 * Math.max(Math.abs(ev[0]), Math.abs(ev[d - 1]), Number.MIN_VALUE);
  let sumSq = 0, run = 1;
  for (let i = 1; i <= d; i++) {
    if (i < d && ev[i] - ev[i - 1] <= tol) run++;
    else { sumSq += run * run; run = 1; }
  }
  return Math.min(m, p, d * d - sumSq);
}

/** The invariant of lemma-3.1/psd on an instance at theta (the check on the run's instance, the search on decoded ones). */
function psdOutcome(inst: QnnInstance, theta: Float64Array, d: number, m: number, p: number): CheckOutcome {
  const M = parameterizedMeasurement(inst, theta);
  const Hl = layerGenerators(inst.ansatz, theta);
  // f_jl = tr(i[M, rho_j] H_l), complex (independent of kernels.ts: commutator of dense matrices)
  const f: { re: number; im: number }[][] = [];
  for (let j = 0; j < m; j++) {
    const X: CMat = scale(commutator(M, outer(row(inst.states, j))), 0, 1);
    f.push(Hl.map((hl) => traceProduct(X, hl)));
  }
  const kRe = new Float64Array(m * m);
  // rounding of K_ij = sum_l f_il f_jl: each f_jl carries an absolute error ~ EPS d ||[M, rho_j]|| ||H_l|| <= EPS d 2 ||M0|| ||H_l||
  // (not relative to |f_jl|: f is small by cancellation when rho_j nearly commutes with M), so K_ij errs by
  // ~ sum_l (|f_il| + |f_jl|) EPS d 2 ||M0|| ||H_l||: scale sum_l max_j |f_jl| 2 ||M0|| ||H_l|| (>= sum_l max_j |f_jl|^2, as |f_jl| <= 2 ||M0|| ||H_l||)
  const m0 = opNormHermitian(inst.M0), hNorms = generatorNorms(inst.ansatz);
  let imMax = 0, scaleF = 0;
  for (let l = 0; l < p; l++) {
    let mx = 0;
    for (let j = 0; j < m; j++) mx = Math.max(mx, Math.hypot(f[j][l].re, f[j][l].im));
    scaleF += mx * 2 * m0 * hNorms[l];
  }
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let re = 0, im = 0;
      for (let l = 0; l < p; l++) { // eq. (4), product of the two traces (no conjugation)
        re += f[i][l].re * f[j][l].re - f[i][l].im * f[j][l].im;
        im += f[i][l].re * f[j][l].im + f[i][l].im * f[j][l].re;
      }
      kRe[i * m + j] = re;
      imMax = Math.max(imMax, Math.abs(im));
    }
  }
  const Klib = kernelK(inst, theta);
  let asym = 0, libDiff = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
    asym = Math.max(asym, Math.abs(kRe[i * m + j] - kRe[j * m + i]));
    libDiff = Math.max(libDiff, Math.abs(kRe[i * m + j] - Klib.re[i * m + j]));
  }
  const tolI = TOLERANCES.identity(scaleF, d, 2 * p + 4);
  const K: CMat = { rows: m, cols: m, re: kRe, im: new Float64Array(m * m) };
  // symmetrise only for the eigen-solver; the asymmetry itself is checked above
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) {
    const s = 0.5 * (kRe[i * m + j] + kRe[j * m + i]);
    kRe[i * m + j] = s;
    kRe[j * m + i] = s;
  }
  const ev = eigvalsh(K);
  const tolL = tolI + TOLERANCES.spectral(Math.max(ev[m - 1], 0), m);
  // every eigenvalue >= -tolL (the smallest one decides); the tightness is that of the smallest eigenvalue that rank does not force to 0
  const r = psdRankBound(inst.M0, m, p);
  const lambdaFree = ev[m - r];
  const details = { lambdaMin: ev[0], lambdaMax: ev[m - 1], rankBound: r, lambdaFree };
  const psd = inequalityOutcome(-ev[0], 0, tolL, 1, details);
  const t = ev[m - 1] > 0 ? tightnessOf(-lambdaFree, 0, ev[m - 1]) : undefined;
  return allOf({ 'K real, symmetric, = kernelK': identityOutcome(Math.max(imMax, asym, libDiff), tolI), 'lambda_min(K) >= 0': t === undefined ? psd : { ...psd, tightness: t } }, details);
}

export const lemma31Psd: Claim<PsdParams> = {
  id: 'lemma-3.1/psd',
  title: 'K of eq. (4) is real, symmetric and positive semi-definite',
  ref: { label: 'Lemma 3.1', section: '3', equations: ['4'] },
  statement:
    'K_ij = sum_l tr(i[M, rho_i] H_l) tr(i[M, rho_j] H_l) (eq. 4, evaluated in complex arithmetic with i[M, rho] = i(M rho - rho M)) ' +
    'is real, symmetric, equal to kernelK, and lambda_min(K) >= 0.',
  hypotheses: ['any Line (1) or periodic ansatz', 'any Hermitian M0', 'pure states (m may exceed p and d: rank-deficient K)'],
  kind: 'inequality',
  strength: 'consistency',
  strengthReason: "K = J J^T is PSD by construction of the simulator's kernel",
  expectation: 'holds',
  uses: ['lemma-3.1'],
  toleranceRule:
    'in units of K entries: realness and agreement with kernelK within TOLERANCES.identity(sum_l max_j |f_jl| 2 ||M0|| ||H^(l)||, d, 2p + 4) ' +
    '(f_jl = tr(i[M, rho_j] H_l) carries an absolute rounding error ~ EPS d 2 ||M0|| ||H^(l)||, whatever its size, and K_ij = sum_l f_il f_jl ' +
    'inherits |f| times that; the earlier scale sum_l max_j |f_jl|^2 was relative to |f| and failed when the search drove f to 7e-4 by ' +
    'cancellation, Im f^2 = 1.4e-19 against 8.8e-20); lambda_min >= -(that + TOLERANCES.spectral(lambda_max, m))',
  runs: { quick: 25, default: 100, full: 1000 },
  tightnessRule: '1 - lambda_(m-r+1)(K) / lambda_max(K), eigenvalues ascending, r = min(m, p, d^2 - sum_k mult_k^2) (mult_k: multiplicities ' +
    'of the spectrum of M0): the smallest eigenvalue that rank does not force to 0. K = F F^T with F m x p factoring through the ' +
    'range of X -> i[X, M] (dimension d^2 - sum mult_k^2; every i[H_l, M] lies there), so the m - r smallest eigenvalues are 0 whatever the instance: with ' +
    'the old rule 1 - lambda_min / lambda_max every run with m > p sat at 1.000 by counting alone, and the number said nothing. ' +
    'Those rank zeros are still checked (every eigenvalue >= -tol); they are not vacuous (the check can fail on them) but they are ' +
    'not evidence of how close an instance comes to leaving the PSD cone either, so they do not set the tightness. 1 = K singular ' +
    'beyond its rank bound, > 1 = a negative eigenvalue. No vacuousRule: no run makes lambda_min >= 0 follow from a trivial fact ' +
    'other than the Gram form itself, which is what the identity part checks (f real).',
  search: defineSpace<PsdParams, { inst: QnnInstance; theta: Float64Array }>({
    decode: (r, q) => qnnFrom(r, psdShape(q)),
    assess: ({ inst, theta }, { d, m, p }) => psdOutcome(inst, theta, d, m, p),
    note: "any instance of the run's d, m, p, ansatz and M0 kind (any pure states, gates, generators and theta); labels are decoded " +
      'but do not enter K. Supremum 1 (K singular beyond its rank bound), attained when a state commutes with M(theta) (a row of F ' +
      'vanishes), a generator H_l commutes with M(theta) (a column vanishes), or rows or columns of F become dependent.',
    knownSupremum: { value: 1, where: 'rank(F) < min(m, p, d^2 - sum mult_k^2): e.g. rho_j an eigenprojector of M(theta), or [H_l, M(theta)] = 0' },
    qnn: (x) => x,
    encode: (q) => {
      const { inst, theta } = buildInstance(makeRng(q.seed), { ...psdShape(q) });
      return encodeQnnAny(inst, theta, psdShape(q));
    },
  }),
  arbitrary: () =>
    fc.record({
      seed: seedArb(),
      d: smallDimensionArb(),
      m: fc.integer({ min: 1, max: 8 }),
      p: fc.integer({ min: 1, max: 6 }),
      ansatz: fc.constantFrom<AnsatzKind>('line', 'periodic'),
      meas: fc.constantFrom<MeasKind>('pm1', 'generic', 'pi0'),
    }),
  check: ({ seed, d, m, p, ansatz, meas }) => {
    const rng = makeRng(seed);
    const { inst, theta } = buildInstance(rng, { d, m, p, ansatz, meas, states: 'haar', labels: 'real' });
    return psdOutcome(inst, theta, d, m, p);
  },
};
