import type { PageLayout } from 'storyboard';
import {
  type FitPageArtOptions,
  type FittedPicture,
  fitPageArt,
  type PageArt,
} from './fit-page-art.js';

/** One page's pictures to fit: where they go and what they are. */
export interface PageToFit {
  geometry: PageLayout;
  page: number | 'cover';
  /** The page's pictures; throws (a `MissingPanelError`) when one has no file. */
  art: () => readonly PageArt[];
}

/** A page's pictures and their fitting, under way or done. */
export interface FittingPage {
  art: readonly PageArt[];
  /** `art`'s pictures fitted, in the same order. */
  fitted: Promise<FittedPicture[]>;
}

/**
 * Fits pages' pictures ahead of composing them, so the thread pool has the next page's decoding
 * and resizing to do while the main thread letters and lays out the pages before it.
 * @internal
 */
export interface FitAhead {
  /**
   * Starts fitting page `index`'s pictures, unless started, out of range, or its pictures cannot
   * be listed (that page's `take` then throws the reason).
   */
  start(index: number): void;
  /**
   * Page `index`'s pictures and their fitting, started ahead or now; throws (a
   * `MissingPanelError`) when its pictures cannot be listed.
   */
  take(index: number): FittingPage;
  /** Waits for every fit started and not taken, so nothing is still decoding after a failure. */
  settle(): Promise<void>;
}

/** A {@link FitAhead} over `pages` (in composing order). @internal */
export function createFitAhead(pages: readonly PageToFit[], options: FitPageArtOptions): FitAhead {
  const started = new Map<number, FittingPage>();
  const taken = new Set<number>();
  const fit = (index: number): FittingPage => {
    const page = pages[index] as PageToFit;
    const art = page.art();
    const fitted = fitPageArt(page.geometry, art, page.page, options);
    // Awaited by its page; a failure before that must not go unhandled.
    fitted.catch(() => undefined);
    return { art, fitted };
  };
  return {
    start(index) {
      if (index >= pages.length || started.has(index) || taken.has(index)) return;
      try {
        started.set(index, fit(index));
      } catch {
        // Not listed yet: the page reports it when it is taken.
      }
    },
    take(index) {
      taken.add(index);
      const fitting = started.get(index);
      started.delete(index);
      return fitting ?? fit(index);
    },
    async settle() {
      const pending = [...started.values()].map((page) => page.fitted);
      started.clear();
      await Promise.allSettled(pending);
    },
  };
}
