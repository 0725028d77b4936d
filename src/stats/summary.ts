/** Summaries of a sample: mean, standard deviation, median, and a mean curve with a band over runs. */

/** Arithmetic mean (left-to-right sum); NaN for an empty sample. */
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

/** Median (mean of the two middle values for even n); NaN for an empty sample. */
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

/** Means and centred second moments of paired samples: sxx = sum (x - mx)^2, syy, sxy (one pass after the means). */
export function centredMoments(x: readonly number[], y: readonly number[]): { mx: number; my: number; sxx: number; syy: number; sxy: number } {
  const n = x.length;
  const mx = mean(x), my = mean(y);
  let sxx = 0, syy = 0, sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
  }
  return { mx, my, sxx, syy, sxy };
}
