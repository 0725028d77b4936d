/** Markdown rendering of a VerificationReport (readable on a code host). */
import type { ClaimResult, Verdict } from '../claims/types.ts';
import type { CoverageCounts } from '../../theorems/coverage.ts';
import type { Erratum } from '../../theorems/errata.ts';
import type { CoverageReport, CoverageRow, ErrataReport } from './coverage.ts';
import type { VerificationReport } from './report.ts';
import { partsText, searchedText } from './strength.ts';

const MARK: Record<ClaimResult['verdict'], string> = {
  verified: 'verified',
  violated: '**VIOLATED**',
  'violated-as-printed': 'violated as printed',
  'not-reproduced': '*not reproduced*',
  inconclusive: '*inconclusive*',
};

export function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined) return '-';
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e5 ? Number(x.toPrecision(4)).toString() : x.toExponential(3);
}

function ranges(r: ClaimResult): string {
  const parts = Object.entries(r.ranges).map(([k, [lo, hi]]) => (lo === hi ? `${k}=${fmt(lo)}` : `${k}=${fmt(lo)}..${fmt(hi)}`));
  return parts.join(', ') || '-';
}

/** The three tightness cells of the summary table: random, searched, non-vacuous fraction. */
export function tightnessCells(r: ClaimResult): string {
  const t = r.tightness;
  const nv = r.vacuousRule ? fmt(r.runs ? (r.nonVacuousRuns ?? r.runs) / r.runs : 0) : '-';
  return `${fmt(t?.random)} | ${t ? searchedText(t, fmt) : fmt(undefined)} | ${nv}`;
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderMarkdown(rep: VerificationReport): string {
  const s = rep.summary;
  const out: string[] = [];
  out.push('# qnn-verify verification report', '');
  out.push(`Paper: ${rep.paper}`, '');
  out.push(`qnn-verify ${rep.tool.version}, commit ${rep.tool.commit ?? 'unknown'}, Node ${rep.tool.node}; seed ${rep.seed}, budget \`${rep.budget}\`${rep.shard ? `, shard ${rep.shard}` : ''}; generated ${rep.generatedAt}.`, '');
  out.push(`**${s.total} claims**: ${s.verified} verified (${s.verifiedSubstantive} substantive, ${s.verifiedConsistency} consistency checks of the simulator), ` +
    `${s['violated-as-printed']} violated as printed (each with a verified correction), ${s['not-reproduced']} not reproduced (experiments our protocol contradicts), ` +
    `${s.violated} violated, ${s.inconclusive} inconclusive.` +
    (s.unexpected.length ? ` Unexpected: ${s.unexpected.join(', ')}.` : ' Every verdict is the expected one.'), '');
  out.push('Tightness: lhs / rhs of the inequality as the claim defines it (1 = equality, > 1 = violated); *random* is the largest over the random runs, *searched* the largest after the targeted search; *non-vacuous* the fraction of runs where the bound did not follow from trivial facts.', '');
  out.push('| claim | paper | kind | verdict | runs | worst slack | largest residual | tightness random | tightness searched | non-vacuous | time (ms) |');
  out.push('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rep.results) {
    out.push(`| [${r.id}](#${anchor(r.id)}) | ${r.ref.label} (${r.ref.equations.map((e) => `(${e})`).join(' ')}) | ${r.kind} | ${MARK[r.verdict]} | ${r.runs} | ${fmt(r.worstSlack)} | ${fmt(r.largestResidual)} | ${tightnessCells(r)} | ${r.timeMs} |`);
  }
  out.push('');
  out.push(...renderCoverageSection(rep.coverage), ...renderErrataSection(rep.errata));
  for (const r of rep.results) {
    out.push(`## ${r.id}`, '');
    out.push(`**${escapeCell(r.title)}**. ${r.ref.label}, section ${r.ref.section}, eq. ${r.ref.equations.join(', ') || '-'}. Kind: ${r.kind} (${r.strength}: ${r.strengthReason}). Verdict: ${MARK[r.verdict]}.`, '');
    out.push(`> ${r.statement}`, '');
    if (r.corrects) out.push(`Corrects [${r.corrects}](#${anchor(r.corrects)}): ${r.why ?? ''}`, '');
    if (r.protocolGap) out.push(`Not reproduced under our protocol; what would settle it: ${r.protocolGap}`, '');
    if (r.correctedBy) out.push(`The printed form fails; the corrected form is [${r.correctedBy}](#${anchor(r.correctedBy)}).`, '');
    out.push(`- runs: ${r.runs} (seed ${r.seed}); ranges: ${ranges(r)}`);
    out.push(`- worst slack: ${fmt(r.worstSlack)}; largest residual: ${fmt(r.largestResidual)}`);
    out.push(`- tolerance: ${r.toleranceRule}`);
    if (r.tightnessRule) out.push(`- tightness rule: ${r.tightnessRule}`);
    if (r.noSearch) out.push(`- no search space: ${r.noSearch}`);
    if (r.tightness) {
      const t = r.tightness;
      out.push(`- tightness: random ${fmt(t.random)}, searched ${searchedText(t, fmt)} (${t.evaluations} evaluations)${t.knownSupremum !== undefined ? `, known supremum ${fmt(t.knownSupremum)}` : ''}${t.replay ? `; best searched instance (tightness ${fmt(t.instanceTightness)}): \`${t.replay}\`` : ''}`);
    }
    if (r.vacuousRule) out.push(`- vacuous: ${r.vacuousRule} (${r.nonVacuousRuns ?? r.runs} of ${r.runs} runs non-vacuous)`);
    if (r.details) out.push(`- details: ${Object.entries(r.details).map(([k, v]) => `${k} = ${typeof v === 'number' ? fmt(v) : v}`).join('; ')}`);
    if (r.parts?.length) out.push(`- parts (of the run whose details are shown): ${partsText(r.parts, fmt)}`);
    if (r.counterexample) {
      const c = r.counterexample;
      out.push(`- counterexample: \`${JSON.stringify(c.params)}\`${c.error ? ` (${c.error})` : ''}, slack ${fmt(c.outcome.slack)}${c.outcome.residual !== undefined ? `, residual ${fmt(c.outcome.residual)}` : ''}`);
      out.push(`- replay: \`${c.replay}\``);
    }
    out.push('');
  }
  return out.join('\n');
}

