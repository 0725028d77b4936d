/**
 * `qnn-verify figures --merge DIR`: one set of figures from the shard files (figure-tasks.json,
 * at any depth) under DIR, as trustworthy as one run. Refused (QnnInputError, exit 2): a file
 * that is not a shard file of this format, shards that disagree on tool version, commit, preset,
 * seed, figures or the number of shards, a shard spec twice, a task twice, a shard holding tasks
 * its spec does not assign it. Missing shards or tasks: only the complete figures are written and
 * summary.json carries `partial` naming what is missing (the CLI then exits 1 unless --allow-partial).
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { QnnInputError } from '../errors.ts';
import { prepareOutDir, readTextFile } from '../io/fs-safe.ts';
import { oneLine } from '../io/instance-json.ts';
import { plan, SHARD_FILE, SHARD_SCHEMA_VERSION, type ShardFile, shardKeys, writeFigures } from './runner.ts';
import type { FigureId, FiguresSummary, FigureTiming, TaskResult } from './types.ts';

const FN = 'figures --merge';
const MAX_SHARD_BYTES = 512 * 2 ** 20;

function findShardFiles(dir: string): string[] {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new QnnInputError(FN, 'DIR', `'${oneLine(dir, 120)}' does not exist`);
  }
  if (!st.isDirectory()) throw new QnnInputError(FN, 'DIR', `'${oneLine(dir, 120)}' is not a directory (give the directory holding the shard outputs)`);
  const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => basename(f) === SHARD_FILE).sort();
  if (!files.length) throw new QnnInputError(FN, 'DIR', `holds no ${SHARD_FILE} (${oneLine(dir, 120)})`);
  return files;
}

function parseShardFile(file: string, text: string): ShardFile {
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch (e) {
    throw new QnnInputError(FN, file, `is not valid JSON (${(e as Error).message.split('\n')[0].slice(0, 100)})`);
  }
  const s = x as Partial<ShardFile> | null;
  if (!s || typeof s !== 'object' || Array.isArray(s)) throw new QnnInputError(FN, file, 'is not a figures shard file (not a JSON object)');
  if (s.schemaVersion !== SHARD_SCHEMA_VERSION) {
    throw new QnnInputError(FN, file, `has shard format version ${JSON.stringify(s.schemaVersion ?? null)}; this qnn-verify reads version ${SHARD_SCHEMA_VERSION} (re-run the shard with the same qnn-verify)`);
  }
  const ok = s.tool && typeof s.tool.version === 'string' && typeof s.preset === 'string' && typeof s.seed === 'number'
    && Array.isArray(s.figures) && typeof s.shard === 'string' && /^\d+\/\d+$/.test(s.shard) && Array.isArray(s.assigned)
    && Array.isArray(s.results) && s.results.every((r) => r && typeof r.key === 'string') && Array.isArray(s.timing) && s.machine;
  if (!ok) throw new QnnInputError(FN, file, 'is not a complete figures shard file (fields tool, preset, seed, figures, shard, assigned or results missing)');
  return s as ShardFile;
}

/** Merges the shards under dir into out; the summary carries `partial` when anything is missing. */
export async function mergeFigureShards(dir: string, out: string): Promise<FiguresSummary> {
  const files = findShardFiles(dir);
  const shards = files.map((f) => ({ file: f, s: parseShardFile(f, readTextFile(FN, f, join(dir, f), MAX_SHARD_BYTES)) }));
  const first = shards[0];
  const fields: [string, (s: ShardFile) => unknown][] = [
    ['tool version', (s) => s.tool.version], ['commit', (s) => s.tool.commit], ['preset', (s) => s.preset],
    ['seed', (s) => s.seed], ['figures', (s) => s.figures.join(',')], ['number of shards n', (s) => s.shard.split('/')[1]],
  ];
  for (const { file, s } of shards.slice(1)) {
    for (const [name, get] of fields) {
      if (get(first.s) !== get(s)) {
        throw new QnnInputError(FN, 'shards', `disagree on ${name}: ${first.file} has ${JSON.stringify(get(first.s))}, ${file} has ${JSON.stringify(get(s))}`);
      }
    }
  }
  const { preset, seed } = first.s;
  const figures = first.s.figures;
  const steps = plan(figures, preset, seed);
  const allTasks = steps.flatMap((st) => st.phases.flatMap((p) => p.tasks));
  const n = Number(first.s.shard.split('/')[1]);
  const split = shardKeys(allTasks, n);
  const bySpec = new Map<string, string>();
  const results = new Map<string, TaskResult>();
  const owner = new Map<string, string>();
  for (const { file, s } of shards) {
    const i = Number(s.shard.split('/')[0]);
    if (i < 1 || i > n) throw new QnnInputError(FN, file, `has shard spec ${s.shard} outside 1..${n}`);
    if (bySpec.has(s.shard)) throw new QnnInputError(FN, 'shards', `repeat shard ${s.shard}: ${bySpec.get(s.shard)} and ${file}`);
    bySpec.set(s.shard, file);
    const mine = split[i - 1];
    if ([...mine].sort().join(',') !== [...s.assigned].sort().join(',')) {
      throw new QnnInputError(FN, file, `is shard ${s.shard} but was assigned ${s.assigned.length} tasks where this plan assigns shard ${s.shard} ${mine.size}`);
    }
    for (const r of s.results) {
      if (!mine.has(r.key)) throw new QnnInputError(FN, file, `is shard ${s.shard} but holds task ${r.key}, which that shard is not assigned`);
      if (owner.has(r.key)) throw new QnnInputError(FN, 'shards', `both hold task ${r.key}: ${owner.get(r.key)} and ${file}`);
      owner.set(r.key, file);
      results.set(r.key, r);
    }
  }
  const missingShards: string[] = [];
  for (let i = 1; i <= n; i++) if (!bySpec.has(`${i}/${n}`)) missingShards.push(`${i}/${n}`);
  const missingTasks = allTasks.map((t) => t.key).filter((k) => !results.has(k));
  const complete = steps.filter((st) => st.phases.every((p) => p.tasks.every((t) => results.has(t.key)))).map((st) => st.figure);
  const figuresOmitted = figures.filter((f) => !complete.includes(f));
  // Shards ran side by side: a phase's wall time is the longest shard's, task time adds up.
  const timing = new Map<string, FigureTiming>();
  for (const { s } of shards) {
    for (const t of s.timing) {
      const k = `${t.figure}/${t.phase}`, cur = timing.get(k);
      timing.set(k, cur ? { ...cur, tasks: cur.tasks + t.tasks, wallMs: Math.max(cur.wallMs, t.wallMs), taskMs: cur.taskMs + t.taskMs } : { ...t });
    }
  }
  const order = (t: FigureTiming) => figures.indexOf(t.figure) * 10 + ['gd', 'flow', 'asym'].indexOf(t.phase);
  const partial = missingTasks.length || missingShards.length ? { missingShards, missingTasks, figuresOmitted } : undefined;
  prepareOutDir('figures', '--out', out); // only after every check passed
  return writeFigures(results, complete as FigureId[], preset, seed, out, [...timing.values()].filter((t) => complete.includes(t.figure)).sort((a, b) => order(a) - order(b)),
    Math.max(...shards.map(({ s }) => s.totalWallMs)), first.s.machine, [...bySpec.keys()].sort((a, b) => Number(a.split('/')[0]) - Number(b.split('/')[0])), partial);
}
