/**
 * How strong each verdict is, read from the report data for the HTML page. The fields are optional:
 * they are added by the targeted search (per-claim `tightness`, per-outcome `parts` and `vacuous`,
 * non-vacuous run counts), by the substantive/consistency split (`strength`, `strengthReason`, the
 * `not-reproduced` verdict) and by the coverage map and errata table of the report. Each accessor
 * returns undefined when its field is absent, and the page then leaves the column or section out:
 * nothing here invents a number the report does not carry.
 */
import type { ClaimResult } from '../claims/types.ts';
import type { VerificationReport } from './report.ts';

export interface Tightness {
  /** Largest lhs / rhs over the random runs (1 = equality, > 1 = violated). */
  random: number | null;
  /** Largest lhs / rhs after the targeted search. */
  searched: number | null;
  evaluations?: number;
  instance?: unknown;
  /** Supremum of the tightness known from a proof, when the claim gives one. */
  knownSupremum?: number;
  /** Replay command of the searched arg-max. */
  replay?: string;
  /** Why there is no searched value (see TightnessResult.searchSkipped). */
  searchSkipped?: string;
}

/** The words a report shows for a searched tightness that was not computed, by reason. */
const SKIPPED: Record<string, string> = { refuted: 'refuted', 'no-space': 'no search', 'no-start': 'no start', off: 'off' };

/** The searched tightness as a cell: the number, or why there is none (`refuted` when a random run broke the statement). */
export function searchedText(t: Tightness, fmt: (x: number | null | undefined) => string): string {
  if (t.searched !== null && t.searched !== undefined) return fmt(t.searched);
  return (t.searchSkipped && SKIPPED[t.searchSkipped]) ?? fmt(t.searched);
}

/** How many parts a report line shows; the JSON keeps all. */
export const PARTS_SHOWN = 12;

/**
 * The parts of a composite outcome as one line: `name: slack s, tightness t` (and `fails` for a failing part), `; `-separated, in
 * their order. Beyond PARTS_SHOWN parts, the hardest are shown (failing first, then by largest tightness, then smallest slack)
 * and the rest counted.
 */
export function partsText(parts: readonly { name: string; ok: boolean; slack: number; tightness?: number }[], fmt: (x: number | null | undefined) => string): string {
  let shown = parts.map((p, k) => ({ p, k }));
  if (shown.length > PARTS_SHOWN) {
    const t = (p: (typeof parts)[number]) => p.tightness ?? -Infinity;
    shown = [...shown]
      .sort((a, b) => Number(a.p.ok) - Number(b.p.ok) || (t(b.p) === t(a.p) ? 0 : t(b.p) > t(a.p) ? 1 : -1) || a.p.slack - b.p.slack || a.k - b.k)
      .slice(0, PARTS_SHOWN)
      .sort((a, b) => a.k - b.k);
  }
  const text = shown.map(({ p }) => `${p.name}: ${p.ok ? '' : 'fails, '}slack ${fmt(p.slack)}${p.tightness !== undefined ? `, tightness ${fmt(p.tightness)}` : ''}`).join('; ');
  return parts.length > shown.length ? `${text}; and ${parts.length - shown.length} more (the hardest ${shown.length} shown; the JSON lists all)` : text;
}

export type Strength = 'substantive' | 'consistency';

/** A verdict of the page: the report's four and the experiments' `not-reproduced`. */
export type PageVerdict = ClaimResult['verdict'] | 'not-reproduced';

/** A result as the page reads it: the typed ClaimResult plus the optional strength fields. */
export type PageResult = Omit<ClaimResult, 'verdict'> & {
  verdict: PageVerdict;
  tightness?: Tightness;
  nonVacuousRuns?: number;
  vacuousRuns?: number;
  strength?: Strength;
  strengthReason?: string;
  relativeResidual?: number;
  confidence?: number;
  /** How `tightness` and a vacuous run are defined for the claim. */
  tightnessRule?: string;
  vacuousRule?: string;
  /** Why the claim has no search space. */
  noSearch?: string;
  /** For a not-reproduced experiment: the protocol detail the paper leaves open. */
  protocolGap?: string;
};

export const asPage = (r: ClaimResult): PageResult => r as unknown as PageResult;

const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

export function tightnessOf(r: PageResult): Tightness | undefined {
  const t = r.tightness;
  return t && typeof t === 'object' ? t : undefined;
}

/**
 * Runs whose check said something (not implied by trivial facts), for a claim that defines a vacuous
 * run (`vacuousRule`); undefined for the others (no run of theirs can be vacuous) and for reports
 * that do not count them.
 */
export function nonVacuousRunsOf(r: PageResult): number | undefined {
  if (!r.vacuousRule) return undefined;
  const n = num(r.nonVacuousRuns);
  if (n !== undefined) return n;
  const v = num(r.vacuousRuns);
  return v === undefined ? undefined : r.runs - v;
}

export function strengthOf(r: PageResult): Strength | undefined {
  return r.strength === 'substantive' || r.strength === 'consistency' ? r.strength : undefined;
}

/** Relative residual of an identity, when the report gives it (a field of the result or of its details). */
export function relativeResidualOf(r: PageResult): number | undefined {
  if (r.kind !== 'identity') return undefined;
  return num(r.relativeResidual) ?? num(r.details?.relativeResidual);
}

