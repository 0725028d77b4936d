/**
 * qnn-verify command line. Usage errors and invalid input: one line on stderr, exit 2.
 * verify: exit 0 when every verdict is the expected one, 1 when a claim is violated.
 */
import { parseArgs } from 'node:util';
import { QnnInputError } from '../errors.ts';
import { commands } from './commands.ts';
import { UsageError } from './types.ts';

export { UsageError };

export const USAGE = `usage: qnn-verify <command> [options]
commands:
  verify  [--budget quick|default|full] [--runs N] [--seed S] [--claims id,id] [--out DIR] [--shard i/n] [--exact] [--jobs N]
  replay  --claim ID --seed S [--path P] | --claim ID --instance FILE [--export EVAL.json]
  merge   DIR [--out DIR] [--allow-partial]
  list
  sample  --d D --m M --p P [--gamma G] [--seed S]
  eval    FILE
  train   FILE [--epochs N] [--lr X] [--every K] | FILE --flow T [--rtol R] [--lr X] [--every K]
  figures [--figures 1,2,..] [--preset quick|paper] [--seed S] [--out DIR] [--shard i/n] [--jobs N]
  figures --merge DIR [--out DIR] [--allow-partial]`;

/** node:util parseArgs errors, rewritten as one line naming the option. */
function parseError(cmd: string, e: Error, names: string[]): UsageError {
  const code = (e as NodeJS.ErrnoException).code;
  const opt = /'(-{1,2}[^' <]+)/.exec(e.message)?.[1] ?? '';
  const known = names.length ? names.map((n) => `--${n}`).join(', ') : 'none';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`${cmd}: ${opt || 'option'} is not an option of ${cmd} (options: ${known})`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(e.message)) return new UsageError(`${cmd}: ${opt} takes no value`);
    return new UsageError(`${cmd}: ${opt} needs a value (write a negative number as ${opt}=-1)`);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError(`${cmd}: takes no argument '${/'([^']*)'/.exec(e.message)?.[1] ?? ''}' (options: ${known})`);
  return new UsageError(`${cmd}: ${e.message.split('\n')[0]}`);
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return cmd ? 0 : 2;
  }
  if (!Object.hasOwn(commands, cmd)) throw new UsageError(`unknown command '${cmd.slice(0, 40)}' (commands: ${Object.keys(commands).join(', ')}; see qnn-verify --help)`);
  const command = commands[cmd];
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: command.positionals > 0, strict: true, tokens: true });
  } catch (e) {
    throw parseError(cmd, e as Error, Object.keys(command.options));
  }
  const seen = new Set<string>();
  for (const t of parsed.tokens ?? []) {
    if (t.kind !== 'option') continue;
    if (seen.has(t.name)) throw new UsageError(`${cmd}: --${t.name} is given twice`);
    seen.add(t.name);
  }
  if (parsed.positionals.length > command.positionals) {
    throw new UsageError(`${cmd}: too many arguments (takes ${command.positionals ? (command.positionalNames ?? ['one']).join(' ') : 'none'}; got ${parsed.positionals.length})`);
  }
  return command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals);
}

/** The one line printed for an error thrown by main (never a stack trace), and the exit status. */
export function errorLine(e: unknown): { line: string; code: number } {
  const prefix = (m: string) => (m.startsWith('qnn-verify') ? m : `qnn-verify: ${m}`);
  if (e instanceof UsageError || e instanceof QnnInputError) return { line: prefix(e.message.split('\n')[0]), code: 2 };
  return { line: `qnn-verify: internal error: ${String((e as Error)?.message ?? e).split('\n')[0]}`, code: 3 };
}

const isEntry = process.argv[1] && /cli[\\/]main\.ts$|qnn-verify(\.js)?$/.test(process.argv[1]);
if (isEntry) {
  // exitCode, not process.exit(): let stdout drain when it is a pipe.
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const { line, code } = errorLine(e);
      process.stderr.write(`${line}\n`);
      process.exitCode = code;
    },
  );
}
