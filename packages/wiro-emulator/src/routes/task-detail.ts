import { okReply } from '../reply.js';
import { toWireTask } from '../task-record.js';
import { taskRoute } from './task-lookup.js';

/**
 * `POST /Task/Detail` with `{taskid}`, `{tasktoken}` or `{socketaccesstoken}`:
 * `{ total: "1", errors: [], tasklist: [task], result: true }`.
 */
export const handleTaskDetail = taskRoute(['tasktoken', 'socketaccesstoken'], (state, task) =>
  okReply({ tasklist: [toWireTask(task, state.options.now())] }, task.id, { total: '1' }),
);
