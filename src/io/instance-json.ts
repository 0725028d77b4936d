/**
 * The instance JSON of `qnn-verify sample` / `qnn-verify eval`: parse with validation, and
 * serialise. Every matrix is {"re": [[...]], "im": [[...]]} (row-major nested arrays; "im"
 * may be omitted for a real matrix), a generator may also be {"diag": [...]}:
 *
 *   { "d": 8, "m": 4, "p": 10, "gamma": 1,
 *     "states": {"re": m x d, "im": m x d},      row j is the state vector v_j (unit norm)
 *     "labels": [m numbers],
 *     "H": {"diag": [d numbers]} | {"re","im"},  periodic ansatz (Definition 2.1), trace-0, non-zero
 *     "H_list": [p generators],                  instead of "H": general ansatz of Line (1)
 *     "M0": {...},                               optional, the full measurement (scaling included);
 *                                                absent: gamma * diag(+1 x d/2, -1 x d/2)
 *     "unitaries": [U_0, ..., U_p],
 *     "theta": [p numbers] }
 *
 * U(theta) = U_p e^{-i theta_p H^(p)} ... U_1 e^{-i theta_1 H^(1)} U_0, M(theta) = U^dag M0 U.
 *
 * Any violation throws QnnInputError(fn, field, condition) naming the JSON field, e.g.
 * `eval: unitaries[3] must be unitary (max |U^dag U - I| = 3.100e-2)`. Tolerances are the
 * library's (unitaryTolerance, checkHermitian of linalg/eigh.ts, checkGenerator, stateTolerance), so a
 * parsed file is always accepted by lineAnsatz / periodicAnsatz / makeInstance.
 */
import { QnnInputError } from '../errors.ts';
import { type CMat, diag, gramRows, unitaryDeviation, zeros } from '../linalg/cmatrix.ts';
import { checkHermitian } from '../linalg/eigh.ts';
import { type Ansatz, lineAnsatz, periodicAnsatz, unitaryTolerance } from '../model/ansatz.ts';
import { makeInstance, type QnnInstance, stateTolerance } from '../model/instance.ts';
import { checkGenerator, pmOneMeasurement } from '../model/measurement.ts';

/**
 * Size limits, checked on the declared d, m, p before anything is allocated.
 * - d <= 128: the d^2 x d^2 matrices of Lemma 4.1 are only formed densely for d <= 16
 *   (DENSE_DELTA_MAX_D); above, ||Y - Y*||_op is computed matrix-free by Lanczos on vectors of
 *   length d^2 (at d = 128: 16384 entries, at most LANCZOS_MAX_STORAGE / d^2 basis vectors).
 * - p d^2 <= 2^22 complex entries (64 MiB per list of p matrices: the unitaries, the layer
 *   generators H_l, the compiled gates W_l and their adjoints are each such a list).
 * - m <= 1024 and m d^2 <= 2^22 (the m commutators i[M, rho_j] are d x d each).
 * - the input text is at most 256 MiB.
 */
export const INSTANCE_LIMITS = {
  maxD: 128,
  maxPD2: 2 ** 22,
  maxM: 1024,
  maxMD2: 2 ** 22,
  maxInputBytes: 256 * 2 ** 20,
} as const;

/** A complex matrix as JSON. */
export interface MatrixJson {
  re: number[][];
  im: number[][];
}

export type GeneratorJson = MatrixJson | { diag: number[] };

export interface InstanceJson {
  d: number;
  m: number;
  p: number;
  gamma?: number;
  states: MatrixJson;
  labels: number[];
  H?: GeneratorJson;
  H_list?: GeneratorJson[];
  M0?: MatrixJson;
  unitaries: MatrixJson[];
  theta: number[];
}

/** A validated instance with its parameter vector. */
export interface ParsedInstance {
  instance: QnnInstance;
  theta: Float64Array;
  /** True for the periodic ansatz ("H"), false for a general Line (1) ansatz ("H_list"). */
  periodic: boolean;
  /** gamma as given (default 1); informational when M0 is given. */
  gamma: number;
}

