/**
 * Self-contained HTML rendering of a VerificationReport (no external resources; works offline),
 * laid out for a referee reading beside the PDF:
 * - first screen: the verdict counts, the errata table, the blueprint graph;
 * - a table of contents in the paper's order (2, 3, A, 4, B, C, D), the claims table with columns
 *   comparable across rows, filters and a search box;
 * - one section per claim, grouped by section and appendix (claim-section.ts), then the extra
 *   sections (the figures).
 * Formulas are MathML typeset at build time (math.ts). A column whose data the report does not
 * carry is left out, never filled in.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { neighbourhood, readGraph } from '../blueprint/focus.ts';
import { reportGraph } from './blueprint.ts';
import { claimSection, esc, fmtPct, fmtTime, strengthBadge, verdictBadge, VERDICT_TEXT, type SectionContext } from './claim-section.ts';
import { anchor, fmt } from './markdown.ts';
import { pageScript, PAGE_CSS } from './page-assets.ts';
import { inPaperOrder, OTHER_PART, PAPER_PARTS, partTitle, subsectionTitle, type Placed } from './paper-order.ts';
import type { VerificationReport } from './report.ts';
import { partialBannerHtml } from './partial.ts';
import { claimSources, repositoryUrl, sourceLink } from './sources.ts';
import { claims as registry } from '../../theorems/index.ts';
import { coverageSection, errataTable } from './errata-coverage.ts';
import { asPage, confidenceOf, ERRATUM_CLASSES, errataOf, nonVacuousRunsOf, relativeResidualOf, searchedText, strengthOf, tightnessOf, type PageResult } from './strength.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Column {
  head: string;
  title: string;
  num?: boolean;
  cell: (r: PageResult) => string;
}

/** The claims table's columns; the optional ones only when some result carries their data. */
function columns(results: PageResult[]): Column[] {
  const any = (f: (r: PageResult) => unknown) => results.some((r) => f(r) !== undefined);
  const cols: Column[] = [
    { head: 'claim', title: 'claim id (links to its section)', cell: (r) => `<a href="#${anchor(r.id)}">${esc(r.id)}</a>` },
    { head: 'paper', title: "the paper's statement and equations", cell: (r) => `${esc(r.ref.label)}${r.ref.equations.length ? ` <small>(${esc(r.ref.equations.join(', '))})</small>` : ''}` },
    { head: 'verdict', title: 'verdict of the check', cell: (r) => verdictBadge(r.verdict) },
  ];
  if (any(strengthOf)) cols.push({ head: 'strength', title: 'substantive: a finding about the paper; consistency: holds by construction of the simulator', cell: (r) => strengthBadge(r) });
  cols.push({ head: 'kind', title: 'identity, inequality, statistical or scaling', cell: (r) => r.kind });
  cols.push({ head: 'runs', title: 'random instances tried', num: true, cell: (r) => String(r.runs) });
  if (any(nonVacuousRunsOf)) cols.push({ head: 'non-vacuous', title: 'runs whose check was not implied by trivial facts', num: true, cell: (r) => String(nonVacuousRunsOf(r) ?? '') });
  if (any(tightnessOf)) {
    cols.push({ head: 'tightness (random)', title: 'largest lhs/rhs over the random runs; 1 = equality', num: true, cell: (r) => (tightnessOf(r) ? fmt(tightnessOf(r)!.random) : '') });
    cols.push({ head: 'tightness (searched)', title: 'largest lhs/rhs after the targeted search', num: true, cell: (r) => (tightnessOf(r) ? searchedText(tightnessOf(r)!, fmt) : '') });
  }
  if (any(relativeResidualOf)) cols.push({ head: 'rel. residual', title: 'identities: the largest residual over its tolerance (1 = at the tolerance)', num: true, cell: (r) => fmt(relativeResidualOf(r)) });
  if (any(confidenceOf)) cols.push({ head: 'confidence', title: 'statistical and scaling claims: confidence level of the decision', num: true, cell: (r) => { const c = confidenceOf(r); return c === undefined ? '' : fmtPct(c); } });
  cols.push({ head: 'time', title: 'wall time of the check', num: true, cell: (r) => fmtTime(r.timeMs) });
  return cols;
}

