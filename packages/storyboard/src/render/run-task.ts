import { setTimeout as delay } from 'node:timers/promises';
import { computeRetryDelay, DEFAULT_RETRY_POLICY, type RetryPolicy, type Task } from 'wiro-core';
import type { CacheEntry } from './cache.js';
import { adoptTask, findOrphan } from './find-orphan.js';
import { type FollowOutcome, followTask } from './follow-task.js';
import type { RenderContext } from './render-state.js';
import { type SubmitOutcome, submitRun } from './submit-run.js';
import type { TaskSpec } from './task-spec.js';

/** What running one task spec until its pictures are cached came to. */
export interface TaskRun {
  status: 'done' | 'failed' | 'skipped';
  entry: CacheEntry | undefined;
  /** USD billed for it in this run. */
  cost: number;
  /** Runs sent (re-attached and adopted tasks do not count). */
  attempts: number;
  /** Tasks submitted, re-attached or adopted in this run. */
  taskIds: string[];
  /** Why it failed or was skipped. */
  reason: string | undefined;
}

/**
 * Waits after Wiro's concurrency refusals (code 96): wiro-core's backoff, with a longer cap,
 * because a slot frees only when some task of the account ends.
 */
const BUSY_BACKOFF: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxDelayMs: 30_000 };

/** What one attempt came to. */
type AttemptOutcome =
  | Exclude<SubmitOutcome, { kind: 'accepted' | 'lost' }>
  | FollowOutcome
  | { kind: 'stopped' };

/**
 * Runs one task until its pictures are in the cache, paying for it at most once:
 * 1. re-attaches to tasks an earlier process journalled as accepted;
 * 2. looks on Wiro (Task/List) for tasks of Runs an earlier process was about to send;
 * 3. submits, following each accepted task; when a Run's reply is lost, it looks for the task
 *    before sending again; failed tasks (which Wiro does not bill) are retried as new tasks, up
 *    to `maxAttempts` Runs.
 * The caller holds a slot of the concurrency limit meanwhile, so the budget check here never
 * lets tasks waiting for a slot pass it together.
 */
export async function runTask(
  context: RenderContext,
  spec: TaskSpec,
  limits: { maxAttempts?: number } = {},
): Promise<TaskRun> {
  const { options, state, emit } = context;
  const run: TaskRun = {
    status: 'failed',
    entry: undefined,
    cost: 0,
    attempts: 0,
    taskIds: [],
    reason: undefined,
  };
  const end = (status: TaskRun['status'], reason?: string): TaskRun =>
    Object.assign(run, { status, reason: reason ?? run.reason });
  /** Follows tasks that already exist until one gives the pictures; undefined when none did. */
  const follow = async (tasks: ReadonlyArray<{ taskid: string; token: string }>) => {
    for (const { taskid, token } of tasks) {
      run.taskIds.push(taskid);
      const outcome = await followTask(context, spec, taskid, token);
      if (outcome.kind === 'done') {
        return Object.assign(run, {
          status: 'done',
          entry: outcome.entry,
          cost: outcome.task.totalCost,
        });
      }
      if (outcome.kind === 'aborted') return end('skipped', 'aborted');
      run.reason = outcome.reason;
    }
    return undefined;
  };

  const pending = context.pending.get(spec.cacheKey)?.splice(0) ?? [];
  for (const task of pending)
    emit({ type: 'reattached', panel: spec.panel, stage: spec.stage, taskid: task.taskid });
  const reattached = await follow(pending);
  if (reattached) return reattached;

  const intent = context.intents.get(spec.cacheKey);
  context.intents.delete(spec.cacheKey);
  if (intent) {
    const adopted = await adoptOrphans(context, spec, intent.since, follow);
    if (adopted) return adopted;
  }

  const maxAttempts = limits.maxAttempts ?? options.maxAttempts ?? 3;
  let refusals = 0;
  while (run.attempts < maxAttempts) {
    const outcome = await attempt(context, spec, run, follow);
    switch (outcome.kind) {
      case 'done':
      case 'settled':
        return run;
      case 'stopped':
      case 'aborted':
        return end('skipped', state.stopped === 'budget' ? 'budget reached' : undefined);
      case 'fatal':
        state.stop('fatal', outcome.error);
        return end('skipped', outcome.error.message);
      case 'busy':
        context.limit.lower();
        await delay(computeRetryDelay(BUSY_BACKOFF, ++refusals), undefined, {
          signal: options.signal,
        }).catch(() => undefined);
        break;
      case 'rejected':
      case 'failed':
        run.reason = outcome.reason;
        emit({
          type: 'retry',
          panel: spec.panel,
          stage: spec.stage,
          reason: outcome.reason,
          attempt: run.attempts,
        });
        break;
    }
  }
  return end('failed');
}

