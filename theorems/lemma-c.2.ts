/**
 * Lemma C.2 (appendix C.1, eqs. 101-112): K_asym of eq. (7) for pure states and a
 * measurement M = gamma (Pi+ - Pi-), in terms of the Gram matrices P (of u_i = Pi+ v_i) and
 * N (of w_i = Pi- v_i), and the Schur lower bounds on its smallest eigenvalue.
 *
 * Instances: M = gamma U diag(+1 x d/2, -1 x d/2) U^dag with U Haar (complex), and m pure
 * states that are either independent Haar states (complex, NOT orthogonal: the lemma does not
 * assume orthogonality) or orthonormal. With real vectors the printed eq. (101) and the
 * derived eq. (110) coincide; complex ones separate them.
 */
import fc from 'fast-check';
import { defineSpace, type Reader } from '../src/search/decode.ts';
import { seedArb } from '../properties/index.ts';
import type { CheckOutcome, Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import { type CMat, columns, gramRows, hadamard, matmul, transpose, zeros, add, scale, maxAbsDiff, maxAbs } from '../src/linalg/cmatrix.ts';
import { lambdaMin } from '../src/linalg/eigh.ts';
import { kAsym } from '../src/model/kernels.ts';
import { haarState, haarUnitary, orthonormalStates } from '../src/random/ensembles.ts';
import { makeRng, type Rng } from '../src/random/rng.ts';
import { identityOutcome } from '../src/claims/outcomes.ts';

/** M = gamma (Pi+ - Pi-) with its eigenbases: columns of bPlus (d x d/2) span the +gamma eigenspace. */
export interface PauliLike {
  d: number;
  gamma: number;
  M: CMat;
  bPlus: CMat;
  bMinus: CMat;
}

/** Whether the columns of b are the standard basis vectors e_offset, e_offset+1, ... */
function isStandardBasis(b: CMat, offset: number): boolean {
  for (let a = 0; a < b.rows; a++) {
    for (let c = 0; c < b.cols; c++) {
      if (b.im[a * b.cols + c] !== 0 || b.re[a * b.cols + c] !== (a === c + offset ? 1 : 0)) return false;
    }
  }
  return true;
}

/** M = B+ B+^dag - B- B-^dag scaled by gamma, computed on the upper triangle and mirrored (exactly Hermitian). */
export function measurementFromBases(bPlus: CMat, bMinus: CMat, gamma: number): CMat {
  const d = bPlus.rows, k = bPlus.cols;
  const M = zeros(d, d);
  if (isStandardBasis(bPlus, 0) && isStandardBasis(bMinus, k)) {
    for (let a = 0; a < d; a++) M.re[a * d + a] = a < k ? gamma : -gamma; // gamma diag(+1 x d/2, -1 x d/2), O(d^2)
    return M;
  }
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      let re = 0, im = 0;
      for (const [B, s] of [[bPlus, gamma], [bMinus, -gamma]] as const) {
        for (let c = 0; c < k; c++) {
          const xr = B.re[a * k + c], xi = B.im[a * k + c], yr = B.re[b * k + c], yi = B.im[b * k + c];
          re += s * (xr * yr + xi * yi);
          im += s * (xi * yr - xr * yi);
        }
      }
      M.re[a * d + b] = re;
      M.re[b * d + a] = re;
      if (a !== b) {
        M.im[a * d + b] = im;
        M.im[b * d + a] = -im;
      }
    }
  }
  return M;
}

/** M = gamma U diag(+1 x d/2, -1 x d/2) U^dag, U Haar in U(d) (eq. 120). */
export function pauliLikeMeasurement(rng: Rng, d: number, gamma: number): PauliLike {
  const u = haarUnitary(rng, d);
  const bPlus = columns(u, 0, d / 2), bMinus = columns(u, d / 2, d);
  return { d, gamma, M: measurementFromBases(bPlus, bMinus, gamma), bPlus, bMinus };
}

/** Rows a_j^T = (B^dag v_j)^T of states * conj(B): coordinates of the projection B B^dag v_j. */
export function coordinatesIn(states: CMat, b: CMat): CMat {
  const conjB: CMat = { rows: b.rows, cols: b.cols, re: b.re, im: b.im.map((x) => -x) };
  return matmul(states, conjB);
}

