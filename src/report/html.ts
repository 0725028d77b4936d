/** Self-contained HTML rendering of a VerificationReport (no external resources; works offline). */
import type { ClaimResult } from '../claims/types.ts';
import { anchor, fmt } from './markdown.ts';
import type { VerificationReport } from './report.ts';
import { partialBannerHtml } from './partial.ts';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const CSS = `body{font:15px/1.45 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}
th{background:#f3f3f3}.verified{background:#e3f6e3}.violated{background:#fbd5d5}.violated-as-printed{background:#fff1c9}
.inconclusive{background:#e8e8f8}code,pre{background:#f6f6f6;padding:1px 4px}blockquote{border-left:3px solid #ccc;margin:0;padding-left:1em;color:#444}
section{border-top:1px solid #ddd;margin-top:1.5em}`;

function section(r: ClaimResult): string {
  const rows: string[] = [
    `<li>runs: ${r.runs} (seed ${r.seed}); ranges: ${esc(Object.entries(r.ranges).map(([k, [a, b]]) => (a === b ? `${k}=${fmt(a)}` : `${k}=${fmt(a)}..${fmt(b)}`)).join(', ') || '-')}</li>`,
    `<li>worst slack: ${fmt(r.worstSlack)}; largest residual: ${fmt(r.largestResidual)}; time ${r.timeMs} ms</li>`,
    `<li>tolerance: ${esc(r.toleranceRule)}</li>`,
  ];
  if (r.details) rows.push(`<li>details: ${esc(Object.entries(r.details).map(([k, v]) => `${k} = ${typeof v === 'number' ? fmt(v) : v}`).join('; '))}</li>`);
  if (r.counterexample) {
    const c = r.counterexample;
    rows.push(`<li>counterexample: <code>${esc(JSON.stringify(c.params))}</code>${c.error ? ` (${esc(c.error)})` : ''}, slack ${fmt(c.outcome.slack)}</li>`);
    rows.push(`<li>replay: <code>${esc(c.replay)}</code></li>`);
  }
  const link = (id?: string) => (id ? `<a href="#${anchor(id)}">${esc(id)}</a>` : '');
  return `<section id="${anchor(r.id)}"><h2>${esc(r.id)}: ${esc(r.title)}</h2>
<p>${esc(r.ref.label)}, section ${esc(r.ref.section)}, eq. ${esc(r.ref.equations.join(', ') || '-')}. Kind: ${r.kind}.
Verdict: <span class="${r.verdict}">${r.verdict}</span>.</p>
<blockquote>${esc(r.statement)}</blockquote>
${r.corrects ? `<p>Corrects ${link(r.corrects)}: ${esc(r.why ?? '')}</p>` : ''}${r.correctedBy ? `<p>Printed form fails; corrected form: ${link(r.correctedBy)}.</p>` : ''}
<ul>${rows.join('\n')}</ul></section>`;
}

export function renderHtml(rep: VerificationReport, extraSections: string[] = []): string {
  const s = rep.summary;
  const table = rep.results.map((r) => `<tr class="${r.verdict}"><td><a href="#${anchor(r.id)}">${esc(r.id)}</a></td><td>${esc(r.ref.label)}</td><td>${r.kind}</td><td>${r.verdict}</td><td>${r.runs}</td><td>${fmt(r.worstSlack)}</td><td>${fmt(r.largestResidual)}</td></tr>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>qnn-verify report</title><style>${CSS}</style></head><body>
<h1>qnn-verify verification report</h1>
${partialBannerHtml(rep)}<p>${esc(rep.paper)}</p>
<p>qnn-verify ${esc(rep.tool.version)}, commit ${esc(rep.tool.commit ?? 'unknown')}, Node ${esc(rep.tool.node)}; seed ${rep.seed}, budget <code>${esc(rep.budget)}</code>; generated ${esc(rep.generatedAt)}.</p>
<p id="summary"><b>${s.total} claims</b>: ${s.verified} verified, ${s['violated-as-printed']} violated as printed, ${s.violated} violated, ${s.inconclusive} inconclusive.</p>
<table id="summary-table"><thead><tr><th>claim</th><th>paper</th><th>kind</th><th>verdict</th><th>runs</th><th>worst slack</th><th>largest residual</th></tr></thead><tbody>
${table}
</tbody></table>
${rep.results.map(section).join('\n')}
${extraSections.join('\n')}
</body></html>
`;
}
