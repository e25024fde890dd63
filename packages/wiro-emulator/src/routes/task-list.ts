import { TASK_LIST_MAX_LIMIT, WiroErrorCode } from 'wiro-core';
import type { ParsedBody } from '../body.js';
import { errorReply, okReply, type RouteContext, type RouteReply } from '../reply.js';
import type { EmulatorState } from '../state.js';
import { type TaskRecord, toWireTask } from '../task-record.js';

/** A whole number from a JSON number or a decimal string; undefined when absent. */
function readWhole(value: unknown): number | undefined | 'invalid' {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) ? n : 'invalid';
}

const bounds = (name: string, min: number, max: number) =>
  errorReply(
    WiroErrorCode.General,
    `Request parameter [${name}] must be between ${min} and ${max}`,
  );

/** A task in a list: the Detail task plus the model's slugs (chosen, see the README). */
function toListedTask(task: TaskRecord, now: number) {
  return {
    ...toWireTask(task, now),
    modelslugowner: task.definition.owner,
    modelslugproject: task.definition.project,
  };
}

/**
 * `POST /Task/List`, as Wiro's official Node client calls it: `{ type: "model", sort: "id",
 * order: "DESC", start: "0", limit: "20", modelName?: "owner/project" }`. Answers in the Detail
 * shape, `total` counting every task of the project that matches; each task carries the
 * `parameters` it was run with. `order` ASC lists the oldest first; any other `sort` sorts by id
 * too; `modelName` matches `owner/project` case-insensitively, as a substring (chosen).
 */
export function handleTaskList(
  state: EmulatorState,
  body: ParsedBody,
  context: RouteContext,
): RouteReply {
  const start = readWhole(body.fields.start) ?? 0;
  const limit = readWhole(body.fields.limit) ?? 20;
  if (start === 'invalid' || start < 0) {
    return errorReply(WiroErrorCode.General, 'Request parameter [start] must be 0 or more');
  }
  if (limit === 'invalid' || limit < 1 || limit > TASK_LIST_MAX_LIMIT) {
    return bounds('limit', 1, TASK_LIST_MAX_LIMIT);
  }
  const order = String(body.fields.order ?? 'DESC').toUpperCase();
  if (order !== 'DESC' && order !== 'ASC') {
    return errorReply(WiroErrorCode.General, 'Request parameter [order] must be DESC or ASC');
  }
  const filter = typeof body.fields.modelName === 'string' ? body.fields.modelName.trim() : '';
  const wanted = filter.toLowerCase();
  const matching = state.tasks
    .all()
    .filter((task) => task.apiKey === context.apiKey)
    .filter((task) => wanted === '' || task.model.toLowerCase().includes(wanted))
    .sort((a, b) => (Number(b.id) - Number(a.id)) * (order === 'DESC' ? 1 : -1));
  const now = state.options.now();
  const page = matching.slice(start, start + limit).map((task) => toListedTask(task, now));
  return okReply({ tasklist: page }, undefined, { total: String(matching.length) });
}
