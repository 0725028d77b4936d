/**
 * Reading the blueprint one result at a time, as Lean blueprints do (leanblueprint's
 * `fully_proved`, verso-blueprint's per-node view):
 * - statement status and proof status apart: a node's statement is its own check; its proof is the
 *   set of its checked proof steps (its children);
 * - `fullyVerified`: the node is verified, and its proof steps and everything it uses, transitively,
 *   are verified (a printed formula that fails but whose correction is verified counts as verified
 *   ground for what rests on it, which rests on the corrected form; it is not itself fully verified);
 * - the neighbourhood of a node (ancestors: what it uses; descendants: what uses it), for the focus
 *   view and the "impact" of an erratum.
 * Pure functions over a BlueprintGraph.
 */
import { USE_KINDS, type BlueprintGraph, type BlueprintNode, type NodeStatus } from './graph.ts';

/** Status of a node's proof: its proof steps, worst first; 'none' when no step is checked on its own. */
export type ProofStatus = 'verified' | 'corrected' | 'violated' | 'incomplete' | 'none';

export const PROOF_TEXT: Record<ProofStatus, string> = {
  verified: 'every proof step verified',
  corrected: 'proof steps verified, some after correcting a printed formula',
  violated: 'a proof step is violated',
  incomplete: 'some proof steps not checked, inconclusive or not reproduced',
  none: 'no proof step checked on its own',
};

const OK = new Set<NodeStatus>(['verified', 'corrected']);

export function proofStatus(n: BlueprintNode, byId: Map<string, BlueprintNode>): ProofStatus {
  if (!n.children.length) return 'none';
  const st = n.children.map((c) => byId.get(c)?.status ?? 'not-checked');
  if (st.includes('violated')) return 'violated';
  if (st.some((s) => !OK.has(s))) return 'incomplete';
  return st.includes('corrected') ? 'corrected' : 'verified';
}

/** `from` uses `to`, along use edges between existing nodes. */
function useMaps(graph: BlueprintGraph): { uses: Map<string, string[]>; usedBy: Map<string, string[]> } {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const uses = new Map<string, string[]>(), usedBy = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (!USE_KINDS.has(e.kind) || !ids.has(e.from) || !ids.has(e.to)) continue;
    uses.set(e.from, [...(uses.get(e.from) ?? []), e.to]);
    usedBy.set(e.to, [...(usedBy.get(e.to) ?? []), e.from]);
  }
  return { uses, usedBy };
}

function closure(start: string, next: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...(next.get(start) ?? [])];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id) || id === start) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return seen;
}

export interface NodeReading {
  id: string;
  statement: NodeStatus;
  proof: ProofStatus;
  /** The node, its proof steps and everything it uses, transitively, are verified. */
  fullyVerified: boolean;
  /** What the node uses, transitively (its proof steps included), in graph order. */
  ancestors: string[];
  /** What uses the node, transitively, in graph order: an erratum's "impact". */
  descendants: string[];
  /** Direct uses and direct users (the claim section lists these). */
  uses: string[];
  usedBy: string[];
}

export function readGraph(graph: BlueprintGraph): Map<string, NodeReading> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const { uses, usedBy } = useMaps(graph);
  const order = graph.nodes.map((n) => n.id);
  const inOrder = (s: Set<string>) => order.filter((id) => s.has(id));
  const out = new Map<string, NodeReading>();
  const ownOk = (n: BlueprintNode) => OK.has(n.status) && ['verified', 'corrected', 'none'].includes(proofStatus(n, byId));
  for (const n of graph.nodes) {
    const anc = closure(n.id, uses);
    out.set(n.id, {
      id: n.id,
      statement: n.status,
      proof: proofStatus(n, byId),
      fullyVerified: n.status === 'verified' && ownOk(n) && [...anc].every((a) => ownOk(byId.get(a)!)),
      ancestors: inOrder(anc),
      descendants: inOrder(closure(n.id, usedBy)),
      uses: [...new Set(uses.get(n.id) ?? [])],
      usedBy: [...new Set(usedBy.get(n.id) ?? [])],
    });
  }
  return out;
}

/** The node ids of a focus view: the node, its ancestors and its descendants. */
export function neighbourhood(readings: Map<string, NodeReading>, id: string): string[] {
  const r = readings.get(id);
  return r ? [id, ...r.ancestors, ...r.descendants] : [];
}
