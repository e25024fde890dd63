import type { Character, Placement, Rect, SoundEffect } from 'storyboard';
import type { LetteringContext, Overflow } from '../../src/lettering/_context.js';
import { clamp, contains, inflate, overlaps } from '../../src/lettering/_rects.js';
import { angleToward, type Point, pointOnEllipse } from '../../src/lettering/balloon-shapes.js';
import { type BalloonDraft, balloonItem } from '../../src/lettering/balloons.js';
import { captionItem } from '../../src/lettering/captions.js';
import {
  noRoom,
  setBalloonFitting,
  setCaptionFitting,
  wordTooWide,
} from '../../src/lettering/fit-text.js';
import { isOverflow, type PanelText } from '../../src/lettering/letter-panel.js';
import { assignSides, type Side } from '../../src/lettering/placement/assign-sides.js';
import {
  draftSoundEffects,
  mirrorPlacement,
  SFX_ANCHORS,
  SFX_AUTO_ORDER,
  soundEffectItem,
} from '../../src/lettering/sound-effects.js';
import { normaliseText } from '../../src/lettering/text-setter.js';
import { layoutTitle } from '../../src/lettering/title.js';
import type { LetteringItem } from '../../src/lettering/types.js';

/** A panel lettered at one size. */
export interface LetteredPanel {
  /** In drawing order: sound effects, captions, balloons in reading order. */
  items: LetteringItem[];
  /** Fraction of the panel height covered from the top by captions and balloons. */
  coverage: number;
}

/** Longest tail, in ems of the dialogue size. */
const TAIL_MAX = 2.2;
type Band = 'top' | 'middle' | 'bottom';

/**
 * The placement compose used before it looked at the pictures, kept for the placement benchmark
 * to compare against. Letters one panel at dialogue size `sizePx`: top captions stacked at the reading-start corner,
 * bottom captions at the opposite bottom corner, balloons in reading order from the top (each on
 * its speaker's side, staggered so the order reads clearly), tails toward the speakers, then sound
 * effects where they cover no text. Returns an `Overflow` naming the first text with no room.
 */
