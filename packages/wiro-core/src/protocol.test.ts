import { describe, expect, it } from 'vitest';
import { computeUpscaledSize, fitsUpscaleLimits, REAL_ESRGAN } from './protocol.js';

describe('Real-ESRGAN sizes', () => {
  it('multiplies each side by outscale and rounds to the nearest pixel', () => {
    expect(computeUpscaledSize({ width: 1024, height: 1536 }, 2.5)).toEqual({
      width: 2560,
      height: 3840,
    });
    expect(computeUpscaledSize({ width: 1023, height: 333 }, 1.5)).toEqual({
      width: 1535,
      height: 500,
    });
    expect(computeUpscaledSize({ width: 1, height: 1 }, 0.1)).toEqual({ width: 1, height: 1 });
  });

  it('bounds each side and the pixel count', () => {
    const { maxSide, maxPixels } = REAL_ESRGAN;
    expect(fitsUpscaleLimits({ width: maxSide, height: maxPixels / maxSide })).toBe(true);
    expect(fitsUpscaleLimits({ width: maxSide + 1, height: 10 })).toBe(false);
    expect(fitsUpscaleLimits({ width: 10, height: maxSide + 1 })).toBe(false);
    expect(fitsUpscaleLimits({ width: 6000, height: 6000 })).toBe(false);
  });
});
