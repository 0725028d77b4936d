/**
 * Builders of CheckOutcome shared by the claim modules: identities (residual against a tolerance),
 * inequalities (signed slack), and the conjunction of several parts. Non-finite inputs fail the
 * check; they are never compared.
 */
import type { CheckOutcome } from './types.ts';

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

/** lhs <= rhs + tolerance; slack = (rhs - lhs + tolerance) / unit, `unit` > 0 when reported in units of a quantity. */
export function inequalityOutcome(lhs: number, rhs: number, tolerance: number, unit = 1, details?: Details): CheckOutcome {
  const bad = nonFinite({ lhs, rhs, tolerance, unit });
  if (bad) return bad;
  const slack = (rhs - lhs + tolerance) / unit;
  return { ok: slack >= 0, slack, tolerance: tolerance / unit, details: { lhs, rhs, ...details } };
}

/** Slack relative to the part's own tolerance (parts may be in different units). */
function relativeSlack(o: CheckOutcome): number {
  return o.tolerance !== undefined && o.tolerance > 0 ? o.slack / o.tolerance : o.slack;
}

/**
 * Combines outcomes: ok iff all are; the largest residual is kept. The reported part is the one with
 * the smallest slack (`by = 'slack'`, parts in the same units) or the smallest slack / tolerance
 * (`by = 'relative'`, parts in different units).
 */
export function allOf(parts: CheckOutcome[], details?: Details, by: 'slack' | 'relative' = 'slack'): CheckOutcome {
  const key = by === 'slack' ? (o: CheckOutcome) => o.slack : relativeSlack;
  let worst = parts[0];
  let residual: number | undefined;
  for (const p of parts) {
    if (!(key(p) >= key(worst))) worst = p;
    if (p.residual !== undefined) residual = Math.max(residual ?? 0, p.residual);
  }
  return { ok: parts.every((p) => p.ok), slack: worst.slack, residual, tolerance: worst.tolerance, details: { ...worst.details, ...details } };
}
