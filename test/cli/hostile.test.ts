/**
 * Every command and option of the CLI tried as a hostile user would (issue 16; the guide's rule
 * "Bad input gets one clear line naming the parameter and the condition, exit status 2, no stack
 * trace, no hang, no half-written file"): unknown commands and flags, missing values, repeated
 * options, negative numbers via --x=-1, numbers in other notations, very large counts, empty
 * files, directories where files are expected, files where directories are expected, JSON of
 * another format version for merge, instance JSON with extra keys, unwritable output places.
 *
 * All cases run from a scratch working directory (so default outputs would land there) in one
 * spawned process (hostile-driver.ts: main() and errorLine() of src/cli/main.ts, exactly the
 * CLI's entry, per case), which keeps the file at a few seconds; the cases in SPAWNED (every
 * command, and each bug the issue lists: --path xyz, --out /proc/nope, --runs 0, stdin) also run
 * as the real CLI, each its own process with a 20 s limit, and must print exactly what the
 * driver printed. Each case checks: exit 2; stderr is exactly one line `qnn-verify: ...` naming
 * the option (the case's pattern), the prefix once, no stack trace; stdout empty; the case's
 * output directory does not exist afterwards; the scratch directories stay empty.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClaim } from '../../src/claims/runner.ts';
import { serialiseInstance } from '../../src/io/instance-json.ts';
import { appendixDInstance } from '../../src/model/scenarios.ts';
import { makeRng } from '../../src/random/rng.ts';
import { buildReport, idsHash, toJson } from '../../src/report/report.ts';
import { claimById, claims } from '../../theorems/index.ts';
import { cli, ROOT, type Run } from './spawn.ts';

/** [name, argv (F/ is the fixture directory, O/ a fresh output path), pattern the one line must match, stdin]. */
type Case = [string, string[], RegExp, string?];

