import type { PixelSize, TaskStatus, WireOutput, WireTask } from 'wiro-core';
import { formatFixed, roundSeconds } from './billing.js';
import type { TaskFaultKind } from './faults.js';
import type { LifecycleStep } from './lifecycle.js';
import type { ModelDefinition, ValidatedInputs } from './model-catalog.js';
import type { TimerHandle } from './scheduler.js';

/** The emulator's own record of one task (internal and mutable; the wire sees {@link toWireTask}). */
export interface TaskRecord {
  id: string;
  uuid: string;
  token: string;
  /** `owner/project`. */
  model: string;
  definition: ModelDefinition;
  /** The project (API key) that ran it, and that project's id. */
  apiKey: string;
  projectId: string;
  /** The inputs as the Run sent them (without `callbackUrl`): Wiro's `parameters`. */
  received: Record<string, unknown>;
  /** The inputs after validation, defaults filled: what the draft is drawn from. */
  parameters: ValidatedInputs;
  /** sha256 of the canonical JSON of model and inputs (see `computeInputKey`). */
  inputKey: string;
  callbackUrl: string | undefined;
  status: TaskStatus;
  /** Every status reached, in order (repeated `task_output` frames appear once each). */
  history: TaskStatus[];
  /** When each status was first reached (ms since epoch). */
  times: Partial<Record<TaskStatus, number>>;
  /** The output folder's id (outputs' `parentid`). */
  folderId: string;
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
  /** An upscale task's input picture, read when the Run was accepted. */
  source: UpscaleSource | undefined;
  /** Why the task ends in `task_error` though no fault was injected (its input was unreadable). */
  failure: string | undefined;
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

function elapsedSeconds(task: TaskRecord, now: number): number {
  if (task.billed) return roundSeconds(task.runMs);
  if (task.startedAt === undefined) return 0;
  return roundSeconds((task.endedAt ?? now) - task.startedAt);
}

/**
 * The task as Task/Detail, Task/Kill, Task/Cancel and Task/List return it, field for field in the
 * order of Wiro's published Kill/Cancel example: every number a string, unset times `"0"`,
 * `elapsedseconds` with 4 decimals, `cps` with 12, `totalcost` with 12 once charged and `"0"`
 * otherwise, `categories` a JSON array written as a string.
 */
export function toWireTask(task: TaskRecord, now: number): WireTask {
  const at = (status: TaskStatus) => toUnixSeconds(task.times[status]);
  const size = task.outputs.reduce((sum, output) => sum + Number(output.size), 0);
  return {
    id: task.id,
    uuid: task.uuid,
    name: '',
    socketaccesstoken: task.token,
    parameters: structuredClone(task.received),
    debugoutput: task.debugoutput,
    debugerror: task.debugerror,
    starttime: toUnixSeconds(task.startedAt),
    endtime: toUnixSeconds(task.times.task_end ?? task.endedAt),
    elapsedseconds: formatFixed(elapsedSeconds(task, now), 4),
    status: task.status,
    cps: formatFixed(task.cps, 12),
    totalcost: task.billed ? formatFixed(task.cost, 12) : '0',
    guestid: null,
    projectid: task.projectId,
    modelid: task.definition.modelId,
    description: '',
    basemodelid: '0',
    runtype: 'model',
    modelfolderid: '',
    modelfileid: '',
    callbackurl: task.callbackUrl ?? '',
    marketplaceid: null,
    createtime: toUnixSeconds(task.createdAt),
    canceltime: at('task_cancel'),
    assigntime: at('task_assign'),
    accepttime: at('task_accept'),
    preprocessstarttime: at('task_preprocess_start'),
    preprocessendtime: at('task_preprocess_end'),
    postprocessstarttime: at('task_postprocess_start'),
    postprocessendtime: at('task_postprocess_end'),
    pexit: task.pexit,
    categories: JSON.stringify(task.definition.categories),
    outputs: task.outputs.map((output) => ({ ...output })),
    size: String(size),
  };
}

/** The picture an upscale task enlarges, read when its Run was accepted. */
export interface UpscaleSource {
  bytes: Buffer;
  /** The emulator file it was read from: `/files/<folder>/<name>`. */
  path: string;
  /** The task whose output it is, when it is one. */
  taskid: string | undefined;
  /** The size of the picture the task makes from it. */
  output: PixelSize;
}
