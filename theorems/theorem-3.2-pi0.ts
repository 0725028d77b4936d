/**
 * The Pi_0 extension at the end of appendix A.2: M0 = Pi_+ - Pi_-, Pi_+ + Pi_- + Pi_0 = I, Pi_0 != 0.
 * The text says the proof "still holds" with a modified bound on ||u_j||^2 ||w_j||^2, which keeps
 * using [M, rho] = 2(u w^dag - w u^dag) and eq. (30). With z_j = Pi_0 v_j != 0 both are false; the
 * conclusion K_jj <= 8 sum_l ||H_l||^2 |r_j| (and so eq. 5) survives through the trace norm.
 */
import fc from 'fast-check';
import { defineSpace } from '../src/search/decode.ts';
import { qnnFrom } from './search-spaces.ts';
import type { CheckOutcome, Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import { add, CMat, col, commutator, CVec, matvec, maxAbsDiff, outer, row, scale, sub, traceProduct, vecNorm, zeros } from '../src/linalg/cmatrix.ts';
import { opNormHermitian, traceNorm } from '../src/linalg/norms.ts';
import { kernelK } from '../src/model/kernels.ts';
import { makeInstance, type QnnInstance } from '../src/model/instance.ts';
import { parameterizedMeasurement, predictions, residualsOf } from '../src/model/qnn.ts';
import { layerGenerators } from '../src/model/ansatz.ts';
import { eigh } from '../src/linalg/eigh.ts';
import { makeRng, type Rng } from '../src/random/rng.ts';
import {
  allOf, type AnsatzKind, buildAnsatz, buildLabels, buildMeasurement, buildStates, identityOutcome, inequalityOutcome, norm2, projectors, seedArb,
} from './section-2-3-common.ts';
import { tightKernelInstance } from './theorem-3.2-steps.ts';

/**
 * 'generic': random states; 'w0': states in the range of Pi_+ + Pi_0 of M(theta) (w_j = 0, the right side of eq. 30 vanishes);
 * 'tight': p = 1, theta = 0, H_1 = X_1/||X_1||_op, which attains sup_{||H|| <= 1} |tr(X_1 H)| = ||X_1||_tr;
 * 'near': as 'tight' with v_1 close to the eigenspace of its label, v_1 = sqrt(1 - e - e'^2) u + sqrt(e) w + e' z (label +1)
 * or the mirror image (label -1), e in (0, 0.1): small residual and small Pi_0 weight, where K_11 / (8 sum ||H||^2 |r_1|) -> 1.
 */
interface Pi0Params extends InstanceParams { mode: 'generic' | 'w0' | 'tight' | 'near'; d: number; m: number; p: number; ansatz: AnsatzKind }

/** Unit eigenvectors of M for the eigenvalues closest to -1, 0, +1 (ascending eigenvalues from eigh). */
function nearStates(rng: Rng, M: CMat, m: number): { states: CMat; labels: Float64Array } {
  const d = M.rows;
  const { values, vectors } = eigh(M);
  const pick = (target: number) => {
    let best = 0;
    for (let i = 0; i < d; i++) if (Math.abs(values[i] - target) < Math.abs(values[best] - target)) best = i;
    return col(vectors, best);
  };
  const up = pick(1), wm = pick(-1), z0 = pick(0);
  const states = zeros(m, d);
  const labels = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const y = rng.uniform() < 0.5 ? 1 : -1;
    const e = 0.1 * rng.uniform(), e2 = e * rng.uniform();
    const [big, small] = y > 0 ? [up, wm] : [wm, up];
    const cb = Math.sqrt(1 - e - e2 * e2), cs = Math.sqrt(e);
    for (let i = 0; i < d; i++) {
      states.re[j * d + i] = cb * big.re[i] + cs * small.re[i] + e2 * z0.re[i];
      states.im[j * d + i] = cb * big.im[i] + cs * small.im[i] + e2 * z0.im[i];
    }
    labels[j] = y;
  }
  return { states, labels };
}

