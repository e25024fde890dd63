import { createHash } from 'node:crypto';
import { canonicalJson, computeUpscaledSize, fitsUpscaleLimits, REAL_ESRGAN } from 'wiro-core';
import type { UpscaleSettings } from '../script/types.js';
import type { PanelPrint, UpscalePlan } from './types.js';

/** Bumped when the meaning of an upscaled picture's cache entry changes. */
const UPSCALE_KEY_VERSION = 'comics-factory/upscale/1';

/** `outscale` is chosen in steps of this size (rounded up). */
export const OUTSCALE_STEP = 0.5;

/**
 * The print resolution of a picture of `width` × `height` pixels that covers (cropping the rest)
 * a rectangle of `print.widthIn` × `print.heightIn`: the pixels per inch of its limiting side.
 *
 * @example effectivePpi({ width: 1024, height: 1024 }, { widthIn: 4, heightIn: 2, dpi: 300 }) // 256
 */
export function effectivePpi(size: { width: number; height: number }, print: PanelPrint): number {
  return Math.min(size.width / print.widthIn, size.height / print.heightIn);
}

/**
 * The resolution an upscale aims for: the script's target, but never more than the page's own
 * dpi (pixels beyond it are thrown away when the page is composed).
 */
export function targetPpi(settings: UpscaleSettings, print: PanelPrint): number {
  return Math.min(settings.ppi, print.dpi);
}

/**
 * The upscale a panel needs, or `undefined`: none when upscaling is off, when the picture already
 * prints at the target resolution, or when Real-ESRGAN's size limits leave no room to enlarge
 * it. `outscale` is the factor needed rounded up to a step of 0.5, capped so the result stays
 * within those limits (the panel may then still print below the target; the plan says so).
 */
export function planUpscale(
  size: { width: number; height: number },
  print: PanelPrint,
  settings: UpscaleSettings,
  sourceKey: string,
  variant: number,
): UpscalePlan | undefined {
  if (settings.mode === 'off') return undefined;
  const factor = targetPpi(settings, print) / effectivePpi(size, print);
  if (factor <= 1) return undefined;
  let outscale = Math.min(
    REAL_ESRGAN.outscale.max,
    Math.ceil(factor / OUTSCALE_STEP) * OUTSCALE_STEP,
  );
  while (outscale > 1 && !fitsUpscaleLimits(computeUpscaledSize(size, outscale))) {
    outscale -= OUTSCALE_STEP;
  }
  if (outscale <= 1) return undefined;
  const modelName =
    settings.modelName ?? (outscale <= 2 ? 'RealESRGAN_x2plus' : 'RealESRGAN_x4plus');
  const enlarged = computeUpscaledSize(size, outscale);
  const cacheKey = createHash('sha256')
    .update(
      canonicalJson({
        v: UPSCALE_KEY_VERSION,
        source: sourceKey,
        variant,
        model: settings.model,
        modelName,
        outscale,
      }),
    )
    .digest('hex');
  return { model: settings.model, modelName, outscale, ...enlarged, cacheKey };
}
