/**
 * One claim's section of the HTML report: its formulas (as printed, and the checked form where they
 * differ), the printed and corrected formulas side by side for a printed formula that fails, the
 * counterexample with its numbers and replay command, the absolute numbers of the run (slack,
 * residual, tolerance rule, ranges, details: in the claim's own units), its source file, and what it
 * rests on and what rests on it in the blueprint.
 */
import type { NodeReading } from '../blueprint/focus.ts';
import type { BlueprintNode } from '../blueprint/graph.ts';
import { CLAIM_LATEX } from '../../theorems/latex.ts';
import { anchor, fmt } from './markdown.ts';
import { renderTexSafe } from './math.ts';
import { confidenceOf, nonVacuousRunsOf, partsText, relativeResidualOf, searchedText, strengthOf, tightnessOf, type PageResult } from './strength.ts';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export const VERDICT_TEXT: Record<string, string> = {
  verified: 'verified',
  'violated-as-printed': 'fails as printed',
  violated: 'VIOLATED',
  inconclusive: 'inconclusive',
  'not-reproduced': 'not reproduced',
};

export function verdictBadge(v: string): string {
  return `<span class="badge v-${esc(v)}">${esc(VERDICT_TEXT[v] ?? v)}</span>`;
}

export function strengthBadge(r: PageResult): string {
  const s = strengthOf(r);
  return s ? `<span class="badge s-${s}"${r.strengthReason ? ` title="${esc(r.strengthReason)}"` : ''}>${s}</span>` : '';
}

