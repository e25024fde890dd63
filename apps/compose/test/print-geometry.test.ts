/**
 * The examples printed: page images and PDF boxes agree with the layout, panel borders and
 * lettering stay inside the safe area, bleeding art reaches the bleed edge, and the
 * black-and-white books come out grey (pictures, lettering and the PDF's vector lettering).
 */
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import sharp, { type OutputInfo } from 'sharp';
import { type PageLayout, parseStory, type Rect, type Story } from 'storyboard';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeIssue, letterIssue } from '../src/index.js';
import { makeTempDir, writePanels } from './_helpers.js';

const DPI = 100;

function loadExample(name: string): Story {
  const url = new URL(`../../../examples/${name}/story.yaml`, import.meta.url);
  return parseStory(readFileSync(url, 'utf8'), { file: `examples/${name}/story.yaml` });
}

function inside(inner: Rect, outer: Rect, slack = 0): boolean {
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.w <= outer.x + outer.w + slack &&
    inner.y + inner.h <= outer.y + outer.h + slack
  );
}

function contains(rect: Rect, x: number, y: number): boolean {
  return x >= rect.x && x < rect.x + rect.w && y >= rect.y && y < rect.y + rect.h;
}

function box(array: PDFArray | undefined): number[] {
  return (array?.asArray() ?? []).map((n) => Number(n.toString()));
}

interface Printed {
  story: Story;
  outDir: string;
  pdf: PDFDocument;
  /** Geometry of every page image, in order (cover first). */
  geometries: PageLayout[];
  /** Whether each page image is the cover. */
  covers: boolean[];
  /** Decoded page images, in order. */
  pages: Array<{ data: Buffer; info: OutputInfo; channels: number; space: string }>;
}

let temp: Awaited<ReturnType<typeof makeTempDir>>;
const printed = new Map<string, Printed>();

async function printExample(name: string, story = loadExample(name)): Promise<Printed> {
  const dir = join(temp.dir, name);
  await mkdir(join(dir, 'panels'), { recursive: true });
  const { panels } = await writePanels(story, join(dir, 'panels'));
  const outDir = join(dir, 'out');
  const sheets = letterIssue(story, { print: true, dpi: DPI });
  await composeIssue(story, panels, {
    outDir,
    print: true,
    dpi: DPI,
    lettered: sheets,
    formats: ['pages', 'pdf'],
    creationDate: new Date('2024-05-06T12:00:00Z'),
  });
  const pdf = await PDFDocument.load(await readFile(join(outDir, `${story.slug}.pdf`)));
  const files = (await readdir(join(outDir, 'pages'))).sort();
  const pages = await Promise.all(
    files.map(async (file) => {
      const image = sharp(join(outDir, 'pages', file));
      const { channels, space } = await image.metadata();
      const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
      return { data, info, channels: channels ?? 0, space: space ?? '' };
    }),
  );
  return {
    story,
    outDir,
    pdf,
    geometries: sheets.map((sheet) => sheet.geometry),
    covers: sheets.map((sheet) => sheet.sheet.kind === 'cover'),
    pages,
  };
}

beforeAll(async () => {
  temp = await makeTempDir();
  printed.set('noir', await printExample('noir'));
  printed.set('manga-rtl', await printExample('manga-rtl'));
  const colour = loadExample('noir');
  printed.set('noir-colour', await printExample('noir-colour', { ...colour, color: 'full' }));
}, 120_000);

afterAll(() => temp.cleanup());

const get = (name: string) => printed.get(name) as Printed;