export const CASES: Case[] = [
  // the command line itself
  ['unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
  ['unknown flag', ['verify', '--frobnicate'], /verify: --frobnicate is not an option of verify/],
  ['missing value', ['verify', '--seed'], /verify: --seed needs a value/],
  ['value that looks like a flag', ['verify', '--seed', '--runs', '3'], /verify: --seed needs a value/],
  ['repeated option', ['verify', '--seed', '1', '--seed', '2'], /verify: --seed is given twice/],
  ['value for a boolean', ['verify', '--exact=yes'], /verify: --exact takes no value/],
  ['stray argument', ['verify', 'lemma-c.1'], /verify: takes no argument 'lemma-c.1'/],
  // verify
  ['--runs 0', ['verify', '--runs', '0'], /^qnn-verify: verify: --runs must be between 1 and 100000 \(got 0\)$/],
  ['--runs=-1', ['verify', '--runs=-1'], /verify: --runs must be between 1 and/],
  ['--runs very large', ['verify', '--runs', '99999999999999999999'], /verify: --runs must be a decimal integer/],
  ['--runs 1e9', ['verify', '--runs', '1e9'], /verify: --runs must be a decimal integer/],
  ['--runs 2000000', ['verify', '--runs', '2000000'], /verify: --runs must be between 1 and 100000/],
  ['--runs empty', ['verify', '--runs='], /verify: --runs must be a decimal integer/],
  ['--seed=-1', ['verify', '--seed=-1'], /verify: --seed must be between 0 and/],
  ['--seed hex', ['verify', '--seed', '0x10'], /verify: --seed must be a decimal integer/],
  ['--seed 1.5', ['verify', '--seed', '1.5'], /verify: --seed must be a decimal integer/],
  ['--budget unknown', ['verify', '--budget', 'huge'], /verify: --budget must be quick, default or full/],
  ['--claims unknown', ['verify', '--claims', 'lemma-z.9'], /verify: --claims names an unknown claim 'lemma-z.9'/],
  ['--claims empty id', ['verify', '--claims', 'lemma-c.1,'], /verify: --claims has an empty claim id/],
  ['--claims twice', ['verify', '--claims', 'lemma-c.1,lemma-c.1'], /verify: --claims names claim 'lemma-c.1' twice/],
  ['--exact leaves nothing', ['verify', '--claims', 'lemma-c.1', '--exact'], /verify: --exact leaves no claim/],
  ['--shard 0/2', ['verify', '--shard', '0/2'], /verify: --shard must be i\/n/],
  ['--shard 3/2', ['verify', '--shard', '3/2'], /verify: --shard must be i\/n/],
  ['--shard 1/0', ['verify', '--shard', '1/0'], /verify: --shard must be i\/n/],
  ['--shard text', ['verify', '--shard', 'half'], /verify: --shard must be i\/n/],
  ['--shard huge n', ['verify', '--shard', '1/99999'], /verify: --shard must be i\/n with 1 <= i <= n <= 1000/],
  ['--out /proc/nope (used to hang)', ['verify', '--claims', 'lemma-c.1', '--out', '/proc/nope'], /verify: --out '\/proc\/nope' cannot be written \(ENOENT\)/],
  ['--out is a file', ['verify', '--claims', 'lemma-c.1', '--out', 'F/empty.json'], /verify: --out '.*empty.json' cannot be written \(ENOTDIR\)/],
  ['--out below a file', ['verify', '--claims', 'lemma-c.1', '--out', 'F/empty.json/sub'], /verify: --out '.*' cannot be written \(ENOTDIR\)/],
  ['--out empty', ['verify', '--claims', 'lemma-c.1', '--out='], /verify: --out must not be empty/],
  // replay
  ['replay --path xyz', ['replay', '--claim', 'lemma-c.1', '--seed', '1', '--path', 'xyz'], /replay: --path must be a fast-check replay path/],
  ['replay --path past the end', ['replay', '--claim', 'lemma-c.1', '--seed', '1', '--path', '99:99'], /replay: --path '99:99' does not lead to a run/],
  ['replay without --claim', ['replay', '--seed', '1'], /replay: --claim is required/],
  ['replay unknown claim', ['replay', '--claim', 'nope', '--seed', '1'], /replay: --claim names an unknown claim 'nope'/],
  ['replay without --seed', ['replay', '--claim', 'lemma-c.1'], /replay: --seed is required/],
  ['replay --seed beyond 32 bits', ['replay', '--claim', 'lemma-c.1', '--seed', '4294967296'], /replay: --seed must be between/],
  // list
  ['list with a flag', ['list', '--all'], /list: --all is not an option of list \(options: none\)/],
  ['list with an argument', ['list', 'x'], /list: takes no argument 'x'/],
  // merge
  ['merge without DIR', ['merge'], /merge: DIR is required/],
  ['merge DIR missing', ['merge', 'F/nope'], /merge: DIR '.*nope' does not exist/],
  ['merge DIR is a file', ['merge', 'F/empty.json'], /merge: DIR '.*empty.json' is not a directory/],
  ['merge empty directory', ['merge', 'F/emptydir'], /merge: DIR '.*emptydir' holds no verification-report.json/],
  ['merge report of format version 1', ['merge', 'F/v1', '--out', 'O/m'], /merge: verification-report.json has report format version 1; this qnn-verify reads version 2/],
  ['merge empty report file', ['merge', 'F/emptyreport', '--out', 'O/m'], /merge: verification-report.json is not valid JSON/],
  ['merge report that is a directory', ['merge', 'F/dirreport', '--out', 'O/m'], /merge: verification-report.json '.*' is a directory, not a file/],
  ['merge report of another program', ['merge', 'F/foreign', '--out', 'O/m'], /merge: verification-report.json has report format version null/],
  ['merge shards of another registry', ['merge', 'F/otherreg', '--out', 'O/m'], /merge: shards were run with another claim registry \(sha256 0{12}\.\.\., 1 claims\)/],
  ['merge --out /proc/nope', ['merge', 'F/good', '--out', '/proc/nope'], /merge: --out '\/proc\/nope' cannot be written/],
  ['merge two DIRs', ['merge', 'F/good', 'F/v1'], /merge: too many arguments \(takes DIR; got 2\)/],
  ['merge --allow-partial=yes', ['merge', 'F/good', '--allow-partial=yes'], /merge: --allow-partial takes no value/],
  // sample
  ['sample without --d', ['sample', '--m', '1', '--p', '1'], /sample: --d is required/],
  ['sample odd --d', ['sample', '--d', '3', '--m', '1', '--p', '1'], /sample: --d must be even/],
  ['sample --d huge', ['sample', '--d', '1000000', '--m', '1', '--p', '1'], /sample: --d must be <= 128/],
  ['sample --p huge', ['sample', '--d', '4', '--m', '1', '--p', '99999999999'], /sample: --p must be <=/],
  ['sample --gamma=-1', ['sample', '--d', '4', '--m', '1', '--p', '1', '--gamma=-1'], /sample: --gamma must be a finite number > 0/],
  ['sample --d hex', ['sample', '--d', '0x10', '--m', '1', '--p', '1'], /sample: --d must be an integer >= 2 \(got 0x10\)/],
  ['sample --m=-1', ['sample', '--d', '4', '--m=-1', '--p', '1'], /sample: --m must be an integer >= 1/],
  // eval
  ['eval without FILE', ['eval'], /eval: FILE is required/],
  ['eval missing file', ['eval', 'F/nope.json'], /eval: FILE '.*nope.json' cannot be read \(ENOENT\)/],
  ['eval a directory', ['eval', 'F/emptydir'], /eval: FILE '.*emptydir' is not a regular file/],
  ['eval empty file', ['eval', 'F/empty.json'], /eval: input /],
  ['eval empty stdin', ['eval', '-'], /eval: input /, ''],
  ['eval instance with an extra key', ['eval', 'F/extra.json'], /eval: field "comment" is not recognised/],
  ['eval instance that is not JSON', ['eval', 'F/broken.json'], /eval: input /],
  ['eval instance with d = 10^9', ['eval', 'F/bigd.json'], /eval: d must be/],
  ['eval with a flag', ['eval', 'F/inst.json', '--lr', '1'], /eval: --lr is not an option of eval/],
  // train
  ['train without FILE', ['train'], /train: FILE is required/],
  ['train a directory', ['train', 'F/emptydir'], /train: FILE '.*emptydir' is a directory, not a file/],
  ['train empty file', ['train', 'F/empty.json'], /train: input /],
  ['train instance with an extra key', ['train', 'F/extra.json'], /train: field "comment" is not recognised/],
  ['train --epochs=-1', ['train', 'F/inst.json', '--epochs=-1'], /train: --epochs must be between 0 and/],
  ['train --epochs huge', ['train', 'F/inst.json', '--epochs', '99999999999'], /train: --epochs must be between 0 and 10000000/],
  ['train --epochs missing value', ['train', 'F/inst.json', '--epochs'], /train: --epochs needs a value/],
  ['train --lr 0', ['train', 'F/inst.json', '--lr', '0'], /train: --lr must be a finite number > 0/],
  ['train --lr nan', ['train', 'F/inst.json', '--lr', 'NaN'], /train: --lr must be a finite number > 0/],
  ['train --lr=-1', ['train', 'F/inst.json', '--lr=-1'], /train: --lr must be a finite number > 0/],
  ['train --lr 1e300', ['train', 'F/inst.json', '--lr', '1e300'], /train: --lr must be <= 1000000/],
  ['train --every 0', ['train', 'F/inst.json', '--every', '0'], /train: --every must be between 1 and/],
  ['train --flow with --epochs', ['train', 'F/inst.json', '--flow', '1', '--epochs', '5'], /train: --epochs cannot be combined with --flow/],
  ['train --rtol without --flow', ['train', 'F/inst.json', '--rtol', '1e-8'], /train: --rtol needs --flow T/],
  ['train --flow 1e99', ['train', 'F/inst.json', '--flow', '1e99'], /train: --flow must be <= 1000000000/],
  ['train --flow Infinity', ['train', 'F/inst.json', '--flow', 'Infinity'], /train: --flow must be a finite number > 0/],
  ['train --rtol 2', ['train', 'F/inst.json', '--flow', '1', '--rtol', '2'], /train: --rtol must be between 1e-14 and 0.1/],
  ['train --flow --every huge', ['train', 'F/inst.json', '--flow', '1', '--every', '100000000'], /train: --every must be between 1 and 100000/],
  // figures
  ['figures --preset unknown', ['figures', '--preset', 'huge'], /figures: --preset must be quick or paper/],
  ['figures --figures 7', ['figures', '--figures', '7'], /figures: --figures must list figures among/],
  ['figures --figures empty', ['figures', '--figures', ','], /figures: --figures must name at least one figure/],
  ['figures --jobs huge', ['figures', '--jobs', '100000'], /figures: --jobs must be between 0 and 256/],
  ['figures --seed=-5', ['figures', '--seed=-5'], /figures: --seed must be between 0 and/],
  ['figures --shard 2/1', ['figures', '--shard', '2/1'], /figures: --shard must be i\/n/],
  ['figures --out /proc/nope', ['figures', '--figures', '1', '--out', '/proc/nope'], /figures: --out '\/proc\/nope' cannot be written/],
  ['figures --merge without value', ['figures', '--merge'], /figures: --merge needs a value/],
  ['figures --merge a file', ['figures', '--merge', 'F/empty.json', '--out', 'O/f'], /figures --merge: DIR '.*empty.json' is not a directory/],
  ['figures --merge empty directory', ['figures', '--merge', 'F/emptydir', '--out', 'O/f'], /figures --merge: DIR holds no figure-tasks.json/],
  ['figures --merge shard of format version 1', ['figures', '--merge', 'F/oldshard', '--out', 'O/f'], /figures --merge: figure-tasks.json has shard format version 1; this qnn-verify reads version 2/],
  ['figures --merge with --preset', ['figures', '--merge', 'F/oldshard', '--preset', 'quick'], /figures: --preset cannot be combined with --merge/],
  ['figures --allow-partial without --merge', ['figures', '--allow-partial'], /figures: --allow-partial only applies to --merge/],
];

/** Run as the real CLI too (one process each). */
export const SPAWNED = new Set([
  'unknown command', '--runs 0', '--out /proc/nope (used to hang)', 'replay --path xyz', 'list with a flag',
  'merge report of format version 1', 'sample odd --d', 'eval empty stdin', 'train --lr 0', 'figures --out /proc/nope',
]);

let fix: string, cwd: string, out: string;
const results = new Map<string, Run>();
const spawned = new Map<string, Run>();

function resolveArgs(args: string[]): string[] {
  return args.map((a) => a.replace(/^F\//, `${fix}/`).replace(/^O\//, `${out}/`).replace(/=F\//, `=${fix}/`));
}

beforeAll(async () => {
  fix = mkdtempSync(join(tmpdir(), 'qnn-hostile-fix-'));
  cwd = mkdtempSync(join(tmpdir(), 'qnn-hostile-cwd-'));
  out = mkdtempSync(join(tmpdir(), 'qnn-hostile-out-'));
  const { instance, theta0 } = appendixDInstance(makeRng(3), { d: 4, m: 2, p: 3, gamma: 1 });
  const inst = serialiseInstance(instance, theta0);
  writeFileSync(join(fix, 'inst.json'), inst);
  writeFileSync(join(fix, 'extra.json'), inst.replace(/^\{/, '{\n  "comment": "made by hand",'));
  writeFileSync(join(fix, 'broken.json'), inst.slice(0, 40));
  writeFileSync(join(fix, 'bigd.json'), inst.replace(/"d": 4/, '"d": 1000000000'));
  writeFileSync(join(fix, 'empty.json'), '');
  mkdirSync(join(fix, 'emptydir'));
  const r = runClaim(claimById('lemma-c.1')!, { runs: 2, seed: 1 });
  const rep = buildReport([r], { seed: 1, budget: 'quick', run: { budget: 'quick', runs: null, exact: false, registry: { claims: claims.length, sha256: idsHash(claims.map((c) => c.id)) }, selection: [r.id], shard: null, claimIds: [r.id] } });
  const other = { ...rep, run: { ...rep.run, registry: { claims: 1, sha256: '0'.repeat(64) } } };
  for (const [d, text] of [['good', toJson(rep)], ['otherreg', toJson(other)], ['v1', toJson({ ...rep, schemaVersion: 1 })], ['emptyreport', ''], ['foreign', '{"name": "another tool"}']] as const) {
    mkdirSync(join(fix, d));
    writeFileSync(join(fix, d, 'verification-report.json'), text);
  }
  mkdirSync(join(fix, 'dirreport', 'verification-report.json'), { recursive: true });
  mkdirSync(join(fix, 'oldshard'));
  writeFileSync(join(fix, 'oldshard', 'figure-tasks.json'), JSON.stringify({ schemaVersion: 1, preset: 'quick', seed: 1, figures: [1], shard: '1/1', results: [] }));
  // Every case without stdin in one driver process; the SPAWNED ones also as the real CLI, two at a time.
  const casesFile = join(fix, 'cases.json');
  writeFileSync(casesFile, JSON.stringify(CASES.filter((c) => c[3] === undefined).map(([name, args]) => ({ name, args: resolveArgs(args) }))));
  const queue = CASES.filter((c) => SPAWNED.has(c[0]));
  const [driver] = await Promise.all([
    cli([], { cwd, timeoutMs: 60_000, argv: ['--import', 'tsx', join(ROOT, 'test/cli/hostile-driver.ts'), casesFile] }),
    ...Array.from({ length: 2 }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) spawned.set(c[0], await cli(resolveArgs(c[1]), { cwd, input: c[3], timeoutMs: 20_000 }));
    }),
  ]);
  expect(driver.status, driver.stderr).toBe(0);
  expect(driver.timedOut).toBe(false);
  for (const line of driver.stdout.trim().split('\n')) {
    const r = JSON.parse(line) as Run & { name: string };
    results.set(r.name, { ...r, timedOut: false });
  }
  for (const [name, r] of spawned) if (!results.has(name)) results.set(name, r);
}, 120_000);

afterAll(() => {
  for (const d of [fix, cwd, out]) rmSync(d, { recursive: true, force: true });
});

describe(`hostile input: ${CASES.length} cases, each one line naming the option, exit 2, no stack trace, no hang, no file left`, () => {
  it.each(CASES)('%s', (name, args, pattern) => {
    const r = results.get(name)!;
    expect(r.timedOut, `${name} hung`).toBe(false);
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 2, stdout: '' });
    const lines = r.stderr.split('\n');
    expect(lines.length, r.stderr).toBe(2); // one line and its newline
    expect(lines[1]).toBe('');
    expect(lines[0]).toMatch(/^qnn-verify: /);
    expect(lines[0]).not.toMatch(/qnn-verify: qnn-verify|internal error|\bat .*:\d+:\d+\)?$/);
    expect(lines[0]).toMatch(pattern);
    const o = args.find((a) => a.startsWith('O/'));
    if (o) expect(existsSync(resolveArgs([o])[0])).toBe(false);
    const sp = spawned.get(name);
    if (sp) {
      expect(sp.timedOut, `${name} hung`).toBe(false);
      expect({ status: sp.status, stdout: sp.stdout, stderr: sp.stderr }).toEqual({ status: r.status, stdout: r.stdout, stderr: r.stderr });
    }
  });

  it(`${SPAWNED.size} cases also ran as the real CLI (one process each), covering every command`, () => {
    expect(spawned.size).toBe(SPAWNED.size);
    const commands = new Set([...SPAWNED].map((n) => CASES.find((c) => c[0] === n)![1][0]));
    for (const c of ['verify', 'replay', 'list', 'merge', 'sample', 'eval', 'train', 'figures', 'frobnicate']) expect(commands.has(c), c).toBe(true);
  });

  it('nothing was written to the working directory or the output directory', () => {
    expect(readdirSync(cwd)).toEqual([]);
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync('/proc/nope')).toBe(false);
  });
});
