import sharp from 'sharp';
import type { Focus } from 'storyboard';

/** Options of {@link fitPanel}. */
export interface FitOptions {
  /** Crop focal point. @default 'center' */
  focus?: Focus;
  /** Colour under transparent pixels. @default '#ffffff' */
  background?: string;
  /**
   * Largest input image accepted, in pixels (sharp's `limitInputPixels`); `false` for no limit.
   * @default 268402689 (sharp's default, 16383 × 16383)
   */
  limitInputPixels?: number | false;
}

/** A panel image resized to its rectangle: raw sRGB pixels, three channels. */
export interface FittedPanel {
  data: Buffer;
  width: number;
  height: number;
  channels: 3;
  /** Size of the source image. */
  source: { width: number; height: number };
  /** How much the source was enlarged (> 1) or reduced (< 1) to cover the rectangle. */
  scale: number;
}

/** sharp's position for each focal point. */
export function sharpPosition(focus: Focus): string | number {
  switch (focus) {
    case 'attention':
      return sharp.strategy.attention;
    case 'entropy':
      return sharp.strategy.entropy;
    case 'center':
      return 'centre';
    default:
      return focus;
  }
}

/**
 * Fits a panel image to `width × height` the way a page needs it: scaled to cover the rectangle
 * (never stretched) and cropped around the focal point: the centre, sharp's attention or entropy
 * strategy, or an edge (`top` keeps the top, ...). Transparent pixels are flattened.
 */
export async function fitPanel(
  input: string | Buffer,
  width: number,
  height: number,
  options: FitOptions = {},
): Promise<FittedPanel> {
  const image = sharp(input, { limitInputPixels: options.limitInputPixels ?? 268402689 });
  const metadata = await image.metadata();
  const source = { width: metadata.width ?? 0, height: metadata.height ?? 0 };
  const { data, info } = await image
    .resize(width, height, { fit: 'cover', position: sharpPosition(options.focus ?? 'center') })
    .flatten({ background: options.background ?? '#ffffff' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) {
    throw new Error(`Expected 3 channels after fitting, got ${info.channels}`);
  }
  return {
    data,
    width: info.width,
    height: info.height,
    channels: 3,
    source,
    scale: Math.max(width / source.width, height / source.height),
  };
}
