/**
 * Two tables of the report page: the errata (first screen), each printed statement with its class,
 * where it is printed, the printed text typeset as the paper's text has it, what is meant, the claims
 * that check it and the results resting on it ("impact"); and the coverage map, every numbered
 * equation, labelled statement and numerical sentence with the claims that check it or the reason
 * none does. Both render only what the report carries (strength.ts).
 */
import { esc, verdictBadge } from './claim-section.ts';
import { anchor } from './markdown.ts';
import { renderPrinted } from './math.ts';
import { coverageOf, ERRATUM_CLASSES, errataOf, type PageResult } from './strength.ts';
import type { VerificationReport } from './report.ts';

const CLASS_TEXT: Record<string, string> = { typo: 'typo', 'false statement': 'false statement', 'proof gap': 'proof gap', 'not reproduced': 'not reproduced' };

function claimLink(id: string, byId: Map<string, PageResult>): string {
  const r = byId.get(id);
  if (!r) return `<code>${esc(id)}</code>`;
  return `<a href="#${anchor(id)}" title="${esc(r.title)}">${esc(id)}</a>${r.verdict === 'verified' ? '' : ` ${verdictBadge(r.verdict)}`}`;
}

/** `impact(claim)`: the labels of the results resting on a claim, transitively. */
export function errataTable(rep: VerificationReport, byId: Map<string, PageResult>, impact: (claim: string) => string[]): string {
  const errata = errataOf(rep);
  const hasClass = errata.rows.some((e) => e.class);
  const hasPrinted = errata.rows.some((e) => e.printed);
  const order = (c?: string) => (c ? ERRATUM_CLASSES.indexOf(c as never) : -1);
  const rows = errata.rows.map((e) => {
    const basis = e.claim ?? e.claims[0];
    const imp = basis ? impact(basis) : [];
    const cls = hasClass ? `<td><span class="badge e-${esc((e.class ?? '').replace(/ /g, '-'))}">${esc(CLASS_TEXT[e.class ?? ''] ?? e.class ?? '')}</span></td>` : '';
    // What is meant and whether a proof's conclusion survives: in the cell's tooltip and in the claims' sections.
    const tip = [e.corrected ? `meant: ${e.corrected}` : '', e.survives ? `conclusion: ${e.survives}` : '', e.extraction ? `possibly an extraction artefact: ${e.extraction}` : ''].filter(Boolean).join('\n');
    const mark = e.extraction ? ' <small class="artefact" title="possibly an artefact of the extraction to text">(extraction?)</small>' : '';
    const printed = hasPrinted ? `<td class="printed-text" title="${esc(tip)}"><div>${e.printed ? renderPrinted(e.printed) : ''}${mark}</div></td>` : '';
    const checked = `${e.claim ? `${claimLink(e.claim, byId)} <small>(as printed)</small>` : ''}${e.claim && e.corrections.length ? '<br>' : ''}${e.corrections.map((c) => claimLink(c, byId)).join(', ')}`;
    return `<tr data-class="${esc(e.class ?? '')}" data-order="${order(e.class)}">${cls}<td>${esc(e.where ?? '')}</td>${printed}<td>${checked}</td><td class="num" title="${esc(imp.join(', '))}">${imp.length}</td></tr>`;
  }).join('\n');
  const note = errata.fromReport
    ? '<p class="meta">Where the paper prints it, its text as printed (hover for what is meant), the claim that evaluates the printed form when it can be evaluated, then the claims of the corrected form; impact: results resting on it.</p>'
    : '<p class="meta">One row per printed formula that fails (verdict: fails as printed). The report does not classify them (typo, false statement, proof gap, not reproduced).</p>';
  return `<section id="errata"><h2>Errata (${errata.rows.length})</h2>${note}
<table class="errata${hasPrinted ? ' fixed' : ''}"><thead><tr>${hasClass ? '<th class="c-class">class</th>' : ''}<th class="c-where">where</th>${hasPrinted ? '<th class="c-printed" title="hover a cell for what is meant">as printed</th>' : ''}<th class="c-by">checked by</th><th class="num" title="results that rest on it, transitively (see the claim's section)">impact</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

const STATUS_TEXT: Record<string, string> = { direct: 'checked', implicit: 'through an end result', 'not-checked': 'not checked', 'not-checkable': 'not numerically checkable' };

export function coverageSection(rep: VerificationReport, byId: Map<string, PageResult>): string {
  const cov = coverageOf(rep);
  if (!cov) return '';
  const counts = new Map<string, number>();
  for (const c of cov.rows) if (c.status) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  const hasStatus = counts.size > 0;
  const head = hasStatus
    ? `${cov.rows.length} items of the paper: ${[...counts].map(([s, n]) => `${n} ${STATUS_TEXT[s] ?? s}`).join(', ')}`
    : `${cov.rows.filter((c) => c.claims.length).length} of ${cov.rows.length} items checked by a claim`;
  const rows = cov.rows.map((c) => {
    const claims = c.claims.length
      ? c.claims.map((x) => `${claimLink(x.id, byId)}${x.relation === 'implicit' ? ' <small>(implicit)</small>' : ''}`).join(', ')
      : '';
    const why = c.reason ? `${claims ? '<br>' : ''}<small>${esc(c.reason)}</small>` : '';
    return `<tr${c.status ? ` class="cov-${esc(c.status)}"` : ''}><td>${esc(c.item)}</td><td>${esc(c.section ?? '')}</td><td>${esc(c.what ?? '')}</td>${hasStatus ? `<td>${esc(STATUS_TEXT[c.status ?? ''] ?? c.status ?? '')}</td>` : ''}<td>${claims}${why}</td></tr>`;
  }).join('\n');
  return `<section id="coverage"><h2>Coverage of the paper</h2><p class="meta">${esc(head)}.</p>
<details><summary>The map, item by item</summary><table class="coverage"><thead><tr><th>paper</th><th>section</th><th>what it says</th>${hasStatus ? '<th>status</th>' : ''}<th>claims, or why none</th></tr></thead><tbody>
${rows}
</tbody></table></details></section>`;
}
