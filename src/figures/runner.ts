/**
 * Runs the figure experiments: the tasks of the selected figures, phase by phase (so each phase
 * is timed), on a pool of worker threads; then assembles each figure's data, renders its SVG and
 * writes figure-N.json, figure-N.svg and summary.json (atomically: temporary file + rename).
 * With a shard i/n only this shard's tasks run and their raw results go to figure-tasks.json;
 * mergeFigureShards() (merge.ts) assembles the figures from the shards' files.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { gitCommit, packageVersion, writeAtomic } from '../report/report.ts';
import { figure1 } from './figure1.ts';
import { figure2 } from './figure2.ts';
import { figure3 } from './figure3.ts';
import { figure4 } from './figure4.ts';
import { figure5 } from './figure5.ts';
import { figure6 } from './figure6.ts';
import { renderSvg } from './plot.ts';
import { WorkerPool, runTasksInline } from './pool.ts';
import { fmtDuration, Progress, type ProgressSink, stderrSink } from './progress.ts';
import { taskCost } from './tasks.ts';
import { type FigureData, type FigureId, type FigureModule, type FiguresSummary, type FigureTiming, type PresetName, SUMMARY_FILE, type Task, type TaskResult } from './types.ts';

export { SUMMARY_FILE, type FiguresSummary, type FigureTiming };

export const FIGURES: Record<FigureId, FigureModule> = { 1: figure1, 2: figure2, 3: figure3, 4: figure4, 5: figure5, 6: figure6 };

export const SHARD_FILE = 'figure-tasks.json';

export interface FiguresOptions {
  figures: FigureId[];
  preset: PresetName;
  seed: number;
  out: string;
  shard?: { i: number; n: number };
  /** Worker threads; 0 runs inline on this thread (tests). */
  jobs: number;
  sink?: ProgressSink;
}

/** Format of figure-tasks.json; 2 added tool and the shard's assigned task keys. */
export const SHARD_SCHEMA_VERSION = 2;

/** What a shard writes (figure-tasks.json); merged by mergeFigureShards (merge.ts). */
export interface ShardFile {
  schemaVersion: typeof SHARD_SCHEMA_VERSION;
  tool: { version: string; commit: string | null };
  /** Keys of the tasks assigned to this shard (results may hold fewer after an interrupted run). */
  assigned: string[];
  preset: PresetName;
  seed: number;
  figures: FigureId[];
  shard: string;
  machine: FiguresSummary['machine'];
  timing: FigureTiming[];
  totalWallMs: number;
  results: TaskResult[];
}

/** Deterministic split of all tasks into n shards, longest first to the least loaded shard. */
export function shardKeys(tasks: readonly Task[], n: number): Set<string>[] {
  const load = new Array<number>(n).fill(0);
  const out = Array.from({ length: n }, () => new Set<string>());
  const sorted = [...tasks].sort((a, b) => taskCost(b) - taskCost(a) || (a.key < b.key ? -1 : 1));
  for (const t of sorted) {
    let k = 0;
    for (let j = 1; j < n; j++) if (load[j] < load[k]) k = j;
    load[k] += taskCost(t);
    out[k].add(t.key);
  }
  return out;
}

export function plan(figures: FigureId[], preset: PresetName, seed: number) {
  return figures.map((f) => ({ figure: f, phases: FIGURES[f].phases(preset, seed) }));
}

