/**
 * Executors of the figure tasks (synchronous; run in a worker thread or inline). Every task
 * builds its instance from (seed, label), so a task's result does not depend on which worker
 * runs it or in which order.
 */
import { QnnInputError } from '../errors.ts';
import { asymptoticFlow, kernelAsymFast } from '../dynamics/asymptotic.ts';
import { gradientFlow } from '../dynamics/training.ts';
import { type CMat } from '../linalg/cmatrix.ts';
import { eigvalsh } from '../linalg/eigh.ts';
import { compile, lossAndGradientFast } from '../model/compiled.ts';
import { appendixDInstance } from '../model/scenarios.ts';
import { makeRng } from '../random/rng.ts';
import {
  expandAsymInstance, integrateCompressed, kasymFromA, lossFromA, measurementCompressor, sampleAsymInstance,
} from '../dynamics/compressed.ts';
import type { AsymResult, AsymTask, FlowResult, FlowTask, GdResult, GdTask, QnnSpec, Task, TaskResult, Trace } from './types.ts';
import { firstCrossing } from './sampled-curves.ts';

/** Progress callback: fraction of the task done, in [0, 1]. */
export type TaskProgress = (fraction: number) => void;

export function buildQnn(s: QnnSpec) {
  return appendixDInstance(makeRng(s.seed).fork(s.label), { d: s.d, m: s.m, p: s.p, gamma: s.gamma });
}

function lambdaMin(k: CMat): number {
  return eigvalsh(k)[0];
}

/** Relative cost of a task (arbitrary units ~ complex multiply-adds), for scheduling and progress. */
export function taskCost(t: Task): number {
  if (t.kind === 'gd') return t.steps * 2 * t.qnn.p * t.qnn.m * t.qnn.d ** 2 * (t.stopBelow !== undefined ? 0.5 : 1);
  if (t.kind === 'flow') return 450 * 2 * t.qnn.p * t.qnn.m * t.qnn.d ** 2;
  // ~1000 right-hand sides of O(8 m^3) for the compressed run; ~400 CF4 steps of ~32 m d^2 for the cross-check.
  const own = 8000 * t.m ** 3 + 50 * t.d * t.m * t.m;
  return own + (t.crossCheck ? 12800 * t.m * t.d ** 2 + 10 * t.d ** 3 : 0);
}

function recorder(task: GdTask | FlowTask, inst: ReturnType<typeof buildQnn>['instance']) {
  const trace: Trace = { t: [], loss: [] };
  if (task.yhat) trace.yhat = [];
  if (task.kasym) trace.lambdaMin = [];
  const compress = task.kasym ? measurementCompressor(inst) : null;
  const { m, gamma } = task.qnn;
  return {
    trace,
    record(t: number, loss: number, yhat: Float64Array, theta: ArrayLike<number>) {
      trace.t.push(t);
      trace.loss.push(loss);
      if (trace.yhat) trace.yhat.push(Array.from(yhat));
      if (compress && trace.lambdaMin) trace.lambdaMin.push(lambdaMin(kasymFromA(compress(theta), m, gamma)));
    },
  };
}

/**
 * Gradient descent theta <- theta - lr grad L from theta(0) = 0 (appendix D): the same
 * iteration as dynamics/training.ts gradientDescent (checked bit-for-bit in the tests), with
 * the recording of figures: every `recordEvery` iterations (and the last), the loss and
 * optionally predictions and lambda_min(K_asym); first iterations below thresholds are exact.
 */
export function runGd(task: GdTask, progress?: TaskProgress): GdResult {
  const start = performance.now();
  const { instance, theta0 } = buildQnn(task.qnn);
  const c = compile(instance);
  const theta = Float64Array.from(theta0);
  const rec = recorder(task, instance);
  const thr = task.thresholds ?? [];
  const firstBelow: (number | null)[] = thr.map(() => null);
  const p = c.p;
  let it = 0;
  for (; ; it++) {
    const { loss, predictions, gradient } = lossAndGradientFast(c, theta);
    if (!Number.isFinite(loss)) throw new QnnInputError('runGd', 'loss', `became non-finite at iteration ${it} (${task.key})`);
    for (let k = 0; k < thr.length; k++) if (firstBelow[k] === null && loss < thr[k]) firstBelow[k] = it;
    const stop = it === task.steps || (task.stopBelow !== undefined && loss < task.stopBelow);
    if (it % task.recordEvery === 0 || stop) rec.record(it, loss, predictions, theta);
    if (stop) break;
    for (let l = 0; l < p; l++) theta[l] -= task.lr * gradient[l];
    if (progress && it % 256 === 0) progress(it / task.steps);
  }
  const out: GdResult = { kind: 'gd', key: task.key, trace: rec.trace, iterations: it, firstBelow, timeMs: 0 };
  if (task.asymOverlay) out.overlay = asymOverlay(task, instance, theta0, task.steps);
  out.timeMs = Math.round(performance.now() - start);
  return out;
}

/**
 * The p -> infinity dynamics from this instance's A(0) = V^dag M(theta0) V, on the iteration
 * axis: tau = k lr / eta_Lemma4.1 with eta = (m/p)(d^2 - 1)/tr(H^2) = m/p (Z = 1 in appendix D).
 */
