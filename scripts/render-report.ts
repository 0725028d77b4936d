/**
 * Re-renders report/index.html and report/verification-report.md from the report's JSON, without
 * re-running the claims (the page's layout, formulas and blueprint change more often than the
 * verdicts). The JSON itself is not rewritten. A report written before the coverage map and the
 * errata table existed gets both from theorems/ (with the verdicts of its own results; claims it did
 * not run have none). Usage: npm run report [-- DIR] (DIR defaults to report/; its figures/
 * subfolder is inlined when present). Bad input: one line on stderr, exit 2, nothing written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { figuresHtmlSections } from '../src/figures/report.ts';
import { renderBlueprint } from '../src/report/blueprint.ts';
import { renderHtml } from '../src/report/html.ts';
import { renderMarkdown } from '../src/report/markdown.ts';
import { partialBannerMarkdown } from '../src/report/partial.ts';
import { withPaperTables } from '../src/report/paper-tables.ts';
import { writeAtomic, type VerificationReport } from '../src/report/report.ts';

function fail(message: string): number {
  process.stderr.write(`render-report: ${message}\n`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  const dir = argv[0] ?? 'report';
  const path = join(dir, 'verification-report.json');
  if (!existsSync(path)) return fail(`DIR must hold verification-report.json (${path} is missing)`);
  let rep: VerificationReport;
  try {
    rep = JSON.parse(readFileSync(path, 'utf8')) as VerificationReport;
  } catch (e) {
    return fail(`${path} is not JSON (${(e as Error).message})`);
  }
  if (!rep || !Array.isArray(rep.results) || typeof rep.summary !== 'object' || rep.summary === null) return fail(`${path} is not a verification report (no results or summary)`);
  const t0 = Date.now();
  const tables = withPaperTables(rep);
  rep = tables.rep;
  const added = tables.added;
  const blueprint = await renderBlueprint(rep);
  writeAtomic(join(dir, 'verification-report.md'), `${partialBannerMarkdown(rep)}${renderMarkdown(rep)}\n${blueprint.markdown}`);
  const html = renderHtml(rep, [blueprint.html, ...figuresHtmlSections(join(dir, 'figures'))]);
  writeAtomic(join(dir, 'index.html'), html);
  const note = added.length ? `; ${added.join(' and ')} from theorems/ (the JSON predates them)` : '';
  process.stdout.write(`rendered ${rep.results.length} claims -> ${dir}/index.html (${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB) and ${dir}/verification-report.md in ${Date.now() - t0} ms${note}\n`);
  return 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, (e: unknown) => {
  process.stderr.write(`render-report: ${(e as Error)?.message ?? String(e)}\n`);
  process.exitCode = 2;
});
