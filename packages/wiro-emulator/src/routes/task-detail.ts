import type { ParsedBody } from '../body.js';
import { okReply, type RouteContext, type RouteReply } from '../reply.js';
import type { EmulatorState } from '../state.js';
import { toWireTask } from '../task-record.js';
import { lookupTask } from './task-lookup.js';

/**
 * `POST /Task/Detail` with `{taskid}`, `{tasktoken}` or `{socketaccesstoken}`:
 * `{ total: "1", errors: [], tasklist: [task], result: true }`.
 */
export function handleTaskDetail(
  state: EmulatorState,
  body: ParsedBody,
  context: RouteContext,
): RouteReply {
  const found = lookupTask(state, body, context, ['tasktoken', 'socketaccesstoken']);
  if (!found.ok) return found.reply;
  const task = toWireTask(found.task, state.options.now());
  return okReply({ tasklist: [task] }, found.task.id, { total: '1' });
}