function asymOverlay(task: GdTask, inst: ReturnType<typeof buildQnn>['instance'], theta0: Float64Array, kEnd: number) {
  const { m, p, gamma } = task.qnn;
  const a0 = measurementCompressor(inst)(theta0);
  const scale = (task.lr * p) / m; // tau per iteration
  const n = 200, iters = Array.from({ length: n + 1 }, (_, i) => (i * kEnd) / n);
  const res = integrateCompressed(a0, m, gamma, inst.labels, iters.map((k) => k * scale));
  return {
    t: iters,
    loss: res.a.map((a) => lossFromA(a, m, inst.labels)),
    lambdaMin: res.a.map((a) => lambdaMin(kasymFromA(a, m, gamma))),
  };
}

/**
 * Gradient flow d theta/dt = -eta grad L (adaptive Dormand-Prince 5(4), dense output) with
 * eta = lr, so that flow time t corresponds to iteration t of gradient descent.
 */
export function runFlow(task: FlowTask, progress?: TaskProgress): FlowResult {
  const start = performance.now();
  const { instance, theta0 } = buildQnn(task.qnn);
  const c = compile(instance);
  const rec = recorder(task, instance);
  const nOut = Math.ceil(task.tEnd / task.recordEvery);
  const grid = Array.from({ length: nOut + 1 }, (_, i) => Math.min(task.tEnd, i * task.recordEvery));
  progress?.(0);
  const res = gradientFlow(c, theta0, task.eta, grid, { rtol: task.rtol, atol: task.atol });
  res.trace.forEach((pt, i) => rec.record(grid[i], pt.loss, pt.predictions, res.theta[i]));
  const thr = task.thresholds ?? [];
  return {
    kind: 'flow', key: task.key, trace: rec.trace,
    firstBelow: thr.map((x) => firstCrossing(rec.trace.t, rec.trace.loss, x)),
    stats: { accepted: res.stats.accepted, rejected: res.stats.rejected, rhsEvals: res.stats.rhsEvals },
    timeMs: Math.round(performance.now() - start),
  };
}

function frob(k: CMat, k0: CMat): number {
  let s = 0;
  for (let i = 0; i < k.re.length; i++) s += (k.re[i] - k0.re[i]) ** 2;
  return Math.sqrt(s);
}

function opNormSym(k: CMat): number {
  const ev = eigvalsh(k);
  return Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1]));
}

function diffMat(a: CMat, b: CMat): CMat {
  return { rows: a.rows, cols: a.cols, re: a.re.map((x, i) => x - b.re[i]), im: new Float64Array(a.re.length) };
}

/** Asymptotic dynamics (eq. 119/120) in compressed form; optionally cross-checked with the d x d CF4 flow. */
export function runAsym(task: AsymTask, progress?: TaskProgress): AsymResult {
  const start = performance.now();
  const rng = makeRng(task.seed).fork(task.label);
  const inst = sampleAsymInstance(rng, task.d, task.m, task.gamma);
  const { m, gamma, labels } = inst;
  const tOut = Array.from({ length: task.nOut + 1 }, (_, i) => (i * task.tEnd) / task.nOut);
  const res = integrateCompressed(inst.a0, m, gamma, labels, tOut);
  const ks = res.a.map((a) => kasymFromA(a, m, gamma));
  const k0 = ks[0], n0F = frob(k0, { ...k0, re: new Float64Array(m * m) }), n0Op = opNormSym(k0);
  const out: AsymResult = {
    kind: 'asym', key: task.key, t: tOut,
    loss: res.a.map((a) => lossFromA(a, m, labels)),
    lambdaMin: ks.map(lambdaMin),
    relChangeF: ks.map((k) => frob(k, k0) / n0F),
    relChangeOp: ks.map((k) => opNormSym(diffMat(k, k0)) / n0Op),
    rhsEvals: res.rhsEvals,
    timeMs: 0,
  };
  if (task.crossCheck) {
    progress?.(0.05);
    const c0 = performance.now();
    const { M0, states } = expandAsymInstance(rng.fork('expand'), inst);
    const full = asymptoticFlow(M0, states, labels, tOut.slice(1), { tol: task.crossCheck.tol });
    let maxDiffK = 0, maxDiffLoss = 0;
    full.M.forEach((M, i) => {
      const k = kernelAsymFast(M, states), kr = ks[i + 1];
      for (let x = 0; x < m * m; x++) maxDiffK = Math.max(maxDiffK, Math.abs(k.re[x] - kr.re[x]));
      let l = 0;
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let a = 0; a < task.d; a++) {
          // v_j^dag M v_j, with M v_j computed row by row.
          let ur = 0, ui = 0;
          for (let b = 0; b < task.d; b++) {
            const mr = M.re[a * task.d + b], mi = M.im[a * task.d + b], vr = states.re[j * task.d + b], vi = states.im[j * task.d + b];
            ur += mr * vr - mi * vi;
            ui += mr * vi + mi * vr;
          }
          s += states.re[j * task.d + a] * ur + states.im[j * task.d + a] * ui;
        }
        l += (s - labels[j]) ** 2;
      }
      maxDiffLoss = Math.max(maxDiffLoss, Math.abs(l / (2 * m) - out.loss[i + 1]));
    });
    out.cross = {
      maxDiffK, maxDiffLoss, steps: full.stats.steps, spectrumDrift: full.spectrumDrift, timeMs: Math.round(performance.now() - c0),
    };
  }
  out.timeMs = Math.round(performance.now() - start);
  return out;
}

export function executeTask(task: Task, progress?: TaskProgress): TaskResult {
  switch (task.kind) {
    case 'gd': return runGd(task, progress);
    case 'flow': return runFlow(task, progress);
    case 'asym': return runAsym(task, progress);
    default: throw new QnnInputError('executeTask', 'task.kind', `is unknown (${String((task as { kind?: unknown }).kind)})`);
  }
}
