/** Writes a VerificationReport as JSON, Markdown (with the blueprint) and HTML (with the figures) into a directory. */
import { join } from 'node:path';
import { renderHtml } from '../report/html.ts';
import { renderMarkdown } from '../report/markdown.ts';
import { partialBannerMarkdown } from '../report/partial.ts';
import { toJson, writeAtomic, type VerificationReport } from '../report/report.ts';
import { figuresHtmlSections } from '../figures/report.ts';

export async function writeReportFiles(rep: VerificationReport, outDir: string): Promise<void> {
  const { renderBlueprint } = await import('../report/blueprint.ts'); // loads the claim registry
  const blueprint = await renderBlueprint(rep);
  writeAtomic(join(outDir, 'verification-report.json'), toJson(rep));
  writeAtomic(join(outDir, 'verification-report.md'), `${partialBannerMarkdown(rep)}${renderMarkdown(rep)}\n${blueprint.markdown}`);
  writeAtomic(join(outDir, 'index.html'), renderHtml(rep, [blueprint.html, ...figuresHtmlSections(join(outDir, 'figures'))]));
}
