import type { Caption, Character, DialogueLine, Placement, Rect, SoundEffect } from 'storyboard';
import type { LetteringContext, Overflow } from './_context.js';
import { clamp, contains, inflate, overlaps } from './_rects.js';
import { angleToward, type Point, pointOnEllipse } from './balloon-shapes.js';
import { type BalloonDraft, balloonItem, balloonSize, setBalloon } from './balloons.js';
import { type CaptionDraft, captionItem, setCaption } from './captions.js';
import { layoutSoundEffect } from './sound-effects.js';
import { normaliseText } from './text-setter.js';
import { layoutTitle } from './title.js';
import type { LetteringItem } from './types.js';

/** The lettering of one panel (or of the cover), as the script gives it. */
export interface PanelText {
  captions: readonly Caption[];
  dialogue: readonly DialogueLine[];
  sfx: readonly SoundEffect[];
  /** Cover title. */
  title?: string;
}

/** A panel lettered at one size. */
export interface LetteredPanel {
  /** In drawing order: sound effects, captions, balloons in reading order. */
  items: LetteringItem[];
  /** Fraction of the panel height covered from the top by captions and balloons. */
  coverage: number;
}

type Side = 'left' | 'center' | 'right';

/** Longest tail, in ems of the dialogue size. */
const TAIL_MAX = 2.2;
type Band = 'top' | 'middle' | 'bottom';

/**
 * Letters one panel at dialogue size `sizePx`: top captions stacked at the reading-start corner,
 * bottom captions at the opposite bottom corner, balloons in reading order from the top (each on
 * its speaker's side, staggered so the order reads clearly), tails toward the speakers, then sound
 * effects where they cover no text. Returns an `Overflow` naming the first text with no room.
 */
export function letterPanel(
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
    const text = normaliseText(line.text);
    const draft =
      setBalloon(ctx, line, text, sizePx, inner.w * ctx.options.balloonMaxWidth) ??
      setBalloon(ctx, line, text, sizePx, inner.w * 0.92);
    if (draft === undefined) return wordTooWide(line.text);
    const side = sides[index] as Side;
    const band = bandOf(line.position);
    const { w, h } = balloonSize(draft);
    if (w > inner.w + 0.01) return wordTooWide(line.text);
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
    return balloonItem(ctx, draft, cx, cy, tip, region);
  });

  const effects: LetteringItem[] = [];
  // Effects the script placed go first, so `auto` ones can keep clear of them.
  const ordered = [
    ...content.sfx.filter((s) => s.position !== 'auto'),
    ...content.sfx.filter((s) => s.position === 'auto'),
  ];
  for (const sfx of ordered) {
    const text = normaliseText(sfx.text);
    const effect = layoutSoundEffect(ctx, sfx, text, region, inner, placed);
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

/** Whether a step returned an `Overflow` instead of an item. */
export function isOverflow<T extends object>(value: T | Overflow): value is Overflow {
  return 'reason' in value;
}

function setCaptionFitting(
  ctx: LetteringContext,
  text: string,
  sizePx: number,
  inner: Rect,
): CaptionDraft | undefined {
  const clean = normaliseText(text);
  return setCaption(ctx, clean, sizePx, inner.w * 0.75) ?? setCaption(ctx, clean, sizePx, inner.w);
}

function wordTooWide(text: string): Overflow {
  return { text, reason: 'a word is wider than the panel even at the smallest size' };
}

function noRoom(text: string): Overflow {
  return { text, reason: 'the panel has no room left for it even at the smallest size' };
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

function horizontalOf(position: Placement): Side | undefined {
  if (position === 'auto') return undefined;
  if (position.endsWith('left')) return 'left';
  if (position.endsWith('right')) return 'right';
  return 'center';
}

/**
 * The side of the panel each line's balloon goes on (and its tail points to): the line's own
 * position, else the speaker's `side`, else the side opposite the previous speaker's, starting on
 * the reading-start side (left, or right for right-to-left). A speaker keeps one side per panel.
 */
export function assignSides(
  lines: readonly DialogueLine[],
  characters: Readonly<Record<string, Character>>,
  direction: 'ltr' | 'rtl',
): Side[] {
  const start: Side = direction === 'rtl' ? 'right' : 'left';
  // Sides the script pins (by position or character), so unpinned speakers can take the other.
  const pinned = new Set(
    lines.map((line) => horizontalOf(line.position) ?? characters[line.speaker]?.side),
  );
  const bySpeaker = new Map<string, Side>();
  let lastSpeaker: string | undefined;
  let lastSide: Side | undefined;
  return lines.map((line) => {
    const side =
      horizontalOf(line.position) ??
      bySpeaker.get(line.speaker) ??
      characters[line.speaker]?.side ??
      freeSide(
        lastSide === undefined || lastSpeaker === line.speaker
          ? (lastSide ?? start)
          : opposite(lastSide),
        pinned,
      );
    bySpeaker.set(line.speaker, bySpeaker.get(line.speaker) ?? side);
    lastSpeaker = line.speaker;
    lastSide = side;
    return side;
  });
}

function opposite(side: Side): Side {
  return side === 'left' ? 'right' : side === 'right' ? 'left' : 'left';
}

/** `wanted`, unless another speaker is pinned there and the opposite side is free. */
function freeSide(wanted: Side, pinned: ReadonlySet<Side | undefined>): Side {
  return pinned.has(wanted) && !pinned.has(opposite(wanted)) ? opposite(wanted) : wanted;
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
