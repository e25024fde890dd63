/**
 * compose: lays rendered panels out into finished pages with lettering, and writes the page
 * images, a print-ready PDF, a CBZ with ComicInfo.xml and a contact sheet.
 */
export {
  type CbzEntry,
  type CbzOptions,
  type CbzWriter,
  createCbzWriter,
  writeCbz,
} from './cbz.js';
export { buildComicInfo, type ComicInfoPage } from './comic-info.js';
export { composeIssue } from './compose-issue.js';
export {
  type ContactSheetLayout,
  type ContactSheetOptions,
  createContactTile,
  planContactSheet,
  writeContactSheet,
} from './contact-sheet.js';
export {
  ComposeError,
  formatCodePoint,
  type LetteredItemRef,
  LetteringError,
  type LetteringPlace,
  LetteringProblemsError,
  MissingGlyphError,
  MissingPanelError,
  UnsafeOutputError,
} from './errors.js';
export { type FitOptions, type FittedPanel, fitPanel, sharpPosition } from './fit.js';
export {
  type BundledFont,
  LETTERING_FACES,
  type LetteringFace,
  listFaceFonts,
} from './fonts/font-files.js';
export { createFontSet, type FaceMetrics, FontSet } from './fonts/font-set.js';
export { coverGeometry, type GeometryOverrides, pageGeometry } from './geometry.js';
export { type LetteredSheet, type LetterIssueOptions, letterIssue } from './letter-issue.js';
export { type IssueSheet, layoutLettering } from './lettering/layout-lettering.js';
export { drawLettering, type PdfDocument } from './lettering/pdf-lettering.js';
export {
  LETTERING_STYLE,
  type LetteringOptions,
  resolveLetteringOptions,
} from './lettering/style.js';
export {
  type OverlayTile,
  renderLetteringOverlays,
  renderLetteringSvg,
} from './lettering/svg-overlay.js';
export { normaliseText, type TextBlock, TextSetter } from './lettering/text-setter.js';
export type {
  GlyphRun,
  LetteringItem,
  LetteringKind,
  LetteringLayout,
  PositionedGlyph,
  ShapeGroup,
  TextPaint,
} from './lettering/types.js';
export { escapeMarkup } from './markup-text.js';
export {
  type ComposedPage,
  type ComposeEvent,
  type ComposeOptions,
  type ComposeResult,
  OUTPUT_FORMATS,
  type OutputFormat,
  resolveComposeOptions,
} from './options.js';
export { pdfMetadata } from './outputs/pdf-output.js';
export {
  type ComposePageOptions,
  composePage,
  type PageArt,
  type PageFormat,
  type PageImage,
} from './page-image.js';
export {
  createPdfWriter,
  type PdfMetadata,
  type PdfPage,
  type PdfWriter,
  pageLabelRanges,
  writePdf,
} from './pdf.js';
export { type PlannedSheet, type PlanOptions, planIssue, sheetArt } from './plan.js';
export type { ComposeWarning, OutputFile, OutputKind } from './types.js';
