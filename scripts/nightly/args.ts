import { parseArgs } from 'node:util';
import type { OutputFormat } from './_compose.js';
import { ALL_FORMATS } from './build-issues.js';

/** A usage mistake: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

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
  format: { type: 'string', env: 'NIGHTLY_FORMAT', help: 'outputs: pdf,cbz,pages (default all)' },
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
} as const;

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

function positiveNumber(flag: string, value: string | undefined, integer: boolean) {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(
      `--${flag} must be a positive ${integer ? 'whole ' : ''}number, got "${value}"`,
    );
  }
  return n;
}

const truthy = (value: string | undefined) =>
  ['1', 'true', 'yes'].includes((value ?? '').trim().toLowerCase());

/** Parses argv (without node and the script); flags fall back to their environment variables. */
export function parseNightlyArgs(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): NightlyArgs {
  let values: ReturnType<typeof parseArgs<{ options: typeof FLAGS; strict: true }>>['values'];
  try {
    ({ values } = parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  const fromEnv = (flag: keyof typeof FLAGS) => {
    const name = FLAGS[flag].env;
    const value = name ? env[name]?.trim() : undefined;
    return value ? value : undefined;
  };
  const format = values.format ?? fromEnv('format');
  const formats = format
    ?.split(',')
    .map((f) => f.trim())
    .filter(Boolean) as OutputFormat[] | undefined;
  for (const f of formats ?? []) {
    if (!ALL_FORMATS.includes(f)) {
      throw new UsageError(`--format ${f}: choose from ${ALL_FORMATS.join(', ')}`);
    }
  }
  return {
    issues: values.issues ?? fromEnv('issues') ?? 'issues/*/story.yaml',
    out: values.out ?? fromEnv('out') ?? 'out/nightly',
    cacheDir: values['cache-dir'] ?? fromEnv('cache-dir'),
    concurrency: positiveNumber('concurrency', values.concurrency ?? fromEnv('concurrency'), true),
    maxCost: positiveNumber('max-cost', values['max-cost'] ?? fromEnv('max-cost'), false),
    formats,
    draft: values.draft ?? truthy(fromEnv('draft')),
    force: values.force ?? truthy(fromEnv('force')),
    json: values.json ?? truthy(fromEnv('json')),
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
  for (const [name, flag] of Object.entries(FLAGS)) {
    const left = `  --${name}${flag.type === 'string' ? ' <value>' : ''}`;
    lines.push(`${left.padEnd(26)}${flag.help}${flag.env ? ` [${flag.env}]` : ''}`);
  }
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
