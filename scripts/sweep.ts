/**
 * Seed sweep: runs every claim of the registry (src/claims/runner.ts runClaim) over many seeds and
 * counts, per claim, the seeds on which the verdict is not the expected one (a claim that holds not
 * verified, or a printed erratum not reproduced). Zero failures is the target: a failure on a claim
 * that holds is a false alarm (or a real bug), either way a bug of the suite.
 *
 *   npx tsx scripts/sweep.ts [--seeds N] [--from S] [--budget quick|default|full] [--workers W] [--claims id,id] [--out FILE]
 *
 * Defaults: 30 seeds from 1, the default budget, 2 worker processes, report/sweep.json.
 * Exit 0 when there is no failure, 1 otherwise, 2 on a usage error.
 */
import { fork } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isExpected, runClaim, type BudgetName } from '../src/claims/runner.ts';
import { claims } from '../theorems/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Job { seeds: number[]; budget: BudgetName; ids: string[] }
interface Row { id: string; seed: number; verdict: string; ok: boolean; timeMs: number; replay?: string; error?: string; params?: unknown }

function runOne(id: string, seed: number, budget: BudgetName): Row {
  const claim = claims.find((c) => c.id === id)!;
  const r = runClaim(claim, { seed, budget });
  const ok = isExpected(r);
  return {
    id, seed, verdict: r.verdict, ok, timeMs: r.timeMs,
    ...(ok ? {} : { replay: r.counterexample?.replay, error: r.counterexample?.error, params: r.counterexample?.params }),
  };
}

/**
 * Worker: receives a job, sends one row per (seed, claim) and a final `done`; the parent then closes
 * the channel and the worker exits (disconnecting from the worker side can drop queued messages).
 */
function worker(): void {
  process.once('message', (job: Job) => {
    for (const seed of job.seeds) for (const id of job.ids) process.send!(runOne(id, seed, job.budget));
    process.send!({ done: true });
  });
}

function int(v: string | undefined, name: string, def: number, min: number): number {
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min} (got ${v})`);
  return n;
}

async function main(): Promise<number> {
  let v;
  try {
    v = parseArgs({
      options: {
        seeds: { type: 'string' }, from: { type: 'string' }, budget: { type: 'string' }, workers: { type: 'string' },
        claims: { type: 'string' }, out: { type: 'string' }, worker: { type: 'boolean' },
      },
    }).values;
  } catch (e) {
    process.stderr.write(`sweep: ${(e as Error).message}\n`);
    return 2;
  }
  if (v.worker) {
    worker();
    return 0;
  }
  let nSeeds: number, from: number, nWorkers: number;
  try {
    nSeeds = int(v.seeds, 'seeds', 30, 1);
    from = int(v.from, 'from', 1, 0);
    nWorkers = int(v.workers, 'workers', 2, 1);
  } catch (e) {
    process.stderr.write(`sweep: ${(e as Error).message}\n`);
    return 2;
  }
  const budget = (v.budget ?? 'default') as BudgetName;
  if (!['quick', 'default', 'full'].includes(budget)) {
    process.stderr.write(`sweep: --budget must be quick, default or full (got ${budget})\n`);
    return 2;
  }
  const ids = v.claims ? v.claims.split(',') : claims.map((c) => c.id);
  const unknown = ids.filter((id) => !claims.some((c) => c.id === id));
  if (unknown.length) {
    process.stderr.write(`sweep: unknown claim(s) ${unknown.join(', ')}\n`);
    return 2;
  }
  const seeds = Array.from({ length: nSeeds }, (_, i) => from + i);
  const out = resolve(v.out ?? resolve(ROOT, 'report', 'sweep.json'));
  const start = Date.now();
  const rows: Row[] = [];
  const total = seeds.length * ids.length;
  const shares = Array.from({ length: Math.min(nWorkers, seeds.length) }, (_, w) => seeds.filter((_, i) => i % nWorkers === w));
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((res, rej) => {
          const child = fork(fileURLToPath(import.meta.url), ['--worker'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
          child.on('message', (msg: Row | { done: true }) => {
            if ('done' in msg) {
              child.disconnect();
              return;
            }
            const row = msg;
            rows.push(row);
            if (!row.ok) process.stderr.write(`FAIL ${row.id} seed ${row.seed}: ${row.verdict} ${row.replay ?? ''} ${row.error ?? ''}\n`);
            if (rows.length % 25 === 0 || rows.length === total) process.stderr.write(`  ${rows.length}/${total} claim runs, ${((Date.now() - start) / 1000).toFixed(0)} s\n`);
          });
          child.on('error', rej);
          child.on('exit', (code) => (code === 0 ? res() : rej(new Error(`worker exited with ${code}`))));
          child.send({ seeds: share, budget, ids } satisfies Job);
        }),
    ),
  );
  if (rows.length !== total) throw new Error(`expected ${total} claim runs, got ${rows.length}`);
  const perClaim = ids.map((id) => {
    const rs = rows.filter((r) => r.id === id);
    const failed = rs.filter((r) => !r.ok);
    return { id, runs: rs.length, failures: failed.length, failedSeeds: failed.map((r) => r.seed).sort((a, b) => a - b), totalMs: rs.reduce((s, r) => s + r.timeMs, 0) };
  });
  const failures = rows.filter((r) => !r.ok).sort((a, b) => a.seed - b.seed || a.id.localeCompare(b.id));
  const wallMs = Date.now() - start;
  const report = { budget, seeds: { from, count: nSeeds }, workers: shares.length, claims: ids.length, wallMs, failureCount: failures.length, perClaim, failures };
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(tmp, out);
  const w = Math.max(...ids.map((id) => id.length));
  process.stdout.write(`seed sweep: ${ids.length} claims x ${nSeeds} seeds (${from}..${from + nSeeds - 1}), budget ${budget}, ${shares.length} workers, ${(wallMs / 1000).toFixed(0)} s\n`);
  for (const c of perClaim) {
    process.stdout.write(`${c.id.padEnd(w)}  ${String(c.failures).padStart(3)} / ${c.runs} failed  ${(c.totalMs / 1000).toFixed(1).padStart(7)} s${c.failures ? `  seeds ${c.failedSeeds.join(',')}` : ''}\n`);
  }
  process.stdout.write(`${failures.length} failures. Report: ${out}\n`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => {
    if (!process.argv.includes('--worker')) process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`sweep: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 3;
  },
);
