/** Correlation coefficients: Pearson's r and Spearman's rank correlation. */
import { centredMoments } from './summary.ts';

/** Pearson's r = sxy / sqrt(sxx syy) about the means; NaN when either sample is constant. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  const { sxx, syy, sxy } = centredMoments(x, y);
  return sxy / Math.sqrt(sxx * syy);
}

/** 1-based ranks; tied values get the average of their ranks. */
export function ranks(xs: readonly number[]): number[] {
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

/** Spearman's rank correlation: Pearson's r of the ranks (ties get average ranks). */
export function spearman(x: readonly number[], y: readonly number[]): number {
  return pearson(ranks(x), ranks(y));
}