describe.each(['noir', 'manga-rtl'])('the %s example printed', (name) => {
  it('has page images the size of the bleed box and PDF boxes that match the layout', () => {
    const { pdf, geometries, pages } = get(name);
    expect(pdf.getPageCount()).toBe(geometries.length);
    pdf.getPages().forEach((page, index) => {
      const geometry = geometries[index] as PageLayout;
      const { trimBoxPt, bleedBoxPt, canvas } = geometry;
      const trim = box(page.node.lookup(PDFName.of('TrimBox'), PDFArray));
      const bleed = box(page.node.lookup(PDFName.of('BleedBox'), PDFArray));
      const media = box(page.node.lookup(PDFName.of('MediaBox'), PDFArray));
      // The trim is centred on the canvas, so the PDF's bottom-left origin gives the same box.
      expect(trim[0]).toBeCloseTo(trimBoxPt.x, 2);
      expect(trim[1]).toBeCloseTo(trimBoxPt.y, 2);
      expect((trim[2] as number) - (trim[0] as number)).toBeCloseTo(trimBoxPt.w, 2);
      expect((trim[3] as number) - (trim[1] as number)).toBeCloseTo(trimBoxPt.h, 2);
      expect(bleed).toEqual(media);
      expect(bleed[2]).toBeCloseTo(bleedBoxPt.w, 2);
      expect(bleed[3]).toBeCloseTo(bleedBoxPt.h, 2);
      // The printer's bleed of the preset: 0.125 in for us-comic, 3 mm for manga-b5.
      expect(trimBoxPt.x).toBeCloseTo(geometry.printProfile.bleedIn * 72, 2);
      const image = pages[index];
      expect([image?.info.width, image?.info.height]).toEqual([canvas.widthPx, canvas.heightPx]);
      // Whole pixels: the trim and the bleed on each side are each rounded once.
      expect(Math.abs((image?.info.width ?? 0) - (bleedBoxPt.w * DPI) / 72)).toBeLessThanOrEqual(
        1.5,
      );
      expect(Math.abs((image?.info.height ?? 0) - (bleedBoxPt.h * DPI) / 72)).toBeLessThanOrEqual(
        1,
      );
    });
  });

  it('keeps every lettering item and every panel border inside the safe area', () => {
    const sheets = letterIssue(get(name).story, { print: true });
    let items = 0;
    for (const sheet of sheets) {
      const { safeBoxPx, slots } = sheet.geometry;
      for (const item of sheet.lettering.items) {
        items += 1;
        expect(inside(item.bounds, safeBoxPx), `${item.panel} ${item.kind}`).toBe(true);
      }
      for (const slot of slots) {
        const { cell, bleedSides } = slot;
        const edges = {
          left: cell.x,
          right: cell.x + cell.w,
          top: cell.y,
          bottom: cell.y + cell.h,
        };
        const safe = {
          left: safeBoxPx.x,
          right: safeBoxPx.x + safeBoxPx.w,
          top: safeBoxPx.y,
          bottom: safeBoxPx.y + safeBoxPx.h,
        };
        if (!bleedSides.left) expect(edges.left).toBeGreaterThanOrEqual(safe.left);
        if (!bleedSides.right) expect(edges.right).toBeLessThanOrEqual(safe.right);
        if (!bleedSides.top) expect(edges.top).toBeGreaterThanOrEqual(safe.top);
        if (!bleedSides.bottom) expect(edges.bottom).toBeLessThanOrEqual(safe.bottom);
      }
    }
    expect(items).toBeGreaterThan(10);
  });

  it('draws nothing between the trim and the safe line but bleeding panels (art and frame)', () => {
    const { geometries, covers, pages } = get(name);
    let bleeding = 0;
    let checked = 0;
    geometries.forEach((geometry, index) => {
      const image = pages[index] as Printed['pages'][number];
      const { trimBoxPx, safeBoxPx, slots } = geometry;
      if (covers[index]) return; // the cover is one picture over the whole canvas
      // Where a bleeding panel may draw: its art, and its frame grown to meet the art.
      const allowed = slots
        .filter((slot) => slot.bleed)
        .map((slot) => {
          const x = Math.min(slot.cell.x, slot.art.x);
          const y = Math.min(slot.cell.y, slot.art.y);
          const right = Math.max(slot.cell.x + slot.cell.w, slot.art.x + slot.art.w);
          const bottom = Math.max(slot.cell.y + slot.cell.h, slot.art.y + slot.art.h);
          return { x, y, w: right - x, h: bottom - y };
        });
      bleeding += allowed.length;
      const { width, channels } = image.info;
      // One pixel of slack against JPEG ringing next to the art.
      const near = (x: number, y: number) =>
        allowed.some((rect) =>
          contains({ x: rect.x - 2, y: rect.y - 2, w: rect.w + 4, h: rect.h + 4 }, x, y),
        );
      for (let y = trimBoxPx.y; y < trimBoxPx.y + trimBoxPx.h; y += 1) {
        for (let x = trimBoxPx.x; x < trimBoxPx.x + trimBoxPx.w; x += 1) {
          if (contains(safeBoxPx, x, y) || near(x, y)) continue;
          checked += 1;
          const value = image.data[(y * width + x) * channels] as number;
          if (value < 235) {
            expect.fail(
              `page image ${index}: pixel ${x},${y} between trim and safe line is ${value}`,
            );
          }
        }
      }
      // A bleeding panel's picture reaches the canvas edge on its bleeding sides.
      for (const slot of slots.filter((s) => s.bleed)) {
        const { art, bleedSides } = slot;
        const cx = Math.round(art.x + art.w / 2);
        const cy = Math.round(art.y + art.h / 2);
        const at = (x: number, y: number) => image.data[(y * width + x) * channels] as number;
        if (bleedSides.top) expect(at(cx, 0)).toBeLessThan(200);
        if (bleedSides.left) expect(at(0, cy)).toBeLessThan(200);
        if (bleedSides.right) expect(at(width - 1, cy)).toBeLessThan(200);
        if (bleedSides.bottom) expect(at(cx, image.info.height - 1)).toBeLessThan(200);
      }
    });
    expect(bleeding).toBeGreaterThan(0);
    expect(checked).toBeGreaterThan(10_000);
  });

  it('is a black-and-white book: one-channel page images, grey images and colours in the PDF', () => {
    const { story, pages, pdf } = get(name);
    expect(story.color).toBe('bw');
    for (const page of pages) {
      expect(page.channels).toBe(1);
      expect(page.space).toBe('b-w');
    }
    const { images, colours } = pdfImagesAndColours(pdf);
    expect(images.length).toBe(pages.length);
    expect(new Set(images)).toEqual(new Set(['/DeviceGray']));
    expect(colours.length).toBeGreaterThan(0);
    for (const [r, g, b] of colours) {
      expect(g).toBeCloseTo(r, 6);
      expect(b).toBeCloseTo(r, 6);
    }
  });
});

