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
import type { LetteringContext } from './_context.js';
import { type ArtMap, quietArtMap } from './art/art-map.js';
import { FACE_OF_KIND } from './balloons.js';
import { capitaliseText } from './caps.js';
import { isOverflow, type PanelText } from './letter-panel.js';
import { placePanel } from './place-panel.js';
import { letteringRegion } from './placement/lettering-region.js';
import { type LetteringOptions, resolveLetteringOptions } from './style.js';
import { normaliseText, TextSetter } from './text-setter.js';
import type { LetteringItem, LetteringLayout, LetteringWarning } from './types.js';

/** What a page image shows: the cover or one page of the script. */
export type IssueSheet = { kind: 'cover'; cover: Cover } | { kind: 'page'; page: Page };

/**
 * Computes the lettering of one page (or the cover) in canvas pixels: captions, balloons with
 * tails aimed at their speakers, sound effects and the cover title, each inside its panel's
 * picture and the page's safe area. Pure apart from reading the bundled fonts on first use.
 *
 * `art` gives each panel's picture as analysed (`analyseArt`, by panel id); lettering then goes
 * where the art is quiet (see `placePanel`). Without it (before the pictures exist) every
 * picture counts as quiet. Text starts at `fontSizePt` and shrinks in half-point steps (per
 * panel) until it fits and covers at most `maxCoverage` of the panel. Every panel is checked:
 * text with no room even at `minFontSizePt`, and each text with a character no bundled font has,
 * are thrown together as a `LetteringProblemsError`.
 */
export function layoutLettering(
  story: Story,
  sheet: IssueSheet,
  geometry: PageLayout,
  fonts: FontSet,
  options: LetteringOptions = {},
  art?: ReadonlyMap<string, ArtMap>,
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
  const warnings: LetteringWarning[] = [];
  const problems: Array<{ error: LetteringError; item: LetteredItemRef }> = [];
  /** Letters one panel; its problems are collected, so every panel of the page is checked. */
  const letter = (
    place: LetteringPlace,
    script: PanelText,
    picture: Rect,
    region: Rect,
    panelIndex: number,
  ) => {
    const content = story.lettering.caps ? capitaliseText(script, story.language) : script;
    const missing = findMissingGlyphs(context(place), content);
    if (missing.length > 0) {
      for (const error of missing)
        problems.push({ error, item: itemOf(content, error, panelIndex) });
      return;
    }
    if (content.captions.length + content.dialogue.length + content.sfx.length === 0) {
      if (content.title === undefined) return;
    }
    const analysed = art?.get(place.panel);
    const map = analysed ?? quietArtMap(picture);
    let placed = placePanel(context(place), content, region, map, story, analysed !== undefined);
    if (isOverflow(placed) && analysed !== undefined) {
      // The art left no way at all: letter as if it were quiet (that passed validation).
      placed = placePanel(context(place), content, region, quietArtMap(picture), story, false);
      if (!isOverflow(placed)) {
        placed.warnings.push({
          kind: 'covers-art',
          page: place.page,
          panel: place.panel,
          message: `Lettering in panel ${place.panel} (${place.page === 'cover' ? 'cover' : `page ${place.page}`}) ignores the art: it found no place even along the edges`,
        });
      }
    }
    if (isOverflow(placed)) {
      const error = new LetteringError(place, placed.text, placed.reason);
      problems.push({ error, item: itemOf(content, error, panelIndex) });
      return;
    }
    items.push(...placed.items);
    warnings.push(...placed.warnings);
  };
  if (sheet.kind === 'cover') {
    const content: PanelText = {
      captions: sheet.cover.captions,
      dialogue: [],
      sfx: sheet.cover.sfx,
      ...(sheet.cover.title === undefined ? {} : { title: sheet.cover.title }),
    };
    const place = { page: 'cover' as const, panel: 'cover' };
    letter(place, content, geometry.bleedBoxPx, geometry.safeBoxPx, 0);
  } else {
    sheet.page.panels.forEach((panel, index) => {
      const slot = geometry.slots[index];
      if (slot === undefined) return;
      const place = { page: sheet.page.number, panel: panel.id };
      letter(place, panel, slot.art, letteringRegion(geometry, slot), index);
    });
  }
  if (problems.length > 0) throw new LetteringProblemsError(problems);
  return {
    canvas: geometry.canvas,
    dpi: geometry.dpi,
    items,
    artAware: art !== undefined,
    warnings,
  };
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
