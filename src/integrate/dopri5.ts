/**
 * Dormand–Prince 5(4) adaptive Runge–Kutta integrator (FSAL, 7 stages, 6 f-evaluations per
 * step) for y' = f(t, y), after Hairer, Nørsett & Wanner, "Solving ODEs I", and the
 * Fortran code DOPRI5: RMS error norm, PI step-size controller (safety 0.9, factor limits
 * [0.2, 10], beta 0.04), automatic initial step (HINIT), and 4th-order continuous extension
 * (dense output) for the requested output times. Plus a fixed-step classical RK4.
 * Integration is forward in time only. Never returns NaN: non-finite rhs values, step-size
 * underflow and exceeding maxSteps throw a QnnInputError naming `dopri5`.
 */
import { check, checkFinite, checkFiniteArray, checkInt, QnnInputError } from '../errors.ts';

export interface OdeOptions { rtol: number; atol: number; h0?: number; hMax?: number; maxSteps?: number; }
/** Writes f(t, y) into dydt. Must not retain y or dydt. */
export type Rhs = (t: number, y: Float64Array, dydt: Float64Array) => void;
export interface OdeStats { steps: number; accepted: number; rejected: number; rhsEvals: number }
export interface OdeResult { t: Float64Array; y: Float64Array[]; stats: OdeStats }
/** Called at t0 and after every accepted step; y is a scratch view (copy it to keep it). Return false to stop. */
export type StepCallback = (t: number, y: Float64Array) => boolean | void;

// Dormand–Prince tableau.
const C2 = 1 / 5, C3 = 3 / 10, C4 = 4 / 5, C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40, A32 = 9 / 40;
const A41 = 44 / 45, A42 = -56 / 15, A43 = 32 / 9;
const A51 = 19372 / 6561, A52 = -25360 / 2187, A53 = 64448 / 6561, A54 = -212 / 729;
const A61 = 9017 / 3168, A62 = -355 / 33, A63 = 46732 / 5247, A64 = 49 / 176, A65 = -5103 / 18656;
const A71 = 35 / 384, A73 = 500 / 1113, A74 = 125 / 192, A75 = -2187 / 6784, A76 = 11 / 84;
// Error coefficients b_i - b*_i.
const E1 = 71 / 57600, E3 = -71 / 16695, E4 = 71 / 1920, E5 = -17253 / 339200, E6 = 22 / 525, E7 = -1 / 40;
// Dense output (Hairer's CONTD5 coefficients).
const D1 = -12715105075 / 11282082432, D3 = 87487479700 / 32700410799, D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632, D6 = -1453857185 / 822651844, D7 = 69997945 / 29380423;

const UROUND = 2 ** -52;
const SAFE = 0.9, FAC_MIN = 0.2, FAC_MAX = 10, BETA = 0.04, EXPO1 = 0.2 - BETA * 0.75;
const FN = 'dopri5';

type Dense = (t: number, out: Float64Array) => void;
type Accept = (tOld: number, tNew: number, yNew: Float64Array, dense: Dense) => boolean | void;

function validateOpts(opts: OdeOptions): void {
  check(opts !== null && typeof opts === 'object', FN, 'opts', 'must be an object');
  check(opts.rtol > 0 && Number.isFinite(opts.rtol), FN, 'rtol', `must be > 0 and finite (got ${opts.rtol})`);
  check(opts.atol >= 0 && Number.isFinite(opts.atol), FN, 'atol', `must be >= 0 and finite (got ${opts.atol})`);
  if (opts.h0 !== undefined) check(opts.h0 > 0 && Number.isFinite(opts.h0), FN, 'h0', `must be > 0 and finite (got ${opts.h0})`);
  if (opts.hMax !== undefined) check(opts.hMax > 0, FN, 'hMax', `must be > 0 (got ${opts.hMax})`);
  if (opts.maxSteps !== undefined) checkInt(opts.maxSteps, 1, FN, 'maxSteps');
}

function validateStart(f: Rhs, t0: number, y0: Float64Array): void {
  check(typeof f === 'function', FN, 'f', 'must be a function');
  checkFinite(t0, FN, 't0');
  check(y0 instanceof Float64Array, FN, 'y0', 'must be a Float64Array');
  checkFiniteArray(y0, FN, 'y0');
}

