import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Story } from 'storyboard';
import { type WrittenFile, writeFileAtomic } from 'storyboard';
import { runInOrder } from './_ordered-pool.js';
import { type CbzWriter, createCbzWriter } from './cbz.js';
import { buildComicInfo, type ComicInfoPage } from './comic-info.js';
import {
  type ContactSheetLayout,
  createContactTile,
  planContactSheet,
  writeContactSheet,
} from './contact-sheet.js';
import { createFontSet } from './fonts/font-set.js';
import { type LetteredSheet, letterIssue } from './letter-issue.js';
import type {
  ComposedPage,
  ComposeOptions,
  ComposeResult,
  ResolvedComposeOptions,
} from './options.js';
import { resolveComposeOptions } from './options.js';
import { assertNoLinkedOutputFolders } from './output-folders.js';
import { composePage, type PageImage } from './page-image.js';
import { createPdfWriter, type PdfMetadata, type PdfWriter } from './pdf.js';
import { sheetArt } from './plan.js';
import { createCanvasPool } from './raw-canvas.js';
import type { OutputFile, OutputKind } from './types.js';

/** What one page's work hands to the writers. */
interface ComposedSheet {
  image: PageImage;
  file: string;
  written: WrittenFile | undefined;
  tile: Buffer | undefined;
}

/**
 * Composes a rendered issue into its outputs under `outDir`: page images in `pages/`
 * (`page-000-cover.jpg`, `page-001.jpg`, ...), `<slug>.pdf`, `<slug>.cbz` and
 * `contact-sheet.jpg`. `panels` maps every panel id (and `cover`) to its image file.
 *
 * Everything that can be checked is checked before anything is written: every panel has an
 * image in the map, and all lettering fits (`LetteringError`) and can be drawn with the bundled
 * fonts (`MissingGlyphError`); `options.lettered` passes lettering already laid out by
 * `letterIssue`. Pages are then composed `pagesInFlight` at a time and streamed to
 * the PDF and CBZ in order, so memory does not grow with the page count. Every file is written
 * atomically; if composing fails, no PDF, CBZ or contact sheet appears and no temporary file is
 * left. Upscaled panels are reported in `warnings`.
 */
