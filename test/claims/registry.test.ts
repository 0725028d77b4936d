/** Consistency of the claim registry (theorems/index.ts): ids, corrections, dependencies. */
import { describe, expect, it } from 'vitest';
import { claims } from '../../theorems/index.ts';

describe('claim registry', () => {
  it('has unique ids in the paper\'s naming scheme', () => {
    const ids = claims.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(definition|lemma|theorem|corollary|section|figure|appendix)-[a-z0-9.]+(\/[a-z0-9.-]+)?$/);
  });
  it('every printed formula that fails has a corrected sibling, and every correction says why', () => {
    const byId = new Map(claims.map((c) => [c.id, c]));
    for (const c of claims) {
      if (c.expectation === 'fails-as-printed') {
        expect(c.correctedBy, `${c.id}.correctedBy`).toBeDefined();
        expect(byId.get(c.correctedBy!)?.expectation, `${c.id} -> ${c.correctedBy}`).toBe('holds');
      }
      if (c.corrects) {
        expect(byId.has(c.corrects), `${c.id}.corrects`).toBe(true);
        expect(c.why?.length ?? 0, `${c.id}.why`).toBeGreaterThan(20);
      }
      for (const u of c.uses ?? []) expect(byId.has(u) || /^(definition|lemma|theorem|corollary)-/.test(u), `${c.id} uses ${u}`).toBe(true);
    }
  });
  it('every inequality and statistical claim defines its tightness, and has a search space or says why it has none', () => {
    for (const c of claims.filter((x) => x.kind === 'inequality' || x.kind === 'statistical')) {
      expect(c.tightnessRule?.length ?? 0, `${c.id}.tightnessRule`).toBeGreaterThan(20);
      if (c.search) {
        expect(c.noSearch, `${c.id} has a search space and a reason for none`).toBeUndefined();
        expect(c.search.note.length, `${c.id}.search.note`).toBeGreaterThan(20);
      } else if (c.expectation === 'holds') {
        // a claim expected to fail (as printed, or not reproduced) is refuted by its random runs: nothing to search for
        expect(c.noSearch?.length ?? 0, `${c.id}.noSearch (no search space)`).toBeGreaterThan(40);
      }
    }
  });
  it('every claim has a budget that grows quick <= default <= full and at least 5 default runs', () => {
    for (const c of claims) {
      expect(c.runs.quick).toBeLessThanOrEqual(c.runs.default);
      expect(c.runs.default).toBeLessThanOrEqual(c.runs.full);
      expect(c.runs.default, c.id).toBeGreaterThanOrEqual(5);
    }
  });
  it('every claim says whether it is substantive or a consistency check of the simulator, with a one-line reason', () => {
    for (const c of claims) {
      expect(['substantive', 'consistency'], `${c.id}.strength`).toContain(c.strength);
      expect(c.strengthReason.length, `${c.id}.strengthReason`).toBeGreaterThan(20);
      expect(c.strengthReason, `${c.id}.strengthReason is one line`).not.toMatch(/\n/);
    }
    // the consistency checks named by the issue that introduced the split stay marked as such
    for (const id of ['section-3/spectrum-preserved', 'lemma-3.1/psd', 'lemma-4.1', 'section-3/trace-powers-derivative', 'section-3/kernel-linear-rate']) {
      expect(claims.find((c) => c.id === id)?.strength, id).toBe('consistency');
    }
  });
  it('every claim expected not to reproduce says which protocol detail would settle it', () => {
    for (const c of claims.filter((x) => x.expectation === 'not-reproduced')) {
      expect(c.protocolGap?.length ?? 0, `${c.id}.protocolGap`).toBeGreaterThan(40);
      expect(c.kind, c.id).toBe('statistical');
    }
  });
});
