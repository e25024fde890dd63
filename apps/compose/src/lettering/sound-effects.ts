import type { Placement, Rect, SoundEffect } from 'storyboard';
import type { LetteringContext, Overflow } from './_context.js';
import { clamp, overlaps } from './_rects.js';
import { LETTERING_STYLE, pointsToPixels } from './style.js';
import type { TextBlock } from './text-setter.js';
import type { LetteringItem } from './types.js';

/** Where each placement puts a sound effect's centre, as fractions of the panel. */
const ANCHORS: Record<Exclude<Placement, 'auto'>, [number, number]> = {
  'top-left': [0.28, 0.2],
  top: [0.5, 0.2],
  'top-right': [0.72, 0.2],
  left: [0.28, 0.5],
  center: [0.5, 0.5],
  right: [0.72, 0.5],
  'bottom-left': [0.28, 0.8],
  bottom: [0.5, 0.8],
  'bottom-right': [0.72, 0.8],
};

/** Placements tried, in order, for `auto` (mirrored for right-to-left). */
const AUTO_ORDER: Array<Exclude<Placement, 'auto'>> = [
  'bottom-right',
  'bottom-left',
  'right',
  'left',
  'bottom',
  'center',
];

const MIRROR: Partial<Record<Placement, Exclude<Placement, 'auto'>>> = {
  'bottom-right': 'bottom-left',
  'bottom-left': 'bottom-right',
  right: 'left',
  left: 'right',
};

/**
 * Letters a sound effect in large display type with an outline, rotated as the script asks. Its
 * size is a fraction of the panel (shrunk until it fits); `auto` placements avoid `avoid`
 * (balloons and captions). Returns an `Overflow` when it cannot fit even at the smallest size.
 */
export function layoutSoundEffect(
  ctx: LetteringContext,
  sfx: SoundEffect,
  text: string,
  region: Rect,
  inner: Rect,
  avoid: readonly Rect[],
): LetteringItem | Overflow {
  const lines = text.split('\n');
  const radians = (sfx.rotate * Math.PI) / 180;
  const cos = Math.abs(Math.cos(radians));
  const sin = Math.abs(Math.sin(radians));
  const minSize = pointsToPixels(ctx.options.minSfxSizePt, ctx.dpi);
  let size = Math.max(minSize, Math.min(region.w, region.h) * ctx.options.sfxScale);
  for (;;) {
    const block = ctx.setter.block('display', lines, size, ctx.place);
    const outline = LETTERING_STYLE.sfxOutline * size;
    const w = block.width + 2 * outline;
    const h = block.height + 2 * outline;
    const box = { w: w * cos + h * sin, h: w * sin + h * cos };
    if (box.w <= inner.w && box.h <= inner.h * 0.6) {
      return placeEffect(ctx, sfx, block, outline, box, region, inner, avoid);
    }
    if (size <= minSize) break;
    size = Math.max(minSize, size * 0.9);
  }
  return { text, reason: 'the sound effect is too large for its panel even at the smallest size' };
}

function placeEffect(
  ctx: LetteringContext,
  sfx: SoundEffect,
  block: TextBlock,
  outline: number,
  box: { w: number; h: number },
  region: Rect,
  inner: Rect,
  avoid: readonly Rect[],
): LetteringItem {
  const boundsAt = (placement: Exclude<Placement, 'auto'>): Rect => {
    const [fx, fy] = ANCHORS[placement];
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
    const order = AUTO_ORDER.map((p) => (ctx.direction === 'rtl' ? (MIRROR[p] ?? p) : p));
    const candidates = order.map(boundsAt);
    bounds = candidates.find((c) => !avoid.some((a) => overlaps(a, c))) ?? (candidates[0] as Rect);
  } else {
    bounds = boundsAt(sfx.position);
  }
  const cx = bounds.x + bounds.w / 2;
  const cy = bounds.y + bounds.h / 2;
  const item: LetteringItem = {
    kind: 'sfx',
    panel: ctx.place.panel,
    region,
    bounds,
    shapes: [],
    runs: ctx.setter.place(block, cx - block.width / 2, cy - block.height / 2, 'center', ctx.place),
    paint: {
      fill: LETTERING_STYLE.sfxFill,
      outline: { color: LETTERING_STYLE.ink, width: outline },
    },
  };
  if (sfx.rotate !== 0) item.rotate = { degrees: sfx.rotate, cx, cy };
  return item;
}