/** Follows tasks that exist on Wiro until one gives the pictures. */
type Follow = (
  tasks: ReadonlyArray<{ taskid: string; token: string }>,
) => Promise<TaskRun | undefined>;

/**
 * Looks on Wiro for tasks of this spec created since `since` and follows them (they are paid for
 * already). Returns the finished run, or undefined to go on submitting.
 */
async function adoptOrphans(
  context: RenderContext,
  spec: TaskSpec,
  since: number,
  follow: Follow,
): Promise<TaskRun | undefined> {
  const search = await findOrphan(context, spec, since);
  if (search.kind !== 'found') return undefined;
  for (const task of search.tasks) await adoptTask(context, spec, task);
  return follow(
    search.tasks.map((task: Task) => ({ taskid: task.id, token: task.socketAccessToken })),
  );
}

/** Waits a moment after a lost Run reply, so a Run still being accepted shows up in Task/List. */
const LOST_REPLY_GRACE: RetryPolicy = { ...DEFAULT_RETRY_POLICY, jitter: 0 };

/** One Run and, once accepted (or found after a lost reply), the wait for it. */
async function attempt(
  context: RenderContext,
  spec: TaskSpec,
  run: TaskRun,
  follow: Follow,
): Promise<AttemptOutcome | { kind: 'settled' }> {
  const { options, budget, state, emit } = context;
  if (state.stopped) return { kind: 'stopped' };
  if (!budget.reserveSend(spec.model)) {
    state.stop('budget');
    emit({
      type: 'budget',
      panel: spec.panel,
      spent: budget.spent,
      estimate: budget.estimate(spec.model),
      maxCost: budget.maxCost ?? 0,
    });
    return { kind: 'stopped' };
  }
  let submitted: Awaited<ReturnType<typeof submitRun>>;
  try {
    submitted = await submitRun(context, spec);
    if (submitted.kind === 'busy' || submitted.kind === 'fatal') return submitted;
    run.attempts++;
    if (submitted.kind === 'rejected') return submitted;
    if (submitted.kind === 'lost') {
      // Still reserved: the Run may have been accepted, and an adopted task counted twice
      // while it runs is safer than one not counted at all.
      const grace = options.lostReplyGraceMs ?? computeRetryDelay(LOST_REPLY_GRACE, 2);
      await delay(grace, undefined, { signal: options.signal }).catch(() => undefined);
      const adopted = await adoptOrphans(context, spec, submitted.intentAt, follow);
      if (adopted) return { kind: 'settled' };
      return { kind: 'rejected', reason: submitted.reason };
    }
  } finally {
    // An accepted task is counted by followTask from its first line on (no await in between).
    budget.releaseSend(spec.model);
  }
  run.taskIds.push(submitted.taskid);
  emit({
    type: 'submitted',
    panel: spec.panel,
    stage: spec.stage,
    taskid: submitted.taskid,
    attempt: run.attempts,
  });
  const followed = await followTask(context, spec, submitted.taskid, submitted.token);
  if (followed.kind === 'done') {
    context.limit.succeeded();
    Object.assign(run, { status: 'done', entry: followed.entry, cost: followed.task.totalCost });
  }
  return followed;
}
