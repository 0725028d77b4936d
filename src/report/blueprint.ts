/**
 * The blueprint of a verification report: the claim registry, the paper's dependency table
 * (theorems/dependencies.ts) and the report's verdicts, as SVG graphs (for index.html: the
 * statement-level overview of the first screen and the full graph with its focus views), a
 * Markdown list (for verification-report.md) and the DOT text behind the full SVG.
 */
import { buildGraph, checkGraph, type BlueprintGraph, type GraphProblem } from '../blueprint/graph.ts';
import { toOverviewDot } from '../blueprint/overview.ts';
import { blueprintHtmlSection, overviewHtmlSection, renderSvg, toDot, toMarkdown } from '../blueprint/render.ts';
import { claims } from '../../theorems/index.ts';
import { DEPENDENCIES, PAPER_STATEMENTS } from '../../theorems/dependencies.ts';
import type { VerificationReport } from './report.ts';

export { blueprintHtmlSection };

export function reportGraph(rep: Pick<VerificationReport, 'results'>): BlueprintGraph {
  return buildGraph({ statements: PAPER_STATEMENTS, dependencies: DEPENDENCIES, claims, results: rep.results });
}

export interface Blueprint {
  svg: string;
  markdown: string;
  dot: string;
  /**
   * For renderHtml's extra sections: `<section id="blueprint-overview">` (placed on the first
   * screen) followed by `<section id="blueprint">` (the full graph).
   */
  html: string;
  problems: GraphProblem[];
}

export async function renderBlueprint(rep: VerificationReport): Promise<Blueprint> {
  const graph = reportGraph(rep);
  const problems = checkGraph(graph);
  const dot = toDot(graph);
  const svg = await renderSvg(dot);
  const overview = await renderSvg(toOverviewDot(graph));
  return { svg, markdown: toMarkdown(graph, problems), dot, html: `${overviewHtmlSection(overview)}\n${blueprintHtmlSection(svg)}`, problems };
}