/** P_ij = u_i^dag u_j and N_ij = w_i^dag w_j (eq. 111), u_i = Pi+ v_i, w_i = Pi- v_i. */
export function gramPN(ms: PauliLike, states: CMat): { P: CMat; N: CMat } {
  return { P: gramRows(coordinatesIn(states, ms.bPlus)), N: gramRows(coordinatesIn(states, ms.bMinus)) };
}

/** Entry-wise real matrix 8 gamma^2 Re(f(i, j)) from complex entries. */
function realKernel(m: number, f: (i: number, j: number) => { re: number }): CMat {
  const k = zeros(m, m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) k.re[i * m + j] = f(i, j).re;
  return k;
}

function cmul(a: CMat, i: number, b: CMat, j: number): { re: number; im: number } {
  return { re: a.re[i] * b.re[j] - a.im[i] * b.im[j], im: a.re[i] * b.im[j] + a.im[i] * b.re[j] };
}

interface Params extends InstanceParams { d: number; m: number; gamma: number; orthonormal: boolean; family?: 'equality'; c?: number }

/**
 * The equality family of (102) and (112): v_j = sqrt(c) B+ a_j + sqrt(1 - c) B- b_j with a_j orthonormal in C^{d/2} (so the u_j are
 * orthogonal and P = c I) and b_j Haar unit vectors. Then K_asym = 8 gamma^2 c diag(N_ii) (the off-diagonal Hadamard terms vanish with P),
 * N_ii = 1 - c, and lambda_min(K_asym) = 8 gamma^2 c (1 - c) = 8 gamma^2 lambda_min(P) min_i N_ii: both bounds hold with equality.
 */
function equalityStates(rng: Rng, ms: PauliLike, m: number, c: number): CMat {
  const h = ms.d / 2;
  const a = orthonormalStates(rng, m, h);
  const b = zeros(m, h);
  for (let j = 0; j < m; j++) {
    const v = haarState(rng, h);
    b.re.set(v.re, j * h);
    b.im.set(v.im, j * h);
  }
  // rows (B a_j)^T = a_j^T B^T
  return add(scale(matmul(a, transpose(ms.bPlus)), Math.sqrt(c)), scale(matmul(b, transpose(ms.bMinus)), Math.sqrt(1 - c)));
}

function build({ seed, d, m, gamma, orthonormal, family, c }: Params) {
  const rng = makeRng(seed);
  const ms = pauliLikeMeasurement(rng, d, gamma);
  let states: CMat;
  if (family === 'equality') states = equalityStates(rng, ms, m, c ?? 0.5);
  else if (orthonormal) states = orthonormalStates(rng, m, d);
  else {
    states = zeros(m, d);
    for (let j = 0; j < m; j++) {
      const v = haarState(rng, d);
      states.re.set(v.re, j * d);
      states.im.set(v.im, j * d);
    }
  }
  const K = kAsym(ms.M, states); // eq. (7): tr(i[M, rho_i] i[M, rho_j]) from the commutators
  const { P, N } = gramPN(ms, states);
  return { ms, states, K, P, N };
}

const arbitrary = () =>
  fc
    .record({
      seed: seedArb(),
      d: fc.integer({ min: 2, max: 6 }).map((k) => 2 * k),
      m: fc.integer({ min: 2, max: 6 }),
      gamma: fc.double({ min: 1, max: 8, noNaN: true }),
      orthonormal: fc.boolean(),
    })
    .map((p) => (p.orthonormal && p.m > p.d ? { ...p, m: p.d } : p));

/**
 * Instances of the two eigenvalue bounds: m <= d/2, so the m projections u_j span an m-dimensional subspace of the d/2-dimensional
 * positive eigenspace and lambda_min(P) > 0 almost surely (for m > d/2, P is singular and both bounds are 0: vacuous). A third of the
 * draws is the equality family (orthogonal u_j of equal norms), where lambda_min(K_asym) equals the bound.
 */
const boundArbitrary = () =>
  fc
    .record({
      seed: seedArb(),
      d: fc.integer({ min: 2, max: 8 }).map((k) => 2 * k),
      mFrac: fc.double({ min: 0, max: 1, noNaN: true }),
      gamma: fc.double({ min: 1, max: 8, noNaN: true }),
      pick: fc.integer({ min: 0, max: 2 }),
      c: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
    })
    .map(({ seed, d, mFrac, gamma, pick, c }): Params => {
      const m = 2 + Math.min(d / 2 - 2, Math.floor(mFrac * (d / 2 - 1))); // 2 <= m <= d/2
      if (pick === 2) return { seed, d, m, gamma, orthonormal: false, family: 'equality', c };
      return { seed, d, m, gamma, orthonormal: pick === 1 };
    });