export async function composeIssue(
  story: Story,
  panels: ReadonlyMap<string, string>,
  options: ComposeOptions = {},
): Promise<ComposeResult> {
  const resolved = resolveComposeOptions(story, options);
  const fonts = options.fonts ?? createFontSet();
  const emit = options.onEvent ?? (() => undefined);
  // Every page's lettering is laid out (and so checked) before anything is written.
  const plan =
    options.lettered ??
    letterIssue(story, {
      fonts,
      lettering: options.lettering,
      cover: resolved.cover,
      ...(resolved.print === undefined ? {} : { print: resolved.print }),
      ...(resolved.dpi === undefined ? {} : { dpi: resolved.dpi }),
    });
  const arts = plan.map((planned) => sheetArt(planned, panels));

  const { outDir, formats } = resolved;
  await assertNoLinkedOutputFolders(outDir);
  await mkdir(outDir, { recursive: true });
  const pagesDir = formats.has('pages') ? join(outDir, 'pages') : undefined;
  if (pagesDir !== undefined) await mkdir(pagesDir, { recursive: true });
  const extension = resolved.pageFormat === 'jpeg' ? 'jpg' : 'png';
  const pdfPath = join(outDir, `${story.slug}.pdf`);
  const cbzPath = join(outDir, `${story.slug}.cbz`);
  const sheetPath = join(outDir, 'contact-sheet.jpg');
  const first = plan[0]?.geometry.canvas;
  const sheetLayout: ContactSheetLayout | undefined =
    formats.has('contact-sheet') && first !== undefined
      ? planContactSheet(plan.length, first.widthPx / first.heightPx, options.contactSheet)
      : undefined;

  const result: ComposeResult = { outDir, pages: [], outputs: [], warnings: [] };
  const record = (kind: OutputKind, path: string, written: WrittenFile) => {
    const output: OutputFile = { kind, path, ...written };
    result.outputs.push(output);
    emit({ type: 'output', output });
  };
  const comicPages: ComicInfoPage[] = [];
  const tiles: Buffer[] = [];
  let pdf: PdfWriter | undefined;
  let cbz: CbzWriter | undefined;
  const canvasPool = createCanvasPool(resolved.pagesInFlight);
  emit({ type: 'start', pages: plan.length, outDir });
  try {
    pdf = formats.has('pdf')
      ? createPdfWriter(pdfPath, pdfMetadata(story, resolved), fonts)
      : undefined;
    cbz = formats.has('cbz')
      ? createCbzWriter(cbzPath, { mtime: resolved.creationDate })
      : undefined;
    await runInOrder(
      plan,
      resolved.pagesInFlight,
      async (planned, index): Promise<ComposedSheet> => {
        options.signal?.throwIfAborted();
        const { lettering } = planned;
        const image = await composePage(
          planned.geometry,
          arts[index] ?? [],
          lettering,
          fonts,
          planned.page,
          {
            format: resolved.pageFormat,
            jpegQuality: resolved.jpegQuality,
            jpegOptimiseCoding: resolved.jpegOptimiseCoding,
            alsoJpeg: pdf !== undefined,
            upscaleWarnFactor: resolved.upscaleWarnFactor,
            canvasPool,
            ...(resolved.limitInputPixels === undefined
              ? {}
              : { limitInputPixels: resolved.limitInputPixels }),
          },
        );
        const file = `${planned.name}.${extension}`;
        const written =
          pagesDir === undefined
            ? undefined
            : await writeFileAtomic(join(pagesDir, file), image.data);
        const tile =
          sheetLayout === undefined
            ? undefined
            : await createContactTile(image.jpeg ?? image.data, planned.label, sheetLayout, fonts);
        return { image, file, written, tile };
      },
      async (done, planned) => {
        await consumeSheet(done, planned);
      },
    );
    if (pdf !== undefined) record('pdf', pdfPath, await pdf.finish());
    if (cbz !== undefined)
      record('cbz', cbzPath, await cbz.finish(buildComicInfo(story, comicPages)));
    if (sheetLayout !== undefined) {
      record(
        'contact-sheet',
        sheetPath,
        await writeContactSheet(sheetPath, tiles, sheetLayout, options.contactSheet),
      );
    }
  } catch (error) {
    await Promise.allSettled([pdf?.abort(), cbz?.abort()]);
    throw error;
  }
  if (pagesDir !== undefined) {
    await removeStalePages(pagesDir, new Set(result.pages.map((p) => p.file)));
  }
  return result;

  async function consumeSheet(done: ComposedSheet, planned: LetteredSheet): Promise<void> {
    const { image } = done;
    if (pdf !== undefined) {
      await pdf.addPage({
        geometry: planned.geometry,
        jpeg: image.jpeg as Buffer,
        lettering: planned.lettering,
        label: planned.label,
        title: planned.title,
      });
    }
    // The very bytes of the page file: nothing is read back or encoded again.
    if (cbz !== undefined) await cbz.addPage({ name: done.file, data: image.data });
    comicPages.push({
      type: planned.page === 'cover' ? 'FrontCover' : 'Story',
      width: image.width,
      height: image.height,
      bytes: image.data.length,
    });
    if (done.tile !== undefined) tiles.push(done.tile);
    const page: ComposedPage = {
      page: planned.page,
      file: done.file,
      width: image.width,
      height: image.height,
      bytes: image.data.length,
    };
    result.pages.push(page);
    if (pagesDir !== undefined && done.written !== undefined) {
      record(planned.page === 'cover' ? 'cover' : 'page', join(pagesDir, done.file), done.written);
    }
    for (const warning of image.warnings) {
      result.warnings.push(warning);
      emit({ type: 'warning', warning });
    }
    emit({ type: 'page', done: result.pages.length, total: plan.length, page: planned.page });
  }
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

/** Deletes page images in `dir` left by an earlier, longer compose of the same issue. */
async function removeStalePages(dir: string, keep: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(dir)) {
    if (/^page-\d+(-cover)?\.(jpg|png)$/.test(name) && !keep.has(name)) {
      await rm(join(dir, name), { force: true });
    }
  }
}
