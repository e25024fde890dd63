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

/** The pictures of one page, waiting for those still arriving. */
export async function pagePictures(
  planned: PlannedSheet,
  pictures: PanelPictures,
): Promise<ReadonlyMap<string, string>> {
  if (!isArrivals(pictures)) return pictures;
  const ids = sheetPanelIds(planned);
  return new Map(
    await Promise.all(ids.map(async (id) => [id, await pictures.picture(id)] as const)),
  );
}

/** Whether the pictures are still arriving (rather than a map of known files). */
export function isArrivals(pictures: PanelPictures): pictures is PictureArrivals {
  return typeof (pictures as Partial<PictureArrivals>).picture === 'function';
}
