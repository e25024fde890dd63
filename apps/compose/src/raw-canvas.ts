import sharp from 'sharp';
import type { Rect } from 'storyboard';

/** Raw pixels, row by row with no padding: 3 channels (RGB) or 4 (RGBA, straight alpha). */
export interface RawPixels {
  data: Buffer;
  width: number;
  height: number;
}

/** An RGB colour, channels 0–255. */
export type Rgb = readonly [number, number, number];

/**
 * Reusable page-sized pixel buffers. A page at 300 dpi is about 18 MB of RGB; taking a fresh
 * buffer for every page costs page faults and garbage collections that show up as a tenth of the
 * compose time, so pages composed one after another take their canvas from here and give it back
 * once it is encoded.
 */
export interface CanvasPool {
  /**
   * A canvas of `width × height` RGB pixels; its content is undefined. A new one is made on the
   * thread pool, so the first touch of its memory (a page fault per 4 KB) is not the main
   * thread's: that is when the main thread letters and lays out the first pages.
   */
  take(width: number, height: number): Promise<RawPixels>;
  /** Returns a canvas nobody reads any more (its encoder has finished). */
  give(canvas: RawPixels): void;
}

/** Creates a {@link CanvasPool} that keeps at most `limit` idle canvases. */
export function createCanvasPool(limit = 4): CanvasPool {
  const idle: Buffer[] = [];
  return {
    async take(width, height) {
      const bytes = width * height * 3;
      const index = idle.findIndex((buffer) => buffer.length === bytes);
      if (index >= 0) return { data: idle.splice(index, 1)[0] as Buffer, width, height };
      const data = await sharp({ create: { width, height, channels: 3, background: '#000' } })
        .raw()
        .toBuffer();
      return { data, width, height };
    },
    give(canvas) {
      if (idle.length >= limit) idle.shift();
      idle.push(canvas.data);
    },
  };
}

/** Fills the whole RGB canvas with one colour. */
export function fillCanvas(canvas: RawPixels, rgb: Rgb): void {
  fillRect(canvas, { x: 0, y: 0, w: canvas.width, h: canvas.height }, rgb);
}

/**
 * Fills every pixel of an RGB canvas that none of `covered` lies on: rectangles about to be drawn
 * over in full (a page's pictures cover most of it, and filling the whole 18 MB page only to
 * overwrite it costs as much as copying the pictures in).
 */
export function fillOutside(canvas: RawPixels, rgb: Rgb, covered: readonly Rect[]): void {
  const areas = covered.flatMap((rect) => clip(canvas, rect.x, rect.y, rect.w, rect.h) ?? []);
  const edges = [...new Set([0, canvas.height, ...areas.flatMap((area) => [area.y0, area.y1])])];
  edges.sort((a, b) => a - b);
  // Bands between consecutive edges: each rectangle covers a band whole or not at all.
  for (let band = 0; band + 1 < edges.length; band += 1) {
    const y = edges[band] as number;
    const h = (edges[band + 1] as number) - y;
    const spans = areas
      .filter((area) => area.y0 <= y && area.y1 >= y + h)
      .sort((a, b) => a.x0 - b.x0);
    let x = 0;
    for (const span of spans) {
      if (span.x0 > x) fillRect(canvas, { x, y, w: span.x0 - x, h }, rgb);
      x = Math.max(x, span.x1);
    }
    if (x < canvas.width) fillRect(canvas, { x, y, w: canvas.width - x, h }, rgb);
  }
}

/**
 * Fills `rect` (clipped to the canvas) of an RGB canvas with one colour. A page's margins and
 * gutters are thousands of short row spans: each is filled by the typed-array builtins (one
 * call for rows that span the canvas, which lie end to end), not by `Buffer.fill` with a
 * three-byte pattern, which goes through a native binding per call.
 */
