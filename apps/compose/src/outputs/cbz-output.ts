import { join } from 'node:path';
import { createCbzWriter } from '../cbz.js';
import { buildComicInfo, type ComicInfoPage } from '../comic-info.js';
import type { OutputContext, OutputWriter } from './output-writer.js';

/** `<slug>.cbz`: the page images (the very bytes of the page files) and `ComicInfo.xml`. */
export function createCbzOutput(context: OutputContext): OutputWriter {
  const path = join(context.options.outDir, `${context.story.slug}.cbz`);
  const cbz = createCbzWriter(path, { mtime: context.options.creationDate });
  const pages: ComicInfoPage[] = [];
  return {
    async add({ planned, image, file }) {
      await cbz.addPage({ name: file, data: image.data });
      pages.push({
        type: planned.page === 'cover' ? 'FrontCover' : 'Story',
        width: image.width,
        height: image.height,
        bytes: image.data.length,
      });
    },
    finish: async () => [
      { kind: 'cbz', path, ...(await cbz.finish(buildComicInfo(context.story, pages))) },
    ],
    abort: () => cbz.abort(),
  };
}
