/**
 * Tightness of the figure claims (theorems/figure-*.ts): how close the measured statistic came to failing the
 * claim's own acceptance criterion, dimensionless, 1 at the criterion's edge and > 1 where it fails. One formula
 * per shape of criterion, so each claim's `tightnessRule` names one of these and the edge cases are tested once
 * (test/search/figure-tightness.test.ts). Every function returns undefined where its inputs are not finite (or the
 * quantity has no positive scale): the run then fails without a tightness rather than with a made-up one.
 */

const finite = (...xs: number[]) => xs.every(Number.isFinite);

/** A value that must stay at most `limit` (> 0): value / limit. */
export function atMost(value: number, limit: number): number | undefined {
  return finite(value, limit) && limit > 0 ? value / limit : undefined;
}

/** A value that must stay at least `floor` (> 0), the value > 0: floor / value (a lower bound b <= a as b / a). */
export function atLeast(value: number, floor: number): number | undefined {
  return finite(value, floor) && floor > 0 && value > 0 ? floor / value : undefined;
}

/**
 * A mean whose one-sided lower confidence bound mean - margin must reach `floor` (> 0), the mean > 0:
 * (floor + margin) / mean, the left side of floor + margin <= mean over its right side.
 */
export function lowerBoundAtLeast(mean: number, margin: number, floor: number): number | undefined {
  return finite(mean, margin, floor) && floor > 0 && mean > 0 && margin >= 0 ? (floor + margin) / mean : undefined;
}

/**
 * A two-sided interval centre +- halfWidth that must contain `value`: |centre - value| / halfWidth (the distance
 * from the centre to the value in half-widths; 1 = the value at an end of the interval).
 */
export function intervalContains(centre: number, halfWidth: number, value: number): number | undefined {
  return finite(centre, halfWidth, value) && halfWidth > 0 ? Math.abs(centre - value) / halfWidth : undefined;
}

/**
 * An interval centre +- halfWidth whose upper end must not lie below `value`: (value - centre) / halfWidth (1 = the upper
 * end at the value; negative when the centre itself is above it).
 */
export function upperEndReaches(centre: number, halfWidth: number, value: number): number | undefined {
  return finite(centre, halfWidth, value) && halfWidth > 0 ? (value - centre) / halfWidth : undefined;
}

/**
 * "More than half of n instances reach the event before `limit`": the k-th smallest event time over `limit`, k =
 * floor(n/2) + 1 the smallest majority. An instance without the event counts as reaching it at `horizon` (> limit, the
 * end of the run), so the value is a lower bound horizon / limit when fewer than k instances reach it at all.
 */
export function majorityBefore(times: readonly (number | null)[], limit: number, horizon: number): number | undefined {
  if (!times.length || !(limit > 0) || !(horizon > limit)) return undefined;
  const t = times.map((x) => (x === null ? horizon : Math.min(x, horizon))).sort((a, b) => a - b);
  const k = Math.floor(t.length / 2) + 1;
  return finite(t[k - 1]) ? t[k - 1] / limit : undefined;
}

/** A strictly increasing sequence of positive values: the largest ratio of a value to its successor (1 = two equal). */
export function increasing(values: readonly number[]): number | undefined {
  if (values.length < 2 || !values.every((v) => Number.isFinite(v) && v > 0)) return undefined;
  let worst = -Infinity;
  for (let k = 1; k < values.length; k++) worst = Math.max(worst, values[k - 1] / values[k]);
  return worst;
}

/** The outcome fields `tightness` (only when defined). */
export function withTightness(t: number | undefined): { tightness?: number } {
  return t === undefined ? {} : { tightness: t };
}
