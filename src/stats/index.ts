/**
 * Statistics for claims and figures, one idea per file: summaries, correlation, reference distributions (normal,
 * Student t), least-squares fits with standard errors and intervals, binomial tails and rate bounds, quantiles with
 * distribution-free confidence bounds.
 */
export { binomLowerTail, binomRateLowerBound, binomRateUpperBound, binomUpperTail } from './binomial.ts';
export { pearson, ranks, spearman } from './correlation.ts';
export { normalCdf, normalPdf, normalQuantile, studentTCdf, studentTQuantile } from './distributions.ts';
export { type LinearFit, linearFit, slopeInterval, slopeThroughOrigin, type WeightedLinearFit, weightedLinearFit } from './fit.ts';
export { quantile, quantileLowerConfidenceBound, quantileUpperConfidenceBound } from './quantile.ts';
export { mean, meanBand, median, std } from './summary.ts';
