/**
 * Section 3, consequences of unitarity along training: the spectrum of M(theta) and tr(M^k) are constants
 * of the training (at points of a trajectory, and through d tr(M^k)/dt = 0 with eq. 20). The confinement of
 * the predictions to [lambda_min(M0), lambda_max(M0)] is in ./section-3-range.ts.
 */
import fc from 'fast-check';
import { smallDimensionArb } from '../properties/index.ts';
import type { Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import { axpyInPlace, CMat, commutator, matmul, outer, row, scale, trace, traceProduct, zeros } from '../src/linalg/cmatrix.ts';
import { eigvalsh } from '../src/linalg/eigh.ts';
import { opNormHermitian } from '../src/linalg/norms.ts';
import { layerGenerators } from '../src/model/ansatz.ts';
import { compile, lossAndGradientFast } from '../src/model/compiled.ts';
import { parameterizedMeasurement, predictionsOf, residualsOf } from '../src/model/qnn.ts';
import { gradientFlow } from '../src/dynamics/training.ts';
import { makeRng } from '../src/random/rng.ts';
import { type AnsatzKind, buildInstance, identityOutcome, type MeasKind, seedArb, sumOpNormSq } from './section-2-3-common.ts';

interface Params extends InstanceParams {
  d: number; m: number; p: number; ansatz: AnsatzKind; meas: MeasKind; trajectory: 'flow' | 'gd'; logEta: number;
}

const arb = () =>
  smallDimensionArb().chain((d) =>
    fc.record({
      seed: seedArb(),
      d: fc.constant(d),
      m: fc.integer({ min: 1, max: Math.min(4, d) }),
      p: fc.integer({ min: 1, max: 8 }),
      ansatz: fc.constantFrom<AnsatzKind>('line', 'periodic'),
      meas: fc.constantFrom<MeasKind>('pm1', 'generic', 'pi0'),
      trajectory: fc.constantFrom<'flow' | 'gd'>('flow', 'gd'),
      logEta: fc.double({ min: -2, max: 1, noNaN: true }),
    }));

/** theta at 4 points of a gradient-flow (dimensionless time eta S t up to 3) or gradient-descent (30 steps, lr = eta) trajectory. */
function trajectoryPoints(params: Params) {
  const rng = makeRng(params.seed);
  const { inst, theta } = buildInstance(rng, { ...params, states: 'haar', labels: 'real' });
  const c = compile(inst);
  const eta = 10 ** params.logEta;
  const S = sumOpNormSq(inst.ansatz);
  const points: Float64Array[] = [];
  if (params.trajectory === 'flow') {
    const T = 3 / (eta * S);
    points.push(...gradientFlow(c, theta, eta, [0, T / 3, (2 * T) / 3, T], { rtol: 1e-8, atol: 1e-10 }).theta);
  } else {
    // gradient descent theta <- theta - lr grad L with lr = eta / S (any step size keeps M(theta) a unitary conjugate)
    const th = Float64Array.from(theta);
    points.push(Float64Array.from(th));
    for (let it = 1; it <= 30; it++) {
      const { gradient } = lossAndGradientFast(c, th);
      for (let l = 0; l < th.length; l++) th[l] -= (eta / S) * gradient[l];
      if (it % 10 === 0) points.push(Float64Array.from(th));
    }
  }
  return { inst, points, eta };
}

function powerTraces(M: CMat, kMax: number): number[] {
  const out: number[] = [];
  let P = M;
  for (let k = 1; k <= kMax; k++) {
    out.push(trace(P).re);
    P = matmul(P, M);
  }
  return out;
}

export const section3SpectrumPreserved: Claim<Params> = {
  id: 'section-3/spectrum-preserved',
  title: 'Unitarity: the spectrum of M(theta(t)) and tr(M^k) are constants of training',
  ref: { label: 'Section 3 (unitarity paragraph)', section: '3', equations: [] },
  statement:
    'tr(M(theta(t))^k) = tr(M0^k) for k = 1..4 and the spectrum of M(theta(t)) equals that of M0, at points of a gradient-flow ' +
    'or gradient-descent trajectory (M(theta) = U^dag M0 U is a unitary conjugation).',
  hypotheses: ['any Line (1) or periodic ansatz', 'any Hermitian M0 (generic, +-1, or with a 0 eigenvalue)', 'gradient flow or gradient descent'],
  kind: 'identity',
  strength: 'consistency',
  strengthReason: 'M = U^dag M0 U by construction of the simulator, so the spectrum cannot change',
  expectation: 'holds',
  uses: ['lemma-3.1'],
  toleranceRule:
    'tr(M^k): TOLERANCES.identity(k d ||M0||^k, d, 2p + 2 + k); eigenvalues: TOLERANCES.spectral(||M0||, d) + d TOLERANCES.identity(||M0||, d, 2p + 2) ' +
    '(an entry-wise error e of M moves eigenvalues by <= d e); the worst ratio residual/tol is reported in units of the eigenvalue tolerance',
  runs: { quick: 12, default: 50, full: 500 },
  arbitrary: arb,
  check: (params) => {
    const { inst, points } = trajectoryPoints(params);
    const { d, p } = params;
    const m0 = opNormHermitian(inst.M0);
    const ref = powerTraces(inst.M0, 4), spec0 = eigvalsh(inst.M0);
    const tolSpec = TOLERANCES.spectral(m0, d) + d * TOLERANCES.identity(m0, d, 2 * p + 2);
    let worst = 0;
    for (const th of points) {
      const M = parameterizedMeasurement(inst, th);
      const tr = powerTraces(M, 4);
      for (let k = 1; k <= 4; k++) {
        const tol = TOLERANCES.identity(k * d * m0 ** k, d, 2 * p + 2 + k);
        worst = Math.max(worst, Math.abs(tr[k - 1] - ref[k - 1]) / tol);
      }
      const s = eigvalsh(M);
      for (let i = 0; i < d; i++) worst = Math.max(worst, Math.abs(s[i] - spec0[i]) / tolSpec);
    }
    return identityOutcome(worst * tolSpec, tolSpec, { ratio: worst });
  },
};

export const section3TracePowersDerivative: Claim<Params> = {
  id: 'section-3/trace-powers-derivative',
  title: 'd tr(M^k)/dt = k tr(M^{k-1} dM/dt) = 0 with dM/dt of eq. (20)',
  ref: { label: 'Section 3 (unitarity paragraph)', section: '3, A.1', equations: ['20'] },
  statement:
    'd tr(M^k)/dt = k tr(M^{k-1} dM/dt) = k tr(M^{k-1} i[A, M]) = 0, k = 1..4, with dM/dt = sum_l c_l i[H_l, M] the flow of eq. (20), ' +
    'at points of a training trajectory.',
  hypotheses: ['any Line (1) or periodic ansatz', 'any Hermitian M0'],
  kind: 'identity',
  strength: 'consistency',
  strengthReason: 'dM/dt is a sum of commutators by construction of eq. (20), so d tr(M^k)/dt = 0 by cyclicity',
  expectation: 'holds',
  uses: ['lemma-3.1/eq-20'],
  toleranceRule: 'TOLERANCES.identity(k d ||M0||^{k-1} ||dM/dt||_F, d, 2p + 4 + k) (||dM/dt||_F bounded by sum_l |c_l| 2||H_l|| ||M0|| sqrt(d))',
  runs: { quick: 12, default: 50, full: 500 },
  arbitrary: arb,
  check: (params) => {
    const { inst, points, eta } = trajectoryPoints(params);
    const { d, m, p } = params;
    const m0 = opNormHermitian(inst.M0);
    let worst = 0, worstRes = 0, worstTol = 1;
    for (const th of points) {
      const M = parameterizedMeasurement(inst, th);
      const Hl = layerGenerators(inst.ansatz, th);
      const r = residualsOf(predictionsOf(M, inst.states), inst.labels);
      const R = zeros(d, d);
      for (let j = 0; j < m; j++) axpyInPlace(R, outer(row(inst.states, j)), r[j]);
      const Mdot = zeros(d, d);
      let bound = 0;
      for (let l = 0; l < p; l++) {
        const c = scale(commutator(Hl[l], M), 0, 1);
        const coef = (eta / m) * traceProduct(R, c).re; // eq. (20)
        axpyInPlace(Mdot, c, coef);
        bound += Math.abs(coef) * 2 * opNormHermitian(Hl[l]) * m0 * Math.sqrt(d);
      }
      let P = zeros(d, d);
      for (let i = 0; i < d; i++) P.re[i * d + i] = 1; // M^0
      for (let k = 1; k <= 4; k++) {
        const val = k * traceProduct(P, Mdot).re; // k tr(M^{k-1} dM/dt)
        const tol = TOLERANCES.identity(k * d * m0 ** (k - 1) * bound, d, 2 * p + 4 + k);
        if (Math.abs(val) / tol >= worst) { worst = Math.abs(val) / tol; worstRes = Math.abs(val); worstTol = tol; }
        P = matmul(P, M);
      }
    }
    return identityOutcome(worstRes, worstTol, { ratio: worst });
  },
};
