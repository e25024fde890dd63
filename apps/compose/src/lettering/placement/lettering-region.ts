/** Where a panel's lettering may go on the page. */
import type { PageLayout, Rect, Slot } from 'storyboard';
import { intersectRects } from './geometry.js';

/**
 * A panel's lettering area: its picture (which may run to the bleed edge) within the page's
 * safe area, so trimming never cuts text.
 */
export function letteringRegion(geometry: PageLayout, slot: Slot): Rect {
  return intersectRects(slot.art, geometry.safeBoxPx) ?? slot.image;
}
