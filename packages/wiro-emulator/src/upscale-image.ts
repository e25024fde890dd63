import sharp from 'sharp';
import type { UpscaleSource } from './task-record.js';

/**
 * The picture an upscale task outputs: its source resized to the planned size with a Lanczos
 * kernel and encoded as PNG. Nothing is drawn on it, so a draft panel stays the same picture,
 * enlarged.
 */
export function renderUpscaledImage(source: UpscaleSource): Promise<Buffer> {
  const { width, height } = source.output;
  return sharp(source.bytes)
    .resize(width, height, { fit: 'fill', kernel: 'lanczos3' })
    .png({ compressionLevel: 6 })
    .toBuffer();
}
