import type { Placement, ReadingDirection, Rect, SoundEffect } from 'storyboard';
import type { LetteringContext } from './_context.js';
import { LETTERING_STYLE, pointsToPixels } from './style.js';
import type { TextBlock } from './text-setter.js';
import type { LetteringItem } from './types.js';

/** Where each placement puts a sound effect's centre, as fractions of the panel. */
export const SFX_ANCHORS: Readonly<Record<Exclude<Placement, 'auto'>, [number, number]>> = {
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
export const SFX_AUTO_ORDER: ReadonlyArray<Exclude<Placement, 'auto'>> = [
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

/** A placement, mirrored for right-to-left reading where it names a side. */
export function mirrorPlacement(
  placement: Exclude<Placement, 'auto'>,
  direction: ReadingDirection,
): Exclude<Placement, 'auto'> {
  return direction === 'rtl' ? (MIRROR[placement] ?? placement) : placement;
}

/** A sound effect set at one size: its text and the box it takes once rotated. */
export interface EffectDraft {
  sfx: SoundEffect;
  block: TextBlock;
  outline: number;
  box: { w: number; h: number };
}

/**
 * A sound effect set in large display type, at every size that fits `inner`, largest first: a
 * fraction of the panel, shrinking by a tenth down to the smallest size. Empty when even the
 * smallest is too large.
 */
export function draftSoundEffects(
  ctx: LetteringContext,
  sfx: SoundEffect,
  text: string,
  region: Rect,
  inner: Rect,
): EffectDraft[] {
  const lines = text.split('\n');
  const radians = (sfx.rotate * Math.PI) / 180;
  const cos = Math.abs(Math.cos(radians));
  const sin = Math.abs(Math.sin(radians));
  const minSize = pointsToPixels(ctx.options.minSfxSizePt, ctx.dpi);
  let size = Math.max(minSize, Math.min(region.w, region.h) * ctx.options.sfxScale);
  const drafts: EffectDraft[] = [];
  for (;;) {
    const block = ctx.setter.block('display', lines, size, ctx.place);
    const outline = LETTERING_STYLE.sfxOutline * size;
    const w = block.width + 2 * outline;
    const h = block.height + 2 * outline;
    const box = { w: w * cos + h * sin, h: w * sin + h * cos };
    if (box.w <= inner.w && box.h <= inner.h * 0.6) drafts.push({ sfx, block, outline, box });
    if (size <= minSize) break;
    size = Math.max(minSize, size * 0.9);
  }
  return drafts;
}

/** A sound effect lettered in the box `bounds` (its rotated extent), rotated as the script asks. */
export function soundEffectItem(
  ctx: LetteringContext,
  draft: EffectDraft,
  bounds: Rect,
  region: Rect,
): LetteringItem {
  const { block, outline, sfx } = draft;
  const cx = bounds.x + bounds.w / 2;
  const cy = bounds.y + bounds.h / 2;
  const item: LetteringItem = {
    kind: 'sfx',
    panel: ctx.place.panel,
    region,
    bounds,
    body: bounds,
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
