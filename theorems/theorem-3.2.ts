/**
 * Theorem 3.2 (section 3; proof in appendix A.2): with pure states, labels +-1 and M0 of spectrum {+-1},
 * gradient flow obeys L(theta(t)) >= 1/(c0 + c1 t)^2 (eq. 5), c0 = L(0)^{-1/2}, c1 = 12 eta sum_l ||H^(l)||_op^2.
 * Also the integrated forms (eqs. 39-42) and the Pi_0 extension at the end of A.2, along the same flows.
 * Pointwise proof steps: theorem-3.2-steps.ts; the Pi_0 steps: theorem-3.2-pi0.ts.
 */
import fc from 'fast-check';
import { smallDimensionArb } from '../properties/index.ts';
import type { CheckOutcome, Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import { opNormHermitian } from '../src/linalg/norms.ts';
import { compile, lossAndGradientFast } from '../src/model/compiled.ts';
import type { QnnInstance } from '../src/model/instance.ts';
import { gradientFlowSteps } from '../src/dynamics/training.ts';
import { makeRng } from '../src/random/rng.ts';
import { makeInstance } from '../src/model/instance.ts';
import { pmOneMeasurement } from '../src/model/measurement.ts';
import { balancedLabels } from '../src/random/ensembles.ts';
import {
  type AnsatzKind, buildAnsatz, buildInstance, buildMeasurement, buildStates, inequalityOutcome, seedArb, type StatesKind, sumOpNormSq,
  tightQubitInstance,
} from './section-2-3-common.ts';
import { defineSpace } from '../src/search/decode.ts';
import { encodeQnn, qnnFrom } from './search-spaces.ts';

export interface FlowParams extends InstanceParams {
  /**
   * 'tight-qubit': d = 2, p = 1, the case where eq. (37) is asymptotically an equality; 'reachable': d, m even, the +-1
   * trace-0 measurement, orthonormal states and balanced labels (global minima L = 0 exist; appendix-D-like);
   * 'random': random multiplicities of +-1 (or Pi_0), any pure states, random +-1 labels.
   */
  family: 'tight-qubit' | 'reachable' | 'random';
  d: number; m: number; p: number;
  ansatz: AnsatzKind; states: StatesKind;
  /** eta = 10^logEta / sum_l ||H^(l)||^2, so c1 = 12 10^logEta. */
  logEta: number;
}

export const ODE = { rtol: 1e-10, atol: 1e-12 };

/** Dimensionless horizon eta S T (S = sum_l ||H^(l)||^2). */
export const HORIZON = 2000;

const etaArb = () => fc.double({ min: -1, max: 1, noNaN: true });

export const lineFlowArb = (): fc.Arbitrary<FlowParams> =>
  fc.oneof(
    fc.constantFrom(2, 4, 6, 8).chain((d) =>
      fc.record({
        seed: seedArb(), family: fc.constant<'reachable'>('reachable'), d: fc.constant(d), m: fc.constantFrom(...[2, 4].filter((m) => m <= d)),
        p: fc.integer({ min: 1, max: 24 }), ansatz: fc.constantFrom<AnsatzKind>('line', 'periodic'),
        states: fc.constant<StatesKind>('orthonormal'), logEta: etaArb(),
      })),
    smallDimensionArb().chain((d) =>
      fc.record({
        seed: seedArb(), family: fc.constant<'random'>('random'), d: fc.constant(d), m: fc.integer({ min: 1, max: Math.min(4, d) }),
        p: fc.integer({ min: 1, max: 24 }), ansatz: fc.constantFrom<AnsatzKind>('line', 'periodic'),
        states: fc.constantFrom<StatesKind>('orthonormal', 'haar'), logEta: etaArb(),
      })),
  );

/**
 * The tight qubit family or a general Line (1) / periodic instance. `pi0`: the tight qubit is embedded in d = 3 or 4 with a
 * zero eigenspace of M0 of rank d - 2 (the state has no Pi_0 component: the tight case of the extension).
 */
export function flowArb(pi0 = false): fc.Arbitrary<FlowParams> {
  return fc.oneof(
    fc.record({
      seed: seedArb(), family: fc.constant<'tight-qubit'>('tight-qubit'), d: pi0 ? fc.constantFrom(3, 4) : fc.constant(2), m: fc.constant(1),
      p: fc.constant(1), ansatz: fc.constant<AnsatzKind>('line'), states: fc.constant<StatesKind>('haar'), logEta: etaArb(),
    }),
    lineFlowArb(),
  );
}

/** `pi0`: replace the +-1 measurement by one with a zero eigenspace (same families otherwise). */
export function flowInstance(params: FlowParams, pi0: boolean): { inst: QnnInstance; theta: Float64Array } {
  const rng = makeRng(params.seed);
  const { d, m, p, ansatz, states } = params;
  if (params.family === 'tight-qubit') return tightQubitInstance(rng, m, pi0 ? Math.max(1, d - 2) : 0);
  if (params.family === 'reachable') {
    const a = buildAnsatz(rng, d, p, ansatz);
    const M0 = pi0 ? buildMeasurement(rng, d, 'pi0') : pmOneMeasurement(d, 1);
    const inst = makeInstance(a, M0, buildStates(rng, m, d, 'orthonormal'), balancedLabels(rng, m), { orthogonal: true });
    return { inst, theta: Float64Array.from({ length: p }, () => 2 * Math.PI * rng.uniform()) };
  }
  return buildInstance(rng, { d, m, p, ansatz, meas: pi0 ? 'pi0' : 'pm1-random', states, labels: 'pm1' });
}

export interface FlowPoint { t: number; L: number; gradNorm: number; thetaMax: number }

/**
 * Gradient flow d theta/dt = -eta grad L up to the dimensionless time eta S T = HORIZON;
 * returns L and ||grad L|| at t = 0 and after every accepted step.
 */
export function flowPoints(params: FlowParams, pi0: boolean) {
  const { inst, theta } = flowInstance(params, pi0);
  return flowPointsOf(inst, theta, params.logEta);
}

/** flowPoints on a given instance and start theta (the search decodes them from x). */
export function flowPointsOf(inst: QnnInstance, theta: Float64Array, logEta: number) {
  const params = { logEta };
  const c = compile(inst);
  const S = sumOpNormSq(inst.ansatz);
  const eta = 10 ** params.logEta / S;
  const T = HORIZON / 10 ** params.logEta;
  const pts: FlowPoint[] = [];
  gradientFlowSteps(c, theta, eta, T, ODE, (t, th) => {
    const { loss, gradient } = lossAndGradientFast(c, th);
    let g2 = 0, tm = 0;
    for (let l = 0; l < gradient.length; l++) { g2 += gradient[l] ** 2; tm = Math.max(tm, Math.abs(th[l])); }
    pts.push({ t, L: loss, gradNorm: Math.sqrt(g2), thetaMax: tm });
  });
  return { inst, pts, eta, S, m0: opNormHermitian(inst.M0) };
}

/**
 * Error of L at a point of the numerical trajectory: the global ODE error of theta (TOLERANCES.integrated with rtol, scale
 * max|theta|, horizon eta S t) times ||grad L|| sqrt(p), plus the rounding of L (TOLERANCES.inequality(sqrt(L) ||M0||, d) (2p + 2)).
 */
export function lossTolerance(pt: FlowPoint, eta: number, S: number, p: number, d: number, m0: number): number {
  return pt.gradNorm * Math.sqrt(p) * TOLERANCES.integrated(ODE.rtol, pt.thetaMax, eta * S * pt.t) + TOLERANCES.inequality(Math.sqrt(pt.L) * m0 + pt.L, d) * (2 * p + 2);
}

/**
 * Over the output times t > 0 (at t = 0 both sides are equal by definition of c0): the slack and verdict of the worst
 * (smallest-slack) time, the tightness and details of the tightest time (details.t), and the time of the worst slack.
 */
export function worstAlong(pts: FlowPoint[], f: (pt: FlowPoint) => CheckOutcome): CheckOutcome {
  let worst: CheckOutcome | undefined, tightest: CheckOutcome | undefined;
  let worstT = 0;
  for (const pt of pts.slice(1)) {
    const o = f(pt);
    if (!worst || !(o.slack >= worst.slack)) { worst = o; worstT = pt.t; }
    if (o.tightness !== undefined && !(o.tightness <= (tightest?.tightness ?? -Infinity))) tightest = o;
  }
  // the slack (and ok) of the worst time; the details of the tightest one (the worst slack sits near t = 0, where both sides agree)
  if (!tightest || !worst!.ok) return worst!;
  return { ...worst!, tightness: tightest.tightness, details: { ...tightest.details, worstSlackAtT: worstT } };
}

/**
 * Search space of the flow claims: a Line (1) / periodic instance (M0 with eigenvalues +-1, or +1, 0, -1 for the Pi_0
 * extension; pure states of the run's kind; labels +-1) and the start theta(0), decoded from x; d, m, p, ansatz and
 * eta S fixed. Each evaluation integrates a flow, so the budget is small.
 */
export function flowSpace(assess: (inst: QnnInstance, theta: Float64Array, params: FlowParams) => CheckOutcome, pi0: boolean, note: string, knownSupremum?: { value: number; where: string }) {
  return defineSpace<FlowParams, { inst: QnnInstance; theta: Float64Array }>({
    decode: (r, { d, m, p, ansatz, states }) => qnnFrom(r, { d, m, p, ansatz, meas: pi0 ? 'pi0' : 'pm1-random', states, labels: 'pm1' }),
    assess: ({ inst, theta }, params) => assess(inst, theta, params),
    evaluations: FLOW_SEARCH_EVALUATIONS,
    note,
    knownSupremum,
    qnn: (x) => x,
    encode: (params) => {
      const { inst, theta } = flowInstance(params, pi0);
      return encodeQnn(inst, theta, { ...params, meas: pi0 ? 'pi0' : 'pm1-random', labels: 'pm1' });
    },
  });
}

/** Evaluations of the search on a flow claim (each integrates a gradient flow to eta S T = HORIZON). */
export const FLOW_SEARCH_EVALUATIONS = { quick: 10, default: 30, full: 150 };

/** Sup of (L(t)^{-1/2} - c0)/(c1 t): (37) gives d L^{-1/2}/dt <= 8 sqrt 2 eta S = (2 sqrt 2 / 3) c1, approached on the tight qubit as L -> 0. */
export const SUP_FLOW = (2 * Math.SQRT2) / 3;

const flowHyp = ['pure states', 'labels y_j in {+-1}', 'any Line (1) ansatz (random generators, periodic, or the tight qubit case)'];

function boundCheck(params: FlowParams, pi0: boolean): CheckOutcome {
  return boundCheckOf(flowPoints(params, pi0));
}

function boundCheckOf({ inst, pts, eta, S, m0 }: ReturnType<typeof flowPointsOf>): CheckOutcome {
  const c0 = 1 / Math.sqrt(pts[0].L), c1 = 12 * eta * S;
  const out = worstAlong(pts, (pt) => {
    const bound = 1 / (c0 + c1 * pt.t) ** 2; // eq. (5)
    const tol = lossTolerance(pt, eta, S, inst.ansatz.p, inst.ansatz.d, m0);
    const o = inequalityOutcome(bound, pt.L, tol, pt.L, { t: pt.t, ratio: pt.L / bound });
    // L >= 1/(c0 + c1 t)^2 <=> L^{-1/2} - c0 <= c1 t: the ratio of the two sides of (42), not bound / L (-> 1 as t -> 0 on every flow)
    const tightness = (1 / Math.sqrt(pt.L) - c0) / (c1 * pt.t);
    return Number.isFinite(tightness) ? { ...o, tightness } : o;
  });
  const end = pts[pts.length - 1];
  out.details = { ...out.details, finalLoss: end.L, endRatio: end.L * (c0 + c1 * end.t) ** 2, steps: pts.length };
  return out;
}

export const theorem32: Claim<FlowParams> = {
  id: 'theorem-3.2',
  title: 'No faster than sublinear convergence: L(t) >= 1/(c0 + c1 t)^2',
  ref: { label: 'Theorem 3.2', section: '3, A.2', equations: ['5', '42'] },
  statement:
    'For pure states, labels +-1, M0 with eigenvalues in {+-1} and any Line (1) ansatz, along the gradient flow of ' +
    'L = (1/2m) sum_j (tr(rho_j M(theta)) - y_j)^2 (printed as tr(rho_j M(theta) - y_j)^2, a misplaced parenthesis): ' +
    'L(theta(t)) >= 1/(c0 + c1 t)^2 (eq. 5), c0 = L(theta(0))^{-1/2}, c1 = 12 eta sum_l ||H^(l)||_op^2. Checked at every accepted ' +
    'step of the adaptive integrator, slack in units of L(t).',
  hypotheses: [...flowHyp, 'M0 eigenvalues in {+-1} (random eigenbasis and multiplicities)'],
  kind: 'inequality',
  strength: 'substantive',
  strengthReason: 'a bound of the paper evaluated on built instances; a false bound fails it',
  expectation: 'holds',
  uses: ['lemma-3.1'],
  toleranceRule:
    'in units of L(t): ODE global error TOLERANCES.integrated(rtol = 1e-10, max|theta|, eta S t) times ||grad L|| sqrt(p), plus ' +
    'TOLERANCES.inequality(sqrt(L) ||M0|| + L, d)(2p + 2) for the rounding of L',
  runs: { quick: 6, default: 40, full: 400 },
  arbitrary: flowArb,
  tightnessRule: 'max over output times t > 0 of (L(t)^{-1/2} - c0) / (c1 t), the two sides of the equivalent form (42) ' +
    '(bound / L itself tends to 1 as t -> 0 on every flow and says nothing); <= 2 sqrt(2)/3 = 0.943 by (37), i.e. bound / L -> 1/1.125 on the tight qubit',
  search: flowSpace((inst, theta, pp) => boundCheckOf(flowPointsOf(inst, theta, pp.logEta)), false,
    'any instance and start theta(0) with M0 of spectrum {+-1}; the supremum 2 sqrt(2)/3 is approached by the tight qubit (p = 1, H orthogonal to the Bloch axis of M0, states on the great circle) as L -> 0.',
    { value: SUP_FLOW, where: 'tight qubit, t -> infinity (eqs. 37, 39)' }),
  check: (params) => boundCheck(params, false),
};

function integratedCheck(params: FlowParams, constant: number): CheckOutcome {
  return integratedCheckOf(flowPoints(params, false), constant);
}

function integratedCheckOf({ inst, pts, eta, S, m0 }: ReturnType<typeof flowPointsOf>, constant: number): CheckOutcome {
  const c0 = 1 / Math.sqrt(pts[0].L);
  const out = worstAlong(pts, (pt) => {
    const lhs = 1 / Math.sqrt(pt.L) - c0; // L(T)^{-1/2} - L(0)^{-1/2}
    const rhs = constant * eta * S * pt.t;
    const tolL = lossTolerance(pt, eta, S, inst.ansatz.p, inst.ansatz.d, m0) + lossTolerance(pts[0], eta, S, inst.ansatz.p, inst.ansatz.d, m0);
    const tol = 0.5 * pt.L ** -1.5 * tolL; // |d L^{-1/2}| = L^{-3/2} |dL| / 2
    return inequalityOutcome(lhs, rhs, tol, 1 / Math.sqrt(pt.L), { t: pt.t, ratio: rhs > 0 ? lhs / rhs : 0 });
  });
  const end = pts[pts.length - 1];
  out.details = { ...out.details, endRatio: (1 / Math.sqrt(end.L) - c0) / (constant * eta * S * end.t), finalLoss: end.L };
  return out;
}

export const theorem32Eq39: Claim<FlowParams> = {
  id: 'theorem-3.2/eq-39',
  title: 'Integrated form of eq. (37) before the weakening 16 sqrt 2 -> 24',
  ref: { label: 'Theorem 3.2 (proof)', section: 'A.2', equations: ['37', '39', '40'] },
  statement:
    'Integrating (1/L) dL/dt >= -16 sqrt(2) eta sum_l ||H^(l)||^2 sqrt(L) (eq. 37): L(T)^{-1/2} - L(0)^{-1/2} <= 8 sqrt(2) eta sum_l ||H^(l)||^2 T. ' +
    'Eq. (39) replaces 16 sqrt 2 ~ 22.63 by 24, a valid weakening that gives c1 = 12 eta sum ||H^(l)||^2 instead of 8 sqrt(2) eta sum ||H^(l)||^2 ' +
    '(this sharper form is asymptotically an equality on the tight qubit family). Slack in units of L(T)^{-1/2}.',
  hypotheses: [...flowHyp, 'M0 eigenvalues in {+-1}'],
  kind: 'inequality',
  strength: 'substantive',
  strengthReason: 'a bound of the paper evaluated on built instances; a false bound fails it',
  expectation: 'holds',
  uses: ['theorem-3.2/eq-37'],
  toleranceRule: 'in units of L^{-1/2}: L^{-3/2}/2 times the loss tolerance of theorem-3.2 at t and at 0',
  runs: { quick: 5, default: 30, full: 300 },
  arbitrary: flowArb,
  tightnessRule: 'max over output times t > 0 of (L(t)^{-1/2} - L(0)^{-1/2}) / (8 sqrt(2) eta S t)',
  search: flowSpace((inst, theta, pp) => integratedCheckOf(flowPointsOf(inst, theta, pp.logEta), 8 * Math.SQRT2), false,
    'any instance and start theta(0) with M0 of spectrum {+-1}; supremum 1, approached on the tight qubit as L -> 0.',
    { value: 1, where: 'tight qubit, t -> infinity' }),
  check: (params) => integratedCheck(params, 8 * Math.SQRT2),
};

export const theorem32Eq41: Claim<FlowParams> = {
  id: 'theorem-3.2/eq-41',
  title: 'L(T)^{-1/2} - L(0)^{-1/2} <= 12 eta sum_l ||H^(l)||^2 T',
  ref: { label: 'Theorem 3.2 (proof)', section: 'A.2', equations: ['39', '40', '41', '42'] },
  statement: 'L(theta(T))^{-1/2} - L(theta(0))^{-1/2} <= 12 eta sum_l ||H^(l)||_op^2 T (eq. 41), i.e. L(T)^{-1/2} - c0 <= c1 T (eq. 42). Slack in units of L(T)^{-1/2}.',
  hypotheses: [...flowHyp, 'M0 eigenvalues in {+-1}'],
  kind: 'inequality',
  strength: 'substantive',
  strengthReason: 'a bound of the paper evaluated on built instances; a false bound fails it',
  expectation: 'holds',
  uses: ['theorem-3.2/eq-39'],
  toleranceRule: 'in units of L^{-1/2}: L^{-3/2}/2 times the loss tolerance of theorem-3.2 at t and at 0',
  runs: { quick: 4, default: 20, full: 200 },
  arbitrary: flowArb,
  tightnessRule: 'max over output times t > 0 of (L(t)^{-1/2} - L(0)^{-1/2}) / (12 eta S t); <= 2 sqrt(2)/3 by (37)',
  search: flowSpace((inst, theta, pp) => integratedCheckOf(flowPointsOf(inst, theta, pp.logEta), 12), false,
    'any instance and start theta(0) with M0 of spectrum {+-1}; supremum 2 sqrt(2)/3 (the weakening 16 sqrt 2 -> 24 of eq. 39), approached on the tight qubit.',
    { value: SUP_FLOW, where: 'tight qubit, t -> infinity' }),
  check: (params) => integratedCheck(params, 12),
};

export const theorem32Pi0: Claim<FlowParams> = {
  id: 'theorem-3.2/pi0',
  title: 'Eq. (5) for a measurement with a zero eigenspace (Pi_0 != 0)',
  ref: { label: 'Theorem 3.2 (extension at the end of A.2)', section: 'A.2', equations: ['5'] },
  statement:
    '"The same at most sublinear convergence holds for M0 = Pi_+ - Pi_-, Pi_+ + Pi_- + Pi_0 = I, Pi_0 != 0": ' +
    'L(theta(t)) >= 1/(c0 + c1 t)^2 with the same c0, c1, along gradient flows (slack in units of L(t)). The printed justification ' +
    '(reusing eq. 30) is wrong (theorem-3.2/pi0-eq-30), but the conclusion holds through theorem-3.2/pi0-eq-33.',
  hypotheses: [...flowHyp, 'M0 eigenvalues in {+1, 0, -1}, at least one 0'],
  kind: 'inequality',
  strength: 'substantive',
  strengthReason: 'a bound of the paper evaluated on built instances; a false bound fails it',
  expectation: 'holds',
  uses: ['theorem-3.2', 'theorem-3.2/pi0-eq-33'],
  toleranceRule: 'as theorem-3.2',
  runs: { quick: 5, default: 30, full: 300 },
  arbitrary: () => flowArb(true),
  tightnessRule: 'as theorem-3.2: max over t > 0 of (L(t)^{-1/2} - c0) / (c1 t)',
  search: flowSpace((inst, theta, pp) => boundCheckOf(flowPointsOf(inst, theta, pp.logEta)), true,
    'any instance and start theta(0) with M0 of spectrum {+1, 0, -1} (at least one 0); the tight qubit embedded with a zero eigenspace reaches the same 2 sqrt(2)/3.',
    { value: SUP_FLOW, where: 'tight qubit embedded in d >= 3, t -> infinity' }),
  check: (params) => boundCheck(params, true),
};
