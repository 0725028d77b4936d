/**
 * Rate steps of the proof of Theorem 3.2 (appendix A.2): the identity (28), the bound (29) and the
 * chain (34)-(38), at points built by theorem-3.2-steps.ts, with an explicit rounding model.
 */
import type { Claim } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import { eigvalsh } from '../src/linalg/eigh.ts';
import { opNormHermitian } from '../src/linalg/norms.ts';
import { lossAndGradient } from '../src/model/compiled.ts';
import { kernelK, stateCommutators, tangentFeatures } from '../src/model/kernels.ts';
import { allOf, identityOutcome, inequalityOutcome } from './section-2-3-common.ts';
import type { CheckOutcome } from '../src/claims/types.ts';
import { depthOf, type Point, pointArb, type PointParams, pointHyp, pointSpace, theoremPoint } from './theorem-3.2-steps.ts';

/**
 * Rounding model of the rate quantities at a point. The features g_jl = tr(i[M, rho_j] H_l) carry an ABSOLUTE error
 * dg_l = TOLERANCES.identity(2 ||M0|| ||H_l|| sqrt(d), d, 2p + 4) (their uncancelled size), whatever their value: near a
 * critical point with [M, rho_j] ~ 0 they are tiny and the relative error large. The residuals carry
 * dr = TOLERANCES.identity(||M0||, d, 2p + 2) (cancellation in r = y - yhat). Propagated (first order plus the square term):
 * error of ||grad L||^2, of L, of the rate (1/L) dL/dt = -eta ||grad L||^2 / L, of K_ij and of sum_j |r_j|.
 */
export function rateErrors(pt: Point) {
  const { inst, M, Hl, r } = pt;
  const d = inst.ansatz.d, p = inst.ansatz.p, m = r.length;
  const m0 = opNormHermitian(inst.M0);
  const g = tangentFeatures(stateCommutators(M, inst.states), Hl);
  const dr = TOLERANCES.identity(m0, d, 2 * p + 2);
  const dg = Array.from(pt.hNorms, (h) => TOLERANCES.identity(2 * m0 * h * Math.sqrt(d), d, 2 * p + 4));
  let dGrad2 = 0, sumR = 0;
  for (let j = 0; j < m; j++) sumR += Math.abs(r[j]);
  const dK = new Float64Array(m * m);
  Hl.forEach((_, l) => {
    let grad = 0, dgrad = 0;
    for (let j = 0; j < m; j++) {
      grad += Math.abs(r[j]) * Math.abs(g[j][l]);
      dgrad += Math.abs(r[j]) * dg[l] + dr * Math.abs(g[j][l]);
      for (let i = 0; i < m; i++) dK[i * m + j] += (Math.abs(g[i][l]) + Math.abs(g[j][l])) * dg[l] + dg[l] * dg[l];
    }
    grad /= m;
    dgrad /= m;
    dGrad2 += 2 * grad * dgrad + dgrad * dgrad;
  });
  let rr = 0;
  for (let j = 0; j < m; j++) rr += r[j] * r[j];
  const L = rr / (2 * m);
  const dL = (sumR * dr) / m;
  let dKmax = 0, dKdiag = 0;
  for (let i = 0; i < m; i++) { dKdiag += dK[i * m + i]; for (let j = 0; j < m; j++) dKmax = Math.max(dKmax, dK[i * m + j]); }
  return { g, dr, dGrad2, dL, L, sumR, dKmax, dKdiag };
}

/** Error of the rate (1/L) dL/dt = -eta ||grad L||^2 / L: d(N/L) <= dN/L + (N/L)(dL/L). */
function rateTolerance(pt: Point, rate: number, L: number, e: ReturnType<typeof rateErrors>): number {
  return (pt.eta * e.dGrad2) / L + (Math.abs(rate) * e.dL) / L;
}

const rateTolRule =
  'rounding model rateErrors: absolute error dg_l = TOLERANCES.identity(2 ||M0|| ||H_l|| sqrt(d), d, 2p + 4) of every feature ' +
  'g_jl = tr(i[M, rho_j] H_l) and dr = TOLERANCES.identity(||M0||, d, 2p + 2) of every residual, propagated to ||grad L||^2, L, K';

