import { mkdir } from 'node:fs/promises';
import type { Story } from 'storyboard';
import { runInOrder } from './_ordered-pool.js';
import { createFitAhead, type FitAhead } from './fit-ahead.js';
import { createFontSet } from './fonts/font-set.js';
import { type LetteredSheet, letterPlannedSheets, letterSheet } from './letter-issue.js';
import type { ComposeOptions, ComposeResult } from './options.js';
import { type ResolvedComposeOptions, resolveComposeOptions } from './options.js';
import { assertNoLinkedOutputFolders, sweepOutputFolders } from './output-folders.js';
import { createOutputs } from './outputs/create-outputs.js';
import type { ComposedSheet, OutputWriter } from './outputs/output-writer.js';
import { describePageGeometry } from './page-geometry.js';
import { composePage } from './page-image.js';
import { isArrivals, type PanelPictures, pagePictures } from './panel-pictures.js';
import { type PlannedSheet, planIssue, sheetArt } from './plan.js';
import { createCanvasPool } from './raw-canvas.js';

/**
 * Composes a rendered issue into its outputs under `outDir`: page images in `pages/`
 * (`page-000-cover.jpg`, `page-001.jpg`, ...), `<slug>.pdf`, `<slug>.cbz` and
 * `contact-sheet.jpg`. `panels` maps every panel id (and `cover`) to its image file, or gives
 * each one as it arrives (`PictureArrivals`): then each page is composed as soon as its own panels
 * are final, while others are still rendering.
 *
 * Everything that can be checked is checked before anything is written: every panel has an
 * image in the map (arriving pictures are checked as they arrive), and all lettering fits
 * (`LetteringError`) and can be drawn with the bundled fonts (`MissingGlyphError`);
 * `options.lettered` passes lettering already laid out by `letterIssue`. Meanwhile the first
 * pages' pictures are already being decoded and fitted. Each page's lettering is then laid out
 * once more, for good, when its pictures are fitted: where their art is quiet (`placeByArt`), and
 * handed to every writer. Pages are then composed `pagesInFlight` at a time, the next pages'
 * pictures fitted while the pages before them are lettered and encoded, and handed to every output
 * writer in order, so memory does not grow with the page count. Every file is written
 * atomically; if composing fails, no PDF, CBZ or contact sheet appears and no temporary file is
 * left. Pictures that print below `minPpi` are reported in `warnings`.
 */
export async function composeIssue(
  story: Story,
  panels: PanelPictures,
  options: ComposeOptions = {},
): Promise<ComposeResult> {
  const resolved = resolveComposeOptions(story, options);
  const plan =
    options.lettered ??
    planIssue(story, {
      cover: resolved.cover,
      ...(resolved.print === undefined ? {} : { print: resolved.print }),
      ...(resolved.dpi === undefined ? {} : { dpi: resolved.dpi }),
    });
  const fitting = createFitAhead(
    plan.map((sheet) => ({
      geometry: sheet.geometry,
      page: sheet.page,
      art: () => sheetArt(sheet, pagePictures(sheet, panels)),
    })),
    { readArt: options.placeByArt !== false, limitInputPixels: resolved.limitInputPixels },
  );
  // The pictures of the first pages, as many as are fitted ahead later on, are decoded and fitted
  // on the thread pool while the lettering is laid out (nothing is written before all of it is
  // checked): the pool has work until the main thread composes. Not pictures still arriving: a
  // lettering error is reported at once, not once they are there.
  if (!isArrivals(panels)) {
    const firstPages = resolved.pagesInFlight + FIT_AHEAD_PAGES;
    for (let index = 0; index < firstPages; index += 1) fitting.start(index);
  }
  try {
    return await composePlanned(story, panels, options, { resolved, plan, fitting });
  } finally {
    await fitting.settle();
  }
}

/**
 * How many pages beyond those in flight have their pictures fitted ahead (each about 22 MB of
 * pixels for a 300 dpi page of six panels). One page ahead leaves the pool idle while the main
 * thread assembles a page; two kept both cores busier in interleaved runs, and three did not.
 */
const FIT_AHEAD_PAGES = 2;

/** What {@link composeIssue} has set up before it letters the issue. */
interface ComposeSetup {
  resolved: ResolvedComposeOptions;
  plan: readonly PlannedSheet[];
  /** Fits the pages' pictures, the first ones already started. */
  fitting: FitAhead;
}

