/**
 * HTML sections for report/index.html (renderHtml's extraSections): the figures' SVGs inline (no
 * external resources, works offline), their captions and notes, the checks of the text's
 * statements with the measured numbers, and the run times. Reads what `qnn-verify figures`
 * wrote to dir (summary.json, figure-N.json, figure-N.svg); returns [] when there is nothing.
 * Element ids are prefixed 'reproduced-' (claim sections use their ids as anchors: 'figure-1', ...).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmtDuration } from './progress.ts';
import { type FigureData, type FiguresSummary, SUMMARY_FILE } from './types.ts';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Makes the ids of an inline SVG unique on the page (vega numbers its clip paths from 1 in every SVG). */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/\bid="([^"]+)"/g, (_m, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${prefix}-${id})`)
    .replace(/(xlink:)?href="#([^"]+)"/g, (_m, x: string | undefined, id: string) => `${x ?? ''}href="#${prefix}-${id}"`);
}

const STYLE = `<style>.fig-svg svg{max-width:100%;height:auto}.holds{background:#e3f6e3}.fails{background:#fbd5d5}
.fig-checks td{vertical-align:top}.fig-notes{font-size:13px;color:#333}</style>`;

function checksTable(rows: { figure: number; id: string; holds: boolean; statement: string; criterion: string; measured: string }[], id: string): string {
  const body = rows.map((c) => `<tr class="${c.holds ? 'holds' : 'fails'}"><td>${c.figure}</td><td><code>${esc(c.id)}</code></td><td>${c.holds ? 'holds' : 'does not hold'}</td><td>${esc(c.statement)}</td><td>${esc(c.criterion)}</td><td>${esc(c.measured)}</td></tr>`).join('\n');
  return `<table id="${id}" class="fig-checks"><thead><tr><th>fig.</th><th>check</th><th>result</th><th>the paper says</th><th>criterion</th><th>measured</th></tr></thead><tbody>
${body}
</tbody></table>`;
}

function figureSection(dir: string, f: number): string | null {
  const jsonPath = join(dir, `figure-${f}.json`), svgPath = join(dir, `figure-${f}.svg`);
  if (!existsSync(jsonPath) || !existsSync(svgPath)) return null;
  const data = JSON.parse(readFileSync(jsonPath, 'utf8')) as FigureData;
  const svg = scopeSvgIds(readFileSync(svgPath, 'utf8'), `fig${f}`);
  const timing = data.timing.map((t) => `${t.phase}: ${t.tasks} tasks, ${fmtDuration(t.wallMs)} wall`).join('; ');
  return `<section id="reproduced-figure-${f}" class="figure"><h3>${esc(data.title)}</h3>
<p>${esc(data.caption)}</p>
<div class="fig-svg" id="reproduced-figure-${f}-svg">${svg}</div>
<ul class="fig-notes">${data.notes.map((n) => `<li>${esc(n)}</li>`).join('')}<li>time: ${esc(timing || '-')} (preset ${esc(data.preset)}, seed ${data.seed})</li></ul>
${checksTable(data.checks.map((c) => ({ ...c, figure: f })), `reproduced-figure-${f}-checks`)}
</section>`;
}

/** The sections to pass to renderHtml(rep, extraSections) for the figures in dir. */
export function figuresHtmlSections(dir: string): string[] {
  const summaryPath = join(dir, SUMMARY_FILE);
  if (!existsSync(summaryPath)) return [];
  const s = JSON.parse(readFileSync(summaryPath, 'utf8')) as FiguresSummary;
  const timing = s.timing.map((t) => `<tr><td>${t.figure}</td><td>${esc(t.phase)}</td><td>${t.tasks}</td><td>${fmtDuration(t.wallMs)}</td><td>${fmtDuration(t.taskMs)}</td></tr>`).join('\n');
  const partial = s.partial
    ? `<div id="figures-partial-banner" style="border:3px solid #b00;background:#fde8e8;padding:.6em 1em;font-weight:bold">PARTIAL: merged without shards ${esc(s.partial.missingShards.join(', ') || '-')}; ${s.partial.missingTasks.length} tasks missing; figures ${esc(s.partial.figuresOmitted.join(', ') || '-')} omitted.</div>\n`
    : '';
  const head = `${STYLE}<section id="reproduced-figures"><h2>The paper's experiments (figures 1-6)</h2>
${partial}<p>Output of <code>qnn-verify figures --preset ${esc(s.preset)} --seed ${s.seed}</code>, generated ${esc(s.generatedAt)} on Node ${esc(s.machine.node)}, ${s.machine.cpus} cores, ${s.machine.jobs} worker threads${s.shards ? `, merged from shards ${esc(s.shards.join(', '))}` : ''}; total wall time ${fmtDuration(s.totalWallMs)}.
A check that does not hold is a finding about the paper's statement in this reproduction, not a failure of the run.</p>
<h3>Checks of the text's statements</h3>
${checksTable(s.checks, 'reproduced-figures-checks')}
<h3>Run times</h3>
<table id="reproduced-figures-timing"><thead><tr><th>figure</th><th>phase</th><th>tasks</th><th>wall</th><th>task time (all workers)</th></tr></thead><tbody>
${timing}
</tbody></table></section>`;
  const sections = s.figures.map((f) => figureSection(dir, f)).filter((x): x is string => x !== null);
  return [head, ...sections];
}
