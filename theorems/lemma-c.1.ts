/**
 * Lemma C.1 (appendix C.1, eq. 99): ||A o B||_op <= ||A||_op ||B||_op for Hermitian A, B.
 */
import fc from 'fast-check';
import type { Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import { hadamard, transpose } from '../src/linalg/cmatrix.ts';
import { opNormHermitian } from '../src/linalg/norms.ts';
import { makeRng } from '../src/random/rng.ts';
import { hermitianPairSpace } from './search-spaces.ts';
import type { CMat } from '../src/linalg/cmatrix.ts';
import { randomHermitianWithSpectrum, randomTracelessHermitian } from '../src/random/ensembles.ts';

type Kind = 'traceless' | 'pm1' | 'tight';
interface Params extends InstanceParams { d: number; kind: Kind }

const pm1 = (d: number, alternate: boolean) => Array.from({ length: d }, (_, i) => (alternate ? (i % 2 ? -1 : 1) : i < d / 2 ? 1 : -1));

export const lemmaC1: Claim<Params> = {
  id: 'lemma-c.1',
  title: 'Operator norm of a Hadamard product',
  ref: { label: 'Lemma C.1', section: 'C.1', equations: ['99', '100'] },
  statement: '||A o B||_op <= ||A||_op ||B||_op for d x d Hermitians A, B (o: entry-wise product).',
  hypotheses: ['A, B Hermitian'],
  kind: 'inequality',
  strength: 'substantive',
  strengthReason: 'a bound of the paper evaluated on built instances; a false bound fails it',
  expectation: 'holds',
  uses: [],
  toleranceRule: 'rounding of the two eigen-decompositions: 64 EPS d ||A|| ||B||',
  runs: { quick: 20, default: 100, full: 1000 },
  arbitrary: () =>
    fc.record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      d: fc.integer({ min: 2, max: 12 }),
      kind: fc.constantFrom<Kind>('traceless', 'pm1', 'tight'),
    }),
  tightnessRule: '||A o B||_op / (||A||_op ||B||_op) (1 = equality)',
  search: hermitianPairSpace<Params>(
    pairOf,
    hadamardBound,
    'A and B: any two Hermitian d x d matrices (2 d^2 reals); the ratio is scale-invariant in A and B, so no normalisation is needed. ' +
      'The bound is attained (A^2 = I, B = A^T: A o B = (|A_ij|^2) is doubly stochastic) and also at diagonal A, B, so the supremum is 1.',
    { value: 1, where: 'A^2 = I, B = A^T (eq. 100 with equality); also A, B diagonal' },
  ),
  check: (params) => {
    const { a, b } = pairOf(params);
    return hadamardBound(a, b, params.d);
  },
};

/** The pair (A, B) of a random run. */
function pairOf({ seed, d, kind }: Params): { a: CMat; b: CMat } {
  const rng = makeRng(seed);
  let a: CMat, b: CMat;
  if (kind === 'traceless') {
    a = randomTracelessHermitian(rng, d);
    b = randomTracelessHermitian(rng, d);
  } else if (kind === 'pm1') {
    a = randomHermitianWithSpectrum(rng, pm1(d, true));
    b = randomHermitianWithSpectrum(rng, pm1(d, false));
  } else {
    // Equality case: A^2 = I and B = A^T (Hermitian), so A o B has entries |A_ij|^2, a doubly
    // stochastic matrix (row sums (A^2)_ii = 1) of norm 1 = ||A|| ||B||.
    a = randomHermitianWithSpectrum(rng, pm1(d, true));
    b = transpose(a);
  }
  return { a, b };
}

/** Eq. (99) on one pair: slack rhs - lhs + tol, tightness lhs / rhs. */
function hadamardBound(a: CMat, b: CMat, d: number) {
  const lhs = opNormHermitian(hadamard(a, b));
  const rhs = opNormHermitian(a) * opNormHermitian(b);
  const tol = TOLERANCES.inequality(rhs, d);
  const out = { ok: lhs <= rhs + tol, slack: rhs - lhs + tol, tolerance: tol, details: { ratio: rhs > 0 ? lhs / rhs : 0 } };
  return rhs > 0 ? { ...out, tightness: lhs / rhs } : out;
}
