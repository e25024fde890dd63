import type { Rect } from 'storyboard';
import type { LetteringContext } from './_context.js';
import { inflate } from './_rects.js';
import { rectPath } from './balloon-shapes.js';
import { LETTERING_STYLE, pointsToPixels } from './style.js';
import type { TextBlock } from './text-setter.js';
import type { LetteringItem } from './types.js';

/** A caption set at one size, not yet placed. */
export interface CaptionDraft {
  text: string;
  block: TextBlock;
  /** Box size, padding included. */
  w: number;
  h: number;
  padX: number;
  padY: number;
}

/**
 * Sets a caption's text, left-aligned, no wider than `maxWidth` including its padding. Returns
 * `undefined` when a word does not fit.
 */
export function setCaption(
  ctx: LetteringContext,
  text: string,
  sizePx: number,
  maxWidth: number,
): CaptionDraft | undefined {
  const padX = 0.45 * sizePx;
  const padY = 0.4 * sizePx;
  const lines = ctx.setter.wrapBalanced('dialogue', text, sizePx, maxWidth - 2 * padX, ctx.place);
  if (lines === undefined) return undefined;
  const block = ctx.setter.block('dialogue', lines, sizePx, ctx.place);
  return { text, block, w: block.width + 2 * padX, h: block.height + 2 * padY, padX, padY };
}

/** Width of a caption box's outline, in pixels (drawn outside the box). */
export function captionStroke(ctx: LetteringContext): number {
  return pointsToPixels(LETTERING_STYLE.captionOutlinePt, ctx.dpi);
}

/** A placed caption box with its top-left corner at `(x, y)`. */
export function captionItem(
  ctx: LetteringContext,
  draft: CaptionDraft,
  x: number,
  y: number,
  region: Rect,
): LetteringItem {
  const strokeWidth = captionStroke(ctx);
  const box = { x, y, w: draft.w, h: draft.h };
  const bounds = inflate(box, strokeWidth);
  return {
    kind: 'caption',
    panel: ctx.place.panel,
    region,
    bounds,
    body: bounds,
    shapes: [
      {
        paths: [rectPath(box.x, box.y, box.w, box.h)],
        fill: LETTERING_STYLE.captionFill,
        stroke: LETTERING_STYLE.ink,
        strokeWidth,
      },
    ],
    runs: ctx.setter.place(draft.block, x + draft.padX, y + draft.padY, 'left', ctx.place),
    paint: { fill: LETTERING_STYLE.ink },
  };
}