export function anchor(id: string): string {
  // GitHub's heading anchors: lower case, punctuation other than '-' and '_' dropped.
  return id.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
}

// ---------------------------------------------------------------------------------------------
// Coverage map and errata table (data: theorems/coverage.ts, theorems/errata.ts; report data: src/report/coverage.ts).

const STATUS: Record<CoverageRow['status'], string> = {
  direct: 'checked directly', implicit: 'implicit (end result only)', 'not-checked': '**not checked**', 'not-checkable': 'not numerically checkable',
};

/** A code span for a table cell: the pipes escaped, backticks avoided. */
function codeCell(s: string): string {
  return `\`${s.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\n/g, ' ')}\``;
}

/** One-line summary of the coverage counts. */
export function coverageSummary(c: CoverageCounts): string {
  return `${c.items} items (${c.byKind.equation} numbered equations, ${c.byKind.statement} labelled statements, ${c.byKind.sentence} numerical sentences): ` +
    `${c.direct} checked directly, ${c.implicit} only implicitly, ${c.notChecked} not checked, ${c.notCheckable} not numerically checkable; ` +
    `${c.direct} of the ${c.checkable} checkable items (${(100 * c.directShare).toFixed(1)}%) have a claim of their own.`;
}

/**
 * The coverage table in paper order: item, what it says, claims (with the verdict of this run when `verdicts`), status or reason.
 * Without verdicts (README) the claims are listed by relation only.
 */
