import { parseArgs } from 'node:util';
import { ExitCode } from '../pipeline/exit-codes.js';

/** A usage mistake: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** One command-line flag: its type, environment variable ('' for none) and help text. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  env: string;
  help: string;
  short?: string;
  multiple?: boolean;
}

/** Parses argv strictly; any mistake becomes a one-line {@link UsageError}. */
export function parseFlags<F extends Record<string, FlagSpec>>(
  argv: string[],
  flags: F,
  allowPositionals: boolean,
): ReturnType<
  typeof parseArgs<{ args: string[]; options: F; allowPositionals: boolean; strict: true }>
> {
  try {
    return parseArgs({ args: argv, options: flags, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
}

/** Reads a flag's environment variable, when it has one and it is not blank. */
export function envValue<F extends Record<string, FlagSpec>>(
  flags: F,
  flag: keyof F,
  env: NodeJS.ProcessEnv,
) {
  const name = flags[flag]?.env;
  const value = name ? env[name]?.trim() : undefined;
  return value ? value : undefined;
}

/** A positive number (whole when `integer`), or undefined when not given. */
export function positiveNumber(
  flag: string,
  value: string | undefined,
  integer: boolean,
): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(
      `--${flag} must be a positive ${integer ? 'whole ' : ''}number, got "${value}"`,
    );
  }
  return n;
}

/** `1`, `true` or `yes`, in any case. */
export const isTruthy = (value: string | undefined) =>
  ['1', 'true', 'yes'].includes((value ?? '').trim().toLowerCase());

/** A comma-separated list whose items must all be `allowed`. */
export function parseList<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T[] | undefined {
  const items = value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  for (const item of items ?? []) {
    if (!allowed.includes(item as T))
      throw new UsageError(`--${flag} ${item}: choose from ${allowed.join(', ')}`);
  }
  return items as T[] | undefined;
}

/** Help lines for every flag: name, help, and its environment variable. */
export function describeFlags(flags: Record<string, FlagSpec>): string[] {
  return Object.entries(flags).map(([name, flag]) => {
    const left = `  --${name}${flag.type === 'string' ? ' <value>' : ''}`;
    return `${left.padEnd(26)}${flag.help}${flag.env ? ` [${flag.env}]` : ''}`;
  });
}

/**
 * A command's --help text: its `intro` lines, every flag, where Wiro credentials come from, then
 * the `exitCodes` lines.
 */
export function formatUsage(
  intro: readonly string[],
  flags: Record<string, FlagSpec>,
  exitCodes: readonly string[],
): string {
  return [
    ...intro,
    '',
    'Options:',
    ...describeFlags(flags),
    '',
    'Credentials: WIRO_API_KEY, WIRO_API_SECRET (and WIRO_BASE_URL) from the environment or a .env file.',
    'Without WIRO_API_KEY, panels are free drafts drawn by the embedded emulator.',
    '',
    ...exitCodes,
  ].join('\n');
}

/**
 * Reads a command line with `parse`. A usage mistake prints one line and `--help` prints
 * `usage()`; either way the exit code comes back instead of the arguments.
 */
export function readCommandLine<A extends { help: boolean }>(
  name: string,
  argv: string[],
  parse: (argv: string[]) => A,
  usage: () => string,
): A | ExitCode {
  let args: A;
  try {
    args = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${name}: ${error.message} (see --help)\n`);
    return ExitCode.Invalid;
  }
  if (args.help) {
    process.stdout.write(`${usage()}\n`);
    return ExitCode.Done;
  }
  return args;
}

/**
 * Runs a command's main function and sets the exit code. Unexpected errors print one line (the
 * stack with --verbose) and exit 1.
 */
export function runCommand(name: string, main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const verbose = process.argv.includes('--verbose');
      const text =
        verbose && error instanceof Error
          ? error.stack
          : ((error as Error)?.message ?? String(error));
      process.stderr.write(`${name}: ${text}\n`);
      process.exitCode = 1;
    },
  );
}
