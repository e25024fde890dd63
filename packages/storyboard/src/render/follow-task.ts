import { type Task, WiroAbortError, WiroTaskFailedError } from 'wiro-core';
import type { CacheEntry } from './cache.js';
import type { RenderContext } from './render-state.js';
import type { TaskSpec } from './task-spec.js';

/** How following one accepted task ended. */
export type FollowOutcome =
  | { kind: 'done'; task: Task; entry: CacheEntry }
  /** The task failed, timed out or its pictures could not be fetched: another task may do. */
  | { kind: 'failed'; reason: string }
  /** The render was aborted; the task was stopped on the server when it could be. */
  | { kind: 'aborted' };

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Waits for an accepted task, downloads its pictures into the cache and settles it in the
 * journal. A task left running by an abort stays unsettled, so the next run re-attaches to it.
 */
export async function followTask(
  context: RenderContext,
  spec: TaskSpec,
  taskid: string,
  token: string,
): Promise<FollowOutcome> {
  const { options, cache, journal, budget, emit, now } = context;
  const { client, signal } = options;
  const settle = (outcome: 'done' | 'failed' | 'stopped') =>
    journal.write({ type: 'settled', key: spec.cacheKey, taskid, outcome, at: now() });
  budget.start(taskid, spec.model);
  let task: Task | undefined;
  let stored = false;
  try {
    task = await client.waitForTask(
      { taskid, socketaccesstoken: token },
      {
        signal,
        timeoutMs: options.taskTimeoutMs,
        onStatus: (status) =>
          emit({ type: 'status', panel: spec.panel, stage: spec.stage, taskid, status }),
        onProgress: (p) =>
          emit({
            type: 'progress',
            panel: spec.panel,
            stage: spec.stage,
            taskid,
            percentage: p.percentage,
          }),
      },
    );
    const files: CacheEntry['files'] = [];
    for (const n of task.outputs.keys()) {
      const file = await client.downloadTaskOutput(task, n, cache.imagePath(spec.cacheKey, n), {
        signal,
        onUrlRefresh: () => {
          context.state.urlRefreshes++;
          emit({ type: 'url-refreshed', panel: spec.panel, stage: spec.stage, taskid });
        },
      });
      files.push({ name: `${n}.png`, sha256: file.sha256, bytes: file.bytes });
    }
    if (files.length < spec.samples) {
      throw new WiroTaskFailedError({
        ...task,
        debugerror: `only ${files.length} of ${spec.samples} outputs`,
      });
    }
    const entry: CacheEntry = {
      key: spec.cacheKey,
      taskid,
      cost: task.totalCost,
      files,
      urls: task.outputs.map((output) => output.url),
    };
    await cache.put(entry);
    stored = true;
    emit({
      type: 'done',
      panel: spec.panel,
      stage: spec.stage,
      taskid,
      cost: task.totalCost,
      seconds: task.elapsedSeconds,
      final: spec.final,
    });
    settle('done');
    return { kind: 'done', task, entry };
  } catch (error) {
    const snapshot = task ?? (error as { task?: Task }).task;
    if (error instanceof WiroAbortError) {
      // Without a snapshot the task may still be running: leave it for the next run.
      if (snapshot) settle('stopped');
      return { kind: 'aborted' };
    }
    settle(error instanceof WiroTaskFailedError ? 'failed' : 'stopped');
    return { kind: 'failed', reason: describe(error) };
  } finally {
    // A task that finished was billed, even when its pictures could not be fetched.
    budget.finish(taskid, task?.totalCost ?? 0, stored);
    emit({
      type: 'cost',
      spent: budget.spent,
      committed: budget.committed(),
      maxCost: budget.maxCost,
    });
  }
}
