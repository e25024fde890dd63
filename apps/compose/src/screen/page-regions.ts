import type { Rect } from 'storyboard';
import type { LetteredSheet } from '../letter-issue.js';
import type { LetteringKind } from '../lettering/types.js';

/**
 * A rectangle as fractions of the trimmed page: `x` and `w` of its width, `y` and `h` of its
 * height, from the top-left corner of the trim, y down; clipped to the page.
 */
export interface PageFractionRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One caption, balloon, sound effect or title of a panel. */
export interface RegionLettering {
  kind: LetteringKind;
  /** Everything drawn for it (outline and tail included). */
  rect: PageFractionRect;
  /** Its smallest font size, as a fraction of the trimmed page's height. */
  size: number;
}

/** One panel of a page: where it is and what is lettered in it, in reading order. */
export interface PageRegion {
  /** Panel id (`cover` for the cover). */
  id: string;
  /** The panel with its border (the whole page for the cover). */
  rect: PageFractionRect;
  lettering: RegionLettering[];
}

/** Fractions kept to five decimals: a tenth of a pixel on a 10 000 px page. */
const round = (value: number) => Math.round(value * 100_000) / 100_000;

/**
 * `rect` relative to `box`, as fractions of its size, clipped to it. Both in the same unit and
 * origin: canvas pixels (compose's page geometry) or PDF points from the top-left of the
 * MediaBox (the manifest's page geometry) give the same fractions.
 * @example relativeRect({ x: 60, y: 60, w: 100, h: 50 }, { x: 10, y: 10, w: 200, h: 400 })
 * // { x: 0.25, y: 0.125, w: 0.5, h: 0.125 }
 */
export function relativeRect(rect: Rect, box: Rect): PageFractionRect {
  const left = Math.max(0, Math.min(1, (rect.x - box.x) / box.w));
  const top = Math.max(0, Math.min(1, (rect.y - box.y) / box.h));
  const right = Math.max(0, Math.min(1, (rect.x + rect.w - box.x) / box.w));
  const bottom = Math.max(0, Math.min(1, (rect.y + rect.h - box.y) / box.h));
  return { x: round(left), y: round(top), w: round(right - left), h: round(bottom - top) };
}

/**
 * The panels of a composed page in reading order, as fractions of the trimmed page, each with
 * its lettering: what a reader needs to zoom panel by panel (`rtl` pages are already mirrored,
 * so reading order is the slot order either way). The cover is one region, the whole page.
 */
export function pageRegions(sheet: LetteredSheet): PageRegion[] {
  const { geometry, lettering } = sheet;
  const trim = geometry.trimBoxPx;
  const letteringOf = (panel: string): RegionLettering[] =>
    lettering.items
      .filter((item) => item.panel === panel && item.runs.length > 0)
      .map((item) => ({
        kind: item.kind,
        rect: relativeRect(item.bounds, trim),
        size: round(Math.min(...item.runs.map((run) => run.sizePx)) / trim.h),
      }));
  if (sheet.sheet.kind === 'cover') {
    return [{ id: 'cover', rect: { x: 0, y: 0, w: 1, h: 1 }, lettering: letteringOf('cover') }];
  }
  return sheet.sheet.page.panels.flatMap((panel, index) => {
    const slot = geometry.slots[index];
    if (slot === undefined) return [];
    return [
      { id: panel.id, rect: relativeRect(slot.cell, trim), lettering: letteringOf(panel.id) },
    ];
  });
}
