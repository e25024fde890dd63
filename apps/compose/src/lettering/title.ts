import type { Rect } from 'storyboard';
import type { LetteringContext, Overflow } from './_context.js';
import { inflate } from './_rects.js';
import { LETTERING_STYLE, pointsToPixels } from './style.js';
import type { LetteringItem } from './types.js';

/** Smallest title size, in points. */
const MIN_TITLE_PT = 18;

/**
 * Letters the cover title in display type with an outline, centred at the top of `inner`,
 * as large as fits in three lines and a quarter of the height.
 */
export function layoutTitle(
  ctx: LetteringContext,
  text: string,
  region: Rect,
  inner: Rect,
): LetteringItem | Overflow {
  const minSize = pointsToPixels(MIN_TITLE_PT, ctx.dpi);
  let size = Math.max(minSize, inner.w * 0.14);
  for (;;) {
    const outline = LETTERING_STYLE.titleOutline * size;
    const lines = ctx.setter.wrapBalanced(
      'display',
      text,
      size,
      inner.w * 0.92 - 2 * outline,
      ctx.place,
    );
    if (lines !== undefined && lines.length <= 3) {
      const block = ctx.setter.block('display', lines, size, ctx.place);
      if (block.height + 2 * outline <= inner.h * 0.28) {
        const left = inner.x + (inner.w - block.width) / 2;
        const top = inner.y + outline;
        const bounds = inflate({ x: left, y: top, w: block.width, h: block.height }, outline);
        return {
          kind: 'title',
          panel: ctx.place.panel,
          region,
          bounds,
          body: bounds,
          shapes: [],
          runs: ctx.setter.place(block, left, top, 'center', ctx.place),
          paint: {
            fill: LETTERING_STYLE.titleFill,
            outline: { color: LETTERING_STYLE.ink, width: outline },
          },
        };
      }
    }
    if (size <= minSize) break;
    size = Math.max(minSize, size * 0.9);
  }
  return { text, reason: 'the title does not fit on the cover even at the smallest size' };
}