export function fmtTime(ms: number): string {
  return ms < 1000 ? `${ms} ms` : ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 60_000).toFixed(1)} min`;
}

export function fmtPct(x: number): string {
  return `${Number((x * 100).toPrecision(3))}%`;
}

/** What the section needs to know beyond its result. */
export interface SectionContext {
  byId: Map<string, PageResult>;
  /** Blueprint node of each claim id, and the readings of the nodes. */
  nodeOfClaim: Map<string, BlueprintNode>;
  nodes: Map<string, BlueprintNode>;
  readings: Map<string, NodeReading>;
  /** claim id -> module path; and the link to it on the code host, when the repository is known. */
  sources: Map<string, string>;
  sourceHref?: (path: string) => string;
}

function formula(label: string, tex: string | undefined): string {
  return tex ? `<div class="formula"><div class="fl">${esc(label)}</div><div class="fm">${renderTexSafe(tex)}</div></div>` : '';
}

function claimLink(id: string, ctx: SectionContext): string {
  return ctx.byId.has(id) ? `<a href="#${anchor(id)}">${esc(id)}</a>` : `<code>${esc(id)}</code>`;
}

function nodeLink(nodeId: string, ctx: SectionContext): string {
  const n = ctx.nodes.get(nodeId);
  const name = n?.statement ? n.statement.label : nodeId;
  return n?.claimId && ctx.byId.has(n.claimId) ? `<a href="#${anchor(n.claimId)}">${esc(name)}</a>` : esc(name);
}

function numbersOf(outcome: { residual?: number; tolerance?: number; details?: Record<string, number | string>; parts?: unknown }): string[] {
  const out: string[] = [];
  const d = outcome.details ?? {};
  if (typeof d.lhs === 'number' && typeof d.rhs === 'number') out.push(`lhs = ${fmt(d.lhs)}, rhs = ${fmt(d.rhs)}`);
  if (Array.isArray(outcome.parts)) {
    for (const p of outcome.parts as { name?: string; ok?: boolean; slack?: number; tightness?: number; lhs?: number; rhs?: number }[]) {
      const name = p?.name ? `${esc(p.name)}: ` : '';
      if (typeof p?.lhs === 'number' && typeof p?.rhs === 'number') out.push(`${name}lhs = ${fmt(p.lhs)}, rhs = ${fmt(p.rhs)}`);
      else if (typeof p?.tightness === 'number' || typeof p?.slack === 'number') out.push(`${name}${p.ok === false ? 'fails, ' : ''}${typeof p.tightness === 'number' ? `lhs/rhs = ${fmt(p.tightness)}` : `slack ${fmt(p.slack)}`}`);
    }
  }
  if (typeof (outcome as { tightness?: unknown }).tightness === 'number' && !out.length) out.push(`lhs/rhs = ${fmt((outcome as { tightness: number }).tightness)}`);
  if (typeof outcome.residual === 'number') out.push(`|lhs &minus; rhs| = ${fmt(outcome.residual)}${typeof outcome.tolerance === 'number' ? ` (tolerance ${fmt(outcome.tolerance)})` : ''}`);
  return out;
}

/** Printed and corrected side by side, the difference in words, the counterexample and its replay. */
function failsAsPrinted(r: PageResult, ctx: SectionContext): string {
  const mine = CLAIM_LATEX[r.id];
  const fixId = r.correctedBy;
  const fix = fixId ? CLAIM_LATEX[fixId] : undefined;
  const fixResult = fixId ? ctx.byId.get(fixId) : undefined;
  const left = `<div class="printed"><h4>As printed</h4>${mine ? renderTexSafe(mine.printed) : esc(r.statement)}</div>`;
  const right = fixId
    ? `<div class="corrected"><h4>Corrected: ${claimLink(fixId, ctx)}${fixResult ? ` ${verdictBadge(fixResult.verdict)}` : ''}</h4>${fix ? renderTexSafe(fix.checked ?? fix.printed) : esc(fixResult?.statement ?? '')}</div>`
    : '<div class="corrected"><h4>No corrected form in the registry</h4></div>';
  const parts = [`<div class="pair">${left}${right}</div>`];
  if (mine?.difference) parts.push(`<p class="diff"><b>The difference:</b> ${esc(mine.difference)}</p>`);
  const c = r.counterexample;
  if (c) {
    const nums = numbersOf(c.outcome as Parameters<typeof numbersOf>[0]);
    parts.push(`<p class="cex"><b>Counterexample</b> <code>${esc(JSON.stringify(c.params))}</code>${c.error ? ` (${esc(c.error)})` : ''}: ${nums.length ? nums.join('; ') : 'lhs and rhs are not recorded by this check'}; slack ${fmt(c.outcome.slack)}.</p>`);
    parts.push(`<p class="replay">Replay: <code>${esc(c.replay)}</code></p>`);
  }
  return parts.join('\n');
}

function numbersTable(r: PageResult): string {
  const rows: [string, string][] = [];
  const nv = nonVacuousRunsOf(r);
  rows.push(['runs', `${r.runs}${nv !== undefined ? ` (${nv} non-vacuous)` : ''}, seed ${r.seed}`]);
  if (r.vacuousRule) rows.push(['vacuous run', esc(r.vacuousRule)]);
  const t = tightnessOf(r);
  if (t && (t.random !== null || t.searched !== null)) {
    const sup = typeof t.knownSupremum === 'number' ? `; known supremum ${fmt(t.knownSupremum)}` : '';
    rows.push(['tightness', `random ${fmt(t.random)}, searched ${searchedText(t, fmt)}${t.evaluations ? ` (${t.evaluations} evaluations)` : ''}${sup} <small>(1 = equality, &gt; 1 = violated)</small>${t.replay ? `<br>arg-max: <code>${esc(t.replay)}</code>` : ''}`]);
  }
  if (r.tightnessRule) rows.push(['tightness rule', esc(r.tightnessRule)]);
  if (r.noSearch) rows.push(['no search space', esc(r.noSearch)]);
  const rel = relativeResidualOf(r);
  if (rel !== undefined) rows.push(['relative residual', fmt(rel)]);
  const conf = confidenceOf(r);
  if (conf !== undefined) rows.push(['confidence', fmtPct(conf)]);
  rows.push(['worst slack', `${fmt(r.worstSlack)} <small>(absolute, in the claim's own units)</small>`]);
  if (r.largestResidual !== null) rows.push(['largest residual', fmt(r.largestResidual)]);
  rows.push(['tolerance', esc(r.toleranceRule)]);
  const ranges = Object.entries(r.ranges).map(([k, [a, b]]) => (a === b ? `${k} = ${fmt(a)}` : `${k} = ${fmt(a)}..${fmt(b)}`)).join(', ');
  if (ranges) rows.push(['ranges', esc(ranges)]);
  if (r.details && Object.keys(r.details).length) rows.push(['details', esc(Object.entries(r.details).map(([k, v]) => `${k} = ${typeof v === 'number' ? fmt(v) : v}`).join('; '))]);
  if (r.parts?.length) rows.push(['parts', `${esc(partsText(r.parts, fmt))} <small>(of the run whose details are shown)</small>`]);
  rows.push(['time', fmtTime(r.timeMs)]);
  return `<table class="numbers">${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>`;
}

