import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFStream,
  PDFString,
  type PDFDocument as PdfLibDocument,
} from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOGRA39_PROFILE, readIccProfile, SRGB_PROFILE } from '../src/index.js';
import { composeSample, makeTempDir } from './_helpers.js';
import { hasTool, runTool, tableRows } from './_tools.js';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let rgbPath: string;
let cmykPath: string;
let rgb: PdfLibDocument;
let cmyk: PdfLibDocument;

beforeAll(async () => {
  temp = await makeTempDir();
  const { story, outDir, result } = await composeSample(temp.dir, {
    print: true,
    formats: ['pdf', 'pdf-cmyk'],
  });
  expect(result.outputs.map((output) => output.kind).sort()).toEqual(['pdf', 'pdf-cmyk']);
  rgbPath = join(outDir, `${story.slug}.pdf`);
  cmykPath = join(outDir, `${story.slug}-cmyk.pdf`);
  rgb = await PDFDocument.load(await readFile(rgbPath));
  cmyk = await PDFDocument.load(await readFile(cmykPath));
}, 120_000);

afterAll(() => temp.cleanup());

/** The document's output intent and its embedded profile's bytes. */
function outputIntent(pdf: PdfLibDocument) {
  const intents = pdf.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
  expect(intents.size()).toBe(1);
  const intent = intents.lookup(0, PDFDict);
  const profile = intent.lookup(PDFName.of('DestOutputProfile'), PDFStream) as PDFRawStream;
  const text = (key: string) => intent.lookupMaybe(PDFName.of(key), PDFString)?.decodeText();
  return {
    subtype: intent.get(PDFName.of('S'))?.toString(),
    identifier: text('OutputConditionIdentifier'),
    components: profile.dict.lookup(PDFName.of('N'), PDFNumber).asNumber(),
    icc: Buffer.from(decodePDFRawStream(profile).decode()),
  };
}

/** Every image XObject of every page. */
function pageImages(pdf: PdfLibDocument): PDFRawStream[] {
  return pdf.getPages().flatMap((page) => {
    const objects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    return (objects?.values() ?? [])
      .map((ref) => pdf.context.lookup(ref))
      .filter((object): object is PDFRawStream => object instanceof PDFRawStream);
  });
}

/** A page's content stream, decoded. */
function contentOf(pdf: PdfLibDocument, index: number): string {
  const contents = pdf.getPage(index).node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
  return streams
    .map((ref) => pdf.context.lookup(ref) as PDFRawStream)
    .map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'))
    .join('\n');
}

/** The colour operators of a content stream, and the fill colour in force at each `BT`. */
function colourUse(content: string) {
  const operators = new Set<string>();
  const fills: number[][] = [];
  const textFills: number[][] = [];
  let fill: number[] = [];
  const saved: number[][] = [];
  let operands: number[] = [];
  for (const token of content.split(/\s+/)) {
    if (token === '') continue;
    if (/^-?[\d.]+$/.test(token)) {
      operands.push(Number(token));
      continue;
    }
    if (
      ['rg', 'RG', 'g', 'G', 'k', 'K', 'sc', 'SC', 'scn', 'SCN', 'cs', 'CS', 'gs'].includes(token)
    )
      operators.add(token);
    if (['sc', 'scn', 'SC', 'SCN', 'k', 'K', 'rg', 'RG', 'g', 'G'].includes(token)) {
      fills.push(operands);
      if (token === token.toLowerCase()) fill = operands;
    }
    if (token === 'q') saved.push(fill);
    if (token === 'Q') fill = saved.pop() ?? [];
    if (token === 'BT') textFills.push(fill);
    operands = [];
  }
  return { operators, fills, textFills };
}

