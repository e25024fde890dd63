import { expect, it } from 'vitest';
import { inflate, overlaps } from '../_rects.js';
import { type ArtMap, createArtMap, measureBoxInto, quietArtMap } from '../art/art-map.js';
import { findSpot, type Spot, type SpotRules } from './find-spot.js';
import { segmentHitsRect } from './geometry.js';

/**
 * The search as first written: every grid position measured, in order, ties keeping the first.
 * `findSpot` skips positions this would refuse or find no better, so both must agree exactly.
 */
function scanEveryPosition(w: number, h: number, rules: SpotRules): Spot | undefined {
  const { area, step, map } = rules;
  if (w > area.w + 0.01 || h > area.h + 0.01) return undefined;
  const grid = (low: number, high: number) => {
    if (high < low) return [low];
    const out: number[] = [];
    for (let v = low; v < high; v += step) out.push(v);
    out.push(high);
    return out;
  };
  const diagonal = Math.hypot(area.w, area.h) || 1;
  const blocked = rules.obstacles.map((o) => inflate(o, rules.gap));
  let best: Spot | undefined;
  for (const y of grid(area.y, area.y + area.h - h)) {
    const onEdgeY = y <= area.y + 0.01 || y >= area.y + area.h - h - 0.01;
    for (const x of grid(area.x, area.x + area.w - w)) {
      const onEdgeX = x <= area.x + 0.01 || x >= area.x + area.w - w - 0.01;
      if (rules.edgesOnly && !onEdgeX && !onEdgeY) continue;
      const distance =
        Math.hypot(x + w / 2 - rules.prefer.x, y + h / 2 - rules.prefer.y) / diagonal;
      const rect = { x, y, w, h };
      let busy = 0;
      let cost = 2 * distance;
      if (!map.quiet) {
        const measured = { busy: 0, energy: 0 };
        measureBoxInto(map, rect, measured);
        busy = measured.busy;
        if (busy > rules.maxBusy) continue;
        cost = 8 * busy + measured.energy + cost;
      }
      if (best !== undefined && cost >= best.cost) continue;
      if (blocked.some((o) => overlaps(o, rect))) continue;
      if (rules.tails.some(([a, b]) => segmentHitsRect(a, b, inflate(rect, rules.gap / 2)))) {
        continue;
      }
      if (rules.accept !== undefined && !rules.accept(rect)) continue;
      best = { rect, busy, cost };
    }
  }
  return best;
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function randomFrom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function busyArt(random: () => number, region: SpotRules['area']): ArtMap {
  const cols = 12;
  const rows = 9;
  const busy = Uint8Array.from({ length: cols * rows }, () => (random() < 0.3 ? 1 : 0));
  const energy = Float32Array.from({ length: cols * rows }, () => random());
  return createArtMap(region, cols, rows, busy, energy);
}

it('finds exactly the spot a scan of every position finds, over 600 random panels', () => {
  const random = randomFrom(20261201);
  const between = (low: number, high: number) => low + random() * (high - low);
  for (let trial = 0; trial < 600; trial += 1) {
    const area = {
      x: between(0, 40),
      y: between(0, 40),
      w: between(120, 500),
      h: between(90, 400),
    };
    const w = between(20, area.w * 0.7);
    const h = between(15, area.h * 0.6);
    const obstacles = Array.from({ length: Math.floor(between(0, 6)) }, () => ({
      x: between(area.x - 20, area.x + area.w),
      y: between(area.y - 20, area.y + area.h),
      w: between(10, 160),
      h: between(10, 120),
    }));
    const tails = Array.from({ length: Math.floor(between(0, 3)) }, () => [
      { x: between(area.x, area.x + area.w), y: between(area.y, area.y + area.h) },
      { x: between(area.x, area.x + area.w), y: between(area.y, area.y + area.h) },
    ]) as unknown as SpotRules['tails'];
    const readsAfter = between(area.y, area.y + area.h * 0.5);
    const rules: SpotRules = {
      map: trial % 2 === 0 ? quietArtMap(area) : busyArt(random, area),
      area,
      obstacles,
      tails,
      gap: between(0, 12),
      prefer: { x: between(area.x, area.x + area.w), y: between(area.y, area.y + area.h) },
      step: [2, 4, 6.5, 8][trial % 4] as number,
      maxBusy: trial % 3 === 0 ? 1 : between(0.05, 0.6),
      edgesOnly: trial % 5 === 0,
      accept: trial % 3 === 1 ? (rect) => rect.y + rect.h / 2 >= readsAfter : undefined,
    };
    expect(findSpot(w, h, rules), `trial ${trial}`).toEqual(scanEveryPosition(w, h, rules));
  }
});
