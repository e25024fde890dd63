import type { Caption, Character, DialogueLine, Rect, SoundEffect } from 'storyboard';
import type { LetteringContext, Overflow } from './_context.js';
import { inflate } from './_rects.js';
import type { ArtMap } from './art/art-map.js';
import type { Point } from './balloon-shapes.js';
import { balloonItem, balloonOutline } from './balloons.js';
import { captionItem, captionStroke } from './captions.js';
import { noRoom, setBalloonFitting, setCaptionFitting, wordTooWide } from './fit-text.js';
import { assignSides } from './placement/assign-sides.js';
import { findSpot, type Spot } from './placement/find-spot.js';
import { readingKey, readsAfter } from './placement/reading-order.js';
import { locateSpeakers, type Speaker } from './placement/speaker.js';
import { aimTail } from './placement/tail.js';
import {
  draftSoundEffects,
  mirrorPlacement,
  SFX_ANCHORS,
  SFX_AUTO_ORDER,
  soundEffectItem,
} from './sound-effects.js';
import { normaliseText } from './text-setter.js';
import { layoutTitle } from './title.js';
import type { LetteringItem } from './types.js';

/** The lettering of one panel (or of the cover), as the script gives it. */
export interface PanelText {
  captions: readonly Caption[];
  dialogue: readonly DialogueLine[];
  sfx: readonly SoundEffect[];
  /** Characters in the picture; a speaker not among them talks from off panel. */
  characters?: readonly string[];
  /** Cover title. */
  title?: string;
}

/** How strict placement is with the art (see `layoutLettering` for the order they are tried). */
export interface PlacementMode {
  /** Largest part of any box allowed over busy art (1: any). */
  maxBusy: number;
  /** Boxes only along the panel's edges. */
  edgesOnly: boolean;
  /** A sound effect with no free room goes where it overlaps least (counted in `collisions`). */
  forceEffects: boolean;
}

/** A panel lettered at one size. */
export interface LetteredPanel {
  /** In reading order; sound effects slotted in where they sit. */
  items: LetteringItem[];
  /** Part of the panel's height covered from the top by captions and balloons in its top half. */
  coverage: number;
  /** Sound effects that had to overlap other lettering. */
  collisions: number;
}

/**
 * Letters one panel at dialogue size `sizePx`, item by item in reading order: the title, top
 * captions, balloons, bottom captions, then sound effects. Each goes where the art under it is
 * quietest near where it wants to be (captions in their corner, a balloon above its speaker),
 * never on other lettering or a tail, and so that it reads after the ones before it; a balloon's
 * tail is aimed at its speaker. Returns an `Overflow` naming the first text with no such place.
 */
