import type { Cover, Page, PageLayout, Rect, Story } from 'storyboard';
import {
  type LetteredItemRef,
  LetteringError,
  type LetteringPlace,
  LetteringProblemsError,
  MissingGlyphError,
} from '../errors.js';
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
 * covers at most `maxCoverage` of the panel. Every panel is checked: text with no room even at
 * `minFontSizePt`, and each text with a character no bundled font has, are thrown together as a
 * `LetteringProblemsError`.
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
  const problems: Array<{ error: LetteringError; item: LetteredItemRef }> = [];
  /** Letters one panel; its problems are collected, so every panel of the page is checked. */
  const letter = (place: LetteringPlace, content: PanelText, region: Rect, panelIndex: number) => {
    const missing = findMissingGlyphs(context(place), content);
    if (missing.length > 0) {
      for (const error of missing)
        problems.push({ error, item: itemOf(content, error, panelIndex) });
      return;
    }
    try {
      items.push(...letterWithShrinking(context(place), content, region, story));
    } catch (error) {
      if (!(error instanceof LetteringError)) throw error;
      problems.push({ error, item: itemOf(content, error, panelIndex) });
    }
  };
  if (sheet.kind === 'cover') {
    const content: PanelText = {
      captions: sheet.cover.captions,
      dialogue: [],
      sfx: sheet.cover.sfx,
      ...(sheet.cover.title === undefined ? {} : { title: sheet.cover.title }),
    };
    const safe = Math.round(COVER_SAFE_IN * geometry.dpi);
    letter({ page: 'cover', panel: 'cover' }, content, inflate(geometry.trimBoxPx, -safe), 0);
  } else {
    sheet.page.panels.forEach((panel, index) => {
      const slot = geometry.slots[index];
      if (slot === undefined) return;
      letter({ page: sheet.page.number, panel: panel.id }, panel, slot.image, index);
    });
  }
  if (problems.length > 0) throw new LetteringProblemsError(problems);
  return { canvas: geometry.canvas, dpi: geometry.dpi, items };
}

/** Which of the panel's texts an error is about (the first with its text). */
function itemOf(content: PanelText, error: LetteringError, panelIndex: number): LetteredItemRef {
  const find = (field: LetteredItemRef['field'], texts: readonly string[]) => {
    const index = texts.indexOf(error.text);
    return index < 0 ? undefined : { panelIndex, field, index };
  };
  return (
    (content.title === error.text ? { panelIndex, field: 'title', index: 0 } : undefined) ??
    find(
      'dialogue',
      content.dialogue.map((line) => line.text),
    ) ??
    find(
      'caption',
      content.captions.map((caption) => caption.text),
    ) ??
    find(
      'sfx',
      content.sfx.map((sfx) => sfx.text),
    ) ?? { panelIndex, field: 'dialogue', index: 0 }
  );
}

function letterWithShrinking(
  ctx: LetteringContext,
  content: PanelText,
  region: Rect,
  story: Story,
): LetteringItem[] {
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

/** A `MissingGlyphError` for each text with a character no bundled font has (its first one). */
function findMissingGlyphs(ctx: LetteringContext, content: PanelText): MissingGlyphError[] {
  const errors: MissingGlyphError[] = [];
  const check = (face: LetteringFace, text: string) => {
    try {
      ctx.setter.segment(face, normaliseText(text).replace(/\n/g, ' '), ctx.place, text);
    } catch (error) {
      if (!(error instanceof MissingGlyphError)) throw error;
      errors.push(error);
    }
  };
  if (content.title !== undefined) check('display', content.title);
  for (const caption of content.captions) check('dialogue', caption.text);
  for (const line of content.dialogue) check(FACE_OF_KIND[line.kind], line.text);
  for (const sfx of content.sfx) check('display', sfx.text);
  return errors;
}
