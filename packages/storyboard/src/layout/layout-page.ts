import { resolveGeometry } from './_resolve-options.js';
import { distributeTracks } from './distribute.js';
import { failLayout, LayoutError, type LayoutIssue } from './errors.js';
import type { PageGeometryOptions } from './options.js';
import type { PageSize } from './page-size.js';
import type { ReadingDirection } from './reading-order.js';
import { insetRect, mirrorRect, type Rect } from './rect.js';
import type { LayoutTemplateName } from './templates.js';
import { POINTS_PER_INCH } from './units.js';

/** One panel position on a page. */
export interface Slot {
  /** Position in reading order, 0-based: the page's n-th panel goes here. */
  slot: number;
  /** Grid row of the panel's top cell. */
  row: number;
  /** Index of the panel's first cell within its row, in reading order (0 is rightmost in `rtl`). */
  col: number;
  /** Rows the panel covers. */
  rowSpan: number;
  /** Cells of its first row the panel covers. */
  colSpan: number;
  /** The whole cell, border included, in canvas pixels. */
  cell: Rect;
  /** The cell minus the border on every side: where the panel image goes (cover-cropped). */
  image: Rect;
  /** `image.w / image.h`: the aspect ratio to render this panel at. */
  aspect: number;
}

/** Where everything goes on one page. Pixel rectangles are integers on the canvas (y down). */
export interface PageLayout {
  /** Trim size in every unit. */
  page: PageSize;
  dpi: number;
  bleedIn: number;
  bleedPx: number;
  /** The image to draw: the trim plus the bleed on every side. */
  canvas: { widthPx: number; heightPx: number };
  /** The finished page on the canvas: `{ x: bleedPx, y: bleedPx, w: page.widthPx, h: page.heightPx }`. */
  trimBoxPx: Rect;
  /** The whole canvas. */
  bleedBoxPx: Rect;
  /** TrimBox in PDF points (y up), from the physical size: `[b, b, W + b, H + b]` as a rect. */
  trimBoxPt: Rect;
  /** MediaBox and BleedBox in PDF points: `[0, 0, W + 2b, H + 2b]` as a rect. */
  bleedBoxPt: Rect;
  /** The area inside the margins that the panels fill exactly. */
  liveAreaPx: Rect;
  /** Gutters in pixels: `x` between side-by-side panels, `y` between stacked ones. */
  gutterPx: { x: number; y: number };
  border: { widthPx: number; color: string };
  background: string;
  template: LayoutTemplateName | 'custom';
  direction: ReadingDirection;
  /** Panel positions in reading order. */
  slots: Slot[];
}

/**
 * Computes the panel rectangles of one page. This is the only place panel rectangles are made:
 * prompt expansion reads `slots[i].aspect`, composition draws at `slots[i].cell` / `.image`.
 *
 * Every length is rounded once to whole pixels (`Math.round`); cell edges are rounded cumulative
 * positions, so gutters are exact and the cells fill the live area with no drift. In `rtl` the
 * page is mirrored exactly (`x' = canvas width - x - w`) and slots run right to left, top to
 * bottom. Throws a `LayoutError` for bad options, or listing every panel that would have no room.
 * @example layoutPage({}) // the benchmark page: US comic, 300 dpi, 2 × 3 grid, 6 slots
 * @example layoutPage({ page: 'manga-b5', template: 'l-shape', direction: 'rtl', print: true })
 * @example layoutPage({ unit: 'px', margins: 36, gutters: 24, border: { width: 6 } })
 */
export function layoutPage(options: PageGeometryOptions = {}): PageLayout {
  const geometry = resolveGeometry(options);
  const { page, bleedPx, margins, gutterX, gutterY, borderPx, grid, direction } = geometry;
  const canvas = { widthPx: page.widthPx + 2 * bleedPx, heightPx: page.heightPx + 2 * bleedPx };
  const live: Rect = {
    x: bleedPx + margins.left,
    y: bleedPx + margins.top,
    w: page.widthPx - margins.left - margins.right,
    h: page.heightPx - margins.top - margins.bottom,
  };
  if (live.w <= 0 || live.h <= 0) {
    failLayout('margins', `leave no live area on a ${page.widthPx} × ${page.heightPx} px page`);
  }
  const rowEdges = distributeTracks(live.h, gutterY, grid.rowHeights);
  const columnEdges = grid.columnWidths.map((widths) => distributeTracks(live.w, gutterX, widths));
  // Areas come in (row, col) order, which is reading order in both directions: the grid is
  // written in reading order and `rtl` mirrors it, so col 0 ends up rightmost.
  const cramped: LayoutIssue[] = [];
  const slots = grid.areas.map((area, slot): Slot => {
    const edges = columnEdges[area.row] as number[];
    const left = live.x + (edges[area.col] as number);
    const top = live.y + (rowEdges[area.row] as number);
    const right = live.x + (edges[area.col + area.colSpan] as number) - gutterX;
    const bottom = live.y + (rowEdges[area.row + area.rowSpan] as number) - gutterY;
    let cell: Rect = { x: left, y: top, w: right - left, h: bottom - top };
    if (direction === 'rtl') cell = mirrorRect(cell, canvas.widthPx);
    const image = insetRect(cell, borderPx);
    if (image.w < 1 || image.h < 1) {
      const field = image.w >= 1 ? '.height' : image.h >= 1 ? '.columns' : '';
      cramped.push({
        path: `grid.rows[${area.row}]${field}`,
        message: `panel at column ${area.col} would be ${cell.w} × ${cell.h} px, leaving no image inside a ${borderPx} px border`,
      });
    }
    return { slot, ...area, cell, image, aspect: image.w / image.h };
  });
  if (cramped.length > 0) throw new LayoutError(cramped);
  const bleedPt = geometry.bleedIn * POINTS_PER_INCH;
  return {
    page,
    dpi: geometry.dpi,
    bleedIn: geometry.bleedIn,
    bleedPx,
    canvas,
    trimBoxPx: { x: bleedPx, y: bleedPx, w: page.widthPx, h: page.heightPx },
    bleedBoxPx: { x: 0, y: 0, w: canvas.widthPx, h: canvas.heightPx },
    trimBoxPt: { x: bleedPt, y: bleedPt, w: page.widthPt, h: page.heightPt },
    bleedBoxPt: { x: 0, y: 0, w: page.widthPt + 2 * bleedPt, h: page.heightPt + 2 * bleedPt },
    liveAreaPx: direction === 'rtl' ? mirrorRect(live, canvas.widthPx) : live,
    gutterPx: { x: gutterX, y: gutterY },
    border: { widthPx: borderPx, color: geometry.borderColor },
    background: geometry.background,
    template: geometry.template,
    direction,
    slots,
  };
}