export const theorem32Eq28: Claim<PointParams> = {
  id: 'theorem-3.2/eq-28',
  title: 'Rate identity (1/L) dL/dt = -(2 eta/m) r^T K r / r^T r',
  ref: { label: 'Theorem 3.2 (proof)', section: 'A.2', equations: ['26', '27', '28'] },
  statement:
    '(1/L) dL/dt = -(2 eta/m) r^T K r / r^T r along the gradient flow, with dL/dt = -eta ||grad L||^2 (adjoint gradient of compiled.ts) ' +
    'and K of eq. (4) (kernelK: dense commutators and H_l).',
  hypotheses: pointHyp,
  kind: 'identity',
  strength: 'substantive',
  strengthReason: "the paper's factor 2 eta/m in the rate identity is checked against the adjoint gradient; a wrong factor fails it",
  expectation: 'holds',
  uses: ['lemma-3.1'],
  toleranceRule: `${rateTolRule}; both routes carry it (2x), plus TOLERANCES.identity(|rhs|, d, 2p + 4)`,
  runs: { quick: 20, default: 80, full: 800 },
  arbitrary: pointArb,
  check: (params) => {
    const pt = theoremPoint(params);
    const { inst, theta, eta, r } = pt;
    const m = r.length;
    const { loss, gradient } = lossAndGradient(inst, theta);
    let g2 = 0;
    for (const g of gradient) g2 += g * g;
    const lhs = (-eta * g2) / loss; // (1/L) dL/dt, dL/dt = -eta ||grad L||^2
    const K = kernelK(inst, theta);
    let rKr = 0, rr = 0;
    for (let i = 0; i < m; i++) {
      rr += r[i] * r[i];
      for (let j = 0; j < m; j++) rKr += r[i] * K.re[i * m + j] * r[j];
    }
    const rhs = ((-2 * eta) / m) * (rKr / rr); // eq. (28)
    const e = rateErrors(pt);
    const tol = 2 * rateTolerance(pt, rhs, loss, e) + TOLERANCES.identity(Math.abs(rhs), inst.ansatz.d, depthOf(pt));
    return identityOutcome(Math.abs(lhs - rhs), tol, { lhs, rhs, L: loss });
  },
};

export const theorem32Eq29: Claim<PointParams> = {
  id: 'theorem-3.2/eq-29',
  title: '(1/L) dL/dt >= -(2 eta/m) lambda_max(K)',
  ref: { label: 'Theorem 3.2 (proof)', section: '3, A.2', equations: ['29'] },
  statement: '(1/L) dL/dt = -eta ||grad L||^2 / L >= -(2 eta/m) lambda_max(K(theta)) (Rayleigh quotient of eq. 28). Slack in units of (2 eta/m) lambda_max(K).',
  hypotheses: pointHyp,
  kind: 'inequality',
  strength: 'consistency',
  strengthReason: 'Rayleigh-quotient bound r^T K r <= lambda_max(K) |r|^2, true for any symmetric K given eq. (28)',
  expectation: 'holds',
  uses: ['theorem-3.2/eq-28'],
  toleranceRule: `${rateTolRule}; lambda_max: (2 eta/m)(m max_ij dK_ij + TOLERANCES.spectral(lambda_max, m)) (Weyl), plus TOLERANCES.identity(|rhs|, d, 2p + 4)`,
  runs: { quick: 20, default: 80, full: 800 },
  arbitrary: pointArb,
  tightnessRule: '|(1/L) dL/dt| / ((2 eta/m) lambda_max(K)), the Rayleigh quotient r^T K r / (r^T r lambda_max); 1 when r is a top eigenvector of K (always at m = 1)',
  search: pointSpace((pt) => eq29Of(pt), 'any instance and theta (M0 spectrum {+-1}); the supremum 1 is attained whenever r is a top eigenvector of K, e.g. at m = 1.',
    { value: 1, where: 'r an eigenvector of K for lambda_max (m = 1 always)' }),
  check: (params) => eq29Of(theoremPoint(params)),
};

function eq29Of(pt: Point): CheckOutcome {
  {
    const { inst, theta, eta } = pt;
    const m = pt.r.length;
    const { loss, gradient } = lossAndGradient(inst, theta);
    let g2 = 0;
    for (const g of gradient) g2 += g * g;
    const lhs = (-eta * g2) / loss;
    const lmax = eigvalsh(kernelK(inst, theta))[m - 1];
    const rhs = ((-2 * eta) / m) * lmax; // eq. (29)
    const unit = Math.max(Math.abs(rhs), Number.MIN_VALUE);
    const e = rateErrors(pt);
    const tol = rateTolerance(pt, lhs, loss, e) + ((2 * eta) / m) * (m * e.dKmax + TOLERANCES.spectral(Math.abs(lmax), m))
      + TOLERANCES.identity(unit, inst.ansatz.d, depthOf(pt));
    const o = inequalityOutcome(rhs, lhs, tol, unit, { ratio: rhs !== 0 ? lhs / rhs : 0 });
    return rhs < 0 ? { ...o, tightness: lhs / rhs } : o;
  }
}

