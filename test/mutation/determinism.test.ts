/**
 * Same seed, same numbers: two runs of `qnn-verify verify` with the same claims, budget and seed
 * (separate processes) write JSON reports that are byte for byte identical once the fields that
 * legitimately differ (generatedAt, every timeMs, tool.commit) are removed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLAIMS = ['lemma-3.1/eq-15', 'lemma-b.2/eq-71', 'theorem-3.2/pi0-eq-30'];
const dirs: string[] = [];

/** The report's JSON text with generatedAt, timeMs (at any depth) and tool.commit removed. */
export function normalise(text: string): string {
  const strip = (v: unknown, path: string[]): unknown => {
    if (Array.isArray(v)) return v.map((x) => strip(x, path));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (k === 'generatedAt' || k === 'timeMs') continue;
        if (k === 'commit' && path.length === 1 && path[0] === 'tool') continue;
        out[k] = strip(x, [...path, k]);
      }
      return out;
    }
    return v;
  };
  return JSON.stringify(strip(JSON.parse(text), []), null, 2);
}

function verify(seed: number): { json: string; raw: string } {
  const out = mkdtempSync(join(tmpdir(), 'qnn-determinism-'));
  dirs.push(out);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'verify', '--claims', CLAIMS.join(','), '--budget', 'quick', '--seed', String(seed), '--out', out],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(r.status, `verify exited ${r.status}: ${r.stderr}`).toBe(0);
  const raw = readFileSync(join(out, 'verification-report.json'), 'utf8');
  return { raw, json: normalise(raw) };
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('determinism: same seed, same report', () => {
  it(`verify --claims ${CLAIMS.join(',')} --budget quick --seed 5, twice: identical JSON after removing generatedAt, timeMs, tool.commit`, () => {
    const a = verify(5);
    const b = verify(5);
    const parsed = JSON.parse(a.raw) as { results?: { id: string }[] };
    // The comparison is not vacuous: the report names the three claims and carries numbers.
    for (const id of CLAIMS) expect(a.raw).toContain(`"${id}"`);
    expect(parsed).toBeTypeOf('object');
    expect(a.json).toBe(b.json);
  });

  it('the normalisation removes exactly generatedAt, timeMs and tool.commit', () => {
    const text = JSON.stringify({ generatedAt: 'x', tool: { commit: 'abc', name: 'q' }, results: [{ id: 'a', timeMs: 3, commit: 'kept', worstSlack: 0.5 }] });
    expect(JSON.parse(normalise(text))).toEqual({ tool: { name: 'q' }, results: [{ id: 'a', commit: 'kept', worstSlack: 0.5 }] });
  });
});
