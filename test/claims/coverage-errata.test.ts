/**
 * The errata table (theorems/errata.ts) against the paper's text and the registry, and the README's generated errata
 * and coverage sections against the data: every printed fragment occurs verbatim (whitespace-normalised) in the paper,
 * every named claim exists, every fails-as-printed claim of the registry has an entry, and the README blocks between
 * the markers equal what src/report/markdown.ts renders.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { claims } from '../../theorems/index.ts';
import { coverageItems } from '../../theorems/coverage.ts';
import { ERRATA } from '../../theorems/errata.ts';
import { buildCoverage, buildErrata } from '../../src/report/coverage.ts';
import { renderMarkdown, renderReadmeBlocks } from '../../src/report/markdown.ts';
import { buildReport } from '../../src/report/report.ts';
import { runClaim } from '../../src/claims/runner.ts';
import { paperText } from './coverage-paper.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const norm = (s: string) => s.replace(/\s+/g, ' ');

/** The README blocks, as generated from the data (no verdicts). */
function readmeBlocks(): { errata: string; coverage: string } {
  return renderReadmeBlocks(buildCoverage(coverageItems, new Set(claims.map((c) => c.id)), []), buildErrata(ERRATA, []));
}

function block(readme: string, name: string): string {
  const start = `<!-- ${name}:start -->\n`, end = `\n<!-- ${name}:end -->`;
  const i = readme.indexOf(start), j = readme.indexOf(end);
  expect(i >= 0 && j > i, `README markers for ${name}`).toBe(true);
  return readme.slice(i + start.length, j);
}

describe('errata table', () => {
  const text = norm(paperText());
  const byId = new Map(claims.map((c) => [c.id, c]));

  it('quotes the paper verbatim and names existing claims', () => {
    const ids = ERRATA.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of ERRATA) {
      expect(text.includes(norm(e.printed)), `${e.id}: printed text not found in the paper: ${e.printed}`).toBe(true);
      for (const c of e.claims) expect(byId.has(c), `${e.id} names ${c}, not in the registry`).toBe(true);
      if (e.class === 'proof gap') expect(e.conclusionSurvives, `${e.id}: a proof gap says whether the conclusion survives`).toBeTruthy();
      const printedClaim = e.claims.some((c) => byId.get(c)?.expectation === 'fails-as-printed');
      if (e.class === 'typo' || e.class === 'false statement') {
        expect(printedClaim || Boolean(e.noPrintedClaim), `${e.id}: neither a fails-as-printed claim nor a reason`).toBe(true);
      }
    }
  });

  it('has an entry for every fails-as-printed claim of the registry', () => {
    const named = new Set(ERRATA.flatMap((e) => e.claims));
    for (const c of claims) if (c.expectation === 'fails-as-printed') expect(named.has(c.id), `${c.id} has no errata entry`).toBe(true);
  });

  it('the README\'s errata and coverage sections are generated from the data', () => {
    let readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const want = readmeBlocks();
    if (process.env.QNN_WRITE_README === '1') {
      // Regenerate: QNN_WRITE_README=1 npx vitest run test/claims/coverage-errata.test.ts
      for (const name of ['errata', 'coverage'] as const) {
        const start = `<!-- ${name}:start -->\n`, end = `\n<!-- ${name}:end -->`;
        const i = readme.indexOf(start), j = readme.indexOf(end);
        if (i >= 0 && j >= i) readme = readme.slice(0, i + start.length) + want[name] + readme.slice(j);
        else readme = readme.replace(`<!-- ${name}:start -->\n<!-- ${name}:end -->`, `${start}${want[name]}${end}`);
      }
      writeFileSync(join(ROOT, 'README.md'), readme);
    }
    expect(block(readme, 'errata'), 'README errata block differs from renderErrataTable(ERRATA): regenerate it').toBe(want.errata);
    expect(block(readme, 'coverage'), 'README coverage block differs from renderCoverageTable: regenerate it').toBe(want.coverage);
  });

  it('goes into the report: coverage rows carry this run\'s verdicts (null when not run), errata rows their claims\' verdicts', () => {
    const ran = ['lemma-b.4/eq-94', 'lemma-b.4/eq-94-corrected'].map((id) => runClaim(byId.get(id)!, { runs: 3 }));
    const rep = buildReport(ran, { seed: 1, budget: 'quick', generatedAt: 'fixed' });
    const row = rep.coverage.rows.find((r) => r.key === 'eq:94')!;
    expect(row.status).toBe('direct');
    expect(row.claims).toEqual([
      { id: 'lemma-b.4/eq-94', relation: 'direct', verdict: 'violated-as-printed' },
      { id: 'lemma-b.4/eq-94-corrected', relation: 'direct', verdict: 'verified' },
    ]);
    expect(rep.coverage.rows.find((r) => r.key === 'eq:1')!.claims.every((c) => c.verdict === null)).toBe(true);
    expect(rep.coverage.rows.find((r) => r.key === 'eq:90')!).toMatchObject({ status: 'not-checkable', claims: [] });
    expect(rep.errata.rows.find((e) => e.id === 'eq-94')!.verdicts).toEqual({ 'lemma-b.4/eq-94': 'violated-as-printed', 'lemma-b.4/eq-94-corrected': 'verified' });
    expect(rep.errata.counts.total).toBe(ERRATA.length);
    const md = renderMarkdown(rep);
    expect(md).toContain('## Coverage of the paper');
    expect(md).toContain('| (94) | B.2 |');
    expect(md).toContain('[lemma-b.4/eq-94](#lemma-b4eq-94) (violated as printed)');
    expect(md).toContain('## Errata');
  });
});

