/**
 * The coverage map: every numbered equation (1)-(121), every labelled statement (definitions, lemmas, theorems,
 * corollaries, the claims inside proofs, figures) and every numerical sentence of sections 3-4 and appendix D, each
 * mapped to the claims that check it, or to the reason it is not checked. Data in theorems/coverage-items.ts (paper
 * order); test/claims/coverage.test.ts checks it against the paper's text and the registry.
 *
 * Status of an item (derived, never stored):
 * - `direct`: a claim of its own checks it (its statement names this equation, step or sentence);
 * - `implicit`: only an end result that rests on it is checked (a proof step implied by a later claim);
 * - `not-checked`: numerically checkable but no claim checks it (`notChecked` says why);
 * - `not-checkable`: a definition, a citation of another text's theorem, a remark (`notCheckable` says why).
 */
import { COVERAGE_ITEMS } from './coverage-items.ts';

export type CoverageKind = 'equation' | 'statement' | 'sentence';
export type CoverageStatus = 'direct' | 'implicit' | 'not-checked' | 'not-checkable';

export interface CoverageItem {
  /** Unique key: `eq:N`, `stmt:<slug>`, `sent:<slug>`. */
  key: string;
  kind: CoverageKind;
  /** As the paper labels it: "(17)", "Lemma 3.1 / A.1", "Section 3 (unitarity paragraph)". */
  label: string;
  /** Section of the paper where it stands ("2", "A.1", "D.2"). */
  section: string;
  /** What it says, in a few words. */
  says: string;
  /** Statements: every label the paper gives it ("Lemma 3.1", "Lemma A.1"); the test finds each label of the text here. */
  paperLabels?: string[];
  /** Sentences: a fragment copied from the paper's text (whitespace-normalised when compared). */
  quote?: string;
  /** Claims that check this item directly. */
  direct?: string[];
  /** Claims that check it only through an end result (listed also when a direct claim exists). */
  implicit?: string[];
  /** Checks announced by another issue (with the claim id when it is known), not counted until they are in `direct`. */
  pending?: { issue: string; what: string; id?: string }[];
  /** Why the item cannot be checked numerically. */
  notCheckable?: string;
  /** Why a checkable item has no claim. */
  notChecked?: string;
  /** A remark shown with the item (an erratum, a restatement that differs). */
  note?: string;
}

export const coverageItems: CoverageItem[] = COVERAGE_ITEMS;

/** Status of an item, given the ids present in the registry (an id absent from the registry counts as absent). */
export function coverageStatus(item: CoverageItem, has: (id: string) => boolean = () => true): CoverageStatus {
  if ((item.direct ?? []).some(has)) return 'direct';
  if ((item.implicit ?? []).some(has)) return 'implicit';
  if (item.notCheckable) return 'not-checkable';
  return 'not-checked';
}

export interface CoverageCounts {
  items: number;
  byKind: Record<CoverageKind, number>;
  direct: number;
  implicit: number;
  notChecked: number;
  notCheckable: number;
  /** Items that are numerically checkable (direct + implicit + not-checked). */
  checkable: number;
  /** direct / checkable. */
  directShare: number;
}

export function coverageCounts(items: readonly CoverageItem[] = coverageItems, has?: (id: string) => boolean): CoverageCounts {
  const c: CoverageCounts = {
    items: items.length, byKind: { equation: 0, statement: 0, sentence: 0 },
    direct: 0, implicit: 0, notChecked: 0, notCheckable: 0, checkable: 0, directShare: 0,
  };
  for (const it of items) {
    c.byKind[it.kind]++;
    const s = coverageStatus(it, has);
    if (s === 'direct') c.direct++;
    else if (s === 'implicit') c.implicit++;
    else if (s === 'not-checked') c.notChecked++;
    else c.notCheckable++;
  }
  c.checkable = c.direct + c.implicit + c.notChecked;
  c.directShare = c.checkable ? c.direct / c.checkable : 0;
  return c;
}
