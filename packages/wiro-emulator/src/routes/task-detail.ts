import { WiroErrorCode } from 'wiro-core';
import type { ParsedBody } from '../body.js';
import { errorReply, okReply, type RouteReply } from '../reply.js';
import type { EmulatorState } from '../state.js';
import { toWireTask } from '../task-record.js';
import { findTask, NO_TASK_MESSAGE } from './task-lookup.js';

/** `POST /Task/Detail` with `{taskid}` or `{tasktoken}`. */
export function handleTaskDetail(state: EmulatorState, body: ParsedBody): RouteReply {
  const task = findTask(state.tasks, body, ['tasktoken', 'socketaccesstoken']);
  if (!task) return errorReply(WiroErrorCode.NotFound, NO_TASK_MESSAGE);
  return okReply({ total: '1', tasklist: [toWireTask(task, state.options.now())] }, task.id);
}
