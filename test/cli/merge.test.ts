/**
 * `qnn-verify merge` (src/report/merge.ts, src/cli/merge-command.ts). Issue 16: "A merged report
 * must be exactly as trustworthy as a single run."
 * - Round trip: shards 1/2 and 2/2 of a real run (4 claims, quick budget, seed 11) merge to a
 *   report byte-identical to the unsharded run's once generatedAt, every timeMs and the merge's
 *   own `merged` field are blanked.
 * - Every inconsistency is refused with one line naming what disagrees (exit 2): seed, budget,
 *   runs override, --exact, tool version, commit, claim registry, selection, number of shards,
 *   a repeated shard spec, a claim twice, a shard that ran claims outside its spec, another report
 *   format, a merged report as input, text that is not JSON.
 * - Missing shards are named; without --allow-partial exit 1 and the report is marked partial in
 *   JSON, Markdown and HTML.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeCommand } from '../../src/cli/merge-command.ts';
import { QnnInputError } from '../../src/errors.ts';
import { mergeReports, parseShardReport, shardSelection, type ShardInput } from '../../src/report/merge.ts';
import type { VerificationReport } from '../../src/report/report.ts';
import { cli } from './spawn.ts';

const CLAIMS = ['lemma-3.1/eq-15', 'theorem-3.2/pi0-eq-30', 'theorem-4.4/eq-116-corrected', 'lemma-c.1'];
const COMMON = ['--claims', CLAIMS.join(','), '--budget', 'quick', '--seed', '11'];
let root: string;
let texts: { whole: string; s1: string; s2: string };

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'qnn-merge-'));
  const runs = await Promise.all([
    cli(['verify', ...COMMON, '--out', join(root, 'whole')], { timeoutMs: 120_000 }),
    cli(['verify', ...COMMON, '--shard', '1/2', '--out', join(root, 'shards', 'a')], { timeoutMs: 120_000 }),
    cli(['verify', ...COMMON, '--shard', '2/2', '--out', join(root, 'shards', 'b')], { timeoutMs: 120_000 }),
  ]);
  for (const r of runs) expect(r.status, r.stderr).toBe(0);
  const read = (d: string) => readFileSync(join(root, d, 'verification-report.json'), 'utf8');
  texts = { whole: read('whole'), s1: read('shards/a'), s2: read('shards/b') };
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The JSON text with generatedAt, timeMs and the merge's own field blanked (the timings aside). */
function blank(text: string): string {
  return text
    .replace(/"generatedAt": "[^"]*"/g, '"generatedAt": "-"')
    .replace(/"timeMs": \d+/g, '"timeMs": 0')
    .replace(/\n {2}"merged": \{\n {4}"shards": \[[^\]]*\]\n {2}\},/, '');
}

const parse = (t: string) => JSON.parse(t) as VerificationReport;
const input = (file: string, rep: VerificationReport): ShardInput => ({ file, report: rep });
function edit(text: string, f: (r: VerificationReport) => void): VerificationReport {
  const r = parse(text);
  f(r);
  return r;
}
function refusal(shards: ShardInput[]): string {
  try {
    mergeReports(shards);
  } catch (e) {
    expect(e).toBeInstanceOf(QnnInputError);
    const m = (e as Error).message;
    expect(m).not.toContain('\n');
    return m;
  }
  throw new Error('mergeReports accepted inconsistent shards');
}

