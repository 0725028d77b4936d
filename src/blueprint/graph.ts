/**
 * The blueprint: a graph of the paper's numbered statements and of the suite's claims, an edge
 * wherever one uses another, each node coloured by its verdict (Lean blueprints are the model).
 *
 * Edges are stored as "`from` uses `to`", whatever their kind:
 * - 'statement' / 'proof': the paper's own dependencies (theorems/dependencies.ts), with a quote;
 * - 'step': the parent 'x' uses its proof step 'x/suffix' (claims named 'section-N/...' or
 *   'appendix-X/...' are section claims, not proof steps);
 * - 'uses': a claim's own `uses` (a claim's `uses` of its own parent is the step edge itself);
 * - 'correction': a printed claim and its `correctedBy` sibling (not a use).
 * Renderers draw the arrow from `to` to `from` (from the used statement to its user).
 * Pure: the caller passes the registry, the table and the results.
 */
import type { AnyClaim, ClaimResult } from '../claims/types.ts';

export type StatementKind = 'definition' | 'lemma' | 'theorem' | 'corollary' | 'figure';

export interface PaperStatement {
  id: string;
  kind: StatementKind;
  /** As the paper names it, e.g. "Lemma 3.1 / A.1". */
  label: string;
  title: string;
  section: string;
  /** Other ids of the same statement (Lemma A.1 is Lemma 3.1): 'lemma-a.1'. */
  aliases?: string[];
}

export interface Dependency {
  from: string;
  to: string;
  kind: 'statement' | 'proof';
  /** The paper's sentence showing the use ('...' marks omissions). */
  quote: string;
  /** Where the quote stands in the paper. */
  where: string;
}

export type NodeKind = 'definition' | 'lemma' | 'theorem' | 'corollary' | 'proof step' | 'figure claim' | 'section claim';

/** 'corrected': violated as printed, with a verified correction. 'not-reproduced': an experiment our protocol contradicts (not an erratum). */
export type NodeStatus = 'verified' | 'corrected' | 'violated' | 'not-reproduced' | 'inconclusive' | 'not-checked';

export const STATUS_TEXT: Record<NodeStatus, string> = {
  verified: 'verified',
  corrected: 'violated as printed, correction verified',
  violated: 'violated',
  'not-reproduced': 'not reproduced under our protocol',
  inconclusive: 'inconclusive',
  'not-checked': 'not checked',
};

export type EdgeKind = Dependency['kind'] | 'step' | 'uses' | 'correction';

export interface BlueprintEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  quote?: string;
  where?: string;
}

export interface BlueprintNode {
  id: string;
  kind: NodeKind;
  /** Display name: the paper's label for a statement, the id for a claim. */
  label: string;
  title: string;
  /** Set when the node is one of the paper's numbered statements (or figures). */
  statement?: PaperStatement;
  /** The claim checking this node, if any (its section in the report is `#anchor(claimId)`). */
  claimId?: string;
  verdict?: ClaimResult['verdict'];
  status: NodeStatus;
  parent?: string;
  children: string[];
  /** Statuses of the proof steps, counted (shown even when the node has no claim of its own). */
  childStatuses: Partial<Record<NodeStatus, number>>;
  /** Violated nodes this node uses, directly or transitively, while its own check passed. */
  restsOn: string[];
}

export interface BlueprintGraph {
  nodes: BlueprintNode[];
  /** May name nodes that do not exist: checkGraph reports them, renderers skip them. */
  edges: BlueprintEdge[];
  statements: PaperStatement[];
}

export type ClaimInfo = Pick<AnyClaim, 'id' | 'title' | 'correctedBy' | 'corrects' | 'uses'>;
export type ResultInfo = Pick<ClaimResult, 'id' | 'title' | 'verdict' | 'correctedBy' | 'corrects'>;

export interface BlueprintInput {
  statements: PaperStatement[];
  dependencies: Dependency[];
  claims: ClaimInfo[];
  results: ResultInfo[];
}

/** Edge kinds along which a node uses another (status propagates along them). */
export const USE_KINDS: ReadonlySet<EdgeKind> = new Set<EdgeKind>(['statement', 'proof', 'step', 'uses']);

const KIND_BY_PREFIX: Record<string, NodeKind> = {
  definition: 'definition', lemma: 'lemma', theorem: 'theorem', corollary: 'corollary', figure: 'figure claim', section: 'section claim', appendix: 'section claim',
};

function prefixKind(id: string): NodeKind | undefined {
  return KIND_BY_PREFIX[id.split('-')[0]];
}

function claimKind(id: string): NodeKind {
  const slash = id.indexOf('/');
  const kind = prefixKind(id);
  if (slash < 0) return kind ?? 'section claim';
  return kind === 'section claim' || kind === 'figure claim' ? kind : 'proof step';
}

function statusOf(r: ResultInfo | undefined, results: Map<string, ResultInfo>): NodeStatus {
  if (!r) return 'not-checked';
  if (r.verdict === 'verified') return 'verified';
  if (r.verdict === 'inconclusive') return 'inconclusive';
  if (r.verdict === 'not-reproduced') return 'not-reproduced';
  if (r.verdict === 'violated-as-printed') {
    const fix = r.correctedBy ? results.get(r.correctedBy) : undefined;
    return fix?.verdict === 'verified' ? 'corrected' : 'violated';
  }
  return 'violated';
}

