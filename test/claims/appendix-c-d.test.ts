/** Runs the claims of theorems/groups/appendix-c-d.ts (one spec file per group so groups run in parallel). */
import { appendixCDClaims } from '../../theorems/groups/appendix-c-d.ts';
import { runClaimsSpec } from './run-claims.ts';

runClaimsSpec('appendix-c-d', appendixCDClaims);