/** Entries of K are products of two commutators of size ||M|| = gamma, through traces of d x d products. */
const identityTol = (gamma: number, d: number) => TOLERANCES.identity(gamma * gamma, d, 3);
const identityRule = 'K_asym from O(d)-term traces of products of commutators (depth 3) of size gamma: 64 EPS d 3 gamma^2 per entry';

const ref = (equations: string[]) => ({ label: 'Lemma C.2', section: 'C.1', equations });
const hyps = ['pure states rho_j = v_j v_j^dag (not necessarily orthogonal)', 'M = gamma (Pi+ - Pi-), Pi+- the eigenprojectors, trace 0'];
const runs = { quick: 10, default: 40, full: 400 };

export const lemmaC2Eq101: Claim<Params> = {
  id: 'lemma-c.2/eq-101',
  title: 'Entry-wise formula for K_asym as printed in Lemma C.2',
  ref: ref(['101']),
  statement:
    '(K_asym)_ij = 8 gamma^2 Re(u_i^dag u_j w_i^dag w_j), u_i = Pi+ v_i, w_i = Pi- v_i (eq. 101 as printed; the text extraction of the paper ' +
    'reads 8 gamma^2 Re(u_i^dag u_i w_i^dag w_j), which is also checked, in `details`, and fails too). Its own proof (108)-(110) gives ' +
    '8 gamma^2 Re(u_j^dag u_i w_i^dag w_j): the two differ by -16 gamma^2 Im(P_ij) Im(N_ij) and agree only when the Gram entries are real.',
  hypotheses: hyps,
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'fails-as-printed',
  correctedBy: 'lemma-c.2/eq-110',
  uses: ['lemma-4.1'],
  toleranceRule: identityRule,
  runs,
  arbitrary,
  check: (p) => {
    const { K, P, N } = build(p);
    const m = p.m, g2 = p.gamma * p.gamma;
    // eq. (101) as printed: 8 gamma^2 Re(P_ij N_ij)
    const printed = realKernel(m, (i, j) => cmul(P, i * m + j, N, i * m + j));
    // literal text extraction: 8 gamma^2 Re(P_ii N_ij)
    const extracted = realKernel(m, (i, j) => cmul(P, i * m + i, N, i * m + j));
    const residual = maxAbsDiff(K, scale(printed, 8 * g2));
    const tol = identityTol(p.gamma, p.d);
    return identityOutcome(residual, tol, { residualTextExtraction: maxAbsDiff(K, scale(extracted, 8 * g2)), maxImP: maxAbs({ ...P, re: new Float64Array(P.re.length) }) });
  },
};

export const lemmaC2Eq110: Claim<Params> = {
  id: 'lemma-c.2/eq-110',
  title: 'Entry-wise formula for K_asym derived in the proof of Lemma C.2',
  ref: ref(['103', '104', '105', '106', '107', '108', '109', '110']),
  statement:
    '(K_asym)_ij = 8 gamma^2 Re(u_j^dag u_i w_i^dag w_j) = 8 gamma^2 Re(conj(P_ij) N_ij) (the line after eq. 110), from ' +
    '(1/2gamma^2) K_ij = |P_ij + N_ij|^2 - |P_ij - N_ij|^2 (eq. 108).',
  hypotheses: hyps,
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  corrects: 'lemma-c.2/eq-101',
  why:
    'Eq. (108) writes (1/2gamma^2) K_ij = |a + b|^2 - |a - b|^2 with a = u_i^dag u_j, b = w_i^dag w_j, which equals 4 Re(a conj(b)) = ' +
    '4 Re(u_i^dag u_j w_j^dag w_i) = 4 Re(u_j^dag u_i w_i^dag w_j) (eqs. 109-110 and the line after): one of the two Gram factors is ' +
    'conjugated. The printed eq. (101) drops that conjugation; the Hadamard form K = 4gamma^2 (P o N^T + P^T o N) after eq. (111) agrees with (110).',
  uses: ['lemma-4.1'],
  toleranceRule: identityRule,
  runs,
  arbitrary,
  check: (p) => {
    const { K, P, N } = build(p);
    const m = p.m, g2 = p.gamma * p.gamma;
    const derived = realKernel(m, (i, j) => cmul(P, j * m + i, N, i * m + j)); // eq. (110): Re(P_ji N_ij)
    const residual = maxAbsDiff(K, scale(derived, 8 * g2));
    return identityOutcome(residual, identityTol(p.gamma, p.d));
  },
};

