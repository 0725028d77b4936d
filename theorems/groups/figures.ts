/** Claims that check the text's statements about the paper's experiments (figures 1-4; appendix D). */
import type { AnyClaim } from '../../src/claims/types.ts';
import { figure1LossFloor, figure1RateBand, figure1Sublinear } from '../figure-1.ts';
import { figure2Linear, figure2MinRate } from '../figure-2.ts';
import { figure3, figure3GammaSquared, figure3OneSampleLimit } from '../figure-3.ts';
import { figure4RatePersists, figure4Under1000 } from '../figure-4.ts';

export const figureClaims: AnyClaim[] = [
  figure1Sublinear, figure1RateBand, figure1LossFloor,
  figure2Linear, figure2MinRate,
  figure3, figure3GammaSquared, figure3OneSampleLimit,
  figure4Under1000, figure4RatePersists,
];
