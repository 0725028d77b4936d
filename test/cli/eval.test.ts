/**
 * `qnn-verify sample` / `qnn-verify eval` (src/cli/instance-commands.ts, src/io/instance-json.ts).
 *
 * The CLI is spawned a handful of times (in parallel): sample twice (byte-identical output),
 * eval of the sample through stdin, eval of an exact hand-built instance, five malformed
 * inputs and an unknown flag. Everything else (finite differences, the bulk of the malformed
 * inputs) calls the same library functions in-process; ||Y - Y*||_op itself is tested in
 * test/model/delta.test.ts, the Lanczos solver in test/linalg/lanczos.test.ts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { QnnInputError } from '../../src/errors.ts';
import { compile, predictFast } from '../../src/model/compiled.ts';
import { kernelAsymFast } from '../../src/dynamics/asymptotic.ts';
import { zFactor } from '../../src/model/kernels.ts';
import { parameterizedMeasurement } from '../../src/model/qnn.ts';
import { appendixDInstance, lineInstance } from '../../src/model/scenarios.ts';
import { makeRng } from '../../src/random/rng.ts';
import { evaluateInstance, type EvalResult } from '../../src/cli/instance-commands.ts';
import { instanceToJson, parseInstanceText, serialiseInstance, type InstanceJson } from '../../src/io/instance-json.ts';

const CWD = join(import.meta.dirname, '..', '..');

interface Run { status: number | null; stdout: string; stderr: string }

function cli(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: CWD, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

function flat(x: unknown): number[] {
  if (typeof x === 'number') return [x];
  if (Array.isArray(x)) return x.flatMap(flat);
  return [];
}

function maxRelDiff(a: number[][] | number[], b: number[][] | number[]): number {
  const fa = flat(a), fb = flat(b);
  expect(fa.length).toBe(fb.length);
  const scale = Math.max(1e-300, ...fa.map(Math.abs), ...fb.map(Math.abs));
  return Math.max(0, ...fa.map((x, i) => Math.abs(x - fb[i]))) / scale;
}

const R2 = Math.SQRT1_2;
const real = (re: number[][]) => ({ re, im: re.map((r) => r.map(() => 0)) });
const I2 = real([[1, 0], [0, 1]]);

/** d = 2, p = 1, U_0 = U_1 = I, M0 = Z, one state |+>, label 1. */
function exactJson(H: { re: number[][]; im: number[][] }, theta: number): InstanceJson {
  return {
    d: 2, m: 1, p: 1, gamma: 1,
    states: real([[R2, R2]]), labels: [1], H, M0: real([[1, 0], [0, -1]]),
    unitaries: [I2, I2], theta: [theta],
  };
}
const PAULI_X = real([[0, 1], [1, 0]]);
const PAULI_Y = { re: [[0, 0], [0, 0]], im: [[0, -1], [1, 0]] };

/** Expectation of one malformed input: QnnInputError, one line, naming `field`. */
function expectRefused(text: string, field: string | RegExp): string {
  let err: unknown;
  try {
    evaluateInstance(parseInstanceText(text));
  } catch (e) {
    err = e;
  }
  expect(err, `accepted: ${text.slice(0, 80)}`).toBeInstanceOf(QnnInputError);
  const msg = (err as Error).message;
  expect(msg).not.toMatch(/\n/);
  expect(msg.startsWith('eval: ')).toBe(true);
  if (typeof field === 'string') expect(msg).toContain(field);
  else expect(msg).toMatch(field);
  return msg;
}

function expectCliRefusal(r: Run, field: string): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines.length, r.stderr).toBe(1);
  expect(lines[0]).toMatch(/^qnn-verify: eval: /);
  expect(lines[0]).toContain(field);
  expect(r.stderr).not.toMatch(/\bat .*[:(]/);
  expect(r.stderr).not.toMatch(/NaN/);
}

