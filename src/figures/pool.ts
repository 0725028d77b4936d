/**
 * A pool of worker threads for the figure tasks. Each worker starts from worker-entry.mjs, which
 * registers tsx's TypeScript loader in the thread and imports worker.ts, so the same sources run
 * in the CLI, in vitest and in the workers. (On Node 20, `execArgv: ['--import', 'tsx']` starts the
 * worker but its entry module is still loaded without the loader: "Unknown file extension .ts".) Tasks are dispatched longest-first (by taskCost) to the first idle worker;
 * results come back keyed by task key. `jobs = 0` runs the tasks inline on this thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { QnnInputError } from '../errors.ts';
import { executeTask, taskCost } from './tasks.ts';
import type { Task, TaskResult } from './types.ts';

export interface PoolCallbacks {
  /** Called with the cost-weighted progress: finished cost + fractions of the running tasks. */
  onProgress?: (doneCost: number, totalCost: number, finished: number, total: number) => void;
  onResult?: (task: Task, result: TaskResult) => void;
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** Starts one worker (worker.ts under tsx). Messages posted before it is ready are queued. */
export function startWorker(): Worker {
  return new Worker(new URL('./worker-entry.mjs', import.meta.url));
}

function ordered(tasks: readonly Task[]): Task[] {
  const keys = new Set<string>();
  for (const t of tasks) {
    if (keys.has(t.key)) throw new QnnInputError('runTasks', 'tasks', `has a duplicate key '${t.key}'`);
    keys.add(t.key);
  }
  return [...tasks].sort((a, b) => taskCost(b) - taskCost(a) || (a.key < b.key ? -1 : 1));
}

/** Runs the tasks inline (no threads), in the same order as the pool would start them. */
export function runTasksInline(tasks: readonly Task[], cb: PoolCallbacks = {}): Map<string, TaskResult> {
  const list = ordered(tasks);
  const total = list.reduce((s, t) => s + taskCost(t), 0);
  const out = new Map<string, TaskResult>();
  let done = 0;
  list.forEach((t, k) => {
    const r = executeTask(t);
    out.set(t.key, r);
    done += taskCost(t);
    cb.onResult?.(t, r);
    cb.onProgress?.(done, total, k + 1, list.length);
  });
  return out;
}

interface WorkerMessage { type: string; id: number; fraction?: number; result?: TaskResult; name?: string; message?: string }

/**
 * A fixed set of worker threads, reused across calls of run() (a worker's start-up, which
 * compiles the TypeScript sources, takes a second or two). close() terminates them.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private handler: ((w: Worker, msg: WorkerMessage) => void) | null = null;
  private failure: ((e: Error) => void) | null = null;
  private closed = false;

  constructor(readonly size: number) {
    for (let k = 0; k < size; k++) {
      const w = startWorker();
      w.on('message', (msg: WorkerMessage) => this.handler?.(w, msg));
      w.on('error', (e) => this.failure?.(e instanceof Error ? e : new Error(String(e))));
      w.on('exit', (code) => {
        if (!this.closed) this.failure?.(new Error(`figures: a worker thread exited unexpectedly (code ${code})`));
      });
      this.workers.push(w);
    }
  }

  /** Runs the tasks (longest first) on the pool's workers; one run at a time. */
  async run(tasks: readonly Task[], cb: PoolCallbacks = {}): Promise<Map<string, TaskResult>> {
    if (this.closed) throw new Error('figures: the worker pool is closed');
    if (this.handler) throw new Error('figures: the worker pool is busy');
    const list = ordered(tasks);
    const out = new Map<string, TaskResult>();
    if (!list.length) return out;
    const costs = list.map(taskCost);
    const total = costs.reduce((s, c) => s + c, 0);
    const partial = new Map<number, number>();
    let next = 0, finished = 0, doneCost = 0;
    const report = () => {
      let run = 0;
      for (const [id, f] of partial) run += costs[id] * Math.min(1, Math.max(0, f));
      cb.onProgress?.(doneCost + run, total, finished, list.length);
    };
    try {
      await new Promise<void>((resolve, reject) => {
        let failed = false;
        this.failure = (e) => {
          if (!failed) { failed = true; reject(e); }
        };
        const dispatch = (w: Worker) => {
          if (failed) return;
          if (next >= list.length) {
            if (finished === list.length) resolve();
            return;
          }
          const id = next++;
          partial.set(id, 0);
          w.postMessage({ type: 'task', id, task: list[id] });
        };
        this.handler = (w, msg) => {
          if (msg.type === 'progress') {
            partial.set(msg.id, msg.fraction ?? 0);
            report();
          } else if (msg.type === 'result') {
            partial.delete(msg.id);
            finished++;
            doneCost += costs[msg.id];
            out.set(list[msg.id].key, msg.result!);
            cb.onResult?.(list[msg.id], msg.result!);
            report();
            dispatch(w);
          } else if (msg.type === 'error') {
            this.failure?.(msg.name === 'QnnInputError'
              ? new QnnInputError('figures', `task ${list[msg.id].key}`, `failed: ${msg.message}`)
              : new Error(`figures: task ${list[msg.id].key} failed: ${msg.name}: ${msg.message}`));
          }
        };
        for (const w of this.workers.slice(0, Math.min(this.size, list.length))) dispatch(w);
      });
    } finally {
      this.handler = null;
      this.failure = null;
    }
    return out;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Runs the tasks on `jobs` worker threads (a pool started and closed for this call); jobs = 0: inline. */
export async function runTasks(tasks: readonly Task[], jobs: number, cb: PoolCallbacks = {}): Promise<Map<string, TaskResult>> {
  if (jobs <= 0) return runTasksInline(tasks, cb);
  const pool = new WorkerPool(Math.max(1, Math.min(jobs, tasks.length)));
  try {
    return await pool.run(tasks, cb);
  } finally {
    await pool.close();
  }
}
