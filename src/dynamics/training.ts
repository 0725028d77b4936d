/**
 * QNN training dynamics of section 2: gradient descent theta <- theta - lr grad L (the
 * protocol of appendix D) and gradient flow d theta/dt = -eta grad L (integrated with the
 * adaptive Dormand-Prince method), plus the free-M kernel-regression baseline of section 3.
 */
import { check, checkFinite, checkFiniteArray, checkInt } from '../errors.ts';
import { dopri5, dopri5Steps, OdeOptions } from '../integrate/dopri5.ts';
import { axpyInPlace, clone, CMat, gramRows, outer, row } from '../linalg/cmatrix.ts';
import { CompiledQnn, lossAndGradientFast, predictFast } from '../model/compiled.ts';

export interface TrainingPoint {
  /** Iteration (gradient descent) or time (gradient flow). */
  t: number;
  loss: number;
  predictions: Float64Array;
}

export interface GradientDescentOptions {
  lr: number;
  steps: number;
  /** Record every k-th iteration (default 1); the last iteration is always recorded. */
  recordEvery?: number;
  /** Stop as soon as the loss is below this value. */
  stopBelow?: number;
}

export interface GradientDescentResult {
  theta: Float64Array;
  trace: TrainingPoint[];
  iterations: number;
}

/** theta(t+1) = theta(t) - lr grad L(theta(t))  (section 2, appendix D with lr = 1e-3/p). */
export function gradientDescent(c: CompiledQnn, theta0: ArrayLike<number>, opts: GradientDescentOptions): GradientDescentResult {
  const fn = 'gradientDescent';
  check(theta0.length === c.p, fn, 'theta0', `has length ${theta0.length}, expected p = ${c.p}`);
  checkFiniteArray(theta0, fn, 'theta0');
  checkFinite(opts.lr, fn, 'lr');
  check(opts.lr > 0, fn, 'lr', `must be > 0 (got ${opts.lr})`);
  checkInt(opts.steps, 0, fn, 'steps');
  const every = opts.recordEvery ?? 1;
  checkInt(every, 1, fn, 'recordEvery');
  const theta = Float64Array.from(theta0);
  const trace: TrainingPoint[] = [];
  let it = 0;
  for (; ; it++) {
    const { loss, predictions, gradient } = lossAndGradientFast(c, theta);
    checkFinite(loss, fn, 'loss');
    // Stryker disable next-line EqualityOperator: loss <= stopBelow differs only when the loss equals the threshold to the last bit
    const stop = it === opts.steps || loss < (opts.stopBelow ?? -Infinity);
    if (it % every === 0 || stop) trace.push({ t: it, loss, predictions });
    if (stop) break;
    // Stryker disable next-line EqualityOperator: l = p writes past the end of theta (ignored)
    for (let l = 0; l < c.p; l++) theta[l] -= opts.lr * gradient[l];
  }
  return { theta, trace, iterations: it };
}

function flowRhs(c: CompiledQnn, eta: number) {
  return (_t: number, theta: Float64Array, out: Float64Array): void => {
    const { gradient } = lossAndGradientFast(c, theta);
    // Stryker disable next-line EqualityOperator: l = p writes past the end of out (ignored)
    for (let l = 0; l < c.p; l++) out[l] = -eta * gradient[l];
  };
}

export interface GradientFlowResult {
  t: Float64Array;
  theta: Float64Array[];
  trace: TrainingPoint[];
  stats: { accepted: number; rejected: number; rhsEvals: number };
}

/** d theta/dt = -eta grad L  (gradient flow, section 2), theta reported at the times tOut. */
export function gradientFlow(c: CompiledQnn, theta0: ArrayLike<number>, eta: number, tOut: ArrayLike<number>, ode: OdeOptions): GradientFlowResult {
  const fn = 'gradientFlow';
  check(theta0.length === c.p, fn, 'theta0', `has length ${theta0.length}, expected p = ${c.p}`);
  checkFinite(eta, fn, 'eta');
  check(eta > 0, fn, 'eta', `must be > 0 (got ${eta})`);
  const res = dopri5(flowRhs(c, eta), 0, Float64Array.from(theta0), tOut, ode);
  const trace = res.y.map((th, i) => {
    const yhat = predictFast(c, th);
    let s = 0;
    for (let j = 0; j < c.m; j++) s += (yhat[j] - c.labels[j]) ** 2;
    return { t: res.t[i], loss: s / (2 * c.m), predictions: yhat };
  });
  return { t: res.t, theta: res.y, trace, stats: res.stats };
}

/** Gradient flow up to tEnd, calling onStep(t, theta) after every accepted step (theta is scratch). */
export function gradientFlowSteps(
  c: CompiledQnn, theta0: ArrayLike<number>, eta: number, tEnd: number, ode: OdeOptions,
  onStep: (t: number, theta: Float64Array) => boolean | void,
) {
  return dopri5Steps(flowRhs(c, eta), 0, Float64Array.from(theta0), tEnd, ode, onStep);
}

/**
 * Section 3 baseline: M optimised over all Hermitians, dM/dt = (eta/m) sum_j r_j rho_j.
 * M(t) = M(0) + sum_j c_j(t) rho_j with dc_j/dt = (eta/m) r_j and r = r(0) - K c, K_ij = tr(rho_i rho_j).
 */
export function kernelRegressionFlow(M0: CMat, states: CMat, labels: ArrayLike<number>, eta: number, tOut: ArrayLike<number>, ode: OdeOptions) {
  const m = states.rows;
  const g = gramRows(states);
  const K = new Float64Array(m * m);
  // Stryker disable next-line EqualityOperator: i = m^2 writes past the end of K (ignored)
  for (let i = 0; i < m * m; i++) K[i] = g.re[i] * g.re[i] + g.im[i] * g.im[i]; // |v_i^dag v_j|^2
  const rho = Array.from({ length: m }, (_, j) => outer(row(states, j)));
  const r0 = new Float64Array(m);
  // Stryker disable next-line EqualityOperator: j = m writes past the end of r0 (ignored)
  for (let j = 0; j < m; j++) {
    const v = row(states, j);
    let s = 0;
    const d = states.cols;
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) {
      const mr = M0.re[a * d + b], mi = M0.im[a * d + b];
      s += (v.re[a] * v.re[b] + v.im[a] * v.im[b]) * mr - (v.re[a] * v.im[b] - v.im[a] * v.re[b]) * mi;
    }
    r0[j] = labels[j] - s;
  }
  const residual = (c: Float64Array, out: Float64Array): void => {
    // Stryker disable next-line EqualityOperator: i = m writes past the end of out (ignored)
    for (let i = 0; i < m; i++) {
      let s = r0[i];
      for (let j = 0; j < m; j++) s -= K[i * m + j] * c[j];
      out[i] = s;
    }
  };
  const res = dopri5((_t, c, dc) => {
    residual(c, dc);
    // Stryker disable next-line EqualityOperator: i = m writes past the end of dc (ignored)
    for (let i = 0; i < m; i++) dc[i] *= eta / m;
  }, 0, new Float64Array(m), tOut, ode);
  return res.y.map((c, i) => {
    const M = clone(M0);
    for (let j = 0; j < m; j++) axpyInPlace(M, rho[j], c[j]);
    const r = new Float64Array(m);
    residual(c, r);
    return { t: res.t[i], M, residuals: r, kernel: K };
  });
}
