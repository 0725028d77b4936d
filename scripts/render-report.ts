/**
 * Re-renders report/index.html and report/verification-report.md from the report's JSON, without
 * re-running the claims (the page's layout, formulas and blueprint change more often than the
 * verdicts). Usage: npm run report [-- DIR] (DIR defaults to report/; its figures/ subfolder is
 * inlined when present). Bad input: one line on stderr, exit 2.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeReportFiles } from '../src/cli/commands.ts';
import type { VerificationReport } from '../src/report/report.ts';

async function main(argv: string[]): Promise<number> {
  const dir = argv[0] ?? 'report';
  const path = join(dir, 'verification-report.json');
  if (!existsSync(path)) {
    process.stderr.write(`render-report: DIR must hold verification-report.json (${path} is missing)\n`);
    return 2;
  }
  let rep: VerificationReport;
  try {
    rep = JSON.parse(readFileSync(path, 'utf8')) as VerificationReport;
  } catch (e) {
    process.stderr.write(`render-report: ${path} is not JSON (${(e as Error).message})\n`);
    return 2;
  }
  if (!rep || !Array.isArray(rep.results) || typeof rep.summary !== 'object') {
    process.stderr.write(`render-report: ${path} is not a verification report (no results or summary)\n`);
    return 2;
  }
  const t0 = Date.now();
  await writeReportFiles(rep, dir);
  const size = readFileSync(join(dir, 'index.html')).length;
  process.stdout.write(`rendered ${rep.results.length} claims -> ${dir}/index.html (${(size / 1e6).toFixed(2)} MB) and ${dir}/verification-report.md in ${Date.now() - t0} ms\n`);
  return 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, (e: unknown) => {
  process.stderr.write(`render-report: ${(e as Error)?.message ?? String(e)}\n`);
  process.exitCode = 2;
});
