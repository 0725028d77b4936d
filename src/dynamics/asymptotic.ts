/**
 * The asymptotic (p -> infinity) dynamics of eq. (10):
 *   dM/dt = sum_j r_j [M, [M, rho_j]],   rho_j = v_j v_j^dag,   r_j = y_j - tr(rho_j M),
 * (M the full measurement, gamma included; eq. (119) with eta = 1), and the Gram matrix
 * K_asym of eq. (7), with dr/dt = -K_asym r.
 *
 * Everything uses the pure-state structure: with u_j = M v_j,
 *   [M,[M,R]] = sum_j r_j ( (M u_j) v_j^dag + v_j (M u_j)^dag - 2 u_j u_j^dag )   (R = sum r_j rho_j),
 * costs O(m d^2). The flow is integrated on the isospectral manifold: dM/dt = [M, B(M)] with
 *   B = [M, R] = X V^dag - V X^dag,   X_j = r_j u_j,   V_j = v_j,
 * anti-Hermitian of rank <= 2m, so M(t) = G M(0) G^dag with G' = -B G. Every update is a
 * unitary conjugation M <- E M E^dag with E = exp(F), F a real combination of stage values
 * -h B(.), applied through the low-rank exponential of ./lowRankExp.ts (all stages share the
 * factor V, so every F is of the form X V^dag - V X^dag and the basis has k <= 2m columns).
 * The method is the 4th-order commutator-free Lie group method CF4 of Celledoni, Marthinsen &
 * Owren (2003), with an embedded exponential midpoint rule (order 2) as error estimator.
 */
import { check, checkFinite, checkFiniteArray, checkInt, QnnInputError } from '../errors.ts';
import { type CMat, EPS, zeros } from '../linalg/cmatrix.ts';
import { checkHermitian, eigvalsh } from '../linalg/eigh.ts';
import { conjugateLowRank, lowRankSkewExp } from './lowRankExp.ts';

export interface AsymptoticFlowOptions {
  /** Local error tolerance per step (Frobenius norm relative to max(1, ||M||_F)). */
  tol: number;
  /** Largest step size (default: unbounded). */
  hMax?: number;
  /** Maximum number of accepted + rejected steps (default 100000). */
  maxSteps?: number;
  /** Called after every accepted step with the new state (never mutated afterwards: safe to keep). */
  onStep?: (t: number, M: CMat) => void;
}

export interface AsymptoticFlowStats {
  /** Accepted steps. */
  steps: number;
  rejected: number;
  /** Evaluations of B(M) (each O(m d^2)). */
  bEvals: number;
  /** Low-rank conjugations M <- E M E^dag (each O(k d^2)). */
  expApplications: number;
  /** Largest basis size k used by a low-rank exponential. */
  maxRank: number;
  /** Smallest and largest accepted step sizes (NaN if no step was taken). */
  hMin: number;
  hMax: number;
}

export interface AsymptoticFlowResult {
  t: Float64Array;
  M: CMat[];
  stats: AsymptoticFlowStats;
  /** max over outputs of max_i |lambda_i(M(t)) - lambda_i(M(0))| (sorted eigenvalues). */
  spectrumDrift: number;
}

function checkStatesLabels(fn: string, d: number, states: CMat, labels: ArrayLike<number>): void {
  check(states.cols === d, fn, 'states', `must have d = ${d} columns (got ${states.cols})`);
  check(states.rows >= 1, fn, 'states', 'must have at least one row');
  checkFiniteArray(states.re, fn, 'states.re');
  checkFiniteArray(states.im, fn, 'states.im');
  check(labels.length === states.rows, fn, 'labels', `has length ${labels.length}, expected m = ${states.rows}`);
  checkFiniteArray(labels, fn, 'labels');
}