function dataAttrs(p: Placed<PageResult>): string {
  const r = p.result;
  const search = `${r.id} ${r.title} ${r.ref.label} ${r.statement}`.toLowerCase();
  return `data-claim="${esc(r.id)}" data-verdict="${esc(r.verdict)}" data-kind="${r.kind}" data-part="${esc(p.part)}" data-strength="${strengthOf(r) ?? ''}" data-search="${esc(search)}"`;
}

function card(value: number | string, label: string, cls = '', sub = ''): string {
  return `<div class="card ${cls}"><b>${value}</b><span>${label}</span>${sub ? `<small>${sub}</small>` : ''}</div>`;
}

function verdictCards(rep: VerificationReport, results: PageResult[], errata: ReturnType<typeof errataOf>): string {
  const count = (v: string) => results.filter((r) => r.verdict === v).length;
  const verified = results.filter((r) => r.verdict === 'verified');
  const cards: string[] = [];
  if (verified.some((r) => strengthOf(r))) {
    cards.push(card(verified.filter((r) => strengthOf(r) === 'substantive').length, 'verified, substantive', 'ok', 'findings about the paper'));
    cards.push(card(verified.filter((r) => strengthOf(r) === 'consistency').length, 'verified, consistency', '', 'hold by construction'));
    const unmarked = verified.filter((r) => !strengthOf(r)).length;
    if (unmarked) cards.push(card(unmarked, 'verified, strength not marked'));
  } else cards.push(card(verified.length, 'verified', 'ok', 'substantive / consistency: not in this report'));
  const classes = new Map<string, number>();
  for (const e of errata.rows) if (e.class) classes.set(e.class, (classes.get(e.class) ?? 0) + 1);
  const ordered = [...classes].sort(([a], [b]) => ERRATUM_CLASSES.indexOf(a as never) - ERRATUM_CLASSES.indexOf(b as never));
  if (classes.size) for (const [c, n] of ordered) cards.push(card(n, `errata: ${esc(c)}`, c === 'not reproduced' ? '' : 'warn', c === 'not reproduced' ? 'experiments, not errata of the text' : ''));
  else cards.push(card(count('violated-as-printed'), 'errata: fail as printed', 'warn', 'classes: not in this report'));
  if (!classes.has('not reproduced') && ('not-reproduced' in rep.summary || results.some((r) => r.verdict === 'not-reproduced'))) cards.push(card(count('not-reproduced'), 'not reproduced', '', 'experiments, not errata'));
  cards.push(card(count('violated'), 'violated', count('violated') ? 'bad' : 'ok', 'expected to hold, failed'));
  cards.push(card(count('inconclusive'), 'inconclusive', count('inconclusive') ? 'bad' : ''));
  const unexpected = rep.summary.unexpected.length ? `Unexpected verdicts: ${rep.summary.unexpected.map((id) => `<a href="#${anchor(id)}">${esc(id)}</a>`).join(', ')}.` : 'Every verdict is the expected one.';
  return `<section id="verdicts"><h2>${results.length} claims checked</h2><div class="cards">${cards.join('')}</div><p class="meta">${unexpected}</p></section>`;
}

