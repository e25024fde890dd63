/**
 * Letters one panel, trying ever less ideal placements until everything fits: the full size
 * down to the smallest on quiet art only, then the smallest size along the panel's edges over
 * the least busy art, then anywhere; each compromise is a warning naming the panel. Without the
 * picture (before it exists) only the first and last steps apply.
 */
import type { Rect, Story } from 'storyboard';
import type { LetteringContext, Overflow } from './_context.js';
import { type ArtMap, measureBusyArea, measureBusyShare } from './art/art-map.js';
import {
  isOverflow,
  type LetteredPanel,
  letterPanel,
  type PanelText,
  type PlacementMode,
} from './letter-panel.js';
import { pointsToPixels } from './style.js';
import type { LetteringItem, LetteringWarning } from './types.js';

/** Part of a box that may lie over busy art and still count as on quiet art. */
export const QUIET_BUSY_SHARE = 0.02;

const QUIET: PlacementMode = { maxBusy: QUIET_BUSY_SHARE, edgesOnly: false, forceEffects: false };
const EDGES: PlacementMode = { maxBusy: 1, edgesOnly: true, forceEffects: false };
const ANYWHERE: PlacementMode = { maxBusy: 1, edgesOnly: false, forceEffects: true };

/** A panel's lettering and what had to give. */
export interface PlacedPanel {
  items: LetteringItem[];
  warnings: LetteringWarning[];
}

/**
 * The lettering of one panel inside `region` over the picture `map` describes (see the module
 * comment), or the `Overflow` of the last
 * try when text has no room even anywhere at the smallest size.
 */
export function placePanel(
  ctx: LetteringContext,
  content: PanelText,
  region: Rect,
  map: ArtMap,
  story: Story,
  artAware: boolean,
): PlacedPanel | Overflow {
  const { fontSizePt, minFontSizePt, maxCoverage } = ctx.options;
  const attempt = (sizePt: number, mode: PlacementMode) =>
    letterPanel(ctx, content, region, pointsToPixels(sizePt, ctx.dpi), story.characters, map, mode);
  let fallback: LetteredPanel | undefined;
  let overflow: Overflow | undefined;
  for (const sizePt of sizeSteps(fontSizePt, minFontSizePt)) {
    const result = attempt(sizePt, QUIET);
    if (isOverflow(result)) {
      overflow = result;
      continue;
    }
    if (result.coverage <= maxCoverage) return { items: result.items, warnings: [] };
    fallback ??= result;
  }
  if (fallback !== undefined) return { items: fallback.items, warnings: [] };
  // Edges only help to keep off busy art; a picture with none letters as if unseen.
  const busyArt = artAware && measureBusyArea(map, map.region) > 0;
  for (const mode of busyArt ? [EDGES, ANYWHERE] : [ANYWHERE]) {
    const result = attempt(minFontSizePt, mode);
    if (isOverflow(result)) {
      overflow = result;
      continue;
    }
    return { items: result.items, warnings: compromises(ctx, result, map) };
  }
  return overflow as Overflow;
}

/** Warnings for lettering over busy art and sound effects over other lettering. */
function compromises(
  ctx: LetteringContext,
  result: LetteredPanel,
  map: ArtMap,
): LetteringWarning[] {
  const { page, panel } = ctx.place;
  const where = `panel ${panel} (${page === 'cover' ? 'cover' : `page ${page}`})`;
  const warnings: LetteringWarning[] = [];
  const overBusy = result.items.filter(
    (item) => measureBusyShare(map, item.body) > QUIET_BUSY_SHARE,
  );
  if (overBusy.length > 0) {
    const busyTotal = measureBusyArea(map, map.region);
    const covered = overBusy.reduce((sum, item) => sum + measureBusyArea(map, item.body), 0);
    const percent = busyTotal > 0 ? (100 * covered) / busyTotal : 0;
    const share = percent < 1 ? 'under 1' : String(Math.round(percent));
    warnings.push({
      kind: 'covers-art',
      page,
      panel,
      message: `Lettering in ${where} has no quiet room even at ${ctx.options.minFontSizePt} pt: ${overBusy.length} item(s) cover ${share}% of the busy art`,
    });
  }
  if (result.collisions > 0) {
    warnings.push({
      kind: 'collision',
      page,
      panel,
      message: `Lettering in ${where} overlaps: ${result.collisions} sound effect(s) found no free room and sit on other lettering`,
    });
  }
  return warnings;
}

/** Sizes tried, largest first, in half-point steps, ending exactly at `min`. */
function sizeSteps(start: number, min: number): number[] {
  const steps: number[] = [];
  for (let size = start; size > min + 1e-9; size -= 0.5) steps.push(size);
  steps.push(min);
  return steps;
}
