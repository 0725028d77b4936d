/**
 * Covers src/figures/runner.ts, report.ts, plot.ts and src/cli/figures-command.ts on the tiny
 * 'test' preset: files written atomically, SVG plots, checks, shards + merge = one run, HTML sections.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figuresCommand } from '../../src/cli/figures-command.ts';
import { figuresHtmlSections, scopeSvgIds } from '../../src/figures/report.ts';
import { runFigures, shardKeys } from '../../src/figures/runner.ts';
import { mergeFigureShards } from '../../src/figures/merge.ts';
import { taskCost } from '../../src/figures/tasks.ts';
import { FIGURES } from '../../src/figures/runner.ts';
import type { FiguresSummary, FigureData } from '../../src/figures/types.ts';

const quiet = { isTTY: false, write: () => {} };
let root: string;
let full: FiguresSummary;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'qnn-figures-'));
  full = (await runFigures({ figures: [1, 2, 3, 4, 5, 6], preset: 'test', seed: 5, out: join(root, 'all'), jobs: 0, sink: quiet }))!;
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('figures runner', () => {
  it('writes data, an SVG per figure and a summary, with no temporary files left', () => {
    const files = readdirSync(join(root, 'all')).sort();
    expect(files).toEqual(['figure-1.json', 'figure-1.svg', 'figure-2.json', 'figure-2.svg', 'figure-3.json', 'figure-3.svg', 'figure-4.json', 'figure-4.svg',
      'figure-5.json', 'figure-5.svg', 'figure-6.json', 'figure-6.svg', 'summary.json']);
    for (let f = 1; f <= 6; f++) {
      const svg = readFileSync(join(root, 'all', `figure-${f}.svg`), 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toMatch(/<path|<line/);
      const data = JSON.parse(readFileSync(join(root, 'all', `figure-${f}.json`), 'utf8')) as FigureData;
      expect(data.figure).toBe(f);
      expect(data.checks.length).toBeGreaterThan(0);
      for (const c of data.checks) expect(typeof c.holds).toBe('boolean');
      expect(data.timing.length).toBeGreaterThan(0);
    }
    expect(full.checks.map((c) => c.id)).toContain('figure-1/loss-floor');
    expect(full.timing.map((t) => `${t.figure}/${t.phase}`)).toEqual(['1/gd', '1/flow', '2/gd', '2/flow', '3/asym', '4/gd', '4/flow', '5/asym', '6/gd', '6/flow']);
  });

  it('log axes where the paper uses them, legends and bands', () => {
    const spec1 = JSON.stringify(FIGURES[1].spec(JSON.parse(readFileSync(join(root, 'all', 'figure-1.json'), 'utf8'))));
    expect(spec1).toContain('"type":"log"');
    expect(spec1).toContain('"mark":{"type":"area"');
    const svg = readFileSync(join(root, 'all', 'figure-1.svg'), 'utf8');
    expect(svg).toContain('role-legend');
  });

  it('shards run on worker threads and merge into the same figures as one run', async () => {
    const figs: (1 | 3 | 6)[] = [1, 3, 6];
    const tasks = figs.flatMap((f) => FIGURES[f].phases('test', 5).flatMap((p) => p.tasks));
    const split = shardKeys(tasks, 2);
    expect(split[0].size + split[1].size).toBe(tasks.length);
    const load = split.map((s) => tasks.filter((t) => s.has(t.key)).reduce((a, t) => a + taskCost(t), 0));
    expect(Math.min(...load) / Math.max(...load)).toBeGreaterThan(0.3);
    for (const i of [1, 2]) {
      const r = await runFigures({ figures: figs, preset: 'test', seed: 5, out: join(root, 'shards', `s${i}`), shard: { i, n: 2 }, jobs: 1, sink: quiet });
      expect(r).toBeNull();
    }
    const merged = await mergeFigureShards(join(root, 'shards'), join(root, 'merged'));
    expect(merged.shards).toEqual(['1/2', '2/2']);
    for (const f of figs) {
      const a = JSON.parse(readFileSync(join(root, 'all', `figure-${f}.json`), 'utf8')) as FigureData;
      const b = JSON.parse(readFileSync(join(root, 'merged', `figure-${f}.json`), 'utf8')) as FigureData;
      expect(b.checks).toEqual(a.checks);
      const noTimes = (d: FigureData['data']) => JSON.parse(JSON.stringify(d, (k, v) => (k === 'cf4Ms' ? undefined : v)));
      expect(noTimes(b.data)).toEqual(noTimes(a.data));
    }
    rmSync(join(root, 'shards', 's2'), { recursive: true });
    const partial = await mergeFigureShards(join(root, 'shards'), join(root, 'merged2'));
    expect(partial.partial?.missingShards).toEqual(['2/2']);
    expect(partial.partial?.figuresOmitted.length).toBeGreaterThan(0);
  }, 60_000);

  it('HTML sections: summary of checks and timing, every figure inline with unique ids', () => {
    const sections = figuresHtmlSections(join(root, 'all'));
    expect(sections.length).toBe(7);
    const html = sections.join('\n');
    expect(html).toContain('id="reproduced-figures-checks"');
    for (let f = 1; f <= 6; f++) expect(html).toContain(`id="reproduced-figure-${f}-svg"`);
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/); // self-contained
    expect(figuresHtmlSections(join(root, 'nothing-here'))).toEqual([]);
    expect(scopeSvgIds('<svg><clipPath id="clip1"/><g clip-path="url(#clip1)"/></svg>', 'f9')).toBe('<svg><clipPath id="f9-clip1"/><g clip-path="url(#f9-clip1)"/></svg>');
  });

  it('the CLI refuses bad options with one line naming the option', async () => {
    const run = (v: Record<string, string>) => figuresCommand.run(v, []);
    await expect(run({ preset: 'huge' })).rejects.toThrow(/^figures: --preset must be quick or paper/);
    await expect(run({ preset: 'test' })).rejects.toThrow(/--preset must be quick or paper/);
    await expect(run({ figures: '1,7' })).rejects.toThrow(/--figures must list figures among 1,2,3,4,5,6/);
    await expect(run({ shard: '3/2' })).rejects.toThrow(/--shard must be i\/n/);
    await expect(run({ jobs: '-1' })).rejects.toThrow(/--jobs must be between 0 and 256/);
    await expect(run({ merge: join(root, 'all'), preset: 'quick' })).rejects.toThrow(/--preset cannot be combined with --merge/);
    await expect(run({ merge: join(root, 'all') })).rejects.toThrow(/holds no figure-tasks.json/);
    expect(existsSync(join(root, 'all', 'summary.json'))).toBe(true);
  });
});
