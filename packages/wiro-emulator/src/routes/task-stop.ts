import { QUEUED_STATUSES, WiroErrorCode } from 'wiro-core';
import type { ParsedBody } from '../body.js';
import { errorReply, okReply, type RouteReply } from '../reply.js';
import type { EmulatorState } from '../state.js';
import { findTask, NO_TASK_MESSAGE } from './task-lookup.js';

/** `POST /Task/Kill` with `{taskid}` or `{socketaccesstoken}`: stops an unfinished task. */
export function handleTaskKill(state: EmulatorState, body: ParsedBody): RouteReply {
  const task = findTask(state.tasks, body, ['socketaccesstoken', 'tasktoken']);
  if (!task) return errorReply(WiroErrorCode.NotFound, NO_TASK_MESSAGE);
  if (task.ended) {
    return {
      ...errorReply(
        WiroErrorCode.General,
        `Task is not running: it already ended (${task.status}).`,
      ),
      taskid: task.id,
    };
  }
  state.tasks.stop(task, 'kill');
  return okReply({ taskid: task.id, status: task.status }, task.id);
}

/** `POST /Task/Cancel` with `{taskid}` (chosen): only while the task is still queued. */
export function handleTaskCancel(state: EmulatorState, body: ParsedBody): RouteReply {
  const task = findTask(state.tasks, body, ['tasktoken', 'socketaccesstoken']);
  if (!task) return errorReply(WiroErrorCode.NotFound, NO_TASK_MESSAGE);
  if (!QUEUED_STATUSES.has(task.status)) {
    return {
      ...errorReply(
        WiroErrorCode.General,
        `Task is not queued (status ${task.status}); only queued tasks can be cancelled, use Task/Kill.`,
      ),
      taskid: task.id,
    };
  }
  state.tasks.stop(task, 'cancel');
  return okReply({ taskid: task.id, status: task.status }, task.id);
}
