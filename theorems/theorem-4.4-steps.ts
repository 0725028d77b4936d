/**
 * Steps of the proof of Theorem 4.4 (appendix C.2, eqs. 113-118) at global minima drawn from
 * the uniform measure of section 4 (builder in ./theorem-4.4.ts): the diagonal and
 * off-diagonal entries of K_asym, the Hadamard form (113) with the matrix R, the spectrum of R
 * (116) and the Lemma C.1 bound that leads to (118).
 *
 * K_asym is always computed from eq. (7) (commutators of the measurement with the states);
 * P, N, G from the projections of the final states onto the eigenspaces of M, never from the
 * builder's internals.
 */
import fc from 'fast-check';
import { seedArb } from '../properties/index.ts';
import type { CheckOutcome, Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import { type CMat, hadamard, identity, maxAbsDiff, scale, sub, transpose, zeros } from '../src/linalg/cmatrix.ts';
import { eigvalsh, lambdaMin } from '../src/linalg/eigh.ts';
import { opNormHermitian } from '../src/linalg/norms.ts';
import { kAsym } from '../src/model/kernels.ts';
import { balancedLabels } from '../src/random/ensembles.ts';
import { makeRng } from '../src/random/rng.ts';
import { gramPN } from './lemma-c.2.ts';
import { buildGlobalMinimum, type GlobalMinimum, type MinimumParams, minimumArbitrary, minimumTol, pauliLikeOf } from './theorem-4.4.ts';
import { globalMinimumSpace, MINIMUM_GAMMA } from './search-spaces-section-4.ts';
import { identityOutcome } from '../src/claims/outcomes.ts';

/** K_asym (eq. 7), P, N (eq. 111) and G_ij = uhat_i^dag uhat_j at a drawn global minimum. */
function atMinimum(p: MinimumParams) {
  return atMinimumOf(buildGlobalMinimum(makeRng(p.seed), p));
}

/** The same at a given global minimum (from the projections of its states, never from the builder's uhat). */
function atMinimumOf(gm: GlobalMinimum) {
  const ms = pauliLikeOf(gm);
  const K = kAsym(ms.M, gm.states);
  const { P, N } = gramPN(ms, gm.states);
  const m = gm.m;
  const G = zeros(m, m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const s = Math.sqrt(P.re[i * m + i] * P.re[j * m + j]); // uhat_j = u_j / sqrt(u_j^dag u_j)
      G.re[i * m + j] = P.re[i * m + j] / s;
      G.im[i * m + j] = P.im[i * m + j] / s;
    }
  }
  return { gm, K, P, N, G };
}

/** R as printed after eq. (112): (1+1/gamma)/2 on the ++ block, (1-1/gamma)/2 on the -- block, sqrt(1-1/gamma^2)/2 across. */
export function rPrinted(labels: ArrayLike<number>, gamma: number): CMat {
  const m = labels.length;
  const r = zeros(m, m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      r.re[i * m + j] =
        labels[i] > 0 && labels[j] > 0 ? (1 + 1 / gamma) / 2 : labels[i] < 0 && labels[j] < 0 ? (1 - 1 / gamma) / 2 : Math.sqrt(1 - 1 / gamma ** 2) / 2;
    }
  }
  return r;
}

/** The corrected R_ij = c_i c_j, c_j = (1 + y_j/gamma)/2 = u_j^dag u_j. */
export function rCorrected(labels: ArrayLike<number>, gamma: number): CMat {
  const m = labels.length;
  const r = zeros(m, m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) r.re[i * m + j] = ((1 + labels[i] / gamma) / 2) * ((1 + labels[j] / gamma) / 2);
  return r;
}

/** Right-hand side of eq. (113): 2 gamma^2 (1 - 1/gamma^2) I - 8 gamma^2 R o (G - I) o (G^T - I). */
function eq113(R: CMat, G: CMat, gamma: number): CMat {
  const m = G.rows, I = identity(m);
  const gi = sub(G, I), gti = sub(transpose(G), I);
  return sub(scale(I, 2 * gamma * gamma * (1 - 1 / gamma ** 2)), scale(hadamard(hadamard(R, gi), gti), 8 * gamma * gamma));
}

