import type { TaskStatus, WireOutput, WireTask } from 'wiro-core';
import { formatDecimal } from './billing.js';
import type { TaskFaultKind } from './faults.js';
import type { LifecycleStep } from './lifecycle.js';
import type { ValidatedInputs } from './model-catalog.js';
import type { TimerHandle } from './scheduler.js';

/** The emulator's own record of one task (internal and mutable; the wire sees {@link toWireTask}). */
export interface TaskRecord {
  id: string;
  uuid: string;
  token: string;
  /** `owner/project`. */
  model: string;
  parameters: ValidatedInputs;
  /** sha256 of the canonical JSON of model and inputs (see `computeInputKey`). */
  inputKey: string;
  callbackUrl: string | undefined;
  status: TaskStatus;
  /** Every status reached, in order (repeated `task_output` frames appear once each). */
  history: TaskStatus[];
  /** The message of the last frame, resent to a socket that subscribes mid-task. */
  lastMessage: unknown;
  pexit: string;
  debugoutput: string;
  debugerror: string;
  cps: number;
  /** USD charged (0 until a successful end). */
  cost: number;
  /** Planned billed run time in ms. */
  runMs: number;
  createdAt: number;
  startedAt: number | undefined;
  endedAt: number | undefined;
  outputs: WireOutput[];
  killed: boolean;
  cancelled: boolean;
  replyDropped: boolean;
  fault: TaskFaultKind | undefined;
  billed: boolean;
  ended: boolean;
  plan: LifecycleStep[];
  nextStep: number;
  timer: TimerHandle | undefined;
  /** Output rendering started at `task_start`; awaited before `task_postprocess_end`. */
  rendering: Promise<void> | undefined;
  /** Rendered outputs, published only when the task succeeds. */
  rendered: WireOutput[] | undefined;
}

const toUnixSeconds = (ms: number | undefined) =>
  ms === undefined ? '0' : String(Math.floor(ms / 1000));

/** The task as Task/Detail returns it: every number a string. */
export function toWireTask(task: TaskRecord, now: number): WireTask {
  const elapsedMs = task.ended
    ? task.status === 'task_postprocess_end'
      ? task.runMs
      : (task.endedAt ?? now) - (task.startedAt ?? task.endedAt ?? now)
    : task.startedAt === undefined
      ? 0
      : now - task.startedAt;
  return {
    id: task.id,
    uuid: task.uuid,
    socketaccesstoken: task.token,
    parameters: { ...task.parameters },
    debugoutput: task.debugoutput,
    debugerror: task.debugerror,
    starttime: toUnixSeconds(task.startedAt),
    endtime: toUnixSeconds(task.endedAt),
    elapsedseconds: formatDecimal(Math.max(0, elapsedMs) / 1000),
    status: task.status,
    cps: formatDecimal(task.cps),
    totalcost: formatDecimal(task.cost),
    pexit: task.pexit,
    createtime: toUnixSeconds(task.createdAt),
    outputs: task.outputs.map((output) => ({ ...output })),
  };
}
