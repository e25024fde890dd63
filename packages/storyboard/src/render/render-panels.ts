import { mkdir } from 'node:fs/promises';
import {
  type Task,
  WiroAbortError,
  WiroAuthError,
  WiroConcurrencyLimitError,
  WiroConnectionError,
  WiroInsufficientBalanceError,
  WiroTaskFailedError,
} from 'wiro-core';
import { AdaptiveLimit } from './adaptive-limit.js';
import { Budget } from './budget.js';
import { type CacheEntry, PanelCache } from './cache.js';
import { RenderAbortError } from './errors.js';
import { Journal, type PendingTask } from './journal.js';
import type { PanelJob, PanelResult, RenderEvent, RenderOptions, RenderResult } from './types.js';

/** A reason to stop submitting altogether (not just this panel). */
class StopSubmitting extends Error {}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

const backoff = (n: number) => Math.min(30_000, 500 * 2 ** n);

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** A panel result with everything not given left empty. */
function resultOf(job: PanelJob, partial: Partial<PanelResult>): PanelResult {
  return {
    id: job.id,
    page: job.page,
    slot: job.slot,
    cacheKey: job.cacheKey,
    status: 'skipped',
    image: undefined,
    images: [],
    sha256: undefined,
    taskIds: [],
    attempts: 0,
    cost: 0,
    seconds: 0,
    error: undefined,
    source: undefined,
    ...partial,
  };
}

/**
 * Renders panel jobs through Wiro and returns where each image is.
 *
 * Never pays twice for the same picture: finished images live in a content-addressed cache, every
 * accepted Run is journalled (and flushed) before it is waited on, so a later run re-attaches to
 * it, and failed tasks (which Wiro does not bill) are retried as new tasks up to `maxAttempts`.
 * Stops submitting before `maxCost` would be passed. On abort it stops every task on the server
 * and rejects with {@link RenderAbortError}.
 */