/** u_j = M v_j (rows of u, m x d) and r_j = y_j - Re(v_j^dag u_j). Reads each row of M once. */
function applyToStates(M: CMat, states: CMat, labels: ArrayLike<number>): { u: CMat; r: Float64Array } {
  const d = M.rows, m = states.rows;
  const u = zeros(m, d);
  const mr = M.re, mi = M.im, vr = states.re, vi = states.im;
  for (let b = 0; b < d; b++) {
    const ob = b * d;
    // Stryker disable next-line EqualityOperator: j = m writes past the end (ignored)
    for (let j = 0; j < m; j++) {
      const oj = j * d;
      let sr = 0, si = 0;
      for (let c = 0; c < d; c++) {
        const xr = mr[ob + c], xi = mi[ob + c], yr = vr[oj + c], yi = vi[oj + c];
        sr += xr * yr - xi * yi;
        si += xr * yi + xi * yr;
      }
      u.re[oj + b] = sr;
      u.im[oj + b] = si;
    }
  }
  const r = new Float64Array(m);
  // Stryker disable next-line EqualityOperator: j = m writes past the end (ignored)
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let c = 0; c < d; c++) s += vr[j * d + c] * u.re[j * d + c] + vi[j * d + c] * u.im[j * d + c];
    r[j] = labels[j] - s;
  }
  return { u, r };
}

/**
 * Right-hand side of eq. (10), sum_j r_j [M,[M,rho_j]] with r_j = y_j - tr(rho_j M), in
 * O(m d^2) (never forms M^2 or a d x d product). Rows of `states` are the vectors v_j (any
 * norm; rho_j = v_j v_j^dag). Returns an exactly Hermitian d x d matrix.
 */
export function asymptoticRhs(M: CMat, states: CMat, labels: ArrayLike<number>): CMat {
  const fn = 'asymptoticRhs';
  checkHermitian(M, fn, 'M');
  checkStatesLabels(fn, M.rows, states, labels);
  const d = M.rows, m = states.rows;
  const { u, r } = applyToStates(M, states, labels);
  const w = applyToStates(M, u, new Float64Array(m)).u; // w_j = M u_j = M^2 v_j
  const out = zeros(d, d);
  const vr = states.re, vi = states.im;
  // out_bc = sum_j r_j (w_b conj(v_c) + v_b conj(w_c) - 2 u_b conj(u_c)), upper triangle + mirror.
  // Stryker disable next-line EqualityOperator: b = d: its inner loops over c >= d are empty, the other writes past the end (ignored)
  for (let b = 0; b < d; b++) {
    for (let j = 0; j < m; j++) {
      const rj = r[j];
      // Stryker disable next-line ConditionalExpression: skipping a zero residual only saves work
      if (rj === 0) continue;
      const o = j * d;
      const wbr = rj * w.re[o + b], wbi = rj * w.im[o + b];
      const vbr = rj * vr[o + b], vbi = rj * vi[o + b];
      const ubr = 2 * rj * u.re[o + b], ubi = 2 * rj * u.im[o + b];
      const ob = b * d;
      for (let c = b; c < d; c++) {
        const vcr = vr[o + c], vci = vi[o + c], wcr = w.re[o + c], wci = w.im[o + c];
        const ucr = u.re[o + c], uci = u.im[o + c];
        out.re[ob + c] += wbr * vcr + wbi * vci + vbr * wcr + vbi * wci - (ubr * ucr + ubi * uci);
        out.im[ob + c] += wbi * vcr - wbr * vci + vbi * wcr - vbr * wci - (ubi * ucr - ubr * uci);
      }
    }
    out.im[b * d + b] = 0;
    // Stryker disable next-line ArithmeticOperator,EqualityOperator: c = b - 1 and c = b rewrite the same values (the upper triangle is already final); c = d writes past the end (ignored)
    for (let c = b + 1; c < d; c++) {
      out.re[c * d + b] = out.re[b * d + c];
      out.im[c * d + b] = -out.im[b * d + c];
    }
  }
  return out;
}