/** Runs the experiments; writes the figures (or, for a shard, the raw task results). */
export async function runFigures(o: FiguresOptions): Promise<FiguresSummary | null> {
  const sink = o.sink ?? stderrSink();
  const steps = plan(o.figures, o.preset, o.seed);
  let mine: Set<string> | null = null;
  if (o.shard) mine = shardKeys(steps.flatMap((s) => s.phases.flatMap((p) => p.tasks)), o.shard.n)[o.shard.i - 1];
  const results = new Map<string, TaskResult>();
  const timing: FigureTiming[] = [];
  const start = performance.now();
  const pool = o.jobs > 0 ? new WorkerPool(o.jobs) : null;
  try {
    for (const { figure, phases } of steps) {
      for (const ph of phases) {
        const tasks = mine ? ph.tasks.filter((t) => mine!.has(t.key)) : ph.tasks;
        if (!tasks.length) continue;
        const label = `figure ${figure} ${ph.name}`;
        const bar = new Progress(label, sink);
        const t0 = performance.now();
        const cb = { onProgress: (d: number, t: number, f: number, n: number) => bar.update(d, t, f, n) };
        const res = pool ? await pool.run(tasks, cb) : runTasksInline(tasks, cb);
        const wallMs = Math.round(performance.now() - t0);
        let taskMs = 0;
        for (const [k, r] of res) {
          results.set(k, r);
          taskMs += r.timeMs;
        }
        timing.push({ figure, phase: ph.name, tasks: tasks.length, wallMs, taskMs });
        bar.done(`${tasks.length} tasks in ${fmtDuration(wallMs)} (task time ${fmtDuration(taskMs)})`);
        if (o.shard) writeShard(o, timing, Math.round(performance.now() - start), results); // checkpoint
      }
    }
  } finally {
    await pool?.close();
  }
  const totalWallMs = Math.round(performance.now() - start);
  if (o.shard) {
    writeShard(o, timing, totalWallMs, results);
    sink.write(`shard ${o.shard.i}/${o.shard.n}: ${results.size} task results -> ${join(o.out, SHARD_FILE)}\n`);
    return null;
  }
  return writeFigures(results, o.figures, o.preset, o.seed, o.out, timing, totalWallMs, machineOf(o.jobs));
}

function machineOf(jobs: number): FiguresSummary['machine'] {
  return { node: process.version, cpus: availableParallelism(), jobs };
}

/** The shard's raw results (also written after every phase, so a stopped run keeps what it did). */
function writeShard(o: FiguresOptions, timing: FigureTiming[], totalWallMs: number, results: ReadonlyMap<string, TaskResult>): void {
  const all = plan(o.figures, o.preset, o.seed).flatMap((s) => s.phases.flatMap((p) => p.tasks));
  const file: ShardFile = {
    schemaVersion: SHARD_SCHEMA_VERSION, tool: { version: packageVersion(), commit: gitCommit() },
    assigned: [...shardKeys(all, o.shard!.n)[o.shard!.i - 1]].sort(), preset: o.preset, seed: o.seed, figures: o.figures, shard: `${o.shard!.i}/${o.shard!.n}`, machine: machineOf(o.jobs),
    timing, totalWallMs, results: [...results.values()],
  };
  writeAtomic(join(o.out, SHARD_FILE), JSON.stringify(file));
}

/** Assembles, plots and writes the figures and summary.json from complete task results. */
export async function writeFigures(
  results: ReadonlyMap<string, TaskResult>, figures: FigureId[], preset: PresetName, seed: number, out: string,
  timing: FigureTiming[], totalWallMs: number, machine: FiguresSummary['machine'], shards?: string[],
  partial?: FiguresSummary['partial'],
): Promise<FiguresSummary> {
  const summary: FiguresSummary = {
    schemaVersion: 1, preset, seed, figures, generatedAt: new Date().toISOString(), machine, ...(shards ? { shards } : {}), ...(partial ? { partial } : {}),
    timing, totalWallMs, checks: [], files: [],
  };
  for (const f of figures) {
    const mod = FIGURES[f];
    const data: FigureData = { ...mod.assemble(results, preset, seed), timing: timing.filter((t) => t.figure === f).map(({ figure: _f, ...rest }) => rest) };
    const svg = await renderSvg(mod.spec(data));
    writeAtomic(join(out, `figure-${f}.json`), `${JSON.stringify(data, null, 1)}\n`);
    writeAtomic(join(out, `figure-${f}.svg`), svg);
    summary.files.push(`figure-${f}.json`, `figure-${f}.svg`);
    for (const c of data.checks) summary.checks.push({ figure: f, id: c.id, holds: c.holds, measured: c.measured, criterion: c.criterion, statement: c.statement });
  }
  writeAtomic(join(out, SUMMARY_FILE), `${JSON.stringify(summary, null, 1)}\n`);
  return summary;
}