export function buildGraph(input: BlueprintInput): BlueprintGraph {
  const { statements, dependencies, claims } = input;
  const results = new Map(input.results.map((r) => [r.id, r]));
  const alias = new Map<string, string>();
  for (const s of statements) for (const a of s.aliases ?? []) alias.set(a, s.id);
  const claimIds = new Set(claims.map((c) => c.id));
  // A claim named by an alias ('lemma-b.1') is the statement's own claim unless the canonical id is a claim too.
  const nodeIdOf = (id: string) => (alias.has(id) && !claimIds.has(alias.get(id)!) ? alias.get(id)! : id);
  const canonical = (id: string) => alias.get(id) ?? id;

  const nodes = new Map<string, BlueprintNode>();
  const newNode = (id: string, kind: NodeKind, label: string, title: string, statement?: PaperStatement): BlueprintNode =>
    ({ id, kind, label, title, statement, status: 'not-checked', children: [], childStatuses: {}, restsOn: [] });
  for (const s of statements) nodes.set(s.id, newNode(s.id, s.kind === 'figure' ? 'figure claim' : s.kind, s.label, s.title, s));
  const infos: ClaimInfo[] = [...claims, ...input.results.filter((r) => !claimIds.has(r.id))];
  // The parent whose proof uses this claim: 'x' for 'x/suffix' (not for section claims), or the
  // canonical statement for an alias-named claim that could not be merged into it.
  const parentOf = (id: string): string | undefined => {
    const slash = id.indexOf('/');
    if (slash > 0) return claimKind(id) === 'section claim' ? undefined : canonical(id.slice(0, slash));
    return alias.get(id);
  };
  for (const c of infos) {
    const id = nodeIdOf(c.id);
    const node = nodes.get(id) ?? newNode(id, parentOf(id) ? 'proof step' : claimKind(id), id, c.title);
    const r = results.get(c.id);
    node.claimId = c.id;
    node.verdict = r?.verdict;
    node.status = statusOf(r, results);
    node.parent = parentOf(id);
    nodes.set(id, node);
  }

  const edges: BlueprintEdge[] = [];
  const seen = new Set<string>();
  const add = (e: BlueprintEdge) => {
    const key = `${e.kind === 'correction' ? 'c' : 'u'} ${e.from} ${e.to}`;
    if (seen.has(key)) return;
    seen.add(key);
    edges.push(e);
  };
  for (const dep of dependencies) add({ from: dep.from, to: dep.to, kind: dep.kind, quote: dep.quote, where: dep.where });
  for (const n of nodes.values()) {
    if (!n.parent) continue;
    nodes.get(n.parent)?.children.push(n.id);
    add({ from: n.parent, to: n.id, kind: 'step' });
  }
  for (const c of infos) {
    const id = nodeIdOf(c.id);
    for (const u of c.uses ?? []) {
      const target = nodeIdOf(u);
      if (target === nodes.get(id)!.parent || target === id) continue; // "part of": the step edge already says it
      add({ from: id, to: target, kind: 'uses' });
    }
    if (c.correctedBy) add({ from: id, to: nodeIdOf(c.correctedBy), kind: 'correction' });
    if (c.corrects) add({ from: nodeIdOf(c.corrects), to: id, kind: 'correction' });
  }

  for (const n of nodes.values()) {
    for (const ch of n.children) {
      const s = nodes.get(ch)!.status;
      n.childStatuses[s] = (n.childStatuses[s] ?? 0) + 1;
    }
  }
  propagate(nodes, edges);
  return { nodes: [...nodes.values()], edges, statements };
}

/** Marks every node whose own check passed but which uses, transitively, a violated node. */
function propagate(nodes: Map<string, BlueprintNode>, edges: BlueprintEdge[]): void {
  const uses = new Map<string, string[]>();
  for (const e of edges) if (USE_KINDS.has(e.kind) && nodes.has(e.to)) uses.set(e.from, [...(uses.get(e.from) ?? []), e.to]);
  const order = [...nodes.keys()];
  for (const n of nodes.values()) {
    if (n.status !== 'verified' && n.status !== 'corrected') continue;
    const reached = new Set<string>([n.id]);
    const stack = [...(uses.get(n.id) ?? [])];
    while (stack.length) {
      const id = stack.pop()!;
      if (reached.has(id)) continue;
      reached.add(id);
      stack.push(...(uses.get(id) ?? []));
    }
    n.restsOn = order.filter((id) => id !== n.id && reached.has(id) && nodes.get(id)!.status === 'violated');
  }
}

export interface GraphProblem {
  kind: 'missing-target' | 'cycle' | 'missing-statement';
  ids: string[];
  message: string;
}

/** Consistency of a blueprint: dangling edges, cycles of use, numbered statements without a node. */
export function checkGraph(graph: BlueprintGraph): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const ids = new Set(graph.nodes.map((n) => n.id));
  for (const e of graph.edges) {
    for (const end of [e.from, e.to]) {
      if (!ids.has(end)) problems.push({ kind: 'missing-target', ids: [e.from, e.to], message: `${e.kind} edge ${e.from} -> ${e.to}: '${end}' is neither a paper statement nor a claim` });
    }
  }
  for (const s of graph.statements) {
    if (!ids.has(s.id)) problems.push({ kind: 'missing-statement', ids: [s.id], message: `numbered statement ${s.label} (${s.id}) has no node` });
  }
  const out = new Map<string, string[]>();
  // Cycles of use only: a correction edge is not a use (a printed step may be corrected by its own parent).
  for (const e of graph.edges) if (USE_KINDS.has(e.kind) && ids.has(e.from) && ids.has(e.to)) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const state = new Map<string, 1 | 2>(); // 1 on the stack, 2 done
  const path: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 1);
    path.push(id);
    for (const next of out.get(id) ?? []) {
      if (state.get(next) === 1) {
        const cycle = [...path.slice(path.indexOf(next)), next];
        problems.push({ kind: 'cycle', ids: cycle, message: `cycle: ${cycle.join(' -> ')}` });
      } else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(id, 2);
  };
  for (const n of graph.nodes) if (!state.has(n.id)) visit(n.id);
  return problems;
}
