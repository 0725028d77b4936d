/** Sampled curves of the figures: log-rates, window rates, threshold crossings, resampling on a grid (statistics: src/stats). */

/**
 * -d ln L/dt by central differences on a sampled curve (one-sided at the ends).
 * Points with L <= 0 give NaN.
 */
export function logRate(t: readonly number[], loss: readonly number[]): number[] {
  const n = t.length, out: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - 1), b = Math.min(n - 1, i + 1);
    if (a === b || !(loss[a] > 0 && loss[b] > 0)) { out.push(NaN); continue; }
    out.push(-(Math.log(loss[b]) - Math.log(loss[a])) / (t[b] - t[a]));
  }
  return out;
}

/** -(ln L(t1) - ln L(t0)) / (t1 - t0) from the samples closest to t0 and t1 (average rate on a window). */
export function windowRate(t: readonly number[], loss: readonly number[], t0: number, t1: number): number {
  const i0 = nearestIndex(t, t0), i1 = nearestIndex(t, t1);
  if (i1 <= i0) return NaN;
  return -(Math.log(loss[i1]) - Math.log(loss[i0])) / (t[i1] - t[i0]);
}

export function nearestIndex(t: readonly number[], x: number): number {
  let best = 0;
  for (let i = 1; i < t.length; i++) if (Math.abs(t[i] - x) < Math.abs(t[best] - x)) best = i;
  return best;
}

/** First t at which the sampled curve drops below thr, log-linear interpolation between samples; null if never. */
export function firstCrossing(t: readonly number[], loss: readonly number[], thr: number): number | null {
  for (let i = 0; i < t.length; i++) {
    if (loss[i] < thr) {
      if (i === 0) return t[0];
      const a = Math.log(loss[i - 1]), b = Math.log(loss[i]), c = Math.log(thr);
      return t[i - 1] + ((a - c) / (a - b)) * (t[i] - t[i - 1]);
    }
  }
  return null;
}

/** Values of a sampled curve at the grid points, by linear interpolation (held constant past the end). */
export function resample(t: readonly number[], y: readonly number[], grid: readonly number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (const g of grid) {
    while (j + 1 < t.length && t[j + 1] < g) j++;
    if (g <= t[0]) out.push(y[0]);
    else if (j + 1 >= t.length) out.push(y[t.length - 1]);
    else {
      const w = (g - t[j]) / (t[j + 1] - t[j]);
      out.push(y[j] + w * (y[j + 1] - y[j]));
    }
  }
  return out;
}
