import type PDFDocument from 'pdfkit';
import type { FontSet } from '../fonts/font-set.js';
import type { GlyphRun, LetteringItem, LetteringLayout, ShapeGroup } from './types.js';

/** A pdfkit document. */
export type PdfDocument = typeof PDFDocument;

/**
 * Draws a page's lettering on the current pdfkit page as vector graphics: balloon and box
 * outlines as paths, words as real text in the embedded bundled fonts (selectable, searchable),
 * outlines of sound effects and titles as glyph paths behind the text. Coordinates are the
 * layout's canvas pixels, scaled to the page's points, so it lands exactly on the page image.
 * `registered` remembers which fonts this document already knows.
 */
export function drawLettering(
  doc: PdfDocument,
  layout: LetteringLayout,
  fonts: FontSet,
  registered: Set<string>,
): void {
  const scale = 72 / layout.dpi;
  doc.save();
  doc.transform(scale, 0, 0, scale, 0, 0);
  for (const item of layout.items) drawItem(doc, item, fonts, registered);
  doc.restore();
}

function drawItem(
  doc: PdfDocument,
  item: LetteringItem,
  fonts: FontSet,
  registered: Set<string>,
): void {
  doc.save();
  if (item.rotate !== undefined) {
    doc.rotate(item.rotate.degrees, { origin: [item.rotate.cx, item.rotate.cy] });
  }
  for (const group of item.shapes) drawShapes(doc, group);
  const { outline } = item.paint;
  if (outline !== undefined) {
    for (const run of item.runs) {
      doc.save();
      for (const glyph of run.glyphs) {
        doc.path(
          fonts.placedGlyphOutline(
            run.fontKey,
            glyph.id,
            run.sizePx,
            run.x + glyph.x,
            run.y + glyph.y,
          ),
        );
      }
      doc
        .lineWidth(2 * outline.width)
        .lineJoin('round')
        .strokeColor(outline.color)
        .stroke();
      doc.restore();
    }
  }
  doc.fillColor(item.paint.fill);
  for (const run of item.runs) drawRun(doc, run, fonts, registered);
  doc.restore();
}

function drawShapes(doc: PdfDocument, group: ShapeGroup): void {
  if (group.stroke !== null) {
    doc.save();
    doc
      .lineWidth(2 * group.strokeWidth)
      .lineJoin('round')
      .strokeColor(group.stroke);
    if (group.dash !== undefined) doc.dash(group.dash[0], { space: group.dash[1] });
    for (const d of group.paths) doc.path(d);
    doc.stroke();
    doc.restore();
  }
  for (const d of group.paths) doc.path(d);
  doc.fill(group.fill);
}

function drawRun(doc: PdfDocument, run: GlyphRun, fonts: FontSet, registered: Set<string>): void {
  if (!registered.has(run.fontKey)) {
    doc.registerFont(run.fontKey, fonts.file(run.fontKey).path);
    registered.add(run.fontKey);
  }
  doc.font(run.fontKey).fontSize(run.sizePx);
  doc.text(run.text, run.x, run.y, { lineBreak: false, baseline: 'alphabetic' });
}
