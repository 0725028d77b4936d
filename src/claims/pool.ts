/**
 * Runs claims on all cores: a fixed set of worker threads (worker-entry.mjs registers tsx's loader, then
 * worker.ts runs one registry claim per message). Each claim's result depends only on the claim, the seed
 * and the budget, so the results are identical to a sequential run (timings aside); they come back in the
 * order of the input. Claims are started longest first by a cost hint (their time in a previous report,
 * when one is given) so that the slowest claim does not start last. `jobs <= 1` runs inline.
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

/** The claims in start order: largest cost hint first, registry order among equals. */
export function startOrder(claims: readonly AnyClaim[], costHint: Record<string, number> = {}): number[] {
  return claims.map((_, k) => k).sort((a, b) => (costHint[claims[b].id] ?? 0) - (costHint[claims[a].id] ?? 0) || a - b);
}

interface WorkerMessage { type: string; id: number; result?: ClaimResult; name?: string; message?: string }

export async function runClaimsParallel(claims: readonly AnyClaim[], opts: RunOptions, pool: PoolOptions = {}): Promise<ClaimResult[]> {
  const jobs = Math.min(pool.jobs ?? defaultJobs(), claims.length);
  const order = startOrder(claims, pool.costHint);
  const out: ClaimResult[] = new Array(claims.length);
  if (jobs <= 1) {
    order.forEach((k, n) => {
      pool.onStart?.(claims[k], n, claims.length);
      out[k] = runClaim(claims[k], opts);
      pool.onResult?.(out[k], n, claims.length);
    });
    return out;
  }
  const workers = Array.from({ length: jobs }, () => new Worker(new URL('./worker-entry.mjs', import.meta.url)));
  let next = 0, finished = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (e: Error) => {
        if (!failed) { failed = true; reject(e); }
      };
      const dispatch = (w: Worker) => {
        if (failed) return;
        if (next >= order.length) {
          if (finished === order.length) resolve();
          return;
        }
        const k = order[next++];
        pool.onStart?.(claims[k], next - 1, claims.length);
        w.postMessage({ type: 'claim', id: k, claim: claims[k].id, opts });
      };
      for (const w of workers) {
        w.on('message', (msg: WorkerMessage) => {
          if (msg.type === 'result') {
            out[msg.id] = msg.result!;
            finished++;
            pool.onResult?.(msg.result!, finished - 1, claims.length);
            dispatch(w);
          } else if (msg.type === 'error') {
            fail(new QnnInputError('verify', `claim ${claims[msg.id].id}`, `failed in a worker: ${msg.name}: ${msg.message}`));
          }
        });
        w.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
        w.on('exit', (code) => {
          if (finished < order.length) fail(new Error(`verify: a worker thread exited unexpectedly (code ${code})`));
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
