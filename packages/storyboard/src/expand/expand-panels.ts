import { chooseImageSize, layoutPage, type Rect } from '../layout/index.js';
import type { PanelArt, Story } from '../script/types.js';
import { computeCacheKey } from './cache-key.js';
import { geometryOptionsFor, trimAspect } from './page-geometry.js';
import { buildPrompt } from './prompt.js';
import { choosePanelSeed } from './seed.js';
import type { PanelJob } from './types.js';
import { planUpscale } from './upscale-plan.js';

/** About one megapixel per panel (Flux's native size) unless the script asks otherwise. */
const DEFAULT_TARGET_PIXELS = 1024 * 1024;

function jobFor(
  story: Story,
  art: PanelArt,
  id: string,
  page: number,
  slot: number,
  aspect: number,
  rect: Rect,
  dpi: number,
): PanelJob {
  const { generation } = story;
  const size = chooseImageSize(aspect, {
    targetPixels:
      generation.megapixels === undefined
        ? DEFAULT_TARGET_PIXELS
        : Math.round(generation.megapixels * 1_000_000),
    max: generation.maxSide,
  });
  const inputs = {
    prompt: buildPrompt(story, art),
    steps: generation.steps,
    scale: generation.scale,
    samples: generation.samples,
    seed: choosePanelSeed(generation, id, art.seed),
    width: size.width,
    height: size.height,
  };
  const variant = Math.min(art.variant, generation.samples - 1);
  const cacheKey = computeCacheKey(generation.model, inputs);
  const print = { widthIn: rect.w / dpi, heightIn: rect.h / dpi, dpi };
  return {
    id,
    page,
    slot,
    model: generation.model,
    inputs,
    variant,
    cacheKey,
    print,
    upscale: planUpscale(size, print, generation.upscale, cacheKey, variant),
  };
}

/**
 * One render job per panel, and one for the cover first when there is one. Pure and
 * deterministic: the same script gives byte-identical jobs on any machine. Each panel's image
 * size follows the aspect ratio of its slot in the page layout, so little is cropped.
 */
export function expandPanels(story: Story): PanelJob[] {
  const jobs: PanelJob[] = [];
  const first = story.pages[0];
  if (story.cover && first) {
    // The cover covers the whole page, bleed included.
    const { bleedBoxPx, dpi } = layoutPage(geometryOptionsFor(story, first));
    jobs.push(jobFor(story, story.cover, 'cover', 0, 0, trimAspect(story), bleedBoxPx, dpi));
  }
  for (const page of story.pages) {
    const { slots, dpi } = layoutPage(geometryOptionsFor(story, page));
    for (const [index, panel] of page.panels.entries()) {
      const slot = slots[index];
      if (!slot) throw new Error(`Page ${page.number} has more panels than its layout has slots`);
      jobs.push(jobFor(story, panel, panel.id, page.number, slot.slot, slot.aspect, slot.art, dpi));
    }
  }
  return jobs;
}
