import { envValue, type FlagSpec, formatUsage, parseFlags, UsageError } from './flags.js';
import { type PipelineFlagValues, pipelineFlags, readPipelineFlags } from './pipeline-flags.js';

export { UsageError };

/** Every flag with its description and environment variable (shown by --help). */
export const FLAGS = {
  out: { type: 'string', env: 'COMICS_OUT', help: 'output folder (default out/<issue-slug>)' },
  only: {
    type: 'string',
    multiple: true,
    env: '',
    help: 'pages (3, 2-4, page id) or panel ids to render, comma-separated',
  },
  force: { type: 'boolean', env: '', help: 'render selected panels again even when cached' },
  'dry-run': { type: 'boolean', env: '', help: 'same as the plan command' },
  ...pipelineFlags('COMICS'),
} as const satisfies Record<string, FlagSpec>;

export const COMMANDS = ['render', 'plan', 'validate', 'compose'] as const;
export type Command = (typeof COMMANDS)[number];

/** The command line after parsing and checking. */
export interface CliArgs extends PipelineFlagValues {
  command: Command;
  story: string | undefined;
  out: string | undefined;
  only: string[];
  force: boolean;
}

/** Parses argv (without node and the script); flags fall back to their environment variables. */
export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): CliArgs {
  const { values, positionals } = parseFlags(argv, FLAGS, true);
  const first = positionals[0];
  const named = (COMMANDS as readonly string[]).includes(first ?? '');
  const command: Command = values['dry-run'] ? 'plan' : named ? (first as Command) : 'render';
  const rest = named ? positionals.slice(1) : positionals;
  if (rest.length > 1)
    throw new UsageError(`expected one script, got ${rest.length}: ${rest.join(' ')}`);
  const fromEnv = (flag: keyof typeof FLAGS) => envValue(FLAGS, flag, env);
  return {
    ...readPipelineFlags(values, fromEnv),
    command,
    story: rest[0],
    out: values.out ?? fromEnv('out'),
    only: values.only ?? [],
    force: values.force ?? false,
  };
}

/** The --help text. */
export function usage(): string {
  return formatUsage(
    [
      'Usage: pnpm render [command] <story.yaml> [options]',
      '',
      'Commands:',
      '  render     validate, render every panel, lay out pages, write PDF/CBZ/pages (default)',
      '  plan       validate and list panels, prompts, seeds, sizes, cache hits and estimated cost; no billable request',
      '  validate   check a script only (exit 0 valid, 2 invalid)',
      '  compose    lay out pages again from cached panels, without generating anything',
    ],
    FLAGS,
    [
      'Exit codes: 0 done, 1 some panels failed, 2 invalid script or usage, 3 budget reached, 130 interrupted.',
    ],
  );
}