let sampleText = '';
const runs: Record<string, Run> = {};
let tmp = '';

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'qnn-eval-'));
  const [s1, s2] = await Promise.all([
    cli(['sample', '--d', '16', '--m', '4', '--p', '40', '--seed', '7']),
    cli(['sample', '--d', '16', '--m', '4', '--p', '40', '--seed', '7']),
  ]);
  runs.sample1 = s1;
  runs.sample2 = s2;
  sampleText = s1.stdout;
  const good = JSON.parse(sampleText) as InstanceJson;
  const nonUnitary = structuredClone(good);
  nonUnitary.unitaries[3].re[0][0] += 0.03;
  const noLabels: Partial<InstanceJson> = structuredClone(good);
  delete noLabels.labels;
  const exactFile = join(tmp, 'exact.json');
  writeFileSync(exactFile, JSON.stringify(exactJson(PAULI_Y, Math.PI / 8)));
  const badFile = join(tmp, 'non-unitary.json');
  writeFileSync(badFile, JSON.stringify(nonUnitary));
  const infinite = sampleText.replace('"theta": [0,', '"theta": [1e999,');
  const hugeD = JSON.stringify({ ...good, d: 100000 });
  const entries: [string, string[], string?][] = [
    ['roundtrip', ['eval', '-'], sampleText],
    ['exact', ['eval', exactFile]],
    ['badJson', ['eval', '-'], '{"d": 2,\n "m": ]'],
    ['nonUnitary', ['eval', badFile]],
    ['missing', ['eval', '-'], JSON.stringify(noLabels)],
    ['infinite', ['eval', '-'], infinite],
    ['hugeD', ['eval', '-'], hugeD],
    ['unknownFlag', ['eval', '--frobnicate', exactFile]],
  ];
  const out = await Promise.all(entries.map(([, args, input]) => cli(args, input)));
  entries.forEach(([name], k) => { runs[name] = out[k]; });
}, 60_000);

describe('sample', () => {
  it('prints a valid appendix-D instance; the same seed gives byte-identical output', () => {
    expect(runs.sample1.status, runs.sample1.stderr).toBe(0);
    expect(runs.sample1.stderr).toBe('');
    expect(runs.sample2.stdout).toBe(runs.sample1.stdout);
    // larger than a pipe buffer: the output must not be cut off by main's process.exit
    expect(sampleText.length).toBeGreaterThan(4 * 65536);
    const o = JSON.parse(sampleText) as InstanceJson;
    expect(o.d).toBe(16);
    expect(o.m).toBe(4);
    expect(o.p).toBe(40);
    expect(o.theta).toEqual(new Array(40).fill(0));
    expect(o.H).toHaveProperty('diag');
    expect(o.unitaries).toHaveLength(41);
    expect(o.M0).toBeUndefined();
    expect(flat(o).every(Number.isFinite)).toBe(true);
    // parse -> serialise reproduces the text exactly
    const parsed = parseInstanceText(sampleText);
    expect(serialiseInstance(parsed.instance, parsed.theta)).toBe(sampleText);
  });
});

