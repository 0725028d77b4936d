/**
 * Renderings of the blueprint graph: DOT text for Graphviz, SVG through @viz-js/viz (Graphviz
 * compiled to WebAssembly; no system binary needed), a Markdown nested list, and the HTML section
 * of the report. Arrows point from the used statement to its user, as in Lean blueprints.
 */
import { instance, type Viz } from '@viz-js/viz';
import { anchor } from '../report/markdown.ts';
import { STATUS_TEXT, USE_KINDS, type BlueprintEdge, type BlueprintGraph, type BlueprintNode, type EdgeKind, type GraphProblem, type NodeKind, type NodeStatus } from './graph.ts';

export const STATUS_FILL: Record<NodeStatus, string> = {
  verified: '#9fe0a0',
  corrected: '#ffe08a',
  violated: '#f4a3a3',
  'not-reproduced': '#f6c6a0',
  inconclusive: '#cfc8f2',
  'not-checked': '#ffffff',
};

const SHAPE: Record<NodeKind, string> = {
  definition: 'shape=box',
  lemma: 'shape=ellipse',
  theorem: 'shape=octagon',
  corollary: 'shape=hexagon',
  'proof step': 'shape=box, style="rounded,filled", fontsize=10',
  'figure claim': 'shape=tab',
  'section claim': 'shape=parallelogram, fontsize=10',
};

const EDGE_STYLE: Record<EdgeKind, string> = {
  statement: 'style=dashed',
  proof: 'style=solid',
  step: 'style=solid, color="#8a8a8a"',
  uses: 'style=solid, color="#3b6fb6"',
  correction: 'style=dotted, color="#a07800", arrowhead=empty, penwidth=1.6, constraint=false',
};

const EDGE_TEXT: Record<EdgeKind, string> = {
  statement: 'statement uses (dashed)',
  proof: 'proof uses (solid)',
  step: 'checked proof step (solid grey)',
  uses: "declared in the claim's uses (solid blue)",
  correction: 'printed form -> its correction (dotted)',
};

const RED = '#d00000';

