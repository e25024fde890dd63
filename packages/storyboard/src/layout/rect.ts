/** A rectangle. In pixels: integer, origin at the canvas top-left, y down. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Shrinks a rectangle by `inset` on every side.
 * @example insetRect({ x: 36, y: 36, w: 946, h: 985 }, 6) // { x: 42, y: 42, w: 934, h: 973 }
 */
export function insetRect(rect: Rect, inset: number): Rect {
  return { x: rect.x + inset, y: rect.y + inset, w: rect.w - 2 * inset, h: rect.h - 2 * inset };
}

/**
 * Mirrors a rectangle left-to-right inside a canvas `canvasWidth` wide: `x' = canvasWidth - x - w`.
 * @example mirrorRect({ x: 36, y: 36, w: 946, h: 985 }, 1988) // { x: 1006, y: 36, w: 946, h: 985 }
 */
export function mirrorRect(rect: Rect, canvasWidth: number): Rect {
  return { x: canvasWidth - rect.x - rect.w, y: rect.y, w: rect.w, h: rect.h };
}

/**
 * A pixel rectangle in points (1/72 in) at `dpi`, unrounded, in the same frame (origin top-left,
 * y down): what a pixel rectangle on the page canvas measures on paper.
 * @example toPointRect({ x: 38, y: 38, w: 900, h: 300 }, 300) // { x: 9.12, y: 9.12, w: 216, h: 72 }
 */
export function toPointRect(rect: Rect, dpi: number): Rect {
  const k = 72 / dpi;
  return { x: rect.x * k, y: rect.y * k, w: rect.w * k, h: rect.h * k };
}

/**
 * A rectangle as a PDF box array `[llx, lly, urx, ury]` (for MediaBox, TrimBox, BleedBox).
 * Only meaningful for rectangles already in PDF coordinates (points, y up), such as
 * `PageLayout.trimBoxPt`.
 * @example toPdfBox({ x: 9, y: 9, w: 477, h: 738 }) // [9, 9, 486, 747]
 */
export function toPdfBox(rect: Rect): [number, number, number, number] {
  return [rect.x, rect.y, rect.x + rect.w, rect.y + rect.h];
}
