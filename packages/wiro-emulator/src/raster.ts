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
  const pixels = new Uint8Array(width * height * 3);
  const row = new Uint8Array(width * 3);
  for (let x = 0; x < width; x++) row.set(background, x * 3);
  for (let y = 0; y < height; y++) pixels.set(row, y * width * 3);
  return { width, height, pixels };
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
  const x0 = Math.max(0, Math.round(left));
  const y0 = Math.max(0, Math.round(top));
  const x1 = Math.min(raster.width, Math.round(left + w));
  const y1 = Math.min(raster.height, Math.round(top + h));
  if (x1 <= x0 || y1 <= y0) return;
  const span = new Uint8Array((x1 - x0) * 3);
  for (let x = 0; x < x1 - x0; x++) span.set(color, x * 3);
  for (let y = y0; y < y1; y++) raster.pixels.set(span, (y * raster.width + x0) * 3);
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