const TOP_LEVEL_KEYS = ['d', 'm', 'p', 'gamma', 'states', 'labels', 'H', 'H_list', 'M0', 'unitaries', 'theta'];

/** Short single-line description of a JSON value for error messages. */
function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (typeof x === 'number') return String(x);
  if (typeof x === 'string') return `a string ${oneLine(JSON.stringify(x), 40)}`;
  if (typeof x === 'object') return 'an object';
  return typeof x;
}

/** Collapse whitespace and truncate, so a message is always one line. */
export function oneLine(s: string, max = 200): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 3)}...` : t;
}

class Parser {
  constructor(readonly fn: string) {}

  fail(path: string, condition: string): never {
    throw new QnnInputError(this.fn, path, condition);
  }

  object(x: unknown, path: string, allowed: readonly string[]): Record<string, unknown> {
    if (x === null || typeof x !== 'object' || Array.isArray(x)) this.fail(path, `must be a JSON object (got ${describe(x)})`);
    const o = x as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (!allowed.includes(k)) {
        const where = path === 'input' ? '' : ` in ${path}`;
        this.fail(`field ${oneLine(JSON.stringify(k), 60)}`, `is not recognised${where} (expected one of ${allowed.join(', ')})`);
      }
    }
    return o;
  }

  number(x: unknown, path: string): number {
    if (typeof x !== 'number') this.fail(path, `must be a number (got ${describe(x)})`);
    if (!Number.isFinite(x)) this.fail(path, `must be finite (got ${x})`);
    return x;
  }

  int(x: unknown, path: string, min: number, max: number): number {
    if (x === undefined) this.fail(path, 'is missing');
    const v = this.number(x, path);
    if (!Number.isInteger(v) || v < min) this.fail(path, `must be an integer >= ${min} (got ${v})`);
    if (v > max) this.fail(path, `must be <= ${max} (got ${v}); larger instances would exhaust memory`);
    return v;
  }

  array(x: unknown, path: string, len: number, what: string): unknown[] {
    if (x === undefined) this.fail(path, 'is missing');
    if (!Array.isArray(x)) this.fail(path, `must be an array (got ${describe(x)})`);
    if (x.length !== len) this.fail(path, `has length ${x.length}, expected ${what}`);
    return x;
  }

  /** A real vector of exactly len finite numbers. */
  vector(x: unknown, path: string, len: number, what: string): Float64Array {
    const a = this.array(x, path, len, what);
    const out = new Float64Array(len);
    for (let i = 0; i < len; i++) out[i] = this.number(a[i], `${path}[${i}]`);
    return out;
  }

  /** rows x cols real nested array into `dst` (row-major). */
  realRows(x: unknown, path: string, rows: number, cols: number, rowsWhat: string, colsWhat: string, dst: Float64Array): void {
    const a = this.array(x, path, rows, rowsWhat);
    for (let i = 0; i < rows; i++) {
      const r = this.array(a[i], `${path}[${i}]`, cols, colsWhat);
      for (let j = 0; j < cols; j++) dst[i * cols + j] = this.number(r[j], `${path}[${i}][${j}]`);
    }
  }

  /** {"re": rows x cols, "im": rows x cols (optional, zero)}. */
  matrix(x: unknown, path: string, rows: number, cols: number, rowsWhat: string, colsWhat: string): CMat {
    if (x === undefined) this.fail(path, 'is missing');
    const o = this.object(x, path, ['re', 'im']);
    if (o.re === undefined) this.fail(`${path}.re`, 'is missing');
    const a = zeros(rows, cols);
    this.realRows(o.re, `${path}.re`, rows, cols, rowsWhat, colsWhat, a.re);
    if (o.im !== undefined) this.realRows(o.im, `${path}.im`, rows, cols, rowsWhat, colsWhat, a.im);
    return a;
  }

  square(x: unknown, path: string, d: number): CMat {
    return this.matrix(x, path, d, d, `d = ${d} rows`, `d = ${d} columns`);
  }

  /** The library's Hermitian check (linalg/eigh.ts), reported under this field's name. */
  hermitian(a: CMat, path: string): void {
    checkHermitian(a, this.fn, path);
  }

  /** {"diag": [d numbers]} or a Hermitian matrix. */
  generator(x: unknown, path: string, d: number, traceless: boolean): CMat {
    if (x !== null && typeof x === 'object' && !Array.isArray(x) && 'diag' in x) {
      const o = this.object(x, path, ['diag']);
      const h = diag(this.vector(o.diag, `${path}.diag`, d, `d = ${d}`));
      if (traceless) this.tracelessNonZero(h, path);
      return h;
    }
    if (x === undefined) this.fail(path, 'is missing');
    if (x === null || typeof x !== 'object' || Array.isArray(x)) {
      this.fail(path, `must be {"diag": [...]} or {"re": [[...]], "im": [[...]]} (got ${describe(x)})`);
    }
    const h = this.square(x, path, d);
    this.hermitian(h, path);
    if (traceless) this.tracelessNonZero(h, path);
    return h;
  }

  /** Definition 2.1 / Line (1): H non-zero and trace-0 (the library's checkGenerator). */
  tracelessNonZero(h: CMat, path: string): void {
    checkGenerator(h, this.fn, path);
  }

  unitary(x: unknown, path: string, d: number): CMat {
    const u = this.square(x, path, d);
    const dev = unitaryDeviation(u);
    const tol = unitaryTolerance(d);
    if (!(dev <= tol)) this.fail(path, `must be unitary (max |U^dag U - I| = ${dev.toExponential(3)} > tol ${tol.toExponential(3)})`);
    return u;
  }
}

/** Parse and validate the instance JSON text. `fn` prefixes every error (`eval: ...`). */
export function parseInstanceText(text: string, fn = 'eval'): ParsedInstance {
  if (text.length > INSTANCE_LIMITS.maxInputBytes) {
    throw new QnnInputError(fn, 'input', `is larger than ${INSTANCE_LIMITS.maxInputBytes / 2 ** 20} MiB`);
  }
  if (text.trim() === '') throw new QnnInputError(fn, 'input', 'is empty (expected an instance JSON object)');
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    throw new QnnInputError(fn, 'input', `is not valid JSON (${oneLine((e as Error).message, 160)})`);
  }
  return parseInstance(obj, fn);
}

/** Validate an already-parsed JSON value and build the instance. */
export function parseInstance(obj: unknown, fn = 'eval'): ParsedInstance {
  const P = new Parser(fn);
  const o = P.object(obj, 'input', TOP_LEVEL_KEYS);
  const L = INSTANCE_LIMITS;
  const d = P.int(o.d, 'd', 1, L.maxD);
  const p = P.int(o.p, 'p', 1, Math.max(1, Math.floor(L.maxPD2 / (d * d))));
  const m = P.int(o.m, 'm', 1, Math.min(L.maxM, Math.floor(L.maxMD2 / (d * d))));
  const gamma = o.gamma === undefined ? 1 : P.number(o.gamma, 'gamma');
  if (!(gamma > 0)) P.fail('gamma', `must be > 0 (got ${gamma})`);

  const hasH = o.H !== undefined, hasList = o.H_list !== undefined;
  if (hasH && hasList) P.fail('H, H_list', 'are both given: give exactly one ("H" for a periodic ansatz, "H_list" for Line (1))');
  if (!hasH && !hasList) P.fail('H', 'is missing (give "H" for a periodic ansatz or "H_list" for a general Line (1) ansatz)');

  const ua = P.array(o.unitaries, 'unitaries', p + 1, `p + 1 = ${p + 1}`);
  const unitaries = ua.map((u, l) => P.unitary(u, `unitaries[${l}]`, d));

  let ansatz: Ansatz;
  if (hasH) {
    const h = P.generator(o.H, 'H', d, true);
    ansatz = periodicAnsatz(unitaries, h);
  } else {
    const la = P.array(o.H_list, 'H_list', p, `p = ${p}`);
    const gens = la.map((h, l) => P.generator(h, `H_list[${l}]`, d, false));
    ansatz = lineAnsatz(unitaries, gens);
  }

  let M0: CMat;
  if (o.M0 !== undefined) {
    M0 = P.square(o.M0, 'M0', d);
    P.hermitian(M0, 'M0');
  } else {
    if (d % 2 !== 0) P.fail('M0', `is required when d is odd (the default gamma diag(+1 x d/2, -1 x d/2) needs even d; got d = ${d})`);
    M0 = pmOneMeasurement(d, gamma);
  }

  const states = P.matrix(o.states, 'states', m, d, `m = ${m} rows`, `d = ${d} columns`);
  const g = gramRows(states);
  const tol = stateTolerance(d);
  for (let j = 0; j < m; j++) {
    const n2 = g.re[j * m + j];
    if (!(Math.abs(n2 - 1) <= tol)) P.fail(`states[${j}]`, `must have unit norm (|v|^2 = ${n2}, tol ${tol.toExponential(2)})`);
  }
  const labels = P.vector(o.labels, 'labels', m, `m = ${m}`);
  const theta = P.vector(o.theta, 'theta', p, `p = ${p}`);

  const instance = makeInstance(ansatz, M0, states, labels, { gamma });
  return { instance, theta, periodic: hasH, gamma };
}

/** A complex matrix as {"re", "im"} nested arrays. */
export function matrixToJson(a: CMat): MatrixJson {
  const re: number[][] = [], im: number[][] = [];
  for (let i = 0; i < a.rows; i++) {
    re.push(Array.from(a.re.subarray(i * a.cols, (i + 1) * a.cols)));
    im.push(Array.from(a.im.subarray(i * a.cols, (i + 1) * a.cols)));
  }
  return { re, im };
}

function isRealDiagonal(a: CMat): boolean {
  const n = a.rows;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const k = i * n + j;
      if (a.im[k] !== 0 || (i !== j && a.re[k] !== 0)) return false;
    }
  }
  return true;
}

function generatorToJson(h: CMat): GeneratorJson {
  if (!isRealDiagonal(h)) return matrixToJson(h);
  return { diag: Array.from({ length: h.rows }, (_, i) => h.re[i * h.rows + i]) };
}

function sameMatrix(a: CMat, b: CMat): boolean {
  if (a.rows !== b.rows || a.cols !== b.cols) return false;
  for (let i = 0; i < a.re.length; i++) if (a.re[i] !== b.re[i] || a.im[i] !== b.im[i]) return false;
  return true;
}

/** The JSON object of an instance at theta. M0 is omitted when it equals the default gamma diag(+1, ..., -1). */
export function instanceToJson(inst: QnnInstance, theta: ArrayLike<number>): InstanceJson {
  const { ansatz } = inst;
  const { d, p } = ansatz;
  const gamma = inst.gamma ?? 1;
  const out: InstanceJson = {
    d, m: inst.states.rows, p, gamma,
    states: matrixToJson(inst.states),
    labels: Array.from(inst.labels),
    unitaries: ansatz.unitaries.map(matrixToJson),
    theta: Array.from(theta),
  };
  if (ansatz.periodicGenerator) out.H = generatorToJson(ansatz.periodicGenerator);
  else out.H_list = ansatz.generators.map(generatorToJson);
  const isDefault = d % 2 === 0 && gamma > 0 && sameMatrix(inst.M0, pmOneMeasurement(d, gamma));
  if (!isDefault) out.M0 = matrixToJson(inst.M0);
  // fixed key order, independent of how `out` was filled
  const ordered: Record<string, unknown> = {};
  for (const k of TOP_LEVEL_KEYS) if ((out as unknown as Record<string, unknown>)[k] !== undefined) ordered[k] = (out as unknown as Record<string, unknown>)[k];
  return ordered as unknown as InstanceJson;
}

/**
 * Deterministic JSON text: one top-level key per line, each value compact (shortest
 * round-trip number formatting, so parsing the text gives back the identical doubles).
 */
export function formatJson(obj: Record<string, unknown>): string {
  const lines = Object.entries(obj)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

export function serialiseInstance(inst: QnnInstance, theta: ArrayLike<number>): string {
  return formatJson(instanceToJson(inst, theta) as unknown as Record<string, unknown>);
}
