/** Small statistics for the figures: means and bands, log-rates, least squares, rank correlation. */

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return xs.length ? s / xs.length : NaN;
}

/** Sample standard deviation (n - 1 in the denominator); 0 for a single value. */
export function std(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mu = mean(xs);
  let s = 0;
  for (let i = 0; i < n; i++) s += (xs[i] - mu) ** 2;
  return Math.sqrt(s / (n - 1));
}

export function median(xs: ArrayLike<number>): number {
  const s = Array.from(xs).sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

/**
 * Mean curve with a half-standard-deviation band over runs sampled on the same grid (the
 * paper's figure 1 error bars). For log axes the lower edge is clamped to mean / 10 when
 * mean - std/2 <= 0 (`clamped` says so).
 */
export function meanBand(runs: readonly (readonly number[])[]): { mean: number[]; lo: number[]; hi: number[]; std: number[]; clamped: boolean } {
  const n = Math.min(...runs.map((r) => r.length));
  const out = { mean: [] as number[], lo: [] as number[], hi: [] as number[], std: [] as number[], clamped: false };
  for (let i = 0; i < n; i++) {
    const col = runs.map((r) => r[i]);
    const mu = mean(col), sd = std(col);
    let lo = mu - sd / 2;
    if (lo <= 0) { lo = mu / 10; out.clamped = true; }
    out.mean.push(mu);
    out.std.push(sd);
    out.lo.push(lo);
    out.hi.push(mu + sd / 2);
  }
  return out;
}

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

/** Ordinary least squares y = a + b x, with Pearson's r and the standard error of b. */
export function linearFit(x: readonly number[], y: readonly number[]): { intercept: number; slope: number; r: number; slopeSe: number; n: number } {
  const n = x.length;
  const mx = mean(x), my = mean(y);
  let sxx = 0, syy = 0, sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
  }
  const slope = sxy / sxx, intercept = my - slope * mx;
  const r = sxy / Math.sqrt(sxx * syy);
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (y[i] - intercept - slope * x[i]) ** 2;
  const slopeSe = n > 2 ? Math.sqrt(sse / (n - 2) / sxx) : NaN;
  return { intercept, slope, r, slopeSe, n };
}

/** Least squares through the origin y = b x. */
export function slopeThroughOrigin(x: readonly number[], y: readonly number[]): number {
  let sxy = 0, sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += x[i] * y[i];
    sxx += x[i] * x[i];
  }
  return sxy / sxx;
}

function ranks(xs: readonly number[]): number[] {
  const idx = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
  const r = new Array<number>(xs.length);
  for (let k = 0; k < idx.length;) {
    let e = k;
    while (e + 1 < idx.length && xs[idx[e + 1]] === xs[idx[k]]) e++;
    for (let j = k; j <= e; j++) r[idx[j]] = (k + e) / 2 + 1;
    k = e + 1;
  }
  return r;
}

/** Spearman's rank correlation (ties get average ranks). */
export function spearman(x: readonly number[], y: readonly number[]): number {
  return linearFit(ranks(x), ranks(y)).r;
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

/** Round for JSON/plots: 6 significant digits (keeps files small; plots need no more). */
export function sig(x: number, digits = 6): number {
  return Number.isFinite(x) ? Number(x.toPrecision(digits)) : x;
}

export function fmtNum(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '-';
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e5 ? String(Number(x.toPrecision(digits))) : x.toExponential(digits - 1);
}