const ref = (equations: string[]) => ({ label: 'Theorem 4.4 (proof)', section: 'C.2', equations });
const hyps = ['orthonormal pure states, balanced labels', 'gamma > 1', 'a global minimum drawn from the uniform measure of section 4 (m <= d/4)'];
const runs = { quick: 10, default: 30, full: 300 };
/** K entries of size gamma^2, built through the N^{1/2} eigendecomposition and O(d^2)-term traces. */
const kTol = (gamma: number, d: number) => minimumTol(gamma * gamma, d);
const kRule = 'construction through an m x m eigendecomposition, K_asym through traces of d x d products: 256 EPS d gamma^2 per entry';

export const theorem44Diagonal: Claim<MinimumParams> = {
  id: 'theorem-4.4/diagonal',
  title: 'Diagonal of K_asym at global minima',
  ref: ref([]),
  statement: '(K_asym)_jj = 8 gamma^2 u_j^dag u_j w_j^dag w_j = 2 gamma^2 (1 - 1/gamma^2) at every global minimum (proof of Theorem 4.4, second paragraph).',
  hypotheses: hyps,
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  uses: ['lemma-c.2'],
  toleranceRule: kRule,
  runs,
  arbitrary: minimumArbitrary,
  check: (p) => {
    const { K } = atMinimum(p);
    const target = 2 * p.gamma ** 2 * (1 - 1 / p.gamma ** 2);
    let residual = 0;
    for (let j = 0; j < p.m; j++) residual = Math.max(residual, Math.abs(K.re[j * p.m + j] - target));
    return identityOutcome(residual, kTol(p.gamma, p.d));
  },
};

export const theorem44OffDiagonal: Claim<MinimumParams> = {
  id: 'theorem-4.4/off-diagonal',
  title: 'Off-diagonal entries of K_asym at global minima',
  ref: ref([]),
  statement:
    '(K_asym)_ij = 8 gamma^2 Re(u_i^dag u_j w_j^dag w_i) = -8 gamma^2 |u_i^dag u_j|^2 for i != j at every global minimum, using w_j^dag w_i = -u_j^dag u_i ' +
    '(orthogonality of v_i, v_j; the proof prints it as "u_j^dag u_j + w_j^dag w_j = delta_ij", meaning u_i^dag u_j + w_i^dag w_j = delta_ij).',
  hypotheses: hyps,
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  uses: ['lemma-c.2'],
  toleranceRule: kRule,
  runs,
  arbitrary: minimumArbitrary,
  check: (p) => {
    const { K, P } = atMinimum(p);
    const m = p.m;
    let residual = 0;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        const abs2 = P.re[i * m + j] ** 2 + P.im[i * m + j] ** 2;
        residual = Math.max(residual, Math.abs(K.re[i * m + j] + 8 * p.gamma ** 2 * abs2));
      }
    }
    return identityOutcome(residual, kTol(p.gamma, p.d));
  },
};

export const theorem44Eq113: Claim<MinimumParams> = {
  id: 'theorem-4.4/eq-113',
  title: 'Hadamard form of K_asym at global minima, with R as printed',
  ref: ref(['113']),
  statement:
    'K_asym = 2 gamma^2 (1 - 1/gamma^2) I - 8 gamma^2 R o (G - I) o (G^T - I) (eq. 113), G_ij = uhat_i^dag uhat_j, with R as printed: R_ij = (1 + 1/gamma)/2 ' +
    'for y_i = y_j = +1, (1 - 1/gamma)/2 for y_i = y_j = -1, sqrt(1 - 1/gamma^2)/2 otherwise ("the off-diagonal entries can be expressed -8 gamma^2 R_ij G_ij G_ji"). ' +
    'Since -8 gamma^2 |u_i^dag u_j|^2 = -8 gamma^2 c_i c_j |G_ij|^2 with c_j = u_j^dag u_j, the printed R_ij = sqrt(c_i c_j) is the square root of the right factor.',
  hypotheses: hyps,
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'fails-as-printed',
  correctedBy: 'theorem-4.4/eq-113-corrected',
  uses: ['lemma-c.2'],
  toleranceRule: kRule,
  runs,
  arbitrary: minimumArbitrary,
  check: (p) => {
    const { gm, K, G } = atMinimum(p);
    return identityOutcome(maxAbsDiff(K, eq113(rPrinted(gm.labels, p.gamma), G, p.gamma)), kTol(p.gamma, p.d));
  },
};

