import { setTimeout as delay } from 'node:timers/promises';
import { computeRetryDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from 'wiro-core';
import type { CacheEntry } from './cache.js';
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
  /** Runs sent (re-attached tasks do not count). */
  attempts: number;
  /** Tasks submitted or re-attached in this run. */
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
  | Exclude<SubmitOutcome, { kind: 'accepted' }>
  | FollowOutcome
  | { kind: 'stopped' };

/**
 * Runs one task until its pictures are in the cache: re-attaches first to tasks an earlier
 * process left running, then submits, retrying failed tasks (which Wiro does not bill) as new
 * tasks up to `maxAttempts`. The caller holds a slot of the concurrency limit meanwhile, so the
 * budget check here never lets tasks waiting for a slot pass it together.
 */
export async function runTask(context: RenderContext, spec: TaskSpec): Promise<TaskRun> {
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
  const finish = (outcome: Extract<FollowOutcome, { kind: 'done' }>): TaskRun =>
    Object.assign(run, { status: 'done', entry: outcome.entry, cost: outcome.task.totalCost });

  for (const pending of context.pending.get(spec.cacheKey)?.splice(0) ?? []) {
    emit({ type: 'reattached', panel: spec.panel, taskid: pending.taskid });
    run.taskIds.push(pending.taskid);
    const outcome = await followTask(context, spec, pending.taskid, pending.token);
    if (outcome.kind === 'done') return finish(outcome);
    if (outcome.kind === 'aborted') return end('skipped', 'aborted');
    run.reason = outcome.reason;
  }

  const maxAttempts = options.maxAttempts ?? 3;
  let refusals = 0;
  while (run.attempts < maxAttempts) {
    const outcome = await attempt(context, spec, run);
    switch (outcome.kind) {
      case 'done':
        return finish(outcome);
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
        emit({ type: 'retry', panel: spec.panel, reason: outcome.reason, attempt: run.attempts });
        break;
    }
  }
  emit({ type: 'failed', panel: spec.panel, reason: run.reason ?? 'no attempt left' });
  return end('failed');
}

/** One Run and, once accepted, the wait for it; counts the attempt in `run`. */
async function attempt(
  context: RenderContext,
  spec: TaskSpec,
  run: TaskRun,
): Promise<AttemptOutcome> {
  const { budget, state, emit } = context;
  if (state.stopped) return { kind: 'stopped' };
  if (!budget.allows()) {
    state.stop('budget');
    emit({
      type: 'budget',
      panel: spec.panel,
      spent: budget.spent,
      estimate: budget.estimate(),
      maxCost: budget.maxCost ?? 0,
    });
    return { kind: 'stopped' };
  }
  const submitted = await submitRun(context, spec);
  if (submitted.kind === 'busy' || submitted.kind === 'fatal') return submitted;
  run.attempts++;
  if (submitted.kind === 'rejected') return submitted;
  run.taskIds.push(submitted.taskid);
  emit({ type: 'submitted', panel: spec.panel, taskid: submitted.taskid, attempt: run.attempts });
  const followed = await followTask(context, spec, submitted.taskid, submitted.token);
  if (followed.kind === 'done') context.limit.succeeded();
  return followed;
}
