import { readFile } from 'node:fs/promises';
import type { PanelJob } from '../expand/types.js';
import type { CacheEntry } from './cache.js';
import type { RenderContext } from './render-state.js';
import { runTask, type TaskRun } from './run-task.js';
import { generationTask, upscaleTask } from './task-spec.js';
import type { PanelResult } from './types.js';

/** What the cache already holds for a panel, looked up before its slot is taken. */
export interface CachedPanel {
  generated: CacheEntry | undefined;
  upscaled: CacheEntry | undefined;
}

/** A panel result with everything not given left empty. */
export function resultOf(job: PanelJob, partial: Partial<PanelResult>): PanelResult {
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
    upscale: undefined,
    ...partial,
  };
}

/** The result of a panel whose pictures are cached: the upscaled one when there is one. */
export function pictured(
  context: RenderContext,
  job: PanelJob,
  generated: CacheEntry,
  upscaled: CacheEntry | undefined,
  partial: Partial<PanelResult>,
): PanelResult {
  const { cache } = context;
  const images = generated.files.map((_, n) => cache.imagePath(job.cacheKey, n));
  const chosen = Math.min(job.variant, images.length - 1);
  const source = { taskid: generated.taskid, cost: generated.cost };
  const common = { images, source, ...partial };
  if (upscaled === undefined || job.upscale === undefined) {
    return resultOf(job, {
      image: images[chosen],
      sha256: generated.files[chosen]?.sha256,
      ...common,
    });
  }
  return resultOf(job, {
    image: cache.imagePath(job.upscale.cacheKey, 0),
    sha256: upscaled.files[0]?.sha256,
    upscale: {
      taskid: upscaled.taskid,
      cost: upscaled.cost,
      sourceImage: images[chosen] as string,
      sourceSha256: generated.files[chosen]?.sha256 as string,
    },
    ...common,
  });
}

/**
 * Renders one panel's chain inside its concurrency slot: generation (unless cached), then, when
 * the panel needs it, the upscale on Wiro fed the generated picture's output URL (an upload of
 * the cached picture when no working URL is known). A failed upscale keeps the generated
 * picture: it is paid for, and a lower resolution is better than a placeholder.
 */
export async function renderPanel(
  context: RenderContext,
  job: PanelJob,
  cached: CachedPanel,
): Promise<PanelResult> {
  const { emit, now } = context;
  const started = now();
  const runs: TaskRun[] = [];
  const spent = () => ({
    taskIds: runs.flatMap((run) => run.taskIds),
    attempts: runs.reduce((sum, run) => sum + run.attempts, 0),
    cost: runs.reduce((sum, run) => sum + run.cost, 0),
    seconds: (now() - started) / 1000,
  });
  const result = (partial: Partial<PanelResult>) => resultOf(job, { ...spent(), ...partial });

  let generated = cached.generated;
  if (generated === undefined) {
    const run = await runTask(context, generationTask(job));
    runs.push(run);
    if (run.status !== 'done' || run.entry === undefined) {
      if (run.status === 'failed')
        emit({ type: 'failed', panel: job.id, reason: run.reason ?? '' });
      return result({ status: run.status === 'done' ? 'failed' : run.status, error: run.reason });
    }
    generated = run.entry;
  }
  let upscaled = cached.upscaled;
  if (job.upscale !== undefined && upscaled === undefined) {
    const run = await upscale(context, job, generated);
    runs.push(...run.runs);
    if (run.entry !== undefined) upscaled = run.entry;
    else if (run.status === 'skipped') {
      return result({ status: 'skipped', error: run.reason });
    } else {
      emit({ type: 'upscale-skipped', panel: job.id, reason: run.reason ?? '' });
    }
  }
  return pictured(context, job, generated, upscaled, {
    ...spent(),
    status: 'rendered',
    error: job.upscale !== undefined && upscaled === undefined ? 'upscale failed' : undefined,
  });
}

/**
 * The upscale task of a panel, fed the generated picture's output URL when one is known (it
 * may have expired: the task then fails, for free), then an uploaded copy of the cached picture.
 */
async function upscale(
  context: RenderContext,
  job: PanelJob,
  generated: CacheEntry,
): Promise<{
  status: TaskRun['status'];
  entry: CacheEntry | undefined;
  runs: TaskRun[];
  reason: string | undefined;
}> {
  const plan = job.upscale as NonNullable<PanelJob['upscale']>;
  const variant = Math.min(job.variant, generated.files.length - 1);
  const runs: TaskRun[] = [];
  const url = generated.urls?.[variant];
  if (url !== undefined) {
    const run = await runTask(context, upscaleTask(job, plan, url), { maxAttempts: 1 });
    runs.push(run);
    if (run.status !== 'failed') return { ...run, runs };
  }
  const picture = await readFile(context.cache.imagePath(job.cacheKey, variant));
  let uploaded: string;
  try {
    uploaded = await context.options.client.uploadFile(
      { data: picture, filename: `${job.id}.png` },
      context.options.signal,
    );
  } catch (error) {
    return {
      status: 'failed',
      entry: undefined,
      runs,
      reason: `could not upload the picture to enlarge it: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const run = await runTask(context, upscaleTask(job, plan, uploaded));
  runs.push(run);
  return { ...run, runs };
}
