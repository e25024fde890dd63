import type { OutputFormat } from '../options.js';
import { createCbzOutput } from './cbz-output.js';
import { createContactSheetOutput } from './contact-sheet-output.js';
import type { OutputContext, OutputWriter } from './output-writer.js';
import { createPagesOutput } from './pages-output.js';
import { createPdfOutput } from './pdf-output.js';

/** How each output format is written. */
const WRITERS: Readonly<
  Record<OutputFormat, (context: OutputContext) => OutputWriter | Promise<OutputWriter>>
> = {
  pages: createPagesOutput,
  pdf: createPdfOutput,
  cbz: createCbzOutput,
  'contact-sheet': createContactSheetOutput,
};

/** The writers of the requested formats, in a fixed order; all aborted if one cannot start. */
export async function createOutputs(context: OutputContext): Promise<OutputWriter[]> {
  const writers: OutputWriter[] = [];
  try {
    for (const format of Object.keys(WRITERS) as OutputFormat[]) {
      if (context.options.formats.has(format)) writers.push(await WRITERS[format](context));
    }
  } catch (error) {
    await Promise.allSettled(writers.map((writer) => writer.abort()));
    throw error;
  }
  return writers;
}