/**
 * K_asym of eq. (7), (K_asym)_ij = tr(i[M,rho_i] i[M,rho_j]) = -tr([M,rho_i][M,rho_j]), for
 * pure states rho_j = v_j v_j^dag. Expanding,
 *   -tr([M,rho_i][M,rho_j]) = tr(M^2 rho_i rho_j) + tr(M^2 rho_j rho_i) - 2 tr(M rho_i M rho_j)
 *                           = 2 Re( (u_i^dag u_j)(v_j^dag v_i) ) - 2 |v_i^dag u_j|^2,   u_j = M v_j,
 * (tr(M^2 v_i v_i^dag v_j v_j^dag) = (v_j^dag M^2 v_i)(v_i^dag v_j) and the second term is its
 * conjugate; tr(M rho_i M rho_j) = (v_j^dag M v_i)(v_i^dag M v_j)). Cost O(m d^2 + m^2 d).
 * Returns a real symmetric m x m CMat (im = 0).
 */
export function kernelAsymFast(M: CMat, states: CMat): CMat {
  const fn = 'kernelAsymFast';
  checkHermitian(M, fn, 'M');
  checkStatesLabels(fn, M.rows, states, new Float64Array(states.rows));
  const d = M.rows, m = states.rows;
  const { u } = applyToStates(M, states, new Float64Array(m));
  const vr = states.re, vi = states.im, ur = u.re, ui = u.im;
  const k = zeros(m, m);
  // Stryker disable next-line EqualityOperator: i = m writes past the end (ignored)
  for (let i = 0; i < m; i++) {
    const oi = i * d;
    for (let j = i; j < m; j++) {
      const oj = j * d;
      // a = u_i^dag u_j, b = v_j^dag v_i, c = v_i^dag u_j.
      let ar = 0, ai = 0, br = 0, bi = 0, cr = 0, ci = 0;
      for (let c = 0; c < d; c++) {
        const uir = ur[oi + c], uii = ui[oi + c], ujr = ur[oj + c], uji = ui[oj + c];
        const vir = vr[oi + c], vii = vi[oi + c], vjr = vr[oj + c], vji = vi[oj + c];
        ar += uir * ujr + uii * uji;
        ai += uir * uji - uii * ujr;
        br += vjr * vir + vji * vii;
        bi += vjr * vii - vji * vir;
        // Stryker disable next-line AssignmentOperator: only |c|^2 enters: c and -c give the same kernel
        cr += vir * ujr + vii * uji;
        // Stryker disable next-line AssignmentOperator: only |c|^2 enters: c and -c give the same kernel
        ci += vir * uji - vii * ujr;
      }
      const val = 2 * (ar * br - ai * bi) - 2 * (cr * cr + ci * ci);
      k.re[i * m + j] = val;
      k.re[j * m + i] = val;
    }
  }
  return k;
}

// ---------------------------------------------------------------------------------------
// CF4 integrator.

/**
 * CF4 (Celledoni, Marthinsen & Owren 2003), for y' = A(y).y on a homogeneous space:
 *   F_i = h A(Y_i);  Y1 = y_n,  Y2 = exp(F1/2).y_n,  Y3 = exp(F2/2).y_n,  Y4 = exp(F3 - F1/2).Y2,
 *   y_{n+1/2} = exp(sum_i first_i F_i).y_n,   y_{n+1} = exp(sum_i second_i F_i).y_{n+1/2}.
 * The exponential with (3, 2, 2, -1)/12 is applied FIRST. The opposite order (the product
 * exp((3F1+2F2+2F3-F4)/12) exp((-F1+2F2+2F3+3F4)/12) y_n) is only order 2 for a generic
 * field (see the test), although on eq. (10) both orders happen to converge with order 4.
 */
export const CF4_TABLEAU: { readonly first: readonly number[]; readonly second: readonly number[] } = Object.freeze({
  first: Object.freeze([3 / 12, 2 / 12, 2 / 12, -1 / 12]),
  second: Object.freeze([-1 / 12, 2 / 12, 2 / 12, 3 / 12]),
});

interface Counters { bEvals: number; expApplications: number; maxRank: number }

/** Factor x of F = h A(M) = -h B(M) = x V^dag - V x^dag:  x_j = -h r_j M v_j. */
function stageFactor(M: CMat, states: CMat, labels: ArrayLike<number>, h: number, cnt: Counters): CMat {
  const { u, r } = applyToStates(M, states, labels);
  cnt.bEvals++;
  const m = states.rows, d = states.cols;
  // Stryker disable next-line EqualityOperator: j = m writes past the end (ignored)
  for (let j = 0; j < m; j++) {
    const s = -h * r[j];
    for (let c = 0; c < d; c++) {
      u.re[j * d + c] *= s;
      u.im[j * d + c] *= s;
    }
  }
  return u;
}

