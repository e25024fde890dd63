import type { Random } from './prng.js';

/**
 * Where a fault can be injected: an API endpoint, output downloads, the realtime socket, or any
 * new TCP connection (`connection`).
 */
export const FAULT_ENDPOINTS = [
  'Run',
  'Task/Detail',
  'Task/Kill',
  'Task/Cancel',
  'Task/List',
  'File/Upload',
  'Tool/Detail',
  'download',
  'socket',
  'connection',
] as const;

/** A fault target; see {@link FAULT_ENDPOINTS}. */
export type FaultEndpoint = (typeof FAULT_ENDPOINTS)[number];

/** Faults any API endpoint can inject into its reply. */
const API_FAULT_KINDS = [
  'http5xx',
  'http429',
  'dropBeforeAccept',
  'dropAfterAccept',
  'slow',
  'malformedJson',
  'code0',
] as const;

/** Task-level faults: they change how an accepted task ends. */
const TASK_FAULT_KINDS = ['taskFail', 'taskError', 'taskCancel'] as const;

/** Every kind of fault the emulator can inject. */
export const FAULT_KINDS = [
  ...API_FAULT_KINDS,
  'concurrencyBurst',
  ...TASK_FAULT_KINDS,
  'expired',
  'truncated',
] as const;

/** A fault kind; see {@link FAULT_KINDS} and the README for what each does. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Faults decided when a Run is about to be admitted (after auth and validation). */
export const RUN_FAULT_KINDS: ReadonlySet<FaultKind> = new Set([
  'concurrencyBurst',
  ...TASK_FAULT_KINDS,
]);

/** A task-level fault; see {@link TASK_FAULT_KINDS}. */
export type TaskFaultKind = (typeof TASK_FAULT_KINDS)[number];

const ALLOWED: Record<FaultEndpoint, readonly FaultKind[]> = {
  Run: [...API_FAULT_KINDS, ...RUN_FAULT_KINDS],
  'Task/Detail': API_FAULT_KINDS,
  'Task/Kill': API_FAULT_KINDS,
  'Task/Cancel': API_FAULT_KINDS,
  'Task/List': API_FAULT_KINDS,
  'File/Upload': API_FAULT_KINDS,
  'Tool/Detail': API_FAULT_KINDS,
  download: ['http5xx', 'http429', 'dropBeforeAccept', 'slow', 'expired', 'truncated'],
  socket: ['http5xx', 'http429', 'dropBeforeAccept', 'dropAfterAccept', 'slow', 'malformedJson'],
  connection: ['dropBeforeAccept'],
};

/** One fault-injection rule. */
export interface FaultRule {
  endpoint: FaultEndpoint;
  kind: FaultKind;
  /** Chance (0–1) that a matching request gets the fault, drawn from the seeded PRNG. @default 1 */
  probability?: number;
  /** Apply to at most this many matching requests, then the rule is spent. @default unlimited */
  times?: number;
  /** `http5xx`: the status to send. @default one of 500, 502, 503 picked by the seeded PRNG */
  status?: 500 | 502 | 503;
  /** `http429`: the Retry-After header, in seconds. @default 1 */
  retryAfterSeconds?: number;
  /** `slow`: how long the reply (or socket upgrade) is delayed, in ms. @default 1000 */
  delayMs?: number;
}

/** A fault chosen for one request. */
export interface InjectedFault {
  kind: FaultKind;
  /** HTTP status for `http5xx`. */
  status: number;
  retryAfterSeconds: number;
  delayMs: number;
}

/** Thrown for a rule that cannot be applied (unknown endpoint or kind, bad numbers). */
export class FaultRuleError extends TypeError {
  override readonly name = 'FaultRuleError';
}

const isEndpoint = (value: string): value is FaultEndpoint =>
  (FAULT_ENDPOINTS as readonly string[]).includes(value);
const isKind = (value: string): value is FaultKind =>
  (FAULT_KINDS as readonly string[]).includes(value);

