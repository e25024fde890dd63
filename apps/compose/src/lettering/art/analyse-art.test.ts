import { describe, expect, it } from 'vitest';
import type { RawPixels } from '../../raw-canvas.js';
import { gradientCells } from './analyse-art.js';

/**
 * The gradient energy per cell written the plain way: each pixel's cell computed, its luminance
 * from the formula, the cell's total read, added to and stored in a `Float32Array` per pixel.
 */
function plainGradientCells(pixels: RawPixels, cols: number, rows: number): Float32Array {
  const { data, width, height } = pixels;
  const hw = Math.max(1, width >> 1);
  const hh = Math.max(1, height >> 1);
  const at = (x: number, y: number) => {
    const i = (Math.min(y, height - 1) * width + Math.min(x, width - 1)) * 3;
    return (
      0.299 * (data[i] as number) +
      0.587 * (data[i + 1] as number) +
      0.114 * (data[i + 2] as number)
    );
  };
  const luma = new Float32Array(hw * hh);
  for (let y = 0; y < hh; y += 1) {
    for (let x = 0; x < hw; x += 1) {
      let sum = at(2 * x, 2 * y);
      sum += at(2 * x + 1, 2 * y);
      sum += at(2 * x, 2 * y + 1);
      sum += at(2 * x + 1, 2 * y + 1);
      luma[y * hw + x] = sum / 4;
    }
  }
  const total = new Float32Array(cols * rows);
  const count = new Int32Array(cols * rows);
  for (let y = 1; y < hh - 1; y += 1) {
    for (let x = 1; x < hw - 1; x += 1) {
      const k =
        Math.min(rows - 1, Math.floor((y * rows) / hh)) * cols +
        Math.min(cols - 1, Math.floor((x * cols) / hw));
      const i = y * hw + x;
      total[k] =
        (total[k] as number) +
        Math.abs((luma[i + 1] as number) - (luma[i - 1] as number)) +
        Math.abs((luma[i + hw] as number) - (luma[i - hw] as number));
      count[k] = (count[k] as number) + 1;
    }
  }
  return total.map((value, k) => ((count[k] as number) > 0 ? value / (count[k] as number) : 0));
}

/** A deterministic picture: noise, hatching or flat colour in bands. */
function picture(width: number, height: number, seed: number): RawPixels {
  const data = Buffer.alloc(width * height * 3);
  let state = seed;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      state = (state * 1103515245 + 12345) >>> 0;
      const band = Math.floor((y * 3) / height);
      const value = band === 0 ? state >>> 24 : band === 1 ? ((x + y) % 7 < 2 ? 20 : 230) : 128;
      const i = (y * width + x) * 3;
      data[i] = value;
      data[i + 1] = band === 2 ? value : (value * 3 + x) & 255;
      data[i + 2] = band === 2 ? value : (value + y) & 255;
    }
  }
  return { data, width, height };
}

describe('gradientCells', () => {
  it('measures each cell exactly as the plain per-pixel computation does', () => {
    const sizes = [
      [1, 1],
      [2, 3],
      [3, 2],
      [5, 97],
      [97, 5],
      [96, 96],
      [150, 37],
      [301, 211],
      [640, 480],
    ] as const;
    sizes.forEach(([width, height], seed) => {
      const pixels = picture(width, height, seed + 1);
      for (const [cols, rows] of [
        [1, 1],
        [7, 5],
        [48, 64],
        [width + 3, height + 2],
      ] as const) {
        const measured = Array.from(gradientCells(pixels, cols, rows));
        expect({ width, height, cols, rows, measured }).toEqual({
          width,
          height,
          cols,
          rows,
          measured: Array.from(plainGradientCells(pixels, cols, rows)),
        });
      }
    });
  });

  it('finds energy in hatching and none in flat colour', () => {
    // Six rows of cells over three bands: noise, hatching, flat grey.
    const cells = gradientCells(picture(300, 300, 7), 1, 6);
    expect(cells[2]).toBeGreaterThan(10);
    expect(cells[5]).toBe(0);
  });
});
