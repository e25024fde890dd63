import { join } from 'node:path';
import type { ManifestPage, Story } from 'storyboard';
import type { ContactSheetOptions } from './contact-sheet.js';
import type { FontSet } from './fonts/font-set.js';
import type { LetteredSheet } from './letter-issue.js';
import type { LetteringOptions } from './lettering/style.js';
import type { PageFormat } from './page-image.js';
import type { ComposeWarning, OutputFile } from './types.js';

/** The files compose can write. */
export type OutputFormat =
  | 'pages'
  | 'pdf'
  | 'cbz'
  | 'contact-sheet'
  | 'screen'
  | 'epub'
  | 'pdf-cmyk';

/** The formats written unless others are asked for. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = Object.freeze([
  'pages',
  'pdf',
  'cbz',
  'contact-sheet',
  'screen',
  'epub',
]);

/** Formats written only when asked for: the CMYK print edition. */
export const OPT_IN_FORMATS: readonly OutputFormat[] = Object.freeze(['pdf-cmyk']);

/**
 * The renditions made for screens from the composed pages, trimmed to the trim box (no bleed):
 * the web reader's widths (`screen/`) and the one size of the CBZ and EPUB pages.
 */
export interface ScreenOptions {
  /**
   * Widths of the web reader's renditions in pixels, each as WebP and JPEG; never wider than
   * the trimmed page. Phones take 800 or 1280 (1280 at 3 device pixels per CSS pixel), tablets
   * 1280 or 1920, desktops 1920.
   * @default [480, 800, 1280, 1920]
   */
  widths?: readonly number[];
  /** @default 75 */
  webpQuality?: number;
  /** Quality of the JPEG fallbacks. @default 80 */
  jpegQuality?: number;
  /**
   * Long side of the CBZ and EPUB pages in pixels (never enlarged). The EPUB's are also kept
   * within 4 million pixels, the most Apple Books takes in a fixed-layout book.
   * @default 2560
   */
  archiveLongSide?: number;
  /** JPEG quality of the CBZ and EPUB pages. @default 85 */
  archiveJpegQuality?: number;
}

/** `ScreenOptions` with defaults applied. */
export type ResolvedScreenOptions = Required<ScreenOptions>;

/** Progress reported while composing. */
export type ComposeEvent =
  | { type: 'start'; pages: number; outDir: string }
  | { type: 'page'; done: number; total: number; page: number | 'cover' }
  | { type: 'warning'; warning: ComposeWarning }
  | { type: 'output'; output: OutputFile };

/** Options of `composeIssue`. */
export interface ComposeOptions {
  /**
   * Folder the outputs go to (created if needed).
   * @default `out/<story.slug>`
   */
  outDir?: string;
  /**
   * Which outputs to write. `pdf-cmyk` is the print edition, `<slug>-cmyk.pdf` (FOGRA39 CMYK).
   * @default OUTPUT_FORMATS: ['pages', 'pdf', 'cbz', 'contact-sheet', 'screen', 'epub']
   */
  formats?: readonly OutputFormat[];
  /**
   * Format of the page images (in `pages/` and the CBZ). The PDF always embeds JPEGs.
   * @default 'jpeg'
   */
  pageFormat?: PageFormat;
  /** @default 90 */
  jpegQuality?: number;
  /**
   * Optimise JPEG Huffman tables: about 4% smaller files, twice the encoding time.
   * @default false
   */
  jpegOptimiseCoding?: boolean;
  /**
   * `true`: print output with bleed (the script's, else 0.125 in); `false`: no bleed;
   * left out: the script's bleed (none unless it sets one).
   */
  print?: boolean;
  /** Canvas resolution instead of the script's `page.dpi` (e.g. 72 or 150 for previews). */
  dpi?: number;
  /**
   * Include the cover (when the script has one; its image is the panel id `cover`).
   * @default true
   */
  cover?: boolean;
  /**
   * Pages composed at the same time. Memory grows with this, not with the page count.
   * @default 2
   */
  pagesInFlight?: number;
  /**
   * Warn (in the result, never fail) when a picture prints below this many pixels per inch.
   * @default the script's `generation.upscale.ppi` (300)
   */
  minPpi?: number;
  /** Largest panel image accepted, in pixels; `false` for no limit. @default sharp's limit */
  limitInputPixels?: number | false;
  /** Lettering sizes and limits. */
  lettering?: LetteringOptions;
  /**
   * Place lettering where each page's pictures are quiet (their detail measured once fitted);
   * `false` keeps the lettering of `lettered` as it is (laid out without the pictures).
   * @default true
   */
  placeByArt?: boolean;
  /**
   * The pages with their lettering, from `letterIssue` with the same `cover`, `print`,
   * `dpi` and lettering options; laid out here when absent.
   */
  lettered?: readonly LetteredSheet[];
  /** Contact sheet size. */
  contactSheet?: ContactSheetOptions;
  /** Sizes and quality of the screen renditions (web reader, CBZ, EPUB). */
  screen?: ScreenOptions;
  /**
   * Creation date written in the PDF and CBZ.
   * @default now
   */
  creationDate?: Date;
  /** Fonts to letter with; pass one set to share parsed fonts between runs. @default the bundled fonts */
  fonts?: FontSet;
  /** Stops composing between pages; outputs in progress are removed. */
  signal?: AbortSignal;
  /** Progress callback. */
  onEvent?: (event: ComposeEvent) => void;
}

