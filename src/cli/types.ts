/** Types shared by the CLI's command modules (own module, so no command file imports another). */
import type { ParseArgsConfig } from 'node:util';

/** Parsed option values, as node:util parseArgs returns them. */
export type OptionValues = Record<string, string | boolean | undefined>;

export interface Command {
  options: NonNullable<ParseArgsConfig['options']>;
  positionals: number;
  /** Name of each positional argument, for error messages (e.g. ['DIR']). */
  positionalNames?: string[];
  run: (values: OptionValues, positionals: string[]) => Promise<number> | number;
}

/** A bad invocation (unknown command or option, missing value): one line, then exit 2. */
export class UsageError extends Error {}
