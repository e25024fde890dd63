import { describe, expect, it } from 'vitest';
import {
  chooseImageSize,
  LAYOUT_TEMPLATE_NAMES,
  LayoutError,
  layoutPage,
} from '../../src/layout/index.js';

const aspects = [
  1,
  934 / 973,
  16 / 9,
  9 / 16,
  4 / 3,
  3 / 4,
  2 / 3,
  1.5,
  2,
  0.5,
  0.3,
  2.5,
  4,
  0.25,
  1.2345,
  0.618,
];
const slotAspects = LAYOUT_TEMPLATE_NAMES.flatMap((template) =>
  ['us-comic', 'a4', 'square'].flatMap((page) =>
    layoutPage({ template, page: page as 'a4' }).slots.map((s) => s.aspect),
  ),
);

function aspectError(size: { width: number; height: number }, aspect: number): number {
  return Math.abs(size.width / size.height / aspect - 1);
}

describe('chooseImageSize', () => {
  it('gives 1024 × 1024 for a square', () => {
    expect(chooseImageSize(1)).toEqual({ width: 1024, height: 1024 });
  });

  it.each([...aspects, ...slotAspects])('fits aspect %d in multiples of 16 near 1 MP', (aspect) => {
    const size = chooseImageSize(aspect);
    expect(size.width % 16).toBe(0);
    expect(size.height % 16).toBe(0);
    for (const side of [size.width, size.height]) {
      expect(side).toBeGreaterThanOrEqual(256);
      expect(side).toBeLessThanOrEqual(2048);
    }
    expect(aspectError(size, aspect)).toBeLessThan(0.01);
    // Past an aspect of 4 the 2048 px side cap binds, and the area gives way, not the aspect.
    const reachable = Math.min(1, 2048 ** 2 / Math.max(aspect, 1 / aspect) / 2 ** 20);
    expect((size.width * size.height) / 2 ** 20).toBeGreaterThan(0.9 * reachable);
    expect((size.width * size.height) / 2 ** 20).toBeLessThan(1.12);
  });

  it('is deterministic and mirrors portrait and landscape', () => {
    expect(chooseImageSize(0.7)).toEqual(chooseImageSize(0.7));
    const wide = chooseImageSize(16 / 9);
    expect(chooseImageSize(9 / 16)).toEqual({ width: wide.height, height: wide.width });
  });

  it('clamps aspects the limits cannot reach', () => {
    expect(chooseImageSize(20)).toEqual({ width: 2048, height: 256 });
    expect(chooseImageSize(0.01)).toEqual({ width: 256, height: 2048 });
  });

  it('honours custom limits', () => {
    const options = { multiple: 64, min: 512, max: 1536, targetPixels: 1536 * 1536 };
    for (const aspect of [1, 0.75, 1.6, 3]) {
      const size = chooseImageSize(aspect, options);
      expect(size.width % 64).toBe(0);
      expect(size.height % 64).toBe(0);
      expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(1536);
      expect(Math.min(size.width, size.height)).toBeGreaterThanOrEqual(512);
    }
    expect(chooseImageSize(1, options)).toEqual({ width: 1536, height: 1536 });
    expect(chooseImageSize(1, { targetPixels: 512 * 512 })).toEqual({ width: 512, height: 512 });
  });

  it.each([
    [0, {}, /aspect must be a positive number/],
    [Number.NaN, {}, /aspect/],
    [1, { multiple: 0 }, /multiple/],
    [1, { multiple: 2.5 }, /multiple/],
    [1, { targetPixels: -1 }, /targetPixels/],
    [1, { min: 1001, max: 1007 }, /no multiple of 16 between min 1001 and max 1007/],
  ])('rejects aspect %d with %o', (aspect, options, message) => {
    expect(() => chooseImageSize(aspect, options)).toThrowError(LayoutError);
    expect(() => chooseImageSize(aspect, options)).toThrowError(message);
  });
});
