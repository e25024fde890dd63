import {
  describeFlags,
  envValue,
  type FlagSpec,
  isTruthy,
  parseFlags,
  parseList,
  positiveNumber,
  UsageError,
} from 'compose/cli';
import { OUTPUT_FORMATS, type OutputFormat } from 'compose/pipeline';

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
  'cache-dir': {
    type: 'string',
    env: 'NIGHTLY_CACHE_DIR',
    help: 'panel cache (default <project>/.cache/comics-factory)',
  },
  concurrency: {
    type: 'string',
    env: 'NIGHTLY_CONCURRENCY',
    help: 'tasks in flight at most, across all issues (default 4)',
  },
  'max-cost': {
    type: 'string',
    env: 'NIGHTLY_MAX_COST',
    help: 'USD budget shared by all issues of the night',
  },
  format: {
    type: 'string',
    env: 'NIGHTLY_FORMAT',
    help: 'outputs: pages,pdf,cbz,contact-sheet (default all)',
  },
  draft: {
    type: 'boolean',
    env: 'NIGHTLY_DRAFT',
    help: 'draw drafts on the local emulator even with a WIRO_API_KEY',
  },
  force: { type: 'boolean', env: 'NIGHTLY_FORCE', help: 'build every issue, even unchanged ones' },
  json: {
    type: 'boolean',
    env: 'NIGHTLY_JSON',
    help: 'JSON lines on stdout: events, then the summary',
  },
  verbose: { type: 'boolean', env: '', help: 'stack traces on errors' },
  help: { type: 'boolean', short: 'h', env: '', help: 'show this help' },
} as const satisfies Record<string, FlagSpec>;

/** The command line after parsing and checking. */
export interface NightlyArgs {
  issues: string;
  out: string;
  cacheDir: string | undefined;
  concurrency: number | undefined;
  maxCost: number | undefined;
  formats: OutputFormat[] | undefined;
  draft: boolean;
  force: boolean;
  json: boolean;
  verbose: boolean;
  help: boolean;
}

/** Parses argv (without node and the script); flags fall back to their environment variables. */
export function parseNightlyArgs(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): NightlyArgs {
  const { values } = parseFlags(argv, FLAGS, false);
  const fromEnv = (flag: keyof typeof FLAGS) => envValue(FLAGS, flag, env);
  const formats = parseList('format', values.format ?? fromEnv('format'), OUTPUT_FORMATS);
  return {
    issues: values.issues ?? fromEnv('issues') ?? 'issues/*/story.yaml',
    out: values.out ?? fromEnv('out') ?? 'out/nightly',
    cacheDir: values['cache-dir'] ?? fromEnv('cache-dir'),
    concurrency: positiveNumber('concurrency', values.concurrency ?? fromEnv('concurrency'), true),
    maxCost: positiveNumber('max-cost', values['max-cost'] ?? fromEnv('max-cost'), false),
    formats,
    draft: values.draft ?? isTruthy(fromEnv('draft')),
    force: values.force ?? isTruthy(fromEnv('force')),
    json: values.json ?? isTruthy(fromEnv('json')),
    verbose: values.verbose ?? false,
    help: values.help ?? false,
  };
}

/** The --help text. */
export function usage(): string {
  const lines = [
    'Usage: pnpm nightly [options]',
    '',
    'Builds every issue script the pattern finds into <out>/<slug>/, skipping issues unchanged',
    'since their last successful build, then writes summary.json, summary.md and a web reader',
    '(<out>/index.html). Paths are relative to the folder the command was run from.',
    '',
    'Options:',
  ];
  lines.push(...describeFlags(FLAGS));
  lines.push(
    '',
    'Credentials: WIRO_API_KEY, WIRO_API_SECRET (and WIRO_BASE_URL) from the environment or a .env file.',
    'Without WIRO_API_KEY, panels are free drafts drawn by the embedded emulator.',
    '',
    'Exit codes: 0 every issue built or skipped, 1 some issue failed (invalid, panels failed, budget),',
    '2 usage error or no script found, 130 interrupted.',
  );
  return lines.join('\n');
}
