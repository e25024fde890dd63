import { parseArgs } from 'node:util';
import { parseFaultRules } from './faults.js';
import { DEFAULT_PROJECT, type EmulatorOptions } from './options.js';

/** What the command line asked for. */
export type CliRequest =
  | { kind: 'help' }
  | { kind: 'run'; options: EmulatorOptions; json: boolean }
  | { kind: 'usage-error'; message: string };

interface FlagSpec {
  env: string;
  description: string;
  type: 'string' | 'boolean';
}

/** Every flag, with the environment variable it falls back to. */
export const CLI_FLAGS: Record<string, FlagSpec> = {
  port: {
    type: 'string',
    env: 'WIRO_EMULATOR_PORT',
    description: 'TCP port (0 = any free port). Default 8787.',
  },
  host: {
    type: 'string',
    env: 'WIRO_EMULATOR_HOST',
    description: 'Interface to listen on. Default 127.0.0.1.',
  },
  'task-ms': {
    type: 'string',
    env: 'WIRO_EMULATOR_TASK_MS',
    description: 'Run time of a task in ms. Default 1500.',
  },
  'queue-ms': {
    type: 'string',
    env: 'WIRO_EMULATOR_QUEUE_MS',
    description: 'Time queued before accept, ms. Default 100.',
  },
  faults: {
    type: 'string',
    env: 'WIRO_EMULATOR_FAULTS',
    description: 'Fault rules, e.g. "Run:http5xx:0.1,Task/Detail:http429:0.05".',
  },
  seed: {
    type: 'string',
    env: 'WIRO_EMULATOR_SEED',
    description: 'Seed of the fault PRNG. Default 1.',
  },
  'api-key': {
    type: 'string',
    env: 'WIRO_EMULATOR_API_KEY',
    description: `Project API key. Default ${DEFAULT_PROJECT.apiKey}.`,
  },
  'api-secret': {
    type: 'string',
    env: 'WIRO_EMULATOR_API_SECRET',
    description: `Project API secret. Default ${DEFAULT_PROJECT.apiSecret}.`,
  },
  'no-secret': {
    type: 'boolean',
    env: 'WIRO_EMULATOR_NO_SECRET',
    description: 'Api-key-only project (no signature).',
  },
  balance: {
    type: 'string',
    env: 'WIRO_EMULATOR_BALANCE',
    description: 'Account balance in USD. Default 100.',
  },
  concurrency: {
    type: 'string',
    env: 'WIRO_EMULATOR_CONCURRENCY',
    description: 'Active-task limit. Default max(1, floor(balance x 0.1)).',
  },
  cps: {
    type: 'string',
    env: 'WIRO_EMULATOR_CPS',
    description: 'USD per second of run time. Default 0.0008.',
  },
  'output-ttl-ms': {
    type: 'string',
    env: 'WIRO_EMULATOR_OUTPUT_TTL_MS',
    description: 'Output URL lifetime, ms. Default 3600000.',
  },
  'strict-nonces': {
    type: 'boolean',
    env: 'WIRO_EMULATOR_STRICT_NONCES',
    description: 'Refuse a reused nonce (401) instead of counting it.',
  },
  json: {
    type: 'boolean',
    env: 'WIRO_EMULATOR_JSON',
    description: 'Print one JSON line instead of KEY=value lines.',
  },
  help: { type: 'boolean', env: '', description: 'Show this help.' },
};

/** The `--help` text. */
export function formatUsage(): string {
  const lines = Object.entries(CLI_FLAGS).map(([name, spec]) => {
    const flag = `--${name}${spec.type === 'string' ? ' <value>' : ''}`;
    const env = spec.env ? ` [${spec.env}]` : '';
    return `  ${flag.padEnd(26)}${spec.description}${env}`;
  });
  return `Usage: wiro-emulator [options]\n\nA local Wiro API server for tests and offline drafts.\n\n${lines.join('\n')}\n`;
}

const NUMERIC: Record<string, keyof EmulatorOptions> = {
  port: 'port',
  'task-ms': 'taskMs',
  'queue-ms': 'queueMs',
  seed: 'seed',
  balance: 'balance',
  concurrency: 'concurrency',
  cps: 'cps',
  'output-ttl-ms': 'outputTtlMs',
};

const isTrue = (value: string | undefined) => value !== undefined && /^(1|true|yes)$/i.test(value);

/** Reads argv (flags first, then environment variables, then defaults). Pure. */
export function parseCliArgs(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): CliRequest {
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = Object.fromEntries(
      Object.entries(CLI_FLAGS).map(([name, spec]) => [name, { type: spec.type }]),
    ) as Record<string, { type: 'string' | 'boolean' }>;
    values = parseArgs({ args: [...argv], options, allowPositionals: false, strict: true }).values;
  } catch (error) {
    return { kind: 'usage-error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
  const read = (name: string): string | undefined => {
    const flag = values[name];
    if (typeof flag === 'string') return flag;
    const spec = CLI_FLAGS[name];
    return spec?.env ? env[spec.env] || undefined : undefined;
  };
  const flagOn = (name: string) => values[name] === true || isTrue(read(name));

  const options: EmulatorOptions = { port: 8787 };
  for (const [name, key] of Object.entries(NUMERIC)) {
    const text = read(name);
    if (text === undefined) continue;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) {
      return { kind: 'usage-error', message: `--${name} must be a number (got "${text}")` };
    }
    (options as Record<string, unknown>)[key] = value;
  }
  const host = read('host');
  if (host) options.host = host;
  const faults = read('faults');
  if (faults) {
    try {
      options.faults = parseFaultRules(faults);
    } catch (error) {
      return { kind: 'usage-error', message: `--faults: ${(error as Error).message}` };
    }
  }
  const apiKey = read('api-key') ?? DEFAULT_PROJECT.apiKey;
  const noSecret = flagOn('no-secret');
  const apiSecret = noSecret ? undefined : (read('api-secret') ?? DEFAULT_PROJECT.apiSecret);
  options.projects = [apiSecret ? { apiKey, apiSecret } : { apiKey }];
  if (flagOn('strict-nonces')) options.strictNonces = true;
  return { kind: 'run', options, json: flagOn('json') };
}
