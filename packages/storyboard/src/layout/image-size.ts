import { failLayout } from './errors.js';

/** Limits for `chooseImageSize`. */
export interface ImageSizeOptions {
  /**
   * Pixel area to aim for; the result stays within about 10 % of it unless the limits forbid.
   * @default 1048576 (1024 × 1024)
   */
  targetPixels?: number;
  /**
   * Both sides are multiples of this (what latent image models need).
   * @default 16
   */
  multiple?: number;
  /**
   * Shortest side allowed.
   * @default 256
   */
  min?: number;
  /**
   * Longest side allowed.
   * @default 2048
   */
  max?: number;
}

/** A render size in pixels. */
export interface ImageSize {
  width: number;
  height: number;
}

/** The defaults of `ImageSizeOptions`. */
export const DEFAULT_IMAGE_SIZE_OPTIONS: Readonly<Required<ImageSizeOptions>> = Object.freeze({
  targetPixels: 1024 * 1024,
  multiple: 16,
  min: 256,
  max: 2048,
});

/** How far the area may stray from the closest achievable one to gain aspect accuracy. */
const AREA_LATITUDE = Math.log(1.1);

/** Aspect errors closer than this (log ratio, ~0.2 %) count as equal; the area then decides. */
const ASPECT_TIE = 0.002;

/**
 * Picks the render size for a panel of `aspect` (width / height): both sides multiples of
 * `multiple` within `[min, max]`, an area near `targetPixels`, and the aspect as close as those
 * allow, so that cover-cropping into the slot loses little. Aspects beyond what the limits allow
 * are clamped (at most `max / min`); when a side limit binds, the area gives way, not the aspect.
 * Deterministic: it scans every allowed height and breaks ties by area, then by size.
 * @example chooseImageSize(1) // { width: 1024, height: 1024 }
 * @example chooseImageSize(934 / 973) // { width: 1008, height: 1056 } (0.6 % of the height cropped)
 */
export function chooseImageSize(aspect: number, options: ImageSizeOptions = {}): ImageSize {
  const { targetPixels, multiple, min, max } = { ...DEFAULT_IMAGE_SIZE_OPTIONS, ...options };
  // Panels of one layout share their aspects, and the scan below weighs a few hundred sizes.
  const id = `${aspect}|${targetPixels}|${multiple}|${min}|${max}`;
  let size = chosen.get(id);
  if (size === undefined) {
    size = scanImageSizes(aspect, targetPixels, multiple, min, max);
    if (chosen.size >= MAX_REMEMBERED) chosen.clear();
    chosen.set(id, size);
  }
  return { ...size };
}

/** Sizes already chosen, by aspect and limits; forgotten all at once past `MAX_REMEMBERED`. */
const chosen = new Map<string, ImageSize>();
const MAX_REMEMBERED = 4096;

function scanImageSizes(
  aspect: number,
  targetPixels: number,
  multiple: number,
  min: number,
  max: number,
): ImageSize {
  if (!Number.isFinite(aspect) || aspect <= 0) {
    failLayout('aspect', `must be a positive number (got ${String(aspect)})`);
  }
  if (!Number.isInteger(multiple) || multiple < 1) {
    failLayout('multiple', `must be a positive whole number (got ${String(multiple)})`);
  }
  if (!Number.isFinite(targetPixels) || targetPixels <= 0) {
    failLayout('targetPixels', `must be a positive number (got ${String(targetPixels)})`);
  }
  const low = Math.max(multiple, Math.ceil(min / multiple) * multiple);
  const high = Math.floor(max / multiple) * multiple;
  if (!(low <= high)) {
    failLayout('max', `leaves no multiple of ${multiple} between min ${min} and max ${max}`);
  }
  const clamped = Math.min(Math.max(aspect, low / high), high / low);
  const area = reachableArea(clamped, targetPixels, low, high);
  const candidates: Array<ImageSize & { aspectError: number; areaError: number }> = [];
  for (let height = low; height <= high; height += multiple) {
    const exact = (height * clamped) / multiple;
    for (const steps of new Set([Math.floor(exact), Math.ceil(exact)])) {
      const width = Math.min(Math.max(steps * multiple, low), high);
      candidates.push({
        width,
        height,
        aspectError: Math.abs(Math.log(width / height / clamped)),
        areaError: Math.abs(Math.log((width * height) / area)),
      });
    }
  }
  const bestArea = Math.min(...candidates.map((c) => c.areaError));
  const allowed = candidates.filter((c) => c.areaError <= bestArea + AREA_LATITUDE);
  const bestAspect = Math.min(...allowed.map((c) => c.aspectError));
  const [best] = allowed
    .filter((c) => c.aspectError <= bestAspect + ASPECT_TIE)
    .sort((a, b) => a.areaError - b.areaError || a.height - b.height || a.width - b.width);
  return { width: (best as ImageSize).width, height: (best as ImageSize).height };
}

/**
 * The area of the exact-aspect rectangle nearest `targetPixels` whose sides fit in
 * `[low, high]`: the target itself unless a side limit forces the rectangle smaller or larger.
 */
function reachableArea(aspect: number, targetPixels: number, low: number, high: number): number {
  let height = Math.sqrt(targetPixels / aspect);
  const longest = Math.max(height, height * aspect);
  if (longest > high) height *= high / longest;
  const shortest = Math.min(height, height * aspect);
  if (shortest < low) height *= low / shortest;
  return height * height * aspect;
}