/** sum_i c_i x_i (real coefficients). */
function combine(xs: CMat[], cs: readonly number[]): CMat {
  const out = zeros(xs[0].rows, xs[0].cols);
  for (let i = 0; i < xs.length; i++) {
    const c = cs[i];
    // Stryker disable next-line ConditionalExpression: skipping a zero coefficient only saves work
    if (c === 0) continue;
    const x = xs[i];
    // Stryker disable next-line EqualityOperator: p = length writes past the end (ignored)
    for (let p = 0; p < out.re.length; p++) {
      out.re[p] += c * x.re[p];
      out.im[p] += c * x.im[p];
    }
  }
  return out;
}

/** exp(F).M = e^F M e^{-F} for F = x V^dag - V x^dag. */
function expAct(x: CMat, states: CMat, M: CMat, cnt: Counters): CMat {
  const e = lowRankSkewExp(x, states);
  cnt.expApplications++;
  // Stryker disable next-line EqualityOperator: a tie keeps the same maximum
  if (e.q.rows > cnt.maxRank) cnt.maxRank = e.q.rows;
  return conjugateLowRank(e, M);
}

/** One CF4 step with its embedded order-2 companion (no validation). */
function cf4StepRaw(M: CMat, states: CMat, labels: ArrayLike<number>, h: number, cnt: Counters): { M: CMat; low: CMat } {
  const f1 = stageFactor(M, states, labels, h, cnt);
  const y2 = expAct(combine([f1], [0.5]), states, M, cnt);
  const f2 = stageFactor(y2, states, labels, h, cnt);
  const y3 = expAct(combine([f2], [0.5]), states, M, cnt);
  const f3 = stageFactor(y3, states, labels, h, cnt);
  const y4 = expAct(combine([f1, f3], [-0.5, 1]), states, y2, cnt);
  const f4 = stageFactor(y4, states, labels, h, cnt);
  const fs = [f1, f2, f3, f4];
  const half = expAct(combine(fs, CF4_TABLEAU.first), states, M, cnt);
  const next = expAct(combine(fs, CF4_TABLEAU.second), states, half, cnt);
  const low = expAct(f2, states, M, cnt); // exponential midpoint rule, order 2
  return { M: next, low };
}

function validateFlowInputs(fn: string, M: CMat, states: CMat, labels: ArrayLike<number>): void {
  checkHermitian(M, fn, 'M0');
  checkStatesLabels(fn, M.rows, states, labels);
  const d = states.cols, normTol = 1e3 * EPS * Math.max(1, d);
  for (let j = 0; j < states.rows; j++) {
    let s = 0;
    for (let c = 0; c < d; c++) s += states.re[j * d + c] ** 2 + states.im[j * d + c] ** 2;
    const nrm = Math.sqrt(s);
    // Stryker disable next-line EqualityOperator: the comparisons differ only at exact equality
    check(Math.abs(nrm - 1) <= normTol, fn, `states row ${j}`, `must have unit norm (got ${nrm}, tolerance ${normTol.toExponential(2)})`);
  }
}

/** Exactly Hermitian copy (a + a^dag)/2. */
function symmetrize(a: CMat): CMat {
  const d = a.rows, out = zeros(d, d);
  // Stryker disable next-line EqualityOperator: b = d writes past the end (ignored)
  for (let b = 0; b < d; b++) {
    out.re[b * d + b] = a.re[b * d + b];
    // Stryker disable next-line ArithmeticOperator: c = b - 1 and c = b recompute entries with the values they already have
    for (let c = b + 1; c < d; c++) {
      const re = 0.5 * (a.re[b * d + c] + a.re[c * d + b]), im = 0.5 * (a.im[b * d + c] - a.im[c * d + b]);
      out.re[b * d + c] = re;
      out.im[b * d + c] = im;
      out.re[c * d + b] = re;
      out.im[c * d + b] = -im;
    }
  }
  return out;
}