export const theorem44Eq113Corrected: Claim<MinimumParams> = {
  id: 'theorem-4.4/eq-113-corrected',
  title: 'Hadamard form of K_asym at global minima, with R_ij = c_i c_j',
  ref: ref(['113']),
  statement:
    'K_asym = 2 gamma^2 (1 - 1/gamma^2) I - 8 gamma^2 R o (G - I) o (G^T - I) with R_ij = c_i c_j, c_j = (1 + y_j/gamma)/2: R_ij = ((1 + 1/gamma)/2)^2 on the ++ block, ' +
    '((1 - 1/gamma)/2)^2 on the -- block and (1 - 1/gamma^2)/4 across.',
  hypotheses: hyps,
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  corrects: 'theorem-4.4/eq-113',
  why:
    'The proof computes (K_asym)_ij = -8 gamma^2 |u_i^dag u_j|^2 and u_j = sqrt(c_j) uhat_j, so |u_i^dag u_j|^2 = c_i c_j |G_ij|^2 = c_i c_j G_ij G_ji: the ' +
    'weight is c_i c_j (e.g. (1 + 1/gamma)^2/4 on the ++ block), while the printed R_ij = sqrt(c_i c_j) is the weight of |u_i^dag u_j|, not of its square. ' +
    'The diagonal is unaffected since (G - I)_jj = 0.',
  uses: ['lemma-c.2'],
  toleranceRule: kRule,
  runs,
  arbitrary: minimumArbitrary,
  check: (p) => {
    const { gm, K, G } = atMinimum(p);
    return identityOutcome(maxAbsDiff(K, eq113(rCorrected(gm.labels, p.gamma), G, p.gamma)), kTol(p.gamma, p.d));
  },
};

interface RParams extends InstanceParams { m: number; gamma: number }
const rArbitrary = () =>
  fc.record({ seed: seedArb(), m: fc.integer({ min: 1, max: 10 }).map((k) => 2 * k), gamma: fc.double({ min: 1.01, max: 20, noNaN: true }) });
const rTol = (m: number) => TOLERANCES.spectral(m, m);
const rRule = 'eigenvalues of an m x m matrix of norm <= m: 256 EPS m * m';

function spectrumResidual(R: CMat, top: number): number {
  const ev = eigvalsh(R);
  let res = Math.abs(ev[ev.length - 1] - top);
  for (let i = 0; i < ev.length - 1; i++) res = Math.max(res, Math.abs(ev[i]));
  return res;
}

