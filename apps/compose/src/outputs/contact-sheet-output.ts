import { join } from 'node:path';
import { createContactSheet, createContactTile, planContactSheet } from '../contact-sheet.js';
import type { OutputContext, OutputWriter } from './output-writer.js';

/**
 * `contact-sheet.jpg`: every page as a labelled thumbnail, for a quick look at the issue. Each
 * thumbnail goes into the sheet as its page is handed over; the end only encodes it.
 */
export function createContactSheetOutput(context: OutputContext): OutputWriter<Buffer> {
  const path = join(context.options.outDir, 'contact-sheet.jpg');
  const first = context.sheets[0]?.geometry.canvas ?? { widthPx: 1, heightPx: 1 };
  const layout = planContactSheet(
    context.sheets.length,
    first.widthPx / first.heightPx,
    context.raw.contactSheet,
    context.story.direction,
  );
  const sheet = createContactSheet(layout, context.raw.contactSheet);
  let placed = 0;
  return {
    prepare: ({ planned, image }) =>
      createContactTile(image.jpeg ?? image.data, planned.label, layout, context.fonts),
    add: (_sheet, tile) => sheet.place(placed++, tile),
    finish: async () => [{ kind: 'contact-sheet', path, ...(await sheet.write(path)) }],
    abort: async () => {},
  };
}
