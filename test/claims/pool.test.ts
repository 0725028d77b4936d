/**
 * Covers src/claims/pool.ts: claims on worker threads give the same results as a sequential run (timings aside),
 * in the order of the input; the start order follows the cost hint; a previous report gives the hint.
 */
import { describe, expect, it } from 'vitest';
import { costHintFromReport, runClaimsParallel, startOrder, startUnits } from '../../src/claims/pool.ts';
import type { ClaimResult } from '../../src/claims/types.ts';
import { claimById, claims as registry } from '../../theorems/index.ts';

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

  it('keeps a sharedSamples group on one unit, in registry order, costed as its sum', () => {
    const claims = ['lemma-b.2', 'lemma-c.1', 'lemma-b.2/hoeffding-corrected', 'theorem-3.2', 'lemma-b.2/eq-71'].map((id) => claimById(id)!);
    expect(startUnits(claims)).toEqual([[0, 2, 4], [1], [3]]);
    expect(startUnits(claims, { 'theorem-3.2': 10, 'lemma-b.2/eq-71': 6, 'lemma-b.2': 5 })).toEqual([[0, 2, 4], [3], [1]]);
    expect(startUnits(claims, { 'theorem-3.2': 12, 'lemma-b.2/eq-71': 6, 'lemma-b.2': 5 })).toEqual([[3], [0, 2, 4], [1]]);
    expect(startOrder(claims)).toEqual([0, 2, 4, 1, 3]);
  });

  it('every sharedSamples group of the registry has at least two claims', () => {
    const count = new Map<string, number>();
    for (const c of registry) if (c.sharedSamples) count.set(c.sharedSamples, (count.get(c.sharedSamples) ?? 0) + 1);
    expect(count.size).toBeGreaterThan(0);
    for (const [g, n] of count) expect(n, g).toBeGreaterThanOrEqual(2);
  });

  it('a group on 2 workers gives the sequential results', async () => {
    const claims = ['lemma-b.2', 'lemma-c.1', 'lemma-b.2/eq-71'].map((id) => claimById(id)!);
    const opts = { seed: 7, budget: 'quick' as const, runs: 1, search: false };
    const par = await runClaimsParallel(claims, opts, { jobs: 2 });
    const seq = await runClaimsParallel(claims, opts, { jobs: 1 });
    expect(par.map((r) => r.id)).toEqual(['lemma-b.2', 'lemma-c.1', 'lemma-b.2/eq-71']);
    expect(strip(par)).toEqual(strip(seq));
  });

  it('reads the cost hint from a previous report, and nothing from a missing or broken one', () => {
    expect(costHintFromReport(JSON.stringify({ results: [{ id: 'a', timeMs: 3 }, { id: 'b' }] }))).toEqual({ a: 3 });
    expect(costHintFromReport(undefined)).toEqual({});
    expect(costHintFromReport('{')).toEqual({});
  });
});