export const theorem44Eq116: Claim<RParams> = {
  id: 'theorem-4.4/eq-116',
  title: 'Spectrum of R as printed',
  ref: ref(['114', '115', '116']),
  statement:
    'R as printed (= (m/2)(c+ e1 e1^dag + c- e2 e2^dag + sqrt(c+ c-)(e1 e2^dag + e2 e1^dag)), c+- = (1 +- 1/gamma)/2, eq. 116) has eigenvalues (m/2, 0, ..., 0). ' +
    'True for the printed R (it is the rank-one s s^T, s_j = sqrt(c_j)); labels in random order (the proof sorts them w.l.o.g.).',
  hypotheses: ['m even, balanced labels', 'gamma > 1'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  uses: [],
  toleranceRule: rRule,
  runs: { quick: 10, default: 40, full: 400 },
  arbitrary: rArbitrary,
  check: ({ seed, m, gamma }) => {
    const labels = balancedLabels(makeRng(seed), m);
    return identityOutcome(spectrumResidual(rPrinted(labels, gamma), m / 2), rTol(m));
  },
};

export const theorem44Eq116Corrected: Claim<RParams> = {
  id: 'theorem-4.4/eq-116-corrected',
  title: 'Spectrum of the corrected R',
  ref: ref(['116']),
  statement:
    'The corrected R_ij = c_i c_j (see theorem-4.4/eq-113-corrected) is the rank-one c c^T with eigenvalues ((m/4)(1 + 1/gamma^2), 0, ..., 0): ' +
    '||c||^2 = (m/2)(c+^2 + c-^2) = (m/4)(1 + 1/gamma^2) <= m/2, so the operator norm entering (118) is smaller than the printed m/2.',
  hypotheses: ['m even, balanced labels', 'gamma > 1'],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  uses: [],
  toleranceRule: rRule,
  runs: { quick: 10, default: 40, full: 400 },
  arbitrary: rArbitrary,
  check: ({ seed, m, gamma }) => {
    const labels = balancedLabels(makeRng(seed), m);
    return identityOutcome(spectrumResidual(rCorrected(labels, gamma), (m / 4) * (1 + 1 / gamma ** 2)), rTol(m));
  },
};

/**
 * Draws for the Lemma C.1 bound: it is positive only when ||G - I||_op^2 < (1 - 1/gamma^2)/(4 ||R||_op), ||R||_op = (m/4)(1 + 1/gamma^2),
 * and ||G - I||_op ~ sqrt(2m/d) for m uniform directions in C^{d/2}; so d in {32, 64, 128} with m in {2, 4} (m = 2 at d = 32) and gamma in [1.5, 8].
 */
const boundArbitrary = () =>
  fc
    .record({
      seed: seedArb(),
      d: fc.constantFrom(32, 64, 128),
      m: fc.constantFrom(2, 4),
      gamma: fc.double({ min: 1.5, max: 8, noNaN: true }),
      rotate: fc.boolean(),
    })
    .map((p) => ({ ...p, m: p.d === 32 ? 2 : p.m })); // m = 4 at d = 32 has ||G - I|| ~ 0.5, a negative bound

/**
 * The Lemma C.1 bound at a global minimum. K_asym = a I - 8 gamma^2 H with a = 2 gamma^2 (1 - 1/gamma^2), H_ij = c_i c_j |G_ij|^2 (i != j)
 * (eq. 113 corrected), so the bound is a statement about the deficit a - lambda_min(K_asym) = 8 gamma^2 lambda_max(H) <=
 * 8 gamma^2 ||R|| ||G - I||^2: its tightness is deficit / (8 gamma^2 ||R|| ||G - I||^2). (bound / lambda_min(K_asym) tends to 1 as G -> I,
 * where both sides tend to a whatever the quality of Lemma C.1, and is reported in `details` as boundOverLambdaMin.)
 */
export function lemmaC1BoundOf(gm: GlobalMinimum): CheckOutcome {
  const { K, G } = atMinimumOf(gm);
  const g2 = gm.gamma ** 2;
  const lk = lambdaMin(K);
  const gi = opNormHermitian(sub(G, identity(gm.m)));
  const a = 2 * g2 * (1 - 1 / g2);
  const correction = 8 * g2 * opNormHermitian(rCorrected(gm.labels, gm.gamma)) * gi * gi; // Lemma C.1 twice on (113)
  const bound = a - correction;
  const boundPrinted = a - 8 * g2 * opNormHermitian(rPrinted(gm.labels, gm.gamma)) * gi * gi;
  const tol = TOLERANCES.spectral(8 * g2 * gm.m, gm.d);
  if (![lk, bound, boundPrinted].every(Number.isFinite)) return { ok: false, slack: Number.NEGATIVE_INFINITY };
  const slack = lk - bound + tol;
  // the deficit a - lambda_min is known to +-tol: its ratio to the correction is reported where that is below 1% of it
  const tightness = correction >= 100 * tol ? (a - lk) / correction : undefined;
  return {
    ok: slack >= 0, slack, tolerance: tol, vacuous: bound <= tol, ...(tightness !== undefined ? { tightness } : {}),
    details: {
      lambdaMinK: lk, bound, gamma: gm.gamma, deficit: a - lk, correction, boundOverLambdaMin: lk > 0 ? bound / lk : 0, boundPrintedR: boundPrinted,
      printedDeficitRatio: (a - lk) / (a - boundPrinted), printedBoundHolds: lk + tol >= boundPrinted ? 'yes' : 'no', normGminusI: gi,
    },
  };
}

/** Sup of the tightness over the space: m = 2 gives (gamma^2 - 1)/(2 (gamma^2 + 1)) at every minimum, largest at gamma = 8. */
export const C1_BOUND_SUP = (MINIMUM_GAMMA[1] ** 2 - 1) / (2 * (MINIMUM_GAMMA[1] ** 2 + 1));

export const theorem44LemmaC1Bound: Claim<MinimumParams> = {
  id: 'theorem-4.4/lemma-c.1-bound',
  title: 'Lemma C.1 bound on lambda_min(K_asym) at global minima',
  ref: ref(['113', '117', '118']),
  statement:
    'lambda_min(K_asym) >= 2 gamma^2 (1 - 1/gamma^2) - 8 gamma^2 ||R||_op ||G - I||_op^2 at every global minimum (Lemma C.1 applied twice to eq. 113), ' +
    'with the corrected R_ij = c_i c_j (||R||_op = (m/4)(1 + 1/gamma^2)); `details` also reports the bound with the printed R (||R||_op = m/2), weaker and also valid. ' +
    'Drawn where the bound can be positive (d in {32, 64, 128}, m = 2, 4 with m = 2 at d = 32, gamma in [1.5, 8]): on 60 draws of the default seed 13% are ' +
    'vacuous (bound <= 0; 45% with the d in {8, 16, 32} draws of the other steps). Both sides are close (lambda_min(K_asym)/bound 1.001-1.04) only because ' +
    'both are close to 2 gamma^2 (1 - 1/gamma^2) at these d; the correction term that Lemma C.1 bounds is at least twice the true deficit: ' +
    'deficit / correction = lambda_max(H) / (||R|| ||G - I||^2) with H_ij = c_i c_j |G_ij|^2 is <= max_j c_j^2 / ||c||^2 (lambda_max(D X D) <= max c_j^2 lambda_max(X), ' +
    '||X|| <= ||G - I||^2 for X = (G - I) o (G^T - I) by Lemma C.1), = (gamma^2 - 1)/(2 (gamma^2 + 1)) < 1/2 at every m = 2 minimum (exact: H and G - I are ' +
    '2 x 2 with zero diagonal) and <= (1 + 1/gamma)^2 / (4 (1 + 1/gamma^2)) <= 25/52 = 0.481 for m = 4 (attained when only two states of label +1 overlap).',
  hypotheses: hyps,
  kind: 'inequality',
  strength: 'substantive',
  strengthReason: 'a bound of the paper evaluated on built instances; a false bound fails it',
  expectation: 'holds',
  uses: ['lemma-c.1', 'lemma-c.2'],
  vacuousRule: 'vacuous when the bound (with the corrected R) is <= its tolerance: it then says nothing beyond K_asym >= 0',
  toleranceRule: 'eigen-decompositions of m x m matrices of norm <= 8 gamma^2 m built through the N^{1/2} eigendecomposition: 256 EPS d 8 gamma^2 m',
  runs,
  arbitrary: boundArbitrary,
  tightnessRule: 'the bound in its deficit form, 2 gamma^2 (1 - 1/gamma^2) - lambda_min(K_asym) <= 8 gamma^2 ||R|| ||G - I||^2 (lhs / rhs), non-vacuous runs with ' +
    'the correction >= 100 x its tolerance only: bound / lambda_min(K_asym) (0.9988 on random draws) tends to 1 as G -> I whatever the quality of Lemma C.1, ' +
    'so it cannot show that a bound with half the correction term would also hold; the deficit form shows it (supremum 63/130 = 0.485 over gamma <= 8)',
  search: globalMinimumSpace({
    assess: lemmaC1BoundOf,
    evaluations: { quick: 60, default: 200, full: 800 },
    note: 'global minima of the construction of section 4 (the uniform measure\'s support): the m directions uhat_j in the positive subspace ' +
      '(any unit vectors, pulled towards an orthonormal family only where no global minimum exists with them) and gamma in [1.5, 8]; d, m, the labels, ' +
      'the orthonormal family q_k that carries the w_j and the eigenbasis of M are the run\'s (K_asym, G and the bound depend on the states only through ' +
      'P = (u_i^dag u_j), so they do not change the tightness). Supremum 63/130 = 0.4846: every m = 2 minimum has tightness (gamma^2 - 1)/(2 (gamma^2 + 1)), ' +
      'largest at gamma = 8; m = 4 reaches at most 25/52 = 0.4808 (gamma = 1.5, two +1 states overlapping, the others orthogonal).',
    knownSupremum: { value: C1_BOUND_SUP, where: 'm = 2 (one label of each sign) at gamma = 8: deficit / correction = (gamma^2 - 1)/(2 (gamma^2 + 1)) at every such minimum' },
  }),
  check: (p) => lemmaC1BoundOf(buildGlobalMinimum(makeRng(p.seed), p)),
};

export const theorem44StepClaims = [
  theorem44Diagonal, theorem44OffDiagonal, theorem44Eq113, theorem44Eq113Corrected, theorem44Eq116, theorem44Eq116Corrected, theorem44LemmaC1Bound,
];
