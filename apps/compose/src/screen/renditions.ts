import sharp from 'sharp';
import type { PageImage, TrimmedPage } from '../page-image.js';

/** Pixel size of a rendition. */
export interface RenditionSize {
  width: number;
  height: number;
}

/** Image format of a rendition. */
export type RenditionFormat = 'webp' | 'jpeg' | 'png';

/** One rendition to encode. */
export interface RenditionSpec extends RenditionSize {
  format: RenditionFormat;
  /** Quality for WebP and JPEG (ignored for PNG). */
  quality: number;
  /**
   * Optimise the JPEG's Huffman tables: the same pixels in fewer bytes, for more CPU.
   * @default true
   */
  optimiseCoding?: boolean;
}

/** File extension of each rendition format. */
export const RENDITION_EXTENSIONS: Readonly<Record<RenditionFormat, string>> = {
  webp: 'webp',
  jpeg: 'jpg',
  png: 'png',
};

// Several writers (screen, CBZ, EPUB) make renditions of the same composed page: an identical
// rendition is encoded once, whoever asks first. Keyed weakly by the page image, so nothing
// outlives the page.
const encoded = new WeakMap<PageImage, Map<string, Promise<Buffer>>>();

/** The page cut to its trim box, as compose keeps it for the writers that ask (`needsTrimmedPage`). */
function trimmedOf(image: PageImage): TrimmedPage {
  if (image.trimmed === undefined) {
    throw new Error('The page was composed without its trimmed pixels (needsTrimmedPage)');
  }
  return image.trimmed;
}

/**
 * Encodes one rendition of the trimmed page (resized to exactly `spec.width` × `spec.height`),
 * at most once per page and spec.
 */
export function encodeRendition(image: PageImage, spec: RenditionSpec): Promise<Buffer> {
  let byKey = encoded.get(image);
  if (byKey === undefined) {
    byKey = new Map();
    encoded.set(image, byKey);
  }
  const key = `${spec.width}x${spec.height}.${spec.format}.${spec.quality}.${spec.optimiseCoding ?? true}`;
  let pending = byKey.get(key);
  if (pending === undefined) {
    pending = encode(trimmedOf(image), spec);
    byKey.set(key, pending);
  }
  return pending;
}

/** One rendition of a trimmed page, resized to exactly `spec.width` × `spec.height`. */
function encode(page: TrimmedPage, spec: RenditionSpec): Promise<Buffer> {
  const { canvas } = page;
  let pipeline = sharp(page.data, {
    raw: {
      width: canvas?.width ?? page.width,
      height: canvas?.height ?? page.height,
      channels: page.channels,
    },
  });
  if (canvas !== undefined && (canvas.width !== page.width || canvas.height !== page.height)) {
    pipeline = pipeline.extract({
      left: canvas.left,
      top: canvas.top,
      width: page.width,
      height: page.height,
    });
  }
  // Grey pages as RGB, as the grey page files have always decoded for their renditions.
  if (page.channels === 1) pipeline = pipeline.toColourspace('srgb');
  if (spec.width !== page.width || spec.height !== page.height) {
    pipeline = pipeline.resize(spec.width, spec.height, { fit: 'fill' });
  }
  // Effort 2 encodes twice as fast as libwebp's default 4 for about 3 % more bytes on
  // these pages (1920 px noir page: 293 KB against 284 KB), and eight renditions a page add up.
  if (spec.format === 'webp') return pipeline.webp({ quality: spec.quality, effort: 2 }).toBuffer();
  if (spec.format === 'jpeg') {
    return pipeline
      .jpeg({ quality: spec.quality, optimiseCoding: spec.optimiseCoding ?? true })
      .toBuffer();
  }
  return pipeline.png().toBuffer();
}

/**
 * The size of a page `trim` px big scaled to `width` px wide, keeping its aspect ratio; never
 * enlarged.
 * @example sizeForWidth({ width: 1988, height: 3075 }, 800) // { width: 800, height: 1237 }
 */
export function sizeForWidth(trim: RenditionSize, width: number): RenditionSize {
  if (width >= trim.width) return { width: trim.width, height: trim.height };
  return { width, height: Math.max(1, Math.round((trim.height * width) / trim.width)) };
}

/**
 * The size of a page `trim` px big scaled so its long side is `longSide` px and its area at most
 * `maxPixels`, keeping its aspect ratio; never enlarged.
 * @example sizeForLongSide({ width: 1988, height: 3075 }, 2560) // { width: 1655, height: 2560 }
 */
export function sizeForLongSide(
  trim: RenditionSize,
  longSide: number,
  maxPixels = Number.POSITIVE_INFINITY,
): RenditionSize {
  const long = Math.max(trim.width, trim.height);
  let size: RenditionSize =
    longSide >= long
      ? { width: trim.width, height: trim.height }
      : {
          width: Math.max(1, Math.round((trim.width * longSide) / long)),
          height: Math.max(1, Math.round((trim.height * longSide) / long)),
        };
  if (size.width * size.height > maxPixels) {
    // Rounded down, so the area cap holds after rounding.
    const scale = Math.sqrt(maxPixels / (trim.width * trim.height));
    size = {
      width: Math.max(1, Math.floor(trim.width * scale)),
      height: Math.max(1, Math.floor(trim.height * scale)),
    };
  }
  return size;
}
