import { mkdir } from 'node:fs/promises';
import type { PanelJob } from '../expand/types.js';
import { AdaptiveLimit } from './adaptive-limit.js';
import { Budget } from './budget.js';
import { type CacheEntry, PanelCache } from './cache.js';
import { RenderAbortError } from './errors.js';
import { Journal, type PendingTask } from './journal.js';
import { type RenderContext, RenderState } from './render-state.js';
import { runTask, type TaskRun } from './run-task.js';
import { generationTask } from './task-spec.js';
import type { PanelResult, RenderEvent, RenderOptions, RenderResult } from './types.js';

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

/** The result of a panel whose pictures are in the cache. */
function pictured(
  cache: PanelCache,
  job: PanelJob,
  entry: CacheEntry,
  partial: Partial<PanelResult>,
): PanelResult {
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

/** Journalled tasks of earlier processes, by cache key. */
function pendingByKey(journal: Journal): Map<string, PendingTask[]> {
  const byKey = new Map<string, PendingTask[]>();
  for (const task of journal.pending()) byKey.set(task.key, [...(byKey.get(task.key) ?? []), task]);
  return byKey;
}

/**
 * Renders panel jobs through Wiro and returns where each image is.
 *
 * Never pays twice for the same picture: finished images live in a content-addressed cache, every
 * accepted Run is journalled (and flushed) before it is waited on, so a later run re-attaches to
 * it, and failed tasks (which Wiro does not bill) are retried as new tasks up to `maxAttempts`.
 * Stops submitting before `maxCost` would be passed. On abort it stops every task on the server
 * and rejects with {@link RenderAbortError}; when Wiro refuses the account (auth, balance) it
 * stops submitting and rejects with that error.
 */
export async function renderPanels(
  jobs: PanelJob[],
  options: RenderOptions,
): Promise<RenderResult> {
  const now = options.now ?? Date.now;
  const started = now();
  const cache = options.cache ?? new PanelCache(options.cacheDir);
  await mkdir(options.cacheDir, { recursive: true });
  await cache.sweepTemporaryFiles();
  const emit = (event: RenderEvent) => options.onEvent?.(event);
  const journal = new Journal(options.journalPath);
  const context: RenderContext = {
    options,
    cache,
    journal,
    budget: new Budget(options.maxCost, options.costEstimate ?? 0.02),
    limit: new AdaptiveLimit(options.concurrency ?? 4, (limit, reason) =>
      emit({ type: 'concurrency', limit, reason }),
    ),
    state: new RenderState(options.signal),
    pending: pendingByKey(journal),
    intents: new Map(journal.openIntents().map((intent) => [intent.key, intent])),
    emit,
    now,
  };

  const wanted = (job: PanelJob) => !options.only || options.only.has(job.id);
  const panels = new Array<PanelResult>(jobs.length);
  const toRender: number[] = [];
  for (const [index, job] of jobs.entries()) {
    // One at a time: each lookup reads and hashes a picture of a megabyte or more.
    const entry =
      options.force && wanted(job) ? undefined : await cache.get(job.cacheKey, job.inputs.samples);
    if (entry) {
      emit({ type: 'cached', panel: job.id });
      panels[index] = pictured(cache, job, entry, { status: 'cached' });
    } else if (!wanted(job)) {
      panels[index] = resultOf(job, { status: 'skipped', error: 'not selected and not cached' });
    } else toRender.push(index);
  }
  // Panels with tasks an earlier process may have left running go first, so re-attaching to (or
  // adopting) them takes the first slots and never pushes the tasks in flight past the limit.
  const hasPending = (index: number) =>
    context.pending.has(jobs[index]!.cacheKey) || context.intents.has(jobs[index]!.cacheKey);
  toRender.sort((a, b) => Number(hasPending(b)) - Number(hasPending(a)));
  try {
    await Promise.all(
      toRender.map(async (index) => {
        const job = jobs[index]!;
        emit({ type: 'queued', panel: job.id });
        panels[index] = await context.limit.run(async () => {
          const startedJob = now();
          const run = await runTask(context, generationTask(job));
          return panelResult(cache, job, run, (now() - startedJob) / 1000);
        });
      }),
    );
  } finally {
    journal.close();
  }

  if (context.state.stopped === 'aborted')
    throw new RenderAbortError('Render aborted: running tasks were stopped; run again to resume.');
  if (context.state.fatal) throw context.state.fatal;
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
      uncertainRuns: context.state.uncertainRuns,
      adoptedTasks: context.state.adoptedTasks,
      urlRefreshes: context.state.urlRefreshes,
    },
    stopped: context.state.stopped === 'budget' ? 'budget' : undefined,
  };
}

/** A panel's result from how its task ran. */
function panelResult(cache: PanelCache, job: PanelJob, run: TaskRun, seconds: number): PanelResult {
  const common = { taskIds: run.taskIds, attempts: run.attempts, seconds };
  if (run.status === 'done' && run.entry) {
    return pictured(cache, job, run.entry, { ...common, status: 'rendered', cost: run.cost });
  }
  // Failed tasks are not billed.
  return resultOf(job, {
    ...common,
    status: run.status === 'done' ? 'failed' : run.status,
    error: run.reason,
  });
}
