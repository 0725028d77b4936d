/**
 * src/report/html.ts and its helpers without a browser: the paper's order, the columns that appear
 * only with their data (tightness, non-vacuous runs, strength, relative residual, confidence), the
 * verdict counts and the errata table (classified only when the report classifies), the side-by-side
 * printed/corrected formulas of every printed formula that fails, sources and repository links.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.ts';
import { anchor } from '../../src/report/markdown.ts';
import { inPaperOrder, placeOf } from '../../src/report/paper-order.ts';
import type { VerificationReport } from '../../src/report/report.ts';
import { claimSources, repositoryUrl, sourceLink } from '../../src/report/sources.ts';
import { confidenceOf, errataOf, type PageResult } from '../../src/report/strength.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const REP = JSON.parse(readFileSync(join(ROOT, 'report', 'verification-report.json'), 'utf8')) as VerificationReport;
const clone = (): VerificationReport => JSON.parse(JSON.stringify(REP));
const headers = (html: string) => [...html.matchAll(/<th[^>]*title="[^"]*">([^<]+)<\/th>/g)].map((m) => m[1]);

describe('paper order', () => {
  it('places a claim by the first entry of its section, and appendices after their sections', () => {
    expect(placeOf('3, A.1')).toEqual({ part: '3', subsection: '' });
    expect(placeOf('A.2')).toEqual({ part: 'A', subsection: 'A.2' });
    expect(placeOf('B.1, B.2')).toEqual({ part: 'B', subsection: 'B.1' });
    expect(placeOf('D.2')).toEqual({ part: 'D', subsection: 'D.2' });
    expect(placeOf('7')).toEqual({ part: 'other', subsection: '' });
    const order = inPaperOrder(REP.results).map((p) => p.part);
    const firsts = ['2', '3', 'A', '4', 'B', 'C', 'D'].map((k) => order.indexOf(k));
    expect(firsts.every((x) => x >= 0)).toBe(true);
    expect([...firsts].sort((a, b) => a - b)).toEqual(firsts);
    for (let k = 1; k < order.length; k++) expect(['2', '3', 'A', '4', 'B', 'C', 'D', 'other'].indexOf(order[k])).toBeGreaterThanOrEqual(['2', '3', 'A', '4', 'B', 'C', 'D', 'other'].indexOf(order[k - 1]));
  });
  it('puts an exact-arithmetic twin right after the claim it re-checks', () => {
    const ids = inPaperOrder(REP.results).map((p) => p.result.id);
    expect(ids.indexOf('lemma-c.2/hadamard-exact')).toBe(ids.indexOf('lemma-c.2/hadamard') + 1);
    expect(ids.indexOf('lemma-4.1/exact')).toBe(ids.indexOf('lemma-4.1') + 1);
  });
});

describe('the page from the committed report', () => {
  const html = renderHtml(REP);
  it('has a section per claim, in paper order, with its data attributes and no LaTeX parse error', () => {
    let last = -1;
    for (const p of inPaperOrder(REP.results)) {
      const at = html.indexOf(`<section class="claim" id="${anchor(p.result.id)}"`);
      expect(at, p.result.id).toBeGreaterThan(last);
      last = at;
    }
    expect(html).not.toContain('class="tex-error"');
    expect((html.match(/<tr data-claim=/g) ?? []).length).toBe(REP.results.length);
  });
  it('shows the printed and corrected formulas side by side, the difference and the replay of every printed formula that fails', () => {
    for (const r of REP.results.filter((x) => x.expectation === 'fails-as-printed')) {
      const start = html.indexOf(`<section class="claim" id="${anchor(r.id)}"`);
      const sec = html.slice(start, html.indexOf('</section>', start));
      expect(sec, r.id).toContain('<div class="pair"><div class="printed">');
      expect(sec, r.id).toContain('<div class="corrected"><h4>Corrected:');
      expect((sec.match(/<math/g) ?? []).length, r.id).toBeGreaterThanOrEqual(2);
      expect(sec, r.id).toContain('The difference:');
      expect(sec, r.id).toContain(r.counterexample!.replay.replace(/&/g, '&amp;'));
    }
    // lhs and rhs where the check records them (lemma-b.3: 4.139 against 3.066).
    const b3 = html.slice(html.indexOf('id="lemma-b3"'));
    expect(b3.slice(0, b3.indexOf('</section>'))).toContain('lhs = 4.139, rhs = 3.066');
  });
  it('shows the strength columns and counts that the report carries', () => {
    const h = headers(html);
    expect(h).toEqual(expect.arrayContaining(['claim', 'paper', 'verdict', 'kind', 'runs', 'time']));
    for (const present of ['strength', 'non-vacuous', 'tightness (random)', 'tightness (searched)', 'rel. residual']) expect(h).toContain(present);
    expect(html).toContain('class="badge v-not-reproduced"');
    expect(html).not.toContain('substantive / consistency: not in this report');
  });
  it('leaves out the columns and counts whose data a report does not carry (never a faked column)', () => {
    const old = clone();
    for (const r of old.results as unknown as Record<string, unknown>[]) {
      for (const k of ['strength', 'strengthReason', 'tightness', 'tightnessRule', 'nonVacuousRuns', 'vacuousRule', 'relativeResidual']) delete r[k];
      if (r.verdict === 'not-reproduced') r.verdict = 'violated-as-printed';
    }
    const page = renderHtml(old);
    const h = headers(page);
    expect(h).toEqual(expect.arrayContaining(['claim', 'paper', 'verdict', 'kind', 'runs', 'time']));
    for (const absent of ['strength', 'non-vacuous', 'tightness (random)', 'tightness (searched)', 'rel. residual']) expect(h).not.toContain(absent);
    expect(page).not.toContain('class="badge v-not-reproduced"');
    expect(page).toContain('substantive / consistency: not in this report');
  });
  it('reads the confidence level from the details of a statistical claim', () => {
    const f5 = REP.results.find((r) => r.id === 'figure-5') as unknown as PageResult;
    expect(confidenceOf(f5)).toBe(0.99);
    expect(confidenceOf(REP.results.find((r) => r.id === 'lemma-c.1') as unknown as PageResult)).toBeUndefined();
    expect(headers(html)).toContain('confidence');
  });
  it('orders the first screen: counts, errata, blueprint overview, then the contents', () => {
    const page = renderHtml(REP, ['<section id="blueprint-overview">OV</section>\n<section id="blueprint">FULL</section>', '<section id="reproduced-figures">F</section>']);
    const at = (s: string) => page.indexOf(s);
    expect(at('id="verdicts"')).toBeLessThan(at('id="errata"'));
    expect(at('id="errata"')).toBeLessThan(at('id="blueprint-overview"'));
    expect(at('id="blueprint-overview"')).toBeLessThan(at('id="toc"'));
    expect(at('id="toc"')).toBeLessThan(at('<section id="blueprint">'));
    expect(at('<section id="blueprint">')).toBeLessThan(at('id="summary-table"'));
    expect(at('id="sections"')).toBeLessThan(at('id="reproduced-figures"'));
  });
});

describe('columns and counts with the strength fields present', () => {
  it('shows tightness, non-vacuous runs, strength, not-reproduced and classified errata when the report has them', () => {
    const rep = clone();
    const get = (id: string) => rep.results.find((r) => r.id === id)! as unknown as Record<string, unknown>;
    Object.assign(get('lemma-c.1'), { tightness: { random: 0.8123, searched: 0.99987, evaluations: 400, knownSupremum: 1 }, nonVacuousRuns: 990, vacuousRule: 'never', strength: 'substantive', strengthReason: 'equality at A^2 = I' });
    Object.assign(get('section-3/spectrum-preserved'), { strength: 'consistency', strengthReason: 'M = U^dag M0 U by construction', relativeResidual: 3.2e-16 });
    get('figure-1/loss-floor').verdict = 'not-reproduced';
    (rep.summary as Record<string, unknown>)['not-reproduced'] = 1;
    (rep as unknown as Record<string, unknown>).errata = { counts: { typo: 1, 'false statement': 1, 'proof gap': 1, 'not reproduced': 0, total: 3 }, rows: [
      { id: 'eq-15', claims: ['lemma-3.1/eq-15', 'lemma-3.1/eq-15-corrected'], class: 'typo', where: '(15)', printed: String.raw`\mathbf{U}_{l:p}^{\dagger} \mathbf{H}^{(l)}`, corrected: 'U_{l:p} H^(l)' },
      { id: 'b3', claims: ['lemma-b.3', 'lemma-b.3/corrected'], class: 'false statement', where: 'Lemma B.3', printed: 'changes significantly ( $\\geq 5\\%$ ) for each' },
      { id: 'b2', claims: ['lemma-b.2'], class: 'proof gap', where: '(71)', printed: String.raw`\left( \frac{a}{b}`, corrected: 'x', conclusionSurvives: 'the sqrt(8) of the cited bound' },
    ] };
    (rep as unknown as Record<string, unknown>).coverage = { counts: {}, rows: [
      { key: 'eq-15', kind: 'equation', label: '(15)', section: 'A.1', says: 'dM/dtheta_l', status: 'direct', claims: [{ id: 'lemma-3.1/eq-15', relation: 'direct', verdict: 'violated-as-printed' }] },
      { key: 'eq-57', kind: 'equation', label: '(57)', section: 'B.1', says: 'dr/dt', status: 'not-checkable', reason: 'a definition', claims: [] },
    ] };
    const html = renderHtml(rep);
    const h = headers(html);
    for (const col of ['strength', 'non-vacuous', 'tightness (random)', 'tightness (searched)', 'rel. residual']) expect(h).toContain(col);
    const row = html.slice(html.indexOf('<tr data-claim="lemma-c.1"'));
    expect(row.slice(0, row.indexOf('</tr>'))).toMatch(/0\.8123<\/td><td class="num">0\.9999<\/td>/);
    expect(row.slice(0, row.indexOf('</tr>'))).toContain('>990<');
    // No vacuousRule: the claim has no vacuous case, and the cell stays empty rather than repeating the runs.
    const other = html.slice(html.indexOf('<tr data-claim="lemma-c.2"'));
    expect(other.slice(0, other.indexOf('</tr>'))).not.toMatch(/>\d+<\/td><td class="num">>\d+</);
    const sec = html.slice(html.indexOf('<section class="claim" id="lemma-c1"'));
    expect(sec.slice(0, sec.indexOf('</section>'))).toContain('known supremum 1');
    expect(html).toContain('verified, substantive');
    expect(html).toContain('verified, consistency');
    expect(html).toContain('<span>not reproduced</span>');
    expect(html).toContain('<span>errata: typo</span>');
    expect(html).toContain('<span>errata: proof gap</span>');
    expect(html).toContain('<th class="c-class">class</th>');
    expect(html).toContain('the sqrt(8) of the cited bound'); // in the tooltip of the printed text
    const errata = html.slice(html.indexOf('<section id="errata">'), html.indexOf('</section>', html.indexOf('<section id="errata">')));
    expect((errata.match(/<math/g) ?? []).length).toBe(3); // each printed fragment typeset: plain LaTeX, text with $...$, an unclosed \left
    expect(errata).not.toContain('tex-error');
    expect(errata).toContain('(as printed)');
    expect(html).toContain('<section id="coverage">');
    expect(html).toContain('2 items of the paper: 1 checked, 1 not numerically checkable');
    expect(html).toContain('a definition');
    expect(html).toContain('<option value="consistency">');
    expect(errataOf(rep).rows).toHaveLength(3);
    expect(errataOf(rep).rows[0]).toMatchObject({ claim: 'lemma-3.1/eq-15', corrections: ['lemma-3.1/eq-15-corrected'], class: 'typo' });
    expect(errataOf(rep).rows[2].claim).toBeUndefined(); // lemma-b.2 holds: no printed form to evaluate
    const old = { ...REP } as Record<string, unknown>;
    delete old.errata;
    expect(errataOf(old as unknown as VerificationReport).rows).toHaveLength(REP.results.filter((r) => r.verdict === 'violated-as-printed').length);
  });
});

describe('sources', () => {
  it('finds every claim\'s module under theorems/', () => {
    const src = claimSources(ROOT, REP.results.map((r) => r.id));
    expect(src.get('lemma-c.1')).toBe('theorems/lemma-c.1.ts');
    expect(src.get('lemma-3.1/eq-15')).toBe('theorems/lemma-3.1-steps.ts');
    for (const p of src.values()) expect(p).not.toMatch(/dependencies|latex|index|groups/);
    expect([...src.keys()].length).toBe(REP.results.length);
  });
  it('reads the repository URL from package.json in its usual spellings, and links at a commit', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'qnn-src-'));
    try {
      const url = (repository: unknown) => {
        writeFileSync(join(tmp, 'package.json'), JSON.stringify(repository === undefined ? {} : { repository }));
        return repositoryUrl(tmp);
      };
      expect(url(undefined)).toBeUndefined();
      expect(url('git+https://example.org/a/b.git')).toBe('https://example.org/a/b');
      expect(url({ type: 'git', url: 'git@github.com:a/b.git' })).toBe('https://github.com/a/b');
      expect(url('github:a/b')).toBe('https://github.com/a/b');
      expect(url('a/b')).toBe('https://github.com/a/b');
      expect(url('not a url')).toBeUndefined();
      expect(sourceLink('https://github.com/a/b', 'theorems/x.ts', 'abc1234')).toBe('https://github.com/a/b/blob/abc1234/theorems/x.ts');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
