/**
 * The coverage map and the errata table as report data (schema in report/SCHEMA.md): each coverage item with its
 * status and its claims' verdicts in this run, each erratum with its claims' verdicts. Built from theorems/coverage.ts
 * and theorems/errata.ts; a claim not run in this report (a shard) has verdict null.
 */
import type { ClaimResult, Verdict } from '../claims/types.ts';
import { type CoverageCounts, coverageCounts, type CoverageItem, coverageStatus, type CoverageStatus } from '../../theorems/coverage.ts';
import type { Erratum, ErratumClass } from '../../theorems/errata.ts';

export interface CoverageClaimRef { id: string; relation: 'direct' | 'implicit'; verdict: Verdict | null }

export interface CoverageRow {
  key: string;
  kind: CoverageItem['kind'];
  label: string;
  section: string;
  says: string;
  status: CoverageStatus;
  /** For not-checkable / not-checked items: why. */
  reason?: string;
  note?: string;
  claims: CoverageClaimRef[];
  pending?: CoverageItem['pending'];
}

export interface CoverageReport { counts: CoverageCounts; rows: CoverageRow[] }

export interface ErrataRow extends Erratum { verdicts: Record<string, Verdict | null> }

export interface ErrataReport { counts: Record<ErratumClass, number> & { total: number }; rows: ErrataRow[] }

export function buildCoverage(items: readonly CoverageItem[], registry: ReadonlySet<string>, results: readonly ClaimResult[]): CoverageReport {
  const verdict = new Map(results.map((r) => [r.id, r.verdict]));
  const has = (id: string) => registry.has(id);
  const rows = items.map((it): CoverageRow => {
    const status = coverageStatus(it, has);
    const claims: CoverageClaimRef[] = [
      ...(it.direct ?? []).filter(has).map((id) => ({ id, relation: 'direct' as const, verdict: verdict.get(id) ?? null })),
      ...(it.implicit ?? []).filter(has).map((id) => ({ id, relation: 'implicit' as const, verdict: verdict.get(id) ?? null })),
    ];
    const reason = status === 'not-checkable' ? it.notCheckable : status === 'not-checked' ? it.notChecked : undefined;
    return {
      key: it.key, kind: it.kind, label: it.label, section: it.section, says: it.says, status, claims,
      ...(reason ? { reason } : {}), ...(it.note ? { note: it.note } : {}), ...(it.pending ? { pending: it.pending } : {}),
    };
  });
  return { counts: coverageCounts(items, has), rows };
}

export function buildErrata(errata: readonly Erratum[], results: readonly ClaimResult[]): ErrataReport {
  const verdict = new Map(results.map((r) => [r.id, r.verdict]));
  const counts = { typo: 0, 'false statement': 0, 'proof gap': 0, 'not reproduced': 0, total: errata.length };
  const rows = errata.map((e) => {
    counts[e.class]++;
    return { ...e, verdicts: Object.fromEntries(e.claims.map((id) => [id, verdict.get(id) ?? null])) };
  });
  return { counts, rows };
}
