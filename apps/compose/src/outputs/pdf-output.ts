import { join } from 'node:path';
import type { Story } from 'storyboard';
import type { ResolvedComposeOptions } from '../options.js';
import type { PageImage } from '../page-image.js';
import { createPdfWriter, type PdfColours, type PdfMetadata, RGB_PDF_COLOURS } from '../pdf.js';
import type { OutputKind } from '../types.js';
import type { ComposedSheet, OutputContext, OutputWriter } from './output-writer.js';

/** One edition of the PDF: which file, in which colours, from which encoding of the pages. */
export interface PdfEdition {
  kind: OutputKind;
  /** File name in the output folder. */
  fileName: string;
  colours: PdfColours;
  /** The page art it embeds, in the colours' space. */
  art: (image: PageImage) => Buffer | undefined;
  /** Compose must encode the page JPEG (`jpeg`) or the CMYK art (`cmykArt`) for it. */
  needs: 'jpeg' | 'cmykArt';
  /** Work on a page before it is added (out of order, while other pages are composed). */
  prepare?: (sheet: ComposedSheet) => Promise<void>;
}

/** `<slug>.pdf`: every page's JPEG with its lettering as vector text, streamed page by page. */
export function createPdfOutput(context: OutputContext): OutputWriter {
  return createPdfEditionOutput(context, {
    kind: 'pdf',
    fileName: `${context.story.slug}.pdf`,
    colours: RGB_PDF_COLOURS,
    art: (image) => image.jpeg,
    needs: 'jpeg',
  });
}

/** A PDF edition written page by page as compose hands the pages over. */
export function createPdfEditionOutput(context: OutputContext, edition: PdfEdition): OutputWriter {
  const path = join(context.options.outDir, edition.fileName);
  const metadata = pdfMetadata(context.story, context.options);
  const pdf = createPdfWriter(path, metadata, context.fonts, edition.colours);
  return {
    needsJpeg: edition.needs === 'jpeg',
    needsCmykArt: edition.needs === 'cmykArt',
    ...(edition.prepare === undefined ? {} : { prepare: edition.prepare }),
    async add({ planned, image }) {
      const art = edition.art(image);
      if (art === undefined) throw new Error(`${edition.fileName}: page art was not encoded`);
      await pdf.addPage({
        geometry: planned.geometry,
        jpeg: art,
        lettering: image.lettering ?? planned.lettering,
        label: planned.label,
        title: planned.title,
      });
    },
    seal: () => pdf.seal(),
    finish: async () => [{ kind: edition.kind, path, ...(await pdf.finish()) }],
    abort: () => pdf.abort(),
  };
}

/** Document information for the PDF, from the script. */
export function pdfMetadata(
  story: Story,
  options: Pick<ResolvedComposeOptions, 'creationDate'>,
): PdfMetadata {
  const people = [...new Set([...story.credits.writer, ...story.credits.artist])];
  const keywords = [
    'comic',
    ...(story.series === undefined ? [] : [story.series]),
    ...Object.values(story.characters).map((c) => c.name),
  ];
  return {
    title: story.title,
    ...(people.length > 0 ? { author: people.join(', ') } : {}),
    ...(story.summary === undefined ? {} : { subject: story.summary.trim() }),
    keywords: keywords.join(', '),
    language: story.language,
    direction: story.direction,
    creationDate: options.creationDate,
  };
}
