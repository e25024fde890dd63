import type { DialogueKind, DialogueLine, Rect } from 'storyboard';
import type { LetteringFace } from '../fonts/font-files.js';
import type { LetteringContext } from './_context.js';
import { hypot } from './_hypot.js';
import { unionOf } from './_rects.js';
import {
  bubbleTrail,
  burstPath,
  cloudPath,
  type Ellipse,
  ellipsePath,
  type Point,
  sharpTailPath,
  tailPath,
} from './balloon-shapes.js';
import { LETTERING_STYLE, pointsToPixels } from './style.js';
import type { TextBlock } from './text-setter.js';
import type { LetteringItem, ShapeGroup } from './types.js';

/** A balloon set at one size, not yet placed: its text and the ellipse around it. */
export interface BalloonDraft {
  line: DialogueLine;
  block: TextBlock;
  /** Radii of the ellipse that holds the text. */
  rx: number;
  ry: number;
  /** How far the outline reaches beyond the ellipse (cloud puffs, burst spikes), pixels. */
  outset: number;
  strokeWidth: number;
}

/** The face each kind of balloon is lettered in. */
export const FACE_OF_KIND: Readonly<Record<DialogueKind, LetteringFace>> = {
  speech: 'dialogue',
  thought: 'dialogue',
  whisper: 'dialogue-italic',
  shout: 'dialogue-bold',
};

/** Text block aspect (width / height) aimed for before the ellipse is fitted. */
const TARGET_TEXT_ASPECT = 3;

/**
 * Sets a dialogue line for a balloon at `sizePx` (shouts a little larger), no wider than
 * `maxWidth`, balanced into similar-length lines. Returns `undefined` when a word does not fit.
 */
export function setBalloon(
  ctx: LetteringContext,
  line: DialogueLine,
  text: string,
  sizePx: number,
  maxWidth: number,
): BalloonDraft | undefined {
  const face = FACE_OF_KIND[line.kind];
  const size = line.kind === 'shout' ? sizePx * LETTERING_STYLE.shoutScale : sizePx;
  const { setter } = ctx;
  const lineHeight = setter.lineHeight(face, size);
  // Aim for a text block about TARGET_TEXT_ASPECT times wider than tall, then take the fewest
  // lines each paragraph needs at that width (short ones stay on one line), then
  // the narrowest width giving that many lines; balancing evens the lines out.
  const paragraphs = text.split('\n').map((p) => setter.measure(face, p, size, ctx.place));
  const total = paragraphs.reduce((sum, width) => sum + width, 0);
  const longestWord = Math.max(
    0,
    ...text.split(/[ \n]/).map((word) => setter.measure(face, word, size, ctx.place)),
  );
  const ideal = Math.sqrt(total * lineHeight * TARGET_TEXT_ASPECT);
  const start = Math.min(maxWidth, Math.max(ideal, longestWord) + 1);
  const count = paragraphs.reduce(
    (lines, width) =>
      lines + (width <= 1.5 * start ? 1 : Math.max(1, Math.ceil(width / start - 0.15))),
    0,
  );
  const width = widthForLineCount(ctx, face, text, size, start, maxWidth, count);
  const lines =
    setter.wrapBalanced(face, text, size, width, ctx.place) ??
    setter.wrapBalanced(face, text, size, maxWidth, ctx.place);
  if (lines === undefined) return undefined;
  const block = setter.block(face, lines, size, ctx.place);
  const { rx, ry } = fitEllipse(block, 0.38 * size, 0.3 * size);
  const strokeWidth = pointsToPixels(
    line.kind === 'shout' ? LETTERING_STYLE.shoutOutlinePt : LETTERING_STYLE.outlinePt,
    ctx.dpi,
  );
  const outset = line.kind === 'thought' ? 0.45 * size : line.kind === 'shout' ? 0.8 * size : 0;
  return { line, block, rx, ry, outset, strokeWidth };
}

/**
 * The narrowest width from `from` up to `max` at which the text wraps into at most `count` lines
 * (words rarely split evenly, so the average width can leave one word alone on an extra line).
 */
