/** Segment and rectangle tests for placement (float pixels). */
import type { Rect } from 'storyboard';
import type { Point } from '../balloon-shapes.js';

/** Whether the segment from `a` to `b` crosses or touches the inside of `rect`. */
export function segmentHitsRect(a: Point, b: Point, rect: Rect): boolean {
  // Liang–Barsky clipping: the segment meets the rectangle when a parameter range survives.
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  // The left, right, top and bottom edges in turn, each as (p, q): no array per call, as
  // placement tests every candidate box against every tail.
  for (let edge = 0; edge < 4; edge += 1) {
    const p = edge === 0 ? -dx : edge === 1 ? dx : edge === 2 ? -dy : dy;
    const q =
      edge === 0
        ? a.x - rect.x
        : edge === 1
          ? rect.x + rect.w - a.x
          : edge === 2
            ? a.y - rect.y
            : rect.y + rect.h - a.y;
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** Area shared by two rectangles. */
export function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The part of `a` inside `b`, or `undefined` when they do not meet. */
export function intersectRects(a: Rect, b: Rect): Rect | undefined {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const w = Math.min(a.x + a.w, b.x + b.w) - x;
  const h = Math.min(a.y + a.h, b.y + b.h) - y;
  return w > 0 && h > 0 ? { x, y, w, h } : undefined;
}
