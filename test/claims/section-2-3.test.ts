/** Runs the claims of theorems/groups/section-2-3.ts (one spec file per group so groups run in parallel). */
import { sectionTwoThreeClaims } from '../../theorems/groups/section-2-3.ts';
import { runClaimsSpec } from './run-claims.ts';

runClaimsSpec('section-2-3', sectionTwoThreeClaims);
