/**
 * Searches a panel for the best place for one box of lettering: every position on a grid of
 * `step` pixels inside the allowed area, scored by the busy art and detail under it and its
 * distance from where it wants to be; positions that collide with placed lettering, cross a
 * placed tail, break the reading order or cover too much busy art are refused.
 */
import type { Rect } from 'storyboard';
import { hypot } from '../_hypot.js';
import { inflate, overlaps } from '../_rects.js';
import { type ArtMap, type BoxMeasure, measureBoxInto } from '../art/art-map.js';
import type { Point } from '../balloon-shapes.js';
import { segmentHitsRect } from './geometry.js';

/** What a box must respect, and what it prefers. */
export interface SpotRules {
  map: ArtMap;
  /** The box lies inside this rectangle. */
  area: Rect;
  /** Lettering already placed, and anything else the box must not cover. */
  obstacles: readonly Rect[];
  /** Tails already drawn, as segments from balloon to tip. */
  tails: ReadonlyArray<readonly [Point, Point]>;
  /** Space kept between the box and every obstacle. */
  gap: number;
  /** Where the box's centre would ideally be. */
  prefer: Point;
  /** Grid step of the search, in pixels. */
  step: number;
  /** Largest part of the box allowed over busy art (1: any). */
  maxBusy: number;
  /** Only positions touching an edge of `area` (the last resort before covering the art). */
  edgesOnly: boolean;
  /** Further test a position must pass (the reading order). */
  accept?: ((rect: Rect) => boolean) | undefined;
}

/** A chosen position. */
export interface Spot {
  rect: Rect;
  /** Part of the box over busy art. */
  busy: number;
  cost: number;
}

const BUSY_WEIGHT = 8;
const ENERGY_WEIGHT = 1;
const DISTANCE_WEIGHT = 2;

/**
 * The lowest-cost position for a `w × h` box under `rules`, or `undefined` when none is allowed.
 * Deterministic: positions are tried in a fixed order and ties keep the first.
 */
export function findSpot(w: number, h: number, rules: SpotRules): Spot | undefined {
  const { area, step } = rules;
  if (w > area.w + 0.01 || h > area.h + 0.01) return undefined;
  const xs = positions(area.x, area.x + area.w - w, step);
  const ys = positions(area.y, area.y + area.h - h, step);
  const diagonal = hypot(area.w, area.h) || 1;
  const blocked = rules.obstacles.map((o) => inflate(o, rules.gap));
  const { map } = rules;
  const measured: BoxMeasure = { busy: 0, energy: 0 };
  // Moved from position to position: nothing is allocated per position measured.
  const box = { x: 0, y: 0, w, h };
  let best: Spot | undefined;
  for (const y of ys) {
    const dy = y + h / 2 - rules.prefer.y;
    // Every cost is at least the distance's share, so once a spot is found only positions
    // within its cost's distance can beat it: rows and columns beyond are not visited at all.
    // (A little slack keeps rounding from ever skipping a position the test below would keep.)
    const reach =
      best === undefined
        ? Infinity
        : ((best.cost * diagonal) / DISTANCE_WEIGHT) * (1 + 1e-9) + 1e-9;
    if (Math.abs(dy) > reach) continue;
    const halfSpan = Math.sqrt(reach * reach - dy * dy);
    const fromX = rules.prefer.x - w / 2 - halfSpan;
    const toX = rules.prefer.x - w / 2 + halfSpan;
    const onEdgeY = y <= area.y + 0.01 || y >= area.y + area.h - h - 0.01;
    for (let i = firstAtOrAfter(xs, fromX, step); i < xs.length; i += 1) {
      const x = xs[i] as number;
      if (x > toX) break;
      const onEdgeX = x <= area.x + 0.01 || x >= area.x + area.w - w - 0.01;
      if (rules.edgesOnly && !onEdgeX && !onEdgeY) continue;
      const distance = hypot(x + w / 2 - rules.prefer.x, dy) / diagonal;
      let busy = 0;
      // Over quiet art (before the pictures exist) only the distance counts: thousands of
      // positions per box are then compared without building or measuring a rectangle.
      let cost = DISTANCE_WEIGHT * distance;
      // Busy art and detail only add to the cost: a position already no better on distance
      // alone is passed over without measuring the art under it.
      if (best !== undefined && cost >= best.cost) continue;
      box.x = x;
      box.y = y;
      if (!map.quiet) {
        measureBoxInto(map, box, measured);
        busy = measured.busy;
        if (busy > rules.maxBusy) continue;
        cost = BUSY_WEIGHT * busy + ENERGY_WEIGHT * measured.energy + cost;
      }
      if (best !== undefined && cost >= best.cost) continue;
      const obstacle = firstOverlapping(blocked, box);
      if (obstacle !== undefined) {
        // The positions further along the row up to the obstacle's far edge overlap it too.
        while (i + 1 < xs.length && (xs[i + 1] as number) < obstacle.x + obstacle.w) i += 1;
        continue;
      }
      const rect = { x, y, w, h };
      if (rules.tails.length > 0 && crossesTail(rules.tails, inflate(rect, rules.gap / 2))) {
        continue;
      }
      if (rules.accept !== undefined && !rules.accept(rect)) continue;
      best = { rect, busy, cost };
    }
  }
  return best;
}

function firstOverlapping(rects: readonly Rect[], box: Rect): Rect | undefined {
  for (const rect of rects) if (overlaps(rect, box)) return rect;
  return undefined;
}

function crossesTail(tails: SpotRules['tails'], rect: Rect): boolean {
  for (const [a, b] of tails) if (segmentHitsRect(a, b, rect)) return true;
  return false;
}

/**
 * The index of the first of the ascending grid `positions` (spaced `step` apart, the last one
 * possibly closer) at or after `value`.
 */
function firstAtOrAfter(positions: readonly number[], value: number, step: number): number {
  const first = positions[0] as number;
  if (!(value > first)) return 0;
  let i = Math.min(positions.length - 1, Math.floor((value - first) / step));
  while (i > 0 && (positions[i - 1] as number) >= value) i -= 1;
  while (i < positions.length && (positions[i] as number) < value) i += 1;
  return i;
}

/** Grid positions from `low` to `high`, both included. */
function positions(low: number, high: number, step: number): number[] {
  if (high < low) return [low];
  const out: number[] = [];
  for (let v = low; v < high; v += step) out.push(v);
  out.push(high);
  return out;
}
