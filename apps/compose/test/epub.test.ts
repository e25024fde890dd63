import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { parseStory, type Story } from 'storyboard';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeIssue } from '../src/index.js';
import { makeTempDir, storyFrom, writePanels } from './_helpers.js';

const EXAMPLES = new URL('../../../examples/', import.meta.url);
const EPUBCHECK_JAR = process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar';

/** Whether `java -jar epubcheck.jar` can run here (Debian's `epubcheck` package). */
const hasEpubcheck = await promisify(execFile)('java', ['-version']).then(
  () => existsSync(EPUBCHECK_JAR),
  () => false,
);
if (!hasEpubcheck) {
  console.warn(
    `Skipping the epubcheck runs: no Java or no ${EPUBCHECK_JAR} (apt-get install epubcheck, or set EPUBCHECK_JAR).`,
  );
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  isArray: (name) =>
    ['item', 'itemref', 'li', 'dc:creator', 'dc:contributor', 'meta'].includes(name),
});

interface Book {
  story: Story;
  path: string;
  files: Record<string, Uint8Array>;
  text(name: string): string;
  // biome-ignore lint/suspicious/noExplicitAny: parsed XML, navigated by the assertions
  xml(name: string): Record<string, any>;
}

let temp: Awaited<ReturnType<typeof makeTempDir>>;
const books: Record<string, Book> = {};

/** Composes an example's EPUB at 72 dpi from solid-colour panels, and opens it. */
async function composeBook(name: string, story: Story): Promise<Book> {
  const panelDir = join(temp.dir, `${name}-panels`);
  await mkdir(panelDir);
  const { panels } = await writePanels(story, panelDir);
  const outDir = join(temp.dir, name);
  const result = await composeIssue(story, panels, {
    outDir,
    formats: ['epub'],
    dpi: 72,
    creationDate: new Date('2026-02-03T04:05:06.789Z'),
  });
  const path = result.outputs.find((output) => output.kind === 'epub')?.path as string;
  const files = unzipSync(new Uint8Array(await readFile(path)));
  const text = (entry: string) => Buffer.from(files[entry] as Uint8Array).toString('utf8');
  return { story, path, files, text, xml: (entry) => parser.parse(text(entry)) };
}

const example = async (name: string) =>
  parseStory(await readFile(new URL(`${name}/story.yaml`, EXAMPLES), 'utf8'), {
    file: `${name}/story.yaml`,
  });

beforeAll(async () => {
  temp = await makeTempDir();
  books.noir = await composeBook('noir', await example('noir'));
  books.manga = await composeBook('manga', await example('manga-rtl'));
}, 120_000);
afterAll(() => temp.cleanup());

const opf = (book: Book) => book.xml('OEBPS/package.opf').package;
const spine = (book: Book) => opf(book).spine.itemref as Array<Record<string, string>>;
const manifestItems = (book: Book) => opf(book).manifest.item as Array<Record<string, string>>;
const sheetCount = (story: Story) => story.pages.length + (story.cover ? 1 : 0);

describe('the EPUB container', () => {
  it('starts with the mimetype entry, stored, with no extra field', async () => {
    const zip = await readFile(books.noir!.path);
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt16LE(8)).toBe(0); // stored
    const nameLength = zip.readUInt16LE(26);
    expect(zip.readUInt16LE(28)).toBe(0); // no extra field
    expect(zip.toString('ascii', 30, 30 + nameLength)).toBe('mimetype');
    expect(zip.toString('ascii', 30 + nameLength, 30 + nameLength + 20)).toBe(
      'application/epub+zip',
    );
    expect(books.noir!.text('META-INF/container.xml')).toContain(
      'full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"',
    );
  });

  it('holds well-formed XML in every text file', () => {
    for (const book of Object.values(books)) {
      for (const name of Object.keys(book.files).filter((n) => /\.(xhtml|opf|xml)$/.test(n))) {
        expect(XMLValidator.validate(book.text(name)), name).toBe(true);
      }
    }
  });
});

