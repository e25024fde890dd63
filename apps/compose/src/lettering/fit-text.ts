/** Captions and balloons set within a panel's width, and the overflows when they will not go. */
import type { DialogueLine, Rect } from 'storyboard';
import type { LetteringContext, Overflow } from './_context.js';
import { type BalloonDraft, balloonSize, setBalloon } from './balloons.js';
import { type CaptionDraft, setCaption } from './captions.js';
import { normaliseText } from './text-setter.js';

/** A caption at most three quarters of the panel wide, or the whole width when it needs it. */
export function setCaptionFitting(
  ctx: LetteringContext,
  text: string,
  sizePx: number,
  inner: Rect,
): CaptionDraft | undefined {
  const clean = normaliseText(text);
  return setCaption(ctx, clean, sizePx, inner.w * 0.75) ?? setCaption(ctx, clean, sizePx, inner.w);
}

/**
 * A balloon at most `balloonMaxWidth` of the panel wide, or nearly the whole width when it needs
 * it, with its outer size; an `Overflow` when a word does not fit even so.
 */
export function setBalloonFitting(
  ctx: LetteringContext,
  line: DialogueLine,
  sizePx: number,
  inner: Rect,
): { draft: BalloonDraft; w: number; h: number } | Overflow {
  const clean = normaliseText(line.text);
  const draft =
    setBalloon(ctx, line, clean, sizePx, inner.w * ctx.options.balloonMaxWidth) ??
    setBalloon(ctx, line, clean, sizePx, inner.w * 0.92);
  if (draft === undefined) return wordTooWide(line.text);
  const { w, h } = balloonSize(draft);
  if (w > inner.w + 0.01) return wordTooWide(line.text);
  return { draft, w, h };
}

export function wordTooWide(text: string): Overflow {
  return { text, reason: 'a word is wider than the panel even at the smallest size' };
}

export function noRoom(text: string): Overflow {
  return { text, reason: 'the panel has no room left for it even at the smallest size' };
}
