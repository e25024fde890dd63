import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type WrittenFile, writeFileAtomic } from 'storyboard';
import type { OutputFile } from '../types.js';
import type { OutputContext, OutputWriter } from './output-writer.js';

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
      await removeStalePages(dir, new Set(outputs.map((output) => output.path)));
      return outputs;
    },
    // Pages already written stay: they are complete files, replaced on the next compose.
    abort: async () => {},
  };
}

/** Deletes page images in `dir` left by an earlier, longer compose of the same issue. */
async function removeStalePages(dir: string, keep: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(dir)) {
    if (/^page-\d+(-cover)?\.(jpg|png)$/.test(name) && !keep.has(join(dir, name))) {
      await rm(join(dir, name), { force: true });
    }
  }
}
