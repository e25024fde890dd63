import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeIssue, createFontSet, pageGeometry, writePdf } from '../src/index.js';
import { makeTempDir, SAMPLE_SCRIPT, storyFrom, writePanels } from './_helpers.js';

const A4 = { w: 595.2756, h: 841.8898 };
const BLEED_PT = (3 / 25.4) * 72; // A4's printer bleed, 3 mm

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let pdfBytes: Buffer;
let pdf: PDFDocument;
let firstPageJpeg: Buffer;

beforeAll(async () => {
  temp = await makeTempDir();
  const story = storyFrom(SAMPLE_SCRIPT);
  await mkdir(join(temp.dir, 'panels'));
  const { panels } = await writePanels(story, join(temp.dir, 'panels'));
  const outDir = join(temp.dir, 'out');
  await composeIssue(story, panels, {
    outDir,
    print: true,
    formats: ['pages', 'pdf'],
    creationDate: new Date('2024-05-06T12:00:00Z'),
  });
  pdfBytes = await readFile(join(outDir, `${story.slug}.pdf`));
  pdf = await PDFDocument.load(pdfBytes);
  firstPageJpeg = await readFile(join(outDir, 'pages', 'page-001.jpg'));
});

afterAll(() => temp.cleanup());

function box(array: PDFArray | undefined): number[] {
  return (array?.asArray() ?? []).map((n) => Number(n.toString()));
}

describe('PDF', () => {
  it('has the cover and every page, in order, with labels and outline entries', () => {
    expect(pdf.getPageCount()).toBe(3);
    const labels = pdf.catalog.lookup(PDFName.of('PageLabels'), PDFDict);
    const nums = labels.lookup(PDFName.of('Nums'), PDFArray).asArray();
    expect(nums[0]?.toString()).toBe('0');
    expect((nums[1] as PDFDict).get(PDFName.of('P'))?.toString()).toBe('(Cover)');
    expect(nums[2]?.toString()).toBe('1');
    const outlines = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const titles: string[] = [];
    let item = outlines.lookupMaybe(PDFName.of('First'), PDFDict);
    while (item !== undefined) {
      titles.push(String(item.get(PDFName.of('Title'))));
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
    expect(titles).toEqual(['(Cover)', '(Page 1)', '(Page 2)']);
  });

  it('sets MediaBox = BleedBox (trim plus the 3 mm A4 print bleed) and TrimBox, in points', () => {
    for (const page of pdf.getPages()) {
      const media = box(page.node.lookup(PDFName.of('MediaBox'), PDFArray));
      const trim = box(page.node.lookup(PDFName.of('TrimBox'), PDFArray));
      const bleed = box(page.node.lookup(PDFName.of('BleedBox'), PDFArray));
      expect(trim[0]).toBeCloseTo(BLEED_PT, 2);
      expect(trim[1]).toBeCloseTo(BLEED_PT, 2);
      expect((trim[2] as number) - (trim[0] as number)).toBeCloseTo(A4.w, 2);
      expect((trim[3] as number) - (trim[1] as number)).toBeCloseTo(A4.h, 2);
      expect(media).toEqual(bleed);
      expect(media[2]).toBeCloseTo(A4.w + 2 * BLEED_PT, 2);
      expect(media[3]).toBeCloseTo(A4.h + 2 * BLEED_PT, 2);
    }
  });

  it('embeds the page JPEG unchanged', () => {
    const images = [...pdf.context.enumerateIndirectObjects()]
      .map(([, object]) => object)
      .filter(
        (object): object is PDFRawStream =>
          object instanceof PDFRawStream &&
          object.dict.get(PDFName.of('Filter')) === PDFName.of('DCTDecode'),
      );
    expect(images).toHaveLength(3);
    expect(images.some((image) => Buffer.from(image.contents).equals(firstPageJpeg))).toBe(true);
  });

  it('embeds the bundled fonts (font files in the PDF, not references to system fonts)', () => {
    const embedded: string[] = [];
    for (const [, object] of pdf.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict)) continue;
      if (object.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
      const file = object.get(PDFName.of('FontFile2')) ?? object.get(PDFName.of('FontFile3'));
      expect(file).toBeInstanceOf(PDFRef);
      embedded.push(String(object.get(PDFName.of('FontName'))));
    }
    expect(embedded.some((name) => name.includes('ComicNeue-Regular'))).toBe(true);
    expect(embedded.some((name) => name.includes('ComicNeue-Bold'))).toBe(true);
    expect(embedded.some((name) => name.includes('Bangers'))).toBe(true);
  });

  it('has the lettering as text a reader can select and search', async () => {
    const document = await getDocument({ data: new Uint8Array(pdfBytes) }).promise;
    const textOf = async (number: number) => {
      const content = await (await document.getPage(number)).getTextContent();
      return content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' ');
    };
    const page1 = await textOf(2);
    expect(page1).toContain('Hello there, Ben.');
    expect(page1).toContain('Somewhere in the city.');
    expect(page1).toContain('BOOM');
    expect(await textOf(1)).toContain('Issue two');
    expect(await textOf(3)).toContain('Quiet now.');
    await document.destroy();
  });

  it('carries the document information from the script', () => {
    expect(pdf.getTitle()).toBe('The Test Issue');
    expect(pdf.getAuthor()).toBe('Wendy Writer, Arty Artist, Pen Cilla');
    expect(pdf.getSubject()).toBe('A short issue made for the compose tests.');
    expect(pdf.getKeywords()).toContain('Test Series');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2024-05-06T12:00:00.000Z');
  });

  it('sizes pages from the physical trim, not the pixels: A4 at 300 dpi is 595.28 × 841.89 pt', async () => {
    const story = storyFrom(SAMPLE_SCRIPT);
    const geometry = pageGeometry(story, story.pages[0] as never, { dpi: 300 });
    expect(geometry.canvas).toEqual({ widthPx: 2480, heightPx: 3508 });
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    const path = join(temp.dir, 'a4-300.pdf');
    await writePdf(
      path,
      [{ geometry, jpeg, label: '1', title: 'Page 1' }],
      { title: 'A4' },
      createFontSet(),
    );
    const single = await PDFDocument.load(await readFile(path));
    const { width, height } = single.getPage(0).getMediaBox();
    expect(width).toBeCloseTo(595.28, 2);
    expect(height).toBeCloseTo(841.89, 2);
  });

  it('asks viewers to read right to left for a right-to-left issue', async () => {
    const story = storyFrom(`${SAMPLE_SCRIPT}\ndirection: rtl\n`);
    const { panels } = await writePanels(story, join(temp.dir, 'panels'));
    const outDir = join(temp.dir, 'rtl');
    await composeIssue(story, panels, { outDir, formats: ['pdf'], cover: false });
    const rtl = await PDFDocument.load(await readFile(join(outDir, `${story.slug}.pdf`)));
    const preferences = rtl.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(preferences.get(PDFName.of('Direction'))).toBe(PDFName.of('R2L'));
    expect(rtl.getPageCount()).toBe(2);
  });
});