function toc(placed: Placed<PageResult>[], extraIds: string[]): string {
  const parts = [...PAPER_PARTS, OTHER_PART].filter((p) => placed.some((x) => x.part === p.key));
  const items = parts.map((p) => {
    const mine = placed.filter((x) => x.part === p.key);
    const subs = [...new Set(mine.map((x) => x.subsection))];
    const list = subs.map((s) => {
      const claims = mine.filter((x) => x.subsection === s).map((x) => `<li><a href="#${anchor(x.result.id)}">${esc(x.result.id)}</a> ${verdictBadge(x.result.verdict)}</li>`).join('');
      return s ? `<li><a href="#part-${anchor(s)}">${esc(subsectionTitle(s))}</a><ol>${claims}</ol></li>` : claims;
    }).join('');
    return `<li><a href="#part-${anchor(p.key)}"><b>${esc(p.title)}</b></a> <span class="count">${mine.length} claims</span><ol>${list}</ol></li>`;
  }).join('');
  const extra = extraIds.map((id) => `<li><a href="#${id}">${esc(id.replace(/-/g, ' '))}</a></li>`).join('');
  return `<nav id="toc"><h2>Contents, in the paper's order</h2><div class="toc-cols"><ol>${items}<li><a href="#claims"><b>The claims table</b></a></li>${extra}</ol></div></nav>`;
}

function filters(results: PageResult[]): string {
  const opt = (vals: string[], text: (v: string) => string) => vals.map((v) => `<option value="${esc(v)}">${esc(text(v))}</option>`).join('');
  const uniq = (f: (r: PageResult) => string | undefined) => [...new Set(results.map(f).filter((x): x is string => !!x))];
  const parts = [...PAPER_PARTS, OTHER_PART].map((p) => p.key).filter((k) => results.some((r) => inPaperOrder([r])[0].part === k));
  const strengths = uniq(strengthOf);
  return `<form class="filters" onsubmit="return false">
<label>verdict <select name="verdict"><option value="">any</option>${opt(uniq((r) => r.verdict), (v) => VERDICT_TEXT[v] ?? v)}</select></label>
<label>kind <select name="kind"><option value="">any</option>${opt(uniq((r) => r.kind), (v) => v)}</select></label>
<label>section <select name="part"><option value="">any</option>${opt(parts, partTitle)}</select></label>
${strengths.length ? `<label>strength <select name="strength"><option value="">any</option>${opt(strengths, (v) => v)}</select></label>` : ''}
<label><input type="search" id="f-search" placeholder="search ids, titles, statements" aria-label="search"></label>
<button type="button" id="f-reset">reset</button> <span id="f-count" class="meta"></span></form>`;
}

function claimsTable(placed: Placed<PageResult>[], cols: Column[]): string {
  const head = cols.map((c) => `<th${c.num ? ' class="num"' : ''} title="${esc(c.title)}">${esc(c.head)}</th>`).join('');
  const groups = [...PAPER_PARTS, OTHER_PART].filter((p) => placed.some((x) => x.part === p.key)).map((p) => {
    const rows = placed.filter((x) => x.part === p.key).map((x) => `<tr ${dataAttrs(x)}>${cols.map((c) => `<td${c.num ? ' class="num"' : ''}>${c.cell(x.result)}</td>`).join('')}</tr>`).join('\n');
    return `<tbody data-group="${esc(p.key)}"><tr class="part-row"><th colspan="${cols.length}">${esc(p.title)}</th></tr>\n${rows}</tbody>`;
  }).join('\n');
  return `<table id="summary-table"><thead><tr>${head}</tr></thead>\n${groups}</table>`;
}

