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
  /** The part of the source shown, in source pixels. */
  crop: { x: number; y: number; w: number; h: number };
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
  const open = () => sharp(input, { limitInputPixels: options.limitInputPixels ?? 268402689 });
  // The size is read side by side with the pipeline, not before it: both go to the thread pool
  // at once, so the pipeline does not wait for the main thread to hand it over.
  const [metadata, { data, info }] = await Promise.all([
    open().metadata(),
    open()
      .resize(width, height, { fit: 'cover', position: sharpPosition(options.focus ?? 'center') })
      .flatten({ background: options.background ?? '#ffffff' })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true }),
  ]);
  const source = { width: metadata.width ?? 0, height: metadata.height ?? 0 };
  if (info.channels !== 3) {
    throw new Error(`Expected 3 channels after fitting, got ${info.channels}`);
  }
  const scale = Math.max(width / source.width, height / source.height);
  const strategyOffset =
    info.cropOffsetLeft === undefined
      ? undefined
      : { left: Math.abs(info.cropOffsetLeft), top: Math.abs(info.cropOffsetTop ?? 0) };
  return {
    data,
    width: info.width,
    height: info.height,
    channels: 3,
    source,
    scale,
    crop: cropOf(source, width, height, scale, options.focus ?? 'center', strategyOffset),
  };
}

/**
 * The source rectangle a cover fit shows: centred across the axis that is cut, or at the edge
 * the focus names; sharp's own offset for the attention and entropy strategies.
 */
function cropOf(
  source: { width: number; height: number },
  width: number,
  height: number,
  scale: number,
  focus: Focus,
  strategyOffset: { left: number; top: number } | undefined,
): FittedPanel['crop'] {
  const w = Math.min(source.width, width / scale);
  const h = Math.min(source.height, height / scale);
  const spareX = source.width - w;
  const spareY = source.height - h;
  let x = spareX / 2;
  let y = spareY / 2;
  if (strategyOffset !== undefined) {
    x = Math.min(spareX, strategyOffset.left / scale);
    y = Math.min(spareY, strategyOffset.top / scale);
  } else if (focus === 'left') x = 0;
  else if (focus === 'right') x = spareX;
  else if (focus === 'top') y = 0;
  else if (focus === 'bottom') y = spareY;
  const round = (n: number) => Math.round(n * 100) / 100;
  return { x: round(x), y: round(y), w: round(w), h: round(h) };
}
