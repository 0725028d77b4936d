/** Covers src/figures/pool.ts: worker threads (TypeScript through tsx) give the results of the inline run. */
import { describe, expect, it } from 'vitest';
import { runTasks, runTasksInline, WorkerPool } from '../../src/figures/pool.ts';
import type { Task, TaskResult } from '../../src/figures/types.ts';

const tasks: Task[] = [
  ...[0, 1, 2].map((i): Task => ({ kind: 'gd', key: `gd${i}`, qnn: { seed: 9, label: `q${i}`, d: 4, m: 2, p: 4, gamma: 2 }, lr: 2.5e-4, steps: 300, recordEvery: 100, kasym: true })),
  { kind: 'flow', key: 'flow', qnn: { seed: 9, label: 'q0', d: 4, m: 2, p: 4, gamma: 2 }, eta: 2.5e-4, tEnd: 300, recordEvery: 100, rtol: 1e-7, atol: 1e-10 },
  { kind: 'asym', key: 'asym', seed: 9, label: 'a', d: 8, m: 2, gamma: 2, tEnd: 1, nOut: 5 },
];

const strip = (r: TaskResult) => ({ ...r, timeMs: 0 });

describe('worker pool', () => {
  it('runs tasks on worker threads with the same results as inline, and reports progress', async () => {
    const seen: number[] = [];
    const pooled = await runTasks(tasks, 2, { onProgress: (d, t) => seen.push(d / t) });
    const inline = runTasksInline(tasks);
    expect([...pooled.keys()].sort()).toEqual(tasks.map((t) => t.key).sort());
    for (const t of tasks) expect(strip(pooled.get(t.key)!)).toEqual(strip(inline.get(t.key)!));
    expect(seen[seen.length - 1]).toBeCloseTo(1, 12);
  });

  it('propagates a task error with the task key, and the pool stays usable', async () => {
    const pool = new WorkerPool(1);
    try {
      const bad: Task = { kind: 'gd', key: 'bad', qnn: { seed: 1, label: 'x', d: 3, m: 2, p: 2, gamma: 1 }, lr: 1e-3, steps: 1, recordEvery: 1 };
      await expect(pool.run([bad])).rejects.toThrow(/task bad failed: appendixDInstance: d must be even/);
      const ok = await pool.run([tasks[4]]);
      expect(ok.get('asym')?.kind).toBe('asym');
    } finally {
      await pool.close();
    }
  });

  it('refuses duplicate task keys', async () => {
    await expect(runTasks([tasks[0], tasks[0]], 1)).rejects.toThrow(/duplicate key 'gd0'/);
  });
});
