/**
 * Renderings of the blueprint graph: DOT text for Graphviz, SVG through @viz-js/viz (Graphviz
 * compiled to WebAssembly; no system binary needed), a Markdown nested list, and the HTML section
 * of the report. Arrows point from the used statement to its user, as in Lean blueprints.
 */
import { instance, type Viz } from '@viz-js/viz';
import { anchor } from '../report/markdown.ts';
import { PROOF_TEXT, readGraph, type NodeReading, type ProofStatus } from './focus.ts';
import { STATUS_TEXT, USE_KINDS, type BlueprintEdge, type BlueprintGraph, type BlueprintNode, type EdgeKind, type GraphProblem, type NodeKind, type NodeStatus } from './graph.ts';

/** Colours of the statuses in the Markdown-side legends and the report's verdict badges. */
export const STATUS_FILL: Record<NodeStatus, string> = {
  verified: '#9fe0a0',
  corrected: '#ffe08a',
  violated: '#f4a3a3',
  'not-reproduced': '#f6c6a0',
  inconclusive: '#cfc8f2',
  'not-checked': '#ffffff',
};

export const SHAPE: Record<NodeKind, string> = {
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

export function q(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** LaTeX of a quote made readable in a tooltip. */
export function plain(s: string): string {
  let t = s;
  for (let k = 0; k < 3; k++) t = t.replace(/\\(mathbf|boldsymbol|mathsf|mathcal|operatorname|text)\{([^{}]*)\}/g, '$2');
  return t.replace(/\$/g, '').replace(/\\(left|right)/g, '').replace(/\s+/g, ' ').trim();
}

export function wrap(s: string, width: number): string {
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
export function linked(n: BlueprintNode): boolean {
  return n.claimId !== undefined && n.verdict !== undefined;
}

/** Border colour: the statement's own check (the node's claim). */
export const STATEMENT_BORDER: Record<NodeStatus, string> = {
  verified: '#1f8a3a',
  corrected: '#b07800',
  violated: '#d00000',
  'not-reproduced': '#707070',
  inconclusive: '#6a4fc8',
  'not-checked': '#a0a0a0',
};

/** Fill: the proof steps' checks (dark green when fully verified, see focus.ts). */
export const PROOF_FILL: Record<ProofStatus, string> = {
  verified: '#a8e2a8',
  corrected: '#ffe08a',
  violated: '#f4a3a3',
  incomplete: '#e4e4e4',
  none: '#ffffff',
};

export const FULLY_FILL = '#1f7a35';

function nodeLine(n: BlueprintNode, inCluster: boolean, reading: NodeReading | undefined): string {
  // Inside its cluster (the parent's, or the section's) a claim is named by its suffix.
  let label = n.statement ? `${n.statement.label}\n${wrap(n.title, 24)}` : inCluster && n.id.includes('/') ? n.id.slice(n.id.indexOf('/') + 1) : n.id;
  if (n.statement && !n.claimId && n.children.length) label += `\n(steps: ${childSummary(n)})`;
  const fully = reading?.fullyVerified ?? false;
  if (fully) label = `\u2713 ${label}`;
  if (n.restsOn.length) label += '\n(rests on a violated node)';
  const proof = reading?.proof ?? 'none';
  const tip = [`${n.statement ? n.statement.label : n.id}: ${n.title}`, `statement: ${STATUS_TEXT[n.status]}`, `proof: ${PROOF_TEXT[proof]}`];
  if (fully) tip.push('fully verified: it and everything it rests on are verified');
  if (n.restsOn.length) tip.push(`rests on violated: ${n.restsOn.join(', ')}`);
  const attrs = [`label=${q(label)}`, SHAPE[n.kind], `fillcolor=${q(fully ? FULLY_FILL : PROOF_FILL[proof])}`, `color=${q(STATEMENT_BORDER[n.status])}`, 'penwidth=2.4',
    `tooltip=${q(tip.join('\n'))}`, `id=${q(`bp-${anchor(n.id)}`)}`, `class=${q(`bp-node${fully ? ' bp-fully' : ''} bp-st-${n.status} bp-pr-${proof}`)}`];
  if (fully) attrs.push('fontcolor="#ffffff"');
  if (n.status === 'not-checked') attrs.push(n.kind === 'proof step' ? 'style="rounded,filled,dashed"' : 'style="filled,dashed"');
  if (linked(n)) attrs.push(`URL=${q(`#${anchor(n.claimId!)}`)}`, 'target="_top"');
  if (n.restsOn.length) attrs.push(`penwidth=3.5`);
  return `  ${q(n.id)} [${attrs.join(', ')}];`;
}

function edgeLine(e: BlueprintEdge): string {
  const [tail, head] = USE_KINDS.has(e.kind) ? [e.to, e.from] : [e.from, e.to];
  const tip = e.quote ? `${e.from} uses ${e.to} (${e.kind}; ${e.where}): "${plain(e.quote)}"` : `${e.from} ${e.kind === 'correction' ? 'is corrected by' : 'uses'} ${e.to} (${e.kind})`;
  return `  ${q(tail)} -> ${q(head)} [${EDGE_STYLE[e.kind]}, tooltip=${q(tip)}];`;
}

/** The cluster a node is drawn in: its parent's, its own when it has steps, its section's for a section claim. */
export function clusterRoot(n: BlueprintNode, byId: Map<string, BlueprintNode>): string | undefined {
  return n.parent && byId.has(n.parent) ? n.parent : n.children.length ? n.id : n.kind === 'section claim' && n.id.includes('/') ? n.id.split('/')[0] : undefined;
}

/** 'section-3' -> 'Section 3', 'appendix-d' -> 'Appendix d'. */
export function groupLabel(root: string): string {
  return root.replace(/^(section|appendix)-/, (m) => `${m[0].toUpperCase()}${m.slice(1, -1)} `);
}

/** DOT text of the blueprint: shapes by kind, fill by status, red border when resting on a violated node. */
export function toDot(graph: BlueprintGraph): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const readings = readGraph(graph);
  const clusters = new Map<string, { label: string; members: BlueprintNode[] }>();
  const loose: BlueprintNode[] = [];
  for (const n of graph.nodes) {
    const root = clusterRoot(n, byId);
    if (!root) {
      loose.push(n);
      continue;
    }
    const c = clusters.get(root) ?? { label: byId.has(root) ? '' : groupLabel(root), members: [] };
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
    for (const n of c.members) out.push(`  ${nodeLine(n, true, readings.get(n.id))}`);
    out.push('  }');
  }
  for (const n of loose) out.push(nodeLine(n, false, readings.get(n.id)));
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
  const sw = (fill: string, border = '#444', dashed = false) => `<span class="bp-swatch" style="background:${fill};border:2px ${dashed ? 'dashed' : 'solid'} ${border}"></span>`;
  const borders = (Object.keys(STATEMENT_BORDER) as NodeStatus[]).map((s) => `${sw('#fff', STATEMENT_BORDER[s], s === 'not-checked')}${esc(STATUS_TEXT[s])}`).join(' ');
  const fills = (Object.keys(PROOF_FILL) as ProofStatus[]).map((s) => `${sw(PROOF_FILL[s])}${esc(PROOF_TEXT[s])}`).join(' ');
  const shapes = 'definition: box; lemma: ellipse; theorem: octagon; corollary: hexagon; proof step: rounded box; figure claim: tab; section claim: parallelogram';
  const edges = (Object.keys(EDGE_TEXT) as EdgeKind[]).map((k) => esc(EDGE_TEXT[k])).join('; ');
  return `<section id="blueprint"><h2>Blueprint: what rests on what</h2>
<p class="bp-focusbar" id="bp-focusbar" hidden>Focus: <b id="bp-focusname"></b>, with what it rests on and what rests on it (<span id="bp-focuscount"></span> nodes). <a href="#blueprint">Show the whole graph</a></p>
<div class="bp-box" id="bp-box">${body}</div>
<details class="bp-legend"><summary>How to read the graph</summary>
<p>Arrows run from a statement to each statement that uses it. <b>Border</b> = the statement's own check: ${borders}.
<b>Fill</b> = its proof steps' checks: ${fills}. ${sw(FULLY_FILL)}<b>&#x2713; fully verified</b>: the node, its proof steps and everything it rests on, all the way down, are verified (a printed formula whose correction is verified counts as its correction).</p>
<p><b>Shapes</b>: ${shapes}. <b>Edges</b>: ${edges}. Click a node to open its claim; each claim's section links to the node's focus view (<code>#focus-&lt;claim&gt;</code>).</p></details></section>`;
}

/** The first screen's statement-level graph (overview.ts), with a one-line key; the legend is the full graph's. */
export function overviewHtmlSection(svg: string): string {
  const start = svg.indexOf('<svg');
  const body = start >= 0 ? svg.slice(start) : svg;
  return `<section id="blueprint-overview"><h2>Blueprint of the paper</h2>
<p class="meta">One node per statement, its proof steps folded in. Border: the statement's own check; fill: its proof steps'; <span class="fully">&#x2713;</span> dark: fully verified, down to everything it rests on. <a href="#blueprint">Every claim, with focus views</a>.</p>
<div class="bp-overview">${body}</div></section>`;
}
