/**
 * Proof of Lemma C.1 (appendix C.1, eq. 100): A o B is the principal submatrix of A (x) B on the indices (a, a), so by the
 * Poincare separation theorem its eigenvalues lie between the extreme eigenvalues of A (x) B.
 */
import fc from 'fast-check';
import { hermitianPairSpace } from './search-spaces.ts';
import type { CheckOutcome, Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import { CMat, hadamard, kron, zeros } from '../src/linalg/cmatrix.ts';
import { eigvalsh } from '../src/linalg/eigh.ts';
import { opNormHermitian } from '../src/linalg/norms.ts';
import { gue, randomHermitianWithSpectrum } from '../src/random/ensembles.ts';
import { makeRng } from '../src/random/rng.ts';
import { allOf, identityOutcome, inequalityOutcome, seedArb } from './section-4-b-common.ts';

type Kind = 'gue' | 'psd' | 'pm1';
interface Params extends InstanceParams { d: number; kind: Kind }

/** The principal submatrix of X (d^2 x d^2) on the rows and columns a d + a, a = 0..d-1. */
function diagonalBlock(x: CMat, d: number): CMat {
  const s = zeros(d, d);
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) {
    const e = (a * d + a) * d * d + (b * d + b);
    s.re[a * d + b] = x.re[e];
    s.im[a * d + b] = x.im[e];
  }
  return s;
}

export const lemmaC1Eq100: Claim<Params> = {
  id: 'lemma-c.1/eq-100',
  title: 'Poincare separation (100): lambda_1(A (x) B) <= lambda_i(A o B) <= lambda_{d^2}(A (x) B)',
  ref: { label: 'Lemma C.1 (proof)', section: 'C.1', equations: ['100'] },
  statement:
    'For d x d Hermitians A, B: A o B equals the principal submatrix of A (x) B on the indices (a, a), and every eigenvalue of A o B lies in ' +
    '[lambda_min(A (x) B), lambda_max(A (x) B)] (eq. 100), whose endpoints are products lambda_i(A) lambda_j(B).',
  hypotheses: ['A, B Hermitian'],
  kind: 'inequality',
  strength: 'substantive',
  strengthReason: 'a bound of the paper evaluated on built instances; a false bound fails it',
  expectation: 'holds',
  uses: [],
  toleranceRule: 'TOLERANCES.spectral(||A||_op ||B||_op, d^2) on each eigenvalue comparison (eigendecompositions of d x d and d^2 x d^2 matrices); the submatrix identity is exact up to TOLERANCES.identity(||A|| ||B||, 1)',
  runs: { quick: 10, default: 40, full: 400 },
  arbitrary: () => fc.record({ seed: seedArb(), d: fc.integer({ min: 2, max: 6 }), kind: fc.constantFrom<Kind>('gue', 'psd', 'pm1') }),
  tightnessRule: 'max over the eigenvalues v of A o B of 1 + (lo - v)/(hi - lo) and 1 + (v - hi)/(hi - lo), [lo, hi] the spectral range of A (x) B ' +
    '(1 = an eigenvalue at an end of the range)',
  search: hermitianPairSpace<Params>(
    pairOf,
    separation,
    'any two Hermitian d x d matrices (2 d^2 reals); the ends are attained (A^2 = I, B = A^T gives the eigenvalue 1 = lambda_max(A (x) B); diagonal A, B with the extreme product on the diagonal), supremum 1.',
    { value: 1, where: 'A^2 = I, B = A^T; or A, B diagonal' },
  ),
  check: (params) => {
    const { a, b } = pairOf(params);
    return separation(a, b, params.d);
  },
};

/** The pair (A, B) of a random run. */
function pairOf({ seed, d, kind }: Params): { a: CMat; b: CMat } {
  {
    const rng = makeRng(seed);
    const build = (): CMat => {
      if (kind === 'gue') return gue(rng, d);
      if (kind === 'psd') return randomHermitianWithSpectrum(rng, Array.from({ length: d }, () => rng.uniform()));
      return randomHermitianWithSpectrum(rng, Array.from({ length: d }, (_, i) => (i % 2 ? -1 : 1)));
    };
    const a = build(), b = build();
    return { a, b };
  }
}

/** Eq. (100) on one pair: the submatrix identity and the separation of every eigenvalue (tightness on the scale hi - lo). */
function separation(a: CMat, b: CMat, d: number) {
  {
    const had = hadamard(a, b), kr = kron(a, b);
    const sc = opNormHermitian(a) * opNormHermitian(b);
    const parts: Record<string, CheckOutcome> = {};
    parts['A o B is a principal submatrix of A (x) B'] = identityOutcome(Math.max(...Array.from(diagonalBlock(kr, d).re, (v, e) => Math.abs(v - had.re[e])), ...Array.from(diagonalBlock(kr, d).im, (v, e) => Math.abs(v - had.im[e]))), TOLERANCES.identity(sc, 1));
    const lk = eigvalsh(kr), lh = eigvalsh(had);
    const lo = lk[0], hi = lk[lk.length - 1];
    const tol = TOLERANCES.spectral(sc, d * d);
    const width = hi - lo > 0 ? hi - lo : undefined;
    lh.forEach((v, i) => {
      parts[`lambda_1(A (x) B) <= lambda_${i + 1}(A o B)`] = inequalityOutcome(lo, v, tol, 1, undefined, { scale: width });
      parts[`lambda_${i + 1}(A o B) <= lambda_max(A (x) B)`] = inequalityOutcome(v, hi, tol, 1, undefined, { scale: width });
    });
    return allOf(parts, { gapLow: lh[0] - lo, gapHigh: hi - lh[lh.length - 1] }, 'relative');
  }
}
