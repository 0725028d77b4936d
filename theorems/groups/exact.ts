/**
 * Exact-arithmetic claims (theorems/exact/): algebraic identities of the paper evaluated in the Gaussian rationals
 * Q(i) at random points, with the Schwartz-Zippel bound on a false pass reported in each claim's details
 * (exactInstances, degreeBound, setSize, log10FalsePassProbability). Printed formulas that are false fail exactly.
 */
import type { AnyClaim } from '../../src/claims/types.ts';
import { exactLemma41Claims } from '../exact/lemma-4.1.ts';
import { exactLemmaC2Claims } from '../exact/lemma-c.2.ts';
import { exactTheorem44Claims } from '../exact/theorem-4.4.ts';
import { exactUnitarityClaims } from '../exact/unitarity-theorem-3.2.ts';

export const exactClaims: AnyClaim[] = [
  // Section 3 and Theorem 3.2 (appendix A.2).
  ...exactUnitarityClaims,
  // Lemma 4.1 / B.1.
  ...exactLemma41Claims,
  // Lemma C.2 (appendix C.1): printed eq. (101) and its correction (110), the Hadamard form.
  ...exactLemmaC2Claims,
  // Theorem 4.4 (appendix C.2): diagonal, printed and corrected (113), R (116).
  ...exactTheorem44Claims,
];
