/**
 * What lettering needs to know about a panel's picture: where the art is busy (the subject,
 * detail, texture) and where it is quiet, on a coarse grid over the picture's rectangle. Queries
 * are O(1) through summed-area tables, so placement can try thousands of spots per balloon.
 */
import type { Rect } from 'storyboard';

/** Detail energy and busy cells of one panel picture, on a grid over `region`. */
export interface ArtMap {
  /** The picture's rectangle on the page canvas, in pixels. */
  region: Rect;
  cols: number;
  rows: number;
  /** Cell size in canvas pixels. */
  cellW: number;
  cellH: number;
  /** 1 where the art is busy, row by row. */
  busy: Uint8Array;
  /** Detail energy per cell, 0 (flat) to 1 (the panel's busiest), row by row. */
  energy: Float32Array;
  /** Summed-area tables, `(cols + 1) × (rows + 1)`. */
  busySum: Float64Array;
  energySum: Float64Array;
  /** Nothing busy and no detail anywhere: every box measures 0 (placement before the pictures). */
  quiet: boolean;
}

/** An art map from per-cell values (`busy` 0/1, `energy` 0..1). */
export function createArtMap(
  region: Rect,
  cols: number,
  rows: number,
  busy: Uint8Array,
  energy: Float32Array,
): ArtMap {
  return {
    region,
    cols,
    rows,
    cellW: region.w / cols,
    cellH: region.h / rows,
    busy,
    energy,
    busySum: summedArea(busy, cols, rows),
    energySum: summedArea(energy, cols, rows),
    quiet: busy.every((v) => v === 0) && energy.every((v) => v === 0),
  };
}

/** An art map with nothing busy: what placement assumes before the pictures exist. */
export function quietArtMap(region: Rect): ArtMap {
  return createArtMap(region, 1, 1, new Uint8Array(1), new Float32Array(1));
}

function summedArea(values: ArrayLike<number>, cols: number, rows: number): Float64Array {
  const stride = cols + 1;
  const sum = new Float64Array(stride * (rows + 1));
  for (let r = 0; r < rows; r += 1) {
    let line = 0;
    for (let c = 0; c < cols; c += 1) {
      line += values[r * cols + c] as number;
      sum[(r + 1) * stride + c + 1] = (sum[r * stride + c + 1] as number) + line;
    }
  }
  return sum;
}

/** Area of `rect` in cell units. */
function cellArea(map: ArtMap, rect: Rect): number {
  return (rect.w / map.cellW) * (rect.h / map.cellH);
}

/** What {@link measureBoxInto} writes. */
export interface BoxMeasure {
  /** As {@link measureBusyShare} gives it. */
  busy: number;
  /** As {@link measureEnergy} gives it. */
  energy: number;
}

/**
 * Both tables summed over `rect` (canvas pixels), in cell units, into `out`: each corner's value
 * read bilinearly at fractional cell coordinates (so partial cells count in part), the corners'
 * cells and weights found once for both tables and nothing allocated.
 */
function sumsOver(map: ArtMap, rect: Rect, out: BoxMeasure): void {
  const { cols, rows, busySum, energySum } = map;
  const stride = cols + 1;
  const gx0 = (rect.x - map.region.x) / map.cellW;
  const gy0 = (rect.y - map.region.y) / map.cellH;
  const gx1 = gx0 + rect.w / map.cellW;
  const gy1 = gy0 + rect.h / map.cellH;
  let busy = 0;
  let energy = 0;
  // s(x1, y1) − s(x0, y1) − s(x1, y0) + s(x0, y0), in that order.
  for (let corner = 0; corner < 4; corner += 1) {
    const cx = Math.min(Math.max(corner === 0 || corner === 2 ? gx1 : gx0, 0), cols);
    const cy = Math.min(Math.max(corner < 2 ? gy1 : gy0, 0), rows);
    const x0 = Math.min(Math.floor(cx), cols - 1);
    const y0 = Math.min(Math.floor(cy), rows - 1);
    const fx = cx - x0;
    const fy = cy - y0;
    const i = y0 * stride + x0;
    const b =
      ((busySum[i] as number) * (1 - fx) + (busySum[i + 1] as number) * fx) * (1 - fy) +
      ((busySum[i + stride] as number) * (1 - fx) + (busySum[i + stride + 1] as number) * fx) * fy;
    const e =
      ((energySum[i] as number) * (1 - fx) + (energySum[i + 1] as number) * fx) * (1 - fy) +
      ((energySum[i + stride] as number) * (1 - fx) + (energySum[i + stride + 1] as number) * fx) *
        fy;
    if (corner === 0) {
      busy = b;
      energy = e;
    } else if (corner === 3) {
      busy += b;
      energy += e;
    } else {
      busy -= b;
      energy -= e;
    }
  }
  out.busy = busy;
  out.energy = energy;
}

// The single-figure measures below are synchronous: one scratch result serves them all.
const scratch: BoxMeasure = { busy: 0, energy: 0 };

/** The mean of one table under `rect` (canvas pixels): 0 to 1. */
function meanOver(map: ArtMap, rect: Rect, table: keyof BoxMeasure): number {
  if (map.quiet) return 0;
  const area = cellArea(map, rect);
  if (!(area > 0)) return 0;
  sumsOver(map, rect, scratch);
  return Math.max(0, scratch[table]) / area;
}

/** The part of `rect` (canvas pixels) over busy art, 0 to 1. */
export function measureBusyShare(map: ArtMap, rect: Rect): number {
  return meanOver(map, rect, 'busy');
}

/** Mean detail energy under `rect`, 0 to 1. */
export function measureEnergy(map: ArtMap, rect: Rect): number {
  return meanOver(map, rect, 'energy');
}

/** Busy area under `rect`, in canvas pixels squared. */
export function measureBusyArea(map: ArtMap, rect: Rect): number {
  if (map.quiet) return 0;
  sumsOver(map, rect, scratch);
  return Math.max(0, scratch.busy) * map.cellW * map.cellH;
}

/**
 * The busy share and the mean energy under `box` (canvas pixels) into `out`: the same figures as
 * {@link measureBusyShare} and {@link measureEnergy}, to the last bit, in one pass (placement
 * measures thousands of positions per box).
 */
export function measureBoxInto(map: ArtMap, box: Rect, out: BoxMeasure): void {
  const area = cellArea(map, box);
  if (!(area > 0)) {
    out.busy = 0;
    out.energy = 0;
    return;
  }
  sumsOver(map, box, out);
  out.busy = Math.max(0, out.busy) / area;
  out.energy = Math.max(0, out.energy) / area;
}

/** Whether the cell under a canvas point is busy (points outside the picture are not). */
export function isBusyAt(map: ArtMap, x: number, y: number): boolean {
  const c = Math.floor((x - map.region.x) / map.cellW);
  const r = Math.floor((y - map.region.y) / map.cellH);
  if (c < 0 || r < 0 || c >= map.cols || r >= map.rows) return false;
  return map.busy[r * map.cols + c] === 1;
}
