/** Runs the claims of theorems/groups/section-4-b.ts (one spec file per group so groups run in parallel). */
import { sectionFourClaims } from '../../theorems/groups/section-4-b.ts';
import { runClaimsSpec } from './run-claims.ts';

runClaimsSpec('section-4-b', sectionFourClaims);
