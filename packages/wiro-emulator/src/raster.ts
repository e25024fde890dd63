import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphColumns } from './bitmap-font.js';

/** An RGB colour, 0–255 per channel. */
export type Rgb = readonly [number, number, number];

/** A raw 8-bit RGB image, row by row with no padding. */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/** Creates a raster filled with one colour. */
export function createRaster(width: number, height: number, background: Rgb): Raster {
  const raster = { width, height, pixels: new Uint8Array(width * height * 3) };
  fillRect(raster, 0, 0, width, height, background);
  return raster;
}

/** A rectangle rounded to whole pixels and clipped to the raster, as edges (`x1`, `y1` excluded). */
function clipToRaster(raster: Raster, left: number, top: number, w: number, h: number) {
  return {
    x0: Math.max(0, Math.round(left)),
    y0: Math.max(0, Math.round(top)),
    x1: Math.min(raster.width, Math.round(left + w)),
    y1: Math.min(raster.height, Math.round(top + h)),
  };
}

/** Fills a rectangle, clipped to the raster. */
export function fillRect(
  raster: Raster,
  left: number,
  top: number,
  w: number,
  h: number,
  color: Rgb,
): void {
  const { x0, y0, x1, y1 } = clipToRaster(raster, left, top, w, h);
  if (x1 <= x0 || y1 <= y0) return;
  // Paint the first row by doubling one pixel, then copy that row down: no allocation.
  const { pixels } = raster;
  const first = (y0 * raster.width + x0) * 3;
  const length = (x1 - x0) * 3;
  pixels[first] = color[0];
  pixels[first + 1] = color[1];
  pixels[first + 2] = color[2];
  for (let filled = 3; filled < length; filled *= 2) {
    pixels.copyWithin(first + filled, first, first + Math.min(filled, length - filled));
  }
  for (let y = y0 + 1; y < y1; y++) {
    pixels.copyWithin((y * raster.width + x0) * 3, first, first + length);
  }
}

/** Draws a rectangle outline of the given thickness, inside the rectangle's bounds. */
export function strokeRect(
  raster: Raster,
  left: number,
  top: number,
  w: number,
  h: number,
  thickness: number,
  color: Rgb,
): void {
  fillRect(raster, left, top, w, thickness, color);
  fillRect(raster, left, top + h - thickness, w, thickness, color);
  fillRect(raster, left, top, thickness, h, color);
  fillRect(raster, left + w - thickness, top, thickness, h, color);
}

/** Fills a disk, clipped to the raster. */
export function fillDisk(raster: Raster, cx: number, cy: number, r: number, color: Rgb): void {
  const y0 = Math.max(0, Math.floor(cy - r));
  const y1 = Math.min(raster.height - 1, Math.ceil(cy + r));
  for (let y = y0; y <= y1; y++) {
    const dy = y - cy;
    const half = Math.sqrt(Math.max(0, r * r - dy * dy));
    fillRect(raster, cx - half, y, half * 2, 1, color);
  }
}

/** Advance of one character cell, in font pixels (glyph plus one column of spacing). */
export const CELL_WIDTH = GLYPH_WIDTH + 1;
/** Height of one text line, in font pixels (glyph plus two rows of leading). */
export const LINE_HEIGHT = GLYPH_HEIGHT + 2;

/** Draws one line of printable-ASCII text with the built-in font, each font pixel scale×scale. */
export function drawText(
  raster: Raster,
  text: string,
  left: number,
  top: number,
  scale: number,
  color: Rgb,
): void {
  for (let i = 0; i < text.length; i++) {
    const columns = glyphColumns(text.charAt(i));
    const x = left + i * CELL_WIDTH * scale;
    for (let col = 0; col < GLYPH_WIDTH; col++) {
      const bits = columns[col] ?? 0;
      for (let row = 0; row < GLYPH_HEIGHT; row++) {
        if (bits & (1 << row))
          fillRect(raster, x + col * scale, top + row * scale, scale, scale, color);
      }
    }
  }
}

/** Width in raster pixels of a line of text at a scale. */
export function measureText(text: string, scale: number): number {
  return text.length === 0 ? 0 : (text.length * CELL_WIDTH - 1) * scale;
}

/** Diagonal line texture for {@link hatchRect}. */
export interface Hatch {
  /** Distance between lines, in pixels along a row. */
  period: number;
  /** Line width along a row, in pixels. */
  thickness: number;
  /** `1`: lines rise to the right (/); `-1`: they fall (\). */
  slope: 1 | -1;
  color: Rgb;
  /** Only pixels of this colour are drawn over (hatching inside a shape). */
  over?: Rgb;
}

/** Hatches a rectangle with diagonal lines, clipped to the raster. */
export function hatchRect(
  raster: Raster,
  left: number,
  top: number,
  w: number,
  h: number,
  hatch: Hatch,
): void {
  const { x0, y0, x1, y1 } = clipToRaster(raster, left, top, w, h);
  const { period, thickness, slope, color, over } = hatch;
  const { pixels, width } = raster;
  for (let y = y0; y < y1; y++) {
    const phase = (((x0 + slope * y) % period) + period) % period;
    const row = y * width;
    for (let start = x0 - phase; start < x1; start += period) {
      const end = Math.min(x1, start + thickness);
      for (let x = Math.max(x0, start); x < end; x++) {
        const i = (row + x) * 3;
        if (
          over &&
          (pixels[i] !== over[0] || pixels[i + 1] !== over[1] || pixels[i + 2] !== over[2])
        )
          continue;
        pixels[i] = color[0];
        pixels[i + 1] = color[1];
        pixels[i + 2] = color[2];
      }
    }
  }
}

/**
 * Fills a trapezoid with horizontal top and bottom edges, centred on `cx`: `topWidth` wide at
 * `top`, `bottomWidth` wide at `bottom`.
 */
export function fillTrapezoid(
  raster: Raster,
  cx: number,
  top: number,
  bottom: number,
  topWidth: number,
  bottomWidth: number,
  color: Rgb,
): void {
  const y0 = Math.max(0, Math.floor(top));
  const y1 = Math.min(raster.height, Math.ceil(bottom));
  const span = Math.max(1, bottom - top);
  for (let y = y0; y < y1; y++) {
    const half = (topWidth + ((bottomWidth - topWidth) * (y - top)) / span) / 2;
    fillRect(raster, cx - half, y, half * 2, 1, color);
  }
}
