/**
 * Section 4, the paragraph before Theorem 4.4 (the uniform measure over global minima):
 * "At the global minima, we have u_j = (1/2)(1 +- 1/gamma) uhat_j for some unit vector uhat_j".
 * The proof of Theorem 4.4 (appendix C.2) instead derives u_j^dag u_j = (1/2)(1 +- 1/gamma),
 * i.e. u_j = sqrt((1 +- 1/gamma)/2) uhat_j.
 *
 * Global minima come from two independent constructions: the uniform-measure builder of
 * ./theorem-4.4.ts, and "angle" minima v_j = cos(phi_j) a_j + sin(phi_j) b_j with orthonormal
 * a_j (positive subspace), b_j (negative subspace) and phi_j = acos(y_j/gamma)/2. Each instance
 * is first checked to be a global minimum (orthonormal states, yhat_j = y_j); then the norm of
 * u_j = Pi+ v_j is measured from the states and the eigenbasis of M.
 */
import fc from 'fast-check';
import { QnnInputError } from '../src/errors.ts';
import type { Claim } from '../src/claims/types.ts';
import { type CMat, gramRows, identity, maxAbsDiff, zeros } from '../src/linalg/cmatrix.ts';
import { predictionsOf } from '../src/model/qnn.ts';
import { balancedLabels, orthonormalStates } from '../src/random/ensembles.ts';
import { makeRng } from '../src/random/rng.ts';
import { gramPN, pauliLikeMeasurement, type PauliLike } from './lemma-c.2.ts';
import { buildGlobalMinimum, type MinimumParams, minimumArbitrary, minimumTol, pauliLikeOf } from './theorem-4.4.ts';

interface Params extends MinimumParams { construction: 'uniform' | 'angles' }

/** rows sum_k coords_jk b_k (b_k the columns of B). */
function embed(coords: CMat, b: CMat): CMat {
  const m = coords.rows, k = coords.cols, d = b.rows;
  const out = zeros(m, d);
  for (let j = 0; j < m; j++) {
    for (let c = 0; c < k; c++) {
      const xr = coords.re[j * k + c], xi = coords.im[j * k + c];
      for (let a = 0; a < d; a++) {
        const br = b.re[a * k + c], bi = b.im[a * k + c];
        out.re[j * d + a] += xr * br - xi * bi;
        out.im[j * d + a] += xr * bi + xi * br;
      }
    }
  }
  return out;
}

/** A global minimum with G = I: v_j = cos(phi_j) a_j + sin(phi_j) b_j, gamma cos(2 phi_j) = y_j. */
function angleMinimum(p: MinimumParams): { ms: PauliLike; states: CMat; labels: Float64Array } {
  const rng = makeRng(p.seed);
  const ms = pauliLikeMeasurement(rng, p.d, p.gamma);
  const labels = balancedLabels(rng, p.m);
  const a = embed(orthonormalStates(rng, p.m, p.d / 2), ms.bPlus), b = embed(orthonormalStates(rng, p.m, p.d / 2), ms.bMinus);
  const states = zeros(p.m, p.d);
  for (let j = 0; j < p.m; j++) {
    const phi = Math.acos(labels[j] / p.gamma) / 2;
    for (let c = 0; c < p.d; c++) {
      const k = j * p.d + c;
      states.re[k] = Math.cos(phi) * a.re[k] + Math.sin(phi) * b.re[k];
      states.im[k] = Math.cos(phi) * a.im[k] + Math.sin(phi) * b.im[k];
    }
  }
  return { ms, states, labels };
}

/** Builds the minimum, checks it is one (else throws: never counted as a pass), returns ||u_j||^2, ||w_j||^2. */
function normsAtMinimum(p: Params) {
  let ms: PauliLike, states: CMat, labels: Float64Array;
  if (p.construction === 'uniform') {
    const gm = buildGlobalMinimum(makeRng(p.seed), p);
    ({ states, labels } = gm);
    ms = pauliLikeOf(gm);
  } else ({ ms, states, labels } = angleMinimum(p));
  const yhat = predictionsOf(ms.M, states);
  let err = maxAbsDiff(gramRows(states), identity(p.m));
  for (let j = 0; j < p.m; j++) err = Math.max(err, Math.abs(yhat[j] - labels[j]) / p.gamma);
  if (!(err <= minimumTol(1, p.d))) throw new QnnInputError('section-4', 'instance', `is not a global minimum (error ${err})`);
  const { P, N } = gramPN(ms, states);
  const m = p.m;
  return { labels, u2: Array.from({ length: m }, (_, j) => P.re[j * m + j]), w2: Array.from({ length: m }, (_, j) => N.re[j * m + j]) };
}

