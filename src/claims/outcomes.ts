/**
 * Builders of CheckOutcome shared by the claim modules: identities (residual against a tolerance),
 * inequalities (signed slack), and the conjunction of several parts. Non-finite inputs fail the
 * check; they are never compared.
 */
import type { CheckOutcome, PartOutcome } from './types.ts';

type Details = Record<string, number | string>;

/** A failed outcome naming the first non-finite value, or undefined when all are finite. */
export function nonFinite(values: Record<string, number>): CheckOutcome | undefined {
  for (const [k, v] of Object.entries(values)) {
    if (!Number.isFinite(v)) return { ok: false, slack: Number.NEGATIVE_INFINITY, details: { nonFinite: k } };
  }
  return undefined;
}

/** |lhs - rhs| = residual <= tolerance; slack = tolerance - residual. */
export function identityOutcome(residual: number, tolerance: number, details?: Details): CheckOutcome {
  const bad = nonFinite({ residual, tolerance });
  if (bad) return bad;
  return { ok: residual <= tolerance, slack: tolerance - residual, residual, tolerance, details };
}

export interface TightnessOptions {
  /**
   * Natural scale of the two sides, for tightness = 1 + (lhs - rhs) / scale (= lhs / rhs when scale = rhs > 0,
   * the default). Give it where rhs can be <= 0 (a lower bound 0 on a smallest eigenvalue: scale = the largest).
   */
  scale?: number;
  /** The run is vacuous (the claim's vacuousRule says when). */
  vacuous?: boolean;
}

/**
 * Tightness of lhs <= rhs: 1 + (lhs - rhs) / scale, scale = rhs by default (then lhs / rhs); 1 = equality,
 * > 1 = violated. Undefined when no positive scale is known (rhs <= 0 and none given) or a value is not finite.
 */
export function tightnessOf(lhs: number, rhs: number, scale?: number): number | undefined {
  const s = scale ?? rhs;
  if (!(s > 0) || !Number.isFinite(s) || !Number.isFinite(lhs) || !Number.isFinite(rhs)) return undefined;
  return scale === undefined ? lhs / rhs : 1 + (lhs - rhs) / s;
}

/**
 * lhs <= rhs + tolerance; slack = (rhs - lhs + tolerance) / unit, `unit` > 0 when reported in units of a quantity;
 * tightness as tightnessOf (a lower bound a >= b is passed as lhs = b, rhs = a: tightness b / a).
 */
export function inequalityOutcome(lhs: number, rhs: number, tolerance: number, unit = 1, details?: Details, opts: TightnessOptions = {}): CheckOutcome {
  const bad = nonFinite({ lhs, rhs, tolerance, unit });
  if (bad) return bad;
  const slack = (rhs - lhs + tolerance) / unit;
  const out: CheckOutcome = { ok: slack >= 0, slack, tolerance: tolerance / unit, details: { lhs, rhs, ...details } };
  const t = tightnessOf(lhs, rhs, opts.scale);
  if (t !== undefined) out.tightness = t;
  if (opts.vacuous !== undefined) out.vacuous = opts.vacuous;
  return out;
}

/** Slack relative to the part's own tolerance (parts may be in different units). */
function relativeSlack(o: CheckOutcome): number {
  return o.tolerance !== undefined && o.tolerance > 0 ? o.slack / o.tolerance : o.slack;
}

/**
 * Combines outcomes: ok iff all are; the largest residual is kept. The reported slack is the one of the
 * part with the smallest slack (`by = 'slack'`, parts in the same units) or the smallest slack / tolerance
 * (`by = 'relative'`, parts in different units). Every part is kept by name in `parts` (named by its key
 * when given as a record, `part k` in an array); the tightness is the largest part tightness, and the
 * outcome is vacuous when every part that says so is.
 */
export function allOf(parts: CheckOutcome[] | Record<string, CheckOutcome>, details?: Details, by: 'slack' | 'relative' = 'slack'): CheckOutcome {
  const named: [string, CheckOutcome][] = Array.isArray(parts) ? parts.map((p, k) => [`part ${k + 1}`, p]) : Object.entries(parts);
  const key = by === 'slack' ? (o: CheckOutcome) => o.slack : relativeSlack;
  let worst = named[0][1];
  let residual: number | undefined;
  let tightness: number | undefined;
  const list: PartOutcome[] = [];
  const vac: boolean[] = [];
  for (const [name, p] of named) {
    if (!(key(p) >= key(worst))) worst = p;
    if (p.residual !== undefined) residual = Math.max(residual ?? 0, p.residual);
    if (p.tightness !== undefined && !(p.tightness <= (tightness ?? -Infinity))) tightness = p.tightness;
    if (p.vacuous !== undefined) vac.push(p.vacuous);
    list.push(p.tightness === undefined ? { name, ok: p.ok, slack: p.slack } : { name, ok: p.ok, slack: p.slack, tightness: p.tightness });
  }
  const out: CheckOutcome = { ok: named.every(([, p]) => p.ok), slack: worst.slack, residual, tolerance: worst.tolerance, details: { ...worst.details, ...details }, parts: list };
  if (tightness !== undefined) out.tightness = tightness;
  if (vac.length) out.vacuous = vac.every(Boolean);
  return out;
}