function widthForLineCount(
  ctx: LetteringContext,
  face: LetteringFace,
  text: string,
  size: number,
  from: number,
  max: number,
  count: number,
): number {
  const fits = (width: number) => {
    const lines = ctx.setter.wrap(face, text, size, width, ctx.place);
    return lines !== undefined && lines.length <= count;
  };
  if (fits(from) || !fits(max)) return from;
  let low = from;
  let high = max;
  for (let step = 0; step < 10 && high - low > 0.5; step += 1) {
    const middle = (low + high) / 2;
    if (fits(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/** Width and height of the balloon body (outline included, tail excluded). */
export function balloonSize(draft: BalloonDraft): { w: number; h: number } {
  const reach = draft.outset + draft.strokeWidth;
  return { w: 2 * (draft.rx + reach), h: 2 * (draft.ry + reach) };
}

/** The ellipse a balloon's outline reaches (puffs and spikes included), centred on `(cx, cy)`. */
export function balloonOutline(draft: BalloonDraft, cx: number, cy: number): Ellipse {
  return { cx, cy, rx: draft.rx + draft.outset, ry: draft.ry + draft.outset };
}

/**
 * A placed balloon centred on `(cx, cy)`, its tail (when given) ending at `tail.tip`, aimed at
 * `tail.speaker`.
 */
export function balloonItem(
  ctx: LetteringContext,
  draft: BalloonDraft,
  cx: number,
  cy: number,
  tail: { base: Point; tip: Point; speaker: Point } | undefined,
  region: Rect,
): LetteringItem {
  const tip = tail?.tip;
  const ellipse: Ellipse = { cx, cy, rx: draft.rx, ry: draft.ry };
  const size = draft.block.sizePx;
  const paths = [bodyPath(draft.line.kind, ellipse, size)];
  if (tip !== undefined)
    paths.push(...tailPaths(draft.line.kind, ellipse, draft.outset, tip, size));
  const group: ShapeGroup = {
    paths,
    fill: LETTERING_STYLE.balloonFill,
    stroke: LETTERING_STYLE.ink,
    strokeWidth: draft.strokeWidth,
  };
  if (draft.line.kind === 'whisper') group.dash = [0.42 * size, 0.26 * size];
  const outer = balloonSize(draft);
  const body = { x: cx - outer.w / 2, y: cy - outer.h / 2, w: outer.w, h: outer.h };
  const reach = draft.strokeWidth;
  const bounds = unionOf([
    body,
    ...(tip === undefined
      ? []
      : [{ x: tip.x - reach, y: tip.y - reach, w: 2 * reach, h: 2 * reach }]),
  ]) as Rect;
  const left = cx - draft.block.width / 2;
  const top = cy - draft.block.height / 2;
  return {
    kind: draft.line.kind,
    panel: ctx.place.panel,
    region,
    bounds,
    body,
    ...(tail === undefined ? {} : { tail }),
    shapes: [group],
    runs: ctx.setter.place(draft.block, left, top, 'center', ctx.place),
    paint: { fill: LETTERING_STYLE.ink },
  };
}

function bodyPath(kind: DialogueKind, ellipse: Ellipse, size: number): string {
  switch (kind) {
    case 'thought':
      return cloudPath(ellipse, 1.0 * size);
    case 'shout':
      return burstPath(ellipse, 0.6 * size, 1.15 * size);
    default:
      return ellipsePath(ellipse);
  }
}

function tailPaths(
  kind: DialogueKind,
  ellipse: Ellipse,
  outset: number,
  tip: Point,
  size: number,
): string[] {
  switch (kind) {
    case 'thought':
      return bubbleTrail(
        { ...ellipse, rx: ellipse.rx + outset, ry: ellipse.ry + outset },
        tip,
        size,
      );
    case 'shout':
      return [sharpTailPath(ellipse, tip, 1.0 * size)];
    default:
      return [tailPath(ellipse, tip, 1.1 * size)];
  }
}

/**
 * The smallest ellipse (aspect between the style's limits) holding every line of `block` with
 * the given padding, the block centred on the ellipse.
 */
export function fitEllipse(
  block: TextBlock,
  padX: number,
  padY: number,
): { rx: number; ry: number } {
  const descent =
    block.height - block.firstBaseline - (block.lines.length - 1) * block.lineHeightPx;
  const halfHeight = block.height / 2;
  const extents = block.lines.map((line, i) => {
    const baseline = -halfHeight + block.firstBaseline + i * block.lineHeightPx;
    const top = baseline - block.firstBaseline;
    const bottom = baseline + descent;
    return { hw: line.width / 2 + padX, hy: Math.max(Math.abs(top), Math.abs(bottom)) + padY };
  });
  const { minBalloonAspect: low, maxBalloonAspect: high } = LETTERING_STYLE;
  let best = { rx: 0, ry: 0, area: Number.POSITIVE_INFINITY };
  for (let step = 0; step <= 40; step += 1) {
    const aspect = low + ((high - low) * step) / 40;
    let ry = Number.NEGATIVE_INFINITY;
    for (const e of extents) ry = Math.max(ry, hypot(e.hw / aspect, e.hy));
    const area = aspect * ry * ry;
    if (area < best.area) best = { rx: aspect * ry, ry, area };
  }
  return { rx: best.rx, ry: best.ry };
}
