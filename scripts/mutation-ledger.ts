/**
 * The equivalent-mutant ledger (mutation/equivalent-mutants.json): each mutant that no test can kill, listed
 * one by one with its reason, in one of two classes:
 * - `equivalent`: it computes the same results as the original on every input (a loop's extra pass that only
 *   writes past the end of a typed array, a work-saving skip, a guard whose two outcomes agree);
 * - `unreachable`: it differs only on inputs that no test can produce (an event of probability below 2^-50
 *   in the seeded generator, a 4 GiB allocation failure). The mutation
 * summary counts an excluded mutant as equivalent only when an entry of the ledger matches it; a directive in
 * the source no longer suffices.
 * An entry matches a mutant of the same file, mutator and replacement text on a line whose text (trimmed) is
 * the entry's `code`; lines move, so among several such mutants the entry takes the one nearest its `line`
 * (then its `column`, then its `endColumn`).
 * Each entry matches at most one mutant.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ReportMutant } from './mutation-strict.ts';

export const LEDGER_FILE = 'mutation/equivalent-mutants.json';

export interface LedgerEntry {
  file: string;
  line: number;
  /** The mutant's start column (1-based, as Stryker reports it): tells apart mutants of one kind on one line. */
  column: number;
  /** The column where the mutated node ends (on its last line): tells apart nested nodes that start together. */
  endColumn: number;
  mutator: string;
  replacement: string;
  /** The text of the mutant's (first) line, trimmed. */
  code: string;
  class: 'equivalent' | 'unreachable';
  reason: string;
}

export function readLedger(path = LEDGER_FILE): LedgerEntry[] {
  if (!existsSync(path)) return [];
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { mutants: LedgerEntry[] };
  raw.mutants.forEach((e, i) => {
    for (const k of ['file', 'mutator', 'replacement', 'code', 'reason'] as const) {
      if (typeof e[k] !== 'string' || (k === 'reason' && e.reason.trim() === '')) {
        throw new Error(`mutation-ledger: entry ${i} (${e.file}:${e.line}) has no ${k}`);
      }
    }
    if (e.class !== 'equivalent' && e.class !== 'unreachable') throw new Error(`mutation-ledger: entry ${i} (${e.file}:${e.line}) has class ${e.class} (expected equivalent or unreachable)`);
    if (!Number.isInteger(e.line) || e.line < 1) throw new Error(`mutation-ledger: entry ${i} (${e.file}) has no valid line`);
    if (!Number.isInteger(e.column) || e.column < 0 || !Number.isInteger(e.endColumn) || e.endColumn < 0) {
      throw new Error(`mutation-ledger: entry ${i} (${e.file}:${e.line}) has no valid column or endColumn`);
    }
  });
  return raw.mutants;
}

/** The mutant's first line, trimmed: what an entry's `code` is compared with. */
export const lineText = (source: string, m: ReportMutant): string =>
  (source.split('\n')[m.location.start.line - 1] ?? '').trim();

/**
 * Matches the entries of one file to its mutants: returns, for each matched mutant (by index in `mutants`),
 * its entry, and the entries that matched nothing.
 */
export function matchLedger(
  entries: readonly LedgerEntry[], mutants: readonly ReportMutant[], source: string,
): { matched: Map<number, LedgerEntry>; unmatched: LedgerEntry[] } {
  const matched = new Map<number, LedgerEntry>();
  const unmatched: LedgerEntry[] = [];
  const texts = mutants.map((m) => lineText(source, m));
  // Entries closest to a candidate first, so that two entries of the same text pick their own lines.
  const options = entries.map((e) => mutants
    .map((m, i) => ({ i, dist: 1e6 * Math.abs(m.location.start.line - e.line) + 1e3 * Math.abs(m.location.start.column - e.column) + Math.abs(m.location.end.column - e.endColumn) }))
    .filter(({ i }) => mutants[i].mutatorName === e.mutator && mutants[i].replacement === e.replacement && texts[i] === e.code.trim())
    .sort((a, b) => a.dist - b.dist));
  const order = entries.map((_, k) => k).sort((a, b) => (options[a][0]?.dist ?? Infinity) - (options[b][0]?.dist ?? Infinity));
  for (const k of order) {
    const pick = options[k].find(({ i }) => !matched.has(i));
    if (pick) matched.set(pick.i, entries[k]);
    else unmatched.push(entries[k]);
  }
  return { matched, unmatched };
}
