import { join } from 'node:path';
import { arrangeSpreads } from 'storyboard';
import {
  buildContainer,
  buildNavDocument,
  buildPageDocument,
  buildRegionNavDocument,
  PAGE_STYLESHEET,
} from '../epub/epub-documents.js';
import { buildPackageDocument } from '../epub/epub-package.js';
import { type EpubPage, PACKAGE_DIR } from '../epub/epub-types.js';
import { type ArchivePage, archivePage } from '../screen/archive-page.js';
import { describeSheet } from '../screen/describe-sheet.js';
import { pageRegions } from '../screen/page-regions.js';
import { createZipWriter } from '../zip-writer.js';
import type { OutputContext, OutputWriter } from './output-writer.js';

/** The most pixels Apple Books takes in one image of a fixed-layout book. */
const EPUB_MAX_PIXELS = 4_000_000;

const text = (value: string) => ({ data: Buffer.from(value, 'utf8') });

/**
 * Which side of a spread each page sits on, as a bound book shows them: the first page alone on
 * the recto (right in `ltr`, left in `rtl`), then pairs.
 */
function spreadSides(count: number, direction: 'ltr' | 'rtl'): Array<'left' | 'right'> {
  const sides: Array<'left' | 'right'> = [];
  for (const spread of arrangeSpreads(count, direction)) {
    if (spread.left !== null) sides[spread.left] = 'left';
    if (spread.right !== null) sides[spread.right] = 'right';
  }
  return sides;
}

/**
 * `<slug>.epub`: an EPUB 3 fixed-layout book. One XHTML page per spine item showing the page's
 * screen rendition for archives (its viewport the image's size), the cover first (also the
 * cover image), a navigation document with contents, page list and landmarks, the panels as
 * EPUB Region-Based Navigation regions, and metadata from the script. The archive starts with
 * the `mimetype` entry, stored, as OCF requires; the rest is streamed page by page.
 */
export async function createEpubOutput(context: OutputContext): Promise<OutputWriter<ArchivePage>> {
  const { story, options } = context;
  const path = join(options.outDir, `${story.slug}.epub`);
  const zip = createZipWriter(path, { mtime: options.creationDate });
  const sides = spreadSides(context.sheets.length, story.direction);
  const pages: EpubPage[] = [];
  const add = (name: string, value: string) =>
    zip.add(`${PACKAGE_DIR}/${name}`, text(value), { compress: true });
  try {
    await zip.add('mimetype', text('application/epub+zip'), { dosTimestampOnly: true });
    await zip.add('META-INF/container.xml', text(buildContainer(`${PACKAGE_DIR}/package.opf`)), {
      compress: true,
    });
    await add('style.css', PAGE_STYLESHEET);
  } catch (error) {
    await zip.abort();
    throw error;
  }
  return {
    needsTrimmedPage: true,
    prepare: (sheet) => archivePage(sheet, options, EPUB_MAX_PIXELS),
    async add({ planned }, image) {
      const description = describeSheet(story, planned.sheet, story.pages.length);
      const page: EpubPage = {
        id: planned.name,
        label: planned.label,
        title: planned.title,
        isCover: planned.page === 'cover',
        document: `pages/${planned.name}.xhtml`,
        image: `images/${image.name}`,
        mediaType: image.name.endsWith('.png') ? 'image/png' : 'image/jpeg',
        width: image.width,
        height: image.height,
        alt: description.alt,
        spread: sides[pages.length] ?? 'right',
        regions: pageRegions(planned),
      };
      pages.push(page);
      await zip.add(`${PACKAGE_DIR}/${page.image}`, { data: image.data });
      await add(page.document, buildPageDocument(page, story.language));
    },
    async finish() {
      await add('nav.xhtml', buildNavDocument(pages, story.title, story.language));
      const hasPanels = pages.some((page) => !page.isCover && page.regions.length > 0);
      const regionNav = hasPanels ? 'regions.xhtml' : undefined;
      if (regionNav !== undefined) {
        await add(regionNav, buildRegionNavDocument(pages, story.title, story.language));
      }
      await add(
        'package.opf',
        buildPackageDocument(story, pages, options.creationDate, { regionNav }),
      );
      return [{ kind: 'epub', path, ...(await zip.finish()) }];
    },
    abort: () => zip.abort(),
  };
}
