/**
 * The blueprint at the level of the paper's statements, for the report's first screen: each
 * statement with its proof steps collapsed into one node (and the section claims of a section into
 * one), an edge wherever a member of one uses a member of another. Same encoding as the full graph:
 * border = the statement's own check, fill = its proof steps' checks, dark fill and a check mark
 * when it is fully verified (it, its steps and everything it rests on).
 */
import { anchor } from '../report/markdown.ts';
import { readGraph, type ProofStatus } from './focus.ts';
import { STATUS_TEXT, USE_KINDS, type BlueprintGraph, type BlueprintNode, type NodeStatus } from './graph.ts';
import { clusterRoot, FULLY_FILL, groupLabel, linked, PROOF_FILL, q, SHAPE, STATEMENT_BORDER, wrap } from './render.ts';

const WORST: NodeStatus[] = ['violated', 'inconclusive', 'not-checked', 'not-reproduced', 'corrected', 'verified'];

function worst(statuses: NodeStatus[]): NodeStatus {
  for (const s of WORST) if (statuses.includes(s)) return s;
  return 'not-checked';
}

function proofOf(statuses: NodeStatus[]): ProofStatus {
  if (!statuses.length) return 'none';
  const w = worst(statuses);
  return w === 'verified' || w === 'corrected' || w === 'violated' ? w : 'incomplete';
}

export interface OverviewGroup {
  root: string;
  node?: BlueprintNode;
  members: BlueprintNode[];
}

export function overviewGroups(graph: BlueprintGraph): Map<string, OverviewGroup> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const groups = new Map<string, OverviewGroup>();
  for (const n of graph.nodes) {
    const root = clusterRoot(n, byId) ?? n.id;
    const g = groups.get(root) ?? { root, node: byId.get(root), members: [] };
    g.members.push(n);
    groups.set(root, g);
  }
  return groups;
}

/** DOT text of the statement-level blueprint. */
export function toOverviewDot(graph: BlueprintGraph): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const readings = readGraph(graph);
  const groups = overviewGroups(graph);
  const rootOf = new Map<string, string>();
  for (const g of groups.values()) for (const m of g.members) rootOf.set(m.id, g.root);
  const out = [
    'digraph overview {',
    '  graph [rankdir=TB, fontname="Helvetica", fontsize=15, nodesep=0.15, ranksep=0.35, tooltip="qnn-verify blueprint (statements)"];',
    '  node [fontname="Helvetica", fontsize=15, style=filled, penwidth=3, margin="0.06,0.03"];',
    '  edge [color="#555555", arrowsize=0.7];',
  ];
  for (const g of groups.values()) {
    const steps = g.members.filter((m) => m.id !== g.root);
    const n = g.node;
    const statement: NodeStatus = n ? n.status : worst(g.members.map((m) => m.status));
    const proof: ProofStatus = n ? readings.get(n.id)!.proof : proofOf(steps.map((m) => m.status));
    // A group of section claims: fully verified when each member is, or is a printed form whose correction is verified.
    const fully = n ? readings.get(n.id)!.fullyVerified : g.members.every((m) => readings.get(m.id)!.fullyVerified || m.status === 'corrected');
    const counts = new Map<NodeStatus, number>();
    for (const m of steps) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
    const stepText = steps.length ? `${steps.length} ${n ? 'step' : 'claim'}${steps.length === 1 ? '' : 's'}: ${[...counts].map(([s, c]) => `${c} ${s === 'corrected' ? 'corrected' : STATUS_TEXT[s]}`).join(', ')}` : '';
    let label = n?.statement ? `${n.statement.label}\n${wrap(n.title, 22)}` : n ? n.id : `${groupLabel(g.root)}\n(section claims)`;
    if (stepText) label += `\n${stepText}`;
    if (fully) label = `\u2713 ${label}`;
    const tip = [`${n?.statement?.label ?? g.root}: ${n?.title ?? 'claims of the section'}`, `statement: ${STATUS_TEXT[statement]}`];
    if (stepText) tip.push(stepText);
    if (fully) tip.push('fully verified: it and everything it rests on are verified');
    // A statement: its claim's section, or its focus view; a group of section claims: the section in the report.
    const url = n && linked(n) ? `#${anchor(n.claimId!)}` : n ? `#focus-${anchor(n.id)}` : `#part-${anchor(g.root.replace(/^(section|appendix)-/, ''))}`;
    const attrs = [`label=${q(label)}`, n ? SHAPE[n.kind].replace(/, fontsize=10/, '') : 'shape=folder', `fillcolor=${q(fully ? FULLY_FILL : PROOF_FILL[proof])}`,
      `color=${q(STATEMENT_BORDER[statement])}`, `tooltip=${q(tip.join('\n'))}`, `id=${q(`bpo-${anchor(g.root)}`)}`, `URL=${q(url)}`, 'target="_top"',
      `class=${q(`bpo-node${fully ? ' bp-fully' : ''}`)}`];
    if (fully) attrs.push('fontcolor="#ffffff"');
    if (statement === 'not-checked') attrs.push('style="filled,dashed"');
    out.push(`  ${q(g.root)} [${attrs.join(', ')}];`);
  }
  const seen = new Set<string>();
  for (const e of graph.edges) {
    if (!USE_KINDS.has(e.kind) || !byId.has(e.from) || !byId.has(e.to)) continue;
    const a = rootOf.get(e.to)!, b = rootOf.get(e.from)!;
    if (a === b || seen.has(`${a} ${b}`)) continue;
    seen.add(`${a} ${b}`);
    out.push(`  ${q(a)} -> ${q(b)} [tooltip=${q(`${b} uses ${a}`)}];`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
