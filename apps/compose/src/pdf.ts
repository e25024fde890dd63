import PDFDocument from 'pdfkit';
import {
  type AtomicWriteStream,
  createAtomicWriteStream,
  type PageLayout,
  toPdfBox,
  type WrittenFile,
} from 'storyboard';
import { type IccProfile, SRGB_PROFILE } from './colour/icc-profiles.js';
import type { FontSet } from './fonts/font-set.js';
import { drawLettering, type PaintOf } from './lettering/pdf-lettering.js';
import type { LetteringLayout } from './lettering/types.js';
import { addOutputIntent } from './pdf-output-intent.js';
import { writeEscapedXmp } from './pdf-xmp.js';

/** Document information of the PDF. */
export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  /** BCP-47 language of the text. */
  language?: string;
  /** `rtl` asks viewers to read right to left (`/ViewerPreferences /Direction /R2L`). */
  direction?: 'ltr' | 'rtl';
  /** @default now */
  creationDate?: Date;
}

/**
 * The colour of one edition of the PDF: what its device colours mean and how lettering colours
 * are written. The page JPEGs must be in the intent's colour space (RGB or CMYK).
 */
export interface PdfColours {
  /** Profile of the output intent. */
  intent: IccProfile;
  /** Lettering colours as written into the content stream. */
  paint: PaintOf;
}

/** The RGB edition: sRGB page JPEGs and lettering colours as the layout gives them. */
export const RGB_PDF_COLOURS: PdfColours = Object.freeze({
  intent: SRGB_PROFILE,
  paint: (colour: string) => colour,
});

/** One PDF page: the page image and, on top, the same lettering as vector text. */
export interface PdfPage {
  geometry: PageLayout;
  /** JPEG of the whole canvas (the bleed box), in the edition's colour space; embedded as is. */
  jpeg: Buffer;
  lettering?: LetteringLayout;
  /** Page label shown by viewers: `Cover`, `1`, `2`, ... */
  label: string;
  /** Outline (bookmark) entry. */
  title: string;
}

/** A PDF being written page by page to a temporary file. */
export interface PdfWriter {
  addPage(page: PdfPage): Promise<void>;
  /**
   * Ends the document after its last page: fonts embedded (subset) and the trailer written into
   * the temporary file, nothing moved into place yet. `finish` does it when not done already.
   */
  seal(): void;
  /** Finishes the document and moves it into place. */
  finish(): Promise<WrittenFile>;
  /** Drops the document; nothing appears at the final path. */
  abort(): Promise<void>;
}

/**
 * Starts a PDF at `path`, streamed to disk page by page (memory does not grow with the page
 * count). Each page's MediaBox and BleedBox are the canvas, its TrimBox the trim, in points;
 * the page JPEG is embedded unchanged (DCT passthrough) and the lettering drawn over it as vector
 * text with the bundled fonts embedded (subset). Pages get labels and outline entries. `colours`
 * gives the output intent (its ICC profile embedded) and the lettering colours: sRGB by default.
 */
export function createPdfWriter(
  path: string,
  metadata: PdfMetadata,
  fonts: FontSet,
  colours: PdfColours = RGB_PDF_COLOURS,
): PdfWriter {
  const out: AtomicWriteStream = createAtomicWriteStream(path);
  const creationDate = metadata.creationDate ?? new Date();
  const doc = new PDFDocument({
    autoFirstPage: false,
    pdfVersion: '1.7',
    displayTitle: true,
    ...(metadata.language === undefined ? {} : { lang: metadata.language }),
    info: {
      Title: metadata.title,
      ...(metadata.author ? { Author: metadata.author } : {}),
      ...(metadata.subject ? { Subject: metadata.subject } : {}),
      ...(metadata.keywords ? { Keywords: metadata.keywords } : {}),
      Creator: 'comics-factory compose',
      CreationDate: creationDate,
      ModDate: creationDate,
    },
  });
  writeEscapedXmp(doc, {
    title: metadata.title,
    author: metadata.author,
    subject: metadata.subject,
    keywords: metadata.keywords,
    language: metadata.language,
    creatorTool: 'comics-factory compose',
    producer: String(doc.info.Producer ?? 'PDFKit'),
    createDate: creationDate,
  });
  const root = (doc as unknown as { _root: { data: Record<string, unknown> } })._root;
  if (metadata.direction === 'rtl') {
    const preferences = root.data.ViewerPreferences as { data: Record<string, unknown> };
    preferences.data.Direction = 'R2L';
  }
  addOutputIntent(doc, colours.intent);
  doc.pipe(out.stream);
  const registered = new Set<string>();
  const labels: string[] = [];
  let sealed = false;
  const seal = () => {
    if (sealed) return;
    sealed = true;
    root.data.PageLabels = { Nums: pageLabelRanges(labels) };
    doc.end();
  };
  return {
    async addPage(page) {
      const { bleedBoxPt, trimBoxPt } = page.geometry;
      doc.addPage({ size: [bleedBoxPt.w, bleedBoxPt.h], margin: 0 });
      const dictionary = (doc.page as unknown as { dictionary: { data: Record<string, unknown> } })
        .dictionary;
      dictionary.data.TrimBox = toPdfBox(trimBoxPt);
      dictionary.data.BleedBox = toPdfBox(bleedBoxPt);
      doc.image(page.jpeg, 0, 0, { width: bleedBoxPt.w, height: bleedBoxPt.h });
      if (page.lettering !== undefined) {
        drawLettering(doc, page.lettering, fonts, registered, colours.paint);
      }
      doc.outline.addItem(page.title);
      labels.push(page.label);
      await out.drained(doc);
    },
    seal,
    async finish() {
      seal();
      return out.commit();
    },
    async abort() {
      doc.unpipe(out.stream);
      await out.abort();
    },
  };
}

/**
 * Writes a whole PDF from pages given in order (an array or an async iterable); see
 * {@link createPdfWriter}. Nothing is left at `path` if it fails.
 */
export async function writePdf(
  path: string,
  pages: Iterable<PdfPage> | AsyncIterable<PdfPage>,
  metadata: PdfMetadata,
  fonts: FontSet,
  colours: PdfColours = RGB_PDF_COLOURS,
): Promise<WrittenFile> {
  const writer = createPdfWriter(path, metadata, fonts, colours);
  try {
    for await (const page of pages) await writer.addPage(page);
    return await writer.finish();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/**
 * The `/PageLabels` number tree entries for labels given per page: a run of consecutive numbers
 * is one decimal range, anything else a prefix-only label.
 * @example pageLabelRanges(['Cover', '1', '2']) // [0, { P: String('Cover') }, 1, { S: 'D', St: 1 }]
 */
export function pageLabelRanges(labels: readonly string[]): unknown[] {
  const nums: unknown[] = [];
  const numberOf = (label: string | undefined) =>
    label !== undefined && /^[1-9]\d*$/.test(label) ? Number(label) : undefined;
  labels.forEach((label, index) => {
    const value = numberOf(label);
    const previous = numberOf(labels[index - 1]);
    if (value !== undefined && previous !== undefined && value === previous + 1) return;
    // pdfkit writes String objects as PDF strings, plain strings as names.
    nums.push(index, value === undefined ? { P: new String(label) } : { S: 'D', St: value });
  });
  return nums;
}
