/**
 * The blueprint (src/blueprint): consistency of the real registry with the paper's dependency
 * table, status propagation on small synthetic graphs, and the DOT -> SVG rendering.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimResult } from '../../src/claims/types.ts';
import { buildGraph, checkGraph, type BlueprintGraph, type ClaimInfo, type PaperStatement, type ResultInfo } from '../../src/blueprint/graph.ts';
import { blueprintHtmlSection, renderSvg, toDot, toMarkdown } from '../../src/blueprint/render.ts';
import { anchor } from '../../src/report/markdown.ts';
import { claims } from '../../theorems/index.ts';
import { DEPENDENCIES, PAPER_STATEMENTS } from '../../theorems/dependencies.ts';
import { paperText } from '../claims/coverage-paper.ts';


/** Every claim with the verdict it is expected to get (the registry is not run here). */
function expectedResults(): ResultInfo[] {
  return claims.map((c) => ({ id: c.id, title: c.title, correctedBy: c.correctedBy, corrects: c.corrects, verdict: c.expectation === 'holds' ? 'verified' : c.expectation === 'not-reproduced' ? 'not-reproduced' : 'violated-as-printed' }));
}

function realGraph(): BlueprintGraph {
  return buildGraph({ statements: PAPER_STATEMENTS, dependencies: DEPENDENCIES, claims, results: expectedResults() });
}

const fmt = (g: BlueprintGraph) => checkGraph(g).map((p) => p.message).join('\n');

describe('the paper dependency table', () => {
  it('names only numbered statements, once per pair, with a quote and a place', () => {
    const ids = new Set(PAPER_STATEMENTS.map((s) => s.id));
    expect(ids.size).toBe(PAPER_STATEMENTS.length);
    const pairs = new Set<string>();
    for (const d of DEPENDENCIES) {
      expect(ids.has(d.from), d.from).toBe(true);
      expect(ids.has(d.to), d.to).toBe(true);
      expect(d.from).not.toBe(d.to);
      expect(pairs.has(`${d.from} ${d.to}`), `${d.from} -> ${d.to} twice`).toBe(false);
      pairs.add(`${d.from} ${d.to}`);
      expect(d.quote.length, `${d.from} -> ${d.to} quote`).toBeGreaterThan(20);
      expect(d.where.length).toBeGreaterThan(0);
    }
  });
  it('has every figure use the statement it illustrates, and the uses the issue names', () => {
    for (const f of PAPER_STATEMENTS.filter((s) => s.kind === 'figure')) expect(DEPENDENCIES.some((d) => d.from === f.id), f.id).toBe(true);
    const has = (from: string, to: string) => DEPENDENCIES.some((d) => d.from === from && d.to === to);
    for (const [from, to] of [
      ['theorem-3.2', 'lemma-3.1'], ['theorem-4.2', 'lemma-4.1'], ['theorem-4.2', 'lemma-b.2'], ['theorem-4.2', 'lemma-b.3'], ['theorem-4.2', 'lemma-b.4'],
      ['lemma-b.4', 'lemma-b.3'], ['theorem-4.4', 'lemma-c.1'], ['theorem-4.4', 'lemma-c.2'], ['corollary-4.3', 'theorem-4.2'],
      ['lemma-4.1', 'lemma-3.1'], ['lemma-4.1', 'definition-2.1'],
    ]) expect(has(from, to), `${from} uses ${to}`).toBe(true);
  });
  it('quotes the paper verbatim (each fragment between "..." is in the text)', () => {
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
    const paper = norm(paperText());
    for (const d of DEPENDENCIES) {
      for (const frag of d.quote.split('...').map(norm).filter(Boolean)) expect(paper.includes(frag), `${d.from} -> ${d.to}: "${frag}"`).toBe(true);
    }
  });
});

describe('blueprint of the real registry', () => {
  const graph = realGraph();
  const ids = new Set(graph.nodes.map((n) => n.id));
  it('has a node for every numbered statement and every claim', () => {
    for (const s of PAPER_STATEMENTS) expect(ids.has(s.id), s.id).toBe(true);
    for (const c of claims) expect(ids.has(c.id) || graph.nodes.some((n) => n.claimId === c.id), c.id).toBe(true);
  });
  it('every uses/edge target exists', () => {
    const dangling = graph.edges.filter((e) => !ids.has(e.from) || !ids.has(e.to)).map((e) => `${e.kind} ${e.from} -> ${e.to}`);
    expect(dangling, fmt(graph)).toEqual([]);
  });
  it('is acyclic', () => {
    expect(checkGraph(graph).filter((p) => p.kind === 'cycle').map((p) => p.message)).toEqual([]);
  });
  it('passes checkGraph', () => {
    expect(checkGraph(graph), fmt(graph)).toEqual([]);
  });
  it('rests nothing on a violated node when every claim gets its expected verdict', () => {
    expect(graph.nodes.filter((n) => n.restsOn.length).map((n) => n.id)).toEqual([]);
    expect(graph.nodes.filter((n) => n.status === 'violated').map((n) => n.id)).toEqual([]);
  });
});

