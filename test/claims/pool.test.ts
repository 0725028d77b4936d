/**
 * Covers src/claims/pool.ts: claims on worker threads give the same results as a sequential run (timings aside),
 * in the order of the input; the start order follows the cost hint; a previous report gives the hint.
 */
import { describe, expect, it } from 'vitest';
import { costHintFromReport, runClaimsParallel, startOrder } from '../../src/claims/pool.ts';
import type { ClaimResult } from '../../src/claims/types.ts';
import { claimById } from '../../theorems/index.ts';

const strip = (rs: ClaimResult[]) => rs.map((r) => ({ ...r, timeMs: 0 }));

describe('runClaimsParallel', () => {
  it('2 workers = sequential, same order, same numbers (search included)', async () => {
    const claims = ['lemma-c.1', 'theorem-3.2/eq-32', 'section-3/kernel-linear-rate'].map((id) => claimById(id)!);
    const opts = { seed: 5, budget: 'quick' as const };
    const seen: string[] = [];
    const par = await runClaimsParallel(claims, opts, { jobs: 2, costHint: { 'section-3/kernel-linear-rate': 10 }, onResult: (r) => seen.push(r.id) });
    const seq = await runClaimsParallel(claims, opts, { jobs: 1 });
    expect(par.map((r) => r.id)).toEqual(['lemma-c.1', 'theorem-3.2/eq-32', 'section-3/kernel-linear-rate']);
    expect(strip(par)).toEqual(strip(seq));
    expect(par[0].tightness?.evaluations).toBeGreaterThan(0);
    expect(seen.sort()).toEqual(par.map((r) => r.id).sort());
  });

  it('starts the most expensive claims first (registry order among equals)', () => {
    const claims = ['lemma-c.1', 'theorem-3.2', 'definition-2.1'].map((id) => claimById(id)!);
    expect(startOrder(claims, { 'theorem-3.2': 8000, 'definition-2.1': 500 })).toEqual([1, 2, 0]);
    expect(startOrder(claims)).toEqual([0, 1, 2]);
  });

  it('reads the cost hint from a previous report, and nothing from a missing or broken one', () => {
    expect(costHintFromReport(JSON.stringify({ results: [{ id: 'a', timeMs: 3 }, { id: 'b' }] }))).toEqual({ a: 3 });
    expect(costHintFromReport(undefined)).toEqual({});
    expect(costHintFromReport('{')).toEqual({});
  });
});