const pi0Arb = () =>
  fc.constantFrom(3, 4, 6, 8).chain((d) =>
    fc.record({
      seed: seedArb(),
      mode: fc.constantFrom<Pi0Params['mode']>('generic', 'w0', 'tight', 'near'),
      d: fc.constant(d),
      m: fc.integer({ min: 1, max: Math.min(4, d) }),
      p: fc.integer({ min: 1, max: 8 }),
      ansatz: fc.constantFrom<AnsatzKind>('line', 'periodic'),
    }));

interface Pi0Point {
  d: number; p: number; M: CMat; Hl: CMat[]; hNorms: Float64Array; states: CMat; labels: Float64Array; r: Float64Array;
  u: CVec[]; w: CVec[]; z: CVec[]; K: CMat;
}

function pi0Point({ seed, mode, d, m, p, ansatz }: Pi0Params): Pi0Point {
  const rng = makeRng(seed);
  let inst, theta: Float64Array;
  if (mode === 'tight' || mode === 'near') {
    ({ inst, theta } = tightKernelInstance(rng, d, m, 'pi0', mode === 'near' ? (M) => nearStates(rng, M, m) : undefined));
  } else {
    const a = buildAnsatz(rng, d, p, ansatz);
    const M0 = buildMeasurement(rng, d, 'pi0');
    theta = Float64Array.from({ length: p }, () => 2 * Math.PI * rng.uniform());
    let states = buildStates(rng, m, d, 'haar');
    if (mode === 'w0') {
      // v_j proportional to (I - Pi_-) g_j: no component in the -1 eigenspace of M(theta)
      const probe = makeInstance(a, M0, states, new Float64Array(m));
      const { minus } = projectors(parameterizedMeasurement(probe, theta));
      const s = zeros(m, d);
      for (let j = 0; j < m; j++) {
        const g = row(states, j);
        const pg = matvec(minus, g);
        const v = { re: g.re.map((x, i) => x - pg.re[i]), im: g.im.map((x, i) => x - pg.im[i]) };
        const n = vecNorm(v);
        s.re.set(v.re.map((x) => x / n), j * d);
        s.im.set(v.im.map((x) => x / n), j * d);
      }
      states = s;
    }
    inst = makeInstance(a, M0, states, buildLabels(rng, m, 'pm1'));
  }
  return pi0PointOf(inst, theta);
}

function pi0PointOf(inst: QnnInstance, theta: Float64Array): Pi0Point {
  const M = parameterizedMeasurement(inst, theta);
  const Hl = layerGenerators(inst.ansatz, theta);
  const { plus, minus, zero } = projectors(M);
  const u: CVec[] = [], w: CVec[] = [], z: CVec[] = [];
  for (let j = 0; j < inst.states.rows; j++) {
    const v = row(inst.states, j);
    u.push(matvec(plus, v));
    w.push(matvec(minus, v));
    z.push(matvec(zero, v));
  }
  return {
    d: inst.ansatz.d, p: inst.ansatz.p, M, Hl, hNorms: Float64Array.from(Hl, (h) => opNormHermitian(h)), states: inst.states,
    labels: inst.labels, r: residualsOf(predictions(inst, theta), inst.labels), u, w, z, K: kernelK(inst, theta),
  };
}

const depth = (pt: Pi0Point) => 2 * pt.p + 6;
const pi0Hyp = ['M0 = Pi_+ - Pi_-, Pi_+ + Pi_- + Pi_0 = I, Pi_0 != 0, Pi_+ != 0, Pi_- != 0 (d >= 3)', 'pure states', 'labels +-1', 'any Line (1) ansatz'];

function commutatorResidual(pt: Pi0Point, corrected: boolean): CheckOutcome {
  let res = 0;
  for (let j = 0; j < pt.r.length; j++) {
    const lhs = commutator(pt.M, outer(row(pt.states, j)));
    let rhs = scale(sub(outer(pt.u[j], pt.w[j]), outer(pt.w[j], pt.u[j])), 2); // 2(u w^dag - w u^dag)
    if (corrected) {
      const uw = { re: pt.u[j].re.map((x, i) => x - pt.w[j].re[i]), im: pt.u[j].im.map((x, i) => x - pt.w[j].im[i]) };
      rhs = add(rhs, sub(outer(uw, pt.z[j]), outer(pt.z[j], uw))); // + (u - w) z^dag - z (u - w)^dag
    }
    res = Math.max(res, maxAbsDiff(lhs, rhs));
  }
  return identityOutcome(res, TOLERANCES.identity(4, pt.d, depth(pt)));
}

