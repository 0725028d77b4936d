/**
 * "Think like a bug": hand-made simulator bugs, each a small source transformation applied to a
 * COPY of the tree (node_modules symlinked; the working tree is never modified). For each bug the
 * claim specs and the simulator tests run in the copy; a bug is caught when at
 * least one test that passes on the unmodified copy fails on the mutated one.
 *
 *   npx tsx scripts/bug-table.ts [--only id,id] [--keep] [--budget quick|default|full] [--seeds N] [--from S]
 * Budget `default` (the claims' CI budget) unless --budget says otherwise; seeds S, S+1, ..., S+N-1 (QNN_SEED;
 * S = 20230723 by default). For each bug: caught (any test fails) and caught by a claim (a claim spec fails).
 *
 * Writes report/bug-table.md (atomically) and prints it. Exit 0 when every bug is caught, 1 otherwise.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const COPY = ['src', 'theorems', 'properties', 'test', 'bin', 'scripts', 'package.json', 'tsconfig.json', 'vitest.config.ts'];
/** Edits of the WebAssembly generator are followed by a rebuild of src/wasm/kernels.wasm in the copy. */
const WASM_SOURCE = 'scripts/wasm-source.ts';
const TEST_DIRS = ['test/claims', 'test/model', 'test/random', 'test/integrate'];

interface Edit { file: string; from: string; to: string }
interface Bug { id: string; description: string; edits: Edit[] }

