import { WiroError } from './errors.js';
import { matchesInputs } from './match-inputs.js';
import { TASK_LIST_MAX_LIMIT, TASK_LIST_QUERY } from './protocol.js';
import type { RunInputs, Task, TaskList } from './types.js';
import type { WireTaskListRequest } from './wire.js';

/** Options of `listTasks`. */
export interface ListTasksOptions {
  /** Only tasks of this model, `owner/project`. */
  model?: string | undefined;
  /**
   * Offset into the list.
   * @default 0
   */
  start?: number | undefined;
  /**
   * Tasks per page, 1 to 100.
   * @default 20
   */
  limit?: number | undefined;
  /**
   * `DESC` lists the newest task first.
   * @default 'DESC'
   */
  order?: 'DESC' | 'ASC' | undefined;
  signal?: AbortSignal | undefined;
}

/** Options of `findTasks`. */
export interface FindTasksOptions {
  /**
   * Only tasks created at or after this time (ms since epoch): for a Run whose reply was lost,
   * the moment just before it was sent.
   */
  since: number;
  /** Task ids to leave out, e.g. tasks already adopted for other work. */
  exclude?: Iterable<string> | undefined;
  /**
   * Allowance for this machine's clock being ahead of Wiro's.
   * @default 5000
   */
  clockSkewMs?: number | undefined;
  /**
   * Tasks per Task/List page.
   * @default 100
   */
  pageSize?: number | undefined;
  /**
   * Pages read at most. If `since` is not reached by then, the search throws rather than
   * answer "none" without proof.
   * @default 20
   */
  maxPages?: number | undefined;
  signal?: AbortSignal | undefined;
}

function checkWhole(name: string, value: number, min: number, max: number): string {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new WiroError(`listTasks: ${name} must be a whole number from ${min} to ${max}`);
  }
  return String(value);
}

/** The Task/List body for `options`, exactly as Wiro's official Node client builds it. */
export function buildTaskListRequest(options: ListTasksOptions = {}): WireTaskListRequest {
  const order = options.order ?? 'DESC';
  if (order !== 'DESC' && order !== 'ASC') {
    throw new WiroError(`listTasks: order must be "DESC" or "ASC", got "${String(order)}"`);
  }
  return {
    ...TASK_LIST_QUERY,
    order,
    start: checkWhole('start', options.start ?? 0, 0, Number.MAX_SAFE_INTEGER),
    limit: checkWhole('limit', options.limit ?? 20, 1, TASK_LIST_MAX_LIMIT),
    ...(options.model ? { modelName: options.model } : {}),
  };
}

/**
 * Pages through Task/List newest first, back to `options.since`, and returns every task of
 * `model` whose parameters are exactly `inputs` (see `matchesInputs`), newest first: usually none
 * or one. It never answers "none" without having read back past `since`; otherwise it throws.
 */
export async function findTasks(
  list: (options: ListTasksOptions) => Promise<TaskList>,
  model: string,
  inputs: RunInputs,
  options: FindTasksOptions,
): Promise<Task[]> {
  const pageSize = options.pageSize ?? TASK_LIST_MAX_LIMIT;
  const maxPages = options.maxPages ?? 20;
  // Wiro stamps tasks in whole seconds.
  const cutoff = Math.floor((options.since - (options.clockSkewMs ?? 5_000)) / 1000) * 1000;
  const excluded = new Set(options.exclude ?? []);
  const seen = new Set<string>();
  const found: Task[] = [];
  let start = 0;
  for (let page = 0; page < maxPages; page++) {
    const { total, tasks } = await list({
      model,
      start,
      limit: pageSize,
      order: 'DESC',
      signal: options.signal,
    });
    for (const task of tasks) {
      if (task.createdAt !== undefined && task.createdAt < cutoff) return found;
      // Tasks created while paging push older ones down: the same task may show up twice.
      if (seen.has(task.id) || excluded.has(task.id)) continue;
      seen.add(task.id);
      if (task.model !== undefined && task.model !== model) continue;
      if (matchesInputs(inputs, task.parameters)) found.push(task);
    }
    start += tasks.length;
    if (tasks.length === 0 || start >= total) return found;
  }
  throw new WiroError(
    `Task/List: ${maxPages} pages of ${model} tasks did not reach back to ${new Date(options.since).toISOString()}; cannot tell whether the Run was accepted`,
  );
}
