/** Connected busy areas of an art map: where the subjects of a picture are. */
import type { Rect } from 'storyboard';
import type { ArtMap } from './art-map.js';

/** One connected busy area, in canvas pixels. */
export interface BusyRegion {
  bounds: Rect;
  /** Busy cells in it. */
  cells: number;
  /** Centre of its busy cells. */
  cx: number;
  cy: number;
}

/** Each map's regions, found once: a panel is lettered at several sizes over the same map. */
const regionsOfMap = new WeakMap<ArtMap, readonly BusyRegion[]>();

/** Busy areas (4-connected cells), largest first; ties in scan order, so the result is stable. */
export function findBusyRegions(map: ArtMap): readonly BusyRegion[] {
  let regions = regionsOfMap.get(map);
  if (regions === undefined) {
    regions = scanBusyRegions(map);
    regionsOfMap.set(map, regions);
  }
  return regions;
}

function scanBusyRegions(map: ArtMap): BusyRegion[] {
  const { cols, rows, busy } = map;
  const seen = new Uint8Array(cols * rows);
  const regions: BusyRegion[] = [];
  const stack: number[] = [];
  for (let start = 0; start < busy.length; start += 1) {
    if (busy[start] !== 1 || seen[start] === 1) continue;
    seen[start] = 1;
    stack.push(start);
    let cells = 0;
    let sx = 0;
    let sy = 0;
    let c0 = cols;
    let r0 = rows;
    let c1 = -1;
    let r1 = -1;
    while (stack.length > 0) {
      const i = stack.pop() as number;
      const c = i % cols;
      const r = (i - c) / cols;
      cells += 1;
      sx += c;
      sy += r;
      c0 = Math.min(c0, c);
      r0 = Math.min(r0, r);
      c1 = Math.max(c1, c);
      r1 = Math.max(r1, r);
      // The neighbours left, right, above and below, in that order.
      for (let side = 0; side < 4; side += 1) {
        let n = -1;
        if (side === 0) n = c > 0 ? i - 1 : -1;
        else if (side === 1) n = c < cols - 1 ? i + 1 : -1;
        else if (side === 2) n = r > 0 ? i - cols : -1;
        else n = r < rows - 1 ? i + cols : -1;
        if (n >= 0 && busy[n] === 1 && seen[n] !== 1) {
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
    const { region, cellW, cellH } = map;
    regions.push({
      bounds: {
        x: region.x + c0 * cellW,
        y: region.y + r0 * cellH,
        w: (c1 - c0 + 1) * cellW,
        h: (r1 - r0 + 1) * cellH,
      },
      cells,
      cx: region.x + (sx / cells + 0.5) * cellW,
      cy: region.y + (sy / cells + 0.5) * cellH,
    });
  }
  return regions.sort((a, b) => b.cells - a.cells);
}