function frobDiff(a: CMat, b: CMat): number {
  let s = 0;
  for (let i = 0; i < a.re.length; i++) {
    const x = a.re[i] - b.re[i], y = a.im[i] - b.im[i];
    s += x * x + y * y;
  }
  return Math.sqrt(s);
}

function frob(a: CMat): number {
  let s = 0;
  for (let i = 0; i < a.re.length; i++) s += a.re[i] * a.re[i] + a.im[i] * a.im[i];
  return Math.sqrt(s);
}

/**
 * One fixed CF4 step of size h from M (validated): returns the 4th-order result `M`, the
 * order-2 exponential-midpoint companion `low` and the largest low-rank basis size used.
 * Both results are exact unitary conjugates of M (up to rounding).
 */
export function cf4Step(M: CMat, states: CMat, labels: ArrayLike<number>, h: number): { M: CMat; low: CMat; rank: number } {
  const fn = 'cf4Step';
  validateFlowInputs(fn, M, states, labels);
  checkFinite(h, fn, 'h');
  check(h >= 0, fn, 'h', `must be >= 0 (got ${h})`);
  const cnt: Counters = { bEvals: 0, expApplications: 0, maxRank: 0 };
  const res = cf4StepRaw(symmetrize(M), states, labels, h, cnt);
  return { M: res.M, low: res.low, rank: cnt.maxRank };
}

/**
 * Integrates eq. (10) from M(0) = M0 with the isospectral CF4 method and adaptive steps
 * (error of the embedded order-2 exponential midpoint, err <= tol with err the Frobenius norm of
 * the difference relative to max(1, ||M||_F); h <- h clamp(0.9 (tol/err)^(1/3), 0.2, 5)).
 * Steps are clipped to land exactly on each output time. Throws a QnnInputError naming
 * `asymptoticFlow` on invalid input, non-finite values, step-size underflow or maxSteps.
 */
