/**
 * Covers src/report/blueprint.ts in a real headless Chromium (Debian's /usr/bin/chromium via
 * playwright-core): the blueprint graph of the HTML report renders, and clicking a node's link
 * navigates to that claim's section. Skipped, with a message, only when /usr/bin/chromium is absent.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderBlueprint } from '../../src/report/blueprint.ts';
import { renderHtml } from '../../src/report/html.ts';
import type { VerificationReport } from '../../src/report/report.ts';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`blueprint browser test skipped: ${CHROMIUM} is absent (install it with: apt-get install -y chromium)`);

describe('blueprint in a headless browser', () => {
  it.skipIf(!hasChromium)('renders the graph, and a node link navigates to its claim section', async () => {
    const rep = JSON.parse(readFileSync(join(ROOT, 'report', 'verification-report.json'), 'utf8')) as VerificationReport;
    const tmp = mkdtempSync(join(tmpdir(), 'qnn-blueprint-'));
    try {
      const page = join(tmp, 'index.html');
      writeFileSync(page, renderHtml(rep, [(await renderBlueprint(rep)).html]));
      const context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
        executablePath: CHROMIUM,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync'],
        viewport: { width: 1400, height: 900 },
      });
      try {
        const p = context.pages()[0] ?? (await context.newPage());
        await p.goto(pathToFileURL(page).href, { waitUntil: 'load' });
        const svg = await p.locator('#blueprint svg').first().boundingBox();
        expect(svg?.width).toBeGreaterThan(300);
        expect(svg?.height).toBeGreaterThan(100);
        const nodes = await p.locator('#blueprint svg g.node').count();
        expect(nodes).toBeGreaterThanOrEqual(rep.results.length);
        // A node link (an SVG <a> around the node) navigates to the claim's section.
        const link = p.locator('#blueprint svg a[href="#theorem-32"], #blueprint svg a[*|href="#theorem-32"]').first();
        await link.scrollIntoViewIfNeeded();
        await link.click();
        await p.waitForFunction(() => window.location.hash === '#theorem-32');
        const target = await p.locator('#theorem-32').boundingBox();
        expect(target).not.toBeNull();
        expect(Math.abs(target!.y)).toBeLessThan(900); // the section is in view after the jump
      } finally {
        await context.close();
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});
