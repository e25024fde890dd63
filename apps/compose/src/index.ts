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
export {
  type Cmyk,
  type CmykPalette,
  cmykOf,
  createCmykPalette,
  encodeCmykJpeg,
} from './colour/cmyk.js';
export { embedIccInJpeg, embedIccInPng } from './colour/embed-icc.js';
export {
  FOGRA39_PROFILE,
  type IccProfile,
  readIccProfile,
  SRGB_PROFILE,
} from './colour/icc-profiles.js';
export { buildComicInfo, type ComicInfoPage } from './comic-info.js';
export { composeIssue } from './compose-issue.js';
export {
  type ContactSheet,
  type ContactSheetLayout,
  type ContactSheetOptions,
  createContactSheet,
  createContactTile,
  planContactSheet,
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
export {
  drawLettering,
  letteringColours,
  type PaintOf,
  type PdfDocument,
  type PdfPaint,
} from './lettering/pdf-lettering.js';
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
  OPT_IN_FORMATS,
  OUTPUT_FORMATS,
  type OutputFormat,
  resolveComposeOptions,
} from './options.js';
export { type PdfEdition, pdfMetadata } from './outputs/pdf-output.js';
export {
  type ComposePageOptions,
  composePage,
  type PageArt,
  type PageFormat,
  type PageImage,
} from './page-image.js';
export type { PanelPictures, PictureArrivals } from './panel-pictures.js';
export {
  createPdfWriter,
  type PdfColours,
  type PdfMetadata,
  type PdfPage,
  type PdfWriter,
  pageLabelRanges,
  RGB_PDF_COLOURS,
  writePdf,
} from './pdf.js';
export { addOutputIntent } from './pdf-output-intent.js';
export { type PlannedSheet, type PlanOptions, planIssue, sheetArt } from './plan.js';
export type {
  ScreenImage,
  ScreenIndex,
  ScreenPage,
  ScreenPanel,
} from './screen/screen-index.js';
export type { ComposeWarning, OutputFile, OutputKind } from './types.js';
