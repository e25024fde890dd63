import { join } from 'node:path';
import { effectivePpi, expandPanels, PanelCache, type Story, targetPpi } from 'storyboard';
import { runInOrder } from '../_ordered-pool.js';
import type { BackendKind } from './backend.js';
import { estimateTaskCost, estimateUpscaleCost } from './estimate.js';
import { selectPanels } from './select-panels.js';
import type { PlannedPanel } from './types.js';

/** Cache lookups read at once while planning. */
const CACHE_LOOKUPS_IN_FLIGHT = 8;

/** The panels of an issue, what is cached, and where the backend's cache lives. */
export interface PanelPlan {
  panels: PlannedPanel[];
  /** Panel ids `--only` selected; undefined for all. */
  only: Set<string> | undefined;
  cache: PanelCache;
  cacheDir: string;
  journalPath: string;
}

/**
 * Expands the story into panel jobs, applies `--only`, and looks each job up in the backend's
 * cache (drafts and real art never share entries). Throws `SelectorError` for a selector that
 * matches nothing.
 */
export async function planPanels(
  story: Story,
  options: { only: string[] | undefined; cacheRoot: string; backend: BackendKind },
): Promise<PanelPlan> {
  const jobs = expandPanels(story);
  const only = options.only?.length ? selectPanels(story, jobs, options.only) : undefined;
  const cacheDir = join(options.cacheRoot, options.backend);
  const cache = new PanelCache(cacheDir);
  const panels: PlannedPanel[] = [];
  // A few at a time: each lookup reads and hashes a picture of a megabyte or more, and waiting
  // for one read after another is most of a no-op rebuild.
  await runInOrder(
    jobs,
    CACHE_LOOKUPS_IN_FLIGHT,
    async (job) => ({
      generated: (await cache.get(job.cacheKey, job.inputs.samples)) !== undefined,
      upscaled: job.upscale ? (await cache.get(job.upscale.cacheKey, 1)) !== undefined : true,
    }),
    async (found, job) => {
      const target = targetPpi(story.generation.upscale, job.print);
      const final = job.upscale ?? job.inputs;
      panels.push({
        job,
        cached: found.generated && found.upscaled,
        selected: !only || only.has(job.id),
        estimatedCost:
          (found.generated ? 0 : estimateTaskCost(job.inputs)) +
          (found.upscaled || !job.upscale ? 0 : estimateUpscaleCost(job.upscale)),
        tasks: (found.generated ? 0 : 1) + (found.upscaled ? 0 : 1),
        ppi: {
          source: Math.round(effectivePpi(job.inputs, job.print)),
          final: Math.round(effectivePpi(final, job.print)),
          target,
        },
      });
    },
  );
  return { panels, only, cache, cacheDir, journalPath: join(cacheDir, 'journal.jsonl') };
}
