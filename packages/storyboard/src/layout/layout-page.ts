import { resolveGeometry } from './_resolve-options.js';
import { distributeTracks } from './distribute.js';
import { failLayout, LayoutError, type LayoutIssue } from './errors.js';
import type { PageGeometryOptions } from './options.js';
import type { PageSize } from './page-size.js';
import type { PrintProfile } from './print-profile.js';
import type { ReadingDirection } from './reading-order.js';
import { insetRect, mirrorRect, type Rect, toPointRect } from './rect.js';
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
  /** The cell minus the border on every side: the panel's picture area when it does not bleed. */
  image: Rect;
  /** Whether the panel bleeds: its art runs to the bleed edge where it meets the panel area's edge. */
  bleed: boolean;
  /** The sides on which the art runs to the bleed edge (none when the panel does not bleed). */
  bleedSides: Sides;
  /**
   * Where the picture goes (cover-cropped): `image`, carried out to the bleed box on the bleeding
   * sides (to the trim when the page has no bleed). Equal to `image` for a panel that does not
   * bleed. No border is drawn on a bleeding side.
   */
  art: Rect;
  /** `cell` in points, from the top-left corner of the canvas (the PDF MediaBox), y down. */
  cellPt: Rect;
  /** `art` in points, from the top-left corner of the canvas (the PDF MediaBox), y down. */
  artPt: Rect;
  /** `art.w / art.h`: the aspect ratio to render this panel at. */
  aspect: number;
}

/** One flag per side of a rectangle. */
export interface Sides {
  top: boolean;
  right: boolean;
  bottom: boolean;
  left: boolean;
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
  /**
   * TrimBox in PDF points, from the physical size: `[b, b, W + b, H + b]` as a rect. It is centred
   * on the canvas, so it reads the same from the top-left (y down) as from the bottom-left (y up).
   */
  trimBoxPt: Rect;
  /** MediaBox and BleedBox in PDF points: `[0, 0, W + 2b, H + 2b]` as a rect. */
  bleedBoxPt: Rect;
  /** The print profile the defaults came from: bleed, safe inset, margins and their source. */
  printProfile: PrintProfile;
  /** Safe inset from the trim edge, in inches. */
  safeIn: number;
  /**
   * The safe (live) area in canvas pixels: the trim less the safe inset on every side. Lettering
   * and every panel border stay inside it; only a bleeding panel's art crosses it.
   */
  safeBoxPx: Rect;
  /** The safe area in points, centred like `trimBoxPt` (the same from top-left or bottom-left). */
  safeBoxPt: Rect;
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
 * prompt expansion reads `slots[i].aspect`, composition draws at `slots[i].cell` / `.art`.
 *
 * The page follows its print profile (`PRINT_PROFILES`): panel borders sit on the profile's
 * margins, inside the safe area; a bleeding slot's art runs past its border to the bleed edge
 * on the sides where it meets the panel area's edge.
 *
 * Every length is rounded once to whole pixels (`Math.round`); cell edges are rounded cumulative
 * positions, so gutters are exact and the cells fill the live area with no drift. In `rtl` the
 * page is mirrored exactly (`x' = canvas width - x - w`) and slots run right to left, top to
 * bottom. Throws a `LayoutError` for bad options, or listing every panel that would have no room.
 * @example layoutPage({}) // US comic, 300 dpi, 2 × 3 grid, 6 slots on the 6 × 9.5 in live area
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
    const bleed = geometry.bleeds[slot] === true;
    let sides: Sides = {
      top: bleed && top === live.y,
      right: bleed && right === live.x + live.w,
      bottom: bleed && bottom === live.y + live.h,
      left: bleed && left === live.x,
    };
    if (direction === 'rtl') {
      cell = mirrorRect(cell, canvas.widthPx);
      sides = { ...sides, left: sides.right, right: sides.left };
    }
    const image = insetRect(cell, borderPx);
    const art = extendToEdges(image, sides, canvas);
    if (image.w < 1 || image.h < 1) {
      const field = image.w >= 1 ? '.height' : image.h >= 1 ? '.columns' : '';
      cramped.push({
        path: `grid.rows[${area.row}]${field}`,
        message: `panel at column ${area.col} would be ${cell.w} × ${cell.h} px, leaving no image inside a ${borderPx} px border`,
      });
    }
    return {
      slot,
      ...area,
      cell,
      image,
      bleed,
      bleedSides: sides,
      art,
      cellPt: toPointRect(cell, geometry.dpi),
      artPt: toPointRect(art, geometry.dpi),
      aspect: art.w / art.h,
    };
  });
  if (cramped.length > 0) throw new LayoutError(cramped);
  const bleedPt = geometry.bleedIn * POINTS_PER_INCH;
  const safePt = geometry.safeIn * POINTS_PER_INCH;
  const { safePx } = geometry;
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
    printProfile: geometry.profile,
    safeIn: geometry.safeIn,
    safeBoxPx: {
      x: bleedPx + safePx,
      y: bleedPx + safePx,
      w: page.widthPx - 2 * safePx,
      h: page.heightPx - 2 * safePx,
    },
    safeBoxPt: {
      x: bleedPt + safePt,
      y: bleedPt + safePt,
      w: page.widthPt - 2 * safePt,
      h: page.heightPt - 2 * safePt,
    },
    liveAreaPx: direction === 'rtl' ? mirrorRect(live, canvas.widthPx) : live,
    gutterPx: { x: gutterX, y: gutterY },
    border: { widthPx: borderPx, color: geometry.borderColor },
    background: geometry.background,
    template: geometry.template,
    direction,
    slots,
  };
}

/** `rect` carried out to the canvas edge on the given sides. */
function extendToEdges(rect: Rect, sides: Sides, canvas: PageLayout['canvas']): Rect {
  const left = sides.left ? 0 : rect.x;
  const top = sides.top ? 0 : rect.y;
  const right = sides.right ? canvas.widthPx : rect.x + rect.w;
  const bottom = sides.bottom ? canvas.heightPx : rect.y + rect.h;
  return { x: left, y: top, w: right - left, h: bottom - top };
}
