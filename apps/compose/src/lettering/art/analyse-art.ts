/**
 * Finds where a panel's picture is busy from its pixels as they sit on the page: detail energy
 * (gradient magnitude at half resolution, so hatching and texture count, flat colour does not)
 * averaged into a coarse grid, smoothed, and thresholded against the panel's own level.
 */
import type { Rect } from 'storyboard';
import type { RawPixels } from '../../raw-canvas.js';
import { type ArtMap, createArtMap } from './art-map.js';

/** Grid cells along the picture's shorter side. */
const CELLS_ON_SHORT_SIDE = 48;
/** Mean gradient (0–255 luminance per pixel) below which a cell is never busy. */
const MIN_BUSY_ENERGY = 6;
/** A cell is busy above this share of the panel's 90th-percentile energy. */
const RELATIVE_THRESHOLD = 0.45;
/** Radius, in cells, of the mean that smooths energy: thin lines fade, texture stays. */
const SMOOTH_RADIUS = 2;

/**
 * The art map of a fitted panel picture (`pixels`: RGB, exactly `region`'s size) placed at
 * `region` on the canvas. Deterministic: the same pixels give the same map.
 */
export function analyseArt(pixels: RawPixels, region: Rect): ArtMap {
  const { width, height } = pixels;
  const cell = Math.max(2, Math.min(width, height) / CELLS_ON_SHORT_SIDE);
  const cols = Math.max(1, Math.round(width / cell));
  const rows = Math.max(1, Math.round(height / cell));
  const raw = gradientCells(pixels, cols, rows);
  const smooth = boxMean(raw, cols, rows, SMOOTH_RADIUS);
  const threshold = Math.max(MIN_BUSY_ENERGY, RELATIVE_THRESHOLD * percentile(smooth, 0.9));
  let peak = threshold;
  for (let i = 0; i < smooth.length; i += 1) peak = Math.max(peak, smooth[i] as number);
  const busy = new Uint8Array(cols * rows);
  const energy = new Float32Array(cols * rows);
  for (let i = 0; i < busy.length; i += 1) {
    const value = smooth[i] as number;
    busy[i] = value > threshold ? 1 : 0;
    energy[i] = value / peak;
  }
  return createArtMap(region, cols, rows, busy, energy);
}

/**
 * Mean gradient magnitude per grid cell, measured on the picture's luminance at half size.
 * It reads every pixel of every panel on the main thread, so the loops walk the pixels by offset,
 * a row's pixels cell by cell (each cell's run of columns summed in a local), and the cell sums are
 * rounded to 32 bits after every pixel: every value is computed in the same order and rounded at
 * the same steps as `0.299 r + 0.587 g + 0.114 b` per pixel, the mean of four, and cell sums in
 * row order kept in a `Float32Array`, so the maps (and the lettering placed by them) stay the same
 * to the bit.
 * @internal
 */
export function gradientCells(pixels: RawPixels, cols: number, rows: number): Float32Array {
  const { width, height } = pixels;
  const hw = Math.max(1, width >> 1);
  const hh = Math.max(1, height >> 1);
  const luma = halfLuma(pixels, hw, hh);
  // Columns 1 … hw − 2 are measured; cell c takes those from runStart[c] up to runStart[c + 1].
  const runStart = new Int32Array(cols + 1);
  for (let c = 0, x = 1; c <= cols; c += 1) {
    while (x < hw - 1 && Math.min(cols - 1, Math.floor((x * cols) / hw)) < c) x += 1;
    runStart[c] = c === cols ? Math.max(1, hw - 1) : x;
  }
  const rowCount = new Int32Array(rows);
  const total = new Float32Array(cols * rows);
  for (let y = 1; y < hh - 1; y += 1) {
    const r = Math.min(rows - 1, Math.floor((y * rows) / hh));
    rowCount[r] = (rowCount[r] as number) + 1;
    const row = y * hw;
    for (let c = 0, k = r * cols; c < cols; c += 1, k += 1) {
      const end = row + (runStart[c + 1] as number);
      let sum = total[k] as number;
      for (let i = row + (runStart[c] as number); i < end; i += 1) {
        sum = Math.fround(
          sum +
            Math.abs((luma[i + 1] as number) - (luma[i - 1] as number)) +
            Math.abs((luma[i + hw] as number) - (luma[i - hw] as number)),
        );
      }
      total[k] = sum;
    }
  }
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < cols; c += 1) {
      const n = (rowCount[r] as number) * ((runStart[c + 1] as number) - (runStart[c] as number));
      const k = r * cols + c;
      total[k] = n > 0 ? (total[k] as number) / n : 0;
    }
  }
  return total;
}

/**
 * Luminance at half size (`hw × hh`), each value the mean of a 2 × 2 block; a picture one pixel
 * wide or high repeats its last column or row. Written into a scratch buffer.
 */
function halfLuma(pixels: RawPixels, hw: number, hh: number): Float32Array {
  const { data, width, height } = pixels;
  const channels = data.length / (width * height);
  const luma = lumaScratch(hw * hh);
  const right = width > 1 ? channels : 0;
  const stride = width * channels;
  for (let y = 0; y < hh; y += 1) {
    const below = 2 * y + 1 < height ? stride : 0;
    let out = y * hw;
    for (let a = 2 * y * stride, end = a + 2 * hw * channels; a < end; a += 2 * channels) {
      const b = a + below;
      let sum = lumaAt(data, a);
      sum += lumaAt(data, a + right);
      sum += lumaAt(data, b);
      sum += lumaAt(data, b + right);
      luma[out] = sum / 4;
      out += 1;
    }
  }
  return luma;
}

/** Luminance (Rec. 601 weights) of the pixel whose red value is at `i`. */
function lumaAt(data: RawPixels['data'], i: number): number {
  return (
    0.299 * (data[i] as number) + 0.587 * (data[i + 1] as number) + 0.114 * (data[i + 2] as number)
  );
}

// Each panel's half-size luminance (about 1 MB at 300 dpi) is only read within `gradientCells`,
// which runs synchronously: one buffer, grown as needed, serves every panel instead of a new one
// per panel for the garbage collector to reclaim.
let scratch = new Float32Array(0);

/** A scratch buffer of `length` values (their content undefined until written). */
function lumaScratch(length: number): Float32Array {
  if (scratch.length < length) scratch = new Float32Array(length);
  return scratch.subarray(0, length);
}

/** Mean over a `(2r + 1)²` window, clipped at the edges. */
function boxMean(values: Float32Array, cols: number, rows: number, r: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let y = 0; y < rows; y += 1) {
    for (let x = 0; x < cols; x += 1) {
      let sum = 0;
      let n = 0;
      for (let yy = Math.max(0, y - r); yy <= Math.min(rows - 1, y + r); yy += 1) {
        for (let xx = Math.max(0, x - r); xx <= Math.min(cols - 1, x + r); xx += 1) {
          sum += values[yy * cols + xx] as number;
          n += 1;
        }
      }
      out[y * cols + x] = sum / n;
    }
  }
  return out;
}

function percentile(values: Float32Array, p: number): number {
  const sorted = Float32Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}
