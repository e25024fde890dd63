import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from 'storyboard';
import { describeSheet } from '../screen/describe-sheet.js';
import { pageRegions } from '../screen/page-regions.js';
import {
  encodeRendition,
  RENDITION_EXTENSIONS,
  type RenditionFormat,
  sizeForWidth,
} from '../screen/renditions.js';
import {
  SCREEN_INDEX_VERSION,
  type ScreenImage,
  type ScreenIndex,
  type ScreenPage,
} from '../screen/screen-index.js';
import type { OutputFile } from '../types.js';
import type { ComposedSheet, OutputContext, OutputWriter } from './output-writer.js';
import { removeStaleFiles } from './remove-stale-files.js';

/** Rendition files of a page in `screen/`: `page-001-800.webp`, `page-000-cover-480.jpg`, ... */
const RENDITION_FILE = /^page-\d+(-cover)?-\d+\.(webp|jpg)$/;

/** One page's renditions, written, with its entry in the index. */
interface PreparedScreenPage {
  entry: ScreenPage;
  files: OutputFile[];
}

/**
 * `screen/`: every page trimmed to its trim box (no bleed) in the reader's widths, as WebP with a
 * JPEG fallback, and `screen/pages.json` describing them (sizes, alt texts from the script, and
 * each panel's rectangle and lettering as fractions of the trimmed page, for the guided view).
 * Renditions are encoded and written while other pages are still being composed; renditions
 * left by an earlier compose are removed at the end.
 */
export async function createScreenOutput(
  context: OutputContext,
): Promise<OutputWriter<PreparedScreenPage>> {
  const dir = join(context.options.outDir, 'screen');
  await mkdir(dir, { recursive: true });
  const { screen } = context.options;
  const pageCount = context.story.pages.length;
  const pages: ScreenPage[] = [];
  const outputs: OutputFile[] = [];

  const writeRendition = async (
    sheet: ComposedSheet,
    size: { width: number; height: number },
    format: RenditionFormat,
  ) => {
    const quality = format === 'webp' ? screen.webpQuality : screen.jpegQuality;
    const data = await encodeRendition(sheet.image, {
      ...size,
      format,
      quality,
    });
    const name = `${sheet.planned.name}-${size.width}.${RENDITION_EXTENSIONS[format]}`;
    const path = join(dir, name);
    return {
      name,
      file: { kind: 'screen' as const, path, ...(await writeFileAtomic(path, data)) },
    };
  };

  return {
    needsTrimmedPage: true,
    async prepare(sheet) {
      const { planned } = sheet;
      const trim = { width: planned.geometry.trimBoxPx.w, height: planned.geometry.trimBoxPx.h };
      const sizes = new Map(
        screen.widths.map((width) => sizeForWidth(trim, width)).map((size) => [size.width, size]),
      );
      // Every rendition at once, the largest first: the last page of a run is composed alone,
      // and one rendition after another would leave all but one core idle.
      const largestFirst = [...sizes.values()].reverse();
      const written = await Promise.all(
        largestFirst.map((size) =>
          Promise.all([writeRendition(sheet, size, 'webp'), writeRendition(sheet, size, 'jpeg')]),
        ),
      );
      const images: ScreenImage[] = [];
      const files: OutputFile[] = [];
      for (const [index, [webp, jpeg]] of written.entries()) {
        const size = largestFirst[index] as { width: number; height: number };
        images.unshift({ ...size, webp: webp.name, jpeg: jpeg.name });
        files.unshift(webp.file, jpeg.file);
      }
      const description = describeSheet(context.story, planned.sheet, pageCount);
      const texts = new Map(description.panels.map((panel) => [panel.id, panel.text]));
      const entry: ScreenPage = {
        page: planned.page,
        label: planned.label,
        alt: description.alt,
        ...trim,
        images,
        panels: pageRegions(planned).map((region) => ({
          ...region,
          text: texts.get(region.id) ?? '',
        })),
      };
      return { entry, files };
    },
    async add(_sheet, prepared) {
      pages.push(prepared.entry);
      outputs.push(...prepared.files);
    },
    async finish() {
      const index: ScreenIndex = {
        version: SCREEN_INDEX_VERSION,
        title: context.story.title,
        language: context.story.language,
        direction: context.story.direction,
        pages,
      };
      const path = join(dir, 'pages.json');
      const written = await writeFileAtomic(path, `${JSON.stringify(index, null, 1)}\n`);
      await removeStaleFiles(dir, RENDITION_FILE, new Set(outputs.map((output) => output.path)));
      return [...outputs, { kind: 'screen-index', path, ...written }];
    },
    // Renditions already written stay: they are complete files, replaced on the next compose.
    abort: async () => {},
  };
}
