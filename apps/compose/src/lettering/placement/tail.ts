/**
 * Where a balloon's tail ends: on the line from the balloon toward the speaker's head, stopping
 * near the speaker: at the edge of the busy art around them (the figure), short of any other
 * lettering, or a little before the head itself, whichever comes first.
 */
import type { Rect } from 'storyboard';
import { hypot } from '../_hypot.js';
import { type ArtMap, isBusyAt } from '../art/art-map.js';
import { angleToward, type Ellipse, type Point, pointOnEllipse } from '../balloon-shapes.js';

/** A tail: where it leaves the balloon and where its tip is. */
export interface TailLine {
  base: Point;
  tip: Point;
}

/** The tip stays this many ems from the speaker's head. */
const STOP_BEFORE_HEAD = 0.8;
/** Shortest tail worth drawing, in ems. */
const MIN_TAIL = 0.9;
/** Longest tail, as a part of the panel's diagonal. */
const MAX_TAIL = 0.4;
/** Longest tail toward a speaker whose place is only a guess, in ems. */
const MAX_GUESSED_TAIL = 2.2;

/**
 * The tail of a balloon (`outline`: its ellipse with any puffs or spikes) aimed at `speaker`,
 * kept inside `inner` and out of `obstacles`; `undefined` when the speaker is under the balloon
 * or there is no room for a tail. A `guessed` speaker (nothing placed them) gets a short tail
 * pointing their way.
 */
export function aimTail(
  outline: Ellipse,
  speaker: Point,
  map: ArtMap,
  inner: Rect,
  obstacles: readonly Rect[],
  sizePx: number,
  guessed = false,
): TailLine | undefined {
  const base = pointOnEllipse(outline, angleToward(outline, speaker));
  const dx = speaker.x - base.x;
  const dy = speaker.y - base.y;
  const distance = hypot(dx, dy);
  const inside =
    ((speaker.x - outline.cx) / outline.rx) ** 2 + ((speaker.y - outline.cy) / outline.ry) ** 2 <=
    1;
  if (inside || distance < MIN_TAIL * sizePx) return undefined;
  const ux = dx / distance;
  const uy = dy / distance;
  const longest = Math.min(
    distance - STOP_BEFORE_HEAD * sizePx,
    guessed ? MAX_GUESSED_TAIL * sizePx : MAX_TAIL * hypot(inner.w, inner.h),
  );
  const step = 0.25 * sizePx;
  const shortest = Math.min(MIN_TAIL * sizePx, Math.max(0, longest));
  let length = 0;
  for (let t = step; t <= Math.max(longest, shortest); t += step) {
    const p = { x: base.x + ux * t, y: base.y + uy * t };
    if (!within(inner, p) || obstacles.some((o) => within(o, p))) break;
    length = t;
    if (t >= shortest && isBusyAt(map, p.x, p.y)) break;
  }
  if (length < 0.6 * sizePx) return undefined;
  const tip = { x: base.x + ux * length, y: base.y + uy * length };
  return within(inner, tip) ? { base, tip } : undefined;
}

function within(rect: Rect, p: Point): boolean {
  return p.x >= rect.x && p.x <= rect.x + rect.w && p.y >= rect.y && p.y <= rect.y + rect.h;
}