export function renderHtml(rep: VerificationReport, extraSections: string[] = []): string {
  const results = rep.results.map(asPage);
  const byId = new Map(results.map((r) => [r.id, r]));
  const placed = inPaperOrder(results);
  const graph = reportGraph(rep);
  const readings = readGraph(graph);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const nodeOfClaim = new Map(graph.nodes.filter((n) => n.claimId).map((n) => [n.claimId!, n]));
  const repo = repositoryUrl(ROOT);
  const ctx: SectionContext = {
    byId, nodeOfClaim, nodes, readings,
    sources: claimSources(ROOT, results.map((r) => r.id)),
    sourceHref: repo ? (path) => sourceLink(repo, path, rep.tool.commit) : undefined,
  };
  const impact = (claim: string) => {
    const n = nodeOfClaim.get(claim);
    return n ? (readings.get(n.id)?.descendants ?? []).map((id) => nodes.get(id)?.statement?.label ?? id) : [];
  };
  const errata = errataOf(rep);
  const coverage = coverageSection(rep, byId);
  // renderBlueprint's html: the overview (first screen), then the full graph (after the contents).
  const bpHtml = extraSections.find((s) => /^<section id="blueprint(-overview)?"/.test(s));
  const extra = extraSections.filter((s) => s !== bpHtml);
  const cut = bpHtml ? bpHtml.indexOf('<section id="blueprint">') : -1;
  const overview = bpHtml && cut > 0 ? bpHtml.slice(0, cut) : '';
  // One empty target per node, so that a focus link without script still lands on the graph.
  const targets = graph.nodes.map((n) => `<span id="focus-${anchor(n.id)}"></span>`).join('');
  const full = bpHtml ? (cut >= 0 ? bpHtml.slice(cut) : bpHtml) : '';
  const blueprint = full.replace('<section id="blueprint">', `<section id="blueprint"><div class="focus-targets">${targets}</div>`);
  const extraIds = extra.map((s) => /^(?:<style>[\s\S]*?<\/style>)?<section id="([^"]+)"/.exec(s)?.[1]).filter((x): x is string => !!x && !x.startsWith('reproduced-figure-'));
  const focus: Record<string, { id: string; label: string; nb: string[] }> = {};
  for (const n of graph.nodes) focus[anchor(n.id)] = { id: n.id, label: n.statement?.label ?? n.id, nb: neighbourhood(readings, n.id) };
  const focusJson = JSON.stringify(focus).replace(/</g, '\\u003c');

  const sections = [...PAPER_PARTS, OTHER_PART].filter((p) => placed.some((x) => x.part === p.key)).map((p) => {
    const mine = placed.filter((x) => x.part === p.key);
    const subs = [...new Set(mine.map((x) => x.subsection))];
    const inner = subs.map((s) => {
      const claims = mine.filter((x) => x.subsection === s).map((x) => claimSection(x.result, ctx, dataAttrs(x))).join('\n');
      return s ? `<div class="subsection" id="part-${anchor(s)}"><h3>${esc(subsectionTitle(s))}</h3>\n${claims}</div>` : claims;
    }).join('\n');
    return `<section class="part" id="part-${anchor(p.key)}" data-group="${esc(p.key)}"><h2>${esc(p.title)}</h2>\n${inner}</section>`;
  }).join('\n');

  const s = rep.summary;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>qnn-verify report</title><style>${PAGE_CSS}</style></head><body>
<header><h1>qnn-verify: the paper's claims, checked numerically</h1>
${partialBannerHtml(rep)}<p class="meta">${esc(rep.paper)}<br>qnn-verify ${esc(rep.tool.version)}, commit ${esc(rep.tool.commit ?? 'unknown')}, Node ${esc(rep.tool.node)}; seed ${rep.seed}, budget <code>${esc(rep.budget)}</code>; generated ${esc(rep.generatedAt)}.${registry.length !== results.length ? ` The registry now holds ${registry.length} claims; this report ran ${results.length} (the others show as not checked in the blueprint).` : ''}</p></header>
<div class="first">
<div>${verdictCards(rep, results, errata)}
${errataTable(rep, byId, impact)}</div>
<div>${overview || blueprint}</div>
</div>
${toc(placed, [...(overview ? ['blueprint'] : []), ...(coverage ? ['coverage'] : []), ...extraIds])}
${overview ? blueprint : ''}
<section id="claims"><h2>The claims (${s.total}), in the paper's order</h2>
<p class="meta">Columns compare across rows; the absolute slack and residual, in each claim's own units, are in the claim's section. Filters and search need script; without it everything is shown.</p>
${filters(results)}
${claimsTable(placed, columns(results))}
</section>
${coverage}
<main id="sections">
${sections}
</main>
${extra.join('\n')}
<script>${pageScript(focusJson)}</script>
</body></html>
`;
}
