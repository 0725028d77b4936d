/**
 * Theorem 3.2 and its proof as printed, where the text can be evaluated: the objective of the statement with the
 * misplaced parenthesis, (1/2m) sum_j tr(rho_j M(theta) - y_j)^2, and eq. (30) with rho_i on the left and u_j, w_j on the
 * right. Corrected forms: `theorem-3.2` (the loss of Lemma 3.1) and `theorem-3.2/eq-30` (rho_j on both sides).
 */
import fc from 'fast-check';
import type { Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import { adjoint, col, commutator, identity, matmul, matvec, outer, scale, sub, trace, traceProduct } from '../src/linalg/cmatrix.ts';
import { opNormHermitian } from '../src/linalg/norms.ts';
import { gue, haarState, haarUnitary } from '../src/random/ensembles.ts';
import { makeRng } from '../src/random/rng.ts';
import { identityOutcome, inequalityOutcome, seedArb } from './section-4-b-common.ts';

interface Params extends InstanceParams { d: number; m: number; mode: 'generic' | 'eigen-j' }

const arbitrary = () =>
  fc.integer({ min: 2, max: 6 }).chain((d) =>
    fc.record({ seed: seedArb(), d: fc.constant(d), m: fc.integer({ min: 2, max: Math.min(4, d) }), mode: fc.constantFrom<Params['mode']>('generic', 'eigen-j') }));

/**
 * M = V diag(+1 x ceil(d/2), -1 x floor(d/2)) V^dag with V Haar; Pi_+ = V_+ V_+^dag; m Haar pure states, labels +-1. In mode
 * 'eigen-j' the second state is the first column of V (an eigenvector of M in the positive subspace, so w_2 = 0).
 */
function build({ seed, d, m, mode }: Params) {
  const rng = makeRng(seed);
  const v = haarUnitary(rng, d);
  const k = Math.ceil(d / 2);
  const sig = Array.from({ length: d }, (_, i) => (i < k ? 1 : -1));
  const D = identity(d);
  for (let i = 0; i < d; i++) D.re[i * d + i] = sig[i];
  const M = matmul(v, matmul(D, adjoint(v)));
  const Pd = identity(d);
  for (let i = 0; i < d; i++) Pd.re[i * d + i] = i < k ? 1 : 0;
  const Pplus = matmul(v, matmul(Pd, adjoint(v)));
  const states = Array.from({ length: m }, (_, j) => (mode === 'eigen-j' && j === 1 ? col(v, 0) : haarState(rng, d)));
  const labels = Float64Array.from({ length: m }, () => (rng.uniform() < 0.5 ? 1 : -1));
  return { M, Pplus, states, labels };
}

const vnorm = (x: { re: Float64Array; im: Float64Array }) => Math.sqrt(x.re.reduce((s, v, i) => s + v * v + x.im[i] ** 2, 0));

export const theorem32Eq30Printed: Claim<Params> = {
  id: 'theorem-3.2/eq-30-printed',
  title: 'Eq. (30) as printed: |tr(i[M, rho_i] H_l)| <= 4 ||H_l||_op ||u_j|| ||w_j|| (rho_i on the left)',
  ref: { label: 'Theorem 3.2 (proof)', section: 'A.2', equations: ['30'] },
  statement:
    'As printed, (30) bounds |tr(i[M, rho_i] H_l)| by 4 ||H_l||_op ||u_j|| ||w_j||, u_j = Pi_+ v_j, w_j = Pi_- v_j: the left side carries the state i, ' +
    'the right side the state j. Evaluated for i != j (here i = 1, j = 2, H_l GUE): when rho_j lies in an eigenspace of M (mode eigen-j, w_j = 0) ' +
    'the right side is 0 and the left side is not. The text (j, as the surrounding sentences use) is the claim theorem-3.2/eq-30; a single ' +
    'subscript, possibly an extraction artefact.',
  hypotheses: ['M with eigenvalues +-1', 'pure states', 'H_l Hermitian', 'i != j'],
  kind: 'inequality',
  strength: 'substantive',
  strengthReason: 'a bound of the paper evaluated on built instances; a false bound fails it',
  expectation: 'fails-as-printed',
  correctedBy: 'theorem-3.2/eq-30',
  uses: [],
  toleranceRule: 'TOLERANCES.inequality(4 ||H_l||_op, d) in units of 4 ||H_l||_op (rounding of both sides)',
  runs: { quick: 5, default: 10, full: 100 },
  arbitrary: () => arbitrary().map((p) => ({ ...p, mode: 'eigen-j' as const })),
  tightnessRule: '|tr(i[M, rho] H)| / (4 ||H|| ||w||) as printed (> 1 on its counterexamples; no search needed: refuted by random runs)',
  check: (params) => {
    const { M, Pplus, states } = build(params);
    const d = params.d;
    const h = gue(makeRng(params.seed).fork('H'), d);
    const hn = opNormHermitian(h);
    const lhs = Math.abs(traceProduct(scale(commutator(M, outer(states[0])), 0, 1), h).re); // |tr(i[M, rho_i] H_l)|, i = 1
    const u = matvec(Pplus, states[1]);
    const w = { re: states[1].re.map((x, a) => x - u.re[a]), im: states[1].im.map((x, a) => x - u.im[a]) };
    const rhs = 4 * hn * vnorm(u) * vnorm(w); // j = 2
    return inequalityOutcome(lhs, rhs, TOLERANCES.inequality(4 * hn, d), 4 * hn, { normW: vnorm(w) });
  },
};

export const theorem32LossPrinted: Claim<Params> = {
  id: 'theorem-3.2/loss-printed',
  title: 'Theorem 3.2\'s objective as printed: (1/2m) sum_j tr(rho_j M(theta) - y_j)^2',
  ref: { label: 'Theorem 3.2', section: '3', equations: ['5'] },
  statement:
    'As printed in the statement of Theorem 3.2: L(theta) = (1/2m) sum_j tr(rho_j M(theta) - y_j)^2. With y_j read as y_j I inside the trace this is ' +
    '(1/2m) sum_j (tr(rho_j M) - d y_j)^2, which differs from the objective of Lemma 3.1, (1/2m) sum_j (tr(rho_j M) - y_j)^2, for d >= 2 (the other ' +
    'reading, tr((rho_j M - y_j I)^2), is reported as otherReading and differs too). The theorem is checked with the objective of Lemma 3.1 (theorem-3.2).',
  hypotheses: ['M with eigenvalues +-1', 'pure states', 'labels +-1', 'd >= 2'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'fails-as-printed',
  correctedBy: 'theorem-3.2',
  uses: [],
  toleranceRule: 'TOLERANCES.identity(d^2, d, 2): both sides are sums of m squares of numbers of size <= d + 1, averaged',
  runs: { quick: 5, default: 10, full: 100 },
  arbitrary,
  check: (params) => {
    const { M, states, labels } = build(params);
    const { d, m } = params;
    let printed = 0, lemma = 0, other = 0;
    states.forEach((s, j) => {
      const x = sub(matmul(outer(s), M), scale(identity(d), labels[j])); // rho_j M - y_j I
      const tr = trace(x).re;
      printed += tr * tr;
      const yhat = traceProduct(outer(s), M).re;
      lemma += (yhat - labels[j]) ** 2;
      other += traceProduct(x, x).re;
    });
    const s = 1 / (2 * m);
    return identityOutcome(Math.abs(s * printed - s * lemma), TOLERANCES.identity(d * d, d, 2), { printed: s * printed, lemma: s * lemma, otherReading: s * other });
  },
};
