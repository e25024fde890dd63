import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type WrittenFile, writeFileAtomic } from 'storyboard';
import type { OutputFile } from '../types.js';
import type { OutputContext, OutputWriter } from './output-writer.js';
import { removeStaleFiles } from './remove-stale-files.js';

/** Page image files in `pages/`. */
const PAGE_FILE = /^page-\d+(-cover)?\.(jpg|png)$/;

/**
 * `pages/`: one image file per page (`page-000-cover.jpg`, `page-001.jpg`, ...), written as soon
 * as each page is composed. Page files left by an earlier, longer compose are removed at the end.
 */
export async function createPagesOutput(
  context: OutputContext,
): Promise<OutputWriter<WrittenFile>> {
  const dir = join(context.options.outDir, 'pages');
  await mkdir(dir, { recursive: true });
  const outputs: OutputFile[] = [];
  return {
    prepare: (sheet) => writeFileAtomic(join(dir, sheet.file), sheet.image.data),
    async add(sheet, written) {
      const kind = sheet.planned.page === 'cover' ? 'cover' : 'page';
      outputs.push({ kind, path: join(dir, sheet.file), ...written });
    },
    async finish() {
      await removeStaleFiles(dir, PAGE_FILE, new Set(outputs.map((output) => output.path)));
      return outputs;
    },
    // Pages already written stay: they are complete files, replaced on the next compose.
    abort: async () => {},
  };
}
