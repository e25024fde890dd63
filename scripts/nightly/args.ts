import {
  envValue,
  type FlagSpec,
  formatUsage,
  isTruthy,
  type PipelineFlagValues,
  parseFlags,
  pipelineFlags,
  readPipelineFlags,
  UsageError,
} from 'compose/cli';
import { parseShard, type Shard } from './shard.js';

export { UsageError };

/** Every flag with its description and environment variable (shown by --help). */
export const FLAGS = {
  issues: {
    type: 'string',
    env: 'NIGHTLY_ISSUES',
    help: 'scripts to build: a glob (* ? **) or a folder of <issue>/story.yaml (default issues/*/story.yaml)',
  },
  out: {
    type: 'string',
    env: 'NIGHTLY_OUT',
    help: 'output folder and web reader (default out/nightly)',
  },
  force: { type: 'boolean', env: 'NIGHTLY_FORCE', help: 'build every issue, even unchanged ones' },
  shard: {
    type: 'string',
    env: 'NIGHTLY_SHARD',
    help: 'i/n: build only the i-th of n stable shares of the issues (summary and state named -i-of-n)',
  },
  merge: {
    type: 'boolean',
    env: 'NIGHTLY_MERGE',
    help: "build nothing: merge the shards' summaries in --out into one summary and one reader",
  },
  ...pipelineFlags('NIGHTLY'),
} as const satisfies Record<string, FlagSpec>;

/** The command line after parsing and checking. */
export interface NightlyArgs extends PipelineFlagValues {
  issues: string;
  out: string;
  force: boolean;
  shard: Shard | undefined;
  merge: boolean;
}

/**
 * Parses argv (without node and the script); flags fall back to their environment variables.
 * Concurrency and the budget are shared by every issue of the night.
 */
export function parseNightlyArgs(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): NightlyArgs {
  const { values } = parseFlags(argv, FLAGS, false);
  const fromEnv = (flag: keyof typeof FLAGS) => envValue(FLAGS, flag, env);
  const shardText = values.shard ?? fromEnv('shard');
  let shard: Shard | undefined;
  try {
    shard = shardText === undefined || shardText === '' ? undefined : parseShard(shardText);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const merge = values.merge ?? isTruthy(fromEnv('merge'));
  if (merge && shard) throw new UsageError('--merge and --shard cannot be used together');
  return {
    ...readPipelineFlags(values, fromEnv),
    issues: values.issues ?? fromEnv('issues') ?? 'issues/*/story.yaml',
    out: values.out ?? fromEnv('out') ?? 'out/nightly',
    force: values.force ?? isTruthy(fromEnv('force')),
    shard,
    merge,
  };
}

/** The --help text. */
export function usage(): string {
  return formatUsage(
    [
      'Usage: pnpm nightly [options]',
      '',
      'Builds every issue script the pattern finds into <out>/<slug>/, skipping issues unchanged',
      'since their last successful build, then writes summary.json, summary.md and a web reader',
      '(<out>/index.html). Paths are relative to the folder the command was run from.',
    ],
    FLAGS,
    [
      'Exit codes: 0 every issue built or skipped, 1 some issue failed (invalid, panels failed, budget),',
      '2 usage error or no script found, 130 interrupted.',
    ],
  );
}
