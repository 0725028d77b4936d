/**
 * The claim registry: every claim of the paper, in paper order. vitest (test/claims), the CLI
 * (`qnn-verify verify`) and the report all read this one list. Each group file lists the
 * modules of one part of the paper.
 */
import type { AnyClaim } from '../src/claims/types.ts';
import { appendixCDClaims } from './groups/appendix-c-d.ts';
import { exactClaims } from './groups/exact.ts';
import { figureClaims } from './groups/figures.ts';
import { sectionFourClaims } from './groups/section-4-b.ts';
import { sectionTwoThreeClaims } from './groups/section-2-3.ts';

export const claims: AnyClaim[] = [...sectionTwoThreeClaims, ...sectionFourClaims, ...appendixCDClaims, ...figureClaims, ...exactClaims];

export function claimById(id: string): AnyClaim | undefined {
  return claims.find((c) => c.id === id);
}
