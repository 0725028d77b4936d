/**
 * The coverage map (theorems/coverage.ts) against the paper's text and the claim registry: every equation number
 * (1)-(121) and every labelled statement printed in the paper is mapped, every claim id the map names exists, every
 * claim of the registry is mapped, every quoted sentence occurs in the paper, and at least 95% of the numerically
 * checkable items are checked directly. The paper is read from ../shared/paper/ beside the repository; if it is
 * absent the test fails (it never skips).
 */
import { describe, expect, it } from 'vitest';
import { claims } from '../../theorems/index.ts';
import { coverageCounts, coverageItems, coverageStatus } from '../../theorems/coverage.ts';
import { equationNumbers, paperText, statementLabels } from './coverage-paper.ts';

const norm = (s: string) => s.replace(/\s+/g, ' ');

describe('coverage map', () => {
  const text = paperText();
  const ids = new Set(claims.map((c) => c.id));

  it('finds the paper\'s 121 equation numbers and every one is mapped, in paper order', () => {
    const nums = equationNumbers(text);
    expect(nums.size, 'equation numbers found in the paper').toBe(121);
    const mapped = coverageItems.filter((i) => i.kind === 'equation').map((i) => Number(i.label.slice(1, -1)));
    for (const n of nums) expect(mapped, `equation (${n}) is missing from theorems/coverage-items.ts`).toContain(n);
    expect(new Set(mapped).size, 'an equation mapped twice').toBe(mapped.length);
    expect(mapped, 'equations are listed in increasing order').toEqual([...mapped].sort((a, b) => a - b));
  });

  it('maps every labelled statement the paper prints', () => {
    const labels = statementLabels(text);
    expect(labels.size, 'labelled statements found in the paper').toBeGreaterThanOrEqual(20);
    const mapped = new Set(coverageItems.flatMap((i) => i.paperLabels ?? []));
    for (const l of labels) expect(mapped.has(l), `${l} is missing from the coverage map`).toBe(true);
    for (const l of mapped) expect(labels.has(l), `${l} is mapped but not found in the paper`).toBe(true);
  });

  it('names only claims of the registry, and maps every claim of the registry', () => {
    const named = new Set<string>();
    for (const it of coverageItems) {
      for (const id of [...(it.direct ?? []), ...(it.implicit ?? [])]) {
        expect(ids.has(id), `${it.key} names ${id}, which is not in theorems/index.ts`).toBe(true);
        named.add(id);
      }
    }
    for (const id of ids) expect(named.has(id), `claim ${id} is in the registry but not in the coverage map`).toBe(true);
  });

  it('gives every item claims or a reason, unique keys, and quotes that occur in the paper', () => {
    const keys = coverageItems.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    const flat = norm(text);
    for (const it of coverageItems) {
      const claimed = (it.direct?.length ?? 0) + (it.implicit?.length ?? 0) > 0;
      expect(claimed || Boolean(it.notCheckable) || Boolean(it.notChecked), `${it.key}: no claim and no reason`).toBe(true);
      expect(!(it.notCheckable && claimed), `${it.key}: not checkable yet names claims`).toBe(true);
      if (it.kind === 'sentence') {
        expect(it.quote, `${it.key}.quote`).toBeTruthy();
        expect(flat.includes(norm(it.quote!)), `${it.key}: quote not found in the paper: ${it.quote}`).toBe(true);
      }
      for (const p of it.pending ?? []) expect(p.issue).toMatch(/^#\d+$/);
    }
  });

  it('checks at least 95% of the numerically checkable items directly', () => {
    const c = coverageCounts(coverageItems, (id) => ids.has(id));
    expect(c.items).toBe(coverageItems.length);
    expect(c.direct + c.implicit + c.notChecked + c.notCheckable).toBe(c.items);
    expect(c.directShare, JSON.stringify(c)).toBeGreaterThanOrEqual(0.95);
    const notDirect = coverageItems.filter((i) => ['implicit', 'not-checked'].includes(coverageStatus(i, (id) => ids.has(id)))).map((i) => i.key);
    expect(notDirect.length).toBe(c.implicit + c.notChecked);
  });

  it('extracts equation numbers and labels from known lines (exact cases)', () => {
    expect([...equationNumbers('$$x \\tag{7}$$\n$$y$$ (8)\n (9)\n$$z \\quad (1)$$')].sort((a, b) => a - b)).toEqual([1, 7, 8, 9]);
    expect([...statementLabels('**Lemma C.1.** x\n**Theorem 3.2** (y)\nClaim 2 (Sub\nFigure 6. Change')].sort())
      .toEqual(['Claim 2', 'Figure 6', 'Lemma C.1', 'Theorem 3.2']);
  });
});