// A small synthetic paper: D <- L <- T <- C, T also uses a printed step with its correction.
const S = (id: string, kind: PaperStatement['kind']): PaperStatement => ({ id, kind, label: id.toUpperCase(), title: `title of ${id}`, section: '1' });
const statements = [S('definition-1.1', 'definition'), S('lemma-1.2', 'lemma'), S('theorem-1.3', 'theorem'), S('corollary-1.4', 'corollary'), S('lemma-1.5', 'lemma')];
const deps = [
  { from: 'lemma-1.2', to: 'definition-1.1', kind: 'statement' as const, quote: 'as in Definition 1.1', where: 'x' },
  { from: 'theorem-1.3', to: 'lemma-1.2', kind: 'proof' as const, quote: 'By Lemma 1.2', where: 'x' },
  { from: 'corollary-1.4', to: 'theorem-1.3', kind: 'proof' as const, quote: 'By Theorem 1.3', where: 'x' },
];
const r = (id: string, verdict: ClaimResult['verdict'], correctedBy?: string): ResultInfo => ({ id, title: id, verdict, correctedBy });
const c = (id: string, extra: Partial<ClaimInfo> = {}): ClaimInfo => ({ id, title: id, ...extra });

function synthetic(results: ResultInfo[], extraClaims: ClaimInfo[] = []): BlueprintGraph {
  const cl = [c('definition-1.1'), c('lemma-1.2'), c('theorem-1.3'), c('corollary-1.4'), ...extraClaims];
  return buildGraph({ statements, dependencies: deps, claims: cl, results });
}
const node = (g: BlueprintGraph, id: string) => g.nodes.find((n) => n.id === id)!;

describe('status propagation', () => {
  it('a violated lemma makes the verified theorem that uses it, and its users, rest on it', () => {
    const g = synthetic([r('definition-1.1', 'verified'), r('lemma-1.2', 'violated'), r('theorem-1.3', 'verified'), r('corollary-1.4', 'verified')]);
    expect(node(g, 'lemma-1.2').status).toBe('violated');
    expect(node(g, 'theorem-1.3').restsOn).toEqual(['lemma-1.2']);
    expect(node(g, 'corollary-1.4').restsOn).toEqual(['lemma-1.2']);
    expect(node(g, 'definition-1.1').restsOn).toEqual([]);
    expect(node(g, 'lemma-1.2').restsOn).toEqual([]); // its own check failed: it is the problem, not resting on one
  });
  it('a step violated as printed with a verified correction does not; without one it does', () => {
    const steps = [c('theorem-1.3/eq-1', { correctedBy: 'theorem-1.3/eq-1-fixed', uses: ['theorem-1.3'] }), c('theorem-1.3/eq-1-fixed', { corrects: 'theorem-1.3/eq-1' })];
    const base = [r('definition-1.1', 'verified'), r('lemma-1.2', 'verified'), r('theorem-1.3', 'verified'), r('corollary-1.4', 'verified')];
    const ok = synthetic([...base, r('theorem-1.3/eq-1', 'violated-as-printed', 'theorem-1.3/eq-1-fixed'), r('theorem-1.3/eq-1-fixed', 'verified')], steps);
    expect(node(ok, 'theorem-1.3/eq-1').status).toBe('corrected');
    expect(node(ok, 'theorem-1.3').restsOn).toEqual([]);
    expect(node(ok, 'theorem-1.3').children).toEqual(['theorem-1.3/eq-1', 'theorem-1.3/eq-1-fixed']);
    expect(ok.edges.filter((e) => e.kind === 'correction')).toEqual([{ from: 'theorem-1.3/eq-1', to: 'theorem-1.3/eq-1-fixed', kind: 'correction' }]);
    expect(checkGraph(ok), fmt(ok)).toEqual([]); // the step's `uses` of its parent is not a cycle
    const bad = synthetic([...base, r('theorem-1.3/eq-1', 'violated-as-printed', 'theorem-1.3/eq-1-fixed'), r('theorem-1.3/eq-1-fixed', 'violated')], steps);
    expect(node(bad, 'theorem-1.3/eq-1').status).toBe('violated');
    expect(node(bad, 'corollary-1.4').restsOn).toEqual(['theorem-1.3/eq-1', 'theorem-1.3/eq-1-fixed']);
  });
  it('a statement without a claim is not checked but shows its steps; unreported claims are not checked', () => {
    const g = synthetic([r('lemma-1.5/a', 'verified'), r('lemma-1.5/b', 'violated')], [c('lemma-1.5/a'), c('lemma-1.5/b'), c('lemma-1.5/c')]);
    const n = node(g, 'lemma-1.5');
    expect(n.status).toBe('not-checked');
    expect(n.claimId).toBeUndefined();
    expect(n.childStatuses).toEqual({ verified: 1, violated: 1, 'not-checked': 1 });
    expect(node(g, 'lemma-1.5/a').kind).toBe('proof step');
    expect(node(g, 'theorem-1.3').status).toBe('not-checked');
  });
  it('merges an alias-named claim into its statement and attaches alias-named steps to it', () => {
    const st = [...statements.slice(0, 4), { ...S('lemma-1.5', 'lemma'), aliases: ['lemma-x.1'] }];
    const g = buildGraph({ statements: st, dependencies: deps, claims: [c('lemma-x.1'), c('lemma-x.1/eq-2', { uses: ['lemma-x.1'] })], results: [r('lemma-x.1', 'verified')] });
    expect(node(g, 'lemma-1.5').claimId).toBe('lemma-x.1');
    expect(node(g, 'lemma-1.5').status).toBe('verified');
    expect(node(g, 'lemma-x.1/eq-2').parent).toBe('lemma-1.5');
    expect(checkGraph(g)).toEqual([]);
  });
});

