/**
 * A report written before the coverage map and the errata table existed gets both from theorems/
 * (joined with the verdicts of its own results; a claim it did not run has none), so that its page
 * can be re-rendered with them. A report that carries them is returned unchanged.
 */
import { coverageItems } from '../../theorems/coverage.ts';
import { ERRATA } from '../../theorems/errata.ts';
import { claims } from '../../theorems/index.ts';
import { buildCoverage, buildErrata } from './coverage.ts';
import type { VerificationReport } from './report.ts';

export function withPaperTables(rep: VerificationReport): { rep: VerificationReport; added: string[] } {
  const added: string[] = [];
  let out = rep;
  if (!out.coverage) {
    out = { ...out, coverage: buildCoverage(coverageItems, new Set(claims.map((c) => c.id)), out.results) };
    added.push('coverage map');
  }
  if (!out.errata) {
    out = { ...out, errata: buildErrata(ERRATA, out.results) };
    added.push('errata table');
  }
  return { rep: out, added };
}
