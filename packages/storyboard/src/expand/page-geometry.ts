import { type PageGeometryOptions, resolvePageSize } from '../layout/index.js';
import type { Layout, Page, Story } from '../script/types.js';

const MM_PER_INCH = 25.4;

/** The page geometry options a script implies, before the page's own layout is chosen. */
export function storyGeometry(story: Pick<Story, 'page' | 'direction'>): PageGeometryOptions {
  const { page } = story;
  return {
    page:
      page.size === 'custom'
        ? { width: page.widthMm ?? 0, height: page.heightMm ?? 0, unit: 'mm' }
        : page.size,
    dpi: page.dpi,
    bleedIn: page.bleedMm / MM_PER_INCH,
    ...(page.safeMm === undefined ? {} : { safe: `${page.safeMm}mm` }),
    direction: story.direction,
  };
}

/** Template name or custom grid as the layout module takes them. */
export function layoutOptions(layout: Layout): Pick<PageGeometryOptions, 'template' | 'grid'> {
  return typeof layout === 'string' ? { template: layout } : { grid: layout };
}

/**
 * The geometry of one page. Expansion (image sizes) and compose (placing panels) both call this,
 * so panel rectangles come from one place.
 */
export function geometryOptionsFor(story: Story, page: Page): PageGeometryOptions {
  return {
    ...storyGeometry(story),
    ...layoutOptions(page.layout),
    bleeds: page.panels.map((panel) => panel.bleed),
  };
}

/** Aspect ratio (width / height) of the trimmed page, used for the full-page cover. */
export function trimAspect(story: Story): number {
  const geometry = storyGeometry(story);
  const size = resolvePageSize(geometry.page ?? 'us-comic', geometry.dpi);
  return size.widthPx / size.heightPx;
}