describe('the package document', () => {
  it('is a fixed-layout book with metadata from the script', () => {
    const { metadata } = opf(books.manga!);
    const meta = (property: string) =>
      (metadata.meta as Array<Record<string, string>>)
        .filter((m) => m.property === property)
        .map((m) => m['#text']);
    expect(metadata['dc:title']['#text']).toBe('Last Train');
    expect(metadata['dc:language']).toBe('en');
    expect(metadata['dc:date']).toBe('2025-11-07');
    expect(metadata['dc:description']).toMatch(/^Hina boards the last train/);
    expect(metadata['dc:identifier']['#text']).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(opf(books.manga!)['unique-identifier']).toBe(metadata['dc:identifier'].id);
    const credits = [...metadata['dc:creator'], ...metadata['dc:contributor']].map(
      (element: Record<string, string>) => [
        element['#text'],
        (metadata.meta as Array<Record<string, string>>).find(
          (m) => m.refines === `#${element.id}` && m.property === 'role',
        )?.['#text'],
      ],
    );
    expect(credits).toEqual([
      ['Kaito Mori', 'aut'],
      ['Comics-Factory-v1', 'art'],
      ['Kaito Mori', 'ctb'],
    ]);
    expect(meta('belongs-to-collection')).toEqual(['Midnight Line']);
    expect(meta('collection-type')).toEqual(['series']);
    expect(meta('group-position')).toEqual(['1']);
    expect(meta('dcterms:modified')).toEqual(['2026-02-03T04:05:06Z']);
    expect(meta('rendition:layout')).toEqual(['pre-paginated']);
  });

  it('gives the same identifier to every build of an issue, and another to another issue', async () => {
    const id = (book: Book) => opf(book).metadata['dc:identifier']['#text'];
    const again = await composeBook('noir-again', books.noir!.story);
    expect(id(again)).toBe(id(books.noir!));
    expect(id(books.manga!)).not.toBe(id(books.noir!));
  });

  it('has one page per spine item, the cover first and marked as the cover image', () => {
    for (const book of Object.values(books)) {
      const items = new Map(manifestItems(book).map((item) => [item.id, item]));
      const refs = spine(book);
      expect(refs).toHaveLength(sheetCount(book.story));
      expect(refs.map((ref) => items.get(ref.idref)?.href)).toEqual([
        'pages/page-000-cover.xhtml',
        ...book.story.pages.map(
          (page) => `pages/page-${String(page.number).padStart(3, '0')}.xhtml`,
        ),
      ]);
      const cover = manifestItems(book).filter((item) => item.properties === 'cover-image');
      expect(cover.map((item) => item.href)).toEqual(['images/page-000-cover.jpg']);
      for (const item of manifestItems(book))
        expect(book.files[`OEBPS/${item.href}`]).toBeDefined();
    }
  });

  it('progresses right to left for the manga, its cover alone on the left', () => {
    expect(opf(books.manga!).spine['page-progression-direction']).toBe('rtl');
    expect(spine(books.manga!).map((ref) => ref.properties)).toEqual([
      'page-spread-left',
      'page-spread-right',
      'page-spread-left',
      'page-spread-right',
      'page-spread-left',
    ]);
    expect(opf(books.noir!).spine['page-progression-direction']).toBe('ltr');
    expect(spine(books.noir!)[0]?.properties).toBe('page-spread-right');
  });
});

describe('the pages', () => {
  it('show the trimmed page image filling a viewport of its size, with alt text from the script', async () => {
    const book = books.noir!;
    const page = book.text('OEBPS/pages/page-001.xhtml');
    const viewport = /<meta name="viewport" content="width=(\d+), height=(\d+)"\/>/.exec(page);
    const image = await sharp(Buffer.from(book.files['OEBPS/images/page-001.jpg']!)).metadata();
    expect(viewport?.slice(1).map(Number)).toEqual([image.width, image.height]);
    // US comic trim 6.625 × 10.25 in at 72 dpi, no bleed.
    expect([image.width, image.height]).toEqual([477, 738]);
    expect(page).toContain(`width="${image.width}" height="${image.height}"`);
    const alt = /alt="([^"]*)"/.exec(page)?.[1];
    expect(alt).toMatch(/^Page 1 of 6, 3 panels\. 1: a 1940s city at night drowning in rain/);
  });

  it('list every page in the navigation document, with landmarks for the cover and the story', () => {
    const book = books.manga!;
    const nav = book.text('OEBPS/nav.xhtml');
    const section = (type: string) =>
      [
        ...(nav.split(`epub:type="${type}"`)[1]?.split('</nav>')[0] ?? '').matchAll(
          /href="([^"]+)"/g,
        ),
      ].map((match) => match[1]);
    const documents = [
      'pages/page-000-cover.xhtml',
      ...book.story.pages.map((page) => `pages/page-${String(page.number).padStart(3, '0')}.xhtml`),
    ];
    expect(section('toc')).toEqual(documents);
    expect(section('page-list')).toEqual(documents);
    expect(nav).toContain('<a epub:type="cover" href="pages/page-000-cover.xhtml">Cover</a>');
    expect(nav).toContain('<a epub:type="bodymatter" href="pages/page-001.xhtml">');
  });
});

