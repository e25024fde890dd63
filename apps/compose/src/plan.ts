import type { PageLayout, Rect, Story } from 'storyboard';
import { MissingPanelError } from './errors.js';
import type { PageArt } from './fit-page-art.js';
import { coverGeometry, type GeometryOverrides, pageGeometry } from './geometry.js';
import { unionOf } from './lettering/_rects.js';
import type { IssueSheet } from './lettering/layout-lettering.js';

/** One page image of the issue, in reading order. */
export interface PlannedSheet {
  sheet: IssueSheet;
  /** 1-based page number, or `'cover'`. */
  page: number | 'cover';
  /** File name without extension: `page-000-cover`, `page-001`, ... */
  name: string;
  /** PDF page label: `Cover`, `1`, `2`, ... */
  label: string;
  /** PDF outline entry: `Cover`, `Page 1`, ... */
  title: string;
  geometry: PageLayout;
}

/** Options of {@link planIssue}. */
export interface PlanOptions extends GeometryOverrides {
  /** Include the cover (when the script has one). @default true */
  cover?: boolean;
}

/**
 * Lists the page images of an issue in reading order: the cover (if any and wanted), then every
 * page, each with its geometry and file name. Names are zero-padded to at least three digits;
 * the cover is `page-000-cover` so it sorts first.
 */
export function planIssue(story: Story, options: PlanOptions = {}): PlannedSheet[] {
  const digits = Math.max(3, String(story.pages.length).length);
  const sheets: PlannedSheet[] = [];
  if (story.cover !== undefined && options.cover !== false) {
    sheets.push({
      sheet: { kind: 'cover', cover: story.cover },
      page: 'cover',
      name: `page-${'0'.repeat(digits)}-cover`,
      label: 'Cover',
      title: 'Cover',
      geometry: coverGeometry(story, options),
    });
  }
  for (const page of story.pages) {
    sheets.push({
      sheet: { kind: 'page', page },
      page: page.number,
      name: `page-${String(page.number).padStart(digits, '0')}`,
      label: String(page.number),
      title: `Page ${page.number}`,
      geometry: pageGeometry(story, page, options),
    });
  }
  return sheets;
}

/**
 * The pictures of a planned page with their rectangles: each panel's art in its slot (framed by
 * its cell; a bleeding panel's art runs to the bleed edge), or the cover image over the whole
 * canvas. Throws a `MissingPanelError` for a panel the map has no image for.
 */
export function sheetArt(
  planned: PlannedSheet,
  panels: ReadonlyMap<string, PageArt['input']>,
): PageArt[] {
  const { sheet, geometry } = planned;
  if (sheet.kind === 'cover') {
    const input = panels.get('cover');
    if (input === undefined)
      throw new MissingPanelError({ page: 'cover', panel: 'cover' }, undefined);
    return [{ panel: 'cover', input, rect: geometry.bleedBoxPx, focus: sheet.cover.focus }];
  }
  return sheet.page.panels.map((panel, index) => {
    const slot = geometry.slots[index];
    const input = panels.get(panel.id);
    if (input === undefined || slot === undefined) {
      throw new MissingPanelError({ page: sheet.page.number, panel: panel.id }, undefined);
    }
    // A bleeding panel's art runs past its cell; the frame grows with it, so its border lines
    // on the other sides run on to the page edge and none is drawn on a bleeding side.
    return {
      panel: panel.id,
      input,
      rect: slot.art,
      frame: unionOf([slot.cell, slot.art]) as Rect,
      focus: panel.focus,
    };
  });
}
