import { WiroErrorCode } from 'wiro-core';
import type { ParsedBody } from '../body.js';
import { errorReply, type RouteContext, type RouteReply } from '../reply.js';
import type { EmulatorState } from '../state.js';
import type { TaskRecord } from '../task-record.js';

/** The reply to a task that does not exist, or belongs to another project (Wiro's wording). */
export const NO_TASK_MESSAGE = 'There is no task yet.';

/** The reply to a body that names no task (Wiro's wording, code 0). */
export const MISSING_TASK_MESSAGE = 'taskid or socketaccesstoken is required';

const text = (value: unknown) =>
  (typeof value === 'string' && value !== '') || typeof value === 'number'
    ? String(value)
    : undefined;

/** The task a body names, or the error reply to send instead. */
export type TaskLookup = { ok: true; task: TaskRecord } | { ok: false; reply: RouteReply };

/**
 * Finds the task a body names by `taskid`, or by token in any of `tokenFields`. No identifier:
 * code 0 "taskid or socketaccesstoken is required"; unknown, or another project's: code 1
 * "There is no task yet.".
 */
export function lookupTask(
  state: EmulatorState,
  body: ParsedBody,
  context: RouteContext,
  tokenFields: readonly string[],
): TaskLookup {
  const id = text(body.fields.taskid);
  const token = tokenFields.map((field) => text(body.fields[field])).find(Boolean);
  if (id === undefined && token === undefined) {
    return { ok: false, reply: errorReply(WiroErrorCode.General, MISSING_TASK_MESSAGE) };
  }
  const task = id !== undefined ? state.tasks.get(id) : state.tasks.findByToken(token ?? '');
  if (!task || task.apiKey !== context.apiKey) {
    return { ok: false, reply: errorReply(WiroErrorCode.NotFound, NO_TASK_MESSAGE) };
  }
  return { ok: true, task };
}

/** A route handler for requests that name one task. */
export type TaskRouteHandler = (
  state: EmulatorState,
  body: ParsedBody,
  context: RouteContext,
) => RouteReply;

/**
 * A handler that finds the task the body names (by `taskid` or a token in `tokenFields`) and
 * hands it to `handle`; the lookup's error reply goes out instead when there is none.
 */
export function taskRoute(
  tokenFields: readonly string[],
  handle: (state: EmulatorState, task: TaskRecord) => RouteReply,
): TaskRouteHandler {
  return (state, body, context) => {
    const found = lookupTask(state, body, context, tokenFields);
    return found.ok ? handle(state, found.task) : found.reply;
  };
}
