/** Claims of section 4 and appendix B (lemma 4.1 / B.1, theorem 4.2, lemmas B.2-B.4), in paper order. */
import type { AnyClaim } from '../../src/claims/types.ts';
import { appendixDEq119, lemmaB1Eq51, lemmaB1Eq55, lemmaB1Eq55Sign, lemmaB1Eq7 } from '../lemma-b.1.ts';
import { lemmaB1HaarMean } from '../lemma-b.1-haar.ts';
import { lemmaB1StepClaims } from '../lemma-b.1-steps.ts';
import { lemmaB2, lemmaB2Eq70, lemmaB2Eq71, lemmaB2HoeffdingConstant, lemmaB2HoeffdingCorrected } from '../lemma-b.2.ts';
import { lemmaB2Eq69 } from '../lemma-b.2-eq69.ts';
import { lemmaB3, lemmaB3Corrected, lemmaB3Eq74, lemmaB3Eq74Corrected, lemmaB3Eq84 } from '../lemma-b.3.ts';
import { lemmaB3Eq81 } from '../lemma-b.3-steps.ts';
import { lemmaB4 } from '../lemma-b.4.ts';
import { lemmaB4ProofClaims } from '../lemma-b.4-proof.ts';
import { lemma41, lemma41Eq8 } from '../lemma-4.1.ts';
import { theorem42, theorem42Eq9, theorem42Gronwall } from '../theorem-4.2.ts';

export const sectionFourClaims: AnyClaim[] = [
  // Section 4: Lemma 4.1 (eqs. 6-8), Theorem 4.2 (eq. 9); appendix B.1 (proof of Lemma 4.1, eqs. 43-66).
  lemma41,
  lemma41Eq8,
  lemmaB1Eq7,
  lemmaB1HaarMean,
  lemmaB1Eq51,
  lemmaB1Eq55,
  lemmaB1Eq55Sign,
  ...lemmaB1StepClaims,
  // Theorem 4.2 and its proof (B.2, eq. 67), Lemmas B.2-B.4 (eqs. 68-98).
  theorem42,
  theorem42Gronwall,
  theorem42Eq9,
  lemmaB2,
  lemmaB2Eq70,
  lemmaB2Eq71,
  lemmaB2HoeffdingConstant,
  lemmaB2HoeffdingCorrected,
  lemmaB2Eq69,
  lemmaB3,
  lemmaB3Eq74,
  lemmaB3Eq74Corrected,
  lemmaB3Eq81,
  lemmaB3Eq84,
  lemmaB3Corrected,
  lemmaB4,
  ...lemmaB4ProofClaims,
  // Appendix D.1: the asymptotic dynamics as simulated (eq. 119) against eq. (10).
  appendixDEq119,
];
