import type PDFDocument from 'pdfkit';
import type { FontSet } from '../fonts/font-set.js';
import type { GlyphRun, LetteringItem, LetteringLayout, ShapeGroup } from './types.js';

/** A pdfkit document. */
export type PdfDocument = typeof PDFDocument;

/** A colour as pdfkit takes it: a CSS colour, or CMYK in percent. */
export type PdfPaint = string | [number, number, number, number];

/** How lettering colours are written: as they are, or mapped (to press inks, say). */
export type PaintOf = (colour: string) => PdfPaint;

const asGiven: PaintOf = (colour) => colour;

/**
 * Draws a page's lettering on the current pdfkit page as vector graphics: balloon and box
 * outlines as paths, words as real text in the embedded bundled fonts (selectable, searchable),
 * outlines of sound effects and titles as glyph paths behind the text. Coordinates are the
 * layout's canvas pixels, scaled to the page's points, so it lands exactly on the page image.
 * `registered` remembers which fonts this document already knows; `paint` maps every colour.
 */
export function drawLettering(
  doc: PdfDocument,
  layout: LetteringLayout,
  fonts: FontSet,
  registered: Set<string>,
  paint: PaintOf = asGiven,
): void {
  const scale = 72 / layout.dpi;
  doc.save();
  doc.transform(scale, 0, 0, scale, 0, 0);
  for (const item of layout.items) drawItem(doc, item, fonts, registered, paint);
  doc.restore();
}

/** Every colour the lettering of a page is drawn with. */
export function letteringColours(layout: LetteringLayout): Set<string> {
  const colours = new Set<string>();
  for (const item of layout.items) {
    colours.add(item.paint.fill);
    if (item.paint.outline !== undefined) colours.add(item.paint.outline.color);
    for (const group of item.shapes) {
      colours.add(group.fill);
      if (group.stroke !== null) colours.add(group.stroke);
    }
  }
  return colours;
}

function drawItem(
  doc: PdfDocument,
  item: LetteringItem,
  fonts: FontSet,
  registered: Set<string>,
  paint: PaintOf,
): void {
  doc.save();
  if (item.rotate !== undefined) {
    doc.rotate(item.rotate.degrees, { origin: [item.rotate.cx, item.rotate.cy] });
  }
  for (const group of item.shapes) drawShapes(doc, group, paint);
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
        .strokeColor(paint(outline.color))
        .stroke();
      doc.restore();
    }
  }
  doc.fillColor(paint(item.paint.fill));
  for (const run of item.runs) drawRun(doc, run, fonts, registered);
  doc.restore();
}

function drawShapes(doc: PdfDocument, group: ShapeGroup, paint: PaintOf): void {
  if (group.stroke !== null) {
    doc.save();
    doc
      .lineWidth(2 * group.strokeWidth)
      .lineJoin('round')
      .strokeColor(paint(group.stroke));
    if (group.dash !== undefined) doc.dash(group.dash[0], { space: group.dash[1] });
    for (const d of group.paths) doc.path(d);
    doc.stroke();
    doc.restore();
  }
  for (const d of group.paths) doc.path(d);
  doc.fill(paint(group.fill));
}

function drawRun(doc: PdfDocument, run: GlyphRun, fonts: FontSet, registered: Set<string>): void {
  if (!registered.has(run.fontKey)) {
    // pdfkit takes a parsed font (anything with `layout`): the one lettering measured with, not
    // the file parsed again by the second copy of fontkit that pdfkit's ES module imports.
    doc.registerFont(run.fontKey, fonts.font(run.fontKey) as unknown as Uint8Array);
    registered.add(run.fontKey);
  }
  doc.font(run.fontKey).fontSize(run.sizePx);
  doc.text(run.text, run.x, run.y, { lineBreak: false, baseline: 'alphabetic' });
}