export const theorem32Eq37: Claim<PointParams> = {
  id: 'theorem-3.2/eq-37',
  title: '(1/L) dL/dt >= -16 sqrt(2) eta sum_l ||H^(l)||^2 sqrt(L), through eqs. (35)-(38)',
  ref: { label: 'Theorem 3.2 (proof)', section: 'A.2', equations: ['34', '35', '36', '37', '38'] },
  statement:
    '(1/L) dL/dt >= -(2 eta/m) tr K = -(2 eta/m) sum_i K_ii (35) >= -(16 eta/m) sum_l ||H_l||^2 sum_j |r_j| (36) ' +
    '>= -16 sqrt(2) eta sum_l ||H_l||^2 sqrt(L) (37) = -16 sqrt(2) eta sum_l ||H^(l)||^2 sqrt(L) (38, ||H_l|| = ||H^(l)||), ' +
    'using sum_j |r_j| <= sqrt(m) ||r|| = sqrt(2 m^2 L). Each step checked; slack in units of |rhs of (37)|; asymptotically tight on the tight qubit family.',
  hypotheses: pointHyp,
  kind: 'inequality',
  strength: 'substantive',
  strengthReason: 'a bound of the paper evaluated on built instances; a false bound fails it',
  expectation: 'holds',
  uses: ['theorem-3.2/eq-29', 'theorem-3.2/eq-33'],
  toleranceRule:
    `${rateTolRule}: rate: rateTolerance; (2 eta/m) tr K: (2 eta/m) sum_j dK_jj; sum_j |r_j|: m dr; sqrt(L): dL/(2L) relative; ` +
    'each step adds TOLERANCES.inequality(|lhs| + |rhs|, d)(2p + 4); eq. (38): TOLERANCES.spectral(||H^(l)||, d)(2p + 2) per generator',
  runs: { quick: 20, default: 80, full: 800 },
  arbitrary: pointArb,
  tightnessRule: 'the chain (34)-(37): |(1/L) dL/dt| / (16 sqrt(2) eta sum ||H_l||^2 sqrt(L)); each step (35), (36), (37) is a named part with |its left side| / |its right side| ' +
    '(the identity (38) has none)',
  search: pointSpace((pt) => eq37Of(pt), 'any instance and theta (M0 spectrum {+-1}); the chain tends to equality on the tight qubit (p = 1, m = 1, H tight) as r -> 0, supremum 1 (not attained).',
    { value: 1, where: 'tight qubit, r -> 0 (limit)' }),
  check: (params) => eq37Of(theoremPoint(params)),
};

function eq37Of(pt: Point): CheckOutcome {
  {
    const { inst, theta, eta, r } = pt;
    const m = r.length, d = inst.ansatz.d, p = inst.ansatz.p;
    const { loss, gradient } = lossAndGradient(inst, theta);
    let g2 = 0;
    for (const g of gradient) g2 += g * g;
    const rate = (-eta * g2) / loss; // (1/L) dL/dt
    const K = kernelK(inst, theta);
    let trK = 0, sumR = 0;
    for (let j = 0; j < m; j++) { trK += K.re[j * m + j]; sumR += Math.abs(r[j]); }
    let sumHl = 0, sumH = 0, res38 = 0;
    inst.ansatz.generators.forEach((h, l) => {
      const n = opNormHermitian(h);
      sumH += n * n;
      sumHl += pt.hNorms[l] ** 2;
      res38 = Math.max(res38, Math.abs(pt.hNorms[l] - n));
    });
    const s35 = ((-2 * eta) / m) * trK;
    const s36 = ((-16 * eta) / m) * sumHl * sumR;
    const s37 = -16 * Math.SQRT2 * eta * sumHl * Math.sqrt(loss);
    const s38 = -16 * Math.SQRT2 * eta * sumH * Math.sqrt(loss);
    const unit = Math.max(Math.abs(s37), Number.MIN_VALUE);
    const e = rateErrors(pt);
    const eRate = rateTolerance(pt, rate, loss, e);
    const e35 = ((2 * eta) / m) * e.dKdiag;
    const e36 = ((16 * eta) / m) * sumHl * m * e.dr;
    const e37 = (Math.abs(s37) * e.dL) / (2 * loss);
    const base = (x: number, y: number) => TOLERANCES.inequality(Math.abs(x) + Math.abs(y), d) * (2 * p + 4);
    const maxH = Math.max(...pt.hNorms);
    // a <= b with a, b <= 0 means |b| <= |a|: tightness b / a
    const neg = (o: CheckOutcome, a: number, b: number): CheckOutcome => (a < 0 ? { ...o, tightness: b / a } : o);
    const out = allOf({
      '(35)': neg(inequalityOutcome(s35, rate, eRate + e35 + base(s35, rate), unit, { step: '35' }), s35, rate),
      '(36)': neg(inequalityOutcome(s36, s35, e35 + e36 + base(s36, s35), unit, { step: '36' }), s36, s35),
      '(37)': neg(inequalityOutcome(s37, s36, e36 + e37 + base(s37, s36), unit, { step: '37' }), s37, s36),
      '(34)-(37)': neg(inequalityOutcome(s37, rate, eRate + e37 + base(s37, rate), unit, { step: '34-37', ratio: rate / s37 }), s37, rate),
      '(38) norms': inequalityOutcome(res38, 0, TOLERANCES.spectral(maxH, d) * (2 * p + 2), maxH, { step: '38' }),
      '(38)': inequalityOutcome(Math.abs(s38 - s37), 0, base(s38, s37), unit, { step: '38' }),
    });
    // the claim's tightness is the chain's; each step keeps its own in parts
    if (s37 < 0) out.tightness = rate / s37;
    else delete out.tightness;
    return out;
  }
}
