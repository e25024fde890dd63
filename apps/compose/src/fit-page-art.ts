import { createHash } from 'node:crypto';
import type { Focus, PageLayout, Rect } from 'storyboard';
import { MissingPanelError } from './errors.js';
import { useHashedFile } from './file-hash.js';
import { type FittedPanel, fitPanel } from './fit.js';
import { analyseArt } from './lettering/art/analyse-art.js';
import type { ArtMap } from './lettering/art/art-map.js';

/** One picture on a page. */
export interface PageArt {
  /** Panel id (`cover` for the cover). */
  panel: string;
  /**
   * Image file (or its bytes), or a file still to arrive: each picture is fitted as soon as it
   * is there, while the page's other pictures are still arriving.
   */
  input: string | Buffer | Promise<string>;
  /** Where the picture goes (a slot's `art` rectangle, or the whole canvas for the cover). */
  rect: Rect;
  focus: Focus;
  /** The panel's cell, filled with the border colour under the picture; none for the cover. */
  frame?: Rect;
}

/** A page's picture fitted to its rectangle, with the hash of its file and, when read, its art. */
export interface FittedPicture extends FittedPanel {
  /** SHA-256 of the picture file's bytes, lower-case hex. */
  sha256: string;
  /** Where the picture is busy, when asked for (`readArt`). */
  art?: ArtMap;
}

/** Options of {@link fitPageArt}. */
export interface FitPageArtOptions {
  /** Also read each picture's art map (`analyseArt`), for lettering placed by the art. */
  readArt: boolean;
  /** Largest panel image accepted, in pixels; `false` for no limit. */
  limitInputPixels?: number | false | undefined;
}

/**
 * Reads, hashes and fits every picture of a page (in parallel, as raw pixels in memory), each as
 * soon as its file is there, and reads its art while the page's other pictures are still
 * arriving. A picture that cannot be read rejects with a `MissingPanelError`.
 */
export function fitPageArt(
  geometry: PageLayout,
  art: readonly PageArt[],
  page: number | 'cover',
  options: FitPageArtOptions,
): Promise<FittedPicture[]> {
  return Promise.all(
    art.map(async (item): Promise<FittedPicture> => {
      let described = Buffer.isBuffer(item.input) ? '(buffer)' : undefined;
      try {
        // A file or bytes at hand go to the thread pool now, before this function first yields:
        // the caller may keep the main thread busy (lettering the issue) before it does.
        const input =
          typeof item.input === 'string' || Buffer.isBuffer(item.input)
            ? item.input
            : await item.input;
        const fitOptions = {
          focus: item.focus,
          background: geometry.background,
          ...(options.limitInputPixels === undefined
            ? {}
            : { limitInputPixels: options.limitInputPixels }),
        };
        const finish = (panel: FittedPanel, sha256: string): FittedPicture =>
          options.readArt
            ? { ...panel, sha256, art: analyseArt(panel, item.rect) }
            : { ...panel, sha256 };
        if (typeof input === 'string') {
          described = input;
          // sharp reads the file itself while it is hashed in chunks: no copy of it in memory.
          const { result, sha256 } = await useHashedFile(input, (source) =>
            fitPanel(source, item.rect.w, item.rect.h, fitOptions),
          );
          return finish(result, sha256);
        }
        const sha256 = createHash('sha256').update(input).digest('hex');
        return finish(await fitPanel(input, item.rect.w, item.rect.h, fitOptions), sha256);
      } catch (error) {
        throw new MissingPanelError({ page, panel: item.panel }, described, { cause: error });
      }
    }),
  );
}
