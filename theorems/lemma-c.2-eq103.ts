/**
 * Lemma C.2's proof step by step (appendix C.1, eqs. 103-110), and eq. (103) as printed: (K_asym)_ij = tr(i[M, rho_i] i[M, rho_i]), rho_i in both factors
 * (as in the B.1 restatement of eq. 7 and in eq. 121). The corrected form, with rho_j, is checked through (103)-(110)
 * by `lemma-c.2/eq-110`.
 */
import fc from 'fast-check';
import type { CheckOutcome, Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import { add, commutator, CVec, frobeniusNorm, identity, inner, matmul, matvec, outer, row, scale, traceProduct } from '../src/linalg/cmatrix.ts';
import { kAsym } from '../src/model/kernels.ts';
import { orthonormalStates, randomHermitianWithSpectrum } from '../src/random/ensembles.ts';
import { makeRng } from '../src/random/rng.ts';
import { allOf, identityOutcome, seedArb } from './section-4-b-common.ts';

interface Params extends InstanceParams { d: number; m: number; gamma: number }

export const lemmaC2Eq103: Claim<Params> = {
  id: 'lemma-c.2/eq-103',
  title: 'Eq. (103) as printed: (K_asym)_ij = tr(i[M, rho_i] i[M, rho_i])',
  ref: { label: 'Lemma C.2 (proof)', section: 'C.1', equations: ['103'] },
  statement:
    'As printed, (103) starts the computation of (K_asym)_ij from tr(i[M, rho_i] i[M, rho_i]), which does not depend on j; against K_asym of eq. (7) ' +
    '(main text, rho_i and rho_j) it fails off the diagonal for m >= 2. M = gamma (Pi_+ - Pi_-), pure states. The next line (104) already has rho_j, ' +
    'so the intended formula is clear (typo; a single subscript, possibly an extraction artefact).',
  hypotheses: ['M = gamma (Pi_+ - Pi_-), trace 0', 'm >= 2 orthonormal pure states'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'fails-as-printed',
  correctedBy: 'lemma-c.2/eq-110',
  uses: [],
  toleranceRule: 'TOLERANCES.identity(4 ||M||_F^2, d, 3): products of three d x d matrices of norm <= 2 ||M||_F',
  runs: { quick: 5, default: 10, full: 100 },
  arbitrary: () =>
    fc.constantFrom(2, 4, 6).chain((d) =>
      fc.record({ seed: seedArb(), d: fc.constant(d), m: fc.integer({ min: 2, max: d }), gamma: fc.constantFrom(1, 2, 4) })),
  check: ({ seed, d, m, gamma }) => {
    const rng = makeRng(seed);
    const M = scale(randomHermitianWithSpectrum(rng, Array.from({ length: d }, (_, i) => (i < d / 2 ? 1 : -1))), gamma);
    const states = orthonormalStates(rng, m, d);
    const K = kAsym(M, states); // eq. (7)
    const A = Array.from({ length: m }, (_, j) => scale(commutator(M, outer(row(states, j))), 0, 1));
    let res = 0;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) res = Math.max(res, Math.abs(traceProduct(A[i], A[i]).re - K.re[i * m + j]));
    return identityOutcome(res, TOLERANCES.identity(4 * frobeniusNorm(M) ** 2, d, 3));
  },
};

export const lemmaC2Eq109: Claim<Params> = {
  id: 'lemma-c.2/eq-109',
  title: 'Steps (103) -> (104) -> ... -> (110) of Lemma C.2, each evaluated',
  ref: { label: 'Lemma C.2 (proof)', section: 'C.1', equations: ['103', '104', '105', '106', '107', '108', '109', '110'] },
  statement:
    'With M = gamma (Pi_+ - Pi_-), rho_i = v_i v_i^dag, u_i = Pi_+ v_i, w_i = Pi_- v_i, a = u_i^dag u_j, b = w_i^dag w_j: tr(i[M, rho_i] i[M, rho_j]) (103, with rho_j) = ' +
    'tr(M^2 rho_i rho_j) + tr(M^2 rho_j rho_i) - 2 tr(M rho_i M rho_j) (104) = 2 gamma^2 (tr(rho_i rho_j) - tr(S rho_i S rho_j)), S = Pi_+ - Pi_- (105) = ' +
    '2 gamma^2 (|a + b|^2 - |v_i^dag S v_j|^2) (106) = 2 gamma^2 (|a + b|^2 - |(u_i + w_i)^dag (u_j - w_j)|^2) (107) = 2 gamma^2 (|a + b|^2 - |a - b|^2) (108) = ' +
    '2 gamma^2 (2 u_i^dag u_j w_j^dag w_i + 2 u_j^dag u_i w_i^dag w_j) (109) = 2 gamma^2 4 Re(u_j^dag u_i w_i^dag w_j) (110); every line evaluated for every i, j.',
  hypotheses: ['M = gamma (Pi_+ - Pi_-), trace 0', 'm orthonormal pure states'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  uses: [],
  toleranceRule: 'TOLERANCES.identity(4 ||M||_F^2, d, 3) per line (products of three d x d matrices of norm <= 2 ||M||_F; inner products of unit vectors)',
  runs: { quick: 5, default: 20, full: 200 },
  arbitrary: () =>
    fc.constantFrom(2, 4, 6).chain((d) =>
      fc.record({ seed: seedArb(), d: fc.constant(d), m: fc.integer({ min: 1, max: d }), gamma: fc.constantFrom(1, 2, 4) })),
  check: ({ seed, d, m, gamma }) => {
    const rng = makeRng(seed);
    const S = randomHermitianWithSpectrum(rng, Array.from({ length: d }, (_, i) => (i < d / 2 ? 1 : -1))); // Pi_+ - Pi_-
    const M = scale(S, gamma);
    const Pp = scale(add(identity(d), S), 0.5); // Pi_+ = (I + S)/2
    const states = orthonormalStates(rng, m, d);
    const v: CVec[] = Array.from({ length: m }, (_, j) => row(states, j));
    const u = v.map((x) => matvec(Pp, x));
    const w = v.map((x, j) => ({ re: x.re.map((t, a) => t - u[j].re[a]), im: x.im.map((t, a) => t - u[j].im[a]) }));
    const rho = v.map((x) => outer(x));
    const M2 = matmul(M, M);
    const g2 = 2 * gamma * gamma;
    const abs2 = (z: { re: number; im: number }) => z.re * z.re + z.im * z.im;
    const tol = TOLERANCES.identity(4 * frobeniusNorm(M) ** 2, d, 3);
    const parts: CheckOutcome[] = [];
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
      const e103 = traceProduct(scale(commutator(M, rho[i]), 0, 1), scale(commutator(M, rho[j]), 0, 1)).re;
      const e104 = traceProduct(M2, matmul(rho[i], rho[j])).re + traceProduct(M2, matmul(rho[j], rho[i])).re - 2 * traceProduct(matmul(M, rho[i]), matmul(M, rho[j])).re;
      const e105 = g2 * (traceProduct(rho[i], rho[j]).re - traceProduct(matmul(S, rho[i]), matmul(S, rho[j])).re);
      const a = inner(u[i], u[j]), b = inner(w[i], w[j]);
      const apb = abs2({ re: a.re + b.re, im: a.im + b.im }), amb = abs2({ re: a.re - b.re, im: a.im - b.im });
      const e106 = g2 * (apb - abs2(inner(v[i], matvec(S, v[j]))));
      const uw = { re: u[j].re.map((t, k) => t - w[j].re[k]), im: u[j].im.map((t, k) => t - w[j].im[k]) };
      const e107 = g2 * (apb - abs2(inner(v[i], uw)));
      const e108 = g2 * (apb - amb);
      const bc = inner(w[j], w[i]), ac = inner(u[j], u[i]); // conj(b), conj(a)
      const e109 = g2 * 2 * ((a.re * bc.re - a.im * bc.im) + (ac.re * b.re - ac.im * b.im));
      const e110 = g2 * 4 * (ac.re * b.re - ac.im * b.im);
      const steps = [e103, e104, e105, e106, e107, e108, e109, e110];
      let worst = 0;
      for (let k = 1; k < steps.length; k++) worst = Math.max(worst, Math.abs(steps[k] - steps[k - 1]));
      parts.push(identityOutcome(worst, tol));
    }
    return allOf(parts);
  },
};
