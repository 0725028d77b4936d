/**
 * qnn-verify command line. Usage errors and invalid input: one line on stderr, exit 2.
 * verify: exit 0 when every verdict is the expected one, 1 when a claim is violated.
 */
import { parseArgs } from 'node:util';
import { QnnInputError } from '../errors.ts';
import { commands } from './commands.ts';

export const USAGE = `usage: qnn-verify <command> [options]
commands:
  verify  [--budget quick|default|full] [--runs N] [--seed S] [--claims id,id] [--out DIR] [--shard i/n] [--exact] [--jobs N]
  replay  --claim ID --seed S [--path P] | --claim ID --instance FILE [--export EVAL.json]
  merge   DIR [--out DIR]
  list
  sample  --d D --m M --p P [--gamma G] [--seed S]
  eval    FILE
  figures [--figures 1,2,..] [--preset quick|paper] [--seed S] [--out DIR] [--shard i/n] [--jobs N]
  figures --merge DIR [--out DIR]`;

export class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return cmd ? 0 : 2;
  }
  const command = commands[cmd];
  if (!command) throw new UsageError(`unknown command '${cmd}'`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: command.positionals > 0, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (parsed.positionals.length > command.positionals) throw new UsageError(`${cmd}: too many arguments`);
  return command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals);
}

const isEntry = process.argv[1] && /cli[\\/]main\.ts$|qnn-verify(\.js)?$/.test(process.argv[1]);
if (isEntry) {
  // exitCode, not process.exit(): let stdout drain when it is a pipe.
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof UsageError) process.stderr.write(`qnn-verify: ${e.message}\n${USAGE}\n`);
      else if (e instanceof QnnInputError) process.stderr.write(`qnn-verify: ${e.message}\n`);
      else {
        process.stderr.write(`qnn-verify: internal error: ${(e as Error)?.message ?? String(e)}\n`);
        process.exitCode = 3;
        return;
      }
      process.exitCode = 2;
    },
  );
}
