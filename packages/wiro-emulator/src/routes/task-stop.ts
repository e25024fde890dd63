import { QUEUED_STATUSES, WiroErrorCode } from 'wiro-core';
import type { ParsedBody } from '../body.js';
import { errorReply, okReply, type RouteContext, type RouteReply } from '../reply.js';
import type { EmulatorState } from '../state.js';
import { type TaskRecord, toWireTask } from '../task-record.js';
import { lookupTask } from './task-lookup.js';

/** Kill and Cancel answer in the Detail shape without `total`: `{ errors, tasklist, result }`. */
const stoppedReply = (state: EmulatorState, task: TaskRecord) =>
  okReply({ tasklist: [toWireTask(task, state.options.now())] }, task.id);

/**
 * `POST /Task/Kill` with `{taskid}`, `{socketaccesstoken}` or `{tasktoken}`: stops an unfinished
 * task (queued ones too, chosen). An ended task: code 1 "Task could not be killed: …", the
 * wording Wiro documents for a failed kill.
 */
export function handleTaskKill(
  state: EmulatorState,
  body: ParsedBody,
  context: RouteContext,
): RouteReply {
  const found = lookupTask(state, body, context, ['socketaccesstoken', 'tasktoken']);
  if (!found.ok) return found.reply;
  const { task } = found;
  if (task.ended) {
    return {
      ...errorReply(
        WiroErrorCode.NotFound,
        `Task could not be killed: it already ended (${task.status}).`,
      ),
      taskid: task.id,
    };
  }
  state.tasks.stop(task, 'kill');
  return stoppedReply(state, task);
}

/**
 * `POST /Task/Cancel` with `{taskid}` (chosen; tokens are accepted too): only while the task is
 * queued. Otherwise code 1 "Task is not in a cancellable state.", as Wiro documents it.
 */
export function handleTaskCancel(
  state: EmulatorState,
  body: ParsedBody,
  context: RouteContext,
): RouteReply {
  const found = lookupTask(state, body, context, ['tasktoken', 'socketaccesstoken']);
  if (!found.ok) return found.reply;
  const { task } = found;
  if (!QUEUED_STATUSES.has(task.status)) {
    return {
      ...errorReply(WiroErrorCode.NotFound, 'Task is not in a cancellable state.'),
      taskid: task.id,
    };
  }
  state.tasks.stop(task, 'cancel');
  return stoppedReply(state, task);
}