describe('checkGraph', () => {
  it('reports a dangling uses, a cycle and a missing numbered statement', () => {
    const g = synthetic([], [c('lemma-1.2/a', { uses: ['lemma-9.9'] }), c('section-2/x', { uses: ['section-2/y'] }), c('section-2/y', { uses: ['section-2/x'] })]);
    g.nodes = g.nodes.filter((n) => n.id !== 'lemma-1.5');
    const kinds = checkGraph(g).map((p) => p.kind).sort();
    expect(kinds).toEqual(['cycle', 'missing-statement', 'missing-target']);
    expect(checkGraph(g).find((p) => p.kind === 'cycle')!.ids).toEqual(['section-2/x', 'section-2/y', 'section-2/x']);
  });
  it('does not count a correction by the parent itself as a cycle', () => {
    const g = synthetic([r('theorem-1.3', 'verified'), r('theorem-1.3/printed', 'violated-as-printed', 'theorem-1.3')], [c('theorem-1.3/printed', { correctedBy: 'theorem-1.3' })]);
    expect(checkGraph(g)).toEqual([]);
    expect(node(g, 'theorem-1.3/printed').status).toBe('corrected');
  });
});

describe('rendering', () => {
  it('renders DOT to an SVG with a node per statement and links to the claims\' sections', async () => {
    const graph = realGraph();
    const dot = toDot(graph);
    expect(dot).toMatch(/^digraph blueprint \{/);
    expect(dot).toContain('style=dashed');
    const svg = await renderSvg(dot);
    expect(svg).toContain('<svg');
    const text = svg.replace(/&#45;/g, '-');
    for (const s of PAPER_STATEMENTS) expect(text, s.id).toContain(`<title>${s.id}</title>`);
    for (const n of graph.nodes.filter((x) => x.claimId && x.verdict)) expect(svg, n.id).toContain(`href="#${anchor(n.claimId!)}"`);
    expect(svg).not.toContain('href="#definition-21"'.replace('21', '99'));
    const section = blueprintHtmlSection(svg);
    expect(section).toMatch(/^<section id="blueprint">/);
    expect(section).not.toContain('<?xml');
    expect(section).toContain('verified');
  });
  it('marks a node resting on a violated one (its border stays its own check), and lists it in Markdown', () => {
    const g = synthetic([r('definition-1.1', 'verified'), r('lemma-1.2', 'violated'), r('theorem-1.3', 'verified')]);
    const dot = toDot(g).split('\n');
    const line = dot.find((l) => l.trim().startsWith('"theorem-1.3" ['))!;
    expect(line).toContain('(rests on a violated node)');
    expect(line).toContain('penwidth=3.5');
    expect(line).toContain('color="#1f8a3a"'); // its own statement check passed
    expect(line).not.toContain('bp-fully');
    expect(dot.find((l) => l.trim().startsWith('"lemma-1.2" ['))).toContain('color="#d00000"');
    expect(line).toContain('URL="#theorem-13"');
    const md = toMarkdown(g, checkGraph(g));
    expect(md).toContain('- **THEOREM-1.3** title of theorem-1.3: verified ([theorem-1.3](#theorem-13))');
    expect(md).toContain('  - uses **LEMMA-1.2** (proof; x): "By Lemma 1.2"');
    expect(md).toContain('  - rests on violated: **LEMMA-1.2**');
    expect(md).not.toContain('Blueprint problems');
  });
});