/** {@link composeIssue} once its pages are planned and their first pictures are being fitted. */
async function composePlanned(
  story: Story,
  panels: PanelPictures,
  options: ComposeOptions,
  { resolved, plan, fitting }: ComposeSetup,
): Promise<ComposeResult> {
  const fonts = options.fonts ?? createFontSet();
  const emit = options.onEvent ?? (() => undefined);
  // Every page's lettering is laid out (and so checked) before anything is written.
  const sheets =
    options.lettered ?? letterPlannedSheets(story, plan, { fonts, lettering: options.lettering });
  // With a map, a missing picture is found before anything is written.
  if (!isArrivals(panels)) for (const sheet of sheets) sheetArt(sheet, panels);

  const { outDir } = resolved;
  await assertNoLinkedOutputFolders(outDir);
  await mkdir(outDir, { recursive: true });
  await sweepOutputFolders(outDir);
  const extension = resolved.pageFormat === 'jpeg' ? 'jpg' : 'png';
  const writers: OutputWriter[] = await createOutputs({
    story,
    sheets,
    options: resolved,
    raw: options,
    fonts,
  });
  const alsoJpeg = writers.some((writer) => writer.needsJpeg);
  const cmykArt = writers.some((writer) => writer.needsCmykArt);
  const keepTrimmed = writers.some((writer) => writer.needsTrimmedPage);
  const canvasPool = createCanvasPool(resolved.pagesInFlight);
  // Writers with nothing to prepare (the PDFs) take each page as soon as it and the pages before
  // it are composed, through this lane, and are sealed after the last one: the PDF embeds its
  // fonts while the other writers still make the last page's renditions.
  const eager = writers.filter((writer) => writer.prepare === undefined);
  let eagerLane: Promise<void> = Promise.resolve();
  const result: ComposeResult = { outDir, pages: [], outputs: [], warnings: [] };
  emit({ type: 'start', pages: sheets.length, outDir });
  try {
    await runInOrder(
      sheets,
      resolved.pagesInFlight,
      async (planned, index) => {
        // Taken in page order (work starts in page order, before its first await).
        const turn = eagerLane;
        let passOn: (error?: unknown) => void = () => undefined;
        eagerLane = new Promise<void>((resolve, reject) => {
          passOn = (error) => (error === undefined ? resolve() : reject(error));
        });
        eagerLane.catch(() => undefined);
        try {
          return await composeAndPrepare(planned, index, turn, passOn);
        } catch (error) {
          passOn(error);
          throw error;
        }
      },
      async ({ sheet, prepared }) => {
        for (const [index, writer] of writers.entries()) {
          if (writer.prepare !== undefined) await writer.add(sheet, prepared[index]);
        }
        const { planned, image, file } = sheet;
        result.pages.push({
          page: planned.page,
          file,
          width: image.width,
          height: image.height,
          bytes: image.data.length,
          geometry: describePageGeometry(planned, image, file),
        });
        for (const warning of image.warnings) {
          result.warnings.push(warning);
          emit({ type: 'warning', warning });
        }
        emit({ type: 'page', done: result.pages.length, total: sheets.length, page: planned.page });
      },
    );
    // Writers finish side by side (the contact sheet is encoded, the archives closed).
    const finished = await Promise.allSettled(writers.map((writer) => writer.finish()));
    for (const outcome of finished) {
      if (outcome.status === 'rejected') throw outcome.reason;
      for (const output of outcome.value) {
        result.outputs.push(output);
        emit({ type: 'output', output });
      }
    }
  } catch (error) {
    await Promise.allSettled(writers.map((writer) => writer.abort()));
    throw error;
  }
  return result;

  /** One page: composed, handed to the eager writers in turn, prepared by the others. */
  async function composeAndPrepare(
    planned: LetteredSheet,
    index: number,
    turn: Promise<void>,
    passOn: (error?: unknown) => void,
  ) {
    options.signal?.throwIfAborted();
    const { art, fitted } = fitting.take(index);
    // Once this page's pictures are in, the thread pool goes on to those of the pages that start
    // when this one and the next are finished: it has them to decode while the main thread letters
    // and assembles this page.
    fitted.then(
      () => {
        for (let ahead = 0; ahead < FIT_AHEAD_PAGES; ahead += 1) {
          fitting.start(index + resolved.pagesInFlight + ahead);
        }
      },
      () => undefined,
    );
    const image = await composePage(
      planned.geometry,
      art,
      options.placeByArt === false
        ? planned.lettering
        : (fitted) => letterSheet(story, planned, fonts, options.lettering, fitted),
      fonts,
      planned.page,
      {
        format: resolved.pageFormat,
        jpegQuality: resolved.jpegQuality,
        jpegOptimiseCoding: resolved.jpegOptimiseCoding,
        alsoJpeg,
        cmykArt,
        ...(keepTrimmed ? { trimBox: planned.geometry.trimBoxPx } : {}),
        minPpi: resolved.minPpi,
        grayscale: story.color === 'bw',
        canvasPool,
        fitted,
      },
    );
    const sheet: ComposedSheet = { planned, image, file: `${planned.name}.${extension}` };
    const preparing = Promise.all(writers.map((writer) => writer.prepare?.(sheet)));
    preparing.catch(() => undefined);
    try {
      await turn;
      for (const writer of eager) await writer.add(sheet, undefined);
      if (index === sheets.length - 1) for (const writer of eager) writer.seal?.();
      passOn();
    } catch (error) {
      // Nothing of this page keeps writing once compose gives up.
      await preparing.catch(() => undefined);
      throw error;
    }
    const prepared = await preparing;
    // The renditions are made: the page waits for its turn without its trimmed pixels (the
    // canvas they may be part of goes back to the pool).
    image.releaseTrimmed?.();
    return { sheet, prepared };
  }
}
