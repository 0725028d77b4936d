/** Runs the exact-arithmetic claims (theorems/groups/exact.ts) at the CI budget. */
import { runClaimsSpec } from '../claims/run-claims.ts';
import { exactClaims } from '../../theorems/groups/exact.ts';

runClaimsSpec('exact', exactClaims);