export async function renderPanels(
  jobs: PanelJob[],
  options: RenderOptions,
): Promise<RenderResult> {
  const now = options.now ?? Date.now;
  const started = now();
  const emit = (event: RenderEvent) => options.onEvent?.(event);
  const { client, signal } = options;
  const cache = options.cache ?? new PanelCache(options.cacheDir);
  await mkdir(options.cacheDir, { recursive: true });
  await cache.sweepTemporaryFiles();
  const journal = new Journal(options.journalPath);
  const budget = new Budget(options.maxCost, options.costEstimate ?? 0.02);
  const limit = new AdaptiveLimit(options.concurrency ?? 4, (value, reason) =>
    emit({ type: 'concurrency', limit: value, reason }),
  );
  const maxAttempts = options.maxAttempts ?? 3;
  const pendingByKey = new Map<string, PendingTask[]>();
  for (const task of journal.pending()) {
    pendingByKey.set(task.key, [...(pendingByKey.get(task.key) ?? []), task]);
  }
  let stopReason: 'budget' | undefined;
  let fatal: Error | undefined;
  let uncertainRuns = 0;

  const reportCost = () =>
    emit({
      type: 'cost',
      spent: budget.spent,
      committed: budget.committed(),
      maxCost: budget.maxCost,
    });

  /** Waits for an accepted task, stores its images, and settles it in the journal. */
  async function follow(
    job: PanelJob,
    taskid: string,
    token: string,
  ): Promise<{ task: Task; entry: CacheEntry }> {
    budget.start(taskid);
    let task: Task | undefined;
    let succeeded = false;
    try {
      task = await client.waitForTask(
        { taskid, socketaccesstoken: token },
        {
          signal,
          timeoutMs: options.taskTimeoutMs,
          onStatus: (status) => emit({ type: 'status', panel: job.id, taskid, status }),
          onProgress: (p) =>
            emit({ type: 'progress', panel: job.id, taskid, percentage: p.percentage }),
        },
      );
      const files: CacheEntry['files'] = [];
      for (const [n, output] of task.outputs.entries()) {
        const file = await client.downloadOutput(output, cache.imagePath(job.cacheKey, n), {
          signal,
        });
        files.push({ name: `${n}.png`, sha256: file.sha256, bytes: file.bytes });
      }
      if (files.length < job.inputs.samples) {
        throw new WiroTaskFailedError({
          ...task,
          debugerror: `only ${files.length} of ${job.inputs.samples} outputs`,
        });
      }
      const entry: CacheEntry = { key: job.cacheKey, taskid, cost: task.totalCost, files };
      await cache.put(entry);
      succeeded = true;
      emit({
        type: 'done',
        panel: job.id,
        taskid,
        cost: task.totalCost,
        seconds: task.elapsedSeconds,
      });
      journal.write({ type: 'settled', key: job.cacheKey, taskid, outcome: 'done', at: now() });
      return { task, entry };
    } catch (error) {
      const snapshot = task ?? (error as { task?: Task }).task;
      const outcome = error instanceof WiroTaskFailedError ? 'failed' : 'stopped';
      const stillOurs = error instanceof WiroAbortError && !snapshot;
      if (!stillOurs)
        journal.write({ type: 'settled', key: job.cacheKey, taskid, outcome, at: now() });
      throw error;
    } finally {
      budget.finish(taskid, succeeded ? (task?.totalCost ?? 0) : 0, succeeded);
      reportCost();
    }
  }

  function finished(job: PanelJob, entry: CacheEntry, partial: Partial<PanelResult>): PanelResult {
    const images = entry.files.map((_, n) => cache.imagePath(job.cacheKey, n));
    const chosen = Math.min(job.variant, images.length - 1);
    return resultOf(job, {
      image: images[chosen],
      images,
      sha256: entry.files[chosen]?.sha256,
      source: { taskid: entry.taskid, cost: entry.cost },
      ...partial,
    });
  }

  async function renderOne(job: PanelJob): Promise<PanelResult> {
    const startedJob = now();
    const wanted = !options.only || options.only.has(job.id);
    const cached =
      options.force && wanted ? undefined : await cache.get(job.cacheKey, job.inputs.samples);
    if (cached) {
      emit({ type: 'cached', panel: job.id });
      return finished(job, cached, { status: 'cached' });
    }
    if (!wanted) return resultOf(job, { status: 'skipped', error: 'not selected and not cached' });

    const taskIds: string[] = [];
    let lastError = '';
    const rendered = (entry: CacheEntry, total: number, attempts: number) =>
      finished(job, entry, {
        status: 'rendered',
        taskIds,
        attempts,
        cost: total,
        seconds: (now() - startedJob) / 1000,
      });
    for (const pending of pendingByKey.get(job.cacheKey)?.splice(0) ?? []) {
      emit({ type: 'reattached', panel: job.id, taskid: pending.taskid });
      taskIds.push(pending.taskid);
      try {
        const { task, entry } = await follow(job, pending.taskid, pending.token);
        return rendered(entry, task.totalCost, 0);
      } catch (error) {
        if (error instanceof WiroAbortError) throw error;
        lastError = describe(error);
      }
    }

    let refusals = 0;
    for (let attempt = 1; attempt <= maxAttempts; ) {
      if (signal?.aborted || fatal)
        return resultOf(job, { status: 'skipped', taskIds, attempts: attempt - 1 });
      if (!budget.allows()) {
        stopReason = 'budget';
        emit({
          type: 'budget',
          panel: job.id,
          spent: budget.spent,
          estimate: budget.estimate(),
          maxCost: budget.maxCost ?? 0,
        });
        return resultOf(job, {
          status: 'skipped',
          taskIds,
          attempts: attempt - 1,
          error: 'budget reached',
        });
      }
      journal.write({ type: 'submitting', key: job.cacheKey, panel: job.id, at: now() });
      let run: { taskid: string; socketaccesstoken: string };
      try {
        // No abort signal here: an aborted Run request may still have been accepted.
        run = await client.runTask(job.model, {
          ...job.inputs,
          scale: String(job.inputs.scale),
          seed: String(job.inputs.seed),
        });
      } catch (error) {
        if (error instanceof WiroConcurrencyLimitError) {
          limit.lower();
          await sleep(backoff(refusals++), signal);
          continue;
        }
        if (error instanceof WiroConnectionError && error.requestSent) {
          uncertainRuns++;
          journal.write({
            type: 'uncertain',
            key: job.cacheKey,
            panel: job.id,
            reason: error.message,
            at: now(),
          });
        }
        if (error instanceof WiroAuthError || error instanceof WiroInsufficientBalanceError) {
          fatal ??= error;
          throw new StopSubmitting(error.message);
        }
        lastError = describe(error);
        emit({ type: 'retry', panel: job.id, reason: lastError, attempt });
        attempt++;
        continue;
      }
      journal.write({
        type: 'accepted',
        key: job.cacheKey,
        panel: job.id,
        taskid: run.taskid,
        token: run.socketaccesstoken,
        at: now(),
      });
      taskIds.push(run.taskid);
      emit({ type: 'submitted', panel: job.id, taskid: run.taskid, attempt });
      try {
        const { task, entry } = await follow(job, run.taskid, run.socketaccesstoken);
        limit.succeeded();
        return rendered(entry, task.totalCost, attempt);
      } catch (error) {
        if (error instanceof WiroAbortError) throw error;
        lastError = describe(error);
        emit({ type: 'retry', panel: job.id, reason: lastError, attempt });
        attempt++;
      }
    }
    emit({ type: 'failed', panel: job.id, reason: lastError });
    return resultOf(job, {
      status: 'failed',
      taskIds,
      attempts: maxAttempts,
      // Failed tasks are not billed.
      cost: 0,
      error: lastError,
    });
  }

  // Jobs with tasks still running from an earlier process go first, so re-attaching to them
  // takes the first slots and never pushes the tasks in flight past the concurrency limit.
  const order = [...jobs.keys()].sort(
    (a, b) =>
      Number(!pendingByKey.has(jobs[a]!.cacheKey)) - Number(!pendingByKey.has(jobs[b]!.cacheKey)),
  );
  const outcomes = new Array<PromiseSettledResult<PanelResult>>(jobs.length);
  await Promise.all(
    order.map((index) => {
      emit({ type: 'queued', panel: jobs[index]!.id });
      return limit
        .run(() => renderOne(jobs[index]!))
        .then(
          (value) => {
            outcomes[index] = { status: 'fulfilled', value };
          },
          (reason: unknown) => {
            outcomes[index] = { status: 'rejected', reason };
          },
        );
    }),
  );
  journal.close();

  const panels = outcomes.map((outcome, i) => {
    if (outcome.status === 'fulfilled') return outcome.value;
    const aborted =
      outcome.reason instanceof WiroAbortError || outcome.reason instanceof StopSubmitting;
    return resultOf(jobs[i]!, {
      status: aborted ? 'skipped' : 'failed',
      error: describe(outcome.reason),
    });
  });
  if (signal?.aborted)
    throw new RenderAbortError('Render aborted: running tasks were stopped; run again to resume.');
  if (fatal) throw fatal;
  const count = (status: PanelResult['status']) => panels.filter((p) => p.status === status).length;
  return {
    panels,
    totals: {
      panels: panels.length,
      rendered: count('rendered'),
      cached: count('cached'),
      failed: count('failed'),
      skipped: count('skipped'),
      cost: panels.reduce((sum, p) => sum + p.cost, 0),
      wallSeconds: (now() - started) / 1000,
      uncertainRuns,
    },
    stopped: stopReason,
  };
}
