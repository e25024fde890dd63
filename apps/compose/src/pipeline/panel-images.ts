import { join } from 'node:path';
import type { PanelCache, PanelJob, RenderResult } from 'storyboard';

/** The picture of every panel that has one, and the panels that have none. */
export interface PanelImages {
  images: Map<string, string>;
  missing: PanelJob[];
}

/**
 * Where each panel's picture is: from this run's render, or (composing without rendering) from
 * the cache, the chosen variant.
 */
export async function findPanelImages(
  jobs: readonly PanelJob[],
  render: RenderResult | undefined,
  cache: PanelCache,
): Promise<PanelImages> {
  const rendered = new Map(render?.panels.map((panel) => [panel.id, panel.image]));
  const images = new Map<string, string>();
  const missing: PanelJob[] = [];
  for (const job of jobs) {
    const image = render ? rendered.get(job.id) : await cachedImage(cache, job);
    if (image) images.set(job.id, image);
    else missing.push(job);
  }
  return { images, missing };
}

async function cachedImage(cache: PanelCache, job: PanelJob): Promise<string | undefined> {
  const entry = await cache.get(job.cacheKey, job.inputs.samples);
  return entry
    ? cache.imagePath(job.cacheKey, Math.min(job.variant, entry.files.length - 1))
    : undefined;
}

/**
 * Gives every missing panel a grey placeholder picture of its size, so the rest of the issue can
 * still be laid out and the gap is obvious.
 */
export async function fillWithPlaceholders(
  { images, missing }: PanelImages,
  cacheRoot: string,
): Promise<void> {
  if (missing.length === 0) return;
  const { writePlaceholderPanel } = await import('./placeholder.js');
  for (const job of missing) {
    images.set(
      job.id,
      await writePlaceholderPanel(
        join(cacheRoot, 'placeholders'),
        job.id,
        job.inputs.width,
        job.inputs.height,
      ),
    );
  }
}
