import { QUEUED_STATUSES, WiroErrorCode } from 'wiro-core';
import { errorReply, okReply, type RouteReply } from '../reply.js';
import type { EmulatorState } from '../state.js';
import { type TaskRecord, toWireTask } from '../task-record.js';
import { taskRoute } from './task-lookup.js';

/** Kill and Cancel answer in the Detail shape without `total`: `{ errors, tasklist, result }`. */
function stop(state: EmulatorState, task: TaskRecord, reason: 'kill' | 'cancel'): RouteReply {
  state.tasks.stop(task, reason);
  return okReply({ tasklist: [toWireTask(task, state.options.now())] }, task.id);
}

/** A code 1 refusal that still names the task in the ledger. */
const refuse = (task: TaskRecord, message: string): RouteReply => ({
  ...errorReply(WiroErrorCode.NotFound, message),
  taskid: task.id,
});

/**
 * `POST /Task/Kill` with `{taskid}`, `{socketaccesstoken}` or `{tasktoken}`: stops an unfinished
 * task (queued ones too, chosen). An ended task: code 1 "Task could not be killed: …", the
 * wording Wiro documents for a failed kill.
 */
export const handleTaskKill = taskRoute(['socketaccesstoken', 'tasktoken'], (state, task) =>
  task.ended
    ? refuse(task, `Task could not be killed: it already ended (${task.status}).`)
    : stop(state, task, 'kill'),
);

/**
 * `POST /Task/Cancel` with `{taskid}` (chosen; tokens are accepted too): only while the task is
 * queued. Otherwise code 1 "Task is not in a cancellable state.", as Wiro documents it.
 */
export const handleTaskCancel = taskRoute(['tasktoken', 'socketaccesstoken'], (state, task) =>
  QUEUED_STATUSES.has(task.status)
    ? stop(state, task, 'cancel')
    : refuse(task, 'Task is not in a cancellable state.'),
);