export const bugs: Bug[] = [
  {
    id: 'transpose-for-adjoint',
    description: 'H_l = B^T H B instead of B^dag H B (layerGenerators, ansatz.ts)',
    edits: [
      { file: 'src/model/ansatz.ts', from: 'import { adjoint, CMat, EPS, identity, matmul, unitaryDeviation }', to: 'import { adjoint, transpose, CMat, EPS, identity, matmul, unitaryDeviation }' },
      { file: 'src/model/ansatz.ts', from: 'out.push(matmul(adjoint(b), matmul(h, b)));', to: 'out.push(matmul(transpose(b), matmul(h, b)));' },
    ],
  },
  {
    id: 'transpose-in-M(theta)',
    description: 'M(theta) = U^T M0 U instead of U^dag M0 U (parameterizedMeasurement, qnn.ts)',
    edits: [
      { file: 'src/model/qnn.ts', from: 'import { adjoint, CMat,', to: 'import { adjoint, transpose, CMat,' },
      { file: 'src/model/qnn.ts', from: 'return matmul(adjoint(u), matmul(inst.M0, u));', to: 'return matmul(transpose(u), matmul(inst.M0, u));' },
    ],
  },
  {
    id: 'commutator-half',
    description: 'lost factor 2: commutatorWithState returns i[M, rho]/2 (kernels.ts)',
    edits: [
      { file: 'src/model/kernels.ts', from: 'out.re[a * d + b] = -xi; // i * (xr + i xi)\n      out.im[a * d + b] = xr;', to: 'out.re[a * d + b] = -xi / 2;\n      out.im[a * d + b] = xr / 2;' },
    ],
  },
  {
    id: 'commutator-one-sided',
    description: 'commutatorWithState returns i M rho (the rho M term dropped, kernels.ts)',
    edits: [
      { file: 'src/model/kernels.ts', from: '- (v.re[a] * mv.re[b] + v.im[a] * mv.im[b]);', to: ';' },
      { file: 'src/model/kernels.ts', from: '- (v.im[a] * mv.re[b] - v.re[a] * mv.im[b]);', to: ';' },
    ],
  },
  {
    id: 'phase-sign-fast',
    description: 'e^{+i theta H} in the fast state-vector route (phases, compiled.ts)',
    edits: [
      { file: 'src/model/compiled.ts', from: 'su[u] = -Math.sin(t * values[u]);', to: 'su[u] = Math.sin(t * values[u]);' },
    ],
  },
  {
    id: 'adjoint-kernel-transpose',
    description: 'the WebAssembly adjoint kernel multiplies by A^T instead of A^dag (conjugation dropped; wasm-source.ts, rebuilt)',
    edits: [
      { file: WASM_SOURCE, from: '(${O}.add (${O}.mul ${v(`ar${u}`)} ${v(`xr${s}`)})', to: '(${O}.sub (${O}.mul ${v(`ar${u}`)} ${v(`xr${s}`)})' },
      { file: WASM_SOURCE, from: '(${O}.sub (${O}.mul ${v(`ar${u}`)} ${v(`xi${s}`)})', to: '(${O}.add (${O}.mul ${v(`ar${u}`)} ${v(`xi${s}`)})' },
    ],
  },
  {
    id: 'kernel-odd-column-dropped',
    description: 'the WebAssembly forward kernel drops the last column when d is odd (wasm-source.ts, rebuilt)',
    edits: [{ file: WASM_SOURCE, from: "(if (i32.and ${v('d')} (i32.const 1)) (then", to: '(if (i32.const 0) (then' }],
  },
  {
    id: 'phase-sign-expm',
    description: 'expmHermitian returns e^{+i t H} (expm.ts)',
    edits: [
      { file: 'src/linalg/expm.ts', from: 'const c = Math.cos(t * values[k]), s = -Math.sin(t * values[k]);', to: 'const c = Math.cos(t * values[k]), s = Math.sin(t * values[k]);' },
    ],
  },
  {
    id: 'layer-off-by-one',
    description: 'H_l conjugated by B_{l+1} instead of B_l (layer order off by one, layerGenerators)',
    edits: [
      {
        file: 'src/model/ansatz.ts',
        from: '    out.push(matmul(adjoint(b), matmul(h, b)));\n    b = matmul(ansatz.unitaries[l], matmul(expmHermitian(h, theta[l - 1]), b));',
        to: '    b = matmul(ansatz.unitaries[l], matmul(expmHermitian(h, theta[l - 1]), b));\n    out.push(matmul(adjoint(b), matmul(h, b)));',
      },
    ],
  },
  {
    id: 'theta-reversed',
    description: 'unitaryOf applies theta in reverse layer order (theta_{p+1-l} in layer l, ansatz.ts)',
    edits: [
      { file: 'src/model/ansatz.ts', from: 'u = matmul(expmHermitian(ansatz.generators[l - 1], theta[l - 1]), u);', to: 'u = matmul(expmHermitian(ansatz.generators[l - 1], theta[ansatz.p - l]), u);' },
    ],
  },
  {
    id: 'residual-swapped',
    description: 'r_j = yhat_j - y_j instead of y_j - yhat_j (residualsOf, qnn.ts)',
    edits: [{ file: 'src/model/qnn.ts', from: 'r[j] = labels[j] - yhat[j];', to: 'r[j] = yhat[j] - labels[j];' }],
  },
  {
    id: 'loss-no-half',
    description: 'L = (1/m) sum (yhat - y)^2, the 1/2 lost (lossOf, qnn.ts)',
    edits: [{ file: 'src/model/qnn.ts', from: 'return s / (2 * labels.length);', to: 'return s / labels.length;' }],
  },
  {
    id: 'haar-no-phase-fix',
    description: 'QR without the diagonal phase normalisation: Haar sampler not Haar (qr.ts)',
    edits: [
      { file: 'src/linalg/qr.ts', from: 'const tr = mag === 0 ? 1 : rdr[k] / mag, ti = mag === 0 ? 0 : rdi[k] / mag;', to: 'const tr = 1, ti = 0;' },
      { file: 'src/linalg/qr.ts', from: 'r.re[k * n + k] = mag;', to: 'r.re[k * n + k] = rdr[k]; r.im[k * n + k] = rdi[k];' },
    ],
  },
  {
    id: 'dopri5-always-accept',
    description: 'Dormand-Prince accepts every step whatever the error estimate (dopri5.ts)',
    edits: [{ file: 'src/integrate/dopri5.ts', from: 'if (err <= 1) {', to: 'if (err <= 1 || true) {' }],
  },
  {
    id: 'dopri5-no-error',
    description: 'Dormand-Prince error estimate dropped (err = 0: every step accepted and grown, dopri5.ts)',
    edits: [{ file: 'src/integrate/dopri5.ts', from: 'let err = n > 0 ? Math.sqrt(s / n) : 0;', to: 'let err = 0 * s;' }],
  },
  {
    id: 'kpert-sign',
    description: 'K_pert = tr((A_i (x) A_j)(Y + Y*)) instead of Y - Y* (kPert, kernels.ts)',
    edits: [{ file: 'src/model/kernels.ts', from: 'return s / (p * z) - (traceProduct(A[i], A[j]).re', to: 'return s / (p * z) + (traceProduct(A[i], A[j]).re' }],
  },
  // The three classes that once escaped the claims: a protocol constant, a fast route that agrees with its
  // reference only on orthonormal states, an integrator whose order drops.
  {
    id: 'lr-without-p',
    description: 'the figures train with lr = 1e-3 instead of appendix D\'s 1e-3/p (lrFor, curves.ts)',
    edits: [{ file: 'src/figures/curves.ts', from: 'return 1e-3 / p;', to: 'return 1e-3;' }],
  },
  {
    id: 'kasym-fast-orthonormal-only',
    description: 'kernelAsymFast takes v_j^dag v_i = delta_ij (exact only on orthonormal states; asymptotic.ts)',
    edits: [{ file: 'src/dynamics/asymptotic.ts', from: 'const val = 2 * (ar * br - ai * bi) - 2 * (cr * cr + ci * ci);', to: 'const val = 2 * (i === j ? ar : 0) - 2 * (cr * cr + ci * ci);' }],
  },
  {
    id: 'dopri5-stage-coefficient',
    description: 'Dormand-Prince tableau entry a32 = 9/41 instead of 9/40 (order drops; the error control still meets rtol with smaller steps; dopri5.ts)',
    edits: [{ file: 'src/integrate/dopri5.ts', from: 'A31 = 3 / 40, A32 = 9 / 40;', to: 'A31 = 3 / 40, A32 = 9 / 41;' }],
  },
  {
    id: 'cf4-weights-permuted',
    description: 'CF4 second exponential with weights (-1, 3, 2, 2)/12 instead of (-1, 2, 2, 3)/12 (consistent, lower order; asymptotic.ts)',
    edits: [{ file: 'src/dynamics/asymptotic.ts', from: 'second: Object.freeze([-1 / 12, 2 / 12, 2 / 12, 3 / 12]),', to: 'second: Object.freeze([-1 / 12, 3 / 12, 2 / 12, 2 / 12]),' }],
  },
];

