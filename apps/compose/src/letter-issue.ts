import type { Story } from 'storyboard';
import { LetteringProblemsError } from './errors.js';
import { createFontSet, type FontSet } from './fonts/font-set.js';
import type { ArtMap } from './lettering/art/art-map.js';
import { toGrayscaleLettering } from './lettering/grayscale.js';
import { layoutLettering } from './lettering/layout-lettering.js';
import type { LetteringOptions } from './lettering/style.js';
import type { LetteringLayout } from './lettering/types.js';
import { type PlannedSheet, type PlanOptions, planIssue } from './plan.js';

/** A page image of the issue with its lettering laid out. */
export interface LetteredSheet extends PlannedSheet {
  lettering: LetteringLayout;
}

/** Options of {@link letterIssue}. */
export interface LetterIssueOptions extends PlanOptions {
  /** Fonts to letter with. @default the bundled fonts */
  fonts?: FontSet | undefined;
  lettering?: LetteringOptions | undefined;
}

/**
 * Plans every page image of the issue and lays out its lettering, without any picture. Throws a
 * `LetteringProblemsError` listing every text that cannot fit and every text with a character no
 * bundled font has, on every page. Cheap, so the pipeline runs it before spending anything on
 * panels and hands the result to compose, which letters with it instead of laying it out again.
 * A black-and-white book (`color: bw`) is lettered in black, white and greys only.
 */
export function letterIssue(story: Story, options: LetterIssueOptions = {}): LetteredSheet[] {
  return letterPlannedSheets(story, planIssue(story, options), options);
}

/**
 * {@link letterIssue} for page images already planned (`planIssue` with the same options), so a
 * caller can start on the pictures while the lettering is laid out.
 */
export function letterPlannedSheets(
  story: Story,
  planned: readonly PlannedSheet[],
  options: Pick<LetterIssueOptions, 'fonts' | 'lettering'> = {},
): LetteredSheet[] {
  const fonts = options.fonts ?? createFontSet();
  const sheets: LetteredSheet[] = [];
  const problems: LetteringProblemsError['problems'][number][] = [];
  for (const sheet of planned) {
    try {
      sheets.push({ ...sheet, lettering: letterSheet(story, sheet, fonts, options.lettering) });
    } catch (error) {
      if (!(error instanceof LetteringProblemsError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new LetteringProblemsError(problems);
  return sheets;
}

/**
 * One page image's lettering: laid out (over the pictures' art maps when given, see
 * `layoutLettering`), in greys for a black-and-white book.
 */
export function letterSheet(
  story: Story,
  planned: PlannedSheet,
  fonts: FontSet,
  lettering?: LetteringOptions,
  art?: ReadonlyMap<string, ArtMap>,
): LetteringLayout {
  const layout = layoutLettering(story, planned.sheet, planned.geometry, fonts, lettering, art);
  return story.color === 'bw' ? toGrayscaleLettering(layout) : layout;
}