export const theorem32Pi0Commutator: Claim<Pi0Params> = {
  id: 'theorem-3.2/pi0-commutator',
  title: 'Pi_0 extension: [M, rho_j] = 2(u_j w_j^dag - w_j u_j^dag) reused as printed',
  ref: { label: 'Theorem 3.2 (Pi_0 extension, end of A.2)', section: 'A.2', equations: ['30'] },
  statement:
    'With M = Pi_+ - Pi_- and Pi_0 != 0, the proof "still holds", i.e. it keeps [M, rho_j] = 2(u_j w_j^dag - w_j u_j^dag), u_j = Pi_+ v_j, w_j = Pi_- v_j.',
  hypotheses: pi0Hyp,
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'fails-as-printed',
  correctedBy: 'theorem-3.2/pi0-commutator-corrected',
  uses: ['theorem-3.2/eq-30-commutator'],
  toleranceRule: 'TOLERANCES.identity(4, d, 2p + 6) on max |entry|',
  runs: { quick: 5, default: 10, full: 100 },
  arbitrary: pi0Arb,
  check: (params) => commutatorResidual(pi0Point(params), false),
};

export const theorem32Pi0CommutatorCorrected: Claim<Pi0Params> = {
  id: 'theorem-3.2/pi0-commutator-corrected',
  title: 'Pi_0 extension: the commutator has the extra terms (u - w) z^dag - z (u - w)^dag',
  ref: { label: 'Theorem 3.2 (Pi_0 extension, end of A.2)', section: 'A.2', equations: ['30'] },
  statement: '[M, rho_j] = 2(u_j w_j^dag - w_j u_j^dag) + (u_j - w_j) z_j^dag - z_j (u_j - w_j)^dag, z_j = Pi_0 v_j.',
  hypotheses: pi0Hyp,
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  corrects: 'theorem-3.2/pi0-commutator',
  why:
    'v = u + w + z and M v = u - w, so [M, v v^dag] = (u - w)(u + w + z)^dag - (u + w + z)(u - w)^dag = 2(u w^dag - w u^dag) + (u - w) z^dag - z (u - w)^dag; ' +
    'the last two terms vanish only when z = Pi_0 v = 0.',
  uses: ['theorem-3.2/eq-30-commutator'],
  toleranceRule: 'TOLERANCES.identity(4, d, 2p + 6) on max |entry|',
  runs: { quick: 20, default: 80, full: 800 },
  arbitrary: pi0Arb,
  check: (params) => commutatorResidual(pi0Point(params), true),
};

export const theorem32Pi0Eq30: Claim<Pi0Params> = {
  id: 'theorem-3.2/pi0-eq-30',
  title: 'Pi_0 extension: eq. (30) |tr(i[M, rho_j] H_l)| <= 4 ||H_l|| ||u_j|| ||w_j|| reused as printed',
  ref: { label: 'Theorem 3.2 (Pi_0 extension, end of A.2)', section: 'A.2', equations: ['30', '32', '33'] },
  statement:
    'The Pi_0 extension bounds ||u_j||^2 ||w_j||^2 <= |r_j|/2 and reuses eq. (30): |tr(i[M, rho_j] H_l)| <= 4 ||H_l||_op ||u_j|| ||w_j|| ' +
    '(slack in units of 4 ||H_l||). Counterexamples: v_j in the range of Pi_+ + Pi_0 (w_j = 0, right side 0, left side != 0), or H_l aligned with i[M, rho_j].',
  hypotheses: pi0Hyp,
  kind: 'inequality',
  strength: 'substantive',
  strengthReason: 'a bound of the paper evaluated on built instances; a false bound fails it',
  expectation: 'fails-as-printed',
  correctedBy: 'theorem-3.2/pi0-eq-33',
  uses: ['theorem-3.2/eq-30'],
  toleranceRule: 'TOLERANCES.inequality(4 ||H_l||, d)(2p + 6)',
  runs: { quick: 5, default: 20, full: 200 },
  tightnessRule: 'max over j, l of |tr(i[M, rho_j] H_l)| / (4 ||H_l|| ||u_j|| ||w_j||), the printed (30) reused with Pi_0 != 0 (> 1 on the counterexample; no search: refuted by random runs)',
  arbitrary: pi0Arb,
  check: (params) => {
    const pt = pi0Point(params);
    let worst: CheckOutcome | undefined;
    for (let j = 0; j < pt.r.length; j++) {
      const X = scale(commutator(pt.M, outer(row(pt.states, j))), 0, 1);
      const uw = Math.sqrt(norm2(pt.u[j]) * norm2(pt.w[j]));
      pt.Hl.forEach((h, l) => {
        const o = inequalityOutcome(Math.abs(traceProduct(X, h).re), 4 * pt.hNorms[l] * uw, TOLERANCES.inequality(4 * pt.hNorms[l], pt.d) * depth(pt), 4 * pt.hNorms[l], { j, l, zNorm2: norm2(pt.z[j]) });
        if (!worst || !(o.slack >= worst.slack)) worst = o;
      });
    }
    return worst!;
  },
};