export const lemmaC2Hadamard: Claim<Params> = {
  id: 'lemma-c.2/hadamard',
  title: 'K_asym as a sum of Hadamard products of the Gram matrices',
  ref: ref(['111']),
  statement: 'K_asym = 4 gamma^2 P o N^T + 4 gamma^2 P^T o N, P_ij = u_i^dag u_j, N_ij = w_i^dag w_j (eq. 111 and the line after; complex entries compared, the imaginary part must vanish).',
  hypotheses: hyps,
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  uses: ['lemma-4.1'],
  toleranceRule: identityRule,
  runs,
  arbitrary,
  check: (p) => {
    const { K, P, N } = build(p);
    const rhs = scale(add(hadamard(P, transpose(N)), hadamard(transpose(P), N)), 4 * p.gamma * p.gamma); // line after eq. (111)
    return identityOutcome(maxAbsDiff(K, rhs), identityTol(p.gamma, p.d));
  },
};

/** Eigenvalue bounds: rounding of K (identity tolerance) plus the eigensolver (spectral) on a matrix of norm <= 8 gamma^2 m. */
function boundTol(gamma: number, d: number, m: number): number {
  return TOLERANCES.spectral(8 * gamma * gamma * m, Math.max(d, m));
}
const VACUOUS_RULE = 'vacuous when the bound is <= its tolerance (lambda_min(P) or lambda_min(N) ~ 0): it then says nothing beyond K_asym >= 0';
const boundRule = 'eigen-decompositions of m x m matrices of norm <= 8 gamma^2 m and entries from O(d)-term sums: 256 EPS max(d, m) 8 gamma^2 m';

function minDiag(a: CMat): number {
  let s = Infinity;
  for (let i = 0; i < a.rows; i++) s = Math.min(s, a.re[i * a.cols + i]);
  return s;
}

/**
 * Search space of the eigenvalue bounds: the eigenbasis W of M (d^2 reals; bPlus, bMinus its two halves) and the m states (orthonormalised
 * when the run's are), d, m, gamma fixed (both sides scale as gamma^2). The equality family (orthogonal u_j of equal norms) attains the bound.
 */
const c2Space = (assess: (b: { K: CMat; P: CMat; N: CMat }, p: Params) => CheckOutcome) =>
  defineSpace<Params, { K: CMat; P: CMat; N: CMat }>({
    decode: (r, p) => {
      const W = r.unitary(p.d);
      const bPlus = columns(W, 0, p.d / 2), bMinus = columns(W, p.d / 2, p.d);
      const ms: PauliLike = { d: p.d, gamma: p.gamma, M: measurementFromBases(bPlus, bMinus, p.gamma), bPlus, bMinus };
      const states = p.orthonormal ? r.orthonormalStates(p.m, p.d) : statesOf(r, p.m, p.d);
      return { K: kAsym(ms.M, states), ...gramPN(ms, states) };
    },
    assess,
    note: 'any eigenbasis of M and any m pure states (orthonormal when the run\'s are); supremum 1, attained by the equality family (P = c I).',
    knownSupremum: { value: 1, where: 'orthogonal u_j of equal norm sqrt(c): P = c I' },
  });

function statesOf(r: Reader, m: number, d: number): CMat {
  const s = zeros(m, d);
  for (let j = 0; j < m; j++) {
    const v = r.state(d);
    s.re.set(v.re, j * d);
    s.im.set(v.im, j * d);
  }
  return s;
}

