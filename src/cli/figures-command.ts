/**
 * `qnn-verify figures [--figures 1,2,...] [--preset quick|paper] [--seed S] [--out DIR] [--shard i/n] [--jobs N]`
 * `qnn-verify figures --merge DIR [--out DIR]`
 * Reproduces the paper's figures 1-6 (src/figures/): data (JSON) and plots (SVG) in DIR
 * (default report/figures), with a summary of the checks of the text's statements. Exit 0 when
 * the experiments ran (a statement that does not hold is a finding, reported, not an error);
 * 2 on a usage error.
 */
import { QnnInputError } from '../errors.ts';
import { DEFAULT_SEED } from '../claims/runner.ts';
import { defaultJobs } from '../figures/pool.ts';
import { fmtDuration } from '../figures/progress.ts';
import { type FiguresSummary, mergeFigureShards, runFigures } from '../figures/runner.ts';
import { FIGURE_IDS, type FigureId, PRESETS, type PresetName } from '../figures/types.ts';
import type { Command } from './types.ts';

const FN = 'figures';

function parseFigures(v: string | boolean | undefined): FigureId[] {
  if (v === undefined) return [...FIGURE_IDS];
  const ids = String(v).split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  for (const id of ids) {
    if (!(FIGURE_IDS as readonly number[]).includes(id)) throw new QnnInputError(FN, '--figures', `must list figures among ${FIGURE_IDS.join(',')} (got ${String(v)})`);
  }
  if (!ids.length) throw new QnnInputError(FN, '--figures', 'must name at least one figure');
  return [...new Set(ids)].sort((a, b) => a - b) as FigureId[];
}

function parsePreset(v: string | boolean | undefined): PresetName {
  const p = String(v ?? 'quick');
  if (!(PRESETS as readonly string[]).includes(p)) throw new QnnInputError(FN, '--preset', `must be quick or paper (got ${p})`);
  return p as PresetName;
}

function parseInt0(v: string | boolean | undefined, name: string, min: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n) || n < min) throw new QnnInputError(FN, `--${name}`, `must be an integer >= ${min} (got ${String(v)})`);
  return n;
}

function parseShard(v: string | boolean | undefined): { i: number; n: number } | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(String(v));
  const i = m ? Number(m[1]) : NaN, n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || i < 1 || i > n) throw new QnnInputError(FN, '--shard', `must be i/n with 1 <= i <= n (got ${String(v)})`);
  return { i, n };
}

export function printSummary(s: FiguresSummary, out: string, write: (t: string) => void = (t) => process.stdout.write(t)): void {
  write(`figures ${s.figures.join(', ')} (preset ${s.preset}, seed ${s.seed}) -> ${out}; total ${fmtDuration(s.totalWallMs)}\n`);
  for (const t of s.timing) write(`  figure ${t.figure} ${t.phase.padEnd(5)} ${String(t.tasks).padStart(4)} tasks  wall ${fmtDuration(t.wallMs).padStart(6)}  task time ${fmtDuration(t.taskMs)}\n`);
  for (const c of s.checks) write(`  ${c.holds ? 'holds        ' : 'DOES NOT HOLD'} ${c.id}: ${c.measured.length > 160 ? `${c.measured.slice(0, 157)}...` : c.measured}\n`);
}

export const figuresCommand: Command = {
  options: {
    figures: { type: 'string' }, preset: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' },
    shard: { type: 'string' }, jobs: { type: 'string' }, merge: { type: 'string' },
  },
  positionals: 0,
  run: async (v) => {
    const out = (v.out as string | undefined) ?? 'report/figures';
    if (v.merge !== undefined) {
      if (typeof v.merge !== 'string' || !v.merge) throw new QnnInputError(FN, '--merge', 'needs a directory of shard outputs');
      for (const k of ['figures', 'preset', 'seed', 'shard', 'jobs']) {
        if (v[k] !== undefined) throw new QnnInputError(FN, `--${k}`, 'cannot be combined with --merge (the shards fix them)');
      }
      const s = await mergeFigureShards(v.merge, out);
      printSummary(s, out);
      return 0;
    }
    const figures = parseFigures(v.figures);
    const preset = parsePreset(v.preset);
    const seed = parseInt0(v.seed, 'seed', 0) ?? DEFAULT_SEED;
    const shard = parseShard(v.shard);
    const jobs = parseInt0(v.jobs, 'jobs', 0) ?? defaultJobs();
    const s = await runFigures({ figures, preset, seed, out, shard, jobs });
    if (s) printSummary(s, out);
    return 0;
  },
};
