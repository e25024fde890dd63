import type { ModelInfo, Task, TaskOutput, TaskProgress } from './types.js';
import type { WireOutput, WireProgress, WireTask, WireToolDetailResponse } from './wire.js';

const toNumber = (value: unknown): number | undefined => {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};

/** Wiro times are unix seconds as strings; converts to ms since epoch. */
const toTime = (value: unknown): number | undefined => {
  const seconds = toNumber(value);
  return seconds === undefined || seconds === 0 ? undefined : seconds * 1000;
};

const toText = (value: unknown): string =>
  value === undefined || value === null ? '' : String(value);

const toOptionalText = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

const modelOf = (task: WireTask): string | undefined =>
  task.modelslugowner && task.modelslugproject
    ? `${task.modelslugowner}/${task.modelslugproject}`
    : undefined;

/** Parses one wire output. */
export function parseOutput(output: WireOutput): TaskOutput {
  return {
    id: toText(output.id),
    name: toText(output.name),
    contentType: toText(output.contenttype),
    size: toNumber(output.size),
    url: toText(output.url),
    expiresAt: toTime(output.expiretime),
  };
}

/** Parses a wire task: numbers-as-strings become numbers at this edge, nowhere else. */
export function parseTask(task: WireTask): Task {
  return {
    id: toText(task.id),
    uuid: toText(task.uuid),
    socketAccessToken: toText(task.socketaccesstoken),
    status: toText(task.status),
    pexit: toText(task.pexit),
    debugerror: toText(task.debugerror),
    debugoutput: toText(task.debugoutput),
    cps: toNumber(task.cps) ?? 0,
    totalCost: toNumber(task.totalcost) ?? 0,
    elapsedSeconds: toNumber(task.elapsedseconds) ?? 0,
    createdAt: toTime(task.createtime),
    startedAt: toTime(task.starttime),
    endedAt: toTime(task.endtime),
    parameters: task.parameters && typeof task.parameters === 'object' ? task.parameters : {},
    model: modelOf(task),
    outputs: Array.isArray(task.outputs) ? task.outputs.map(parseOutput) : [],
    raw: task,
  };
}

/** A progress message may arrive as an object or as that object's JSON text. */
function progressObject(message: unknown): Partial<WireProgress> | undefined {
  if (typeof message === 'string' && message.trimStart().startsWith('{')) {
    try {
      return progressObject(JSON.parse(message));
    } catch {
      return undefined;
    }
  }
  return message && typeof message === 'object' ? (message as Partial<WireProgress>) : undefined;
}

/** Parses a progress object from a `task_output` frame, if it is one. */
export function parseProgress(taskid: string, message: unknown): TaskProgress | undefined {
  const progress = progressObject(message);
  if (!progress) return undefined;
  if (progress.type !== 'progressGenerate') return undefined;
  const percentage = toNumber(progress.percentage);
  if (percentage === undefined) return undefined;
  return {
    taskid,
    percentage,
    stepCurrent: toNumber(progress.stepCurrent),
    stepTotal: toNumber(progress.stepTotal),
    speed: toOptionalText(progress.speed),
    speedType: toOptionalText(progress.speedType),
    elapsedTime: toOptionalText(progress.elapsedTime),
    remainingTime: toOptionalText(progress.remainingTime),
  };
}

/** Parses the first tool of a Tool/Detail reply. */
export function parseModelInfo(reply: WireToolDetailResponse): ModelInfo | undefined {
  const tool = reply.tool?.[0];
  if (!tool) return undefined;
  return {
    owner: tool.slugowner,
    name: tool.slugproject,
    title: tool.title,
    description: tool.description,
    parameters: (tool.parameters ?? []).map((p) => ({
      id: p.id,
      type: p.type,
      label: p.label,
      default: p.default,
      min: toNumber(p.min),
      max: toNumber(p.max),
      step: toNumber(p.step),
      options: p.options,
      required: p.required === true,
    })),
  };
}