export const lemmaC2: Claim<Params> = {
  id: 'lemma-c.2',
  title: 'Schur lower bound on lambda_min(K_asym); K_asym is PSD',
  ref: ref(['102']),
  statement:
    'lambda_min(K_asym) >= 8 gamma^2 lambda_min(P) min_i N_ii >= 8 gamma^2 lambda_min(P) lambda_min(N) (eq. 102), and K_asym is positive semidefinite. ' +
    'Instances with 2 <= m <= d/2 (d = 4..16), where lambda_min(P) > 0 and the bound says something; a third are the equality family ' +
    '(orthogonal u_j of equal norm sqrt(c): P = c I, lambda_min(K_asym) = 8 gamma^2 c (1 - c) = the bound), so the worst slack measures how close the check comes to failing.',
  hypotheses: hyps,
  kind: 'inequality',
  strength: 'substantive',
  strengthReason: 'a bound of the paper evaluated on built instances; a false bound fails it',
  expectation: 'holds',
  uses: ['lemma-4.1'],
  vacuousRule: VACUOUS_RULE,
  toleranceRule: boundRule,
  runs,
  arbitrary: boundArbitrary,
  tightnessRule: '8 gamma^2 lambda_min(P) min_i N_ii / lambda_min(K_asym) (a lower bound b <= a as b / a), non-vacuous runs only',
  search: c2Space(schurOf),
  check: (p) => schurOf(build(p), p),
};

function schurOf({ K, P, N }: { K: CMat; P: CMat; N: CMat }, p: Params): CheckOutcome {
  const g2 = p.gamma * p.gamma;
  const lk = lambdaMin(K), lp = lambdaMin(P), ln = lambdaMin(N), nMin = minDiag(N);
  const mid = 8 * g2 * lp * nMin, low = 8 * g2 * lp * ln; // eq. (102)
  const tol = boundTol(p.gamma, p.d, p.m);
  const values = [lk, lp, ln, nMin];
  if (!values.every(Number.isFinite)) return { ok: false, slack: Number.NEGATIVE_INFINITY };
  const slack = Math.min(lk - mid, mid - low, lk) + tol;
  return {
    ok: slack >= 0, slack, tolerance: tol, vacuous: mid <= tol, ...(lk > 0 && mid > 0 ? { tightness: mid / lk } : {}),
    details: { lambdaMinK: lk, bound: mid, weakerBound: low, ratio: mid > 0 ? lk / mid : 0, family: p.family ?? (p.orthonormal ? 'orthonormal' : 'haar') },
  };
}

export const lemmaC2Eq112: Claim<Params> = {
  id: 'lemma-c.2/eq-112',
  title: 'Symmetric Schur lower bound on lambda_min(K_asym)',
  ref: ref(['112']),
  statement:
    'lambda_min(K_asym) >= 8 gamma^2 max(min_i N_ii lambda_min(P), min_i P_ii lambda_min(N)) (eq. 112). Instances as lemma-c.2: 2 <= m <= d/2, a third ' +
    'in the equality family (P = c I, where the first term of the max is attained).',
  hypotheses: hyps,
  kind: 'inequality',
  strength: 'substantive',
  strengthReason: 'a bound of the paper evaluated on built instances; a false bound fails it',
  expectation: 'holds',
  uses: ['lemma-4.1'],
  vacuousRule: VACUOUS_RULE,
  toleranceRule: boundRule,
  runs,
  arbitrary: boundArbitrary,
  tightnessRule: 'the bound of (112) / lambda_min(K_asym) (a lower bound b <= a as b / a), non-vacuous runs only',
  search: c2Space(eq112Of),
  check: (p) => eq112Of(build(p), p),
};

function eq112Of({ K, P, N }: { K: CMat; P: CMat; N: CMat }, p: Params): CheckOutcome {
  const lk = lambdaMin(K);
  const bound = 8 * p.gamma * p.gamma * Math.max(minDiag(N) * lambdaMin(P), minDiag(P) * lambdaMin(N)); // eq. (112)
  const tol = boundTol(p.gamma, p.d, p.m);
  if (!Number.isFinite(lk) || !Number.isFinite(bound)) return { ok: false, slack: Number.NEGATIVE_INFINITY };
  const slack = lk - bound + tol;
  return {
    ok: slack >= 0, slack, tolerance: tol, vacuous: bound <= tol, ...(lk > 0 && bound > 0 ? { tightness: bound / lk } : {}),
    details: { lambdaMinK: lk, bound, ratio: bound > 0 ? lk / bound : 0, family: p.family ?? (p.orthonormal ? 'orthonormal' : 'haar') },
  };
}

export const lemmaC2Claims = [lemmaC2Eq101, lemmaC2Eq110, lemmaC2Hadamard, lemmaC2, lemmaC2Eq112];
