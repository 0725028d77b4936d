/**
 * `qnn-verify sample` and `qnn-verify eval`: write a random appendix-D instance as JSON, and
 * evaluate an instance JSON (format: src/io/instance-json.ts).
 *
 * eval prints predictions, residuals r = y - yhat, the loss, the gradient (adjoint method,
 * src/model/compiled.ts), K of eq. (4), K_asym of eq. (7) and the spectrum of M(theta); for a
 * periodic ansatz also eta of Lemma 4.1, K_pert of eq. (8)/(67) (matrix-free, via kPert) and
 * ||Y - Y*||_op (src/model/delta.ts: dense d^2 x d^2 eigenvalues for d <= 16, Lanczos matrix-free above).
 */
import { readFileSync, statSync } from 'node:fs';
import { QnnInputError } from '../errors.ts';
import { DEFAULT_SEED } from '../claims/runner.ts';
import { type CMat, hermitianPart } from '../linalg/cmatrix.ts';
import { eigvalsh } from '../linalg/eigh.ts';
import { makeRng } from '../random/rng.ts';
import { layerGenerators } from '../model/ansatz.ts';
import { lossAndGradient } from '../model/compiled.ts';
import { deltaOpNorm } from '../model/delta.ts';
import {
  etaLemma41, kAsymFromCommutators, kernelFromParts, kPert, stateCommutators, zFactor,
} from '../model/kernels.ts';
import { lossOf, parameterizedMeasurement, predictionsOf, residualsOf } from '../model/qnn.ts';
import { appendixDInstance } from '../model/scenarios.ts';
import {
  formatJson, INSTANCE_LIMITS, oneLine, parseInstanceText, type ParsedInstance, serialiseInstance,
} from '../io/instance-json.ts';
import type { Command } from './types.ts';

// ---------------------------------------------------------------------------------------------
// eval
// ---------------------------------------------------------------------------------------------

export interface EvalResult {
  predictions: number[];
  residuals: number[];
  loss: number;
  gradient: number[];
  K: number[][];
  Kasym: number[][];
  spectrum: number[];
  eta?: number;
  Kpert?: number[][];
  deltaOpNorm?: number;
}

function realRows(a: CMat): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < a.rows; i++) out.push(Array.from(a.re.subarray(i * a.cols, (i + 1) * a.cols)));
  return out;
}

function allFinite(x: unknown): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  if (Array.isArray(x)) return x.every(allFinite);
  return true;
}

/** Every quantity printed by `eval`, for a validated instance. */
export function evaluateInstance(parsed: ParsedInstance, fn = 'eval'): EvalResult {
  const { instance: inst, theta, periodic } = parsed;
  const M = hermitianPart(parameterizedMeasurement(inst, theta));
  const yhat = predictionsOf(M, inst.states);
  const { gradient } = lossAndGradient(inst, theta);
  const A = stateCommutators(M, inst.states);
  const Hl = layerGenerators(inst.ansatz, theta);
  const out: EvalResult = {
    predictions: Array.from(yhat),
    residuals: Array.from(residualsOf(yhat, inst.labels)),
    loss: lossOf(yhat, inst.labels),
    gradient: Array.from(gradient),
    K: realRows(kernelFromParts(A, Hl)),
    Kasym: realRows(kAsymFromCommutators(A)),
    spectrum: Array.from(eigvalsh(M)),
  };
  if (periodic && inst.ansatz.periodicGenerator) {
    const z = zFactor(inst.ansatz.periodicGenerator);
    out.eta = etaLemma41(inst);
    out.Kpert = realRows(kPert(A, Hl, z));
    out.deltaOpNorm = deltaOpNorm(Hl, z);
  }
  for (const [k, v] of Object.entries(out)) {
    if (!allFinite(v)) {
      throw new QnnInputError(fn, 'input', `gives a non-finite ${k} (entries of M0, H, labels or theta too large)`);
    }
  }
  return out;
}

/**
 * Write to stdout and resolve once the data has been handed to the OS. main.ts calls
 * process.exit as soon as run() settles, which would truncate a large output on a pipe
 * (stdout writes to pipes are asynchronous on POSIX).
 */
function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

function readInput(file: string): string {
  if (file === '-') {
    try {
      return readFileSync(0, 'utf8');
    } catch (e) {
      throw new QnnInputError('eval', 'stdin', `cannot be read (${oneLine((e as Error).message, 120)})`);
    }
  }
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new QnnInputError('eval', 'FILE', `'${oneLine(file, 120)}' is not a regular file`);
    if (st.size > INSTANCE_LIMITS.maxInputBytes) {
      throw new QnnInputError('eval', 'FILE', `'${oneLine(file, 120)}' is larger than ${INSTANCE_LIMITS.maxInputBytes / 2 ** 20} MiB`);
    }
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof QnnInputError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new QnnInputError('eval', 'FILE', `'${oneLine(file, 120)}' cannot be read (${code})`);
  }
}

export const evalCommand: Command = {
  options: {},
  positionals: 1,
  run: async (_v, pos) => {
    const file = pos[0];
    if (file === undefined) throw new QnnInputError('eval', 'FILE', 'is required (a path, or - for stdin)');
    const parsed = parseInstanceText(readInput(file), 'eval');
    const res = evaluateInstance(parsed, 'eval');
    await writeStdout(formatJson(res as unknown as Record<string, unknown>));
    return 0;
  },
};

// ---------------------------------------------------------------------------------------------
// sample
// ---------------------------------------------------------------------------------------------

function intFlag(v: string | boolean | undefined, name: string, min: number, max: number, required: boolean): number | undefined {
  if (v === undefined) {
    if (required) throw new QnnInputError('sample', `--${name}`, 'is required');
    return undefined;
  }
  const s = String(v).trim();
  const n = /^[-+]?\d{1,20}$/.test(s) ? Number(s) : NaN; // decimal digits only: no 0x10, 1e3, 1.0
  if (!Number.isSafeInteger(n) || n < min) throw new QnnInputError('sample', `--${name}`, `must be an integer >= ${min} (got ${oneLine(String(v), 40)})`);
  if (n > max) throw new QnnInputError('sample', `--${name}`, `must be <= ${max} (got ${n}); larger instances would exhaust memory`);
  return n;
}

export const sampleCommand: Command = {
  options: { d: { type: 'string' }, m: { type: 'string' }, p: { type: 'string' }, gamma: { type: 'string' }, seed: { type: 'string' } },
  positionals: 0,
  run: async (v) => {
    const L = INSTANCE_LIMITS;
    const d = intFlag(v.d, 'd', 2, L.maxD, true)!;
    if (d % 2 !== 0) throw new QnnInputError('sample', '--d', `must be even (the +-1 trace-0 measurement of appendix D; got ${d})`);
    const p = intFlag(v.p, 'p', 1, Math.floor(L.maxPD2 / (d * d)), true)!;
    const m = intFlag(v.m, 'm', 1, Math.min(d, L.maxM, Math.floor(L.maxMD2 / (d * d))), true)!;
    let gamma = 1;
    if (v.gamma !== undefined) {
      const s = String(v.gamma).trim();
      gamma = s === '' ? NaN : Number(s);
      if (!Number.isFinite(gamma) || !(gamma > 0)) throw new QnnInputError('sample', '--gamma', `must be a finite number > 0 (got ${oneLine(String(v.gamma), 40)})`);
    }
    const seed = intFlag(v.seed, 'seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, false) ?? DEFAULT_SEED;
    const { instance, theta0 } = appendixDInstance(makeRng(seed), { d, m, p, gamma });
    await writeStdout(serialiseInstance(instance, theta0));
    return 0;
  },
};
