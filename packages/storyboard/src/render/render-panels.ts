import { mkdir } from 'node:fs/promises';
import type { PanelJob } from '../expand/types.js';
import { AdaptiveLimit } from './adaptive-limit.js';
import { Budget, DEFAULT_COST_ESTIMATE } from './budget.js';
import { PanelCache } from './cache.js';
import { RenderAbortError } from './errors.js';
import { Journal, type PendingTask } from './journal.js';
import { type CachedPanel, pictured, renderPanel, resultOf } from './render-panel.js';
import { type RenderContext, RenderState } from './render-state.js';
import type { PanelResult, RenderEvent, RenderOptions, RenderResult } from './types.js';

/** Journalled tasks of earlier processes, by cache key. */
function pendingByKey(journal: Journal): Map<string, PendingTask[]> {
  const byKey = new Map<string, PendingTask[]>();
  for (const task of journal.pending()) byKey.set(task.key, [...(byKey.get(task.key) ?? []), task]);
  return byKey;
}

/**
 * Renders panel jobs through Wiro and returns where each image is: the generated picture, or its
 * enlargement when the job plans an upscale (generation → upscale is one chain per panel, in one
 * concurrency slot, every task cached, journalled and budgeted the same way).
 *
 * Never pays twice for the same picture: finished pictures live in a content-addressed cache,
 * every Run is journalled (and flushed) before it is sent and once accepted, so a later run
 * re-attaches to it or finds it on Wiro, and failed tasks (which Wiro does not bill) are retried
 * as new tasks up to `maxAttempts`. Stops submitting before `maxCost` would be passed. On abort it
 * stops every task on the server and rejects with {@link RenderAbortError}; when Wiro refuses the
 * account (auth, balance) it stops submitting and rejects with that error.
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
    budget:
      options.pool?.budget ??
      new Budget(options.maxCost, options.costEstimate ?? DEFAULT_COST_ESTIMATE),
    limit:
      options.pool?.limit ??
      new AdaptiveLimit(options.concurrency ?? 4, (limit, reason) =>
        emit({ type: 'concurrency', limit, reason }),
      ),
    state: new RenderState(options.signal),
    pending: pendingByKey(journal),
    intents: new Map(journal.openIntents().map((intent) => [intent.key, intent])),
    emit,
    now,
  };
  const finish = (index: number, result: PanelResult) => {
    panels[index] = result;
    options.onPanel?.(result);
  };

  const wanted = (job: PanelJob) => !options.only || options.only.has(job.id);
  const panels = new Array<PanelResult>(jobs.length);
  const toRender: Array<{ index: number; cached: CachedPanel }> = [];
  for (const [index, job] of jobs.entries()) {
    // One at a time: each lookup reads and hashes a picture of a megabyte or more.
    const fresh = options.force === true && wanted(job);
    const lookup = async (key: string | undefined, samples: number) =>
      key === undefined || fresh ? undefined : cache.get(key, samples);
    const cached: CachedPanel = {
      generated: await lookup(job.cacheKey, job.inputs.samples),
      upscaled: await lookup(job.upscale?.cacheKey, 1),
    };
    const final = job.upscale === undefined ? cached.generated : cached.upscaled;
    if (cached.generated && final) {
      emit({ type: 'cached', panel: job.id });
      finish(
        index,
        pictured(context, job, cached.generated, cached.upscaled, { status: 'cached' }),
      );
    } else if (!wanted(job)) {
      finish(index, resultOf(job, { status: 'skipped', error: 'not selected and not cached' }));
    } else toRender.push({ index, cached });
  }
  // Panels with tasks an earlier process may have left running go first, so re-attaching to (or
  // adopting) them takes the first slots and never pushes the tasks in flight past the limit.
  // Then the longest chains (generation and upscale) before single tasks, each in page order:
  // started last, a long chain would run on alone while the other slots stand idle.
  const keysOf = (job: PanelJob) => [job.cacheKey, job.upscale?.cacheKey ?? ''];
  const hasPending = ({ index }: { index: number }) =>
    keysOf(jobs[index] as PanelJob).some(
      (key) => context.pending.has(key) || context.intents.has(key),
    );
  const tasksLeft = ({ index, cached }: { index: number; cached: CachedPanel }) =>
    Number(cached.generated === undefined) +
    Number(jobs[index]?.upscale !== undefined && cached.upscaled === undefined);
  toRender.sort(
    (a, b) => Number(hasPending(b)) - Number(hasPending(a)) || tasksLeft(b) - tasksLeft(a),
  );
  try {
    await Promise.all(
      toRender.map(async ({ index, cached }) => {
        const job = jobs[index] as PanelJob;
        emit({ type: 'queued', panel: job.id });
        finish(index, await context.limit.run(() => renderPanel(context, job, cached)));
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
