/** The reading order of lettering inside a panel: top-left to bottom-right, mirrored for rtl. */
import type { ReadingDirection, Rect } from 'storyboard';

/**
 * Whether `next` reads after `earlier` when both sit in one panel: clearly lower, or a little
 * lower and further along the reading direction (right in `ltr`, left in `rtl`). A balloon level
 * with an earlier one, or higher, or back against the reading direction without dropping below
 * most of it, would be read first, so it does not.
 */
export function readsAfter(earlier: Rect, next: Rect, direction: ReadingDirection): boolean {
  const earlierCentre = earlier.x + earlier.w / 2;
  const nextCentre = next.x + next.w / 2;
  const along = direction === 'rtl' ? nextCentre < earlierCentre : nextCentre > earlierCentre;
  const drop = next.y - earlier.y;
  return drop >= earlier.h * (along ? 0.2 : 0.8);
}

/**
 * Reading position of a rectangle, for ordering items the script does not order (sound effects
 * among balloons): rows first, then across in the reading direction.
 */
export function readingKey(rect: Rect, direction: ReadingDirection, panelWidth: number): number {
  const across = direction === 'rtl' ? panelWidth - (rect.x + rect.w) : rect.x;
  return rect.y + rect.h / 2 + 0.25 * across;
}
