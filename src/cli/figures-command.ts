/**
 * `qnn-verify figures [--figures 1,2,...] [--preset quick|paper] [--seed S] [--out DIR] [--shard i/n] [--jobs N]`
 * `qnn-verify figures --merge DIR [--out DIR] [--allow-partial]`
 * Reproduces the paper's figures 1-6 (src/figures/): data (JSON) and plots (SVG) in DIR
 * (default report/figures), with a summary of the checks of the text's statements. Exit 0 when
 * the experiments ran (a statement that does not hold is a finding, reported, not an error);
 * 2 on a usage error or inconsistent shards; 1 when --merge finds shards or tasks missing
 * (the complete figures are written, summary.json marked partial) unless --allow-partial.
 */
import { QnnInputError } from '../errors.ts';
import { DEFAULT_SEED } from '../claims/runner.ts';
import { defaultJobs } from '../figures/pool.ts';
import { fmtDuration } from '../figures/progress.ts';
import type { FiguresSummary } from '../figures/runner.ts';
import { prepareOutDir } from '../io/fs-safe.ts';
import { FIGURE_IDS, type FigureId, PRESETS, type PresetName } from '../figures/types.ts';
import { intOption, shardOption } from './options.ts';
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

export function printSummary(s: FiguresSummary, out: string, write: (t: string) => void = (t) => process.stdout.write(t)): void {
  write(`figures ${s.figures.join(', ') || 'none'} (preset ${s.preset}, seed ${s.seed}) -> ${out}; total ${fmtDuration(s.totalWallMs)}\n`);
  for (const t of s.timing) write(`  figure ${t.figure} ${t.phase.padEnd(5)} ${String(t.tasks).padStart(4)} tasks  wall ${fmtDuration(t.wallMs).padStart(6)}  task time ${fmtDuration(t.taskMs)}\n`);
  for (const c of s.checks) write(`  ${c.holds ? 'holds        ' : 'DOES NOT HOLD'} ${c.id}: ${c.measured.length > 160 ? `${c.measured.slice(0, 157)}...` : c.measured}\n`);
}

export const figuresCommand: Command = {
  options: {
    figures: { type: 'string' }, preset: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' },
    shard: { type: 'string' }, jobs: { type: 'string' }, merge: { type: 'string' }, 'allow-partial': { type: 'boolean' },
  },
  positionals: 0,
  run: async (v) => {
    const out = (v.out as string | undefined) ?? 'report/figures';
    if (v.merge !== undefined) {
      if (typeof v.merge !== 'string' || !v.merge) throw new QnnInputError(FN, '--merge', 'needs a directory of shard outputs');
      for (const k of ['figures', 'preset', 'seed', 'shard', 'jobs']) {
        if (v[k] !== undefined) throw new QnnInputError(FN, `--${k}`, 'cannot be combined with --merge (the shards fix them)');
      }
      const { mergeFigureShards } = await import('../figures/merge.ts'); // the figure modules load on use
      const s = await mergeFigureShards(v.merge, out);
      printSummary(s, out);
      if (s.partial) {
        const p = s.partial;
        const what = [p.missingShards.length ? `shards ${p.missingShards.join(', ')}` : '', p.missingTasks.length ? `${p.missingTasks.length} tasks (${p.missingTasks.slice(0, 5).join(', ')}${p.missingTasks.length > 5 ? ', ...' : ''})` : ''].filter(Boolean).join('; ');
        process.stderr.write(`qnn-verify: figures --merge: partial (missing ${what}); figures ${p.figuresOmitted.join(', ') || '-'} omitted, summary.json marked partial${v['allow-partial'] ? '' : '; pass --allow-partial to accept it'}\n`);
        return v['allow-partial'] ? 0 : 1;
      }
      return 0;
    }
    if (v['allow-partial'] !== undefined) throw new QnnInputError(FN, '--allow-partial', 'only applies to --merge');
    const figures = parseFigures(v.figures);
    const preset = parsePreset(v.preset);
    const seed = intOption(FN, 'seed', v.seed, 0, 2 ** 31 - 1) ?? DEFAULT_SEED;
    const shard = shardOption(FN, v.shard);
    const jobs = intOption(FN, 'jobs', v.jobs, 0, 256) ?? defaultJobs();
    prepareOutDir(FN, '--out', out); // before any experiment runs
    const { runFigures } = await import('../figures/runner.ts');
    const s = await runFigures({ figures, preset, seed, out, shard, jobs });
    if (s) printSummary(s, out);
    return 0;
  },
};