export const theorem32Pi0Eq33: Claim<Pi0Params> = {
  id: 'theorem-3.2/pi0-eq-33',
  title: 'Pi_0 extension: K_jj <= 8 sum_l ||H_l||^2 |r_j| still holds (trace-norm route)',
  ref: { label: 'Theorem 3.2 (Pi_0 extension, end of A.2)', section: 'A.2', equations: ['30', '31', '33'] },
  statement:
    'With X_j = i[M, rho_j], a = ||u_j||^2, b = ||w_j||^2, c = ||z_j||^2: |tr(X_j H_l)| <= ||H_l||_op ||X_j||_tr (corrected eq. 30), ' +
    '||X_j||_tr = 2 sqrt(a + b - (a - b)^2) = 2 sqrt(2|r_j| - r_j^2 - c), hence K_jj <= sum_l ||H_l||^2 ||X_j||_tr^2 = 4 sum_l ||H_l||^2 (2|r_j| - r_j^2 - c) ' +
    '<= 8 sum_l ||H_l||_op^2 |r_j| (eq. 33, unchanged). Slack of the last bound in units of 8 sum ||H_l||^2.',
  hypotheses: pi0Hyp,
  kind: 'inequality',
  strength: 'substantive',
  strengthReason: 'a bound of the paper evaluated on built instances; a false bound fails it',
  expectation: 'holds',
  corrects: 'theorem-3.2/pi0-eq-30',
  why:
    'sup over ||H||_op <= 1 of |tr(X H)| is ||X||_tr; X = i[M, rho] is traceless Hermitian of rank <= 2, so ||X||_tr^2 = 2 ||X||_F^2 = ' +
    '4(<v|M^2|v> - <v|M|v>^2) = 4(a + b - (a - b)^2). For y = +1, r = 1 - (a - b) and a + b = 1 - c give a + b - (a - b)^2 = 2r - r^2 - c <= 2r ' +
    '(y = -1 symmetric with |r|), so K_jj = sum_l tr(X_j H_l)^2 <= 8 sum_l ||H_l||^2 |r_j|: eq. (33) and the rest of the proof (34)-(42) go through ' +
    'with the same constants. (For Pi_0 = 0 the trace norm equals 4 sqrt(ab), recovering eq. 30.)',
  uses: ['theorem-3.2/eq-33'],
  toleranceRule:
    'trace norm identity: TOLERANCES.spectral(2, d) + TOLERANCES.identity(4, d, 2p + 6) (singular values; the sqrt amplifies errors near 0, ' +
    'so it is compared squared); inequalities: TOLERANCES.inequality(16 sum ||H_l||^2, d)(2p + 6)',
  runs: { quick: 20, default: 80, full: 800 },
  arbitrary: pi0Arb,
  tightnessRule: 'max over j of K_jj / (8 sum ||H_l||^2 |r_j|) (the claim\'s (33)); the steps |tr(X_j H_l)| <= ||H_l|| ||X_j||_tr and K_jj <= sum ||H_l||^2 ||X_j||_tr^2 ' +
    'are parts with their own tightness (the first is attained by H_l = X_j/||X_j||)',
  search: defineSpace<Pi0Params, Pi0Point>({
    decode: (r, { d, m, p, ansatz }) => {
      const { inst, theta } = qnnFrom(r, { d, m, p, ansatz, meas: 'pi0', states: 'haar', labels: 'pm1' });
      return pi0PointOf(inst, theta);
    },
    assess: (pt) => pi0Eq33Of(pt),
    note: 'any instance and theta with M0 of spectrum {+1, 0, -1} (each present), pure states, labels +-1; K_jj / (33) <= 1 - |r_j|/2 - c_j/(2|r_j|), ' +
      'so the supremum 1 is approached only as r_j -> 0 and c_j/|r_j| -> 0 with H tight (the "near" mode builds it by hand).',
    knownSupremum: { value: 1, where: 'r_j -> 0, ||Pi_0 v_j||^2 = o(|r_j|), H_1 = X_1/||X_1|| (limit)' },
  }),
  check: (params) => pi0Eq33Of(pi0Point(params)),
};

