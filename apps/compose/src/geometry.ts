import type { Page, PageGeometryOptions, PageLayout, Story } from 'storyboard';
// Not the package's index, which would load the render engine with the page geometry.
import { geometryOptionsFor, storyGeometry } from 'storyboard/expand';
import { findPrintProfile, layoutPage } from 'storyboard/layout';

/** How compose adjusts the script's page geometry. */
export interface GeometryOverrides {
  /**
   * `true`: print, with the script's bleed or its page preset's printer bleed (0.125 in, 3 mm for
   * `manga-b5` and `a4`) when it gives none; `false`: screen, no
   * bleed whatever the script says; `undefined`: the script's bleed (0 unless it sets one).
   */
  print?: boolean;
  /** Canvas resolution instead of the script's `page.dpi` (e.g. 72 for quick previews). */
  dpi?: number;
}

/**
 * The geometry of one page: always `layoutPage(geometryOptionsFor(story, page))`, the one place
 * panel rectangles come from, with compose's print and DPI choices spread over it.
 */
export function pageGeometry(
  story: Story,
  page: Page,
  overrides: GeometryOverrides = {},
): PageLayout {
  return layoutPage({ ...geometryOptionsFor(story, page), ...overrideOptions(story, overrides) });
}

/** The geometry of the cover: the same canvas and boxes as the pages (its picture fills it). */
export function coverGeometry(story: Story, overrides: GeometryOverrides = {}): PageLayout {
  return layoutPage({ ...storyGeometry(story), ...overrideOptions(story, overrides) });
}

function overrideOptions(story: Story, overrides: GeometryOverrides): PageGeometryOptions {
  const options: PageGeometryOptions = {};
  if (overrides.dpi !== undefined) options.dpi = overrides.dpi;
  if (overrides.print === true) {
    options.print = true;
    if (story.page.bleedMm === 0) {
      options.bleedIn = findPrintProfile(storyGeometry(story).page ?? 'us-comic').bleedIn;
    }
  } else if (overrides.print === false) {
    options.bleedIn = 0;
  }
  return options;
}
