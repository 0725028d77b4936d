/**
 * `qnn-verify train FILE [--epochs N] [--lr X] [--every K]`
 * `qnn-verify train FILE --flow T [--rtol R] [--lr X] [--every K]`
 *
 * Training curve of one instance (format: src/io/instance-json.ts; theta(0) is the file's theta),
 * for comparison with another implementation, as `eval` is for one point:
 * - gradient descent exactly as appendix D: theta <- theta - lr grad L(theta), lr = 1e-3/p
 *   unless given, N epochs (default 10000, appendix D's maximum), the loss
 *   L = (1/2m) sum_j (yhat_j - y_j)^2 and the residuals r = y - yhat every K epochs (default
 *   N/100) and after the last one;
 * - or the gradient flow d theta/dt = -eta grad L with eta = lr (so t is in epochs), integrated
 *   by the adaptive Dormand-Prince method (rtol R, default 1e-10; atol = R) to time T, the loss
 *   and residuals at K + 1 evenly spaced times 0, T/K, ..., T (default K = 100).
 * JSON on stdout with the final theta. Same input checks and exit codes as `eval` (2 on bad input).
 */
import { QnnInputError } from '../errors.ts';
import { gradientDescent, gradientFlow } from '../dynamics/training.ts';
import { compile } from '../model/compiled.ts';
import { formatJson, INSTANCE_LIMITS, parseInstanceText } from '../io/instance-json.ts';
import { readTextFile } from '../io/fs-safe.ts';
import { intOption, positiveOption } from './options.ts';
import type { Command } from './types.ts';

const FN = 'train';
/** Largest --epochs and --every (a larger run is a mistake, not a request). */
export const MAX_EPOCHS = 10_000_000;
export const MAX_SAMPLES = 100_000;
/** Largest --flow time (in epochs): beyond it the loss has long converged in every appendix-D setting. */
export const MAX_FLOW_TIME = 1e9;
/** Largest --lr: with |grad L| bounded by the instance's norms, theta stays finite for MAX_EPOCHS epochs. */
export const MAX_LR = 1e6;

/** The dynamics' own input errors (non-finite loss, step limit of the integrator), named by the option that caused them. */
function dynamicsError(e: unknown, flow: boolean): never {
  if (!(e instanceof QnnInputError)) throw e;
  if (e.fn === 'dopri5') throw new QnnInputError(FN, flow ? '--flow' : '--epochs', `cannot be reached: the integrator stopped (${e.param} ${e.condition}); loosen --rtol or shorten --flow`);
  throw new QnnInputError(FN, '--lr', `makes training diverge (${e.message}); choose a smaller --lr`);
}

function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

function residuals(labels: Float64Array, yhat: Float64Array): number[] {
  return Array.from(labels, (y, j) => y - yhat[j]);
}

export const trainCommand: Command = {
  options: {
    epochs: { type: 'string' }, lr: { type: 'string' }, every: { type: 'string' }, flow: { type: 'string' }, rtol: { type: 'string' },
  },
  positionals: 1,
  positionalNames: ['FILE'],
  run: async (v, pos) => {
    const file = pos[0];
    if (file === undefined || file === '') throw new QnnInputError(FN, 'FILE', 'is required (a path, or - for stdin)');
    const flow = positiveOption(FN, 'flow', v.flow);
    if (flow !== undefined && flow > MAX_FLOW_TIME) throw new QnnInputError(FN, '--flow', `must be <= ${MAX_FLOW_TIME} (got ${flow})`);
    if (flow !== undefined && v.epochs !== undefined) throw new QnnInputError(FN, '--epochs', 'cannot be combined with --flow (the flow runs to time T)');
    if (flow === undefined && v.rtol !== undefined) throw new QnnInputError(FN, '--rtol', 'needs --flow T (gradient descent has no tolerance)');
    const epochs = intOption(FN, 'epochs', v.epochs, 0, MAX_EPOCHS) ?? 10_000;
    const every = intOption(FN, 'every', v.every, 1, flow === undefined ? MAX_EPOCHS : MAX_SAMPLES);
    const rtol = positiveOption(FN, 'rtol', v.rtol) ?? 1e-10;
    if (rtol < 1e-14 || rtol > 0.1) throw new QnnInputError(FN, '--rtol', `must be between 1e-14 and 0.1 (got ${rtol})`);
    const lrGiven = positiveOption(FN, 'lr', v.lr);
    if (lrGiven !== undefined && lrGiven > MAX_LR) throw new QnnInputError(FN, '--lr', `must be <= ${MAX_LR} (got ${lrGiven})`);
    const parsed = parseInstanceText(readTextFile(FN, 'FILE', file, INSTANCE_LIMITS.maxInputBytes, true), FN);
    const { instance, theta } = parsed;
    const c = compile(instance);
    const { d, m, p } = c;
    const lr = lrGiven ?? 1e-3 / p; // appendix D: "the learning rate to be 0.001/p"
    const labels = Float64Array.from(instance.labels);
    let out: Record<string, unknown>;
    if (flow === undefined) {
      const k = every ?? Math.max(1, Math.floor(epochs / 100));
      let res;
      try {
        res = gradientDescent(c, theta, { lr, steps: epochs, recordEvery: k });
      } catch (e) {
        dynamicsError(e, false);
      }
      out = {
        method: 'gradient-descent', lr, epochs, every: k, d, m, p,
        trace: res.trace.map((pt) => ({ epoch: pt.t, loss: pt.loss, residuals: residuals(labels, pt.predictions) })),
        theta: Array.from(res.theta),
      };
    } else {
      const k = every ?? 100;
      const times = Array.from({ length: k + 1 }, (_, j) => (j === k ? flow : (flow * j) / k));
      let res;
      try {
        res = gradientFlow(c, theta, lr, times, { rtol, atol: rtol });
      } catch (e) {
        dynamicsError(e, true);
      }
      out = {
        method: 'gradient-flow', eta: lr, T: flow, every: k, rtol, atol: rtol, d, m, p,
        trace: res.trace.map((pt) => ({ t: pt.t, loss: pt.loss, residuals: residuals(labels, pt.predictions) })),
        theta: Array.from(res.theta[res.theta.length - 1]),
        stats: res.stats,
      };
    }
    for (const pt of out.trace as { loss: number }[]) {
      if (!Number.isFinite(pt.loss)) throw new QnnInputError(FN, 'input', 'gives a non-finite loss during training (entries of M0, labels or --lr too large)');
    }
    await writeStdout(formatJson(out));
    return 0;
  },
};
