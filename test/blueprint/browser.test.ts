/**
 * The report page (src/report/html.ts with the blueprint and the six figures inline, as
 * `qnn-verify verify` and `npm run report` write it) in a real headless Chromium (Debian's
 * /usr/bin/chromium via playwright-core): it loads in under 2 s and weighs under 3 MB with no
 * request leaving the file; every claim's formulas are typeset (MathML with a box, no raw LaTeX in
 * the text); the filters and the search box hide what they should; a blueprint node's link opens its
 * claim; the focus view of a node shows exactly its neighbourhood; without script everything is shown. Saves the first screen to
 * report/screenshot-first-screen.png and one claim section to report/screenshot-claim.png.
 * Skipped, with a message, only when /usr/bin/chromium is absent.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { neighbourhood, readGraph } from '../../src/blueprint/focus.ts';
import { figuresHtmlSections } from '../../src/figures/report.ts';
import { renderBlueprint, reportGraph } from '../../src/report/blueprint.ts';
import { renderHtml } from '../../src/report/html.ts';
import { anchor } from '../../src/report/markdown.ts';
import { withPaperTables } from '../../src/report/paper-tables.ts';
import type { VerificationReport } from '../../src/report/report.ts';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`blueprint browser test skipped: ${CHROMIUM} is absent (install it with: apt-get install -y chromium)`);

/** Text of the page a reader can see or copy: no scripts, styles, TeX annotations of MathML, or SVG tooltips. */
async function readableText(p: Page): Promise<string> {
  return p.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('script, style, annotation, title').forEach((e) => e.remove());
    return body.textContent ?? '';
  });
}

const visibleRows = (p: Page) => p.evaluate(() => [...document.querySelectorAll('#summary-table tr[data-claim]')].filter((r) => !(r as HTMLElement).hidden).map((r) => r.getAttribute('data-claim')!));