export function letterPanelLegacy(
  ctx: LetteringContext,
  content: PanelText,
  region: Rect,
  sizePx: number,
  characters: Readonly<Record<string, Character>>,
): LetteredPanel | Overflow {
  const margin = 0.45 * sizePx;
  const gap = 0.3 * sizePx;
  const inner = inflate(region, -margin);
  const startsLeft = ctx.direction === 'ltr';
  const heading: LetteringItem[] = [];
  const bottomCaptions: LetteringItem[] = [];
  const placed: Rect[] = [];
  let top = inner.y;
  let bottom = inner.y + inner.h;

  if (content.title !== undefined) {
    const title = layoutTitle(ctx, normaliseText(content.title), region, inner);
    if (isOverflow(title)) return title;
    heading.push(title);
    placed.push(title.bounds);
    top = title.bounds.y + title.bounds.h + gap;
  }

  for (const caption of content.captions.filter((c) => c.position === 'top')) {
    const draft = setCaptionFitting(ctx, caption.text, sizePx, inner);
    if (draft === undefined) return wordTooWide(caption.text);
    const x = startsLeft ? inner.x : inner.x + inner.w - draft.w;
    const item = captionItem(ctx, draft, x, top, region);
    if (item.bounds.y + item.bounds.h > bottom) return noRoom(caption.text);
    heading.push(item);
    placed.push(item.bounds);
    top += draft.h + gap;
  }
  const atBottom = content.captions.filter((c) => c.position === 'bottom');
  for (const caption of [...atBottom].reverse()) {
    const draft = setCaptionFitting(ctx, caption.text, sizePx, inner);
    if (draft === undefined) return wordTooWide(caption.text);
    const x = startsLeft ? inner.x + inner.w - draft.w : inner.x;
    const y = bottom - draft.h;
    const item = captionItem(ctx, draft, x, y, region);
    if (placed.some((p) => overlaps(p, item.bounds)) || y < inner.y) return noRoom(caption.text);
    bottomCaptions.unshift(item);
    placed.push(item.bounds);
    bottom = y - gap;
  }
  const captionItems = [...heading, ...bottomCaptions];

  const sides = assignSides(content.dialogue, characters, ctx.direction);
  const balloons: Array<{ draft: BalloonDraft; rect: Rect; side: Side; band: Band }> = [];
  let previous: Rect | undefined;
  for (const [index, line] of content.dialogue.entries()) {
    const fitted = setBalloonFitting(ctx, line, sizePx, inner);
    if (isOverflow(fitted)) return fitted;
    const { draft, w, h } = fitted;
    const side = sides[index] as Side;
    const band = bandOf(line.position);
    const x =
      side === 'left'
        ? inner.x
        : side === 'right'
          ? inner.x + inner.w - w
          : inner.x + (inner.w - w) / 2;
    const rect =
      band === 'bottom'
        ? stackUp({ x, y: bottom - h, w, h }, placed, gap)
        : stackDown(
            {
              x,
              y:
                band === 'middle'
                  ? Math.max(top, inner.y + (inner.h - h) / 2)
                  : Math.max(top, staggeredTop(previous, x, w, startsLeft)),
              w,
              h,
            },
            placed,
            gap,
          );
    if (rect.y < inner.y - 0.01 || rect.y + rect.h > inner.y + inner.h + 0.01) {
      return noRoom(line.text);
    }
    // Keep the tail's room free: balloons below (or above, for bottom ones) stack past it.
    const tailRoom = TAIL_MAX * sizePx;
    placed.push(
      band === 'bottom'
        ? { ...rect, y: rect.y - tailRoom, h: rect.h + tailRoom }
        : { ...rect, h: rect.h + tailRoom },
    );
    balloons.push({ draft, rect, side, band });
    if (band !== 'bottom') previous = rect;
  }

  const balloonItems = balloons.map(({ draft, rect, side, band }) => {
    const cx = rect.x + rect.w / 2;
    const cy = rect.y + rect.h / 2;
    const tip = chooseTip(draft, cx, cy, side, band, region, inner, sizePx);
    return balloonItem(
      ctx,
      draft,
      cx,
      cy,
      tip && { base: { x: cx, y: cy }, tip, speaker: tip },
      region,
    );
  });

  const effects: LetteringItem[] = [];
  // Effects the script placed go first, so `auto` ones can keep clear of them.
  const ordered = [
    ...content.sfx.filter((s) => s.position !== 'auto'),
    ...content.sfx.filter((s) => s.position === 'auto'),
  ];
  for (const sfx of ordered) {
    const text = normaliseText(sfx.text);
    const effect = placeEffectLegacy(ctx, sfx, text, region, inner, placed);
    if (isOverflow(effect)) return effect;
    effects.push(effect);
    placed.push(effect.bounds);
  }

  const all = [...effects, ...captionItems, ...balloonItems];
  if (!all.every((item) => contains(region, item.bounds))) {
    const outside = all.find((item) => !contains(region, item.bounds)) as LetteringItem;
    return noRoom(outside.runs.map((r) => r.text).join(' '));
  }
  const topItems = [...captionItems, ...balloonItems].filter(
    (i) => i.bounds.y < region.y + region.h / 2,
  );
  const reach = Math.max(region.y, ...topItems.map((i) => i.bounds.y + i.bounds.h));
  return { items: all, coverage: (reach - region.y) / region.h };
}

/**
 * The highest a balloon may start so it reads after `previous`: a little lower when it sits
 * further along the reading direction, below most of `previous` when it sits before it.
 */
function staggeredTop(
  previous: Rect | undefined,
  x: number,
  w: number,
  startsLeft: boolean,
): number {
  if (previous === undefined) return Number.NEGATIVE_INFINITY;
  const centre = x + w / 2;
  const previousCentre = previous.x + previous.w / 2;
  const readsLater = startsLeft ? centre > previousCentre + 1 : centre < previousCentre - 1;
  return previous.y + previous.h * (readsLater ? 0.35 : 0.75);
}

/** Moves `rect` down until it overlaps nothing in `placed` (with `gap` between). */
function stackDown(rect: Rect, placed: readonly Rect[], gap: number): Rect {
  let current = rect;
  for (let guard = 0; guard < 64; guard += 1) {
    const hits = placed.filter((p) => overlaps(inflate(p, gap / 2), inflate(current, gap / 2)));
    if (hits.length === 0) return current;
    current = { ...current, y: Math.max(...hits.map((p) => p.y + p.h)) + gap };
  }
  return current;
}

