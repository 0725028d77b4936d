/**
 * scripts/render-report.ts (`npm run report`): re-renders index.html and the Markdown report from a
 * report's JSON without running a claim; refuses a missing or malformed report with one line and
 * exit status 2, writing nothing.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = (dir: string) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'render-report.ts'), dir], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

describe('npm run report', () => {
  it('writes index.html and verification-report.md from the JSON alone', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'qnn-render-'));
    try {
      copyFileSync(join(ROOT, 'report', 'verification-report.json'), join(tmp, 'verification-report.json'));
      const r = run(tmp);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^rendered \d+ claims -> .*index\.html \(\d\.\d\d MB\)/);
      const html = readFileSync(join(tmp, 'index.html'), 'utf8');
      expect(html).toContain('<section id="blueprint-overview">');
      expect(html).toContain('<math');
      expect(readFileSync(join(tmp, 'verification-report.md'), 'utf8')).toMatch(/^# qnn-verify verification report/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);
  it('refuses a directory without a report, and a file that is not one, with one line and exit 2', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'qnn-render-'));
    try {
      let r = run(tmp);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^render-report: DIR must hold verification-report\.json/);
      writeFileSync(join(tmp, 'verification-report.json'), '{"results": 3}');
      r = run(tmp);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/is not a verification report/);
      writeFileSync(join(tmp, 'verification-report.json'), '{not json');
      r = run(tmp);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/is not JSON/);
      expect(existsSync(join(tmp, 'index.html'))).toBe(false);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});