export function asymptoticFlow(
  M0: CMat, states: CMat, labels: ArrayLike<number>, tOut: ArrayLike<number>, opts: AsymptoticFlowOptions,
): AsymptoticFlowResult {
  const fn = 'asymptoticFlow';
  validateFlowInputs(fn, M0, states, labels);
  check(tOut.length >= 1, fn, 'tOut', 'must be non-empty');
  checkFiniteArray(tOut, fn, 'tOut');
  check(tOut[0] >= 0, fn, 'tOut', `must be >= 0 (got tOut[0] = ${tOut[0]})`);
  for (let i = 1; i < tOut.length; i++) {
    check(tOut[i] > tOut[i - 1], fn, 'tOut', `must be strictly increasing (tOut[${i}] = ${tOut[i]} <= tOut[${i - 1}] = ${tOut[i - 1]})`);
  }
  check(opts !== null && typeof opts === 'object', fn, 'opts', 'must be an object');
  check(Number.isFinite(opts.tol) && opts.tol > 0, fn, 'tol', `must be > 0 and finite (got ${opts.tol})`);
  if (opts.hMax !== undefined) check(opts.hMax > 0, fn, 'hMax', `must be > 0 (got ${opts.hMax})`);
  if (opts.maxSteps !== undefined) checkInt(opts.maxSteps, 1, fn, 'maxSteps');
  if (opts.onStep !== undefined) check(typeof opts.onStep === 'function', fn, 'onStep', 'must be a function');

  const tol = opts.tol, hMaxOpt = opts.hMax ?? Infinity, maxSteps = opts.maxSteps ?? 100000;
  const cnt: Counters = { bEvals: 0, expApplications: 0, maxRank: 0 };
  const stats: AsymptoticFlowStats = { steps: 0, rejected: 0, bEvals: 0, expApplications: 0, maxRank: 0, hMin: NaN, hMax: NaN };
  let M = symmetrize(M0);
  const tEnd = tOut[tOut.length - 1];
  // Initial step: h ~ tol^(1/3) ||M|| / ||dM/dt||.
  const rhsNorm = frob(asymptoticRhs(M, states, labels));
  const scale0 = Math.max(1, frob(M));
  if (!Number.isFinite(rhsNorm) || !Number.isFinite(scale0)) {
    throw new QnnInputError(fn, 'M0', `is too large: ||M0||_F = ${scale0}, ||dM/dt(0)||_F = ${rhsNorm} overflow`);
  }
  const lam0 = eigvalsh(M);
  let drift = 0;
  const outs: CMat[] = [];
  // (rhsNorm = 0, a fixed point: h0 = Infinity, clamped to tEnd)
  let h = Math.min(0.5 * Math.cbrt(tol) * scale0 / rhsNorm, hMaxOpt, Math.max(tEnd, EPS));

  let t = 0;
  for (let o = 0; o < tOut.length; o++) {
    const target = tOut[o];
    while (t < target) {
      if (stats.steps + stats.rejected >= maxSteps) {
        throw new QnnInputError(fn, 'maxSteps', `exceeded (${maxSteps} steps) at t=${t} before reaching t=${target}`);
      }
      // Stryker disable next-line ArithmeticOperator,MethodExpression,EqualityOperator: at t <= 1 the floor is 16 eps either way; beyond it the floor only decides when a run that cannot meet tol stops (it stops either way)
      if (!(h > 16 * EPS * Math.max(1, t))) throw new QnnInputError(fn, 'step size', `underflowed (h=${h}) at t=${t}`);
      let hTry = Math.min(h, hMaxOpt);
      const remaining = target - t;
      // Stryker disable next-line EqualityOperator: the comparisons differ only at exact equality
      const last = hTry * 1.05 >= remaining;
      if (last) hTry = remaining;
      const { M: next, low } = cf4StepRaw(M, states, labels, hTry, cnt);
      // Stryker disable next-line StringLiteral: next is a unitary conjugate of a finite M: it cannot become non-finite (a guard)
      checkFiniteArray(next.re, fn, 'M (solution became non-finite)');
      // Stryker disable next-line StringLiteral: next is a unitary conjugate of a finite M: it cannot become non-finite (a guard)
      checkFiniteArray(next.im, fn, 'M (solution became non-finite)');
      const err = frobDiff(next, low) / Math.max(1, frob(M));
      // Stryker disable next-line all: err is a norm of the difference of two finite matrices: it cannot be non-finite (a guard)
      if (!Number.isFinite(err)) throw new QnnInputError(fn, 'error estimate', `is non-finite (${err}) at t=${t}`);
      // Stryker disable next-line ConditionalExpression: err = 0 gives cbrt(tol / 0) = Infinity, clamped to the same 5
      const fac = err === 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.cbrt(tol / err)));
      // Stryker disable next-line EqualityOperator: the comparisons differ only at exact equality
      if (err <= tol) {
        t = last ? target : t + hTry;
        M = next;
        stats.steps++;
        stats.hMin = Number.isNaN(stats.hMin) ? hTry : Math.min(stats.hMin, hTry);
        stats.hMax = Number.isNaN(stats.hMax) ? hTry : Math.max(stats.hMax, hTry);
        // A step shortened only to hit an output time does not shrink the controller's h.
        h = last ? Math.max(h, hTry * fac) : hTry * fac;
        if (opts.onStep) opts.onStep(t, M);
      } else {
        stats.rejected++;
        h = hTry * Math.min(1, fac);
      }
    }
    // Stryker disable next-line MethodExpression: every step builds a new M: the arrays kept for an output are never written again
    outs.push({ rows: M.rows, cols: M.cols, re: M.re.slice(), im: M.im.slice() });
    const lam = eigvalsh(M);
    for (let i = 0; i < lam.length; i++) drift = Math.max(drift, Math.abs(lam[i] - lam0[i]));
  }
  stats.bEvals = cnt.bEvals;
  stats.expApplications = cnt.expApplications;
  stats.maxRank = cnt.maxRank;
  return { t: Float64Array.from(tOut), M: outs, stats, spectrumDrift: drift };
}
