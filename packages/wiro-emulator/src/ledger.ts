import { formatDecimal } from './billing.js';
import type { FaultKind } from './faults.js';
import type { TaskRecord } from './task-record.js';

/** What a ledger request line is about. */
export type LedgerEndpoint =
  | 'Run'
  | 'Task/Detail'
  | 'Task/Kill'
  | 'Task/Cancel'
  | 'Task/List'
  | 'File/Upload'
  | 'Tool/Detail'
  | 'download'
  | 'socket'
  | 'connection'
  | 'ledger'
  | 'unknown';

/** One request the emulator received. Never holds headers, keys, secrets or signatures. */
export interface LedgerRequest {
  /** 1, 2, 3, … in arrival order. */
  seq: number;
  endpoint: LedgerEndpoint;
  method: string;
  /** Path without the query string. */
  path: string;
  /** HTTP status sent (101 for an accepted socket); null when the connection was dropped. */
  status: number | null;
  /** The Wiro error code of the reply, if it carried one. */
  wiroErrorCode?: number;
  /** The fault injected into this request, if any. */
  fault?: FaultKind;
  /** The task the request created or addressed, when known. */
  taskid?: string;
  /** Its nonce had been used before with the same key (accepted unless nonces are strict). */
  nonceReused?: true;
}

/** One task, as the ledger sees it. */
export interface LedgerTask {
  taskid: string;
  inputKey: string;
  model: string;
  /** Current (or final) status. */
  status: string;
  /** Every status reached, in order (`task_output` once per progress frame). */
  statuses: string[];
  ended: boolean;
  pexit: string;
  totalcost: string;
  billed: boolean;
  killed: boolean;
  cancelled: boolean;
  /** The Run that created it never got its reply (dropAfterAccept). */
  replyDropped: boolean;
  /** A task-level fault injected into it. */
  fault?: FaultKind;
  /** An upscale task's input: the emulator file it read (`/files/<folder>/<name>`). */
  inputFile?: string;
  /** The task whose output an upscale task read as its input, when it read one. */
  sourceTaskid?: string;
}

/** A JSON-serialisable picture of everything the emulator did. */
export interface LedgerSnapshot {
  requests: LedgerRequest[];
  tasks: LedgerTask[];
  /** Runs accepted (tasks created), whatever became of them. */
  acceptedRuns: number;
  /** Accepted runs per input key. */
  runsByInput: Record<string, number>;
  /** Accepted runs per model (`owner/project`). */
  runsByModel: Record<string, number>;
  /** Successful, charged tasks. */
  billed: { count: number; totalCost: string };
  /** Charged tasks per input key: any value above 1 means the same input was paid for twice. */
  billedByInput: Record<string, number>;
  /** Input keys charged more than once (empty when nothing was billed twice). */
  billedTwice: string[];
  kills: number;
  cancels: number;
  /** Tasks active now (from `task_queue` until they end). */
  inFlight: number;
  /** The most tasks active at once. */
  maxInFlight: number;
  faults: { total: number; byKind: Partial<Record<FaultKind, number>> };
  /** Accepted requests whose nonce had been used before with the same key. */
  nonceReuses: number;
  /** Account balance in USD. */
  balance: string;
}

/** The request log: appends lines and counts injected faults. */
export interface RequestLog {
  /** Records a request and returns its line so callers may fill in `taskid` later. */
  record(entry: Omit<LedgerRequest, 'seq'>): LedgerRequest;
  entries(): readonly LedgerRequest[];
  faultCounts(): Partial<Record<FaultKind, number>>;
  /** Counts an injected fault (whoever injects it counts it, once). */
  countFault(kind: FaultKind): void;
}

/** Creates an empty {@link RequestLog}. */
export function createRequestLog(): RequestLog {
  const entries: LedgerRequest[] = [];
  const faults: Partial<Record<FaultKind, number>> = {};
  const countFault = (kind: FaultKind) => {
    faults[kind] = (faults[kind] ?? 0) + 1;
  };
  return {
    record(entry) {
      const line: LedgerRequest = { seq: entries.length + 1, ...entry };
      entries.push(line);
      return line;
    },
    entries: () => entries,
    faultCounts: () => ({ ...faults }),
    countFault,
  };
}

const increment = (map: Record<string, number>, key: string) => {
  map[key] = (map[key] ?? 0) + 1;
};

/** What a snapshot is built from. */
export interface LedgerSources {
  log: RequestLog;
  tasks: readonly TaskRecord[];
  inFlight: number;
  maxInFlight: number;
  balance: number;
}

/** Builds a {@link LedgerSnapshot}: a deep copy, safe to keep and to `JSON.stringify`. Pure. */
export function buildLedgerSnapshot(sources: LedgerSources): LedgerSnapshot {
  const runsByInput: Record<string, number> = {};
  const runsByModel: Record<string, number> = {};
  const billedByInput: Record<string, number> = {};
  let billedCost = 0;
  let billedCount = 0;
  const tasks = sources.tasks.map((task): LedgerTask => {
    increment(runsByInput, task.inputKey);
    increment(runsByModel, task.model);
    if (task.billed) {
      increment(billedByInput, task.inputKey);
      billedCount++;
      billedCost += task.cost;
    }
    return {
      taskid: task.id,
      inputKey: task.inputKey,
      model: task.model,
      status: task.status,
      statuses: [...task.history],
      ended: task.ended,
      pexit: task.pexit,
      totalcost: formatDecimal(task.cost),
      billed: task.billed,
      killed: task.killed,
      cancelled: task.cancelled,
      replyDropped: task.replyDropped,
      ...(task.fault ? { fault: task.fault } : {}),
      ...(task.source ? { inputFile: task.source.path } : {}),
      ...(task.source?.taskid ? { sourceTaskid: task.source.taskid } : {}),
    };
  });
  const byKind = sources.log.faultCounts();
  return {
    requests: sources.log.entries().map((entry) => ({ ...entry })),
    tasks,
    acceptedRuns: tasks.length,
    runsByInput,
    runsByModel,
    billed: { count: billedCount, totalCost: formatDecimal(billedCost) },
    billedByInput,
    billedTwice: Object.keys(billedByInput).filter((key) => (billedByInput[key] ?? 0) > 1),
    kills: tasks.filter((task) => task.killed).length,
    cancels: tasks.filter((task) => task.cancelled).length,
    inFlight: sources.inFlight,
    maxInFlight: sources.maxInFlight,
    faults: { total: Object.values(byKind).reduce((sum, n) => sum + (n ?? 0), 0), byKind },
    nonceReuses: sources.log.entries().filter((entry) => entry.nonceReused).length,
    balance: formatDecimal(sources.balance),
  };
}