function pi0Eq33Of(pt: Pi0Point): CheckOutcome {
  {
    const m = pt.r.length;
    let sumH = 0;
    for (const n of pt.hNorms) sumH += n * n;
    const parts: Record<string, CheckOutcome> = {};
    const tolI = TOLERANCES.inequality(16 * sumH, pt.d) * depth(pt);
    let maxRatio = 0;
    for (let j = 0; j < m; j++) {
      const X = scale(commutator(pt.M, outer(row(pt.states, j))), 0, 1);
      const tn = traceNorm(X);
      const a = norm2(pt.u[j]), b = norm2(pt.w[j]), c = norm2(pt.z[j]), ar = Math.abs(pt.r[j]);
      const tnSq = 4 * (a + b - (a - b) ** 2); // ||X||_tr^2
      const tolT = 4 * (TOLERANCES.spectral(2, pt.d) + TOLERANCES.identity(4, pt.d, depth(pt)));
      parts[`j=${j} ||X_j||_tr^2`] = identityOutcome(Math.max(Math.abs(tn * tn - tnSq), Math.abs(tnSq - 4 * (2 * ar - ar * ar - c))), tolT);
      pt.Hl.forEach((h, l) => {
        parts[`j=${j} l=${l} |tr(X_j H_l)| <= ||H_l|| ||X_j||_tr`] =
          inequalityOutcome(Math.abs(traceProduct(X, h).re), pt.hNorms[l] * tn, TOLERANCES.inequality(4 * pt.hNorms[l], pt.d) * depth(pt), 4 * pt.hNorms[l]);
      });
      const kjj = pt.K.re[j * m + j];
      parts[`j=${j} K_jj <= sum ||H_l||^2 ||X_j||_tr^2`] = inequalityOutcome(kjj, sumH * tnSq, tolI, 8 * sumH);
      parts[`j=${j} (33)`] = inequalityOutcome(kjj, 8 * sumH * ar, tolI, 8 * sumH, { j, zNorm2: c });
      if (ar > 0) maxRatio = Math.max(maxRatio, kjj / (8 * sumH * ar));
    }
    const out = allOf(parts, { maxRatioKjjToBound: maxRatio }, 'relative');
    // the claim's tightness is that of (33); the steps keep theirs in parts
    return maxRatio > 0 ? { ...out, tightness: maxRatio } : (delete out.tightness, out);
  }
}

type AlgebraParams = Pi0Params;

/** The chain printed at the end of A.2 for one sample: returns its quantities. */
function algebraQuantities(pt: Pi0Point, j: number) {
  const y = pt.labels[j], r = pt.r[j];
  const a = norm2(pt.u[j]), b = norm2(pt.w[j]);
  return { y, r, a, b, s: a + b };
}

