import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp, { type OutputInfo } from 'sharp';
import type { Rect, Story } from 'storyboard';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  composeIssue,
  createFontSet,
  type LetteringLayout,
  layoutLettering,
  pageGeometry,
} from '../src/index.js';
import {
  colourDistance,
  makeTempDir,
  pixelAt,
  type Rgb,
  SAMPLE_SCRIPT,
  storyFrom,
  writePanels,
} from './_helpers.js';

const GOLDEN = fileURLToPath(new URL('./golden/two-tiers-a4-72dpi.png', import.meta.url));

type Decoded = { data: Buffer; info: OutputInfo };

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let story: Story;
let colours: Map<string, Rgb>;
let page1: Decoded;
let page2: Decoded;

async function decode(path: string): Promise<Decoded> {
  return sharp(path).removeAlpha().raw().toBuffer({ resolveWithObject: true });
}

beforeAll(async () => {
  temp = await makeTempDir();
  story = storyFrom(SAMPLE_SCRIPT);
  await mkdir(join(temp.dir, 'panels'));
  const written = await writePanels(story, join(temp.dir, 'panels'));
  colours = written.colours;
  const outDir = join(temp.dir, 'out');
  await composeIssue(story, written.panels, {
    outDir,
    print: true,
    pageFormat: 'png',
    formats: ['pages'],
  });
  page1 = await decode(join(outDir, 'pages', 'page-001.png'));
  page2 = await decode(join(outDir, 'pages', 'page-002.png'));
});

afterAll(() => temp.cleanup());

function centre(rect: Rect): { x: number; y: number } {
  return { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 };
}

/** Share of the pixels inside `rect` that satisfy `test`. */
function share(image: Decoded, rect: Rect, test: (c: Rgb) => boolean): number {
  let hits = 0;
  let total = 0;
  for (let y = Math.ceil(rect.y); y < rect.y + rect.h; y += 1) {
    for (let x = Math.ceil(rect.x); x < rect.x + rect.w; x += 1) {
      total += 1;
      if (test(pixelAt(image, x, y))) hits += 1;
    }
  }
  return hits / total;
}

