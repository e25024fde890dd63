/**
 * What the placement benchmark measures on one lettered page: how much of the pictures' known
 * busy area lettering covers (balloon ellipses, caption and sound-effect boxes, rasterised at
 * quarter resolution), how many pairs of lettering items overlap (bodies, or a tail crossing
 * another item), and how many items leave the page's safe area.
 */
import type { Rect } from 'storyboard';
import { contains, overlaps } from '../../src/lettering/_rects.js';
import { segmentHitsRect } from '../../src/lettering/placement/geometry.js';
import type { LetteringItem } from '../../src/lettering/types.js';

/** Tallies over many pages. */
export interface PlacementTally {
  panels: number;
  items: number;
  busyPx: number;
  coveredPx: number;
  overlaps: number;
  outsideSafe: number;
  /** Panels where lettering covers more than 3% of the busy area. */
  panelsOver3: number;
}

/** An empty tally. */
export function emptyTally(): PlacementTally {
  return {
    panels: 0,
    items: 0,
    busyPx: 0,
    coveredPx: 0,
    overlaps: 0,
    outsideSafe: 0,
    panelsOver3: 0,
  };
}

const SCALE = 4;

/** Adds one panel: its busy rectangles on the canvas, its picture rectangle and its items. */
export function tallyPanel(
  tally: PlacementTally,
  picture: Rect,
  busy: readonly Rect[],
  items: readonly LetteringItem[],
): void {
  const w = Math.ceil(picture.w / SCALE);
  const h = Math.ceil(picture.h / SCALE);
  const mask = new Uint8Array(w * h);
  const paint = (rect: Rect, bit: number, ellipse: boolean) => {
    const x0 = Math.max(0, Math.floor((rect.x - picture.x) / SCALE));
    const y0 = Math.max(0, Math.floor((rect.y - picture.y) / SCALE));
    const x1 = Math.min(w, Math.ceil((rect.x + rect.w - picture.x) / SCALE));
    const y1 = Math.min(h, Math.ceil((rect.y + rect.h - picture.y) / SCALE));
    const cx = (rect.x - picture.x + rect.w / 2) / SCALE;
    const cy = (rect.y - picture.y + rect.h / 2) / SCALE;
    const rx = rect.w / 2 / SCALE;
    const ry = rect.h / 2 / SCALE;
    for (let y = y0; y < y1; y += 1) {
      for (let x = x0; x < x1; x += 1) {
        if (ellipse && ((x + 0.5 - cx) / rx) ** 2 + ((y + 0.5 - cy) / ry) ** 2 > 1) continue;
        mask[y * w + x] = (mask[y * w + x] as number) | bit;
      }
    }
  };
  for (const rect of busy) paint(rect, 1, false);
  for (const item of items) paint(item.body, 2, item.kind !== 'caption' && item.kind !== 'sfx');
  let busyCells = 0;
  let covered = 0;
  for (const v of mask) {
    if (v & 1) busyCells += 1;
    if (v === 3) covered += 1;
  }
  tally.panels += 1;
  tally.items += items.length;
  tally.busyPx += busyCells * SCALE * SCALE;
  tally.coveredPx += covered * SCALE * SCALE;
  if (busyCells > 0 && covered / busyCells > 0.03) tally.panelsOver3 += 1;
}

/** Adds one page's overlaps and items outside the safe area. */
export function tallyPage(
  tally: PlacementTally,
  items: readonly LetteringItem[],
  safe: Rect,
): void {
  for (const [i, a] of items.entries()) {
    if (!contains(safe, a.bounds, 0.5)) tally.outsideSafe += 1;
    for (const b of items.slice(i + 1)) {
      if (overlaps(a.body, b.body) || crosses(a, b) || crosses(b, a)) tally.overlaps += 1;
    }
  }
}

/** The tally as the report gives it. */
export function summarise(tally: PlacementTally) {
  return {
    panels: tally.panels,
    items: tally.items,
    busyAreaCoveredPercent: Math.round((10000 * tally.coveredPx) / Math.max(1, tally.busyPx)) / 100,
    panelsCoveringOver3Percent: tally.panelsOver3,
    overlaps: tally.overlaps,
    outsideSafeArea: tally.outsideSafe,
  };
}

function crosses(withTail: LetteringItem, other: LetteringItem): boolean {
  return (
    withTail.tail !== undefined &&
    segmentHitsRect(withTail.tail.base, withTail.tail.tip, other.body)
  );
}