interface RunResult { failed: string[]; passed: number; total: number; error?: string; seconds: number }

function runTests(dir: string, budget: string, seed: number): RunResult {
  const out = join(dir, 'vitest-result.json');
  rmSync(out, { force: true });
  const t0 = Date.now();
  const r = spawnSync('npx', ['vitest', 'run', ...TEST_DIRS, '--reporter=json', `--outputFile=${out}`], {
    cwd: dir,
    env: { ...process.env, QNN_BUDGET: budget, QNN_SEED: String(seed) },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const seconds = (Date.now() - t0) / 1000;
  if (!existsSync(out)) return { failed: [], passed: 0, total: 0, seconds, error: `no JSON report (exit ${r.status}): ${(r.stderr ?? '').slice(-400)}` };
  const j = JSON.parse(readFileSync(out, 'utf8')) as {
    numTotalTests: number; numPassedTests: number;
    testResults: { name: string; message?: string; status: string; assertionResults: { fullName: string; status: string }[] }[];
  };
  const failed: string[] = [];
  for (const f of j.testResults) {
    const file = f.name.slice(dir.length + 1);
    // A file that fails to load (e.g. a throw at import) has no assertion results.
    if (f.status === 'failed' && f.assertionResults.length === 0) failed.push(`${file}: (file failed: ${(f.message ?? '').split('\n')[0].slice(0, 120)})`);
    for (const a of f.assertionResults) if (a.status === 'failed') failed.push(`${file}: ${a.fullName}`);
  }
  return { failed, passed: j.numPassedTests, total: j.numTotalTests, seconds };
}

function rebuildWasm(dir: string): RunResult | undefined {
  const r = spawnSync('npx', ['tsx', WASM_SOURCE.replace('wasm-source', 'build-wasm')], { cwd: dir, encoding: 'utf8' });
  return r.status === 0 ? undefined : { failed: [], passed: 0, total: 0, seconds: 0, error: `wasm rebuild failed: ${(r.stderr ?? '').slice(-300)}` };
}

function applyEdits(dir: string, bug: Bug): void {
  for (const e of bug.edits) {
    const path = join(dir, e.file);
    const src = readFileSync(path, 'utf8');
    const n = src.split(e.from).length - 1;
    if (n !== 1) throw new Error(`bug ${bug.id}: pattern occurs ${n} times in ${e.file} (expected 1): ${e.from}`);
    writeFileSync(path, src.replace(e.from, () => e.to));
  }
}

function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

function md(s: string): string {
  return s.replace(/\|/g, '\\|');
}

/** Short label of a failing test: the claim id for claim specs, else file and test name. */
function label(t: string): string {
  const m = /^test\/claims\/(?:section-2-3|section-4-b|appendix-c-d|figures)\.test\.ts: \S+ (\S+)$/.exec(t);
  return m ? `claim \`${m[1]}\`` : `\`${t.replace(/^test\//, '')}\``;
}

const isClaim = (t: string): boolean => /^test\/claims\//.test(t);

function main(): number {
  const { values } = parseArgs({
    options: { only: { type: 'string' }, keep: { type: 'boolean' }, budget: { type: 'string' }, seeds: { type: 'string' }, from: { type: 'string' } },
  });
  const budget = values.budget ?? 'default';
  if (!['quick', 'default', 'full'].includes(budget)) {
    process.stderr.write(`bug-table: --budget must be quick, default or full (got ${budget})\n`);
    return 2;
  }
  const nSeeds = Number(values.seeds ?? '1'), from = Number(values.from ?? process.env.QNN_SEED ?? '20230723');
  if (!Number.isInteger(nSeeds) || nSeeds < 1 || !Number.isSafeInteger(from) || from < 0) {
    process.stderr.write(`bug-table: --seeds must be an integer >= 1 and --from a non-negative integer (got ${values.seeds}, ${values.from})\n`);
    return 2;
  }
  const seeds = Array.from({ length: nSeeds }, (_, k) => from + k);
  const selected = values.only ? bugs.filter((b) => values.only!.split(',').includes(b.id)) : bugs;
  const base = mkdtempSync(join(tmpdir(), 'qnn-bugs-'));
  const pristine = join(base, 'pristine');
  const work = join(base, 'work');
  const copyTree = (to: string): void => {
    rmSync(to, { recursive: true, force: true });
    mkdirSync(to, { recursive: true });
    for (const f of COPY) if (existsSync(join(ROOT, f))) cpSync(join(ROOT, f), join(to, f), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(to, 'node_modules'), 'dir');
  };
  try {
    copyTree(pristine);
    const rows = selected.map((bug) => ({ bug, caught: new Set<string>(), claimSeeds: 0, anySeeds: 0, seconds: 0, error: undefined as string | undefined }));
    const baselines: string[] = [];
    for (const seed of seeds) {
      process.stderr.write(`seed ${seed}, budget ${budget}: baseline (unmodified copy)...\n`);
      const baseline = runTests(pristine, budget, seed);
      if (baseline.error) throw new Error(`baseline run failed: ${baseline.error}`);
      const baseFailed = new Set(baseline.failed);
      baselines.push(`seed ${seed}: ${baseline.passed}/${baseline.total} pass${baseline.failed.length ? ` (${baseline.failed.length} already failing, not counted: ${baseline.failed.join('; ')})` : ''}`);
      process.stderr.write(`baseline: ${baseline.passed}/${baseline.total} passed in ${baseline.seconds.toFixed(0)} s\n`);
      for (const row of rows) {
        rmSync(work, { recursive: true, force: true });
        cpSync(pristine, work, { recursive: true, verbatimSymlinks: true });
        rmSync(join(work, 'vitest-result.json'), { force: true });
        applyEdits(work, row.bug);
        const r = row.bug.edits.some((e) => e.file === WASM_SOURCE) ? rebuildWasm(work) ?? runTests(work, budget, seed) : runTests(work, budget, seed);
        const caught = r.failed.filter((t) => !baseFailed.has(t));
        for (const t of caught) row.caught.add(t);
        if (caught.some(isClaim)) row.claimSeeds++;
        if (caught.length) row.anySeeds++;
        row.seconds += r.seconds;
        if (r.error) row.error = r.error;
        process.stderr.write(`${row.bug.id} (seed ${seed}): ${r.error ? `ERROR ${r.error}` : `${caught.length} failing tests, ${caught.filter(isClaim).length} claims`} (${r.seconds.toFixed(0)} s)\n`);
      }
    }
    const n = seeds.length;
    const lines = [
      '# Bug table',
      '',
      `Hand-made simulator bugs (\`scripts/bug-table.ts\`), each applied to a copy of the tree; the claim specs and simulator tests`,
      `(\`QNN_BUDGET=${budget} vitest run ${TEST_DIRS.join(' ')}\`) run in the copy, on ${n} seed${n > 1 ? 's' : ''} (${seeds.join(', ')}).`,
      `Baseline (unmodified copy): ${baselines.join('; ')}.`,
      '"caught" counts any failing test on the seeds where the bug is caught; "caught by a claim" counts the seeds on which',
      'at least one claim (test/claims) fails, not only a unit test.',
      '',
      '| bug | transformation | caught | caught by a claim | failing claims / tests (union over seeds) |',
      '| --- | --- | --- | --- | --- |',
    ];
    for (const r of rows) {
      const all = [...r.caught].sort((x, y) => Number(isClaim(y)) - Number(isClaim(x)));
      const shown = all.slice(0, 8).map(label);
      const more = all.length > 8 ? ` ... (+${all.length - 8} more)` : '';
      const verdict = r.error ? 'error' : r.anySeeds === n ? `yes (${r.caught.size})` : r.anySeeds ? `on ${r.anySeeds} of ${n} seeds` : '**NO**';
      const byClaim = r.error ? 'error' : r.claimSeeds === n ? `yes (${all.filter(isClaim).length})` : r.claimSeeds ? `on ${r.claimSeeds} of ${n} seeds` : '**NO**';
      lines.push(`| \`${r.bug.id}\` | ${md(r.bug.description)} | ${verdict} | ${byClaim} | ${r.error ? md(r.error) : md(shown.join(', ') + more) || '-'} |`);
    }
    const missed = rows.filter((r) => r.error || r.anySeeds < n);
    const missedByClaims = rows.filter((r) => r.error || r.claimSeeds < n);
    lines.push(
      '',
      missed.length ? `Not caught on every seed: ${missed.map((r) => r.bug.id).join(', ')}.` : `All ${rows.length} bugs are caught on every seed.`,
      missedByClaims.length
        ? `Not caught by a claim on every seed: ${missedByClaims.map((r) => r.bug.id).join(', ')} (${rows.length - missedByClaims.length} of ${rows.length} are).`
        : `All ${rows.length} bugs are caught by at least one claim on every seed.`,
      '',
    );
    const text = lines.join('\n');
    if (!values.only) writeAtomic(join(ROOT, 'report', 'bug-table.md'), text);
    process.stdout.write(text);
    return missed.length ? 1 : 0;
  } finally {
    if (!values.keep) rmSync(base, { recursive: true, force: true });
    else process.stderr.write(`kept ${base}\n`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