/** One page image composed. */
export interface ComposedPage {
  /** 1-based page number, or `'cover'`. */
  page: number | 'cover';
  /** File name, e.g. `page-001.jpg` (in `pages/` and in the CBZ). */
  file: string;
  width: number;
  height: number;
  bytes: number;
  /** Boxes, pictures and lettering in points, as the run manifest records them. */
  geometry: ManifestPage;
}

/** What `composeIssue` produced. */
export interface ComposeResult {
  outDir: string;
  /** Every page image in reading order, cover first. */
  pages: ComposedPage[];
  /** Every file written, with size and SHA-256, for the run manifest. */
  outputs: OutputFile[];
  warnings: ComposeWarning[];
}

/** Options with defaults applied. */
export interface ResolvedComposeOptions {
  outDir: string;
  formats: ReadonlySet<OutputFormat>;
  pageFormat: PageFormat;
  jpegQuality: number;
  jpegOptimiseCoding: boolean;
  print: boolean | undefined;
  dpi: number | undefined;
  cover: boolean;
  pagesInFlight: number;
  minPpi: number;
  limitInputPixels: number | false | undefined;
  creationDate: Date;
  screen: ResolvedScreenOptions;
}

/** Applies defaults and checks values; throws a `RangeError` naming a bad option. */
export function resolveComposeOptions(
  story: Story,
  options: ComposeOptions,
  now: () => Date = () => new Date(),
): ResolvedComposeOptions {
  const formats = new Set(options.formats ?? OUTPUT_FORMATS);
  const known = [...OUTPUT_FORMATS, ...OPT_IN_FORMATS];
  for (const format of formats) {
    if (!known.includes(format)) {
      throw new RangeError(
        `formats: unknown format ${JSON.stringify(format)} (expected ${known.join(', ')})`,
      );
    }
  }
  const pageFormat = options.pageFormat ?? 'jpeg';
  if (pageFormat !== 'jpeg' && pageFormat !== 'png') {
    throw new RangeError(`pageFormat must be 'jpeg' or 'png' (got ${JSON.stringify(pageFormat)})`);
  }
  const jpegQuality = options.jpegQuality ?? 90;
  if (!Number.isInteger(jpegQuality) || jpegQuality < 1 || jpegQuality > 100) {
    throw new RangeError(`jpegQuality must be a whole number from 1 to 100 (got ${jpegQuality})`);
  }
  const pagesInFlight = options.pagesInFlight ?? 2;
  if (!Number.isInteger(pagesInFlight) || pagesInFlight < 1) {
    throw new RangeError(
      `pagesInFlight must be a whole number of at least 1 (got ${pagesInFlight})`,
    );
  }
  const minPpi = options.minPpi ?? story.generation.upscale.ppi;
  if (!(minPpi > 0)) {
    throw new RangeError(`minPpi must be positive (got ${minPpi})`);
  }
  return {
    outDir: options.outDir ?? join('out', story.slug),
    formats,
    pageFormat,
    jpegQuality,
    jpegOptimiseCoding: options.jpegOptimiseCoding ?? false,
    print: options.print,
    dpi: options.dpi,
    cover: options.cover ?? true,
    pagesInFlight,
    minPpi,
    limitInputPixels: options.limitInputPixels,
    creationDate: options.creationDate ?? now(),
    screen: resolveScreenOptions(options.screen ?? {}),
  };
}

function resolveScreenOptions(options: ScreenOptions): ResolvedScreenOptions {
  const whole = (name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER) => {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(
        `screen.${name} must be a whole number from ${min} to ${max} (got ${value})`,
      );
    }
    return value;
  };
  const widths = [...new Set(options.widths ?? [480, 800, 1280, 1920])].sort((a, b) => a - b);
  if (widths.length === 0) throw new RangeError('screen.widths must list at least one width');
  for (const width of widths) whole('widths', width, 16, 16_383);
  return {
    widths,
    webpQuality: whole('webpQuality', options.webpQuality ?? 75, 1, 100),
    jpegQuality: whole('jpegQuality', options.jpegQuality ?? 80, 1, 100),
    archiveLongSide: whole('archiveLongSide', options.archiveLongSide ?? 2560, 16, 16_383),
    archiveJpegQuality: whole('archiveJpegQuality', options.archiveJpegQuality ?? 85, 1, 100),
  };
}
