/**
 * Lemma 3.1's proof, eqs. (21)-(24) (appendix A.1): the corrected chain (21)-(24) with the sum over l, and the text as printed
 * (eqs. 23-24 and the identification line after them): the sum over l
 * of (22) is dropped in (23)-(24), and the identified K_ij carries rho_i in both factors. Both are encoded as printed
 * and fail; the corrected form (sum over l, rho_i and rho_j) is the claim `lemma-3.1` (eqs. 21-25).
 */
import fc from 'fast-check';
import type { Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import { commutator, scale, traceProduct } from '../src/linalg/cmatrix.ts';
import { gradientFlow } from '../src/dynamics/training.ts';
import { makeRng } from '../src/random/rng.ts';
import { buildPeriodic, densityMatrices, type GenKind, identityOutcome, pointQuantities, seedArb } from './section-4-b-common.ts';

interface Params extends InstanceParams { d: number; m: number; p: number; gen: GenKind; t: number }

const arbitrary = () =>
  fc.constantFrom(2, 4).chain((d) =>
    fc.record({
      seed: seedArb(),
      d: fc.constant(d),
      m: fc.integer({ min: 2, max: Math.min(3, d) }),
      p: fc.integer({ min: 2, max: 6 }),
      gen: fc.constantFrom<GenKind>('appendix-d', 'gue', 'rank2'),
      t: fc.integer({ min: 0, max: 2 }).map((k) => k / 10),
    }));

/** g[i][l] = tr(rho_i i[H_l, M]) = tr(i[M, rho_i] H_l), r = y - yhat, dr/dt from the adjoint gradient, eta = m/(pZ). */
function setup({ seed, d, m, p, gen, t }: Params) {
  const q = buildPeriodic(makeRng(seed), { d, m, p, gamma: 1, gen, theta0: 'random' });
  const theta = t > 0 ? gradientFlow(q.c, q.theta0, q.eta, [0, t], { rtol: 1e-8, atol: 1e-10 }).theta[1] : q.theta0;
  const pt = pointQuantities(q, theta);
  const rho = densityMatrices(q.inst.states);
  const g = rho.map((ri) => pt.Hl.map((h) => traceProduct(ri, scale(commutator(h, pt.M), 0, 1)).re)); // tr(rho_i i[H_l, M])
  const gMax = Math.max(...g.flat().map(Math.abs));
  const rSum = pt.r.reduce((a, b) => a + Math.abs(b), 0);
  // scale of both sides: (eta/m) p max|g|^2 sum|r| and |dr/dt|
  const scl = (q.eta / m) * p * gMax * gMax * Math.max(rSum, 1) + Math.max(...Array.from(pt.drdt, Math.abs));
  return { q, pt, g, tol: TOLERANCES.identity(scl, d, p + 4) };
}

export const lemma31Eq22: Claim<Params> = {
  id: 'lemma-3.1/eq-22',
  title: 'dr_i/dt = -tr(rho_i dM/dt) (21) = (22) = (23)-(24) with the sum over l',
  ref: { label: 'Lemma 3.1 (proof)', section: 'A.1', equations: ['21', '22', '23', '24'] },
  statement:
    'Along the gradient flow: dr_i/dt = -tr(rho_i dM/dt) (21) = -(eta/m) sum_l tr(sum_j r_j rho_j i[H_l, M]) tr(rho_i i[H_l, M]) (22) = ' +
    '-(eta/m) sum_l sum_j r_j tr(rho_i i[H_l, M]) tr(rho_j i[H_l, M]) (23, sum over l restored) and tr(rho_i i[H_l, M]) = tr(i[M, rho_i] H_l) ' +
    '(24, cyclicity). dr/dt from the adjoint gradient; dM/dt = sum_l theta_l\' i[H_l, M].',
  hypotheses: ['Line (1) ansatz (here periodic)', 'eta = m/(pZ), r = y - yhat'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  corrects: 'lemma-3.1/eq-23',
  why: 'Eq. (22) has sum_{l=1}^p; moving the sum over j out of the trace in (23) does not remove it, and (24) rewrites each term of the same sum.',
  uses: ['lemma-3.1'],
  toleranceRule: 'TOLERANCES.identity((eta/m) p max|g|^2 max(sum|r|, 1) + max|dr/dt|, d, p + 4), g_il = tr(rho_i i[H_l, M])',
  runs: { quick: 5, default: 16, full: 160 },
  arbitrary,
  check: (params) => {
    const { q, pt, g, tol } = setup(params);
    const { m, p } = params;
    const rho = densityMatrices(q.inst.states);
    const dM = scale(pt.Hl[0], 0); // zero matrix of the right size
    pt.Hl.forEach((h, l) => { const c = scale(commutator(h, pt.M), 0, 1); for (let e = 0; e < dM.re.length; e++) { dM.re[e] += pt.thetaDot[l] * c.re[e]; dM.im[e] += pt.thetaDot[l] * c.im[e]; } });
    let res = 0;
    for (let i = 0; i < m; i++) {
      const e21 = -traceProduct(rho[i], dM).re;
      let e22 = 0, e23 = 0;
      for (let l = 0; l < p; l++) {
        const c = scale(commutator(pt.Hl[l], pt.M), 0, 1);
        let inner = 0;
        for (let j = 0; j < m; j++) inner += pt.r[j] * traceProduct(rho[j], c).re;
        e22 += inner * traceProduct(rho[i], c).re;
        for (let j = 0; j < m; j++) e23 += pt.r[j] * g[i][l] * g[j][l];
        const e24 = traceProduct(scale(commutator(pt.M, rho[i]), 0, 1), pt.Hl[l]).re;
        res = Math.max(res, Math.abs(e24 - g[i][l]));
      }
      e22 *= -q.eta / m;
      e23 *= -q.eta / m;
      res = Math.max(res, Math.abs(pt.drdt[i] - e21), Math.abs(e21 - e22), Math.abs(e22 - e23));
    }
    return identityOutcome(res, tol, { loss: pt.loss });
  },
};

export const lemma31Eq23: Claim<Params> = {
  id: 'lemma-3.1/eq-23',
  title: 'Eqs. (23)-(24) as printed: dr_i/dt without the sum over l',
  ref: { label: 'Lemma 3.1 (proof)', section: 'A.1', equations: ['22', '23', '24'] },
  statement:
    'As printed, (23)-(24): dr_i/dt = -(eta/m) sum_j r_j tr(rho_i i[H_l, M]) tr(rho_j i[H_l, M]), the sum over l of (22) dropped (l is free). ' +
    'Checked for every l in 1..p: the residual is the smallest over l of max_i |printed_l - dr_i/dt|, so it fails only if no single l gives the ' +
    'flow (p >= 2). dr/dt is computed independently from the adjoint gradient.',
  hypotheses: ['Line (1) ansatz (here periodic), p >= 2, m >= 2', 'eta = m/(pZ), r = y - yhat'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'fails-as-printed',
  correctedBy: 'lemma-3.1/eq-22',
  uses: [],
  toleranceRule: 'TOLERANCES.identity((eta/m) p max|g|^2 max(sum|r|, 1) + max|dr/dt|, d, p + 4), g_il = tr(rho_i i[H_l, M])',
  runs: { quick: 5, default: 10, full: 100 },
  arbitrary,
  check: (params) => {
    const { q, pt, g, tol } = setup(params);
    const m = params.m;
    let best = Number.POSITIVE_INFINITY;
    for (let l = 0; l < params.p; l++) {
      let res = 0;
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let j = 0; j < m; j++) s += pt.r[j] * g[i][l] * g[j][l];
        res = Math.max(res, Math.abs((-q.eta / m) * s - pt.drdt[i])); // (23) with this l
      }
      best = Math.min(best, res);
    }
    return identityOutcome(best, tol, { loss: pt.loss });
  },
};

export const lemma31KIdentification: Claim<Params> = {
  id: 'lemma-3.1/k-identification',
  title: 'Identification after (24) as printed: K_ij with rho_i in both factors',
  ref: { label: 'Lemma 3.1 (proof)', section: 'A.1', equations: ['24', '25'] },
  statement:
    'As printed after (24): "K_ij(M) = (tr(i[M, rho_i] H_l) tr(i[M, rho_i] H_l)", with which dr/dt = -(eta/m) K r (25). Encoded in its most ' +
    'favourable reading, with the sum over l restored: K_ij = sum_l tr(i[M, rho_i] H_l)^2, which does not depend on j; it fails for m >= 2 ' +
    '(the kernel of eq. 4 has rho_j in the second factor).',
  hypotheses: ['Line (1) ansatz (here periodic), m >= 2', 'eta = m/(pZ), r = y - yhat'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'fails-as-printed',
  correctedBy: 'lemma-3.1',
  uses: [],
  toleranceRule: 'TOLERANCES.identity((eta/m) p max|g|^2 max(sum|r|, 1) + max|dr/dt|, d, p + 4), g_il = tr(rho_i i[H_l, M])',
  runs: { quick: 5, default: 10, full: 100 },
  arbitrary,
  check: (params) => {
    const { q, pt, g, tol } = setup(params);
    const m = params.m;
    let res = 0;
    for (let i = 0; i < m; i++) {
      const kii = g[i].reduce((a, v) => a + v * v, 0); // printed K_ij = sum_l tr(i[M, rho_i] H_l)^2 for every j
      let s = 0;
      for (let j = 0; j < m; j++) s += kii * pt.r[j];
      res = Math.max(res, Math.abs((-q.eta / m) * s - pt.drdt[i]));
    }
    return identityOutcome(res, tol, { loss: pt.loss });
  },
};
