/** The geometry of a composed page as the run manifest records it (`RunManifest.pages`). */
import {
  effectivePpi,
  type ManifestPage,
  type ManifestRect,
  type Rect,
  toPointRect,
} from 'storyboard';
import type { LetteredSheet } from './letter-issue.js';
import type { PageImage } from './page-image.js';

/**
 * A composed page's boxes, pictures and lettering in PDF points from the top-left corner of the
 * MediaBox (the page canvas), y down; rounded to a hundredth of a point.
 */
export function describePageGeometry(
  planned: LetteredSheet,
  image: PageImage,
  file: string,
): ManifestPage {
  const { geometry, sheet } = planned;
  const { dpi } = geometry;
  const bleeds = new Map(
    sheet.kind === 'page'
      ? sheet.page.panels.map((panel, i) => [panel.id, geometry.slots[i]?.bleed ?? false])
      : [['cover', true]],
  );
  return {
    number: planned.page === 'cover' ? 0 : planned.page,
    file,
    trimBoxPt: rounded(geometry.trimBoxPt),
    safeBoxPt: rounded(geometry.safeBoxPt),
    panels: image.pictures.map((picture) => ({
      id: picture.panel,
      rectPt: rounded(toPointRect(picture.rect, dpi)),
      crop: rounded(picture.crop),
      imageSha256: picture.sha256,
      bleed: bleeds.get(picture.panel) ?? false,
      effectivePpi: Math.round(
        effectivePpi(
          { width: picture.crop.w, height: picture.crop.h },
          { widthIn: picture.rect.w / dpi, heightIn: picture.rect.h / dpi, dpi },
        ),
      ),
    })),
    lettering: (image.lettering?.items ?? []).map((item) => ({
      panel: item.panel,
      kind: item.kind,
      rectPt: rounded(toPointRect(item.bounds, dpi)),
    })),
  };
}

function rounded(rect: Rect): ManifestRect {
  const r = (n: number) => Math.round(n * 100) / 100;
  return { x: r(rect.x), y: r(rect.y), w: r(rect.w), h: r(rect.h) };
}
