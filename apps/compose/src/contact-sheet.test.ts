import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createContactSheet, planContactSheet } from './contact-sheet.js';

describe('planContactSheet', () => {
  it('fits every page in a grid', () => {
    const layout = planContactSheet(41, 0.65);
    expect(layout.columns * layout.rows).toBeGreaterThanOrEqual(41);
    expect(layout.columns).toBeGreaterThan(layout.rows);
  });

  it('shrinks thumbnails so a long issue stays under the pixel budget', () => {
    const short = planContactSheet(40, 0.65);
    const long = planContactSheet(400, 0.65, { maxPixels: 12_000_000 });
    expect(long.width * long.height).toBeLessThanOrEqual(12_000_000);
    expect(long.thumbWidth).toBeLessThan(short.thumbWidth);
    expect(long.columns * long.rows).toBeGreaterThanOrEqual(400);
  });
});

describe('createContactSheet', () => {
  const RED = { r: 220, g: 30, b: 30 };
  const BLUE = { r: 30, g: 30, b: 220 };

  /** A contact sheet of five tiles, page 1 red and the rest blue; the colour at each cell. */
  async function sheetCells(direction: 'ltr' | 'rtl') {
    const temp = await mkdtemp(join(tmpdir(), 'contact-'));
    try {
      const layout = planContactSheet(5, 0.7, { thumbnailWidth: 40 }, direction);
      const tile = (colour: typeof RED) =>
        sharp({
          create: {
            width: layout.thumbWidth,
            height: layout.thumbHeight + layout.labelHeight,
            channels: 3,
            background: colour,
          },
        })
          .jpeg()
          .toBuffer();
      const tiles = [await tile(RED), ...(await Promise.all([1, 2, 3, 4].map(() => tile(BLUE))))];
      const path = join(temp, 'sheet.jpg');
      const sheet = createContactSheet(layout);
      for (const [index, tile] of tiles.entries()) await sheet.place(index, tile);
      await sheet.write(path);
      const { data, info } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
      const cell = (column: number, row: number) => {
        const x = layout.gap + column * (layout.thumbWidth + layout.gap) + layout.thumbWidth / 2;
        const y = layout.gap + row * (layout.thumbHeight + layout.labelHeight + layout.gap) + 5;
        const offset = (Math.round(y) * info.width + Math.round(x)) * info.channels;
        const red = (data[offset] as number) > 150 && (data[offset + 2] as number) < 100;
        const blue = (data[offset + 2] as number) > 150 && (data[offset] as number) < 100;
        return red ? 'red' : blue ? 'blue' : 'empty';
      };
      const cells: string[][] = [];
      for (let row = 0; row < layout.rows; row += 1) {
        cells.push([...Array(layout.columns).keys()].map((column) => cell(column, row)));
      }
      return cells;
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  }

  it('lays pages out left to right, the first top left', async () => {
    expect(await sheetCells('ltr')).toEqual([
      ['red', 'blue', 'blue'],
      ['blue', 'blue', 'empty'],
    ]);
  });

  it('lays a right-to-left book out as it is read: the first page top right, rows leftwards', async () => {
    expect(await sheetCells('rtl')).toEqual([
      ['blue', 'blue', 'red'],
      ['empty', 'blue', 'blue'],
    ]);
  });
});
