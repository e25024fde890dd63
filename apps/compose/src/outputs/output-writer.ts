import type { Story } from 'storyboard';
import type { FontSet } from '../fonts/font-set.js';
import type { LetteredSheet } from '../letter-issue.js';
import type { ComposeOptions, ResolvedComposeOptions } from '../options.js';
import type { PageImage } from '../page-image.js';
import type { OutputFile } from '../types.js';

/** A composed page image, as every output writer receives it. */
export interface ComposedSheet {
  planned: LetteredSheet;
  image: PageImage;
  /** File name of the page image, e.g. `page-001.jpg` (in `pages/`, the CBZ, ...). */
  file: string;
}

/** What every output writer is made from. */
export interface OutputContext {
  story: Story;
  sheets: readonly LetteredSheet[];
  options: ResolvedComposeOptions;
  /** The caller's options, for settings only one writer uses. */
  raw: ComposeOptions;
  fonts: FontSet;
}

/**
 * One output written from the composed pages. Compose hands every page to every writer: first
 * to `prepare`, which may run while other pages are still being composed (out of order), then
 * to `add`, strictly in reading order, with what `prepare` returned. A writer without `prepare`
 * is given each page as soon as it and the pages before it are composed, and `seal`ed right
 * after the last one, while the other writers still prepare it.
 */
export interface OutputWriter<Prepared = unknown> {
  /** The page JPEG is needed even when pages are PNG (the PDF embeds JPEGs). */
  readonly needsJpeg?: boolean;
  /** The page art without lettering as a CMYK JPEG is needed (the print edition). */
  readonly needsCmykArt?: boolean;
  /** Renditions of the page cut to its trim box are made (screen, CBZ, EPUB). */
  readonly needsTrimmedPage?: boolean;
  prepare?(sheet: ComposedSheet): Promise<Prepared>;
  add(sheet: ComposedSheet, prepared: Prepared): Promise<void>;
  /**
   * It has every page: do the costly end of the file now (nothing is moved into place until
   * `finish`, so a compose that fails later still leaves nothing behind).
   */
  seal?(): void;
  /** Finishes and moves every file into place; returns them, for the manifest. */
  finish(): Promise<OutputFile[]>;
  /** Drops everything not finished yet; nothing appears at a final path. */
  abort(): Promise<void>;
}
