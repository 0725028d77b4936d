/** Claims that check the text's statements about the paper's experiments (figures 1, 2, 4; appendix D). */
import type { AnyClaim } from '../../src/claims/types.ts';

export const figureClaims: AnyClaim[] = [];