function q(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** LaTeX of a quote made readable in a tooltip. */
export function plain(s: string): string {
  let t = s;
  for (let k = 0; k < 3; k++) t = t.replace(/\\(mathbf|boldsymbol|mathsf|mathcal|operatorname|text)\{([^{}]*)\}/g, '$2');
  return t.replace(/\$/g, '').replace(/\\(left|right)/g, '').replace(/\s+/g, ' ').trim();
}

function wrap(s: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const w of s.split(' ')) {
    if (line && line.length + w.length + 1 > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  return [...lines, line].join('\n');
}

function childSummary(n: BlueprintNode): string {
  return (Object.entries(n.childStatuses) as [NodeStatus, number][]).map(([s, c]) => `${c} ${STATUS_TEXT[s]}`).join(', ');
}

/** Whether the node has a section in the report (a claim with a result). */
function linked(n: BlueprintNode): boolean {
  return n.claimId !== undefined && n.verdict !== undefined;
}

function nodeLine(n: BlueprintNode, inCluster: boolean): string {
  // Inside its cluster (the parent's, or the section's) a claim is named by its suffix.
  let label = n.statement ? `${n.statement.label}\n${wrap(n.title, 24)}` : inCluster && n.id.includes('/') ? n.id.slice(n.id.indexOf('/') + 1) : n.id;
  if (n.statement && !n.claimId && n.children.length) label += `\n(steps: ${childSummary(n)})`;
  const tip = [`${n.statement ? n.statement.label : n.id}: ${n.title}`, `status: ${STATUS_TEXT[n.status]}`];
  if (n.restsOn.length) tip.push(`rests on violated: ${n.restsOn.join(', ')}`);
  const attrs = [`label=${q(label)}`, SHAPE[n.kind], `fillcolor=${q(STATUS_FILL[n.status])}`, `tooltip=${q(tip.join('\n'))}`, `id=${q(`bp-${anchor(n.id)}`)}`];
  if (linked(n)) attrs.push(`URL=${q(`#${anchor(n.claimId!)}`)}`, 'target="_top"');
  if (n.restsOn.length) attrs.push(`color=${q(RED)}`, 'penwidth=3');
  return `  ${q(n.id)} [${attrs.join(', ')}];`;
}

function edgeLine(e: BlueprintEdge): string {
  const [tail, head] = USE_KINDS.has(e.kind) ? [e.to, e.from] : [e.from, e.to];
  const tip = e.quote ? `${e.from} uses ${e.to} (${e.kind}; ${e.where}): "${plain(e.quote)}"` : `${e.from} ${e.kind === 'correction' ? 'is corrected by' : 'uses'} ${e.to} (${e.kind})`;
  return `  ${q(tail)} -> ${q(head)} [${EDGE_STYLE[e.kind]}, tooltip=${q(tip)}];`;
}

/** DOT text of the blueprint: shapes by kind, fill by status, red border when resting on a violated node. */
export function toDot(graph: BlueprintGraph): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const clusters = new Map<string, { label: string; members: BlueprintNode[] }>();
  const loose: BlueprintNode[] = [];
  for (const n of graph.nodes) {
    const root = n.parent && byId.has(n.parent) ? n.parent : n.children.length ? n.id : n.kind === 'section claim' && n.id.includes('/') ? n.id.split('/')[0] : undefined;
    if (!root) {
      loose.push(n);
      continue;
    }
    const c = clusters.get(root) ?? { label: byId.has(root) ? '' : root.replace(/^(section|appendix)-/, (m) => `${m[0].toUpperCase()}${m.slice(1, -1)} `), members: [] };
    c.members.push(n);
    clusters.set(root, c);
  }
  const out = [
    'digraph blueprint {',
    '  graph [rankdir=TB, fontname="Helvetica", fontsize=11, nodesep=0.3, ranksep=0.5, tooltip="qnn-verify blueprint"];',
    '  node [fontname="Helvetica", fontsize=11, style=filled, penwidth=1.2, color="#444444", margin="0.12,0.06"];',
    '  edge [fontname="Helvetica", fontsize=9, color="#444444", arrowsize=0.7];',
  ];
  let k = 0;
  for (const [, c] of clusters) {
    out.push(`  subgraph ${q(`cluster_${k++}`)} {`, `    graph [style="rounded,dashed", color="#b0b0b0", label=${q(c.label)}];`);
    for (const n of c.members) out.push(`  ${nodeLine(n, true)}`);
    out.push('  }');
  }
  for (const n of loose) out.push(nodeLine(n, false));
  for (const e of graph.edges) if (byId.has(e.from) && byId.has(e.to)) out.push(edgeLine(e));
  out.push('}');
  return `${out.join('\n')}\n`;
}

let viz: Promise<Viz> | undefined;

/** SVG of a DOT text (the WebAssembly Graphviz is instantiated once, on first use). */
export async function renderSvg(dot: string): Promise<string> {
  viz ??= instance();
  return (await viz).renderString(dot, { format: 'svg', engine: 'dot' });
}

function mdName(id: string, byId: Map<string, BlueprintNode>): string {
  const n = byId.get(id);
  if (n?.statement) return `**${n.statement.label}**`;
  return n && linked(n) ? `[${id}](#${anchor(n.claimId!)})` : `\`${id}\``;
}

function mdStatus(n: BlueprintNode): string {
  const s = STATUS_TEXT[n.status];
  const text = n.status === 'violated' ? `**${s.toUpperCase()}**` : n.status === 'not-checked' ? `*${s}*` : s;
  return linked(n) && n.statement ? `${text} ([${n.claimId}](#${anchor(n.claimId!)}))` : text;
}

function mdNode(n: BlueprintNode, graph: BlueprintGraph, byId: Map<string, BlueprintNode>, indent: string, out: string[]): void {
  const head = n.statement ? `**${n.statement.label}** ${n.title}` : `${n.kind} ${mdName(n.id, byId)}`;
  const steps = n.children.length ? ` (steps: ${childSummary(n)})` : '';
  out.push(`${indent}- ${head}: ${mdStatus(n)}${steps}`);
  const sub = `${indent}  `;
  for (const e of graph.edges) {
    if (e.from === n.id && e.kind !== 'step' && e.kind !== 'correction') {
      const where = e.where ? `; ${e.where}` : '';
      out.push(`${sub}- uses ${mdName(e.to, byId)} (${e.kind === 'uses' ? 'declared by the claim' : e.kind}${where})${e.quote ? `: "${e.quote}"` : ''}`);
    }
    if (e.kind === 'correction' && e.from === n.id) out.push(`${sub}- corrected by ${mdName(e.to, byId)}`);
  }
  if (n.restsOn.length) out.push(`${sub}- rests on violated: ${n.restsOn.map((id) => mdName(id, byId)).join(', ')}`);
  for (const ch of n.children) mdNode(byId.get(ch)!, graph, byId, sub, out);
}

/** The blueprint as a Markdown nested list: each statement, its status, what it uses and how. */
export function toMarkdown(graph: BlueprintGraph, problems: GraphProblem[] = []): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const out = ['## Blueprint', ''];
  out.push('The paper\'s numbered statements and the suite\'s claims as a dependency graph (drawn in index.html). ' +
    `Edges: ${(Object.keys(EDGE_TEXT) as EdgeKind[]).map((k) => `*${k}*: ${EDGE_TEXT[k].replace(/ \(.*\)$/, '')}`).join('; ')}. ` +
    'A node whose own check passed but which uses a violated node, directly or not, is listed as resting on it.', '');
  const counts = new Map<NodeStatus, number>();
  for (const n of graph.nodes) counts.set(n.status, (counts.get(n.status) ?? 0) + 1);
  out.push(`${graph.nodes.length} nodes: ${[...counts].map(([s, c]) => `${c} ${STATUS_TEXT[s]}`).join(', ')}; ${graph.edges.length} edges.`, '');
  for (const n of graph.nodes) if (n.statement) mdNode(n, graph, byId, '', out);
  const others = graph.nodes.filter((n) => !n.statement && !(n.parent && byId.has(n.parent)));
  if (others.length) {
    out.push('', '### Other claims', '');
    for (const n of others) mdNode(n, graph, byId, '', out);
  }
  if (problems.length) {
    out.push('', '### Blueprint problems', '');
    for (const p of problems) out.push(`- ${p.kind}: ${p.message}`);
  }
  out.push('');
  return out.join('\n');
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The report's blueprint section: a legend and the inline SVG (its nodes link to the claims' sections). */
export function blueprintHtmlSection(svg: string): string {
  const start = svg.indexOf('<svg');
  const body = start >= 0 ? svg.slice(start) : svg;
  const sw = (fill: string, border = '#444') => `<span style="display:inline-block;width:1.1em;height:0.9em;vertical-align:middle;background:${fill};border:2px solid ${border};margin:0 0.3em"></span>`;
  const statuses = (Object.keys(STATUS_FILL) as NodeStatus[]).map((s) => `${sw(STATUS_FILL[s])}${esc(STATUS_TEXT[s])}`).join(' ');
  const shapes = 'definition: box; lemma: ellipse; theorem: octagon; corollary: hexagon; proof step: rounded box; figure claim: tab; section claim: parallelogram';
  const edges = (Object.keys(EDGE_TEXT) as EdgeKind[]).map((k) => esc(EDGE_TEXT[k])).join('; ');
  return `<section id="blueprint"><h2>Blueprint: the claims' dependency graph</h2>
<p>Each numbered statement of the paper and each claim of the suite, an arrow from a statement to every statement that uses it, coloured by verdict. Click a node to open its claim; hover an edge for the paper's sentence.</p>
<p><b>Status</b>: ${statuses} ${sw('#fff', RED)}verified, but rests on a violated node (red border)</p>
<p><b>Shapes</b>: ${shapes}. <b>Edges</b>: ${edges}.</p>
<div style="overflow-x:auto">${body}</div></section>`;
}
