import type { Task } from 'wiro-core';
import type { RenderContext } from './render-state.js';
import type { TaskSpec } from './task-spec.js';

/** What Task/List says about a Run whose outcome is unknown. */
export type OrphanSearch =
  /** Tasks run with exactly the spec's inputs since then, newest first: already paid for. */
  | { kind: 'found'; tasks: Task[] }
  /** Task/List read back past `since` and holds no such task: the Run was not accepted. */
  | { kind: 'none' }
  /** Task/List could not tell (it failed, or did not reach back far enough). */
  | { kind: 'unknown'; reason: string };

/**
 * Looks on Wiro for a task of `spec` created since `since` (ms, the moment its intent was
 * journalled) that this render does not know yet: a Run accepted whose reply was lost, or whose
 * acceptance a killed process never wrote down. Records the answer in the journal: `abandoned`
 * when there provably is none, `uncertain` when Task/List cannot tell.
 */
export async function findOrphan(
  context: RenderContext,
  spec: TaskSpec,
  since: number,
): Promise<OrphanSearch> {
  const { options, journal, state, emit, now } = context;
  try {
    const tasks = await options.client.findTasks(spec.model, spec.inputs, {
      since,
      exclude: journal.taskIds(spec.cacheKey),
      signal: options.signal,
    });
    if (tasks.length > 0) return { kind: 'found', tasks };
    journal.write({ type: 'abandoned', key: spec.cacheKey, at: now() });
    return { kind: 'none' };
  } catch (error) {
    const reason = `Task/List could not tell whether a Run was accepted: ${error instanceof Error ? error.message : String(error)}`;
    state.uncertainRuns++;
    journal.write({ type: 'uncertain', key: spec.cacheKey, panel: spec.panel, reason, at: now() });
    emit({ type: 'uncertain', panel: spec.panel, stage: spec.stage, reason });
    return { kind: 'unknown', reason };
  }
}

/** Journals a found task as this spec's, so a crash from here on re-attaches to it. */
export async function adoptTask(context: RenderContext, spec: TaskSpec, task: Task): Promise<void> {
  const { journal, state, emit, now } = context;
  journal.write({
    type: 'accepted',
    key: spec.cacheKey,
    panel: spec.panel,
    taskid: task.id,
    token: task.socketAccessToken,
    at: now(),
    adopted: true,
  });
  await journal.flush();
  state.adoptedTasks++;
  emit({ type: 'adopted', panel: spec.panel, stage: spec.stage, taskid: task.id });
}
