import type { Cover, Page, PageLayout, Rect, Story } from 'storyboard';
import { LetteringError, type LetteringPlace } from '../errors.js';
import type { LetteringFace } from '../fonts/font-files.js';
import type { FontSet } from '../fonts/font-set.js';
import type { LetteringContext, Overflow } from './_context.js';
import { inflate } from './_rects.js';
import { FACE_OF_KIND } from './balloons.js';
import { isOverflow, type LetteredPanel, letterPanel, type PanelText } from './letter-panel.js';
import { type LetteringOptions, pointsToPixels, resolveLetteringOptions } from './style.js';
import { normaliseText, TextSetter } from './text-setter.js';
import type { LetteringItem, LetteringLayout } from './types.js';

/** What a page image shows: the cover or one page of the script. */
export type IssueSheet = { kind: 'cover'; cover: Cover } | { kind: 'page'; page: Page };

/** Safe area kept free of lettering inside the cover's trim, in inches. */
const COVER_SAFE_IN = 0.2;

/**
 * Computes the lettering of one page (or the cover) in canvas pixels: captions, balloons with
 * tails, sound effects and the cover title, each inside its panel's image rectangle from
 * `geometry`. Pure apart from reading the bundled fonts on first use.
 *
 * Text starts at `fontSizePt` and shrinks in half-point steps (per panel) until it fits and
 * covers at most `maxCoverage` of the panel; text with no room even at `minFontSizePt` throws a
 * `LetteringError`, a character no bundled font has throws a `MissingGlyphError`.
 */
export function layoutLettering(
  story: Story,
  sheet: IssueSheet,
  geometry: PageLayout,
  fonts: FontSet,
  options: LetteringOptions = {},
): LetteringLayout {
  const resolved = resolveLetteringOptions(options);
  const setter = new TextSetter(fonts);
  const context = (place: LetteringPlace): LetteringContext => ({
    setter,
    dpi: geometry.dpi,
    options: resolved,
    place,
    direction: geometry.direction,
  });
  const items: LetteringItem[] = [];
  if (sheet.kind === 'cover') {
    const place: LetteringPlace = { page: 'cover', panel: 'cover' };
    const content: PanelText = {
      captions: sheet.cover.captions,
      dialogue: [],
      sfx: sheet.cover.sfx,
      ...(sheet.cover.title === undefined ? {} : { title: sheet.cover.title }),
    };
    const safe = Math.round(COVER_SAFE_IN * geometry.dpi);
    items.push(
      ...letterWithShrinking(context(place), content, inflate(geometry.trimBoxPx, -safe), story),
    );
  } else {
    sheet.page.panels.forEach((panel, index) => {
      const slot = geometry.slots[index];
      if (slot === undefined) return;
      const place: LetteringPlace = { page: sheet.page.number, panel: panel.id };
      items.push(...letterWithShrinking(context(place), panel, slot.image, story));
    });
  }
  return { canvas: geometry.canvas, dpi: geometry.dpi, items };
}

function letterWithShrinking(
  ctx: LetteringContext,
  content: PanelText,
  region: Rect,
  story: Story,
): LetteringItem[] {
  checkGlyphs(ctx, content);
  if (
    content.captions.length + content.dialogue.length + content.sfx.length === 0 &&
    !content.title
  ) {
    return [];
  }
  const { fontSizePt, minFontSizePt, maxCoverage } = ctx.options;
  let fallback: LetteredPanel | undefined;
  let overflow: Overflow | undefined;
  for (const sizePt of sizeSteps(fontSizePt, minFontSizePt)) {
    const result = letterPanel(
      ctx,
      content,
      region,
      pointsToPixels(sizePt, ctx.dpi),
      story.characters,
    );
    if (isOverflow(result)) {
      overflow = result;
      continue;
    }
    if (result.coverage <= maxCoverage) return result.items;
    fallback ??= result;
  }
  if (fallback !== undefined) return fallback.items;
  const failure = overflow as Overflow;
  throw new LetteringError(ctx.place, failure.text, failure.reason);
}

/** Sizes tried, largest first, in half-point steps, ending exactly at `min`. */
function sizeSteps(start: number, min: number): number[] {
  const steps: number[] = [];
  for (let size = start; size > min + 1e-9; size -= 0.5) steps.push(size);
  steps.push(min);
  return steps;
}

/** Throws a `MissingGlyphError` for the first character of any text no bundled font has. */
function checkGlyphs(ctx: LetteringContext, content: PanelText): void {
  const check = (face: LetteringFace, text: string) =>
    ctx.setter.segment(face, normaliseText(text).replace(/\n/g, ' '), ctx.place, text);
  if (content.title !== undefined) check('display', content.title);
  for (const caption of content.captions) check('dialogue', caption.text);
  for (const line of content.dialogue) check(FACE_OF_KIND[line.kind], line.text);
  for (const sfx of content.sfx) check('display', sfx.text);
}
