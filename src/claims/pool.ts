/**
 * Runs claims on all cores: a fixed set of worker threads (worker-entry.mjs registers tsx's loader, then
 * worker.ts runs one registry claim per message). Each claim's result depends only on the claim, the seed
 * and the budget, so the results are identical to a sequential run (timings aside); they come back in the
 * order of the input. Claims are started longest first by a cost hint (their time in a previous report,
 * when one is given) so that the slowest claim does not start last. Claims of one `sharedSamples` group form one
 * unit that a single worker runs in registry order, so the samples they memoise are drawn once. `jobs <= 1` runs inline.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { QnnInputError } from '../errors.ts';
import { runClaim, type RunOptions } from './runner.ts';
import type { AnyClaim, ClaimResult } from './types.ts';

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export interface PoolOptions {
  jobs?: number;
  /** Expected time per claim id (e.g. timeMs of a previous report); unknown claims count as 0. */
  costHint?: Record<string, number>;
  onStart?: (claim: AnyClaim, k: number, total: number) => void;
  onResult?: (result: ClaimResult, k: number, total: number) => void;
}

/**
 * The claims in start order as units (lists of claim indices): a `sharedSamples` group is one unit in registry order,
 * every other claim a unit of its own; units by largest total cost hint first, registry order (of their first claim)
 * among equals.
 */
export function startUnits(claims: readonly AnyClaim[], costHint: Record<string, number> = {}): number[][] {
  const units: number[][] = [];
  const byGroup = new Map<string, number[]>();
  claims.forEach((c, k) => {
    const g = c.sharedSamples;
    if (g === undefined) { units.push([k]); return; }
    const unit = byGroup.get(g);
    if (unit) unit.push(k);
    else { const u = [k]; byGroup.set(g, u); units.push(u); }
  });
  const cost = (u: number[]) => u.reduce((s, k) => s + (costHint[claims[k].id] ?? 0), 0);
  return units.map((u) => ({ u, c: cost(u) })).sort((a, b) => b.c - a.c || a.u[0] - b.u[0]).map(({ u }) => u);
}

/** The claims in start order (the units of startUnits, flattened). */
export function startOrder(claims: readonly AnyClaim[], costHint: Record<string, number> = {}): number[] {
  return startUnits(claims, costHint).flat();
}

interface WorkerMessage { type: string; id: number; result?: ClaimResult; name?: string; message?: string }

export async function runClaimsParallel(claims: readonly AnyClaim[], opts: RunOptions, pool: PoolOptions = {}): Promise<ClaimResult[]> {
  const units = startUnits(claims, pool.costHint);
  const jobs = Math.min(pool.jobs ?? defaultJobs(), units.length);
  const out: ClaimResult[] = new Array(claims.length);
  if (jobs <= 1) {
    units.flat().forEach((k, n) => {
      pool.onStart?.(claims[k], n, claims.length);
      out[k] = runClaim(claims[k], opts);
      pool.onResult?.(out[k], n, claims.length);
    });
    return out;
  }
  const workers = Array.from({ length: jobs }, () => new Worker(new URL('./worker-entry.mjs', import.meta.url)));
  let nextUnit = 0, started = 0, finished = 0;
  const pending = new Map<Worker, number>(); // claims posted to a worker and not yet returned
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (e: Error) => {
        if (!failed) { failed = true; reject(e); }
      };
      const dispatch = (w: Worker) => {
        if (failed || (pending.get(w) ?? 0) > 0) return;
        if (nextUnit >= units.length) {
          if (finished === claims.length) resolve();
          return;
        }
        const unit = units[nextUnit++];
        pending.set(w, unit.length);
        for (const k of unit) { // a worker handles its messages one at a time, in order
          pool.onStart?.(claims[k], started++, claims.length);
          w.postMessage({ type: 'claim', id: k, claim: claims[k].id, opts });
        }
      };
      for (const w of workers) {
        w.on('message', (msg: WorkerMessage) => {
          if (msg.type === 'result') {
            out[msg.id] = msg.result!;
            finished++;
            pending.set(w, (pending.get(w) ?? 1) - 1);
            pool.onResult?.(msg.result!, finished - 1, claims.length);
            dispatch(w);
          } else if (msg.type === 'error') {
            fail(new QnnInputError('verify', `claim ${claims[msg.id].id}`, `failed in a worker: ${msg.name}: ${msg.message}`));
          }
        });
        w.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
        w.on('exit', (code) => {
          if (finished < claims.length) fail(new Error(`verify: a worker thread exited unexpectedly (code ${code})`));
        });
      }
      for (const w of workers) dispatch(w);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}

/** timeMs per claim id of a previous report JSON (an empty hint when there is none or it cannot be read). */
export function costHintFromReport(text: string | undefined): Record<string, number> {
  if (!text) return {};
  try {
    const rep = JSON.parse(text) as { results?: { id?: unknown; timeMs?: unknown }[] };
    const out: Record<string, number> = {};
    for (const r of rep.results ?? []) if (typeof r.id === 'string' && typeof r.timeMs === 'number') out[r.id] = r.timeMs;
    return out;
  } catch {
    return {};
  }
}
