import sharp from 'sharp';
import type { Rgb } from '../raw-canvas.js';

const rgbCache = new Map<string, Promise<Rgb>>();

/** A colour as sharp itself resolves it (one 1 × 1 pixel), so fills match sharp's `create`. */
export function rgbOf(color: string): Promise<Rgb> {
  let rgb = rgbCache.get(color);
  if (rgb === undefined) {
    rgb = sharp({ create: { width: 1, height: 1, channels: 3, background: color } })
      .raw()
      .toBuffer()
      .then((px): Rgb => [px[0] ?? 0, px[1] ?? 0, px[2] ?? 0]);
    rgb.catch(() => rgbCache.delete(color));
    rgbCache.set(color, rgb);
  }
  return rgb;
}
