/**
 * The blueprint of a verification report: the claim registry, the paper's dependency table
 * (theorems/dependencies.ts) and the report's verdicts, as an SVG graph (for index.html), a
 * Markdown list (for verification-report.md) and the DOT text behind the SVG.
 */
import { buildGraph, checkGraph, type BlueprintGraph, type GraphProblem } from '../blueprint/graph.ts';
import { blueprintHtmlSection, renderSvg, toDot, toMarkdown } from '../blueprint/render.ts';
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
  /** The `<section id="blueprint">` for renderHtml's extra sections. */
  html: string;
  problems: GraphProblem[];
}

export async function renderBlueprint(rep: VerificationReport): Promise<Blueprint> {
  const graph = reportGraph(rep);
  const problems = checkGraph(graph);
  const dot = toDot(graph);
  const svg = await renderSvg(dot);
  return { svg, markdown: toMarkdown(graph, problems), dot, html: blueprintHtmlSection(svg), problems };
}