describe('a full-colour book', () => {
  it('keeps colour page images and coloured lettering', () => {
    const { pages, pdf } = get('noir-colour');
    for (const page of pages) expect(page.channels).toBe(3);
    const { images, colours } = pdfImagesAndColours(pdf);
    expect(new Set(images)).toEqual(new Set(['/DeviceRGB']));
    expect(colours.some(([r, g, b]) => r !== g || g !== b)).toBe(true);
  });
});

/**
 * The colour space of every image in the PDF, and every RGB colour its content streams set
 * (`r g b rg`, `RG`, or `scn`/`SCN` after `/DeviceRGB cs`).
 */
function pdfImagesAndColours(pdf: PDFDocument): {
  images: string[];
  colours: Array<[number, number, number]>;
} {
  const images: string[] = [];
  const colours: Array<[number, number, number]> = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const { dict } = object;
    const subtype = dict.get(PDFName.of('Subtype'))?.toString();
    if (subtype === '/Image') {
      images.push(String(dict.get(PDFName.of('ColorSpace'))));
      continue;
    }
    if (dict.has(PDFName.of('Type')) || subtype !== undefined) continue;
    const filter = dict.get(PDFName.of('Filter'))?.toString();
    if (dict.has(PDFName.of('Length1'))) continue; // an embedded font program
    let text: string;
    try {
      text = (
        filter === '/FlateDecode' ? inflateSync(object.contents) : Buffer.from(object.contents)
      ).toString('latin1');
    } catch {
      continue;
    }
    for (const match of text.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (?:rg|RG|scn|SCN)\b/g)) {
      colours.push([Number(match[1]), Number(match[2]), Number(match[3])]);
    }
  }
  return { images, colours };
}