const arbitrary = () => fc.tuple(minimumArbitrary(), fc.constantFrom<'uniform' | 'angles'>('uniform', 'angles')).map(([p, construction]) => ({ ...p, construction }));
const tolRule = 'states built through an m x m eigendecomposition (or cos/sin of acos) and projected with O(d)-term sums: 256 EPS d';
const ref = { label: 'Section 4 (before Theorem 4.4)', section: '4', equations: [] };
const hyps = ['orthonormal pure states, balanced labels', 'gamma > 1', 'a global minimum (L = 0)'];

export const section4UNorm: Claim<Params> = {
  id: 'section-4/u-norm',
  title: 'Positive-subspace component at global minima, as printed before Theorem 4.4',
  ref,
  statement: 'At the global minima, u_j = (1/2)(1 +- 1/gamma) uhat_j for a unit vector uhat_j, i.e. ||Pi+ v_j|| = (1 + y_j/gamma)/2 for the sample with label y_j = +-1.',
  hypotheses: hyps,
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'fails-as-printed',
  correctedBy: 'section-4/u-norm-corrected',
  uses: [],
  toleranceRule: tolRule,
  runs: { quick: 5, default: 20, full: 200 },
  arbitrary,
  check: (p) => {
    const { labels, u2 } = normsAtMinimum(p);
    let residual = 0;
    for (let j = 0; j < p.m; j++) residual = Math.max(residual, Math.abs(Math.sqrt(u2[j]) - (1 + labels[j] / p.gamma) / 2));
    const tol = minimumTol(1, p.d);
    return { ok: residual <= tol, slack: tol - residual, residual, tolerance: tol };
  },
};

export const section4UNormCorrected: Claim<Params> = {
  id: 'section-4/u-norm-corrected',
  title: 'Positive- and negative-subspace components at global minima',
  ref: { ...ref, label: 'Section 4 (before Theorem 4.4) / proof of Theorem 4.4 (C.2)' },
  statement:
    'At every global minimum, u_j^dag u_j = (1/2)(1 +- 1/gamma) and w_j^dag w_j = (1/2)(1 -+ 1/gamma) for y_j = +-1, i.e. u_j = sqrt((1 +- 1/gamma)/2) uhat_j ' +
    '(proof of Theorem 4.4, which prints the second as "v_j^dag v_j = (1/2)(1 -+ 1/gamma)": v_j is a typo for w_j, since v_j^dag v_j = 1).',
  hypotheses: hyps,
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's formula is compared with an independent computation; a wrong factor, sign or index fails it",
  expectation: 'holds',
  corrects: 'section-4/u-norm',
  why:
    'At L = 0, yhat_j = gamma (u_j^dag u_j - w_j^dag w_j) = y_j and u_j^dag u_j + w_j^dag w_j = v_j^dag v_j = 1 (proof of Theorem 4.4, first paragraph) give ' +
    'u_j^dag u_j = (1 + y_j/gamma)/2: this is the squared norm, so u_j = sqrt((1 +- 1/gamma)/2) uhat_j, as the proof itself writes in its second paragraph; ' +
    'the text before the theorem drops the square root.',
  uses: [],
  toleranceRule: tolRule,
  runs: { quick: 5, default: 20, full: 200 },
  arbitrary,
  check: (p) => {
    const { labels, u2, w2 } = normsAtMinimum(p);
    let residual = 0;
    for (let j = 0; j < p.m; j++) {
      residual = Math.max(residual, Math.abs(u2[j] - (1 + labels[j] / p.gamma) / 2), Math.abs(w2[j] - (1 - labels[j] / p.gamma) / 2));
    }
    const tol = minimumTol(1, p.d);
    return { ok: residual <= tol, slack: tol - residual, residual, tolerance: tol };
  },
};

export const section4Claims = [section4UNorm, section4UNormCorrected];