describe('the CMYK print edition', () => {
  it('embeds every page as a CMYK JPEG, without soft masks', () => {
    const images = pageImages(cmyk);
    expect(images).toHaveLength(3);
    for (const image of images) {
      expect(image.dict.get(PDFName.of('ColorSpace'))).toBe(PDFName.of('DeviceCMYK'));
      expect(image.dict.get(PDFName.of('Filter'))).toBe(PDFName.of('DCTDecode'));
      expect(image.dict.get(PDFName.of('SMask'))).toBeUndefined();
    }
    for (const image of pageImages(rgb)) {
      expect(image.dict.get(PDFName.of('ColorSpace'))).toBe(PDFName.of('DeviceRGB'));
    }
  });

  it('has a FOGRA39 output intent with the profile embedded; the RGB edition an sRGB one', () => {
    const press = outputIntent(cmyk);
    expect(press).toMatchObject({ subtype: '/GTS_PDFX', identifier: 'FOGRA39', components: 4 });
    expect(press.icc.equals(readIccProfile(FOGRA39_PROFILE))).toBe(true);
    const screen = outputIntent(rgb);
    expect(screen).toMatchObject({ identifier: 'sRGB IEC61966-2.1', components: 3 });
    expect(screen.icc.equals(readIccProfile(SRGB_PROFILE))).toBe(true);
  });

  it('has trim and bleed boxes on every page', () => {
    for (const page of cmyk.getPages()) {
      const trim = page.getTrimBox();
      const bleed = page.getBleedBox();
      expect(trim.x).toBeGreaterThan(bleed.x);
      expect(trim.x + trim.width).toBeLessThan(bleed.x + bleed.width);
      expect(page.getMediaBox()).toEqual(bleed);
    }
  });

  it('sets every colour in CMYK, lettering type in black ink only, and no rich black', () => {
    let blackType = 0;
    for (let index = 0; index < cmyk.getPageCount(); index += 1) {
      const { operators, fills, textFills } = colourUse(contentOf(cmyk, index));
      for (const rgbOperator of ['rg', 'RG', 'g', 'G', 'gs']) {
        expect(operators.has(rgbOperator)).toBe(false);
      }
      for (const colour of fills) {
        expect(colour).toHaveLength(4);
        const [c, m, y, k] = colour as [number, number, number, number];
        if (k >= 0.9) expect([c, m, y]).toEqual([0, 0, 0]);
      }
      for (const colour of textFills) {
        expect(colour).toHaveLength(4);
        if (colour.join(' ') === '0 0 0 1') blackType += 1;
      }
    }
    // Dialogue, captions and the cover caption are black type: at least one text object each.
    expect(blackType).toBeGreaterThanOrEqual(5);
    // The RGB edition draws the same type in RGB black.
    expect(colourUse(contentOf(rgb, 1)).textFills).toContainEqual([0, 0, 0]);
  });

  it('draws no transparency: no ExtGState, no soft mask, no blend', () => {
    for (const page of cmyk.getPages()) {
      expect(page.node.Resources()?.get(PDFName.of('ExtGState'))).toBeUndefined();
      expect(page.node.get(PDFName.of('Group'))).toBeUndefined();
    }
  });
});

describe.skipIf(!hasTool('pdfimages', '-v'))('the CMYK edition, checked with poppler', () => {
  it('pdfimages -list shows only CMYK JPEGs', async () => {
    const { code, stdout } = await runTool('pdfimages', ['-list', cmykPath]);
    expect(code).toBe(0);
    const rows = tableRows(stdout);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row[5]).toBe('cmyk');
      expect(row[6]).toBe('4');
      expect(row[8]).toBe('jpeg');
    }
  });

  it('pdffonts shows every font embedded', async () => {
    const { code, stdout } = await runTool('pdffonts', [cmykPath]);
    expect(code).toBe(0);
    const rows = tableRows(stdout);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    // Columns from the right: emb sub uni object-number generation.
    for (const row of rows) expect(row.at(-5)).toBe('yes');
  });

  it('renders the page art in the colours of the RGB edition (the CMYK JPEG is not inverted)', async () => {
    // Page 2 of each at 20 dpi, as `<prefix>.png`.
    const render = async (path: string, prefix: string) => {
      const out = join(temp.dir, prefix);
      const args = ['-r', '20', '-f', '2', '-l', '2', '-singlefile', '-png', path, out];
      expect((await runTool('pdftoppm', args)).code).toBe(0);
      return sharp(`${out}.png`).removeAlpha().raw().toBuffer();
    };
    const fromRgb = await render(rgbPath, 'rgb-render');
    const fromCmyk = await render(cmykPath, 'cmyk-render');
    expect(fromCmyk.length).toBe(fromRgb.length);
    let difference = 0;
    for (let i = 0; i < fromRgb.length; i += 1) {
      difference += Math.abs((fromRgb[i] ?? 0) - (fromCmyk[i] ?? 0));
    }
    // Press colours render a little differently; inverted inks would differ by over 100.
    expect(difference / fromRgb.length).toBeLessThan(30);
  });
});

describe.skipIf(!hasTool('qpdf'))('the CMYK edition, checked with qpdf', () => {
  it('qpdf --check finds no errors or warnings', async () => {
    const { code, stdout } = await runTool('qpdf', ['--check', cmykPath]);
    expect(stdout).toContain('No syntax or stream encoding errors found');
    expect(code).toBe(0);
  });
});