function dependencies(r: PageResult, ctx: SectionContext): string {
  const node = ctx.nodeOfClaim.get(r.id);
  const rd = node ? ctx.readings.get(node.id) : undefined;
  if (!node || !rd) return '';
  const list = (ids: string[]) => (ids.length ? ids.map((id) => nodeLink(id, ctx)).join(', ') : 'nothing');
  const fully = rd.fullyVerified ? ' <span class="fully" title="it and everything it rests on are verified">&#x2713; fully verified</span>' : '';
  let impact = '';
  if (r.verdict === 'violated-as-printed' && rd.descendants.length) {
    const stmts = rd.descendants.filter((id) => ctx.nodes.get(id)?.statement);
    const others = rd.descendants.filter((id) => !ctx.nodes.get(id)?.statement);
    const n = stmts.length, k = others.length;
    impact = `<br><b>Impact</b>: ${n ? `${n} numbered statement${n === 1 ? ' rests' : 's rest'} on it (${list(stmts)})` : 'no numbered statement rests on it'}${k ? `; so do ${k} other claim${k === 1 ? '' : 's'}.<details class="impact"><summary>the ${k} other claim${k === 1 ? '' : 's'}</summary>${list(others)}</details>` : '.'}`;
  }
  return `<p class="deps">Rests on: ${list(rd.uses)}. Used by: ${list(rd.usedBy)}.${fully} <a href="#focus-${anchor(node.id)}">Focus view in the blueprint</a>${impact}</p>`;
}

export function claimSection(r: PageResult, ctx: SectionContext, data: string): string {
  const tex = CLAIM_LATEX[r.id];
  const src = ctx.sources.get(r.id);
  const srcHtml = src ? ` Source: ${ctx.sourceHref ? `<a href="${esc(ctx.sourceHref(src))}">${esc(src)}</a>` : `<code>${esc(src)}</code>`}.` : '';
  const eqs = r.ref.equations.length ? `, eq. ${r.ref.equations.map((e) => `(${esc(e)})`).join(' ')}` : '';
  const head = `<h3>${verdictBadge(r.verdict)} ${strengthBadge(r)} <span class="id">${esc(r.id)}</span>: ${esc(r.title)}</h3>
<p class="where">${esc(r.ref.label)}, section ${esc(r.ref.section)}${eqs}. Kind: ${r.kind}.${r.strengthReason ? ` ${esc(r.strength ?? '')}: ${esc(r.strengthReason)}.` : ''}${srcHtml}</p>`;
  const body: string[] = [];
  if (r.expectation === 'fails-as-printed') body.push(failsAsPrinted(r, ctx));
  else if (tex) body.push(formula(r.corrects ? 'Formula' : 'As printed', tex.printed), formula('Checked', tex.checked));
  if ((r.expectation as string) === 'not-reproduced' && tex?.difference) body.push(`<p class="diff"><b>The disagreement:</b> ${esc(tex.difference)}</p>`);
  if (r.corrects) body.push(`<p>Corrects ${claimLink(r.corrects, ctx)}${r.why ? `: ${esc(r.why)}` : ''}</p>`);
  if (r.protocolGap) body.push(`<p class="diff"><b>Not reproduced, not an erratum.</b> What would settle it: ${esc(r.protocolGap)}</p>`);
  body.push(`<blockquote class="statement">${esc(r.statement)}</blockquote>`);
  if (r.counterexample && r.expectation !== 'fails-as-printed') {
    const c = r.counterexample;
    const nums = numbersOf(c.outcome as Parameters<typeof numbersOf>[0]);
    body.push(`<p class="cex"><b>Counterexample</b> <code>${esc(JSON.stringify(c.params))}</code>${c.error ? ` (${esc(c.error)})` : ''}${nums.length ? `: ${nums.join('; ')}` : ''}; slack ${fmt(c.outcome.slack)}. Replay: <code>${esc(c.replay)}</code></p>`);
  }
  body.push(numbersTable(r), dependencies(r, ctx));
  return `<section class="claim" id="${anchor(r.id)}" ${data}>${head}\n${body.filter(Boolean).join('\n')}</section>`;
}
