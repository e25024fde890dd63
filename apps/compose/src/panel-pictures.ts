import type { PlannedSheet } from './plan.js';

/**
 * Panel pictures that are still arriving: `picture(id)` resolves to a panel's image file as soon
 * as it is final, so pages can be composed while other panels are still rendering.
 */
export interface PictureArrivals {
  picture(id: string): Promise<string>;
}

/** Every panel's image file by panel id (and `cover`): all known now, or arriving. */
export type PanelPictures = ReadonlyMap<string, string> | PictureArrivals;

/** The panel ids a planned page shows (`cover` for the cover). */
export function sheetPanelIds(planned: PlannedSheet): string[] {
  const { sheet } = planned;
  return sheet.kind === 'cover' ? ['cover'] : sheet.page.panels.map((panel) => panel.id);
}

/**
 * The pictures of one page: image files, or promises of those still arriving (each can then be
 * fitted as soon as it is there, while the page's other pictures are still rendering).
 */
export function pagePictures(
  planned: PlannedSheet,
  pictures: PanelPictures,
): ReadonlyMap<string, string | Promise<string>> {
  if (!isArrivals(pictures)) return pictures;
  return new Map(sheetPanelIds(planned).map((id) => [id, pictures.picture(id)]));
}

/** Whether the pictures are still arriving (rather than a map of known files). */
export function isArrivals(pictures: PanelPictures): pictures is PictureArrivals {
  return typeof (pictures as Partial<PictureArrivals>).picture === 'function';
}