export function letterPanel(
  ctx: LetteringContext,
  content: PanelText,
  region: Rect,
  sizePx: number,
  characters: Readonly<Record<string, Character>>,
  map: ArtMap,
  mode: PlacementMode,
): LetteredPanel | Overflow {
  const em = sizePx;
  const gap = 0.3 * em;
  const inner = inflate(region, -0.45 * em);
  const startsLeft = ctx.direction === 'ltr';
  const sides = assignSides(content.dialogue, characters, ctx.direction);
  const speakers = locateSpeakers(content.dialogue, sides, characters, map, content.characters);
  // Speakers' heads stay uncovered even where the art looks quiet (before the pictures exist).
  const placed: Rect[] = mode.maxBusy < 1 ? speakers.map((s) => headBox(s.point, em)) : [];
  const tails: Array<[Point, Point]> = [];
  const text: LetteringItem[] = [];
  const find = (w: number, h: number, prefer: Point, ordered: boolean): Spot | undefined =>
    findSpot(w, h, {
      map,
      area: inner,
      obstacles: placed,
      tails,
      gap,
      prefer,
      step: Math.max(2, 0.5 * em),
      maxBusy: mode.maxBusy,
      edgesOnly: mode.edgesOnly,
      accept: ordered
        ? (rect) => text.every((item) => readsAfter(item.body, rect, ctx.direction))
        : undefined,
    });
  const add = (item: LetteringItem) => {
    text.push(item);
    placed.push(item.body);
  };

  if (content.title !== undefined) {
    const title = layoutTitle(ctx, normaliseText(content.title), region, inner);
    if (isOverflow(title)) return title;
    add(title);
  }
  const placeCaption = (caption: Caption): Overflow | undefined => {
    const draft = setCaptionFitting(ctx, caption.text, sizePx, inner);
    if (draft === undefined) return wordTooWide(caption.text);
    const stroke = captionStroke(ctx);
    const w = draft.w + 2 * stroke;
    const h = draft.h + 2 * stroke;
    const atStart = caption.position === 'top' ? startsLeft : !startsLeft;
    const prefer = {
      x: atStart ? inner.x + w / 2 : inner.x + inner.w - w / 2,
      y: caption.position === 'top' ? inner.y + h / 2 : inner.y + inner.h - h / 2,
    };
    const spot = find(w, h, prefer, true);
    if (spot === undefined) return noRoom(caption.text);
    add(captionItem(ctx, draft, spot.rect.x + stroke, spot.rect.y + stroke, region));
    return undefined;
  };
  for (const caption of content.captions.filter((c) => c.position === 'top')) {
    const failed = placeCaption(caption);
    if (failed) return failed;
  }

  for (const [index, line] of content.dialogue.entries()) {
    const fitted = setBalloonFitting(ctx, line, sizePx, inner);
    if (isOverflow(fitted)) return fitted;
    const { draft, w, h } = fitted;
    const located = speakers[index] as Speaker;
    const speaker = located.point;
    // Above the speaker, as high as the panel allows: later balloons keep room below.
    const prefer =
      line.position === 'auto'
        ? { x: speaker.x, y: inner.y + h / 2 }
        : anchorPoint(inner, SFX_ANCHORS[line.position]);
    const spot = find(w, h, prefer, true);
    if (spot === undefined) return noRoom(line.text);
    const cx = spot.rect.x + w / 2;
    const cy = spot.rect.y + h / 2;
    const outline = balloonOutline(draft, cx, cy);
    const tail = aimTail(outline, speaker, map, inner, placed, em, !located.located);
    const item = balloonItem(ctx, draft, cx, cy, tail && { ...tail, speaker }, region);
    add(item);
    if (tail !== undefined) tails.push([tail.base, tail.tip]);
  }

  for (const caption of content.captions.filter((c) => c.position === 'bottom')) {
    const failed = placeCaption(caption);
    if (failed) return failed;
  }

  const effects: LetteringItem[] = [];
  let collisions = 0;
  for (const sfx of content.sfx) {
    const clean = normaliseText(sfx.text);
    const drafts = draftSoundEffects(ctx, sfx, clean, region, inner);
    const smallest = drafts[drafts.length - 1];
    if (smallest === undefined) {
      return {
        text: clean,
        reason: 'the sound effect is too large for its panel even at the smallest size',
      };
    }
    const placement =
      sfx.position === 'auto'
        ? mirrorPlacement(SFX_AUTO_ORDER[0] as 'bottom-right', ctx.direction)
        : sfx.position;
    const prefer = anchorPoint(inner, SFX_ANCHORS[placement]);
    let item: LetteringItem | undefined;
    for (const draft of drafts) {
      const spot = find(draft.box.w, draft.box.h, prefer, false);
      if (spot !== undefined) {
        item = soundEffectItem(ctx, draft, spot.rect, region);
        break;
      }
    }
    if (item === undefined) {
      if (!mode.forceEffects) return { text: clean, reason: 'no free room for the sound effect' };
      const { box } = smallest;
      const x = Math.min(Math.max(prefer.x - box.w / 2, inner.x), inner.x + inner.w - box.w);
      const y = Math.min(Math.max(prefer.y - box.h / 2, inner.y), inner.y + inner.h - box.h);
      item = soundEffectItem(ctx, smallest, { x, y, w: box.w, h: box.h }, region);
      collisions += 1;
    }
    effects.push(item);
    placed.push(item.body);
  }

  const items = slotInEffects(text, effects, ctx.direction, region);
  const upper = text.filter((i) => i.kind !== 'title' && i.body.y < region.y + region.h / 2);
  const reach = Math.max(region.y, ...upper.map((i) => i.body.y + i.body.h));
  return { items, coverage: (reach - region.y) / region.h, collisions };
}

/** Whether a step returned an `Overflow` instead of an item. */
export function isOverflow<T extends object>(value: T | Overflow): value is Overflow {
  return 'reason' in value;
}

/** Text items keep their order; each sound effect goes before the first one it reads before. */
function slotInEffects(
  text: readonly LetteringItem[],
  effects: readonly LetteringItem[],
  direction: 'ltr' | 'rtl',
  region: Rect,
): LetteringItem[] {
  const key = (item: LetteringItem) =>
    readingKey(
      { ...item.body, x: item.body.x - region.x, y: item.body.y - region.y },
      direction,
      region.w,
    );
  const out = [...text];
  for (const effect of effects) {
    const at = out.findIndex((item) => item.kind !== 'sfx' && key(item) > key(effect));
    if (at === -1) out.push(effect);
    else out.splice(at, 0, effect);
  }
  return out;
}

/** A square around a speaker's head that lettering keeps clear of. */
function headBox(point: Point, em: number): Rect {
  return { x: point.x - em, y: point.y - em, w: 2 * em, h: 2 * em };
}

function anchorPoint(inner: Rect, [fx, fy]: readonly [number, number]): Point {
  return { x: inner.x + fx * inner.w, y: inner.y + fy * inner.h };
}
