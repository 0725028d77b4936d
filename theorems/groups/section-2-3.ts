/** Claims of sections 2-3 and appendix A (definition 2.1, lemma 3.1, section 3, theorem 3.2), in paper order. */
import type { AnyClaim } from '../../src/claims/types.ts';
import { definition21 } from '../definition-2.1.ts';
import { lemma31, lemma31Psd } from '../lemma-3.1.ts';
import { lemma31Eq13, lemma31Eq15, lemma31Eq15Corrected, lemma31Eq16, lemma31Eq17, lemma31Eq20 } from '../lemma-3.1-steps.ts';
import { lemma31Eq22, lemma31Eq23, lemma31KIdentification } from '../lemma-3.1-printed.ts';
import { section3FreeKernelAsPrinted, section3KernelRegression } from '../section-3.ts';
import { section3KernelLinearRate, section3KernelRegressionSpectrum } from '../section-3-kernel-flow.ts';
import { section3SpectrumPreserved, section3TracePowersDerivative } from '../section-3-unitarity.ts';
import { section3LabelsOutsideRange, section3PredictionRange } from '../section-3-range.ts';
import { theorem32, theorem32Eq39, theorem32Eq41, theorem32Pi0 } from '../theorem-3.2.ts';
import { theorem32Eq30, theorem32Eq30Commutator, theorem32Eq32, theorem32Eq33, theorem32NormsUW } from '../theorem-3.2-steps.ts';
import { theorem32Eq28, theorem32Eq29, theorem32Eq37 } from '../theorem-3.2-rate.ts';
import { theorem32Eq30Printed, theorem32LossPrinted } from '../theorem-3.2-printed.ts';
import {
  theorem32Pi0Algebra, theorem32Pi0AlgebraCorrected, theorem32Pi0Commutator, theorem32Pi0CommutatorCorrected, theorem32Pi0Eq30,
  theorem32Pi0Eq33,
} from '../theorem-3.2-pi0.ts';

export const sectionTwoThreeClaims: AnyClaim[] = [
  definition21, lemma31, lemma31Psd,
  section3FreeKernelAsPrinted, section3KernelRegression,
  section3SpectrumPreserved, section3TracePowersDerivative, section3KernelRegressionSpectrum,
  section3PredictionRange, section3LabelsOutsideRange, section3KernelLinearRate,
  theorem32, theorem32LossPrinted,
  lemma31Eq13, lemma31Eq15, lemma31Eq15Corrected, lemma31Eq16, lemma31Eq17, lemma31Eq20, lemma31Eq22, lemma31Eq23, lemma31KIdentification,
  theorem32Eq28, theorem32Eq29, theorem32Eq30Commutator, theorem32Eq30, theorem32Eq30Printed, theorem32NormsUW, theorem32Eq32, theorem32Eq33, theorem32Eq37,
  theorem32Eq39, theorem32Eq41,
  theorem32Pi0Commutator, theorem32Pi0CommutatorCorrected, theorem32Pi0Eq30, theorem32Pi0Algebra, theorem32Pi0AlgebraCorrected,
  theorem32Pi0Eq33, theorem32Pi0,
];
