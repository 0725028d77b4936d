/**
 * Opens report/index.html-style page (renderHtml + figuresHtmlSections) in a real headless
 * Chromium (Debian's /usr/bin/chromium, driven by playwright-core) and checks that the summary
 * table and every figure's SVG render with a non-zero bounding box; saves the figures part of the
 * page to report/screenshot.png.
 * Uses report/figures and report/verification-report.json when present, else generates the tiny
 * 'test' preset and a small report. Skipped, with a message, only when /usr/bin/chromium is absent.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { runClaim } from '../../src/claims/runner.ts';
import { figuresHtmlSections } from '../../src/figures/report.ts';
import { runFigures } from '../../src/figures/runner.ts';
import { renderHtml } from '../../src/report/html.ts';
import { buildReport, type VerificationReport } from '../../src/report/report.ts';
import type { FiguresSummary } from '../../src/figures/types.ts';
import { lemmaC1 } from '../../theorems/lemma-c.1.ts';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser test skipped: ${CHROMIUM} is absent (install it with: apt-get install -y chromium)`);

describe('report page in a headless browser', () => {
  it.skipIf(!hasChromium)('renders the summary table and every figure (screenshot: report/screenshot.png)', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'qnn-browser-'));
    try {
      let figDir = join(ROOT, 'report', 'figures');
      if (!existsSync(join(figDir, 'summary.json'))) {
        figDir = join(tmp, 'figures');
        await runFigures({ figures: [1, 2, 3, 4, 5, 6], preset: 'test', seed: 1, out: figDir, jobs: 0, sink: { isTTY: false, write: () => {} } });
      }
      const repPath = join(ROOT, 'report', 'verification-report.json');
      const rep: VerificationReport = existsSync(repPath)
        ? JSON.parse(readFileSync(repPath, 'utf8'))
        : buildReport([runClaim(lemmaC1, { runs: 5 })], { seed: 1, budget: 'quick' });
      const summary = JSON.parse(readFileSync(join(figDir, 'summary.json'), 'utf8')) as FiguresSummary;
      const page = join(tmp, 'index.html');
      writeFileSync(page, renderHtml(rep, figuresHtmlSections(figDir)));

      const context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
        executablePath: CHROMIUM,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync'],
        viewport: { width: 1200, height: 900 },
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
        await p.goto(pathToFileURL(page).href, { waitUntil: 'load' });
        const box = async (sel: string) => p.locator(sel).first().boundingBox();
        const table = await box('#summary-table');
        expect(table?.width).toBeGreaterThan(0);
        expect(table?.height).toBeGreaterThan(0);
        expect((await box('#reproduced-figures-checks'))?.height).toBeGreaterThan(0);
        for (const f of summary.figures) {
          const b = await box(`#reproduced-figure-${f}-svg svg`);
          expect(b, `figure ${f}`).not.toBeNull();
          expect(b!.width, `figure ${f} width`).toBeGreaterThan(100);
          expect(b!.height, `figure ${f} height`).toBeGreaterThan(100);
          // The plot has drawn marks (paths) inside the SVG.
          expect(await p.locator(`#reproduced-figure-${f}-svg svg path`).count(), `figure ${f} paths`).toBeGreaterThan(5);
        }
        expect(external).toEqual([]);
        // The figures part of the page (the claim sections above it can be tens of thousands of pixels).
        const lastId = `reproduced-figure-${summary.figures[summary.figures.length - 1]}`;
        const [y0, y1] = await p.evaluate((id) => {
          const a = document.getElementById('reproduced-figures')!.getBoundingClientRect(), b = document.getElementById(id)!.getBoundingClientRect();
          return [a.top + window.scrollY, b.bottom + window.scrollY];
        }, lastId);
        expect(y1).toBeGreaterThan(y0);
        await p.screenshot({ path: join(ROOT, 'report', 'screenshot.png'), fullPage: true, clip: { x: 0, y: y0, width: 1200, height: y1 - y0 } });
      } finally {
        await context.close();
      }
      expect(existsSync(join(ROOT, 'report', 'screenshot.png'))).toBe(true);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});
