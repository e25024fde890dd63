/**
 * A page lettered the way compose did before it looked at the pictures: each panel inside its
 * image rectangle (the old region), text shrunk in half-point steps until it fits and covers at
 * most `maxCoverage` of the panel height (see `legacy-letter-panel.ts`).
 */
import type { Page, Story } from 'storyboard';
import type { FontSet } from '../../src/fonts/font-set.js';
import type { LetteringContext } from '../../src/lettering/_context.js';
import { isOverflow } from '../../src/lettering/letter-panel.js';
import { pointsToPixels, resolveLetteringOptions } from '../../src/lettering/style.js';
import { TextSetter } from '../../src/lettering/text-setter.js';
import type { LetteringItem } from '../../src/lettering/types.js';
import type { PlannedSheet } from '../../src/plan.js';
import { letterPanelLegacy } from './legacy-letter-panel.js';

/** Every item of a page's old lettering; a panel with no room is left unlettered. */
export function letterPageLegacy(
  story: Story,
  planned: PlannedSheet & { sheet: { kind: 'page'; page: Page } },
  fonts: FontSet,
): LetteringItem[] {
  const options = resolveLetteringOptions();
  const setter = new TextSetter(fonts);
  const { geometry } = planned;
  const items: LetteringItem[] = [];
  planned.sheet.page.panels.forEach((panel, index) => {
    const slot = geometry.slots[index];
    if (slot === undefined) return;
    const ctx: LetteringContext = {
      setter,
      dpi: geometry.dpi,
      options,
      place: { page: planned.sheet.page.number, panel: panel.id },
      direction: geometry.direction,
    };
    let fallback: LetteringItem[] | undefined;
    for (let size = options.fontSizePt; size >= options.minFontSizePt - 1e-9; size -= 0.5) {
      const px = pointsToPixels(size, geometry.dpi);
      const result = letterPanelLegacy(ctx, panel, slot.image, px, story.characters);
      if (isOverflow(result)) continue;
      if (result.coverage <= options.maxCoverage) {
        fallback = result.items;
        break;
      }
      fallback ??= result.items;
    }
    items.push(...(fallback ?? []));
  });
  return items;
}
