import { join } from 'node:path';
import { createCbzWriter } from '../cbz.js';
import { buildComicInfo, type ComicInfoPage } from '../comic-info.js';
import { type ArchivePage, archivePage } from '../screen/archive-page.js';
import type { OutputContext, OutputWriter } from './output-writer.js';

/**
 * `<slug>.cbz`: every page's screen rendition for archives (trimmed, long side
 * `screen.archiveLongSide`) and `ComicInfo.xml`. Renditions are made while other pages are
 * still being composed, and added in reading order.
 */
export function createCbzOutput(context: OutputContext): OutputWriter<ArchivePage> {
  const path = join(context.options.outDir, `${context.story.slug}.cbz`);
  const cbz = createCbzWriter(path, { mtime: context.options.creationDate });
  const pages: ComicInfoPage[] = [];
  return {
    needsTrimmedPage: true,
    prepare: (sheet) => archivePage(sheet, context.options),
    async add({ planned }, page) {
      await cbz.addPage({ name: page.name, data: page.data });
      pages.push({
        type: planned.page === 'cover' ? 'FrontCover' : 'Story',
        width: page.width,
        height: page.height,
        bytes: page.data.length,
      });
    },
    finish: async () => [
      { kind: 'cbz', path, ...(await cbz.finish(buildComicInfo(context.story, pages))) },
    ],
    abort: () => cbz.abort(),
  };
}
