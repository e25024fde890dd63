import type { ResolvedComposeOptions } from '../options.js';
import type { ComposedSheet } from '../outputs/output-writer.js';
import { encodeRendition, RENDITION_EXTENSIONS, sizeForLongSide } from './renditions.js';

/** A page as the CBZ and the EPUB hold it. */
export interface ArchivePage {
  /** File name, e.g. `page-001.jpg`. */
  name: string;
  data: Buffer;
  width: number;
  height: number;
}

/**
 * The page for e-reading archives (CBZ, EPUB): trimmed to the trim box, its long side
 * `screen.archiveLongSide` and its area at most `maxPixels` (never enlarged), as JPEG (Huffman
 * tables not optimised), or PNG when the pages are PNG. The same rendition is encoded once for
 * every writer that asks.
 */
export async function archivePage(
  sheet: ComposedSheet,
  options: Pick<ResolvedComposeOptions, 'pageFormat' | 'screen'>,
  maxPixels?: number,
): Promise<ArchivePage> {
  const trimBox = sheet.planned.geometry.trimBoxPx;
  const size = sizeForLongSide(
    { width: trimBox.w, height: trimBox.h },
    options.screen.archiveLongSide,
    maxPixels,
  );
  const format = options.pageFormat === 'png' ? 'png' : 'jpeg';
  const data = await encodeRendition(sheet.image, {
    ...size,
    format,
    quality: options.screen.archiveJpegQuality,
    // The same pixels as with optimised Huffman tables, about 5 % more bytes (a 2560 px page:
    // 521 against 498 KB), and a third less CPU: every page of the CBZ and EPUB is encoded.
    optimiseCoding: false,
  });
  return { name: `${sheet.planned.name}.${RENDITION_EXTENSIONS[format]}`, data, ...size };
}
