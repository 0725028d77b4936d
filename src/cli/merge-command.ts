/**
 * `qnn-verify merge DIR [--out DIR] [--allow-partial]`: one report from the shard reports
 * (verification-report.json, at any depth) under DIR; the checks are src/report/merge.ts.
 * The shards must have been run with this tool's claim registry (the report is rendered with it).
 * Exit 2 on inconsistent shards; 1 when shards or claims are missing (the report is written,
 * marked partial) unless --allow-partial, or when a verdict is unexpected; 0 otherwise.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { QnnInputError } from '../errors.ts';
import { prepareOutDir, readTextFile } from '../io/fs-safe.ts';
import { oneLine } from '../io/instance-json.ts';
import { mergeReports, parseShardReport } from '../report/merge.ts';
import { idsHash } from '../report/report.ts';
import { writeReportFiles } from './report-files.ts';
import type { Command } from './types.ts';

const FN = 'merge';
const REPORT = 'verification-report.json';
/** Largest shard report read (a full-budget report is well under 10 MiB). */
const MAX_REPORT_BYTES = 64 * 2 ** 20;

/** The shard report files under dir, sorted (the output's own report excluded, so a merge can be re-run into DIR). */
function findReports(dir: string, outDir: string): string[] {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new QnnInputError(FN, 'DIR', `'${oneLine(dir, 120)}' does not exist`);
  }
  if (!st.isDirectory()) throw new QnnInputError(FN, 'DIR', `'${oneLine(dir, 120)}' is not a directory (give the directory holding the shard reports)`);
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true }).map(String);
  } catch (e) {
    throw new QnnInputError(FN, 'DIR', `'${oneLine(dir, 120)}' cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const own = resolve(outDir, REPORT);
  const files = entries.filter((f) => basename(f) === REPORT && resolve(dir, f) !== own).sort();
  if (!files.length) throw new QnnInputError(FN, 'DIR', `'${oneLine(dir, 120)}' holds no ${REPORT}`);
  return files;
}

export const mergeCommand: Command = {
  options: { out: { type: 'string' }, 'allow-partial': { type: 'boolean' } },
  positionals: 1,
  positionalNames: ['DIR'],
  run: async (v, pos) => {
    const dir = pos[0];
    if (dir === undefined || dir === '') throw new QnnInputError(FN, 'DIR', 'is required (the directory holding the shard reports)');
    const outDir = (v.out as string | undefined) ?? 'report';
    const files = findReports(dir, outDir);
    const shards = files.map((f) => ({ file: f, report: parseShardReport(f, readTextFile(FN, f, join(dir, f), MAX_REPORT_BYTES)) }));
    const { report, missingShards, missingClaims } = mergeReports(shards);
    // The Markdown and HTML (blueprint) are rendered with this tool's registry: it must be the shards'.
    const { claims } = await import('../../theorems/index.ts');
    const mine = idsHash(claims.map((c) => c.id));
    if (report.run.registry.sha256 !== mine) {
      throw new QnnInputError(FN, 'shards', `were run with another claim registry (sha256 ${report.run.registry.sha256.slice(0, 12)}..., ${report.run.registry.claims} claims) than this qnn-verify's (${mine.slice(0, 12)}..., ${claims.length} claims); merge with the qnn-verify that ran them`);
    }
    prepareOutDir(FN, '--out', outDir);
    await writeReportFiles(report, outDir);
    const s = report.summary;
    process.stdout.write(`merged ${files.length} shard reports (${report.merged!.shards.join(', ')}), ${s.total} of ${report.run.selection.length} claims -> ${outDir}\n`);
    if (report.partial) {
      const what = [missingShards.length ? `shards ${missingShards.join(', ')}` : '', missingClaims.length ? `claims ${missingClaims.join(', ')}` : ''].filter(Boolean).join('; ');
      process.stderr.write(`qnn-verify: merge: partial report (missing ${what}) written to ${outDir}, marked partial${v['allow-partial'] ? '' : '; pass --allow-partial to accept it'}\n`);
      if (!v['allow-partial']) return 1;
    }
    if (s.unexpected.length) process.stdout.write(`unexpected verdicts: ${s.unexpected.join(', ')}\n`);
    return s.unexpected.length ? 1 : 0;
  },
};
