import { failLayout } from './errors.js';

/**
 * Reading direction. `rtl` (manga) mirrors each page and reads panels right to left; the book is
 * bound on the right, so pages follow each other right to left in a spread.
 */
export type ReadingDirection = 'ltr' | 'rtl';

/** Every `ReadingDirection`, e.g. for a schema enum. */
export const READING_DIRECTIONS: readonly ReadingDirection[] = Object.freeze(['ltr', 'rtl']);

/** Two facing pages as printed: 0-based page indexes, `null` where the side is blank. */
export interface Spread {
  left: number | null;
  right: number | null;
}

/**
 * Pairs pages into facing spreads, the way a bound book shows them. The first page stands alone
 * on the recto (the right side in `ltr`, the left side in `rtl`); then each spread holds the
 * next two pages, the earlier one on the side read first. The page files themselves always stay
 * in reading order (page 0 first); a PDF reader is told the direction, not given reordered pages.
 * @example arrangeSpreads(4) // [{left: null, right: 0}, {left: 1, right: 2}, {left: 3, right: null}]
 * @example arrangeSpreads(3, 'rtl') // [{left: 0, right: null}, {left: 2, right: 1}]
 */
export function arrangeSpreads(pageCount: number, direction: ReadingDirection = 'ltr'): Spread[] {
  if (!Number.isInteger(pageCount) || pageCount < 0) {
    failLayout('pageCount', `must be a whole number of pages (got ${String(pageCount)})`);
  }
  const spreads: Spread[] = [];
  if (pageCount === 0) return spreads;
  for (let first = -1; first < pageCount; first += 2) {
    const earlier = first >= 0 ? first : null;
    const later = first + 1 < pageCount ? first + 1 : null;
    spreads.push(
      direction === 'rtl' ? { left: later, right: earlier } : { left: earlier, right: later },
    );
  }
  return spreads;
}