describe('report page in a headless browser', () => {
  it.skipIf(!hasChromium)('loads fast, typesets every formula, filters, focuses the blueprint; saves two screenshots', async () => {
    // As `npm run report` renders it (with the coverage map and the errata table when the JSON predates them).
    const rep = withPaperTables(JSON.parse(readFileSync(join(ROOT, 'report', 'verification-report.json'), 'utf8')) as VerificationReport).rep;
    const tmp = mkdtempSync(join(tmpdir(), 'qnn-blueprint-'));
    try {
      const page = join(tmp, 'index.html');
      writeFileSync(page, renderHtml(rep, [(await renderBlueprint(rep)).html, ...figuresHtmlSections(join(ROOT, 'report', 'figures'))]));
      const bytes = statSync(page).size;
      expect(bytes).toBeLessThan(3e6);
      const context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
        executablePath: CHROMIUM,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync'],
        viewport: { width: 1400, height: 900 },
      });
      try {
        const p = context.pages()[0] ?? (await context.newPage());
        const external: string[] = [];
        await p.route('**/*', (route) => {
          const url = route.request().url();
          if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
          external.push(url);
          return route.abort();
        });
        // A first visit warms the browser process; the second is the load that is timed.
        await p.goto(pathToFileURL(page).href, { waitUntil: 'load' });
        await p.goto('about:blank');
        await p.goto(pathToFileURL(page).href, { waitUntil: 'load' });
        const loadMs = await p.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
        console.log(`report page: ${(bytes / 1e6).toFixed(2)} MB, load event after ${Math.round(loadMs)} ms`);
        expect(loadMs).toBeLessThan(2000);
        expect(external).toEqual([]);

        // First screen: the verdict counts, the errata table and the blueprint overview are in view.
        for (const sel of ['#verdicts', '#errata', '#blueprint-overview svg']) {
          const b = await p.locator(sel).first().boundingBox();
          expect(b, sel).not.toBeNull();
          expect(b!.y, sel).toBeLessThan(900);
        }
        expect(await p.locator('#errata tbody tr').count()).toBe(rep.errata.rows.length);
        await p.screenshot({ path: join(ROOT, 'report', 'screenshot-first-screen.png') });

        // Formulas: every claim section has typeset MathML, and no LaTeX source is left in the text.
        const perSection = await p.evaluate(() => [...document.querySelectorAll('section.claim')].map((s) => [s.id, s.querySelectorAll('math').length] as const));
        expect(perSection.length).toBe(rep.results.length);
        expect(perSection.filter(([, n]) => n === 0).map(([id]) => id)).toEqual([]);
        expect(await p.locator('.tex-error').count()).toBe(0);
        expect((await readableText(p)).match(/\\[a-zA-Z]{2,}\b/g) ?? []).toEqual([]);
        const claim = p.locator(`#${anchor('lemma-3.1/eq-15')}`);
        await claim.scrollIntoViewIfNeeded();
        const math = await claim.locator('.pair math').first().boundingBox();
        expect(math?.width).toBeGreaterThan(200); // typeset, not collapsed: a fraction and a dozen factors
        expect(math?.height).toBeGreaterThan(15);
        await claim.screenshot({ path: join(ROOT, 'report', 'screenshot-claim.png') });

        // Filters and search.
        expect((await visibleRows(p)).length).toBe(rep.results.length);
        await p.selectOption('select[name=verdict]', 'violated-as-printed');
        const printed = rep.results.filter((r) => r.verdict === 'violated-as-printed').map((r) => r.id);
        expect((await visibleRows(p)).sort()).toEqual([...printed].sort());
        const shownSections = await p.evaluate(() => [...document.querySelectorAll('section.claim')].filter((s) => !(s as HTMLElement).hidden).map((s) => s.getAttribute('data-verdict')));
        expect(shownSections.length).toBe(printed.length);
        expect(new Set(shownSections)).toEqual(new Set(['violated-as-printed']));
        await p.selectOption('select[name=part]', 'C');
        const inC = rep.results.filter((r) => r.verdict === 'violated-as-printed' && /^C/.test(r.ref.section)).map((r) => r.id);
        expect(inC.length).toBeGreaterThan(0);
        expect((await visibleRows(p)).sort()).toEqual(inC.sort());
        await p.click('#f-reset');
        await p.fill('#f-search', 'hadamard');
        const hits = await visibleRows(p);
        expect(hits.length).toBeGreaterThan(0);
        expect(hits.length).toBeLessThan(rep.results.length);
        for (const id of hits) {
          const r = rep.results.find((x) => x.id === id)!;
          expect(`${r.id} ${r.title} ${r.ref.label} ${r.statement}`.toLowerCase(), id).toContain('hadamard');
        }
        await p.selectOption('select[name=kind]', 'inequality');
        expect((await visibleRows(p)).every((id) => rep.results.find((x) => x.id === id)!.kind === 'inequality')).toBe(true);
        await p.click('#f-reset');
        expect((await visibleRows(p)).length).toBe(rep.results.length);

        // A node of the full graph links to its claim's section.
        const link = p.locator('#blueprint svg a[href="#theorem-32"], #blueprint svg a[*|href="#theorem-32"]').first();
        await link.scrollIntoViewIfNeeded();
        await link.click();
        await p.waitForFunction(() => window.location.hash === '#theorem-32');
        const target = await p.locator('#theorem-32').boundingBox();
        expect(target).not.toBeNull();
        expect(Math.abs(target!.y)).toBeLessThan(900);

        // The focus view of Lemma B.3: its ancestors and descendants only.
        const readings = readGraph(reportGraph(rep));
        const want = new Set(neighbourhood(readings, 'lemma-b.3'));
        const all = await p.locator('#bp-box g.node').count();
        await p.goto(`${pathToFileURL(page).href}#focus-${anchor('lemma-b.3')}`);
        await p.waitForFunction(() => !document.getElementById('bp-focusbar')!.hidden);
        const shown = await p.evaluate(() => [...document.querySelectorAll('#bp-box g.node')].filter((g) => getComputedStyle(g).display !== 'none').map((g) => g.querySelector('title')!.textContent!));
        expect(new Set(shown)).toEqual(want);
        expect(shown.length).toBeLessThan(all);
        const edges = await p.evaluate(() => [...document.querySelectorAll('#bp-box g.edge')].filter((g) => getComputedStyle(g).display !== 'none').map((g) => g.querySelector('title')!.textContent!.split('->')));
        expect(edges.length).toBeGreaterThan(0);
        for (const [a, b] of edges) expect(want.has(a) && want.has(b), `${a} -> ${b}`).toBe(true);
        // Back to the whole graph.
        await p.click('#bp-focusbar a');
        await p.waitForFunction(() => document.getElementById('bp-focusbar')!.hidden);
        expect(await p.evaluate(() => [...document.querySelectorAll('#bp-box g.node')].filter((g) => getComputedStyle(g).display !== 'none').length)).toBe(all);
      } finally {
        await context.close();
      }
      // Without script: every row and every claim section is shown, the filter bar is not.
      const noScript = await chromium.launchPersistentContext(join(tmp, 'profile-noscript'), {
        executablePath: CHROMIUM, headless: true, javaScriptEnabled: false, viewport: { width: 1400, height: 900 },
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      try {
        const q = noScript.pages()[0] ?? (await noScript.newPage());
        await q.goto(`${pathToFileURL(page).href}#focus-${anchor('lemma-b.3')}`, { waitUntil: 'load' });
        expect((await visibleRows(q)).length).toBe(rep.results.length);
        expect(await q.locator('section.claim:visible').count()).toBe(rep.results.length);
        expect(await q.locator('.filters').isVisible()).toBe(false);
        expect(await q.locator('math').count()).toBeGreaterThanOrEqual(rep.results.length);
        // The focus link lands on the whole graph.
        const bp = await q.locator('#blueprint').boundingBox();
        expect(Math.abs(bp!.y)).toBeLessThan(900);
      } finally {
        await noScript.close();
      }
      expect(existsSync(join(ROOT, 'report', 'screenshot-first-screen.png'))).toBe(true);
      expect(existsSync(join(ROOT, 'report', 'screenshot-claim.png'))).toBe(true);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 180_000);
});
