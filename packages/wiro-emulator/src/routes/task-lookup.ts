import type { ParsedBody } from '../body.js';
import type { TaskRecord } from '../task-record.js';
import type { TaskStore } from '../tasks.js';

const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/** Finds the task a body names by `taskid`, or by token in any of `tokenFields`. */
export function findTask(
  tasks: TaskStore,
  body: ParsedBody,
  tokenFields: readonly string[],
): TaskRecord | undefined {
  const id = text(body.fields.taskid);
  if (id !== undefined) return tasks.get(id);
  for (const field of tokenFields) {
    const token = text(body.fields[field]);
    if (token !== undefined) return tasks.findByToken(token);
  }
  return undefined;
}

/** The reply to a task that does not exist (Wiro's wording). */
export const NO_TASK_MESSAGE = 'There is no task yet.';