/**
 * Confidence of a statistical or scaling claim: the `confidence` field (or detail) when present,
 * else the level named by a detail key such as `lowerBound99` / `upperBound99` (a 99% bound).
 */
export function confidenceOf(r: PageResult): number | undefined {
  if (r.kind !== 'statistical' && r.kind !== 'scaling') return undefined;
  const c = num(r.confidence) ?? num(r.details?.confidence);
  if (c !== undefined) return c > 1 ? c / 100 : c;
  for (const k of Object.keys(r.details ?? {})) {
    const m = /^(?:lower|upper)Bound(\d{2})$/.exec(k);
    if (m) return Number(m[1]) / 100;
  }
  return undefined;
}

export type ErratumClass = 'typo' | 'false statement' | 'proof gap' | 'not reproduced';

export const ERRATUM_CLASSES: ErratumClass[] = ['typo', 'false statement', 'proof gap', 'not reproduced'];

/** One row of the errata table. */
export interface ErratumRow {
  id?: string;
  /** The claim that checks the printed form (when the erratum has one that can be evaluated). */
  claim?: string;
  /** The claims with what is meant or what holds. */
  corrections: string[];
  class?: ErratumClass | string;
  /** Where it is printed: equation or statement. */
  where?: string;
  /** The printed text as the paper's text has it (LaTeX). */
  printed?: string;
  /** What is meant, in plain notation. */
  corrected?: string;
  /** For a proof gap: whether the conclusion survives. */
  survives?: string;
  /** The printed text may be an artefact of the extraction to text. */
  extraction?: string;
  /** Every claim the entry names. */
  claims: string[];
}

interface RawErratum {
  id?: unknown; claims?: unknown; class?: unknown; where?: unknown; printed?: unknown; corrected?: unknown;
  conclusionSurvives?: unknown; extractionArtefact?: unknown;
}

const str = (x: unknown): string | undefined => (typeof x === 'string' && x.length ? x : undefined);
const strs = (x: unknown): string[] => (Array.isArray(x) ? x.filter((c): c is string => typeof c === 'string') : []);

/**
 * The errata table: the report's own (`errata.rows`, theorems/errata.ts), whose first claim is the
 * printed form when it fails as printed; else one row per printed formula that fails (verdict
 * violated-as-printed), without a class (the data does not classify it).
 */
export function errataOf(rep: VerificationReport): { rows: ErratumRow[]; fromReport: boolean } {
  const raw = (rep as unknown as { errata?: unknown }).errata;
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' && Array.isArray((raw as { rows?: unknown }).rows) ? (raw as { rows: unknown[] }).rows : undefined;
  if (list) {
    const printedForm = new Set(rep.results.filter((r) => (r.expectation as string) !== 'holds').map((r) => r.id));
    const rows = (list as RawErratum[]).map((e): ErratumRow => {
      const claims = strs(e.claims);
      const claim = claims.find((c) => printedForm.has(c));
      return {
        id: str(e.id), claim, corrections: claims.filter((c) => c !== claim), class: str(e.class), where: str(e.where), printed: str(e.printed),
        corrected: str(e.corrected), survives: str(e.conclusionSurvives), extraction: str(e.extractionArtefact), claims,
      };
    });
    return { rows, fromReport: true };
  }
  const rows = rep.results.filter((r) => r.verdict === 'violated-as-printed').map((r) => ({
    claim: r.id, corrections: r.correctedBy ? [r.correctedBy] : [], where: `${r.ref.label}${r.ref.equations.length ? `, eq. ${r.ref.equations.join(', ')}` : ''}`, claims: [r.id],
  }));
  return { rows, fromReport: false };
}

/** One row of the coverage map (paper item -> claims), when the report carries it. */
export interface CoverageRow {
  item: string;
  kind?: string;
  section?: string;
  what?: string;
  /** direct, implicit, not-checked, not-checkable (when the report says). */
  status?: string;
  claims: { id: string; relation?: string }[];
  reason?: string;
}

export function coverageOf(rep: VerificationReport): { rows: CoverageRow[]; counts?: Record<string, unknown> } | undefined {
  const raw = (rep as unknown as { coverage?: unknown }).coverage;
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' && Array.isArray((raw as { rows?: unknown }).rows) ? (raw as { rows: unknown[] }).rows : undefined;
  if (!list) return undefined;
  const rows = (list as Record<string, unknown>[]).map((e) => ({
    item: str(e.label) ?? str(e.key) ?? str(e.item) ?? '?',
    kind: str(e.kind),
    section: str(e.section),
    what: str(e.says) ?? str(e.what),
    status: str(e.status),
    claims: (Array.isArray(e.claims) ? e.claims : []).map((c) => (typeof c === 'string' ? { id: c } : { id: String((c as { id?: unknown }).id), relation: str((c as { relation?: unknown }).relation) })),
    reason: str(e.reason),
  }));
  const counts = raw && typeof raw === 'object' && !Array.isArray(raw) ? ((raw as { counts?: Record<string, unknown> }).counts) : undefined;
  return { rows, counts };
}
