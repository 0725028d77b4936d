/**
 * File-system helpers for the CLI that fail with one line and never hang:
 * - makeDirs creates a directory path one component at a time (Node's recursive mkdirSync loops
 *   forever on some pseudo file systems, e.g. for /proc/nope);
 * - prepareOutDir checks, before any work, that an output directory can be created and written;
 * - readTextFile reads a regular file of bounded size.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { QnnInputError } from '../errors.ts';
import { oneLine } from './instance-json.ts';

function errCode(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? oneLine(String((e as Error)?.message ?? e), 80);
}

/**
 * Creates dir and its missing parents, one mkdir per component (no recursion inside Node).
 * Returns the directories it created, outermost first. Throws the underlying error otherwise.
 */
export function makeDirs(dir: string): string[] {
  const missing: string[] = [];
  let cur = resolve(dir);
  for (let guard = 0; guard < 4096; guard++) {
    let st;
    try {
      st = statSync(cur);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      missing.push(cur);
      const up = dirname(cur);
      if (up === cur) break;
      cur = up;
      continue;
    }
    if (!st.isDirectory()) throw Object.assign(new Error(`${cur} is not a directory`), { code: 'ENOTDIR' });
    break;
  }
  const created: string[] = [];
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && statSync(d).isDirectory()) continue;
      for (const c of created.reverse()) try { rmdirSync(c); } catch { /* keep going */ }
      throw e;
    }
    created.push(d);
  }
  return created;
}

/**
 * Makes sure dir exists and a file can be written in it, before a command does any work:
 * throws `fn: param 'dir' cannot be written (CODE)` otherwise, removing what it created.
 */
export function prepareOutDir(fn: string, param: string, dir: string): void {
  if (dir.trim() === '') throw new QnnInputError(fn, param, 'must not be empty');
  let created: string[] = [];
  try {
    created = makeDirs(dir);
    const probe = resolve(dir, `.qnn-verify-write-test-${process.pid}`);
    const fd = openSync(probe, 'wx');
    try {
      writeSync(fd, 'x');
    } finally {
      closeSync(fd);
      unlinkSync(probe);
    }
  } catch (e) {
    for (const c of created.reverse()) try { rmdirSync(c); } catch { /* keep going */ }
    throw new QnnInputError(fn, param, `'${oneLine(dir, 120)}' cannot be written (${errCode(e)})`);
  }
}

/** Reads a regular file of at most maxBytes as UTF-8; '-' reads stdin when allowStdin. */
export function readTextFile(fn: string, param: string, file: string, maxBytes: number, allowStdin = false): string {
  const name = `'${oneLine(file, 120)}'`;
  if (file === '-' && allowStdin) {
    try {
      return readFileSync(0, 'utf8');
    } catch (e) {
      throw new QnnInputError(fn, 'stdin', `cannot be read (${errCode(e)})`);
    }
  }
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new QnnInputError(fn, param, `${name} is a directory, not a file`);
    if (!st.isFile()) throw new QnnInputError(fn, param, `${name} is not a regular file`);
    if (st.size > maxBytes) throw new QnnInputError(fn, param, `${name} is larger than ${maxBytes / 2 ** 20} MiB`);
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof QnnInputError) throw e;
    throw new QnnInputError(fn, param, `${name} cannot be read (${errCode(e)})`);
  }
}
