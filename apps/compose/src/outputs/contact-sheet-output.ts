import { join } from 'node:path';
import { createContactTile, planContactSheet, writeContactSheet } from '../contact-sheet.js';
import type { OutputContext, OutputWriter } from './output-writer.js';

/** `contact-sheet.jpg`: every page as a labelled thumbnail, for a quick look at the issue. */
export function createContactSheetOutput(context: OutputContext): OutputWriter<Buffer> {
  const path = join(context.options.outDir, 'contact-sheet.jpg');
  const first = context.sheets[0]?.geometry.canvas ?? { widthPx: 1, heightPx: 1 };
  const layout = planContactSheet(
    context.sheets.length,
    first.widthPx / first.heightPx,
    context.raw.contactSheet,
  );
  const tiles: Buffer[] = [];
  return {
    prepare: ({ planned, image }) =>
      createContactTile(image.jpeg ?? image.data, planned.label, layout, context.fonts),
    async add(_sheet, tile) {
      tiles.push(tile);
    },
    finish: async () => [
      {
        kind: 'contact-sheet',
        path,
        ...(await writeContactSheet(path, tiles, layout, context.raw.contactSheet)),
      },
    ],
    abort: async () => {},
  };
}
