/** Least-squares straight lines: ordinary (with standard errors and Student t intervals), weighted, and through the origin. */
import { check } from '../errors.ts';
import { studentTQuantile } from './distributions.ts';
import { centredMoments } from './summary.ts';

/** y = intercept + slope x fitted by ordinary least squares. */
export interface LinearFit {
  slope: number;
  intercept: number;
  /** Standard error of the slope, residualSd / sqrt(sum (x_i - mean x)^2); NaN for n <= 2. */
  slopeSe: number;
  /** sqrt(RSS / (n - 2)): the estimated noise standard deviation; NaN for n <= 2. */
  residualSd: number;
  /** Pearson's r of (x, y). */
  r: number;
  n: number;
}

/** Ordinary least squares y = a + b x, with Pearson's r, the residual standard deviation (n - 2 dof) and the standard error of b. */
export function linearFit(x: readonly number[], y: readonly number[]): LinearFit {
  check(x.length === y.length, 'linearFit', 'y', `must have the length of x (${y.length} != ${x.length})`);
  const n = x.length;
  const { mx, my, sxx, syy, sxy } = centredMoments(x, y);
  const slope = sxy / sxx, intercept = my - slope * mx;
  const r = sxy / Math.sqrt(sxx * syy);
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (y[i] - intercept - slope * x[i]) ** 2;
  const residualSd = n > 2 ? Math.sqrt(rss / (n - 2)) : NaN;
  return { slope, intercept, slopeSe: residualSd / Math.sqrt(sxx), residualSd, r, n };
}

/**
 * Two-sided `level` confidence interval for the slope under i.i.d. Gaussian noise: slope -+ t_{(1+level)/2, n-2} slopeSe
 * (Student t quantile with n - 2 degrees of freedom). NaN bounds for n <= 2.
 */
export function slopeInterval(fit: Pick<LinearFit, 'slope' | 'slopeSe' | 'n'>, level: number): { lo: number; hi: number; t: number } {
  check(level > 0 && level < 1, 'slopeInterval', 'level', `must be in (0, 1) (got ${level})`);
  if (!(fit.n > 2)) return { lo: NaN, hi: NaN, t: NaN };
  const t = studentTQuantile((1 + level) / 2, fit.n - 2);
  return { lo: fit.slope - t * fit.slopeSe, hi: fit.slope + t * fit.slopeSe, t };
}

/** y = intercept + slope x fitted by weighted least squares. */
export interface WeightedLinearFit {
  slope: number;
  intercept: number;
  /** Standard error of the slope from the known errors alone, 1 / sqrt(sum w_i (x_i - xbar_w)^2). */
  slopeSe: number;
  /** chi^2 / (n - 2) = sum w_i residual_i^2 / (n - 2): about 1 when the stated errors are right. */
  chi2PerDof: number;
  n: number;
}

/** Weighted least squares y = a + b x with weights 1/se_i^2 (known sampling errors); SE of b from the weights. */
export function weightedLinearFit(x: readonly number[], y: readonly number[], se: readonly number[]): WeightedLinearFit {
  check(x.length === y.length && x.length === se.length, 'weightedLinearFit', 'y, se', `must have the length of x (${y.length}, ${se.length} != ${x.length})`);
  const w = se.map((s) => 1 / (s * s));
  const sw = w.reduce((s, v) => s + v, 0);
  const mx = x.reduce((s, v, i) => s + w[i] * v, 0) / sw, my = y.reduce((s, v, i) => s + w[i] * v, 0) / sw;
  let sxx = 0, sxy = 0;
  for (let i = 0; i < x.length; i++) {
    sxx += w[i] * (x[i] - mx) ** 2;
    sxy += w[i] * (x[i] - mx) * (y[i] - my);
  }
  const slope = sxy / sxx, intercept = my - slope * mx;
  let chi2 = 0;
  for (let i = 0; i < x.length; i++) chi2 += w[i] * (y[i] - intercept - slope * x[i]) ** 2;
  return { slope, intercept, slopeSe: Math.sqrt(1 / sxx), chi2PerDof: chi2 / (x.length - 2), n: x.length };
}

/** Least squares through the origin y = b x: b = sum x_i y_i / sum x_i^2. */
export function slopeThroughOrigin(x: readonly number[], y: readonly number[]): number {
  check(x.length === y.length, 'slopeThroughOrigin', 'y', `must have the length of x (${y.length} != ${x.length})`);
  let sxy = 0, sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += x[i] * y[i];
    sxx += x[i] * x[i];
  }
  return sxy / sxx;
}