describe('eval (spawned)', () => {
  it('sample -> eval round trip: valid JSON, all fields, finite numbers, agrees with the in-process evaluation', () => {
    const r = runs.roundtrip;
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const o = JSON.parse(r.stdout) as EvalResult;
    for (const k of ['predictions', 'residuals', 'loss', 'gradient', 'K', 'Kasym', 'spectrum', 'eta', 'Kpert', 'deltaOpNorm']) {
      expect(o).toHaveProperty(k);
    }
    expect(r.stdout).not.toMatch(/NaN|null|Infinity/);
    expect(flat(o).every(Number.isFinite)).toBe(true);
    expect(o.predictions).toHaveLength(4);
    expect(o.gradient).toHaveLength(40);
    expect(o.K).toHaveLength(4);
    expect(o.spectrum).toHaveLength(16);
    // spectrum of M(theta) = spectrum of M0 = +-1
    for (const [k, s] of o.spectrum.entries()) expect(Math.abs(s - (k < 8 ? -1 : 1))).toBeLessThan(1e-13);
    expect(JSON.stringify(o)).toBe(JSON.stringify(evaluateInstance(parseInstanceText(sampleText))));
  });

  it('exact case: d = 2, H = Y, M0 = Z, |+>, theta = pi/8', () => {
    // M(theta) = e^{i theta Y} Z e^{-i theta Y} = cos(2 theta) Z - sin(2 theta) X, so on |+>
    // yhat = -sin(2 theta) = -1/sqrt2, dyhat/dtheta = -2 cos(2 theta) = -sqrt2 = tr(i[M, rho] H_1),
    // K = 2, i[M, rho] = -Y/sqrt2 so K_asym = tr(Y^2)/2 = 1; Z = tr(Y^2)/3 = 2/3, eta = 3/2,
    // K_pert = K/(pZ) - K_asym = 2; Delta = YY - (XX + ZZ)/2 has Bell eigenvalues -2, 1, 1, 0.
    const r = runs.exact;
    expect(r.status, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout) as EvalResult;
    const yhat = -R2;
    const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-14);
    close(o.predictions[0], yhat);
    close(o.residuals[0], 1 - yhat);
    close(o.loss, (1 - yhat) ** 2 / 2);
    close(o.gradient[0], (yhat - 1) * -Math.SQRT2); // = 1 + sqrt2
    close(o.K[0][0], 2);
    close(o.Kasym[0][0], 1);
    close(o.Kpert![0][0], 2);
    close(o.eta!, 1.5);
    close(o.deltaOpNorm!, 2);
    close(o.spectrum[0], -1);
    close(o.spectrum[1], 1);
  });

  it('malformed input: exit 2, exactly one stderr line naming the field, no stack trace', () => {
    expectCliRefusal(runs.badJson, 'input is not valid JSON');
    expectCliRefusal(runs.nonUnitary, 'unitaries[3] must be unitary (max |U^dag U - I| = ');
    expectCliRefusal(runs.missing, 'labels is missing');
    expectCliRefusal(runs.infinite, 'theta[0] must be finite');
    expectCliRefusal(runs.hugeD, 'd must be <= 128');
  });

  it('unknown flag: exit 2, no stack trace', () => {
    const r = runs.unknownFlag;
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^qnn-verify: .*frobnicate/);
    expect(r.stderr).not.toMatch(/\bat .*[:(]/);
  });
});

describe('eval (in-process)', () => {
  it('exact case of the brief: d = 2, H = X, M0 = Z, |+>, theta = pi/4', () => {
    // M = cos(2 theta) Z + sin(2 theta) Y = Y at pi/4: yhat = <+|Y|+> = 0 for every theta, so the
    // gradient and K vanish; i[M, rho] = i[Y, (I + X)/2] = Z, K_asym = tr(Z^2) = 2, K_pert = 0 - 2,
    // Delta = XX - (YY + ZZ)/2 has Bell eigenvalues 1, -2, 1, 0.
    const o = evaluateInstance(parseInstanceText(JSON.stringify(exactJson(PAULI_X, Math.PI / 4))));
    const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-14);
    close(o.predictions[0], 0);
    close(o.residuals[0], 1);
    close(o.loss, 0.5);
    close(o.gradient[0], 0);
    close(o.K[0][0], 0);
    close(o.Kasym[0][0], 2);
    close(o.Kpert![0][0], -2);
    close(o.eta!, 1.5);
    close(o.deltaOpNorm!, 2);
    expect(o.spectrum.map((s) => Math.round(s * 1e12) / 1e12)).toEqual([-1, 1]);
  });

  // A periodic (sample) instance at a random theta and a general Line (1) instance.
  function fdCases(): { name: string; json: InstanceJson }[] {
    const rng = makeRng(11);
    const { instance: pi } = appendixDInstance(makeRng(13), { d: 8, m: 4, p: 6 });
    const base = instanceToJson(pi, Array.from({ length: 6 }, () => 2 * Math.PI * rng.uniform()));
    const { instance, theta0 } = lineInstance(makeRng(12), { d: 6, m: 3, p: 5 });
    return [{ name: 'periodic d=8', json: base }, { name: 'line d=6', json: instanceToJson(instance, theta0) }];
  }

  it('gradient = central finite differences of the loss; K = J J^T with J the finite-difference Jacobian', () => {
    for (const { name, json } of fdCases()) {
      const o = evaluateInstance(parseInstanceText(JSON.stringify(json)));
      const p = json.p, m = json.m, h = 1e-5;
      const J: number[][] = Array.from({ length: m }, () => new Array<number>(p).fill(0));
      const fd: number[] = [];
      for (let l = 0; l < p; l++) {
        const at = (s: number) => {
          const j = { ...json, theta: json.theta.map((t, k) => (k === l ? t + s * h : t)) };
          return evaluateInstance(parseInstanceText(JSON.stringify(j)));
        };
        const plus = at(1), minus = at(-1);
        fd.push((plus.loss - minus.loss) / (2 * h));
        for (let j = 0; j < m; j++) J[j][l] = (plus.predictions[j] - minus.predictions[j]) / (2 * h);
      }
      expect(maxRelDiff(o.gradient, fd), name).toBeLessThan(1e-8);
      const JJt = J.map((ri) => J.map((rj) => ri.reduce((s, x, l) => s + x * rj[l], 0)));
      expect(maxRelDiff(o.K, JJt), name).toBeLessThan(1e-8);
    }
  });

  it('cross-checks: K/(pZ) = K_asym + K_pert (Lemma 4.1), K_asym and predictions by independent routes', () => {
    const json = fdCases()[0].json;
    const parsed = parseInstanceText(JSON.stringify(json));
    const o = evaluateInstance(parsed);
    const { instance, theta } = parsed;
    const z = zFactor(instance.ansatz.periodicGenerator!);
    const lhs = o.K.map((r) => r.map((x) => x / (json.p * z)));
    const rhs = o.Kasym.map((r, i) => r.map((x, j) => x + o.Kpert![i][j]));
    expect(maxRelDiff(lhs, rhs)).toBeLessThan(1e-12);
    expect(o.eta).toBeCloseTo((json.m * (json.d ** 2 - 1)) / (json.p * json.d * (json.d - 1 / json.d)), 12);
    const ka = kernelAsymFast(parameterizedMeasurement(instance, theta), instance.states);
    expect(maxRelDiff(o.Kasym, Array.from({ length: json.m }, (_, i) => Array.from(ka.re.subarray(i * json.m, (i + 1) * json.m))))).toBeLessThan(1e-12);
    expect(maxRelDiff(o.predictions, Array.from(predictFast(compile(instance), theta)))).toBeLessThan(1e-12);
    for (let j = 0; j < json.m; j++) expect(o.residuals[j]).toBeCloseTo(json.labels[j] - o.predictions[j], 15);
  });

  it('line ansatz: no eta / Kpert / deltaOpNorm', () => {
    const o = evaluateInstance(parseInstanceText(JSON.stringify(fdCases()[1].json)));
    expect(o.eta).toBeUndefined();
    expect(o.Kpert).toBeUndefined();
    expect(o.deltaOpNorm).toBeUndefined();
  });
});