export function fillRect(canvas: RawPixels, rect: Rect, rgb: Rgb): void {
  const area = clip(canvas, rect.x, rect.y, rect.w, rect.h);
  if (area === undefined) return;
  const { data } = canvas;
  const rowBytes = (area.x1 - area.x0) * 3;
  const first = (area.y0 * canvas.width + area.x0) * 3;
  const grey = rgb[0] === rgb[1] && rgb[1] === rgb[2];
  if (rowBytes === canvas.width * 3) {
    const end = area.y1 * rowBytes;
    if (grey) data.fill(rgb[0], first, end);
    else fillPattern(data, rgb, first, end);
    return;
  }
  // A border's sides are a few pixels wide: writing them here beats a call per row.
  const narrow = rowBytes <= 96;
  if (!grey && !narrow) fillPattern(data, rgb, first, first + rowBytes);
  for (let y = area.y0; y < area.y1; y++) {
    const row = (y * canvas.width + area.x0) * 3;
    if (narrow) {
      for (let i = row; i < row + rowBytes; i += 3) {
        data[i] = rgb[0];
        data[i + 1] = rgb[1];
        data[i + 2] = rgb[2];
      }
    } else if (grey) data.fill(rgb[0], row, row + rowBytes);
    else if (row !== first) data.copyWithin(row, first, first + rowBytes);
  }
}

/** Writes `rgb` over and over from `start` up to `end` (a whole number of pixels). */
function fillPattern(data: Buffer, rgb: Rgb, start: number, end: number): void {
  // One pixel, then the filled part copied onto the rest, doubling each time.
  data[start] = rgb[0];
  data[start + 1] = rgb[1];
  data[start + 2] = rgb[2];
  let filled = 3;
  while (start + filled < end) {
    const copied = Math.min(filled, end - start - filled);
    data.copyWithin(start + filled, start, start + copied);
    filled += copied;
  }
}

/** Copies an RGB image's rows into an RGB canvas at (left, top), clipped to the canvas. */
export function blitRgb(canvas: RawPixels, image: RawPixels, left: number, top: number): void {
  const area = clip(canvas, left, top, image.width, image.height);
  if (area === undefined) return;
  const rowBytes = (area.x1 - area.x0) * 3;
  for (let y = area.y0; y < area.y1; y++) {
    const from = ((y - top) * image.width + (area.x0 - left)) * 3;
    image.data.copy(canvas.data, (y * canvas.width + area.x0) * 3, from, from + rowBytes);
  }
}

/**
 * Draws an RGBA image (straight alpha) over an RGB canvas at (left, top), clipped to the canvas:
 * `out = src × α + dst × (1 − α)`, rounded to the nearest value.
 */
export function blendRgba(canvas: RawPixels, image: RawPixels, left: number, top: number): void {
  const area = clip(canvas, left, top, image.width, image.height);
  if (area === undefined) return;
  const src = image.data;
  const dst = canvas.data;
  for (let y = area.y0; y < area.y1; y++) {
    let s = ((y - top) * image.width + (area.x0 - left)) * 4;
    let d = (y * canvas.width + area.x0) * 3;
    for (let x = area.x0; x < area.x1; x++, s += 4, d += 3) {
      const alpha = src[s + 3] as number;
      if (alpha === 255) {
        dst[d] = src[s] as number;
        dst[d + 1] = src[s + 1] as number;
        dst[d + 2] = src[s + 2] as number;
      } else if (alpha !== 0) {
        const rest = 255 - alpha;
        dst[d] = ((src[s] as number) * alpha + (dst[d] as number) * rest + 127) / 255;
        dst[d + 1] = ((src[s + 1] as number) * alpha + (dst[d + 1] as number) * rest + 127) / 255;
        dst[d + 2] = ((src[s + 2] as number) * alpha + (dst[d + 2] as number) * rest + 127) / 255;
      }
    }
  }
}

/** The part of a `w × h` rectangle at (x, y) that lies on the canvas, as half-open bounds. */
function clip(canvas: RawPixels, x: number, y: number, w: number, h: number) {
  const x0 = Math.max(0, x);
  const y0 = Math.max(0, y);
  const x1 = Math.min(canvas.width, x + w);
  const y1 = Math.min(canvas.height, y + h);
  return x1 > x0 && y1 > y0 ? { x0, y0, x1, y1 } : undefined;
}