export const theorem32Pi0Algebra: Claim<AlgebraParams> = {
  id: 'theorem-3.2/pi0-algebra',
  title: 'Pi_0 extension: 1 - (y_j - r_j)^2 = (1 - y_j)^2 + 2 y_j r_j - r_j^2 as printed',
  ref: { label: 'Theorem 3.2 (Pi_0 extension, end of A.2)', section: 'A.2', equations: [] },
  statement: '1 - (y_j - r_j)^2 = (1 - y_j)^2 + 2 y_j r_j - r_j^2 (the fourth line of the chain bounding ||u_j||^2 ||w_j||^2), for y_j in {+-1} and r_j of the instance.',
  hypotheses: [...pi0Hyp],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'fails-as-printed',
  correctedBy: 'theorem-3.2/pi0-algebra-corrected',
  uses: [],
  toleranceRule: 'TOLERANCES.identity(4, 1, 2) (a few floating-point operations on numbers of size <= 4)',
  runs: { quick: 5, default: 10, full: 100 },
  arbitrary: pi0Arb,
  check: (params) => {
    const pt = pi0Point(params);
    let res = 0;
    for (let j = 0; j < pt.r.length; j++) {
      const { y, r } = algebraQuantities(pt, j);
      res = Math.max(res, Math.abs(1 - (y - r) ** 2 - ((1 - y) ** 2 + 2 * y * r - r * r)));
    }
    return identityOutcome(res, TOLERANCES.identity(4, 1, 2));
  },
};

export const theorem32Pi0AlgebraCorrected: Claim<AlgebraParams> = {
  id: 'theorem-3.2/pi0-algebra-corrected',
  title: 'Pi_0 extension: the corrected chain ||u_j||^2 ||w_j||^2 <= |r_j|/2',
  ref: { label: 'Theorem 3.2 (Pi_0 extension, end of A.2)', section: 'A.2', equations: [] },
  statement:
    '||u_j||^2 ||w_j||^2 = ((s_j - y_j + r_j)/2)((s_j + y_j - r_j)/2) = (s_j^2 - (y_j - r_j)^2)/4 <= (1 - (y_j - r_j)^2)/4 ' +
    '= ((1 - y_j^2) + 2 y_j r_j - r_j^2)/4 = y_j r_j/2 - r_j^2/4 <= y_j r_j/2 = |r_j|/2, s_j = ||u_j||^2 + ||w_j||^2 <= 1. ' +
    'Every step checked (identities and inequalities, in units of 1).',
  hypotheses: [...pi0Hyp],
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  corrects: 'theorem-3.2/pi0-algebra',
  why:
    '(y - r)^2 = y^2 - 2yr + r^2, so 1 - (y - r)^2 = (1 - y^2) + 2yr - r^2; the printed (1 - y)^2 agrees only for y = +1 (both 0) and is 4 for y = -1. ' +
    'With y^2 = 1 the next printed line y r/2 - r^2/4 follows from the corrected form, so the chain and its conclusion ||u||^2 ||w||^2 <= |r|/2 stand.',
  uses: [],
  toleranceRule: 'identities: TOLERANCES.identity(4, d, 2p + 6) (projection norms and predictions through the products); inequalities: the same amount of slack',
  runs: { quick: 15, default: 60, full: 600 },
  arbitrary: pi0Arb,
  check: (params) => {
    const pt = pi0Point(params);
    const tol = TOLERANCES.identity(4, pt.d, depth(pt));
    const parts: Record<string, CheckOutcome> = {};
    for (let j = 0; j < pt.r.length; j++) {
      const { y, r, a, b, s } = algebraQuantities(pt, j);
      const l1 = a * b;
      const l2 = ((s - y + r) / 2) * ((s + y - r) / 2);
      const l3 = (s * s - (y - r) ** 2) / 4;
      const l4 = (1 - (y - r) ** 2) / 4;
      const l5 = (1 - y * y + 2 * y * r - r * r) / 4; // corrected line
      const l6 = (y * r) / 2 - (r * r) / 4;
      const l7 = (y * r) / 2;
      parts[`j=${j} equalities`] = identityOutcome(Math.max(Math.abs(l1 - l2), Math.abs(l2 - l3), Math.abs(l4 - l5), Math.abs(l5 - l6), Math.abs(l7 - Math.abs(r) / 2)), tol);
      parts[`j=${j} s <= 1`] = inequalityOutcome(s, 1, tol);
      parts[`j=${j} (s^2 - (y - r)^2)/4 <= (1 - (y - r)^2)/4`] = inequalityOutcome(l3, l4, tol);
      parts[`j=${j} y r/2 - r^2/4 <= y r/2`] = inequalityOutcome(l6, l7, tol);
    }
    return allOf(parts);
  },
};
