import sharp from 'sharp';
import type { ReadingDirection, Rect } from 'storyboard';
import { type WrittenFile, writeFileAtomic } from 'storyboard';
import type { FontSet } from './fonts/font-set.js';
import { renderLetteringSvg } from './lettering/svg-overlay.js';
import { TextSetter } from './lettering/text-setter.js';

/** Options of the contact sheet. */
export interface ContactSheetOptions {
  /**
   * Thumbnail width, before the sheet is scaled down to `maxPixels`.
   * @default 240
   */
  thumbnailWidth?: number;
  /**
   * Largest sheet area in pixels; thumbnails shrink so a long issue still fits.
   * @default 12000000
   */
  maxPixels?: number;
  /** @default 85 */
  jpegQuality?: number;
}

/** Where everything goes on the contact sheet. */
export interface ContactSheetLayout {
  columns: number;
  rows: number;
  thumbWidth: number;
  thumbHeight: number;
  /** Strip under each thumbnail holding its page number. */
  labelHeight: number;
  gap: number;
  width: number;
  height: number;
  /** Reading direction: `rtl` rows start at the right, as a manga's pages are read. */
  direction: ReadingDirection;
}

const SHEET_COLOUR = '#e8e8e8';

/**
 * Lays out a contact sheet of `count` pages of aspect `pageAspect` (width / height): a grid
 * about 1.5 times as many columns as rows would need, thumbnails shrunk until the sheet holds no
 * more than `maxPixels`. Pages run in reading order: left to right, or right to left (first page
 * top right) for `rtl` books, row after row from the top.
 */
export function planContactSheet(
  count: number,
  pageAspect: number,
  options: ContactSheetOptions = {},
  direction: ReadingDirection = 'ltr',
): ContactSheetLayout {
  const columns = Math.max(1, Math.min(count, Math.ceil(Math.sqrt(count * 1.5))));
  const rows = Math.max(1, Math.ceil(count / columns));
  const maxPixels = options.maxPixels ?? 12_000_000;
  let thumbWidth = options.thumbnailWidth ?? 240;
  for (;;) {
    const layout = measure(columns, rows, thumbWidth, pageAspect);
    if (layout.width * layout.height <= maxPixels || thumbWidth <= 32)
      return { ...layout, direction };
    thumbWidth = Math.max(32, Math.floor(thumbWidth * 0.9));
  }
}

function measure(
  columns: number,
  rows: number,
  thumbWidth: number,
  pageAspect: number,
): Omit<ContactSheetLayout, 'direction'> {
  const thumbHeight = Math.round(thumbWidth / pageAspect);
  const labelHeight = Math.max(12, Math.round(thumbWidth * 0.12));
  const gap = Math.max(4, Math.round(thumbWidth * 0.06));
  return {
    columns,
    rows,
    thumbWidth,
    thumbHeight,
    labelHeight,
    gap,
    width: columns * thumbWidth + (columns + 1) * gap,
    height: rows * (thumbHeight + labelHeight) + (rows + 1) * gap,
  };
}

/**
 * One cell of the contact sheet as a small JPEG: the page shrunk to a thumbnail (JPEG pages are
 * decoded at reduced size, so this is cheap) with its label underneath.
 */
export async function createContactTile(
  pageImage: Buffer,
  label: string,
  layout: ContactSheetLayout,
  fonts: FontSet,
): Promise<Buffer> {
  const { thumbWidth, thumbHeight, labelHeight } = layout;
  const setter = new TextSetter(fonts);
  const place = { page: 'cover' as const, panel: 'contact-sheet' };
  const sizePx = labelHeight * 0.7;
  const block = setter.block('dialogue-bold', [label], sizePx, place);
  const area: Rect = { x: 0, y: 0, w: thumbWidth, h: labelHeight };
  const runs = setter.place(
    block,
    (thumbWidth - block.width) / 2,
    (labelHeight - block.height) / 2,
    'center',
    place,
  );
  const svg = renderLetteringSvg(
    [
      {
        kind: 'caption',
        panel: label,
        region: area,
        bounds: area,
        body: area,
        shapes: [],
        runs,
        paint: { fill: '#222222' },
      },
    ],
    fonts,
    area,
  );
  // One pipeline: shrink (JPEG pages decode at reduced size), add the label strip, encode.
  return sharp(pageImage)
    .resize(thumbWidth, thumbHeight, { fit: 'contain', background: SHEET_COLOUR })
    .extend({ bottom: labelHeight, background: SHEET_COLOUR })
    .composite([{ input: Buffer.from(svg), left: 0, top: thumbHeight }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** A contact sheet being filled tile by tile as pages are composed. */
export interface ContactSheet {
  /** Decodes the tile of the `index`-th page (in page order) into its cell. */
  place(index: number, tile: Buffer): Promise<void>;
  /** Encodes the sheet as JPEG and writes it atomically. */
  write(path: string): Promise<WrittenFile>;
}

/**
 * An empty contact sheet laid out as `layout` says, in its reading direction. The sheet is one
 * raw buffer (at most `maxPixels` × 3 bytes) that each tile is decoded into as its page is
 * composed, so memory stays bounded however many pages there are and only the encoding is left
 * once the last page is in.
 */
export function createContactSheet(
  layout: ContactSheetLayout,
  options: ContactSheetOptions = {},
): ContactSheet {
  const { columns, thumbWidth, thumbHeight, labelHeight, gap, width, height, direction } = layout;
  const sheet = Buffer.alloc(width * height * 3, 0xe8);
  return {
    async place(index, tile) {
      const { data, info } = await sharp(tile)
        .resize(thumbWidth, thumbHeight + labelHeight, { fit: 'fill' })
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const column = direction === 'rtl' ? columns - 1 - (index % columns) : index % columns;
      const left = gap + column * (thumbWidth + gap);
      const top = gap + Math.floor(index / columns) * (thumbHeight + labelHeight + gap);
      const rowBytes = info.width * 3;
      for (let y = 0; y < info.height && top + y < height; y += 1) {
        data.copy(sheet, ((top + y) * width + left) * 3, y * rowBytes, (y + 1) * rowBytes);
      }
    },
    async write(path) {
      const image = await sharp(sheet, { raw: { width, height, channels: 3 } })
        .jpeg({ quality: options.jpegQuality ?? 85 })
        .toBuffer();
      return writeFileAtomic(path, image);
    },
  };
}
