/**
 * Runs many CLI invocations in one process for test/cli/hostile.test.ts: for each argv (JSON
 * array of {name, args} on the command line file given as argv[2]), main() of src/cli/main.ts
 * with stdout and stderr captured, and the error mapped by errorLine(), exactly as the CLI's
 * entry does; prints one JSON line per case {name, status, stdout, stderr, ms}.
 */
import { readFileSync } from 'node:fs';
import { errorLine, main } from '../../src/cli/main.ts';

interface DriverCase { name: string; args: string[] }

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8')) as DriverCase[];
const out: string[] = [];
const realOut = process.stdout.write.bind(process.stdout), realErr = process.stderr.write.bind(process.stderr);
for (const c of cases) {
  let stdout = '', stderr = '';
  process.stdout.write = ((s: string | Uint8Array, ...rest: unknown[]) => { stdout += String(s); const cb = rest.find((x) => typeof x === 'function') as (() => void) | undefined; cb?.(); return true; }) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => { stderr += String(s); return true; }) as typeof process.stderr.write;
  const t0 = performance.now();
  let status: number;
  try {
    status = await main(c.args);
  } catch (e) {
    const { line, code } = errorLine(e);
    stderr += `${line}\n`;
    status = code;
  }
  process.stdout.write = realOut;
  process.stderr.write = realErr;
  out.push(JSON.stringify({ name: c.name, status, stdout, stderr, ms: Math.round(performance.now() - t0) }));
}
process.stdout.write(`${out.join('\n')}\n`);
