/**
 * Option parsing shared by the commands: decimal integers in a range, the shard spec i/n, and
 * the output directory check. Every failure is a QnnInputError `command: --option condition`.
 */
import { QnnInputError } from '../errors.ts';
import { oneLine } from '../io/instance-json.ts';

/** A decimal integer (optional sign, digits only: no 1e3, 0x10, 1.0 or blanks) in [min, max]. */
export function intOption(fn: string, name: string, v: string | boolean | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const s = typeof v === 'string' ? v : '';
  const n = /^[-+]?\d{1,20}$/.test(s) ? Number(s) : NaN;
  if (!Number.isSafeInteger(n)) throw new QnnInputError(fn, `--${name}`, `must be a decimal integer (got '${oneLine(String(v), 40)}')`);
  if (n < min || n > max) throw new QnnInputError(fn, `--${name}`, `must be between ${min} and ${max} (got ${n})`);
  return n;
}

/** A finite number > 0 (decimal or exponent notation). */
export function positiveOption(fn: string, name: string, v: string | boolean | undefined): number | undefined {
  if (v === undefined) return undefined;
  const s = typeof v === 'string' ? v.trim() : '';
  const n = /^[+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? Number(s) : NaN;
  if (!Number.isFinite(n) || !(n > 0)) throw new QnnInputError(fn, `--${name}`, `must be a finite number > 0 (got '${oneLine(String(v), 40)}')`);
  return n;
}

export interface ShardSpec { i: number; n: number }

/** Largest n of a shard spec i/n (more shards than claims or tasks would only be empty). */
export const MAX_SHARDS = 1000;

export function shardOption(fn: string, v: string | boolean | undefined): ShardSpec | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(typeof v === 'string' ? v : '');
  const i = m ? Number(m[1]) : NaN, n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || i < 1 || i > n || n > MAX_SHARDS) {
    throw new QnnInputError(fn, '--shard', `must be i/n with 1 <= i <= n <= ${MAX_SHARDS} (got '${oneLine(String(v), 40)}')`);
  }
  return { i, n };
}

export function shardString(s: ShardSpec): string {
  return `${s.i}/${s.n}`;
}

/** A string option that must not be empty. */
export function stringOption(fn: string, name: string, v: string | boolean | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.trim() === '') throw new QnnInputError(fn, `--${name}`, 'must not be empty');
  return v;
}