describe('malformed input (library)', () => {
  const good = (): Record<string, unknown> => JSON.parse(JSON.stringify(exactJson(PAULI_X, 0.3))) as Record<string, unknown>;
  const mut = (f: (o: any) => void): string => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const o = good();
    f(o);
    return JSON.stringify(o);
  };
  it('the base case is accepted', () => {
    expect(() => evaluateInstance(parseInstanceText(mut(() => {})))).not.toThrow();
  });
  const cases: [string, () => string, string | RegExp][] = [
    ['bad JSON', () => '{"d": 2, "m": 1,', 'input is not valid JSON'],
    ['empty input', () => '  \n', 'input is empty'],
    ['top level not an object', () => '[1, 2]', 'input must be a JSON object'],
    ['missing theta', () => mut((o) => { delete o.theta; }), 'theta is missing'],
    ['missing states', () => mut((o) => { delete o.states; }), 'states is missing'],
    ['missing H and H_list', () => mut((o) => { delete o.H; }), 'H is missing'],
    ['both H and H_list', () => mut((o) => { o.H_list = [o.H]; }), 'H, H_list are both given'],
    ['unknown field', () => mut((o) => { o.thetta = [0]; }), 'field "thetta" is not recognised'],
    ['unknown matrix key', () => mut((o) => { o.M0.Im = o.M0.im; }), 'field "Im" is not recognised in M0'],
    ['d = 0', () => mut((o) => { o.d = 0; }), 'd must be an integer >= 1 (got 0)'],
    ['d not an integer', () => mut((o) => { o.d = 2.5; }), 'd must be an integer'],
    ['d a string', () => mut((o) => { o.d = '2'; }), 'd must be a number (got a string'],
    ['p = 0', () => mut((o) => { o.p = 0; }), 'p must be an integer >= 1 (got 0)'],
    ['p d^2 storage too large', () => mut((o) => { o.p = 5_000_000; }), /p must be <= \d+ .*exhaust memory/],
    ['d too large', () => mut((o) => { o.d = 4096; }), 'd must be <= 128'],
    ['theta wrong length', () => mut((o) => { o.theta = [0, 1]; }), 'theta has length 2, expected p = 1'],
    ['theta entry a string', () => mut((o) => { o.theta = ['0.3']; }), 'theta[0] must be a number'],
    ['theta entry null (NaN serialised)', () => mut((o) => { o.theta = [null]; }), 'theta[0] must be a number (got null)'],
    ['Infinity in states', () => mut((o) => { o.states.re[0][0] = 0; }).replace('"re":[[0,', '"re":[[1e999,'), 'states.re[0][0] must be finite (got Infinity)'],
    ['NaN literal', () => mut(() => {}).replace('"labels":[1]', '"labels":[NaN]'), 'input is not valid JSON'],
    ['labels wrong length', () => mut((o) => { o.labels = [1, -1]; }), 'labels has length 2, expected m = 1'],
    ['states ragged row', () => mut((o) => { o.states.re[0] = [R2]; }), 'states.re[0] has length 1, expected d = 2 columns'],
    ['states wrong row count', () => mut((o) => { o.m = 2; o.labels = [1, 1]; }), 'states.re has length 1, expected m = 2 rows'],
    ['states im wrong shape', () => mut((o) => { o.states.im = [[0, 0, 0]]; }), 'states.im[0] has length 3'],
    ['unnormalised state', () => mut((o) => { o.states.re[0] = [0.7, 0.7]; }), /states\[0\] must have unit norm/],
    ['unitaries wrong count', () => mut((o) => { o.unitaries.pop(); }), 'unitaries has length 1, expected p + 1 = 2'],
    ['non-unitary U_1', () => mut((o) => { o.unitaries[1].re[0][1] = 0.1; }), /unitaries\[1\] must be unitary \(max \|U\^dag U - I\| = 1\.00\de-1/],
    ['unitary of wrong size', () => mut((o) => { o.unitaries[0] = real([[1]]); }), 'unitaries[0].re has length 1, expected d = 2 rows'],
    ['non-Hermitian H', () => mut((o) => { o.H.re[0][1] = 0.5; }), 'H must be Hermitian'],
    ['H with trace', () => mut((o) => { o.H = { diag: [1, 0.5] }; }), 'H must be trace-0'],
    ['H zero', () => mut((o) => { o.H = { diag: [0, 0] }; }), 'H must be non-zero'],
    ['H diag wrong length', () => mut((o) => { o.H = { diag: [1, -1, 0] }; }), 'H.diag has length 3, expected d = 2'],
    ['non-Hermitian H_list entry', () => mut((o) => { o.H_list = [{ re: [[0, 1], [0, 0]] }]; delete o.H; }), 'H_list[0] must be Hermitian'],
    ['H_list wrong length', () => mut((o) => { o.H_list = [o.H, o.H]; delete o.H; }), 'H_list has length 2, expected p = 1'],
    ['non-Hermitian M0', () => mut((o) => { o.M0.im[0][1] = 0.2; }), 'M0 must be Hermitian'],
    ['M0 null', () => mut((o) => { o.M0 = null; }), 'M0 must be a JSON object (got null)'],
    ['odd d without M0', () => JSON.stringify({
      d: 3, m: 1, p: 1, states: real([[1, 0, 0]]), labels: [1], H: { diag: [1, -1, 0] },
      unitaries: [real([[1, 0, 0], [0, 1, 0], [0, 0, 1]]), real([[1, 0, 0], [0, 1, 0], [0, 0, 1]])], theta: [0],
    }), 'M0 is required when d is odd'],
    ['gamma negative', () => mut((o) => { o.gamma = -1; }), 'gamma must be > 0'],
    ['overflowing results', () => mut((o) => { o.M0 = real([[1e200, 0], [0, -1e200]]); }), /input gives a non-finite (loss|K)/],
  ];
  it.each(cases)('%s', (_name, text, field) => {
    expectRefused(text(), field);
  });
  it(`has at least 15 cases (${cases.length})`, () => expect(cases.length).toBeGreaterThanOrEqual(15));
});
