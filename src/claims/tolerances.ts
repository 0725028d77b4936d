/**
 * The one table of tolerances. A tolerance follows from the quantity's scale and the
 * arithmetic that produced it, never from a failing seed. Each rule states its origin.
 */
import { EPS } from '../linalg/cmatrix.ts';

export const TOLERANCES = {
  /**
   * Exact identity between two quantities computed by dense products of d x d matrices
   * (O(d) terms per entry, each rounding by EPS, a chain of `depth` such products):
   * |lhs - rhs| <= C * EPS * d * depth * scale, C = 64 for headroom over the worst-case sum.
   */
  identity(scale: number, d: number, depth = 1): number {
    return 64 * EPS * d * depth * Math.max(scale, Number.MIN_VALUE);
  },
  /** An identity whose two sides come through an eigendecomposition (backward stable, error ~ d * EPS * norm). */
  spectral(scale: number, d: number): number {
    return 256 * EPS * d * Math.max(scale, Number.MIN_VALUE);
  },
  /** An inequality between computed numbers: only rounding of the two sides is forgiven. */
  inequality(scale: number, d: number): number {
    return 64 * EPS * d * Math.max(scale, Number.MIN_VALUE);
  },
  /**
   * A quantity obtained by integrating an ODE with an adaptive method at tolerance `tol`
   * against the same quantity from an independent route: the global error grows at most
   * linearly with the integration time; factor 100 covers the error constant of DOPRI5.
   */
  integrated(tol: number, scale: number, horizon: number): number {
    return 100 * tol * Math.max(1, horizon) * Math.max(scale, 1);
  },
  /** Central finite difference with step h on a function with third derivative of size `scale`: O(h^2) + O(EPS/h). */
  finiteDifference(h: number, scale: number): number {
    return 10 * (h * h * scale + (EPS * scale) / h);
  },
} as const;

/** Monte-Carlo mean: |sample mean - expectation| <= z * sd / sqrt(n) (z standard errors). */
export function monteCarloTolerance(sd: number, n: number, z = 5): number {
  return (z * sd) / Math.sqrt(n);
}

/**
 * Exponent s fitted by least squares on log-log data, y = a + s x (section-4-b scaling claims):
 * s is trusted to z standard errors, se from the residuals of the fit (n - 2 dof). With z = 3 a
 * one-sided test has a false-alarm rate of 0.13% under normal residuals (for n >= 20 points the
 * Student-t quantile differs by < 10%).
 */
export function fittedExponentTolerance(se: number, z = 3): number {
  return z * se;
}