describe('page images', () => {
  it('are the trim plus bleed at the script DPI (A4 at 72 dpi: 595 × 842 px + 9 px bleed)', () => {
    const geometry = pageGeometry(story, story.pages[0] as never, { print: true });
    expect(geometry.canvas).toEqual({ widthPx: 613, heightPx: 860 });
    expect(page1.info).toMatchObject({ width: 613, height: 860 });
    expect(page2.info).toMatchObject({ width: 613, height: 860 });
  });

  it('show each panel image inside its slot, and the border around it', () => {
    const geometry = pageGeometry(story, story.pages[0] as never, { print: true });
    const [first, second] = geometry.slots;
    const quiet = story.pages[0]?.panels[1]?.id as string;
    const { x, y } = centre(second?.image as Rect);
    expect(colourDistance(pixelAt(page1, x, y), colours.get(quiet) as Rgb)).toBeLessThanOrEqual(2);
    // The fitted picture reaches the slot's edges (cover, no letterbox).
    const image = second?.image as Rect;
    expect(
      colourDistance(pixelAt(page1, image.x + 1, image.y + image.h - 2), colours.get(quiet) as Rgb),
    ).toBeLessThanOrEqual(2);
    // Border: the cell's outermost pixels are the border colour; outside the cell is the page.
    const cell = first?.cell as Rect;
    expect(geometry.border.widthPx).toBeGreaterThanOrEqual(1);
    expect(pixelAt(page1, cell.x, cell.y + cell.h / 2)).toEqual({ r: 0, g: 0, b: 0 });
    expect(pixelAt(page1, cell.x + cell.w / 2, cell.y + cell.h - 1)).toEqual({ r: 0, g: 0, b: 0 });
    expect(pixelAt(page1, cell.x - 2, cell.y + cell.h / 2)).toEqual({ r: 255, g: 255, b: 255 });
    // Last panel of page 2 has no lettering: its colour fills the slot.
    const slots = pageGeometry(story, story.pages[1] as never, { print: true }).slots;
    const last = story.pages[1]?.panels[3]?.id as string;
    const middle = centre(slots[3]?.image as Rect);
    expect(
      colourDistance(pixelAt(page2, middle.x, middle.y), colours.get(last) as Rgb),
    ).toBeLessThanOrEqual(2);
  });

  it('carry the lettering inside its panel: white balloons with dark ink, a caption box', () => {
    const geometry = pageGeometry(story, story.pages[0] as never, { print: true });
    const lettering: LetteringLayout = layoutLettering(
      story,
      { kind: 'page', page: story.pages[0] as never },
      geometry,
      createFontSet(),
    );
    const balloon = lettering.items.find((item) => item.kind === 'speech');
    const caption = lettering.items.find((item) => item.kind === 'caption');
    const sfx = lettering.items.find((item) => item.kind === 'sfx');
    if (balloon === undefined || caption === undefined || sfx === undefined) {
      throw new Error('expected a balloon, a caption and a sound effect on page 1');
    }
    const image = geometry.slots[0]?.image as Rect;
    for (const item of [balloon, caption, sfx]) {
      expect(item.bounds.x).toBeGreaterThanOrEqual(image.x);
      expect(item.bounds.y).toBeGreaterThanOrEqual(image.y);
      expect(item.bounds.x + item.bounds.w).toBeLessThanOrEqual(image.x + image.w);
      expect(item.bounds.y + item.bounds.h).toBeLessThanOrEqual(image.y + image.h);
    }
    const white = (c: Rgb) => c.r > 235 && c.g > 235 && c.b > 235;
    const ink = (c: Rgb) => c.r < 70 && c.g < 70 && c.b < 70;
    // The balloon's body (its tail reaches toward the speaker, outside it).
    expect(share(page1, balloon.body, white)).toBeGreaterThan(0.4);
    expect(share(page1, balloon.body, ink)).toBeGreaterThan(0.02);
    const captionFill = (c: Rgb) => colourDistance(c, { r: 0xff, g: 0xf2, b: 0xbf }) < 12;
    expect(share(page1, caption.bounds, captionFill)).toBeGreaterThan(0.4);
    expect(share(page1, caption.bounds, ink)).toBeGreaterThan(0.02);
    const yellow = (c: Rgb) => colourDistance(c, { r: 0xff, g: 0xd4, b: 0x2a }) < 20;
    expect(share(page1, sfx.bounds, yellow)).toBeGreaterThan(0.05);
    // The text sits in the balloon: dark ink around the balloon's centre row.
    const row = { ...balloon.body, y: centre(balloon.body).y - 3, h: 6 };
    expect(share(page1, row, ink)).toBeGreaterThan(0.02);
  });

  it('match the golden page (two tiers, A4, 72 dpi) within a small mean difference', async () => {
    const dir = join(temp.dir, 'golden');
    const { panels } = await writePanels(story, join(temp.dir, 'panels'));
    await composeIssue(story, panels, {
      outDir: dir,
      pageFormat: 'png',
      formats: ['pages'],
      cover: false,
    });
    const actual = await readFile(join(dir, 'pages', 'page-001.png'));
    if (process.env.UPDATE_GOLDEN === '1') {
      await mkdir(join(GOLDEN, '..'), { recursive: true });
      await sharp(actual).png({ palette: true, colours: 64, compressionLevel: 9 }).toFile(GOLDEN);
    }
    const [got, want] = await Promise.all([
      decode(join(dir, 'pages', 'page-001.png')),
      decode(GOLDEN),
    ]);
    expect(got.info.width).toBe(want.info.width);
    expect(got.info.height).toBe(want.info.height);
    let sum = 0;
    for (let i = 0; i < got.data.length; i += 1) {
      sum += Math.abs((got.data[i] as number) - (want.data[i] as number));
    }
    expect(sum / got.data.length).toBeLessThan(0.5);
  });
});