/** The integration engine: steps from t0 to tEnd (exactly), calling `accept` after every accepted step. */
function integrate(f: Rhs, t0: number, y0: Float64Array, tEnd: number, opts: OdeOptions, accept: Accept): OdeStats {
  const n = y0.length, rtol = opts.rtol, atol = opts.atol;
  const hMax = Math.min(opts.hMax ?? Infinity, Math.abs(tEnd - t0));
  const maxSteps = opts.maxSteps ?? 100000;
  const stats: OdeStats = { steps: 0, accepted: 0, rejected: 0, rhsEvals: 0 };
  let y = Float64Array.from(y0), y1 = new Float64Array(n), k1 = new Float64Array(n), k7 = new Float64Array(n);
  const yt = new Float64Array(n), k2 = new Float64Array(n), k3 = new Float64Array(n), k4 = new Float64Array(n);
  const k5 = new Float64Array(n), k6 = new Float64Array(n);
  const r2 = new Float64Array(n), r3 = new Float64Array(n), r4 = new Float64Array(n), r5 = new Float64Array(n);

  const call = (t: number, yy: Float64Array, out: Float64Array): void => {
    f(t, yy, out);
    stats.rhsEvals++;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(out[i])) throw new QnnInputError(FN, 'f', `returned a non-finite value (${out[i]}) in component ${i} at t=${t}`);
    }
  };

  // Stryker disable next-line BooleanLiteral: denseReady is set to false before every call of accept, the only caller of dense
  let t = t0, h = 0, tOld = t0, hStep = 0, denseReady = false;
  const dense: Dense = (tq, out) => {
    // Stryker disable next-line ConditionalExpression: recomputing the dense-output coefficients gives the same numbers (a cache)
    if (!denseReady) {
      // Stryker disable next-line EqualityOperator: i = n writes past the ends of r2..r5 (ignored)
      for (let i = 0; i < n; i++) {
        const ydiff = y1[i] - y[i], bspl = hStep * k1[i] - ydiff;
        r2[i] = ydiff; r3[i] = bspl; r4[i] = ydiff - hStep * k7[i] - bspl;
        r5[i] = hStep * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
      }
      // Stryker disable next-line BooleanLiteral: recomputing the dense-output coefficients gives the same numbers (a cache)
      denseReady = true;
    }
    const th = (tq - tOld) / hStep, th1 = 1 - th;
    // Stryker disable next-line EqualityOperator: i = n writes past the end of out (ignored)
    for (let i = 0; i < n; i++) out[i] = y[i] + th * (r2[i] + th1 * (r3[i] + th * (r4[i] + th1 * r5[i])));
  };

  call(t, y, k1);
  if (!(tEnd > t0)) return stats;

  if (opts.h0 !== undefined) h = Math.min(opts.h0, hMax);
  else {
    // Hairer's HINIT (iord = 5); components with zero scale are skipped.
    let dnf = 0, dny = 0;
    // Stryker disable next-line EqualityOperator: i = n: sk is NaN and the component is skipped
    for (let i = 0; i < n; i++) {
      const sk = atol + rtol * Math.abs(y[i]);
      if (sk > 0) { dnf += (k1[i] / sk) ** 2; dny += (y[i] / sk) ** 2; }
    }
    // Stryker disable next-line EqualityOperator: the comparisons with 1e-10 differ only at exact equality
    h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : Math.sqrt(dny / dnf) * 0.01;
    h = Math.min(h, hMax);
    // Stryker disable next-line EqualityOperator: i = n writes past the end of yt (ignored)
    for (let i = 0; i < n; i++) yt[i] = y[i] + h * k1[i];
    call(t + h, yt, k2);
    let der2 = 0;
    // Stryker disable next-line EqualityOperator: i = n: sk is NaN and the component is skipped
    for (let i = 0; i < n; i++) {
      const sk = atol + rtol * Math.abs(y[i]);
      if (sk > 0) der2 += ((k2[i] - k1[i]) / sk) ** 2;
    }
    const der12 = Math.max(Math.sqrt(der2) / h, Math.sqrt(dnf));
    // Stryker disable next-line EqualityOperator: the comparisons with 1e-15 differ only at exact equality
    const h1 = der12 <= 1e-15 ? Math.max(1e-6, h * 1e-3) : (0.01 / der12) ** 0.2;
    h = Math.min(100 * h, h1, hMax);
  }

  let facOld = 1e-4, reject = false, last = false;
  for (;;) {
    if (stats.steps >= maxSteps) {
      throw new QnnInputError(FN, 'maxSteps', `exceeded (${maxSteps} steps) at t=${t} before reaching t=${tEnd}`);
    }
    // Stryker disable next-line EqualityOperator: the comparisons differ only at exact equality
    if (!(0.1 * h > Math.abs(t) * UROUND) || h < 1e-290) {
      throw new QnnInputError(FN, 'step size', `underflowed (h=${h}) at t=${t}`);
    }
    // Stryker disable next-line EqualityOperator: t + 1.01 h = tEnd exactly: either way the step ends at tEnd within 1% of h
    if (t + 1.01 * h >= tEnd) { h = tEnd - t; last = true; }
    stats.steps++;
    // Stryker disable next-line EqualityOperator: i = n writes past the end of yt (ignored)
    for (let i = 0; i < n; i++) yt[i] = y[i] + h * A21 * k1[i];
    call(t + C2 * h, yt, k2);
    // Stryker disable next-line EqualityOperator: i = n writes past the end of yt (ignored)
    for (let i = 0; i < n; i++) yt[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
    call(t + C3 * h, yt, k3);
    // Stryker disable next-line EqualityOperator: i = n writes past the end of yt (ignored)
    for (let i = 0; i < n; i++) yt[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
    call(t + C4 * h, yt, k4);
    // Stryker disable next-line EqualityOperator: i = n writes past the end of yt (ignored)
    for (let i = 0; i < n; i++) yt[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
    call(t + C5 * h, yt, k5);
    // Stryker disable next-line EqualityOperator: i = n writes past the end of yt (ignored)
    for (let i = 0; i < n; i++) yt[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
    const tNew = last ? tEnd : t + h;
    call(tNew, yt, k6);
    // Stryker disable next-line EqualityOperator: i = n writes past the end of y1 (ignored)
    for (let i = 0; i < n; i++) y1[i] = y[i] + h * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
    call(tNew, y1, k7);
    let s = 0;
    // Stryker disable next-line EqualityOperator: i = n: the ratio is NaN and skipped by r === r
    for (let i = 0; i < n; i++) {
      const e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
      const r = e / (atol + rtol * Math.max(Math.abs(y[i]), Math.abs(y1[i])));
      if (r === r) s += r * r; // 0/0 (atol = 0, zero component, zero error) counts as 0
    }
    let err = n > 0 ? Math.sqrt(s / n) : 0;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: err cannot be NaN (NaN ratios are skipped, the stages are checked finite): a guard
    if (!(err <= Infinity)) err = Infinity;
    const fac11 = err ** EXPO1;
    const fac = Math.max(1 / FAC_MAX, Math.min(1 / FAC_MIN, fac11 / facOld ** BETA / SAFE));
    let hNew = h / fac;
    // Stryker disable next-line EqualityOperator: err = 1 exactly: accepting or rejecting a step at the tolerance are both valid
    if (err <= 1) {
      facOld = Math.max(err, 1e-4);
      stats.accepted++;
      tOld = t; hStep = tNew - t; denseReady = false;
      const stop = accept(t, tNew, y1, dense) === false;
      let tmp = y; y = y1; y1 = tmp;
      tmp = k1; k1 = k7; k7 = tmp;
      t = tNew;
      if (last || stop) return stats;
      hNew = Math.min(hNew, hMax);
      if (reject) hNew = Math.min(hNew, h);
      reject = false;
    } else {
      hNew = h / Math.min(1 / FAC_MIN, fac11 / SAFE);
      reject = true; last = false;
      stats.rejected++;
    }
    h = hNew;
  }
}

/**
 * Integrates y' = f(t, y) from t0 and returns y at exactly the (non-decreasing, >= t0)
 * output times tOut, by dense output; steps are not clipped to tOut except the last one.
 */
export function dopri5(f: Rhs, t0: number, y0: Float64Array, tOut: ArrayLike<number>, opts: OdeOptions): OdeResult {
  validateStart(f, t0, y0);
  validateOpts(opts);
  const m = tOut?.length ?? 0;
  check(m >= 1, FN, 'tOut', 'must be non-empty');
  for (let j = 0; j < m; j++) {
    checkFinite(tOut[j], FN, `tOut[${j}]`);
    check(tOut[j] >= t0, FN, 'tOut', `must be >= t0 (tOut[${j}] = ${tOut[j]} < ${t0})`);
    if (j > 0) check(tOut[j] >= tOut[j - 1], FN, 'tOut', `must be increasing (tOut[${j}] = ${tOut[j]} < tOut[${j - 1}] = ${tOut[j - 1]})`);
  }
  const n = y0.length, ts = Float64Array.from(tOut), ys: Float64Array[] = [];
  let j = 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: at j = m, ts[m] is undefined and the comparison is false
  while (j < m && ts[j] === t0) { ys.push(Float64Array.from(y0)); j++; }
  const stats = integrate(f, t0, y0, ts[m - 1], opts, (_tOld, tNew, yNew, dense) => {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: at j = m, ts[m] is undefined and the comparison is false
    for (; j < m && ts[j] <= tNew; j++) {
      const out = new Float64Array(n);
      // Stryker disable next-line ConditionalExpression: at a step end the dense formula is y + (y1 - y), which rounds to y1 (no counterexample in 80 tries)
      if (ts[j] === tNew) out.set(yNew); else dense(ts[j], out);
      ys.push(out);
    }
  });
  return { t: ts, y: ys, stats };
}

/**
 * Lower-level driver: integrates from t0 to tEnd, calling onStep(t0, y0) and then
 * onStep(t, y) after every accepted step (y is a scratch view). If onStep returns false the
 * integration stops there. Returns the final time and state (a copy) and the statistics.
 */
export function dopri5Steps(
  f: Rhs, t0: number, y0: Float64Array, tEnd: number, opts: OdeOptions, onStep?: StepCallback,
): { t: number; y: Float64Array; stats: OdeStats } {
  validateStart(f, t0, y0);
  validateOpts(opts);
  checkFinite(tEnd, FN, 'tEnd');
  check(tEnd >= t0, FN, 'tEnd', `must be >= t0 (got ${tEnd} < ${t0})`);
  let tFin = t0;
  const yFin = Float64Array.from(y0);
  if (onStep && onStep(t0, yFin) === false) return { t: t0, y: yFin, stats: { steps: 0, accepted: 0, rejected: 0, rhsEvals: 0 } };
  const stats = integrate(f, t0, y0, tEnd, opts, (_tOld, tNew, yNew) => {
    tFin = tNew;
    yFin.set(yNew);
    return onStep ? onStep(tNew, yNew) : undefined;
  });
  return { t: tFin, y: yFin, stats };
}

/** Classical fixed-step RK4: nSteps steps of size h from t0; onStep(t, y) after each (y is scratch). */
export function rk4Fixed(
  f: Rhs, t0: number, y0: Float64Array, h: number, nSteps: number, onStep?: (t: number, y: Float64Array) => void,
): Float64Array {
  const fn = 'rk4Fixed';
  check(typeof f === 'function', fn, 'f', 'must be a function');
  checkFinite(t0, fn, 't0');
  check(y0 instanceof Float64Array, fn, 'y0', 'must be a Float64Array');
  checkFiniteArray(y0, fn, 'y0');
  check(h > 0 && Number.isFinite(h), fn, 'h', `must be > 0 and finite (got ${h})`);
  checkInt(nSteps, 0, fn, 'nSteps');
  const n = y0.length, y = Float64Array.from(y0), yt = new Float64Array(n);
  const k1 = new Float64Array(n), k2 = new Float64Array(n), k3 = new Float64Array(n), k4 = new Float64Array(n);
  const call = (t: number, yy: Float64Array, out: Float64Array): void => {
    f(t, yy, out);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(out[i])) throw new QnnInputError(fn, 'f', `returned a non-finite value (${out[i]}) in component ${i} at t=${t}`);
    }
  };
  for (let s = 0; s < nSteps; s++) {
    const t = t0 + s * h;
    call(t, y, k1);
    // Stryker disable next-line EqualityOperator: i = n writes past the end of yt (ignored)
    for (let i = 0; i < n; i++) yt[i] = y[i] + 0.5 * h * k1[i];
    call(t + 0.5 * h, yt, k2);
    // Stryker disable next-line EqualityOperator: i = n writes past the end of yt (ignored)
    for (let i = 0; i < n; i++) yt[i] = y[i] + 0.5 * h * k2[i];
    call(t + 0.5 * h, yt, k3);
    // Stryker disable next-line EqualityOperator: i = n writes past the end of yt (ignored)
    for (let i = 0; i < n; i++) yt[i] = y[i] + h * k3[i];
    call(t + h, yt, k4);
    // Stryker disable next-line EqualityOperator: i = n writes past the end of y (ignored)
    for (let i = 0; i < n; i++) y[i] += (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    checkFiniteArray(y, fn, 'y (solution overflowed)');
    if (onStep) onStep(t0 + (s + 1) * h, y);
  }
  return y;
}
