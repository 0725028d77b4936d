/**
 * The paper's order for the report: sections 2, 3, appendix A, section 4, appendices B, C, D (the
 * order a referee reads the PDF in), each claim placed by the first entry of its `ref.section`
 * ("3, A.1" -> section 3; "B.2" -> appendix B, subsection B.2). Within a part, claims keep the
 * registry's order, with an exact-arithmetic twin ("...-exact", ".../exact") right after the claim
 * it re-checks. Titles are the paper's headings.
 */
export interface PaperPart {
  key: string;
  title: string;
  subsections: { key: string; title: string }[];
}

export const PAPER_PARTS: PaperPart[] = [
  { key: '2', title: '2. Preliminaries', subsections: [] },
  { key: '3', title: '3. Deviations of QNN dynamics from NTK', subsections: [] },
  { key: 'A', title: 'A. Proofs for Section 3', subsections: [{ key: 'A.1', title: 'A.1 Proof of Lemma 3.1' }, { key: 'A.2', title: 'A.2 Proof of Theorem 3.2' }] },
  { key: '4', title: '4. Asymptotic dynamics of QNNs', subsections: [] },
  { key: 'B', title: 'B. Proofs for asymptotic dynamics', subsections: [{ key: 'B.1', title: 'B.1 Proof of Lemma 4.1' }, { key: 'B.2', title: 'B.2 Proof of Theorem 4.2' }] },
  { key: 'C', title: 'C. Proof for Theorem 4.4', subsections: [{ key: 'C.1', title: 'C.1 Helper lemma for K_asym' }, { key: 'C.2', title: 'C.2 Proof of Theorem 4.4' }] },
  { key: 'D', title: 'D. Experiments', subsections: [{ key: 'D.1', title: 'D.1 Experiment details' }, { key: 'D.2', title: 'D.2 K_asym as a function of t' }] },
];

export const OTHER_PART: PaperPart = { key: 'other', title: 'Other claims', subsections: [] };

export interface Placed<R> {
  result: R;
  part: string;
  /** 'A.2', or '' when the claim sits in the part itself. */
  subsection: string;
}

export function placeOf(section: string): { part: string; subsection: string } {
  const first = section.split(',')[0].trim();
  const part = PAPER_PARTS.find((p) => p.key === first.split('.')[0].toUpperCase());
  if (!part) return { part: OTHER_PART.key, subsection: '' };
  const sub = part.subsections.find((s) => s.key === first.toUpperCase());
  return { part: part.key, subsection: sub ? sub.key : '' };
}

const baseOf = (id: string): string => id.replace(/(\/exact|-exact)$/, '');

/** Results in paper order, each with its part and subsection. */
export function inPaperOrder<R extends { id: string; ref: { section: string } }>(results: R[]): Placed<R>[] {
  const index = new Map(results.map((r, k) => [r.id, k]));
  const partIndex = (key: string) => {
    const k = PAPER_PARTS.findIndex((p) => p.key === key);
    return k < 0 ? PAPER_PARTS.length : k;
  };
  const placed = results.map((r) => ({ result: r, ...placeOf(r.ref.section) }));
  const key = (p: Placed<R>): [number, string, number, number] => {
    const base = baseOf(p.result.id);
    const own = index.get(p.result.id)!;
    const anchor = base !== p.result.id && index.has(base) ? index.get(base)! : own;
    return [partIndex(p.part), p.subsection, anchor, own];
  };
  return placed.sort((a, b) => {
    const [pa, sa, aa, oa] = key(a), [pb, sb, ab, ob] = key(b);
    return pa - pb || sa.localeCompare(sb) || aa - ab || oa - ob;
  });
}

export function partTitle(key: string): string {
  return (PAPER_PARTS.find((p) => p.key === key) ?? OTHER_PART).title;
}

export function subsectionTitle(key: string): string {
  for (const p of PAPER_PARTS) for (const s of p.subsections) if (s.key === key) return s.title;
  return key;
}
