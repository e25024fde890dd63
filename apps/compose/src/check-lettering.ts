import type { Story } from 'storyboard';
import { createFontSet, type FontSet } from './fonts/font-set.js';
import { layoutLettering } from './lettering/layout-lettering.js';
import type { LetteringOptions } from './lettering/style.js';
import { planIssue } from './plan.js';

/**
 * Lays out every page's lettering without any image, and throws the first `LetteringError` or
 * `MissingGlyphError`: text that cannot fit, or a character no bundled font has. Cheap, so the
 * render command runs it before spending anything on panels.
 */
export function checkLettering(
  story: Story,
  options: { fonts?: FontSet; lettering?: LetteringOptions; cover?: boolean } = {},
): void {
  const fonts = options.fonts ?? createFontSet();
  for (const planned of planIssue(story, { cover: options.cover !== false })) {
    layoutLettering(story, planned.sheet, planned.geometry, fonts, options.lettering);
  }
}
