/** The banner of a partial merged report (some shards or claims missing), in Markdown and HTML. */
import type { VerificationReport } from './report.ts';

function listed(ids: readonly string[], max = 50): string {
  return ids.length > max ? `${ids.slice(0, max).join(', ')} and ${ids.length - max} more` : ids.join(', ');
}

/** One sentence saying what is missing, or null for a complete report. */
export function partialNotice(rep: VerificationReport): string | null {
  if (!rep.partial) return null;
  const { missingShards, missingClaims } = rep.partial;
  const parts: string[] = [];
  if (missingShards.length) parts.push(`missing shards ${listed(missingShards)}`);
  if (missingClaims.length) parts.push(`${missingClaims.length} of ${rep.run.selection.length} claims not run (${listed(missingClaims)})`);
  return `PARTIAL REPORT: merged from shards ${rep.merged?.shards.join(', ') ?? '-'}; ${parts.join('; ')}. Its summary covers only the claims listed below.`;
}

export function partialBannerMarkdown(rep: VerificationReport): string {
  const n = partialNotice(rep);
  return n ? `> **${n}**\n\n` : '';
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function partialBannerHtml(rep: VerificationReport): string {
  const n = partialNotice(rep);
  return n ? `<div id="partial-banner" style="border:3px solid #b00;background:#fde8e8;padding:.6em 1em;margin:1em 0;font-weight:bold">${esc(n)}</div>\n` : '';
}
