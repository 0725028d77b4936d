/**
 * src/blueprint/focus.ts and overview.ts on small synthetic graphs: statement status and proof
 * status apart, the fully-verified closure (leanblueprint's fully_proved), the neighbourhood of a
 * focus view and an erratum's impact; and the statement-level overview of the real registry.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimResult } from '../../src/claims/types.ts';
import { neighbourhood, proofStatus, readGraph } from '../../src/blueprint/focus.ts';
import { buildGraph, type ClaimInfo, type PaperStatement, type ResultInfo } from '../../src/blueprint/graph.ts';
import { overviewGroups, toOverviewDot } from '../../src/blueprint/overview.ts';
import { renderSvg, toDot } from '../../src/blueprint/render.ts';
import { claims } from '../../theorems/index.ts';
import { DEPENDENCIES, PAPER_STATEMENTS } from '../../theorems/dependencies.ts';

// D <- L <- T <- C; L has two proof steps, one printed wrongly with a verified correction.
const S = (id: string, kind: PaperStatement['kind']): PaperStatement => ({ id, kind, label: id.toUpperCase(), title: `title of ${id}`, section: '1' });
const statements = [S('definition-1.1', 'definition'), S('lemma-1.2', 'lemma'), S('theorem-1.3', 'theorem'), S('corollary-1.4', 'corollary')];
const deps = [
  { from: 'lemma-1.2', to: 'definition-1.1', kind: 'statement' as const, quote: 'as in Definition 1.1', where: 'x' },
  { from: 'theorem-1.3', to: 'lemma-1.2', kind: 'proof' as const, quote: 'By Lemma 1.2', where: 'x' },
  { from: 'corollary-1.4', to: 'theorem-1.3', kind: 'proof' as const, quote: 'By Theorem 1.3', where: 'x' },
];
const c = (id: string, extra: Partial<ClaimInfo> = {}): ClaimInfo => ({ id, title: id, ...extra });
const r = (id: string, verdict: ClaimResult['verdict'], correctedBy?: string): ResultInfo => ({ id, title: id, verdict, correctedBy });
const claimsOf = [c('definition-1.1'), c('lemma-1.2'), c('theorem-1.3'), c('corollary-1.4'), c('lemma-1.2/eq-1', { correctedBy: 'lemma-1.2/eq-1-fixed' }), c('lemma-1.2/eq-1-fixed', { corrects: 'lemma-1.2/eq-1' }), c('lemma-1.2/eq-2')];

function graph(over: Record<string, ClaimResult['verdict']> = {}) {
  const v = (id: string, d: ClaimResult['verdict']) => over[id] ?? d;
  return buildGraph({ statements, dependencies: deps, claims: claimsOf, results: [
    r('definition-1.1', v('definition-1.1', 'verified')), r('lemma-1.2', v('lemma-1.2', 'verified')), r('theorem-1.3', v('theorem-1.3', 'verified')),
    r('corollary-1.4', v('corollary-1.4', 'verified')), r('lemma-1.2/eq-1', v('lemma-1.2/eq-1', 'violated-as-printed'), 'lemma-1.2/eq-1-fixed'),
    r('lemma-1.2/eq-1-fixed', v('lemma-1.2/eq-1-fixed', 'verified')), r('lemma-1.2/eq-2', v('lemma-1.2/eq-2', 'verified')),
  ] });
}

describe('statement and proof status, fully verified', () => {
  it('separates the statement check (status) from the proof steps (proofStatus)', () => {
    const g = graph();
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    expect(proofStatus(byId.get('lemma-1.2')!, byId)).toBe('corrected');
    expect(proofStatus(byId.get('theorem-1.3')!, byId)).toBe('none');
    const bad = graph({ 'lemma-1.2/eq-2': 'violated' });
    const b = new Map(bad.nodes.map((n) => [n.id, n]));
    expect(b.get('lemma-1.2')!.status).toBe('verified'); // its own check still passes
    expect(proofStatus(b.get('lemma-1.2')!, b)).toBe('violated');
  });
  it('marks a node fully verified only when it and everything it rests on are verified', () => {
    const rd = readGraph(graph());
    expect(rd.get('corollary-1.4')!.fullyVerified).toBe(true); // rests on the corrected step through L
    expect(rd.get('lemma-1.2/eq-1')!.fullyVerified).toBe(false); // the printed form itself fails
    const broken = readGraph(graph({ 'definition-1.1': 'inconclusive' }));
    for (const id of ['definition-1.1', 'lemma-1.2', 'theorem-1.3', 'corollary-1.4']) expect(broken.get(id)!.fullyVerified, id).toBe(false);
    expect(broken.get('lemma-1.2/eq-2')!.fullyVerified).toBe(true); // a step that uses nothing
    const step = readGraph(graph({ 'lemma-1.2/eq-2': 'violated' }));
    expect(step.get('lemma-1.2')!.fullyVerified).toBe(false);
    expect(step.get('corollary-1.4')!.fullyVerified).toBe(false);
    expect(step.get('definition-1.1')!.fullyVerified).toBe(true);
  });
  it('gives ancestors, descendants and the focus neighbourhood in graph order', () => {
    const rd = readGraph(graph());
    expect(rd.get('theorem-1.3')!.ancestors.sort()).toEqual(['definition-1.1', 'lemma-1.2', 'lemma-1.2/eq-1', 'lemma-1.2/eq-1-fixed', 'lemma-1.2/eq-2']);
    expect(rd.get('theorem-1.3')!.descendants).toEqual(['corollary-1.4']);
    // The impact of the printed step: everything that rests on it.
    expect(rd.get('lemma-1.2/eq-1')!.descendants.sort()).toEqual(['corollary-1.4', 'lemma-1.2', 'theorem-1.3']);
    expect(new Set(neighbourhood(rd, 'lemma-1.2/eq-2'))).toEqual(new Set(['lemma-1.2/eq-2', 'lemma-1.2', 'theorem-1.3', 'corollary-1.4']));
    expect(neighbourhood(rd, 'no-such-node')).toEqual([]);
    expect(rd.get('lemma-1.2')!.uses.sort()).toEqual(['definition-1.1', 'lemma-1.2/eq-1', 'lemma-1.2/eq-1-fixed', 'lemma-1.2/eq-2']);
    expect(rd.get('lemma-1.2')!.usedBy).toEqual(['theorem-1.3']);
  });
  it('draws border = statement, fill = proof, and the fully-verified class in the DOT text', () => {
    const dot = toDot(graph({ 'lemma-1.2/eq-2': 'violated' }));
    const line = (id: string) => dot.split('\n').find((l) => l.trim().startsWith(`"${id}" [`))!;
    expect(line('lemma-1.2')).toContain('color="#1f8a3a"'); // statement verified
    expect(line('lemma-1.2')).toContain('fillcolor="#f4a3a3"'); // a proof step violated
    expect(line('lemma-1.2')).not.toContain('bp-fully');
    expect(line('definition-1.1')).toContain('bp-fully');
    expect(line('lemma-1.2/eq-1')).toContain('color="#b07800"'); // printed form fails, correction verified
  });
});

describe('statement-level overview', () => {
  it('folds the proof steps into their statement and keeps the uses between statements', () => {
    const dot = toOverviewDot(graph());
    expect(dot).toContain('"definition-1.1" -> "lemma-1.2"');
    expect(dot).toContain('"lemma-1.2" -> "theorem-1.3"');
    expect(dot).not.toContain('"lemma-1.2/eq-1" [');
    expect(dot).toMatch(/"lemma-1\.2" \[label="\\u2713 LEMMA-1\.2|"lemma-1\.2" \[label="✓ LEMMA-1\.2/);
    expect(dot).toMatch(/3 steps: (2 verified, 1 corrected|1 corrected, 2 verified)/);
  });
  it('has one node per numbered statement of the real registry and renders to SVG', async () => {
    const results: ResultInfo[] = claims.map((x) => ({ id: x.id, title: x.title, correctedBy: x.correctedBy, corrects: x.corrects, verdict: x.expectation === 'holds' ? 'verified' : 'violated-as-printed' }));
    const g = buildGraph({ statements: PAPER_STATEMENTS, dependencies: DEPENDENCIES, claims, results });
    const groups = overviewGroups(g);
    for (const s of PAPER_STATEMENTS) expect(groups.has(s.id), s.id).toBe(true);
    expect(groups.size).toBeLessThan(40);
    const svg = await renderSvg(toOverviewDot(g));
    expect((svg.match(/class="node bpo(-|&#45;)node/g) ?? []).length).toBe(groups.size);
  });
});
