/**
 * Every panel must have room for a picture on the script's own page. A grid can be valid in
 * every number and still leave a row of negative height once margins, gutters and borders are
 * taken off (`rows: [{height: 100}, {height: 0.05}, {height: 100}]`), which compose would only
 * find after the panels were paid for. This lays each page out exactly as compose does and
 * reports every panel without room, at the row that squeezes it.
 */
import { layoutOptions, storyGeometry } from '../expand/page-geometry.js';
import { LayoutError, type LayoutIssue, layoutPage } from '../layout/index.js';
import { checkPageSettings } from './consistency.js';
import { chooseDefaultLayout, findGridProblems, parseIssuePath } from './layouts.js';
import { STORY_LIMITS } from './limits.js';
import { normaliseLayout, normalisePageSettings } from './normalise.js';
import { type Problem, problemAt } from './problems.js';
import { asList, asMap, hasKey, listRawPages, type RawMap, type RawPath, read } from './raw.js';
import { layoutSchema, pageSettingsSchema } from './schema.js';
import type { Layout, PageSettings } from './types.js';

/** The layout of a raw page when it can be laid out: valid, or the default for its panel count. */
function readLayout(page: RawMap): Layout | undefined {
  if (!hasKey(page, 'layout')) {
    const count = asList(read(page, 'panels'))?.length ?? 0;
    return count > 0 ? chooseDefaultLayout(count) : undefined;
  }
  const parsed = layoutSchema.safeParse(page.layout);
  if (!parsed.success) return undefined;
  const layout = normaliseLayout(parsed.data);
  return typeof layout !== 'string' && findGridProblems(layout).length > 0 ? undefined : layout;
}

/** `us-comic at 300 dpi`, `210 × 297 mm at 600 dpi`. */
function describePage(settings: PageSettings): string {
  const size =
    settings.size === 'custom' ? `${settings.widthMm} × ${settings.heightMm} mm` : settings.size;
  return `${size} at ${settings.dpi} dpi`;
}

/** What to change, by the field the geometry blames. */
function adviseFix(path: RawPath): string {
  const field = path[path.length - 1];
  if (field === 'height') return 'give this row a larger `height` or the others smaller ones';
  if (field === 'columns') return 'give this row fewer or wider columns';
  return 'use fewer rows or columns';
}

/** A geometry issue as a problem at the page's layout (or at its panels, for a default layout). */
function toProblem(issue: LayoutIssue, index: number, page: RawMap, where: string): Problem {
  const base: RawPath = hasKey(page, 'layout')
    ? ['pages', index, 'layout']
    : ['pages', index, 'panels'];
  const custom = hasKey(page, 'layout') && typeof page.layout !== 'string';
  const inGrid = custom ? parseIssuePath(issue.path) : [];
  const message = `too small for the page (${where}): ${issue.message}; ${adviseFix(inGrid)}`;
  return problemAt([...base, ...inGrid], message);
}

/**
 * Lays out every page that can be laid out (page settings and layout valid, panel list within
 * its limit) and reports each panel that would have no room for a picture.
 */
export function checkPageFit(data: RawMap, cutPages: ReadonlySet<number>): Problem[] {
  const parsed = pageSettingsSchema.optional().safeParse(read(data, 'page'));
  if (!parsed.success || checkPageSettings(data).length > 0) return [];
  const settings = normalisePageSettings(parsed.data);
  const geometry = storyGeometry({ page: settings, direction: 'ltr' });
  const where = describePage(settings);
  const { canvas } = layoutPage({ ...geometry, ...layoutOptions(chooseDefaultLayout(1)) });
  const pixels = canvas.widthPx * canvas.heightPx;
  if (pixels > STORY_LIMITS.maxPagePixels) {
    const path: RawPath = hasKey(asMap(read(data, 'page')) ?? {}, 'dpi')
      ? ['page', 'dpi']
      : ['page'];
    const megapixels = (n: number) => `${Math.round(n / 1e6)} megapixels`;
    return [
      problemAt(
        path,
        `a page of ${canvas.widthPx} × ${canvas.heightPx} px (${where}, bleed included) is ${megapixels(pixels)}, more than the ${megapixels(STORY_LIMITS.maxPagePixels)} compose can hold; lower \`dpi\` or the page size`,
      ),
    ];
  }
  const problems: Problem[] = [];
  for (const { page, index } of listRawPages(data)) {
    const layout = cutPages.has(index) ? undefined : readLayout(page);
    if (layout === undefined) continue;
    try {
      layoutPage({ ...geometry, ...layoutOptions(layout) });
    } catch (error) {
      if (!(error instanceof LayoutError)) throw error;
      // One problem per row and field: the other panels of a squeezed row say the same.
      const seen = new Set<string>();
      for (const issue of error.issues) {
        if (seen.has(issue.path)) continue;
        seen.add(issue.path);
        problems.push(toProblem(issue, index, page, where));
      }
    }
  }
  return problems;
}
