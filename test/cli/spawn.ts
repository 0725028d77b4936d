/** Spawns the CLI (node --import tsx src/cli/main.ts ...) and collects its output; shared by test/cli. */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = join(import.meta.dirname, '..', '..');
/** tsx's loader by absolute URL, so the CLI also runs from a working directory outside the repository. */
const TSX = pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('tsx')).href;

export interface Run { status: number | null; stdout: string; stderr: string; ms: number; timedOut: boolean }

export function cli(args: string[], opts: { input?: string; timeoutMs?: number; cwd?: string; argv?: string[] } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, opts.argv ? opts.argv.map((a) => (a === 'tsx' ? TSX : a)) : ['--import', TSX, join(ROOT, 'src/cli/main.ts'), ...args], { cwd: opts.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '', stderr = '', timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, opts.timeoutMs ?? 30_000);
    child.stdout.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: Math.round(performance.now() - t0), timedOut });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}
