/** Runs the claims of theorems/groups/figures.ts (the text's statements about figures 1, 2 and 4). */
import { figureClaims } from '../../theorems/groups/figures.ts';
import { runClaimsSpec } from './run-claims.ts';

runClaimsSpec('figures', figureClaims);
