import { OUTPUT_FORMATS, type OutputFormat } from '../options.js';
import { type FlagSpec, isTruthy, parseList, positiveNumber } from './flags.js';

/**
 * The flags of every command that runs the pipeline (`render`, `nightly`), each falling back to
 * `<prefix>_<NAME>` in the environment.
 */
export function pipelineFlags<P extends string>(prefix: P) {
  return {
    'cache-dir': {
      type: 'string',
      env: `${prefix}_CACHE_DIR`,
      help: 'panel cache (default <project>/.cache/comics-factory)',
    },
    concurrency: {
      type: 'string',
      env: `${prefix}_CONCURRENCY`,
      help: 'Wiro tasks in flight at most (default 4; lowered when Wiro says its limit is reached)',
    },
    'max-cost': {
      type: 'string',
      env: `${prefix}_MAX_COST`,
      help: 'stop submitting before spending more USD than this',
    },
    format: {
      type: 'string',
      env: `${prefix}_FORMAT`,
      help: `outputs to write: ${OUTPUT_FORMATS.join(',')} (default all)`,
    },
    draft: {
      type: 'boolean',
      env: `${prefix}_DRAFT`,
      help: 'draw drafts on the local emulator even with a WIRO_API_KEY',
    },
    'no-upscale': {
      type: 'boolean',
      env: `${prefix}_NO_UPSCALE`,
      help: 'no upscale tasks: panels keep their generated size (the summary lists low-ppi ones)',
    },
    json: {
      type: 'boolean',
      env: `${prefix}_JSON`,
      help: 'machine-readable events on stdout, one JSON object a line',
    },
    verbose: { type: 'boolean', env: '', help: 'more detail, and stack traces on errors' },
    help: { type: 'boolean', short: 'h', env: '', help: 'show this help' },
  } as const satisfies Record<string, FlagSpec>;
}

/** The flags parsed by `parseFlags`: a string or boolean per flag given. */
type FlagValues = Record<string, string | boolean | string[] | undefined>;

/** The values of {@link pipelineFlags}, checked. */
export interface PipelineFlagValues {
  cacheDir: string | undefined;
  concurrency: number | undefined;
  maxCost: number | undefined;
  formats: OutputFormat[] | undefined;
  draft: boolean;
  /** `false` with `--no-upscale`. */
  upscale: boolean;
  json: boolean;
  verbose: boolean;
  help: boolean;
}

/**
 * Reads {@link pipelineFlags} from parsed flags, falling back to their environment variables
 * (`fromEnv`); throws `UsageError` for a bad value.
 */
export function readPipelineFlags(
  values: FlagValues,
  fromEnv: (flag: keyof ReturnType<typeof pipelineFlags>) => string | undefined,
): PipelineFlagValues {
  const text = (flag: keyof ReturnType<typeof pipelineFlags>) => {
    const value = values[flag];
    return typeof value === 'string' ? value : fromEnv(flag);
  };
  const on = (flag: keyof ReturnType<typeof pipelineFlags>) =>
    values[flag] === true || (values[flag] === undefined && isTruthy(fromEnv(flag)));
  return {
    cacheDir: text('cache-dir'),
    concurrency: positiveNumber('concurrency', text('concurrency'), true),
    maxCost: positiveNumber('max-cost', text('max-cost'), false),
    formats: parseList('format', text('format'), OUTPUT_FORMATS),
    draft: on('draft'),
    upscale: !on('no-upscale'),
    json: on('json'),
    verbose: values.verbose === true,
    help: values.help === true,
  };
}