describe('the panel regions (EPUB Region-Based Navigation)', () => {
  /** Every panel region of the book: its page document and rectangle in viewport pixels. */
  function panelRegions(book: Book) {
    const data = book.text('OEBPS/regions.xhtml');
    const item = manifestItems(book).find((i) => i.properties === 'data-nav');
    expect(item?.href).toBe('regions.xhtml');
    expect(spine(book).some((ref) => ref.idref === item?.id)).toBe(false);
    return [
      ...data.matchAll(/<li epub:type="panel"><a href="([^"#]+)#xywh=(\d+),(\d+),(\d+),(\d+)">/g),
    ].map((match) => ({
      document: match[1] as string,
      x: Number(match[2]),
      y: Number(match[3]),
      w: Number(match[4]),
      h: Number(match[5]),
    }));
  }

  it('list every panel in reading order, inside its page', () => {
    for (const book of Object.values(books)) {
      const regions = panelRegions(book);
      expect(regions.map((r) => r.document)).toEqual(
        book.story.pages.flatMap((page) =>
          page.panels.map(() => `pages/page-${String(page.number).padStart(3, '0')}.xhtml`),
        ),
      );
      for (const region of regions) {
        const viewport = /width=(\d+), height=(\d+)/.exec(book.text(`OEBPS/${region.document}`));
        expect(region.x + region.w).toBeLessThanOrEqual(Number(viewport?.[1]));
        expect(region.y + region.h).toBeLessThanOrEqual(Number(viewport?.[2]));
      }
    }
  });

  it('start each right-to-left row at the right', () => {
    const [first, second] = panelRegions(books.manga!);
    // Page 1 of the manga: a tall first panel on the right, the second to its left.
    expect(first!.x).toBeGreaterThan(second!.x);
    const [noirFirst] = panelRegions(books.noir!);
    expect(noirFirst!.x).toBeLessThan(50);
  });

  it("nest each panel's balloons, captions and sound effects", () => {
    const data = books.noir!.text('OEBPS/regions.xhtml');
    const lettered = books.noir!.story.pages[0]!.panels[2]!;
    expect(lettered.dialogue.length).toBeGreaterThan(0);
    const third = data.split('<li epub:type="panel">')[3] ?? '';
    expect(third.match(/epub:type="balloon"/g)).toHaveLength(lettered.dialogue.length);
  });
});

describe('escaping', () => {
  it('keeps script text from becoming markup anywhere in the book', async () => {
    const story = storyFrom(`
title: 'Fish & <Chips> "quoted" '' </title>'
series: '<b>S</b>'
writer: 'A & B'
summary: '</dc:description><evil/>'
language: en
page: { size: a4, dpi: 72 }
characters:
  ana: { name: '<Ana>', description: a woman }
cover:
  scene: 'a "cover" & <scene>'
pages:
  - panels:
      - scene: 'x <img src=y> & z'
        dialogue: [ana: 'Hi & <bye>']
`);
    const book = await composeBook('hostile', story);
    for (const name of Object.keys(book.files).filter((n) => /\.(xhtml|opf|xml)$/.test(n))) {
      expect(XMLValidator.validate(book.text(name)), name).toBe(true);
      for (const markup of [
        '<evil',
        '<img src=y',
        '<b>',
        '<Chips>',
        '<Ana>',
        '<bye>',
        '<title>Fish & ',
      ]) {
        expect(book.text(name)).not.toContain(markup);
      }
    }
    expect(book.text('OEBPS/package.opf')).toContain(
      '<dc:title id="title">Fish &amp; &lt;Chips&gt; &quot;quoted&quot; &#39; &lt;/title&gt;</dc:title>',
    );
  });
});

describe.skipIf(!hasEpubcheck)('epubcheck', () => {
  for (const name of ['noir', 'manga']) {
    it(`finds no error and no warning in the ${name} example`, async () => {
      const book = books[name]!;
      const report = join(temp.dir, `${name}-epubcheck.txt`);
      const { stdout, stderr } = await promisify(execFile)(
        'java',
        ['-jar', EPUBCHECK_JAR, book.path],
        {
          maxBuffer: 16 * 1024 * 1024,
        },
      ).catch((error: { stdout: string; stderr: string }) => error);
      await writeFile(report, `${stdout}\n${stderr}`);
      expect(`${stdout}\n${stderr}`).toMatch(/Messages: 0 fatals \/ 0 errors \/ 0 warnings/);
    }, 120_000);
  }
});