/** Moves `rect` up until it overlaps nothing in `placed` (with `gap` between). */
function stackUp(rect: Rect, placed: readonly Rect[], gap: number): Rect {
  let current = rect;
  for (let guard = 0; guard < 64; guard += 1) {
    const hits = placed.filter((p) => overlaps(inflate(p, gap / 2), inflate(current, gap / 2)));
    if (hits.length === 0) return current;
    current = { ...current, y: Math.min(...hits.map((p) => p.y)) - gap - current.h };
  }
  return current;
}

function bandOf(position: Placement): Band {
  if (position.startsWith('bottom')) return 'bottom';
  if (position === 'left' || position === 'right' || position === 'center') return 'middle';
  return 'top';
}

/**
 * Where a balloon's tail ends: toward the speaker (below the balloon on the speaker's side, or
 * above it for balloons at the bottom), a couple of lines long, kept inside the panel. `undefined`
 * when there is no room for a tail.
 */
function chooseTip(
  draft: BalloonDraft,
  cx: number,
  cy: number,
  side: Side,
  band: Band,
  region: Rect,
  inner: Rect,
  sizePx: number,
): Point | undefined {
  const fx = side === 'left' ? 0.27 : side === 'right' ? 0.73 : 0.5;
  const ellipse = { cx, cy, rx: draft.rx + draft.outset, ry: draft.ry + draft.outset };
  const below = band !== 'bottom';
  const speaker = {
    x: region.x + fx * region.w,
    y: below
      ? Math.max(cy + ellipse.ry + 2 * sizePx, region.y + 0.62 * region.h)
      : Math.min(cy - ellipse.ry - 2 * sizePx, region.y + 0.4 * region.h),
  };
  const edge = pointOnEllipse(ellipse, angleToward(ellipse, speaker));
  const dx = speaker.x - edge.x;
  const dy = speaker.y - edge.y;
  const distance = Math.hypot(dx, dy) || 1;
  const length = clamp(distance * 0.5, 1.1 * sizePx, TAIL_MAX * sizePx);
  const tip = {
    x: clamp(edge.x + (dx / distance) * length, inner.x, inner.x + inner.w),
    y: clamp(edge.y + (dy / distance) * length, inner.y, inner.y + inner.h),
  };
  const nx = (tip.x - cx) / ellipse.rx;
  const ny = (tip.y - cy) / ellipse.ry;
  const outside = Math.hypot(nx, ny);
  return outside < 1 + (0.6 * sizePx) / Math.max(ellipse.rx, ellipse.ry) ? undefined : tip;
}

/** The old sound-effect placement: the script's anchor, or the first `auto` one clear of text. */
function placeEffectLegacy(
  ctx: LetteringContext,
  sfx: SoundEffect,
  text: string,
  region: Rect,
  inner: Rect,
  avoid: readonly Rect[],
): LetteringItem | Overflow {
  const draft = draftSoundEffects(ctx, sfx, text, region, inner)[0];
  if (draft === undefined) return { text, reason: 'the sound effect is too large for its panel' };
  const { box } = draft;
  const boundsAt = (placement: Exclude<Placement, 'auto'>): Rect => {
    const [fx, fy] = SFX_ANCHORS[placement];
    const cx = inner.x + fx * inner.w;
    const cy = inner.y + fy * inner.h;
    return {
      x: clamp(cx - box.w / 2, inner.x, inner.x + inner.w - box.w),
      y: clamp(cy - box.h / 2, inner.y, inner.y + inner.h - box.h),
      w: box.w,
      h: box.h,
    };
  };
  let bounds: Rect;
  if (sfx.position === 'auto') {
    const candidates = SFX_AUTO_ORDER.map((p) => boundsAt(mirrorPlacement(p, ctx.direction)));
    bounds = candidates.find((c) => !avoid.some((a) => overlaps(a, c))) ?? (candidates[0] as Rect);
  } else {
    bounds = boundsAt(sfx.position);
  }
  return soundEffectItem(ctx, draft, bounds, region);
}
