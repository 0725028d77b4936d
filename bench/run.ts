/**
 * Micro-benchmarks (npm run bench): median wall time per call, after warm-up, of
 *  - one loss + adjoint gradient (lossAndGradientFast on a compiled appendix-D instance),
 *    (d, p, m) = (32, 80, 4), (64, 80, 4), (128, 80, 4);    target: <= 2.5 ms at (64, 80, 4)
 *  - one Hermitian eigendecomposition (eigh, GUE input), d = 64, 128, 256;   target: <= 30 ms at d = 128
 *  - one right-hand side of the asymptotic dynamics (asymptoticRhs), d = 64, 256, m = 4;
 *    target: growing ~ d^2.
 * Calls are timed in batches (a batch lasts >= MIN_BATCH_MS, so timer resolution is
 * irrelevant); the median is over the batch means. Prints a table and writes
 * report/bench.json (array of {case, params, medianMs, reps}, reps = calls timed) atomically.
 *
 * Options: --quick (fewer repetitions), --out FILE.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { eigh } from '../src/linalg/eigh.ts';
import { compile, lossAndGradientFast } from '../src/model/compiled.ts';
import { parameterizedMeasurement } from '../src/model/qnn.ts';
import { appendixDInstance } from '../src/model/scenarios.ts';
import { asymptoticRhs } from '../src/dynamics/asymptotic.ts';
import { gue } from '../src/random/ensembles.ts';
import { makeRng } from '../src/random/rng.ts';

export interface BenchRecord {
  case: string;
  params: Record<string, number>;
  medianMs: number;
  reps: number;
}

const { values: opts } = parseArgs({
  args: process.argv.slice(2),
  options: { quick: { type: 'boolean' }, out: { type: 'string' } },
  strict: true,
});
const QUICK = opts.quick === true;
const MIN_BATCH_MS = 2;
const MIN_BATCHES = QUICK ? 7 : 21;
const MIN_TOTAL_MS = QUICK ? 150 : 1000;
const WARMUP_MS = QUICK ? 50 : 300;

let sink = 0; // keeps results alive

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

/** Median ms per call of f, over batches of calls. */
function measure(f: () => number): { medianMs: number; reps: number } {
  // warm-up (JIT), and calibrate the batch size
  let calls = 0;
  const w0 = performance.now();
  while (performance.now() - w0 < WARMUP_MS || calls < 3) { sink += f(); calls++; }
  const perCall = (performance.now() - w0) / calls;
  const batch = Math.max(1, Math.ceil(MIN_BATCH_MS / perCall));
  const means: number[] = [];
  const t0 = performance.now();
  while (means.length < MIN_BATCHES || performance.now() - t0 < MIN_TOTAL_MS) {
    const b0 = performance.now();
    for (let i = 0; i < batch; i++) sink += f();
    means.push((performance.now() - b0) / batch);
  }
  return { medianMs: median(means), reps: means.length * batch };
}

const records: BenchRecord[] = [];
const targets: Record<string, string> = {};

function run(name: string, params: Record<string, number>, f: () => number, target?: string): void {
  const r = measure(f);
  records.push({ case: name, params, medianMs: r.medianMs, reps: r.reps });
  if (target) targets[key(name, params)] = target;
  process.stderr.write(`  ${name} ${JSON.stringify(params)}: ${fmtMs(r.medianMs)} ms\n`);
}

const key = (name: string, params: Record<string, number>) => `${name} ${JSON.stringify(params)}`;
const fmtMs = (x: number) => (x >= 100 ? x.toFixed(1) : x >= 1 ? x.toFixed(3) : x.toPrecision(3));

// 0. machine calibration: a plain dot product of 2^20 doubles with 4 accumulators (about 2^20
// multiply-adds), so the numbers below can be compared across machines / loads.
{
  const n = 2 ** 20;
  const r = makeRng('bench-calibration');
  const a = Float64Array.from({ length: n }, () => r.uniform()), b = Float64Array.from({ length: n }, () => r.uniform());
  run('calibration:dot', { n }, () => {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let i = 0; i < n; i += 4) {
      s0 += a[i] * b[i]; s1 += a[i + 1] * b[i + 1]; s2 += a[i + 2] * b[i + 2]; s3 += a[i + 3] * b[i + 3];
    }
    return s0 + s1 + s2 + s3;
  });
}

// 1. gradient
for (const d of [32, 64, 128]) {
  const p = 80, m = 4;
  const { instance } = appendixDInstance(makeRng(`bench-grad-${d}`), { d, m, p });
  const c = compile(instance);
  const rng = makeRng(`bench-theta-${d}`);
  const theta = Float64Array.from({ length: p }, () => 2 * Math.PI * rng.uniform());
  run('gradient', { d, p, m }, () => lossAndGradientFast(c, theta).loss, d === 64 ? '<= 2.5 ms' : undefined);
}

// 2. eigh
for (const d of [64, 128, 256]) {
  const a = gue(makeRng(`bench-eigh-${d}`), d);
  run('eigh', { d }, () => eigh(a).values[0], d === 128 ? '<= 30 ms' : undefined);
}

// 3. asymptotic right-hand side
for (const d of [64, 256]) {
  const m = 4;
  const { instance } = appendixDInstance(makeRng(`bench-rhs-${d}`), { d, m, p: 2 });
  const M = parameterizedMeasurement(instance, [0.3, -0.7]);
  run('asymptoticRhs', { d, m }, () => asymptoticRhs(M, instance.states, instance.labels).re[0], '~ d^2');
}

// table
const rows = records.map((r) => [r.case, Object.entries(r.params).map(([k, v]) => `${k}=${v}`).join(' '), fmtMs(r.medianMs), String(r.reps), targets[key(r.case, r.params)] ?? '']);
const rhs = records.filter((r) => r.case === 'asymptoticRhs');
if (rhs.length === 2) {
  const ratio = rhs[1].medianMs / rhs[0].medianMs, dRatio = rhs[1].params.d / rhs[0].params.d;
  rows[records.indexOf(rhs[1])][4] = `~ d^2: x${ratio.toFixed(1)} for d x${dRatio} (d^2: x${dRatio ** 2}, exponent ${(Math.log(ratio) / Math.log(dRatio)).toFixed(2)})`;
}
const header = ['case', 'params', 'median ms', 'reps', 'target'];
const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
const line = (r: string[]) => r.map((c, k) => (k === 2 || k === 3 ? c.padStart(widths[k]) : c.padEnd(widths[k]))).join('  ').trimEnd();
const cal = records.find((r) => r.case === 'calibration:dot');
process.stdout.write(`node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
if (cal) process.stdout.write(`calibration: ${((cal.medianMs * 1e6) / cal.params.n).toFixed(3)} ns per multiply-add in a plain JS dot product\n`);
process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);

// atomic write
const out = opts.out ?? join('report', 'bench.json');
mkdirSync(dirname(out), { recursive: true });
const tmp = `${out}.${process.pid}.tmp`;
writeFileSync(tmp, `${JSON.stringify(records, null, 2)}\n`);
renameSync(tmp, out);
process.stdout.write(`wrote ${out}${sink === 0.123456789 ? ' ' : ''}\n`);