describe('merge: shards of a real run', () => {
  it('each shard records seed, budget, runs, tool version, commit, registry hash, selection, shard spec and its claim ids', () => {
    const a = parse(texts.s1), b = parse(texts.s2), w = parse(texts.whole);
    expect(a.schemaVersion).toBe(2);
    expect(a.run.selection).toEqual(w.run.selection);
    expect(a.run.shard).toEqual({ i: 1, n: 2 });
    expect(b.run.shard).toEqual({ i: 2, n: 2 });
    expect(w.run.shard).toBeNull();
    expect(a.run.claimIds).toEqual(shardSelection(w.run.selection, { i: 1, n: 2 }));
    expect([...a.run.claimIds, ...b.run.claimIds].sort()).toEqual([...CLAIMS].sort());
    expect(a.run.registry.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.run.registry.claims).toBeGreaterThan(90);
    expect(a.seed).toBe(11);
    expect(a.run.budget).toBe('quick');
    expect(a.run.runs).toBeNull();
    expect(a.tool.version).toBe(w.tool.version);
  });

  it('merge of shards 1/2 + 2/2 is byte-identical to the unsharded run, timings aside (CLI, exit 0)', async () => {
    const r = await cli(['merge', join(root, 'shards'), '--out', join(root, 'merged')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('merged 2 shard reports (1/2, 2/2), 4 of 4 claims');
    const merged = readFileSync(join(root, 'merged', 'verification-report.json'), 'utf8');
    expect(parse(merged).merged).toEqual({ shards: ['1/2', '2/2'] });
    expect(blank(merged)).not.toBe(merged); // the blanking did something
    expect(blank(merged)).toBe(blank(texts.whole));
    for (const id of CLAIMS) expect(merged).toContain(`"id": "${id}"`);
  }, 60_000);

  it('a missing shard is named; exit 1 and the report is marked partial in JSON, Markdown and HTML; --allow-partial exits 0', async () => {
    const only = join(root, 'only-a');
    cpSync(join(root, 'shards', 'a'), join(only, 'a'), { recursive: true });
    const r = await cli(['merge', only, '--out', join(root, 'partial')]);
    expect(r.status).toBe(1);
    const missing = shardSelection(parse(texts.whole).run.selection, { i: 2, n: 2 });
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('missing shards 2/2');
    for (const id of missing) expect(r.stderr).toContain(id);
    const rep = parse(readFileSync(join(root, 'partial', 'verification-report.json'), 'utf8'));
    expect(rep.partial).toEqual({ missingShards: ['2/2'], missingClaims: missing });
    expect(readFileSync(join(root, 'partial', 'verification-report.md'), 'utf8').split('\n')[0]).toMatch(/^> \*\*PARTIAL REPORT: .*missing shards 2\/2/);
    expect(readFileSync(join(root, 'partial', 'index.html'), 'utf8')).toMatch(/<div id="partial-banner"[^>]*>PARTIAL REPORT: .*missing shards 2\/2/);
    expect(await mergeCommand.run({ out: join(root, 'partial-ok'), 'allow-partial': true }, [only])).toBe(0); // in-process
    expect(parse(readFileSync(join(root, 'partial-ok', 'verification-report.json'), 'utf8')).partial?.missingShards).toEqual(['2/2']);
  }, 60_000);

  it('the issue\'s example: shards of different seeds are refused with one line, exit 2, nothing written', async () => {
    const dir = join(root, 'mixed');
    cpSync(join(root, 'shards', 'a'), join(dir, 'a'), { recursive: true });
    const b = edit(texts.s2, (x) => { x.seed = 12; for (const c of x.results) c.seed = 12; });
    cpSync(join(root, 'shards', 'b'), join(dir, 'b'), { recursive: true });
    writeFileSync(join(dir, 'b', 'verification-report.json'), JSON.stringify(b, null, 2));
    const r = await cli(['merge', dir, '--out', join(root, 'never')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('qnn-verify: merge: shards disagree on seed: a/verification-report.json has 11, b/verification-report.json has 12\n');
    expect(existsSync(join(root, 'never'))).toBe(false);
  }, 60_000);
});

describe('merge refuses inconsistent shards, naming what disagrees', () => {
  const a = () => parse(texts.s1), b = () => parse(texts.s2);
  const cases: [string, (r: VerificationReport) => void, RegExp][] = [
    ['seed', (r) => { r.seed = 12; }, /disagree on seed: a has 11, b has 12/],
    ['budget', (r) => { r.run.budget = 'default'; r.budget = 'default'; }, /disagree on budget: a has "quick", b has "default"/],
    ['runs override', (r) => { r.run.runs = 7; }, /disagree on runs override: a has null, b has 7/],
    ['--exact', (r) => { r.run.exact = true; }, /disagree on --exact/],
    ['tool version', (r) => { r.tool.version = '0.0.9'; }, /disagree on tool version: a has "0\.1\.0", b has "0\.0\.9"/],
    ['commit', (r) => { r.tool.commit = 'deadbee'; }, /disagree on commit: a has .*, b has "deadbee"/],
    ['registry', (r) => { r.run.registry.sha256 = '0'.repeat(64); }, /disagree on claim registry/],
    ['selection', (r) => { r.run.selection = r.run.selection.slice(1); }, /disagree on selection of claims/],
    ['number of shards', (r) => { r.run.shard = { i: 2, n: 3 }; }, /disagree on number of shards n: a has 2, b has 3/],
  ];
  for (const [name, f, re] of cases) {
    it(`${name}`, () => {
      expect(refusal([input('a', a()), input('b', edit(texts.s2, f))])).toMatch(re);
    });
  }

  it('a repeated shard spec', () => {
    expect(refusal([input('a', a()), input('b', b()), input('c', a())])).toMatch(/^merge: shards repeat shard 1\/2: a and c$/);
  });

  it('a claim that appears twice (a shard that also ran a claim of another shard)', () => {
    const twice = edit(texts.s2, (r) => { r.results.push(a().results[0]); r.run.claimIds.push(a().results[0].id); });
    expect(refusal([input('a', a()), input('b', twice)])).toMatch(new RegExp(`both ran claim ${a().results[0].id.replace('.', '\\.')}: a and b`));
  });

  it('a shard that ran claims outside its spec, or lists ids that differ from its results', () => {
    const wrong = edit(texts.s2, (r) => { r.run.shard = { i: 1, n: 2 }; });
    expect(refusal([input('b', wrong)])).toMatch(/^merge: b is shard 1\/2 but ran .* outside its shard/);
    const lying = edit(texts.s2, (r) => { r.run.claimIds = [...r.run.claimIds].reverse(); });
    expect(refusal([input('b', lying)])).toMatch(/lists claim ids in run.claimIds that differ from its results/);
    const short = edit(texts.s2, (r) => { r.results = r.results.slice(1); r.run.claimIds = r.run.claimIds.slice(1); });
    expect(refusal([input('b', short)])).toMatch(/is shard 2\/2 but did not run /);
  });

  it('another report format, a merged report, text that is not JSON, an incomplete report', () => {
    const v1 = JSON.stringify({ ...a(), schemaVersion: 1 });
    expect(() => parseShardReport('old.json', v1)).toThrow(/^merge: old.json has report format version 1; this qnn-verify reads version 2/);
    expect(() => parseShardReport('m.json', JSON.stringify({ ...a(), merged: { shards: ['1/2'] } }))).toThrow(/is itself a merged report/);
    expect(() => parseShardReport('e.json', '')).toThrow(/^merge: e.json is not valid JSON/);
    expect(() => parseShardReport('n.json', 'null')).toThrow(/not a JSON object/);
    const noRun = { ...a() } as Partial<VerificationReport>;
    delete noRun.run;
    expect(() => parseShardReport('r.json', JSON.stringify(noRun))).toThrow(/is not a complete verification report/);
    expect(parseShardReport('ok.json', texts.s1).run.shard).toEqual({ i: 1, n: 2 });
  });

  it('consistent shards in any order merge to the same report', () => {
    const x = mergeReports([input('a', a()), input('b', b())]).report;
    const y = mergeReports([input('b', b()), input('a', a())]).report;
    expect({ ...x, generatedAt: '' }).toEqual({ ...y, generatedAt: '' });
    expect(x.partial).toBeUndefined();
  });
});
