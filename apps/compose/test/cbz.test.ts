import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ComposeResult, composeIssue } from '../src/index.js';
import { makeTempDir, SAMPLE_SCRIPT, storyFrom, writePanels } from './_helpers.js';

/** The element sequence of ComicInfo (Anansi project schema v2.0, `ComicInfo.xsd`). */
const COMIC_INFO_ELEMENTS = [
  'Title',
  'Series',
  'Number',
  'Count',
  'Volume',
  'AlternateSeries',
  'AlternateNumber',
  'AlternateCount',
  'Summary',
  'Notes',
  'Year',
  'Month',
  'Day',
  'Writer',
  'Penciller',
  'Inker',
  'Colorist',
  'Letterer',
  'CoverArtist',
  'Editor',
  'Publisher',
  'Imprint',
  'Genre',
  'Web',
  'PageCount',
  'LanguageISO',
  'Format',
  'BlackAndWhite',
  'Manga',
  'Characters',
  'Teams',
  'Locations',
  'ScanInformation',
  'StoryArc',
  'SeriesGroup',
  'AgeRating',
  'Pages',
  'CommunityRating',
];
const PAGE_ATTRIBUTES = [
  'Image',
  'Type',
  'DoublePage',
  'ImageSize',
  'Key',
  'Bookmark',
  'ImageWidth',
  'ImageHeight',
];

interface ZipEntry {
  name: string;
  method: number;
}

/** Entries of a ZIP from its central directory (name and compression method, in order). */
function centralDirectory(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    expect(zip.readUInt32LE(offset)).toBe(0x02014b50);
    const method = zip.readUInt16LE(offset + 10);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({ name: zip.toString('utf8', offset + 46, offset + 46 + nameLength), method });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
});

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let result: ComposeResult;
let cbz: Buffer;
let files: Record<string, Uint8Array>;
let info: Record<string, unknown>;

beforeAll(async () => {
  temp = await makeTempDir();
  const story = storyFrom(SAMPLE_SCRIPT);
  await mkdir(join(temp.dir, 'panels'));
  const { panels } = await writePanels(story, join(temp.dir, 'panels'));
  result = await composeIssue(story, panels, {
    outDir: join(temp.dir, 'out'),
    formats: ['cbz'],
  });
  cbz = await readFile(join(temp.dir, 'out', `${story.slug}.cbz`));
  files = unzipSync(new Uint8Array(cbz));
  const xml = Buffer.from(files['ComicInfo.xml'] as Uint8Array).toString('utf8');
  info = parser.parse(xml).ComicInfo;
});

afterAll(() => temp.cleanup());

describe('CBZ', () => {
  it('holds the page images in reading order at the root, ComicInfo.xml last', () => {
    expect(centralDirectory(cbz).map((e) => e.name)).toEqual([
      'page-000-cover.jpg',
      'page-001.jpg',
      'page-002.jpg',
      'ComicInfo.xml',
    ]);
  });

  it('stores the images without deflating them', async () => {
    for (const entry of centralDirectory(cbz)) {
      if (entry.name.endsWith('.jpg')) expect(entry.method).toBe(0);
    }
    const cover = await sharp(Buffer.from(files['page-000-cover.jpg'] as Uint8Array)).metadata();
    expect(cover.format).toBe('jpeg');
  });

  it('writes ComicInfo.xml with schema 2.0 element names, in schema order', () => {
    const names = Object.keys(info).filter((key) => !key.startsWith('xmlns'));
    for (const name of names) expect(COMIC_INFO_ELEMENTS).toContain(name);
    const positions = names.map((name) => COMIC_INFO_ELEMENTS.indexOf(name));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(info).toMatchObject({
      Title: 'The Test Issue',
      Series: 'Test Series',
      Number: '2',
      Summary: 'A short issue made for the compose tests.',
      Year: '2024',
      Month: '5',
      Day: '6',
      Writer: 'Wendy Writer',
      Penciller: 'Arty Artist, Pen Cilla',
      Letterer: 'Letty Letterer',
      LanguageISO: 'en',
      Manga: 'No',
      Characters: 'Ana, Ben',
    });
  });

  it('lists every page with its size, the cover marked FrontCover', async () => {
    const pages = (info.Pages as { Page: Array<Record<string, string>> }).Page;
    expect(info.PageCount).toBe(String(pages.length));
    expect(pages).toHaveLength(3);
    expect(pages.map((p) => p.Type)).toEqual(['FrontCover', 'Story', 'Story']);
    for (const [index, page] of pages.entries()) {
      for (const attribute of Object.keys(page)) expect(PAGE_ATTRIBUTES).toContain(attribute);
      const data = files[result.pages[index]?.file as string] as Uint8Array;
      const decoded = await sharp(Buffer.from(data)).metadata();
      expect(page.Image).toBe(String(index));
      expect(Number(page.ImageWidth)).toBe(decoded.width);
      expect(Number(page.ImageHeight)).toBe(decoded.height);
      expect(Number(page.ImageSize)).toBe(data.length);
    }
  });

  it('holds the trimmed screen rendition, not the print page: no bleed, long side as asked', async () => {
    const story = storyFrom(SAMPLE_SCRIPT);
    const { panels } = await writePanels(story, join(temp.dir, 'panels'));
    const outDir = join(temp.dir, 'bleed');
    const printed = await composeIssue(story, panels, {
      outDir,
      formats: ['pages', 'cbz'],
      print: true,
      screen: { archiveLongSide: 400 },
    });
    const archive = unzipSync(new Uint8Array(await readFile(join(outDir, `${story.slug}.cbz`))));
    // A4 at 72 dpi: the trim is 595 × 842 px, the print page 613 × 860 with its 9 px bleed.
    expect(printed.pages[0]).toMatchObject({ width: 613, height: 860 });
    for (const page of printed.pages) {
      const decoded = await sharp(Buffer.from(archive[page.file] as Uint8Array)).metadata();
      expect([decoded.width, decoded.height]).toEqual([283, 400]);
      // The trim box's aspect ratio to within a pixel of rounding (the bleed would add 0.006).
      expect(
        Math.abs((decoded.width as number) / (decoded.height as number) - 595 / 842),
      ).toBeLessThan(1 / 400);
    }
  });

  it('marks a right-to-left issue as manga read right to left', async () => {
    const story = storyFrom(`${SAMPLE_SCRIPT}\ndirection: rtl\n`);
    const { panels } = await writePanels(story, join(temp.dir, 'panels'));
    const outDir = join(temp.dir, 'rtl');
    await composeIssue(story, panels, { outDir, formats: ['cbz'] });
    const rtl = unzipSync(new Uint8Array(await readFile(join(outDir, `${story.slug}.cbz`))));
    const xml = Buffer.from(rtl['ComicInfo.xml'] as Uint8Array).toString('utf8');
    expect(parser.parse(xml).ComicInfo.Manga).toBe('YesAndRightToLeft');
  });

  it('reports the archive with its size and SHA-256', async () => {
    const output = result.outputs.find((o) => o.kind === 'cbz');
    const { createHash } = await import('node:crypto');
    expect(output?.bytes).toBe(cbz.length);
    expect(output?.sha256).toBe(createHash('sha256').update(cbz).digest('hex'));
  });
});