export function renderCoverageTable(rows: readonly CoverageRow[], verdicts = true): string[] {
  const out = ['| item | section | what it says | claims | status |', '|---|---|---|---|---|'];
  for (const r of rows) {
    const claims = r.claims.map((c) => {
      const attrs = [c.relation === 'implicit' ? 'implicit' : '', verdicts ? (c.verdict ? MARK[c.verdict as Verdict] : 'not run') : ''].filter(Boolean);
      return `${verdicts ? `[${c.id}](#${anchor(c.id)})` : `\`${c.id}\``}${attrs.length ? ` (${attrs.join(', ')})` : ''}`;
    });
    const pending = (r.pending ?? []).map((p) => `pending ${p.issue}: ${p.id ? `\`${p.id}\`` : p.what}`);
    const status = r.reason ? `${STATUS[r.status]}: ${r.reason}` : STATUS[r.status];
    out.push(`| ${r.label} | ${r.section} | ${escapeCell(r.says)}${r.note ? ` (${escapeCell(r.note)})` : ''} | ${[...claims, ...pending].join(', ') || '-'} | ${escapeCell(status)} |`);
  }
  return out;
}

function renderCoverageSection(cov: CoverageReport | undefined): string[] {
  if (!cov) return [];
  return ['## Coverage of the paper', '', coverageSummary(cov.counts), '', ...renderCoverageTable(cov.rows), ''];
}

/** One-line summary of the errata classes. */
export function errataSummary(e: ErrataReport['counts']): string {
  return `${e.total} entries: ${e.typo} typos, ${e['false statement']} false statements, ${e['proof gap']} proof gaps, ${e['not reproduced']} not reproduced.`;
}

/** The errata table: where, class, the printed text exactly as the paper's text has it, the correction, the claims, notes. */
export function renderErrataTable(rows: readonly (Erratum & { verdicts?: Record<string, Verdict | null> })[]): string[] {
  const out = ['| where | class | printed (exact text) | corrected / what holds | claims | notes |', '|---|---|---|---|---|---|'];
  for (const e of rows) {
    const claims = e.claims.map((id) => {
      const v = e.verdicts ? e.verdicts[id] : undefined;
      return `\`${id}\`${v === undefined ? '' : ` (${v ? MARK[v] : 'not run'})`}`;
    });
    const pending = (e.pending ?? []).map((p) => `pending ${p.issue}: ${p.id ? `\`${p.id}\`` : p.what}`);
    const notes = [
      e.conclusionSurvives ? `conclusion survives: ${e.conclusionSurvives}` : '',
      e.extractionArtefact ? `possibly an extraction artefact (${e.extractionArtefact})` : '',
      e.noPrintedClaim ? `no fails-as-printed claim: ${e.noPrintedClaim}` : '',
    ].filter(Boolean).join('; ');
    out.push(`| ${escapeCell(e.where)} | ${e.class} | ${codeCell(e.printed)} | ${escapeCell(e.corrected)} | ${[...claims, ...pending].join(', ') || '-'} | ${escapeCell(notes) || '-'} |`);
  }
  return out;
}

function renderErrataSection(err: ErrataReport | undefined): string[] {
  if (!err) return [];
  return ['## Errata', '', errataSummary(err.counts), '', ...renderErrataTable(err.rows), ''];
}

/** The README's generated blocks (between <!-- errata:start/end --> and <!-- coverage:start/end -->), static: no verdicts. */
export function renderReadmeBlocks(cov: CoverageReport, err: ErrataReport): { errata: string; coverage: string } {
  return {
    errata: [errataSummary(err.counts), '', ...renderErrataTable(err.rows.map(({ verdicts: _v, ...e }) => e))].join('\n'),
    coverage: [coverageSummary(cov.counts), '', '<details><summary>The coverage table, in paper order</summary>', '',
      ...renderCoverageTable(cov.rows, false), '', '</details>'].join('\n'),
  };
}
