import type { ProjectCredentials } from './auth.js';
import { type FaultRule, parseFaultRules, validateFaultRule } from './faults.js';
import { createTimerScheduler, type Scheduler } from './scheduler.js';

/** Options of `startEmulator`. Every one is optional. */
export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /**
   * Projects (credentials) the server accepts; a project without `apiSecret` is api-key-only.
   * @default [{ apiKey: 'emulator-key', apiSecret: 'emulator-secret' }]
   */
  projects?: ProjectCredentials[];
  /** Run time of a task, from `task_accept` to `task_postprocess_end`, in ms. @default 1500 */
  taskMs?: number;
  /** Time a task spends in `task_queue`, in ms. @default 100 */
  queueMs?: number;
  /** Price in USD per second of run time. @default 0.0008 */
  cps?: number;
  /** Starting account balance in USD. @default 100 */
  balance?: number;
  /** Active-task limit; when omitted, `max(1, floor(balance × 0.10))` on the current balance. */
  concurrency?: number;
  /** How long output URLs work after the task ends, in ms. @default 3_600_000 (1 hour) */
  outputTtlMs?: number;
  /** Largest accepted upload, in bytes. @default 104_857_600 (100 MB) */
  maxUploadBytes?: number;
  /** Fault rules in force from the start: rule objects or the compact string syntax. @default [] */
  faults?: ReadonlyArray<FaultRule | string> | string;
  /** Seed of the PRNG that decides probabilistic faults. @default 1 */
  seed?: number;
  /** Timer source for lifecycles and slow replies. @default real `setTimeout` */
  scheduler?: Scheduler;
  /** Clock for task times and output expiry, ms since epoch. @default Date.now */
  now?: () => number;
  /** Give up on a `callbackUrl` POST after this long, in ms. @default 5000 */
  callbackTimeoutMs?: number;
  /**
   * Refuse a nonce already used with the same key (HTTP 401) instead of accepting it and counting
   * it in the ledger's `nonceReuses`. Wiro's official clients send `Date.now()`, so parallel
   * requests can share a nonce; comics-factory's own tests turn this on to prove wiro-core never
   * does. @default false
   */
  strictNonces?: boolean;
}

/** {@link EmulatorOptions} with every default applied and every value checked. */
export interface ResolvedOptions {
  port: number;
  host: string;
  projects: ProjectCredentials[];
  taskMs: number;
  queueMs: number;
  cps: number;
  balance: number;
  concurrency: number | undefined;
  outputTtlMs: number;
  maxUploadBytes: number;
  faults: FaultRule[];
  seed: number;
  scheduler: Scheduler;
  now: () => number;
  callbackTimeoutMs: number;
  strictNonces: boolean;
}

/** Default credentials of the emulator's one project. */
export const DEFAULT_PROJECT = { apiKey: 'emulator-key', apiSecret: 'emulator-secret' } as const;

function checkNumber(name: string, value: number, min: number, integer = false): number {
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new TypeError(
      `Emulator option ${name} must be ${integer ? 'a whole number' : 'a number'} >= ${min}`,
    );
  }
  return value;
}

function resolveFaults(faults: EmulatorOptions['faults']): FaultRule[] {
  if (faults === undefined) return [];
  if (typeof faults === 'string') return parseFaultRules(faults);
  return faults.flatMap((rule) =>
    typeof rule === 'string' ? parseFaultRules(rule) : [validateFaultRule(rule)],
  );
}

/** Applies defaults and checks values; throws a TypeError naming the bad option. Pure. */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const projects = options.projects ?? [{ ...DEFAULT_PROJECT }];
  if (projects.length === 0 || projects.some((project) => !project.apiKey)) {
    throw new TypeError('Emulator option projects needs at least one project, each with an apiKey');
  }
  return {
    port: checkNumber('port', options.port ?? 0, 0, true),
    host: options.host ?? '127.0.0.1',
    projects: projects.map((project) => ({ ...project })),
    taskMs: checkNumber('taskMs', options.taskMs ?? 1500, 0),
    queueMs: checkNumber('queueMs', options.queueMs ?? 100, 0),
    cps: checkNumber('cps', options.cps ?? 0.0008, 0),
    balance: checkNumber('balance', options.balance ?? 100, Number.NEGATIVE_INFINITY),
    concurrency:
      options.concurrency === undefined
        ? undefined
        : checkNumber('concurrency', options.concurrency, 1, true),
    outputTtlMs: checkNumber('outputTtlMs', options.outputTtlMs ?? 3_600_000, 0),
    maxUploadBytes: checkNumber('maxUploadBytes', options.maxUploadBytes ?? 100 * 1024 * 1024, 0),
    faults: resolveFaults(options.faults),
    seed: checkNumber('seed', options.seed ?? 1, Number.NEGATIVE_INFINITY, true),
    scheduler: options.scheduler ?? createTimerScheduler(),
    now: options.now ?? Date.now,
    callbackTimeoutMs: checkNumber('callbackTimeoutMs', options.callbackTimeoutMs ?? 5000, 0),
    strictNonces: options.strictNonces ?? false,
  };
}
