import { join } from 'node:path';
import type { Story } from 'storyboard';
import type { ResolvedComposeOptions } from '../options.js';
import { createPdfWriter, type PdfMetadata } from '../pdf.js';
import type { OutputContext, OutputWriter } from './output-writer.js';

/** `<slug>.pdf`: every page's JPEG with its lettering as vector text, streamed page by page. */
export function createPdfOutput(context: OutputContext): OutputWriter {
  const path = join(context.options.outDir, `${context.story.slug}.pdf`);
  const pdf = createPdfWriter(path, pdfMetadata(context.story, context.options), context.fonts);
  return {
    needsJpeg: true,
    async add({ planned, image }) {
      await pdf.addPage({
        geometry: planned.geometry,
        jpeg: image.jpeg as Buffer,
        lettering: image.lettering ?? planned.lettering,
        label: planned.label,
        title: planned.title,
      });
    },
    finish: async () => [{ kind: 'pdf', path, ...(await pdf.finish()) }],
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
