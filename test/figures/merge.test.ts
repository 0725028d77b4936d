/**
 * `qnn-verify figures --merge` (src/figures/merge.ts): issue 16, "The same for `figures --merge`":
 * shards that disagree (tool version, commit, preset, seed, figures, n), a repeated shard spec, a
 * task its shard is not assigned, an assignment that differs from the plan's, another format and
 * text that is not JSON are refused with one line (QnnInputError, exit 2); missing shards are
 * named, only complete figures are written and summary.json is marked partial (exit 1 unless
 * --allow-partial). Shards of figures 1 and 3 on the tiny 'test' preset.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figuresCommand } from '../../src/cli/figures-command.ts';
import { QnnInputError } from '../../src/errors.ts';
import { mergeFigureShards } from '../../src/figures/merge.ts';
import { runFigures, SHARD_FILE, type ShardFile } from '../../src/figures/runner.ts';
import type { FiguresSummary } from '../../src/figures/types.ts';

const quiet = { isTTY: false, write: () => {} };
let root: string;
let s1: ShardFile, s2: ShardFile;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'qnn-figmerge-'));
  for (const i of [1, 2]) {
    await runFigures({ figures: [1, 3], preset: 'test', seed: 5, out: join(root, 'ok', `s${i}`), shard: { i, n: 2 }, jobs: 0, sink: quiet });
  }
  s1 = JSON.parse(readFileSync(join(root, 'ok', 's1', SHARD_FILE), 'utf8')) as ShardFile;
  s2 = JSON.parse(readFileSync(join(root, 'ok', 's2', SHARD_FILE), 'utf8')) as ShardFile;
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
/** A directory with the given shard files (objects or raw text). */
function dirOf(...files: (ShardFile | string)[]): string {
  const d = join(root, `case${n++}`);
  files.forEach((f, k) => {
    mkdirSync(join(d, `s${k + 1}`), { recursive: true });
    writeFileSync(join(d, `s${k + 1}`, SHARD_FILE), typeof f === 'string' ? f : JSON.stringify(f));
  });
  return d;
}
const clone = (s: ShardFile) => JSON.parse(JSON.stringify(s)) as ShardFile;
async function refusal(dir: string): Promise<string> {
  const out = join(root, `out${n++}`);
  const e = await mergeFigureShards(dir, out).then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(QnnInputError);
  expect(existsSync(out)).toBe(false); // nothing written
  const m = (e as Error).message;
  expect(m).not.toContain('\n');
  return m;
}

describe('figures --merge refuses inconsistent shards', () => {
  const cases: [string, (s: ShardFile) => void, RegExp][] = [
    ['seed', (s) => { s.seed = 6; }, /disagree on seed: s1\/figure-tasks.json has 5, s2\/figure-tasks.json has 6/],
    ['preset', (s) => { s.preset = 'quick'; }, /disagree on preset/],
    ['figures', (s) => { s.figures = [1]; }, /disagree on figures: .* has "1,3", .* has "1"/],
    ['tool version', (s) => { s.tool.version = '0.0.1'; }, /disagree on tool version/],
    ['commit', (s) => { s.tool.commit = 'deadbee'; }, /disagree on commit/],
    ['number of shards', (s) => { s.shard = '2/3'; }, /disagree on number of shards n/],
  ];
  for (const [name, f, re] of cases) {
    it(name, async () => {
      const b = clone(s2);
      f(b);
      expect(await refusal(dirOf(s1, b))).toMatch(re);
    });
  }

  it('a repeated shard spec', async () => {
    expect(await refusal(dirOf(s1, s2, s1))).toMatch(/^figures --merge: shards repeat shard 1\/2: s1\/figure-tasks.json and s3\/figure-tasks.json$/);
  });

  it('a task its shard is not assigned, and an assignment that is not the plan\'s', async () => {
    const b = clone(s2);
    b.results.push(s1.results[0]);
    expect(await refusal(dirOf(s1, b))).toMatch(new RegExp(`s2/figure-tasks.json is shard 2/2 but holds task ${s1.results[0].key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, which that shard is not assigned`));
    const c = clone(s2);
    c.assigned = c.assigned.slice(1);
    expect(await refusal(dirOf(s1, c))).toMatch(/is shard 2\/2 but was assigned \d+ tasks where this plan assigns shard 2\/2 \d+/);
  });

  it('another format version, text that is not JSON, a shard without its fields', async () => {
    expect(await refusal(dirOf(s1, JSON.stringify({ ...s2, schemaVersion: 1 })))).toMatch(/s2\/figure-tasks.json has shard format version 1; this qnn-verify reads version 2/);
    expect(await refusal(dirOf(s1, '{"schemaVersion": 2'))).toMatch(/s2\/figure-tasks.json is not valid JSON/);
    expect(await refusal(dirOf(s1, JSON.stringify({ schemaVersion: 2 })))).toMatch(/is not a complete figures shard file/);
  });
});

describe('figures --merge with a shard missing', () => {
  it('names it, writes only the complete figures, marks summary.json partial; the CLI exits 1, or 0 with --allow-partial', async () => {
    const only = dirOf(s1);
    const out = join(root, 'partial');
    const code = await figuresCommand.run({ merge: only, out }, []);
    expect(code).toBe(1);
    const sum = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as FiguresSummary;
    expect(sum.partial?.missingShards).toEqual(['2/2']);
    expect(sum.partial?.missingTasks.length).toBe(s2.assigned.length);
    expect(new Set(sum.partial?.missingTasks)).toEqual(new Set(s2.assigned));
    for (const f of sum.partial!.figuresOmitted) expect(existsSync(join(out, `figure-${f}.svg`))).toBe(false);
    for (const f of sum.figures) expect(existsSync(join(out, `figure-${f}.svg`))).toBe(true);
    expect(sum.figures.length + sum.partial!.figuresOmitted.length).toBe(2);
    expect(await figuresCommand.run({ merge: only, out: join(root, 'partial-ok'), 'allow-partial': true }, [])).toBe(0);
    const full = join(root, 'full');
    cpSync(join(root, 'ok'), full, { recursive: true });
    expect(await figuresCommand.run({ merge: full, out: join(root, 'merged') }, [])).toBe(0);
    expect((JSON.parse(readFileSync(join(root, 'merged', 'summary.json'), 'utf8')) as FiguresSummary).partial).toBeUndefined();
  }, 60_000);
});