/** Checks a rule and returns a copy; throws {@link FaultRuleError} when it makes no sense. */
export function validateFaultRule(rule: FaultRule): FaultRule {
  const label = `${rule.endpoint}:${rule.kind}`;
  if (!isEndpoint(rule.endpoint)) {
    throw new FaultRuleError(
      `Unknown fault endpoint "${rule.endpoint}" (expected one of ${FAULT_ENDPOINTS.join(', ')})`,
    );
  }
  if (!isKind(rule.kind)) {
    throw new FaultRuleError(
      `Unknown fault kind "${rule.kind}" (expected one of ${FAULT_KINDS.join(', ')})`,
    );
  }
  if (!ALLOWED[rule.endpoint].includes(rule.kind)) {
    throw new FaultRuleError(
      `Fault ${label} is not supported (${rule.endpoint} allows ${ALLOWED[rule.endpoint].join(', ')})`,
    );
  }
  const p = rule.probability;
  if (p !== undefined && !(p >= 0 && p <= 1)) {
    throw new FaultRuleError(`Fault ${label}: probability must be between 0 and 1`);
  }
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 0)) {
    throw new FaultRuleError(`Fault ${label}: times must be a whole number`);
  }
  if (rule.status !== undefined && ![500, 502, 503].includes(rule.status)) {
    throw new FaultRuleError(`Fault ${label}: status must be 500, 502 or 503`);
  }
  for (const key of ['retryAfterSeconds', 'delayMs'] as const) {
    const value = rule[key];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new FaultRuleError(`Fault ${label}: ${key} must be a non-negative number`);
    }
  }
  return { ...rule };
}

const OPTION_KEYS: Record<string, keyof FaultRule> = {
  times: 'times',
  status: 'status',
  retryAfter: 'retryAfterSeconds',
  retryAfterSeconds: 'retryAfterSeconds',
  delay: 'delayMs',
  delayMs: 'delayMs',
};

/**
 * Parses the compact rule syntax: comma-separated `endpoint:kind[:probability][:key=value...]`,
 * keys `times`, `status`, `retryAfter`, `delayMs`.
 *
 * @example
 * parseFaultRules('Run:http5xx:0.1,Task/Detail:http429:0.05:retryAfter=2,Run:dropAfterAccept:times=1');
 */
export function parseFaultRules(text: string): FaultRule[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const [endpoint = '', kind = '', ...rest] = part.split(':');
      const rule: Record<string, unknown> = { endpoint, kind };
      for (const item of rest) {
        const eq = item.indexOf('=');
        const value = Number(eq < 0 ? item : item.slice(eq + 1));
        if (item.trim() === '' || !Number.isFinite(value)) {
          throw new FaultRuleError(`Fault "${part}": "${item}" is not a number`);
        }
        if (eq < 0) {
          rule.probability = value;
          continue;
        }
        const key = OPTION_KEYS[item.slice(0, eq)];
        if (!key)
          throw new FaultRuleError(`Fault "${part}": unknown option "${item.slice(0, eq)}"`);
        rule[key] = value;
      }
      return validateFaultRule(rule as unknown as FaultRule);
    });
}

/** The fault rules in force, drawing chances from a seeded PRNG so runs are reproducible. */
export interface FaultInjector {
  /** Adds a rule (validated); rules are tried in the order they were added. */
  add(rule: FaultRule): void;
  /** Removes every rule. */
  clear(): void;
  /** The rules still in force, with `times` showing what is left. */
  rules(): FaultRule[];
  /**
   * Picks the fault for one request: the first rule for this endpoint, among `kinds`, whose chance
   * comes up. Consumes one of its `times`.
   */
  pick(endpoint: FaultEndpoint, kinds: (kind: FaultKind) => boolean): InjectedFault | undefined;
}

/** Creates a {@link FaultInjector}. */
export function createFaultInjector(
  random: Random,
  initial: readonly FaultRule[] = [],
): FaultInjector {
  let rules: FaultRule[] = initial.map(validateFaultRule);
  return {
    add(rule) {
      rules.push(validateFaultRule(rule));
    },
    clear() {
      rules = [];
    },
    rules: () => rules.map((rule) => ({ ...rule })),
    pick(endpoint, kinds) {
      for (const rule of rules) {
        if (rule.endpoint !== endpoint || !kinds(rule.kind)) continue;
        if (rule.times !== undefined && rule.times <= 0) continue;
        const probability = rule.probability ?? 1;
        if (probability < 1 && random() >= probability) continue;
        if (rule.times !== undefined) rule.times--;
        rules = rules.filter((r) => r.times === undefined || r.times > 0);
        const statuses = [500, 502, 503] as const;
        const status =
          rule.kind === 'http5xx'
            ? (rule.status ?? statuses[Math.floor(random() * statuses.length)] ?? 500)
            : rule.kind === 'http429'
              ? 429
              : 0;
        return {
          kind: rule.kind,
          status,
          retryAfterSeconds: rule.retryAfterSeconds ?? 1,
          delayMs: rule.delayMs ?? 1000,
        };
      }
      return undefined;
    },
  };
}
