import { describe, expect, it } from 'vitest';
import {
  blendRgba,
  blitRgb,
  createCanvasPool,
  fillCanvas,
  fillOutside,
  fillRect,
  type RawPixels,
} from './raw-canvas.js';

function canvasOf(width: number, height: number, value: number): RawPixels {
  return { data: Buffer.alloc(width * height * 3, value), width, height };
}

function pixel(canvas: RawPixels, x: number, y: number): number[] {
  const at = (y * canvas.width + x) * 3;
  return [...canvas.data.subarray(at, at + 3)];
}

describe('raw canvas', () => {
  it('fills the whole canvas, grey or coloured', () => {
    const canvas = canvasOf(3, 2, 0);
    fillCanvas(canvas, [255, 255, 255]);
    expect(canvas.data.every((v) => v === 255)).toBe(true);
    fillCanvas(canvas, [1, 2, 3]);
    expect(pixel(canvas, 2, 1)).toEqual([1, 2, 3]);
  });

  it('fills every pixel outside the covered rectangles, and none inside', () => {
    const canvas = canvasOf(40, 30, 0);
    const covered = [
      { x: 2, y: 3, w: 10, h: 12 },
      { x: 8, y: 10, w: 20, h: 8 },
      { x: 30, y: -5, w: 20, h: 50 },
    ];
    fillOutside(canvas, [5, 6, 7], covered);
    for (let y = 0; y < 30; y += 1) {
      for (let x = 0; x < 40; x += 1) {
        const inside = covered.some((r) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h);
        expect(pixel(canvas, x, y)).toEqual(inside ? [0, 0, 0] : [5, 6, 7]);
      }
    }
  });

  it('fills exactly the rectangle, clipped, for narrow and wide rectangles', () => {
    for (const w of [2, 40]) {
      const canvas = canvasOf(50, 4, 0);
      fillRect(canvas, { x: w === 2 ? -1 : 5, y: 1, w: w + 1, h: 9 }, [9, 8, 7]);
      const x0 = w === 2 ? 0 : 5;
      expect(pixel(canvas, x0, 0)).toEqual([0, 0, 0]);
      expect(pixel(canvas, x0, 1)).toEqual([9, 8, 7]);
      expect(pixel(canvas, x0 + w - 1, 3)).toEqual([9, 8, 7]);
      expect(pixel(canvas, x0 + w + (w === 2 ? 0 : 1), 3)).toEqual([0, 0, 0]);
    }
  });

  it('fills like a pixel-by-pixel fill: grey and coloured, narrow, wide and full-width rows', () => {
    const rects = [
      { x: 0, y: 0, w: 50, h: 7 },
      { x: -3, y: 5, w: 60, h: 2 },
      { x: 3, y: 2, w: 4, h: 5 },
      { x: 10, y: 1, w: 37, h: 6 },
      { x: 49, y: 6, w: 5, h: 5 },
    ];
    for (const rgb of [
      [255, 255, 255],
      [0, 0, 0],
      [9, 8, 7],
    ] as const) {
      for (const rect of rects) {
        const canvas = canvasOf(50, 8, 3);
        fillRect(canvas, rect, rgb);
        for (let y = 0; y < 8; y += 1) {
          for (let x = 0; x < 50; x += 1) {
            const inside = x >= rect.x && x < rect.x + rect.w && y >= rect.y && y < rect.y + rect.h;
            expect([x, y, ...pixel(canvas, x, y)]).toEqual([x, y, ...(inside ? rgb : [3, 3, 3])]);
          }
        }
      }
    }
  });

  it('copies an RGB image, clipped to the canvas', () => {
    const canvas = canvasOf(4, 4, 0);
    const image = { data: Buffer.from([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]), width: 2, height: 2 };
    blitRgb(canvas, image, 3, -1);
    expect(pixel(canvas, 3, 0)).toEqual([3, 3, 3]);
    expect(pixel(canvas, 2, 0)).toEqual([0, 0, 0]);
    expect(pixel(canvas, 3, 1)).toEqual([0, 0, 0]);
  });

  it('blends straight-alpha RGBA over RGB: transparent, opaque and half', () => {
    const canvas = canvasOf(3, 1, 100);
    const image = {
      data: Buffer.from([255, 0, 0, 0, 0, 255, 0, 255, 200, 200, 200, 128]),
      width: 3,
      height: 1,
    };
    blendRgba(canvas, image, 0, 0);
    expect(pixel(canvas, 0, 0)).toEqual([100, 100, 100]);
    expect(pixel(canvas, 1, 0)).toEqual([0, 255, 0]);
    // 200 × 128/255 + 100 × 127/255 = 150.2
    expect(pixel(canvas, 2, 0)).toEqual([150, 150, 150]);
    blendRgba(canvas, { ...image, width: 1, data: image.data.subarray(4, 8) }, 2, 0);
    expect(pixel(canvas, 2, 0)).toEqual([0, 255, 0]);
    blendRgba(canvas, image, -2, 0);
    expect(pixel(canvas, 0, 0)).toEqual([150, 150, 150]);
  });

  it('hands back a canvas given back for the same size only', async () => {
    const pool = createCanvasPool(1);
    const first = await pool.take(4, 2);
    expect(first.data.length).toBe(24);
    pool.give(first);
    expect((await pool.take(2, 2)).data).not.toBe(first.data);
    expect((await pool.take(4, 2)).data).toBe(first.data);
    const fresh = await pool.take(4, 2);
    expect([fresh.data === first.data, fresh.data.length, fresh.width, fresh.height]).toEqual([
      false,
      24,
      4,
      2,
    ]);
  });
});
