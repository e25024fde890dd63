/** Rectangle helpers for lettering placement (float pixels). @internal */
import type { Rect } from 'storyboard';

/** Whether two rectangles overlap (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** A rectangle grown by `by` on every side. */
export function inflate(rect: Rect, by: number): Rect {
  return { x: rect.x - by, y: rect.y - by, w: rect.w + 2 * by, h: rect.h + 2 * by };
}

/** Whether `inner` lies inside `outer`, give or take `e` pixels (by default, rounding). */
export function contains(outer: Rect, inner: Rect, e = 0.01): boolean {
  return (
    inner.x >= outer.x - e &&
    inner.y >= outer.y - e &&
    inner.x + inner.w <= outer.x + outer.w + e &&
    inner.y + inner.h <= outer.y + outer.h + e
  );
}

/** The smallest rectangle holding all of `rects`. */
export function unionOf(rects: readonly Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined;
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.w);
    y1 = Math.max(y1, r.y + r.h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Moves `rect` (keeping its size) so it lies inside `outer` where possible. */
export function clampInto(rect: Rect, outer: Rect): Rect {
  const x = Math.min(Math.max(rect.x, outer.x), outer.x + outer.w - rect.w);
  const y = Math.min(Math.max(rect.y, outer.y), outer.y + outer.h - rect.h);
  return { x, y, w: rect.w, h: rect.h };
}

/** Clamps a value into `[low, high]` (`low` wins when they cross). */
export function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}
